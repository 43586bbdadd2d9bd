"""Autocomplete: /zoeken/suggesties/?q=... for the search box."""

import pytest

from cases.tests.factories import CaseFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(closed_space):
    TopicFactory(name="Buurtbemiddeling", slug="buurtbemiddeling")
    CaseFactory(title="Buurtkamer in Overvecht")
    CaseFactory(title="Buurtgeheim van de leden", space=closed_space)
    CaseFactory(title="Buurtconcept", live=False, first_published_at=None)


def test_suggests_words_topics_and_visible_titles(client, corpus):
    response = client.get("/zoeken/suggesties/", {"q": "buurt"})
    assert response.status_code == 200
    # The word completed (from public titles and tags), then topics, then titles; a word that
    # is also a topic's name is shown once, as the topic.
    assert response.json() == {
        "suggesties": ["buurtkamer", "Buurtbemiddeling", "Buurtkamer in Overvecht"]
    }
    assert "private" in response["Cache-Control"]


def test_a_prefix_is_completed_to_words_of_public_content_only(client, corpus):
    CaseFactory(title="Overlast op het plein", tags=["overlastmeldingen"])
    CaseFactory(title="Overleg geheim", live=False, first_published_at=None)
    suggestions = client.get("/zoeken/suggesties/", {"q": "overl"}).json()["suggesties"]
    assert suggestions[:2] == ["overlast", "overlastmeldingen"]
    assert not any("overleg" in s.lower() for s in suggestions)


def test_members_get_their_closed_titles(client_for, member, corpus):
    suggestions = client_for(member).get("/zoeken/suggesties/", {"q": "buurt"}).json()
    assert "Buurtgeheim van de leden" in suggestions["suggesties"]


def test_short_or_empty_input_gets_nothing(client, corpus):
    assert client.get("/zoeken/suggesties/", {"q": "b"}).json() == {"suggesties": []}
    assert client.get("/zoeken/suggesties/").json() == {"suggesties": []}


def test_the_search_box_works_without_javascript(client, corpus):
    html = client.get("/").content.decode()
    assert 'list="site-search-suggestions"' in html
    assert 'action="/zoeken/"' in html
    assert 'src="/static/js/autocomplete.js" defer' in html
