"""The widgets in a real browser, framed by a page on another origin (a second local port).

- each widget renders in the iframe, the iframe's height follows its content through our
  resize script, links open the platform in a new context (target=_blank, rel=noopener), and
  axe finds no WCAG 2.2 A/AA violations in the widget or on the explanation page;
- a normal page refuses to be framed: the frame stays empty.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from embeds.models import EmbedTheme
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def portal():
    """A tiny web server on another port: the municipality's portal, serving one page."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, pages
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A page that may visit the live server and the portal (both on this machine)."""
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})

    def only_loopback(route):
        if route.request.url.startswith(("http://127.0.0.1:", "http://localhost:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_loopback)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def content():
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    topic = TopicFactory(slug="veiligheid")
    for n in range(4):
        CaseFactory(
            title=f"Buurtaanpak nummer {n}",
            summary="Bewoners en wijkagent werkten samen aan een veilige straat. " * 3,
            outcome=Outcome.SUCCESS if n % 2 else Outcome.FAILURE,
            what_went_wrong="De subsidie stopte.",
            municipality=amsterdam,
            topics=[topic],
        )
    return {"case": CaseFactory(title="Eén kaart", municipality=amsterdam, topics=[topic])}


def portal_page(live_server, embed_path: str) -> str:
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente</title>'
        "</head><body><main><h1>Onze wijken</h1>"
        f'<iframe src="{live_server.url}{embed_path}" title="Widget" loading="eager" '
        'style="width:100%;height:150px;border:0"></iframe>'
        f'<script src="{live_server.url}/embed/embed.js" async></script>'
        "</main></body></html>"
    )


@pytest.mark.parametrize(
    "kind",
    ["gemeente/GM0363/", "thema/veiligheid/", "zoeken/", "praktijkvoorbeeld"],
)
def test_each_widget_renders_resizes_and_opens_links_in_a_new_context(
    browser_page, live_server, portal, content, kind
):
    server, pages = portal
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    EmbedTheme.objects.create(
        name="Portaal",
        slug="portaal",
        accent_color="#8a1538",
        allowed_origins=f"{origin}\n{live_server.url}",
    )
    if kind == "praktijkvoorbeeld":
        kind = f"praktijkvoorbeeld/{content['case'].slug}/"
    pages["/"] = portal_page(live_server, f"/embed/{kind}?stijl=portaal")

    browser_page.goto(f"{origin}/")
    frame_element = browser_page.locator("iframe")
    frame = browser_page.frame_locator("iframe")
    frame.locator("main.kp-embed__main").wait_for()
    # The resize script fitted the iframe to the widget (it started at 150 px).
    browser_page.wait_for_function(
        "() => document.querySelector('iframe').style.height !== '150px'"
    )
    height = frame_element.evaluate("el => el.getBoundingClientRect().height")
    content_height = frame.locator("body").evaluate("b => b.getBoundingClientRect().height")
    assert abs(height - content_height) <= 2

    links = frame.locator("a")
    assert links.count() >= 1
    for i in range(links.count()):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert "noopener" in links.nth(i).get_attribute("rel")
    if kind == "zoeken/":
        assert frame.locator("form").get_attribute("target") == "_blank"
    # The theme's accent colour reached the widget through the NL Design System tokens.
    accent = frame.locator("body").evaluate(
        "b => getComputedStyle(b).getPropertyValue("
        "'--utrecht-button-primary-action-background-color').trim()"
    )
    assert accent == "#8a1538"

    # The widget itself passes axe, wide and narrow.
    widget = browser_page.frames[1]
    browser_page.goto(widget.url)
    assert_no_axe_violations_wide_and_narrow(browser_page)


def test_a_normal_page_refuses_to_be_framed(browser_page, live_server, portal, content):
    server, pages = portal
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    pages["/"] = portal_page(live_server, "/praktijkvoorbeelden/")

    browser_page.goto(f"{origin}/")
    browser_page.wait_for_timeout(1000)
    frame = browser_page.frames[1] if len(browser_page.frames) > 1 else None
    # Blocked by frame-ancestors 'none' and X-Frame-Options: DENY: nothing of the page shows.
    assert frame is None or frame.locator("main").count() == 0


def test_the_explanation_page_has_no_wcag_violations(browser_page, live_server, content):
    browser_page.goto(f"{live_server.url}/embed/")
    assert browser_page.locator("textarea").count() == 4
    assert_no_axe_violations_wide_and_narrow(browser_page)
