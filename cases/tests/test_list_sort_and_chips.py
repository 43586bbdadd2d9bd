"""The case list on a phone: filters behind "Filteren", the chosen filters as chips that each
remove one filter, and the order (`sorteer`, the API's names)."""

import datetime

import pytest
from django.utils import timezone

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three():
    now = timezone.now()
    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    return [
        CaseFactory(
            title="Buurtapp bij overlast",
            summary="Overlast melden.",
            first_published_at=now - datetime.timedelta(days=1),
            topics=[topic],
        ),
        CaseFactory(
            title="Avondwandeling tegen overlast",
            summary="Samen lopen tegen overlast. Overlast, overlast.",
            first_published_at=now - datetime.timedelta(days=30),
            outcome=Outcome.FAILURE,
            topics=[topic],
        ),
        CaseFactory(
            title="Cameratoezicht",
            summary="Camera's bij het winkelcentrum.",
            first_published_at=now - datetime.timedelta(days=10),
        ),
    ]


def titles(response) -> list[str]:
    return [case.title for case in response.context["page"]]


def test_without_words_newest_first_or_a_to_z(client, three):
    assert titles(client.get("/praktijkvoorbeelden/")) == [
        "Buurtapp bij overlast",
        "Cameratoezicht",
        "Avondwandeling tegen overlast",
    ]
    assert titles(client.get("/praktijkvoorbeelden/?sorteer=titel")) == [
        "Avondwandeling tegen overlast",
        "Buurtapp bij overlast",
        "Cameratoezicht",
    ]


def test_with_words_relevance_newest_or_a_to_z(client, three):
    ranked = titles(client.get("/praktijkvoorbeelden/?q=overlast"))
    assert set(ranked) == {"Buurtapp bij overlast", "Avondwandeling tegen overlast"}
    newest = titles(client.get("/praktijkvoorbeelden/?q=overlast&sorteer=-gepubliceerdOp"))
    assert newest == ["Buurtapp bij overlast", "Avondwandeling tegen overlast"]
    by_title = titles(client.get("/praktijkvoorbeelden/?q=overlast&sorteer=titel"))
    assert by_title == ["Avondwandeling tegen overlast", "Buurtapp bij overlast"]
    html = client.get("/praktijkvoorbeelden/?q=overlast").content.decode()
    assert "Relevantie" in html


def test_the_order_keeps_the_filters_and_an_unknown_order_is_the_default(client, three):
    response = client.get("/praktijkvoorbeelden/?thema=veiligheid&sorteer=titel")
    assert titles(response) == ["Avondwandeling tegen overlast", "Buurtapp bij overlast"]
    html = response.content.decode()
    # The filter form keeps the order; the order is no filter to remove.
    assert '<input type="hidden" name="sorteer" value="titel">' in html
    assert "Alle filters weghalen" in html
    assert "Verwijder filter: </span>Thema: Veiligheid" in html
    assert response.context["has_filters"]
    only_sorted = client.get("/praktijkvoorbeelden/?sorteer=titel")
    assert not only_sorted.context["has_filters"]
    unknown = client.get("/praktijkvoorbeelden/?sorteer=prijs")
    assert unknown.status_code == 200
    assert titles(unknown)[0] == "Buurtapp bij overlast"


def test_filters_sit_behind_a_disclosure_and_each_chip_removes_one(client, three):
    html = client.get("/praktijkvoorbeelden/?thema=veiligheid&uitkomst=mislukt").content.decode()
    assert '<details class="filters__disclosure" data-open-wide>' in html
    assert "(2 gekozen)" in html
    # Each chip's link is the same address without that one value.
    assert 'href="?uitkomst=mislukt"' in html
    assert 'href="?thema=veiligheid"' in html


def test_search_without_results_has_no_empty_filter_column(client, three):
    html = client.get("/zoeken/?q=xyzxyz").content.decode()
    assert "filters__disclosure" not in html
    assert "Niets gevonden." in html
    found = client.get("/zoeken/?q=overlast&sorteer=titel")
    assert "filters__disclosure" in found.content.decode()
    assert [hit.case.title for hit in found.context["hits"]] == [
        "Avondwandeling tegen overlast",
        "Buurtapp bij overlast",
    ]


def test_sorted_list_query_count(client, django_assert_max_num_queries, three):
    client.get("/praktijkvoorbeelden/")  # the facet index and the matches are now kept
    # The state, the cases in title order (one query whatever their number) and one page.
    with django_assert_max_num_queries(5):
        response = client.get("/praktijkvoorbeelden/?sorteer=titel")
    assert len(titles(response)) == 3
