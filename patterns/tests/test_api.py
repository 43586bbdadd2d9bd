"""Failure patterns in the API: `/api/v1/faalpatronen`, `faalpatronen` on a case, the
`faalpatroon` filter on the case list and the search, with counts of visible cases only."""

import pytest
from rest_framework.authtoken.models import Token

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from patterns.tests import fixtures
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory

pytestmark = pytest.mark.django_db

patterns, world = fixtures.patterns, fixtures.world  # the shared fixtures

PATTERNS = "/api/v1/faalpatronen"
CASES = "/api/v1/praktijkvoorbeelden"
PROBLEM_JSON = "application/problem+json"


def token_headers(user) -> dict:
    token, _ = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}


def by_slug(response) -> dict[str, dict]:
    assert response.status_code == 200, response.content
    return {item["slug"]: item for item in response.json()["resultaten"]}


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["titel"] for item in response.json()["resultaten"]}


def invalid_names(response) -> set[str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    return {param["name"] for param in response.json()["invalidParams"]}


# --- /api/v1/faalpatronen --------------------------------------------------------------------


def test_the_list_gives_each_pattern_with_its_visible_cases(client, world):
    body = client.get(PATTERNS).json()

    assert body["aantal"] == 2
    items = body["resultaten"]
    assert [item["slug"] for item in items] == ["geen-draagvlak", "projectitis"]  # editors' order
    draagvlak = items[0]
    assert set(draagvlak) == {
        "slug",
        "naam",
        "samenvatting",
        "beschrijving",
        "signalen",
        "handelingsperspectieven",
        "aantalPraktijkvoorbeelden",
        "aantalVermeden",
        "gewijzigdOp",
        "_links",
    }
    assert draagvlak["naam"] == "Geen draagvlak bij bewoners"
    # Two public cases where it played and one success that avoided it; never the draft or
    # the cases in closed spaces.
    assert (draagvlak["aantalPraktijkvoorbeelden"], draagvlak["aantalVermeden"]) == (2, 1)
    assert (items[1]["aantalPraktijkvoorbeelden"], items[1]["aantalVermeden"]) == (1, 0)
    assert (
        draagvlak["_links"]["self"]["href"]
        == "http://testserver/api/v1/faalpatronen/geen-draagvlak"
    )


def test_the_detail_gives_signs_and_courses_of_action_as_lists(client, patterns):
    FailurePatternFactory(
        name="Te snel willen",
        slug="te-snel-willen",
        summary="Resultaat willen zien voordat er vertrouwen is.",
        signs="Bewoners haken af\n\n  Niemand komt op de tweede avond  \n",
        courses_of_action="Begin klein\nNeem de tijd",
    )

    body = client.get(f"{PATTERNS}/te-snel-willen").json()

    assert body["samenvatting"] == "Resultaat willen zien voordat er vertrouwen is."
    assert body["signalen"] == ["Bewoners haken af", "Niemand komt op de tweede avond"]
    assert body["handelingsperspectieven"] == ["Begin klein", "Neem de tijd"]
    assert body["aantalPraktijkvoorbeelden"] == 0


def test_an_unknown_pattern_is_a_problem_404(client, patterns):
    response = client.get(f"{PATTERNS}/bestaat-niet")

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON


def test_members_count_the_cases_of_their_own_space_outsiders_do_not(
    client, world, member, outsider
):
    as_member = by_slug(client.get(PATTERNS, **token_headers(member)))
    assert as_member["geen-draagvlak"]["aantalPraktijkvoorbeelden"] == 3
    client.logout()
    as_outsider = by_slug(client.get(PATTERNS, **token_headers(outsider)))
    assert as_outsider["geen-draagvlak"]["aantalPraktijkvoorbeelden"] == 2
    assert as_outsider["projectitis"]["aantalPraktijkvoorbeelden"] == 1


def test_the_list_sorts_and_refuses_unknown_parameters(client, world):
    by_name = client.get(PATTERNS, {"sorteer": "-naam"}).json()["resultaten"]
    assert [item["slug"] for item in by_name] == ["projectitis", "geen-draagvlak"]

    assert invalid_names(client.get(PATTERNS, {"onbekend": "1"})) == {"onbekend"}
    assert invalid_names(client.get(f"{PATTERNS}/projectitis", {"thema": "x"})) == {"thema"}
    assert invalid_names(client.get(PATTERNS, {"sorteer": "aantal"})) == {"sorteer"}


@pytest.mark.parametrize("extra", [0, 5])
def test_the_pattern_list_takes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, extra
):
    for _n in range(extra):
        pattern = FailurePatternFactory()
        for _ in range(2):
            CasePatternFactory(case=CaseFactory(outcome=Outcome.FAILURE), pattern=pattern)

    # The count, then the page of patterns with both counts in one query.
    with django_assert_num_queries(2):
        response = client.get(PATTERNS)
    assert response.json()["aantal"] == 2 + extra
    with django_assert_num_queries(1):
        assert client.get(f"{PATTERNS}/geen-draagvlak").status_code == 200


# --- faalpatronen on a case ------------------------------------------------------------------


