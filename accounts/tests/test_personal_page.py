"""Mijn kennisplatform: API token, e-mail settings, closing the account."""

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token

from accounts.models import EmailPreferences
from accounts.tests.factories import PASSWORD, verified_user
from cases.editorial import EDITORS_GROUP
from cases.tests.factories import CaseFactory
from connectors.models import Connector
from connectors.tests.factories import ConnectorFactory
from spaces.models import Membership
from spaces.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = verified_user()
    client.force_login(user)
    return user


def test_personal_page_needs_a_login(client):
    response = client.get("/mijn/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/mijn/"


def test_personal_page_shows_what_the_person_keeps(client, member):
    response = client.get("/mijn/")
    html = response.content.decode()
    assert response.status_code == 200
    assert member.email in html
    assert "Tweestapsverificatie" in html and "E-mailinstellingen" in html
    assert "U heeft geen sleutel." in html
    assert "private" in response["Cache-Control"]


def test_token_is_shown_once_then_only_its_prefix_and_authenticates_the_api(client, member):
    closed_case = CaseFactory(title="Alleen voor leden")  # in the public knowledge base
    response = client.post("/mijn/api-sleutel/")
    key = response.context["key"]
    assert key in response.content.decode()
    assert Token.objects.get(user=member).key == key  # what DRF stores, nothing else

    page = client.get("/mijn/").content.decode()
    assert key not in page
    assert f"<code>{key[:6]}</code>" in page

    api = client_class_without_session()
    answer = api.get("/api/v1/praktijkvoorbeelden", HTTP_AUTHORIZATION=f"Token {key}")
    assert answer.status_code == 200
    assert answer["Cache-Control"].startswith("no-store") or "no-store" in answer["Cache-Control"]
    assert closed_case.title in answer.content.decode()

    client.post("/mijn/api-sleutel/intrekken/")
    assert not Token.objects.filter(user=member).exists()
    answer = api.get("/api/v1/praktijkvoorbeelden", HTTP_AUTHORIZATION=f"Token {key}")
    assert answer.status_code == 401


def client_class_without_session():
    from django.test import Client

    return Client()


def test_a_new_token_replaces_the_old_one(client, member):
    first = client.post("/mijn/api-sleutel/").context["key"]
    second = client.post("/mijn/api-sleutel/").context["key"]
    assert first != second
    assert list(Token.objects.filter(user=member).values_list("key", flat=True)) == [second]


def test_token_actions_need_post(client, member):
    assert client.get("/mijn/api-sleutel/").status_code == 405


def test_email_preferences_are_kept(client, member):
    client.post("/mijn/e-mailinstellingen/", {"invitations": "on"})
    preferences = EmailPreferences.objects.get(user=member)
    assert preferences.invitations and not preferences.space_activity


def test_closing_the_account_needs_the_password(client, member):
    response = client.post("/mijn/account-verwijderen/", {"password": "fout"})
    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_closing_the_account_removes_memberships_and_hides_the_profile(client, member, caplog):
    MembershipFactory(user=member)
    connector = ConnectorFactory(user=member)
    Token.objects.create(user=member)
    page = client.get("/mijn/account-verwijderen/").content.decode()
    assert "geen lid meer van ruimtes" in page
    assert "trekken we uw toestemming in" in page

    response = client.post("/mijn/account-verwijderen/", {"password": PASSWORD})
    assert response.status_code == 200
    assert "Uw account is verwijderd" in response.content.decode()
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Membership.objects.filter(user_id=member.pk).exists()
    assert not Token.objects.filter(user_id=member.pk).exists()
    connector.refresh_from_db()
    assert connector.user is None
    assert connector.consents.filter(withdrawn_at__isnull=True).count() == 0
    assert not Connector.objects.visible_to(member).filter(pk=connector.pk).exists()
    assert client.get(connector.get_absolute_url()).status_code == 404
    assert "_auth_user_id" not in client.session
    assert f"Account {member.pk} closed by its owner" in caplog.text


def test_editors_do_not_close_their_own_account(client):
    editor = verified_user(groups=[Group.objects.get(name=EDITORS_GROUP)])
    client.force_login(editor)
    response = client.post("/mijn/account-verwijderen/", {"password": PASSWORD})
    assert "Vraag een beheerder" in response.content.decode()
    assert User.objects.filter(pk=editor.pk).exists()


def test_guessing_the_password_when_closing_is_limited(client, member):
    statuses = [
        client.post("/mijn/account-verwijderen/", {"password": "fout"}).status_code
        for _ in range(6)
    ]
    assert statuses[-1] == 429
    assert User.objects.filter(pk=member.pk).exists()
