"""The case list at /praktijkvoorbeelden/: each filter, combinations, counts and query counts."""

import pytest

from cases.models import Domain, EvidenceLevel, Outcome, TargetGroup
from cases.tests.factories import CaseFactory
from municipalities.tests.factories import MunicipalityFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    enschede = MunicipalityFactory(name="Enschede", slug="enschede", cbs_code="GM0153")
    safety = TopicFactory(name="Veiligheid", slug="veiligheid")
    youth = TopicFactory(name="Jongeren", slug="jongeren")
    police = Domain.objects.get(slug="politie")
    welfare = Domain.objects.get(slug="welzijn")
    young = TargetGroup.objects.get(slug="jongeren")
    elderly = TargetGroup.objects.get(slug="ouderen")
    return {
        "street": CaseFactory(
            title="Jongerenwerk op het plein",
            summary="Jongerenwerkers op straat.",
            outcome=Outcome.SUCCESS,
            municipality=utrecht,
            topics=[safety, youth],
            domains=[police, welfare],
            target_groups=[young],
            evidence_level=EvidenceLevel.WELL_DESCRIBED,
            tags=["jongerenwerk", "straat"],
        ),
        "closed_house": CaseFactory(
            title="Buurthuis dicht",
            summary="Het buurthuis sloot na het project.",
            outcome=Outcome.FAILURE,
            municipality=enschede,
            topics=[youth],
            domains=[welfare],
            target_groups=[young, elderly],
            tags=["buurthuis"],
        ),
        "coffee": CaseFactory(
            title="Buurtkoffie voor ouderen",
            summary="Koffie in de buurtkamer.",
            outcome=Outcome.MIXED,
            municipality=utrecht,
            topics=[safety],
            domains=[police],
            target_groups=[elderly],
            tags=["buurtkamer"],
        ),
    }


def listed(client, query: str) -> set[str]:
    response = client.get(f"/praktijkvoorbeelden/{query}")
    assert response.status_code == 200
    return {case.title for case in response.context["page"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"street", "closed_house", "coffee"}),
        ("?thema=veiligheid", {"street", "coffee"}),
        ("?uitkomst=mislukt", {"closed_house"}),
        ("?gemeente=utrecht", {"street", "coffee"}),
        ("?domein=politie", {"street", "coffee"}),
        ("?doelgroep=ouderen", {"closed_house", "coffee"}),
        ("?bewijsniveau=goed_beschreven", {"street"}),
        ("?tag=buurthuis", {"closed_house"}),
        ("?q=buurthuis", {"closed_house"}),
        ("?q=BUURTKAMER", {"coffee"}),
        # Several values of one filter are alternatives...
        ("?uitkomst=mislukt&uitkomst=gemengd", {"closed_house", "coffee"}),
        ("?tag=buurthuis&tag=buurtkamer", {"closed_house", "coffee"}),
        # ...different filters narrow each other.
        ("?thema=jongeren&gemeente=utrecht", {"street"}),
        ("?domein=welzijn&doelgroep=ouderen&uitkomst=mislukt", {"closed_house"}),
        ("?thema=veiligheid&uitkomst=mislukt", set()),
    ],
)
def test_each_filter_and_combinations(client, corpus, query, expected):
    assert listed(client, query) == {corpus[key].title for key in expected}


def test_a_case_with_two_matching_topics_is_listed_once(client, corpus):
    response = client.get("/praktijkvoorbeelden/?thema=veiligheid&thema=jongeren")
    titles = [case.title for case in response.context["page"]]
    assert sorted(titles) == sorted(case.title for case in corpus.values())


def test_facet_counts_follow_the_other_filters(client, corpus):
    response = client.get("/praktijkvoorbeelden/?gemeente=utrecht")
    facets = {facet.name: facet for facet in response.context["facets"]}
    # Counts within Utrecht for the other facets...
    assert {o.value: o.count for o in facets["uitkomst"].options} == {"geslaagd": 1, "gemengd": 1}
    assert {o.value: o.count for o in facets["thema"].options} == {"veiligheid": 2, "jongeren": 1}
    # ...while the municipality facet still offers the alternatives, with their own counts.
    assert {o.value: (o.count, o.selected) for o in facets["gemeente"].options} == {
        "enschede": (1, False),
        "utrecht": (2, True),
    }


def test_filters_are_reflected_in_a_shareable_url(client, corpus):
    response = client.get("/praktijkvoorbeelden/?thema=veiligheid&uitkomst=gemengd")
    html = response.content.decode()
    assert 'name="thema" value="veiligheid" checked' in html
    assert 'name="uitkomst" value="gemengd" checked' in html
    # Each chosen filter can be removed on its own, keeping the others.
    assert 'href="?uitkomst=gemengd"' in html
    assert 'href="?thema=veiligheid"' in html


def test_an_unknown_filter_value_gets_a_clear_message(client, corpus):
    response = client.get("/praktijkvoorbeelden/?thema=bestaat-niet")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Een deel van de filters klopt niet" in html
    # The bad filter is ignored; the list still shows everything.
    assert response.context["page"].paginator.count == 3


def test_zero_results_says_what_to_do(client, corpus):
    html = client.get("/praktijkvoorbeelden/?q=onvindbaar").content.decode()
    assert "0 praktijkvoorbeelden" in html
    assert "Haal een filter weg" in html


def test_pagination_keeps_filters(client):
    topic = TopicFactory(slug="veel")
    for _ in range(25):
        CaseFactory(topics=[topic])
    response = client.get("/praktijkvoorbeelden/?thema=veel")
    assert len(response.context["page"]) == 20
    assert 'href="?thema=veel&amp;pagina=2"' in response.content.decode()
    second = client.get("/praktijkvoorbeelden/?thema=veel&pagina=2")
    assert len(second.context["page"]) == 5


def _make_cases(count: int):
    topics = [TopicFactory(slug=f"t{i}") for i in range(3)]
    for i in range(count):
        CaseFactory(topics=topics, tags=[f"tag{i % 4}", "gedeeld"])


@pytest.mark.parametrize("count", [3, 15])
def test_list_query_count_does_not_grow_with_cases(client, django_assert_num_queries, count):
    _make_cases(count)
    # After a change: the search state, the visible cases newest first, the facet index (cases,
    # 5 link tables, 6 vocabularies), one page of cases (with municipality) and their topics.
    with django_assert_num_queries(16):
        response = client.get("/praktijkvoorbeelden/")
    assert response.context["page"].paginator.count == count
    # Until the next change: the state and the page (the order and the counts are kept).
    with django_assert_num_queries(3):
        response = client.get("/praktijkvoorbeelden/?pagina=1")
    assert response.context["page"].paginator.count == count


def test_list_query_count_with_filters(client, django_assert_num_queries):
    _make_cases(5)
    # + 2 to check that the chosen topic and tag exist.
    with django_assert_num_queries(18):
        response = client.get("/praktijkvoorbeelden/?thema=t1&tag=gedeeld&uitkomst=geslaagd")
    assert response.context["page"].paginator.count == 5
    # Other filters, same words: the state and the two checks; no case to load.
    with django_assert_num_queries(3):
        response = client.get("/praktijkvoorbeelden/?thema=t1&tag=gedeeld&uitkomst=mislukt")
    assert response.context["page"].paginator.count == 0
