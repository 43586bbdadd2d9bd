"""Settings that are safe by default, and the security headers every page carries.

Without DEBUG=1 the platform refuses to start without a SECRET_KEY or ALLOWED_HOSTS; configured
for production it passes Django's deploy check; and every page carries the security headers.
"""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from kennisplatform.middleware import ADMIN_PREFIX


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with only the given environment (and the database)."""
    clean_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    if os.environ.get("DATABASE_URL"):
        clean_env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    clean_env.update(env)
    return subprocess.run(  # noqa: S603 (our own manage.py, with fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_secret_key() -> str:
    return secrets.token_urlsafe(48)  # 64 characters


@pytest.mark.parametrize("debug", [{"DEBUG": "0"}, {}], ids=["DEBUG=0", "DEBUG unset"])
@pytest.mark.parametrize("secret_key", [{}, {"SECRET_KEY": ""}], ids=["missing", "empty"])
def test_no_start_without_a_secret_key(debug, secret_key):
    result = manage("check", ALLOWED_HOSTS="kennisplatform.example.nl", **debug, **secret_key)

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("debug", [{"DEBUG": "0"}, {}], ids=["DEBUG=0", "DEBUG unset"])
def test_no_start_without_allowed_hosts(debug):
    result = manage("check", SECRET_KEY=production_secret_key(), **debug)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


@pytest.mark.parametrize("count", ["twee", "-1"])
def test_no_start_with_a_wrong_trusted_proxy_count(count):
    result = manage("check", DEBUG="1", TRUSTED_PROXY_COUNT=count)

    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT must be a whole number" in result.stderr


def test_development_needs_no_configuration():
    result = manage("check", DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=production_secret_key(),
        ALLOWED_HOSTS="kennisplatform.example.nl",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


# --- headers on the site's pages ---------------------------------------------------------------

SITE_PAGES = ["/", "/praktijkvoorbeelden/", "/themas/", "/gemeenten/", "/bestaat-niet/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_carry_the_security_headers(client, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/praktijkvoorbeelden/", "/themas/"])
def test_a_signed_in_users_page_is_never_stored(client_for, member, path):
    response = client_for(member).get(path)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_anonymous_page_is_kept_apart_from_signed_in_ones(client):
    response = client.get("/")

    assert "private" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]


def csp(response) -> dict[str, str]:
    """The Content-Security-Policy as {directive: sources}."""
    directives = (
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return {name: (rest[0] if rest else "") for name, *rest in directives}


@pytest.mark.django_db
def test_the_one_login_may_not_be_framed(client):
    """The back office's login address leads to the site's login (accounts), framed by no one."""
    assert client.get(f"{ADMIN_PREFIX}login/")["Location"] == "/account/login/"
    response = client.get("/account/login/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_the_back_office_pages_cannot_be_framed(client_for, editor):
    response = client_for(editor).get(ADMIN_PREFIX)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    policy = csp(response)
    assert policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_preview_panel_may_be_framed_by_the_back_office_only(client_for, editor):
    from cases.tests.test_editorial import case_form

    client = client_for(editor)
    preview_url = f"{ADMIN_PREFIX}snippets/cases/case/preview/"
    assert client.post(preview_url, case_form(title="Nog niet gepubliceerd")).json() == {
        "is_valid": True,
        "is_available": True,
    }
    response = client.get(preview_url, {"mode": "", "in_preview_panel": "true"})

    assert response.status_code == 200
    assert "Nog niet gepubliceerd" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = csp(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'"  # the public page's own policy otherwise
