"""Editors log in with two steps: without an authenticator they are sent to set one up before
anything else; with one, the login asks for its code. The codes here are computed as an
authenticator app does (RFC 6238)."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from accounts.tests.factories import PASSWORD, verified_user
from cases.editorial import EDITORS_GROUP

pytestmark = pytest.mark.django_db


def current_code(secret: str, offset: int = 0) -> str:
    return format_hotp_value(
        hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD + offset)
    )


@pytest.fixture(autouse=True)
def enforce(settings):
    settings.ACCOUNTS_EDITOR_MFA_REQUIRED = True


@pytest.fixture
def editor_account():
    return verified_user(groups=[Group.objects.get(name=EDITORS_GROUP)])


def test_editor_without_two_factor_is_sent_to_set_it_up(client, editor_account):
    response = client.post("/account/login/", {"login": editor_account.email, "password": PASSWORD})
    assert response.status_code == 302
    # Before the back office, and before any page of the site (drafts are visible there).
    for path in ("/beheer/", "/beheer/pages/", "/", "/mijn/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/account/2fa/totp/activate/", path
    # Setting it up asks for the password once more (allauth's reauthentication).
    response = client.get("/account/2fa/totp/activate/")
    assert response["Location"].startswith("/account/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/account/2fa/totp/activate/"
    page = client.get("/account/2fa/totp/activate/")
    html = page.content.decode()
    assert "U bent redacteur" in html
    secret = page.context["form"].secret
    assert secret in html

    # A wrong code is refused, the right one sets it up.
    response = client.post("/account/2fa/totp/activate/", {"code": "000000"})
    assert "Dit ging niet goed" in response.content.decode()
    response = client.post("/account/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor_account, type="totp").exists()
    assert client.get("/beheer/").status_code == 200


def test_editor_with_two_factor_needs_the_code_to_log_in(client, editor_account):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(editor_account, secret)
    response = client.post(
        "/account/login/?next=/beheer/", {"login": editor_account.email, "password": PASSWORD}
    )
    assert response["Location"] == "/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/")["Location"].startswith("/account/login/")
    response = client.post("/account/2fa/authenticate/", {"code": "123456"})
    assert "_auth_user_id" not in client.session
    response = client.post("/account/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_members_are_not_asked_for_two_factor(client):
    member = verified_user()
    client.post("/account/login/", {"login": member.email, "password": PASSWORD})
    assert client.get("/mijn/").status_code == 200
    assert client.get("/beheer/").status_code == 302  # no back office for members


def test_staff_and_superusers_need_it_too(client):
    for user in (verified_user(is_staff=True), verified_user(is_superuser=True)):
        client.force_login(user)
        assert client.get("/")["Location"] == "/account/2fa/totp/activate/"
        client.logout()
