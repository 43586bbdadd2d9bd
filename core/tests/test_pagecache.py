"""Whole pages for anonymous visitors come from the cache, and never a stale or another
visitor's page."""

import pytest
from django.test import Client

from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from core.pagecache import HEADER

pytestmark = pytest.mark.django_db

CASES = "/praktijkvoorbeelden/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_a_second_anonymous_visitor_gets_the_kept_page_for_one_query(
    django_assert_num_queries,
):
    CaseFactory(title="Buurtkamer Overvecht")
    first = Client().get(CASES)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(1):  # the content state token
        second = Client().get(CASES)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_published_case_shows_at_the_next_request():
    Client().get(CASES)
    CaseFactory(title="Nieuw in de wijk")
    response = Client().get(CASES)
    assert response[HEADER] == "miss"
    assert "Nieuw in de wijk" in response.content.decode()


def test_an_unpublished_case_is_gone_at_the_next_request():
    case = CaseFactory(title="Straks verborgen")
    case.save_revision().publish()
    assert "Straks verborgen" in Client().get(CASES).content.decode()
    case.unpublish()
    assert "Straks verborgen" not in Client().get(CASES).content.decode()


def test_a_member_never_gets_the_anonymous_page(closed_space, member, client_for):
    CaseFactory(title="Besloten les", space=closed_space)
    anonymous_page = Client().get(CASES)
    assert "Besloten les" not in anonymous_page.content.decode()
    members_page = client_for(member).get(CASES)
    assert HEADER not in members_page
    assert "Besloten les" in members_page.content.decode()


def test_a_member_page_is_never_kept_for_anonymous_visitors(closed_space, member, client_for):
    CaseFactory(title="Besloten les", space=closed_space)
    client_for(member).get(CASES)
    response = Client().get(CASES)
    assert response[HEADER] == "miss"
    assert "Besloten les" not in response.content.decode()


def test_a_token_holder_of_the_api_is_never_served_from_the_cache(member):
    from rest_framework.authtoken.models import Token

    Client().get("/api/v1/praktijkvoorbeelden")
    token = Token.objects.create(user=member)
    response = Client().get("/api/v1/praktijkvoorbeelden", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert HEADER not in response


def test_each_language_has_its_own_page():
    dutch = Client().get(CASES)
    english_client = Client()
    english_client.cookies["django_language"] = "en"
    english = english_client.get(CASES)
    assert english[HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert dutch["Content-Language"] == "nl"


def test_a_response_that_sets_a_cookie_is_not_kept():
    connector = ConnectorFactory(open_for_questions=True)
    path = f"/wijkschakelaars/{connector.slug}/contact/"
    first = Client().get(path)
    assert first.cookies  # the form's CSRF cookie
    assert HEADER not in first
    assert HEADER not in Client().get(path)


def test_a_missing_page_is_not_kept():
    assert Client().get("/praktijkvoorbeelden/bestaat-niet/").status_code == 404
    response = Client().get("/praktijkvoorbeelden/bestaat-niet/")
    assert HEADER not in response


def test_off_by_default_in_development(settings):
    settings.PAGE_CACHE = False
    Client().get(CASES)
    assert HEADER not in Client().get(CASES)