def test_a_case_lists_its_patterns_and_which_it_avoided(client, world, patterns):
    mixed = world["public"][1]
    body = client.get(f"{CASES}/{mixed.slug}").json()

    assert [(p["slug"], p["naam"], p["vermeden"]) for p in body["faalpatronen"]] == [
        ("geen-draagvlak", "Geen draagvlak bij bewoners", False),
        ("projectitis", "Projectitis", False),
    ]
    assert (
        body["faalpatronen"][0]["_links"]["self"]["href"]
        == "http://testserver/api/v1/faalpatronen/geen-draagvlak"
    )
    avoided = client.get(f"{CASES}/{world['avoided'].slug}").json()
    assert [(p["slug"], p["vermeden"]) for p in avoided["faalpatronen"]] == [
        ("geen-draagvlak", True)
    ]
    without = client.get(f"{CASES}/{CaseFactory().slug}").json()
    assert without["faalpatronen"] == []


# --- the faalpatroon filter ------------------------------------------------------------------


@pytest.mark.parametrize("words", [{}, {"q": "buurtkamer buurtbudget"}])
def test_the_case_list_filters_on_the_cases_where_a_pattern_played(client, world, words):
    response = client.get(CASES, {"faalpatroon": "geen-draagvlak", **words})

    # Not the success that avoided it; not the hidden ones.
    assert titles(response) == {"Buurtkamer zonder bewoners", "Buurtbudget zonder plan"}
    both = client.get(
        CASES, {"faalpatroon": ["geen-draagvlak", "projectitis"], "uitkomst": "gemengd", **words}
    )
    assert titles(both) == {"Buurtbudget zonder plan"}


def test_a_member_finds_the_case_of_their_space_under_the_filter(client, world, member):
    response = client.get(CASES, {"faalpatroon": "projectitis"}, **token_headers(member))

    assert titles(response) == {"Buurtbudget zonder plan", "Besloten buurtkamer"}


def test_an_unknown_pattern_is_a_400_naming_the_filter(client, world):
    response = client.get(CASES, {"faalpatroon": "bestaat-niet"})

    assert invalid_names(response) == {"faalpatroon"}
    search = client.get("/api/v1/_zoek", {"q": "buurtkamer", "faalpatroon": "bestaat-niet"})
    assert invalid_names(search) == {"faalpatroon"}


@pytest.mark.parametrize("extra", [0, 6])
def test_the_filtered_case_list_takes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, extra
):
    for _ in range(extra):
        case = CaseFactory(outcome=Outcome.FAILURE)
        CasePatternFactory(case=case, pattern=world["public"][0].pattern_links.get().pattern)

    # The check that the pattern exists (once by the strict parameter check, once by the
    # filter), the count, the page (with municipality), its topics.
    with django_assert_num_queries(5):
        response = client.get(CASES, {"faalpatroon": "geen-draagvlak"})
    assert response.json()["aantal"] == 2 + extra


@pytest.mark.parametrize("extra", [0, 4])
def test_the_case_detail_takes_a_fixed_number_of_queries_for_its_patterns(
    client, world, django_assert_num_queries, extra
):
    case = world["public"][1]
    for _ in range(extra):
        CasePatternFactory(case=case, pattern=FailurePatternFactory())

    # The case, topics, domains, target groups, tags, sources, attachments (no documents to
    # load) and the patterns.
    with django_assert_num_queries(8):
        body = client.get(f"{CASES}/{case.slug}").json()
    assert len(body["faalpatronen"]) == 2 + extra


# --- /api/v1/_zoek ---------------------------------------------------------------------------


def test_the_search_has_the_pattern_facet_and_filter(client, world):
    body = client.get("/api/v1/_zoek", {"q": "buurtkamer buurtbudget"}).json()

    facet = {o["waarde"]: (o["label"], o["aantal"]) for o in body["facetten"]["faalpatroon"]}
    assert facet == {
        "geen-draagvlak": ("Geen draagvlak bij bewoners", 2),
        "projectitis": ("Projectitis", 1),
    }
    filtered = client.get(
        "/api/v1/_zoek", {"q": "buurtkamer buurtbudget", "faalpatroon": "projectitis"}
    ).json()
    assert [hit["titel"] for hit in filtered["resultaten"]] == ["Buurtbudget zonder plan"]
    chosen = {o["waarde"]: o["gekozen"] for o in filtered["facetten"]["faalpatroon"]}
    assert chosen["projectitis"] is True


def test_the_search_facet_counts_a_members_own_space(client, world, member):
    body = client.get(
        "/api/v1/_zoek", {"q": "buurtkamer buurtbudget"}, **token_headers(member)
    ).json()

    facet = {o["waarde"]: o["aantal"] for o in body["facetten"]["faalpatroon"]}
    assert facet == {"geen-draagvlak": 3, "projectitis": 2}


@pytest.mark.parametrize("extra", [0, 6])
def test_the_search_with_the_pattern_filter_takes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, extra
):
    for n in range(extra):
        case = CaseFactory(title=f"Buurtkamer extra {n}", outcome=Outcome.FAILURE)
        CasePatternFactory(case=case, pattern=FailurePatternFactory())
    client.get("/api/v1/_zoek", {"q": "buurtkamer"})  # matches, facets and thesaurus are built

    # The check that the pattern exists (by the strict parameter check, then by the search's
    # filter), the state, the page of cases and their topics.
    with django_assert_num_queries(5):
        body = client.get("/api/v1/_zoek", {"q": "buurtkamer", "faalpatroon": "geen-draagvlak"})
    assert [hit["titel"] for hit in body.json()["resultaten"]] == ["Buurtkamer zonder bewoners"]
