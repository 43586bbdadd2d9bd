"""Fixtures for the browser tests: one headless Chromium per session, a fresh page per test."""

import os
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    """Headless Chromium, started after the test database exists.

    Playwright's sync API leaves its event loop marked as running in this thread, and Django
    then keeps database connections per async context instead of per thread: the tests get new
    connection objects. Those must carry what the test database setup stored on the old ones
    (the serialized contents that `serialized_rollback` restores), and must be closed before
    the test database is dropped.
    """
    if not os.path.exists(CHROMIUM):
        # Not a skip: the accessibility checks are a quality bar (WCAG 2.2 AA).
        pytest.fail(f"No Chromium at {CHROMIUM}: run `make chromium` or set CHROMIUM_PATH")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    connections.close_all()
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def page(chromium, live_server):
    """A page in a fresh context (no cookies) whose relative URLs go to the live server.

    Requests to any other host are refused, so a page that needs the internet fails here
    the same way it would in a locked-down network.
    """
    context = chromium.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    own_host = urlsplit(live_server.url).netloc

    def only_own_host(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_own_host)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
