"""`/api/v1/_zoek` and `q` on `/api/v1/praktijkvoorbeelden`."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from discussions.models import Discussion
from meetings.models import Meeting
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(closed_space):
    youth = TopicFactory(name="Jongeren", slug="jongeren")
    CaseFactory(title="Sportveld", summary="Ook een buurthuis.", context="Wijk.")
    CaseFactory(
        title="Buurthuis voor jongeren",
        summary="Een buurthuis met jongerenwerkers.",
        topics=[youth],
    )
    CaseFactory(
        title="Buurthuis dicht",
        summary="Het buurthuis sloot.",
        outcome=Outcome.FAILURE,
        what_went_wrong="Geld op.",
    )
    CaseFactory(title="Geheim buurthuis", summary="buurthuis", space=closed_space)


def test_search_endpoint_ranks_and_counts_visible_only(client, corpus):
    response = client.get("/api/v1/_zoek", {"q": "buurthuizen"})
    assert response.status_code == 200
    body = response.json()
    assert body["aantal"] == 3
    titles = [hit["titel"] for hit in body["resultaten"]]
    assert "Geheim buurthuis" not in titles
    assert titles[-1] == "Sportveld"  # a title match ranks above a summary-only match
    hit = body["resultaten"][0]
    assert set(hit) == {
        "type",
        "slug",
        "titel",
        "samenvatting",
        "uitkomst",
        "bewijsniveau",
        "fragment",
        "_links",
    }
    assert "<mark>" not in hit["fragment"]
    assert {o["waarde"]: o["aantal"] for o in body["facetten"]["uitkomst"]} == {
        "geslaagd": 2,
        "mislukt": 1,
    }
    assert response["API-Version"]


def test_search_endpoint_combines_filters(client, corpus):
    body = client.get("/api/v1/_zoek", {"q": "buurthuis", "uitkomst": "mislukt"}).json()
    assert [hit["titel"] for hit in body["resultaten"]] == ["Buurthuis dicht"]


def test_search_endpoint_needs_words_and_valid_filters(client, corpus):
    response = client.get("/api/v1/_zoek")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "q"
    response = client.get("/api/v1/_zoek", {"q": "buurthuis", "uitkomst": "onzin"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "uitkomst"


def test_q_on_the_case_list_orders_by_relevance(client, corpus):
    body = client.get("/api/v1/praktijkvoorbeelden", {"q": "buurthuis"}).json()
    titles = [case["titel"] for case in body["resultaten"]]
    assert body["aantal"] == 3
    assert titles[-1] == "Sportveld"
    assert "Geheim buurthuis" not in titles


def test_search_endpoint_finds_topics_beside_cases(client, corpus):
    TopicFactory(name="Buurthuiswerk", slug="buurthuiswerk", description="Werk in buurthuizen.")
    body = client.get("/api/v1/_zoek", {"q": "buurthuis"}).json()
    assert [topic["naam"] for topic in body["themas"]] == ["Buurthuiswerk"]
    assert body["themas"][0]["_links"]["self"]["href"].endswith("/api/v1/themas/buurthuiswerk")
    assert {o["waarde"]: o["aantal"] for o in body["facetten"]["soort"]} == {
        "praktijkvoorbeeld": 3,
        "thema": 1,
    }
    only_topics = client.get("/api/v1/_zoek", {"q": "buurthuis", "soort": "thema"}).json()
    assert only_topics["aantal"] == 0 and len(only_topics["themas"]) == 1


def test_search_endpoint_query_count(client, corpus, django_assert_num_queries):
    # After a change: the search state, the facet index (cases, 5 link tables, 6
    # vocabularies), the thesaurus, the cases (their newest matches, ranked),
    # topics, dialogue statements, wijkschakelaars, discussions and meetings ranked in one
    # query, the page of cases with their topics. "buurthuis" is a compound and fewer than a
    # page have the word itself: cases and the other kinds are asked again for "buurt" and
    # "huis".
    # (Content types are read once per process; discussions may not have been asked yet.)
    ContentType.objects.get_for_model(Discussion)
    ContentType.objects.get_for_model(Meeting)
    with django_assert_num_queries(20):
        client.get("/api/v1/_zoek", {"q": "buurthuis"})
    with django_assert_num_queries(3):  # the same words: the state and the page
        client.get("/api/v1/_zoek", {"q": "buurthuis"})
