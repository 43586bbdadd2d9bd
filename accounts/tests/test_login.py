"""Sign-up, e-mail verification, login by e-mail, rate limits and password reset: one login for
the site and the back office."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from accounts.tests.factories import PASSWORD, verified_user
from cases.editorial import EDITORS_GROUP

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_signup_verification_mail_confirm_then_login(client):
    response = client.post(
        "/account/signup/",
        {
            "email": "nieuw.lid@example.org",
            "password1": "een lange zin als wachtwoord",
            "password2": "een lange zin als wachtwoord",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/confirm-email/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw.lid@example.org"]
    assert message.subject == "[Kennisplatform Wijkaanpak] Bevestig uw e-mailadres"
    assert "Bevestig het dan via deze link" in message.body

    # Not yet confirmed: logging in sends the link again instead of logging in.
    client.logout()
    response = client.post(
        "/account/login/",
        {"login": "nieuw.lid@example.org", "password": "een lange zin als wachtwoord"},
    )
    assert response["Location"] == "/account/confirm-email/"
    assert "_auth_user_id" not in client.session

    confirm_url = link_in(mail.outbox[-1])
    page = client.get(confirm_url)
    assert "Ja, bevestig mijn e-mailadres" in page.content.decode()
    client.post(confirm_url)
    response = client.post(
        "/account/login/",
        {"login": "nieuw.lid@example.org", "password": "een lange zin als wachtwoord"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert client.get("/mijn/").status_code == 200


def test_signup_errors_are_in_dutch_with_a_summary(client):
    response = client.post(
        "/account/signup/", {"email": "geen-adres", "password1": "123", "password2": "456"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit ging niet goed" in html
    assert 'href="#id_email"' in html
    assert 'autocomplete="new-password"' in html
    assert not User.objects.filter(email="geen-adres").exists()


def test_login_page_is_dutch_with_labels_and_autocomplete(client):
    html = client.get("/account/login/").content.decode()
    assert '<label for="id_login">E-mailadres</label>' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in html
    assert "placeholder" not in html


def test_wrong_password_says_so_in_dutch(client):
    user = verified_user()
    response = client.post("/account/login/", {"login": user.email, "password": "fout"})
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_are_throttled_even_the_right_one_then(client):
    """The finding: 42 wrong passwords for an editor at /beheer/login/, then the right one
    logged in. Now there is one login, and after 5 wrong ones even the right one is refused."""
    editor = verified_user(groups=[Group.objects.get(name=EDITORS_GROUP)])
    for _ in range(5):
        response = client.post("/account/login/", {"login": editor.email, "password": "fout"})
        assert "klopt niet" in response.content.decode()
    response = client.post("/account/login/", {"login": editor.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "U heeft te vaak een verkeerd wachtwoord ingevuld" in response.content.decode()
    # Wagtail's own login form is not served: its address leads to the same login.
    response = client.post("/beheer/login/", {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert "_auth_user_id" not in client.session


def test_back_office_sends_to_the_one_login(client):
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/beheer/")
    assert client.get("/beheer/login/?next=/beheer/")["Location"] == (
        "/account/login/?next=/beheer/"
    )


def test_signups_are_rate_limited_with_a_dutch_page(client):
    for n in range(5):
        client.post("/account/signup/", {"email": f"x{n}@example.org", "password1": "a"})
    response = client.post("/account/signup/", {"email": "x9@example.org", "password1": "a"})
    assert response.status_code == 429
    assert "U heeft dit in korte tijd te vaak geprobeerd" in response.content.decode()


def test_password_reset_mail_and_new_password(client):
    user = verified_user()
    response = client.post("/account/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[Kennisplatform Wijkaanpak] Kies een nieuw wachtwoord"
    reset_url = link_in(mail.outbox[0])
    page = client.get(reset_url, follow=True)
    action = page.request["PATH_INFO"]
    assert "Nieuw wachtwoord kiezen" in page.content.decode()
    response = client.post(
        action, {"password1": "nog een lange zin erbij", "password2": "nog een lange zin erbij"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nog een lange zin erbij")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/account/password/reset/", {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox[0].subject == "[Kennisplatform Wijkaanpak] Geen account met dit e-mailadres"


def test_mail_goes_through_a_task_that_can_be_rerun(client, monkeypatch, caplog):
    """A failing send is logged and the task fails (to be rerun); the action itself is done."""
    from django.core.mail.backends.locmem import EmailBackend

    def broken(self, messages):
        raise OSError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", broken)
    user = verified_user()
    response = client.post("/account/password/reset/", {"email": user.email})
    assert response.status_code == 302  # the visitor is not bothered by it
    assert "the task can be rerun" in caplog.text
