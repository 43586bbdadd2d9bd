"""The "Faalpatroon" facet and filter on the case list and the site search: the cases where a
pattern played (not those that avoided it), counted over the cases the visitor may see."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from patterns.tests import fixtures
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory

patterns, world = fixtures.patterns, fixtures.world  # the shared fixtures

pytestmark = pytest.mark.django_db


def facet(response, name="faalpatroon"):
    return next((f for f in response.context["facets"] if f.name == name), None)


def counts(response) -> dict[str, int]:
    found = facet(response)
    return {option.value: option.count for option in found.options} if found else {}


def titles(response) -> set[str]:
    return {case.title for case in response.context["page"]}


@pytest.mark.parametrize("path", ["/praktijkvoorbeelden/", "/zoeken/?q=buurtkamer+buurtbudget"])
def test_the_facet_counts_the_visible_cases_where_the_pattern_played(client, world, path):
    response = client.get(path)

    assert response.status_code == 200
    # Not the success that avoided it, not the draft nor the cases in closed spaces.
    assert counts(response) == {"geen-draagvlak": 2, "projectitis": 1}
    found = facet(response)
    assert str(found.label) == "Faalpatroon"
    labels = [option.label for option in found.options]
    assert labels == ["Geen draagvlak bij bewoners", "Projectitis"]
    html = response.content.decode()
    assert 'name="faalpatroon" value="geen-draagvlak"' in html
    assert 'Geen draagvlak bij bewoners <span class="count">(2)</span>' in html


@pytest.mark.parametrize("path", ["/praktijkvoorbeelden/", "/zoeken/"])
def test_the_filter_shows_only_the_visible_cases_where_the_pattern_played(client, world, path):
    words = "&q=buurtkamer+buurtbudget" if path == "/zoeken/" else ""
    response = client.get(f"{path}?faalpatroon=geen-draagvlak{words}")

    assert titles(response) == {"Buurtkamer zonder bewoners", "Buurtbudget zonder plan"}
    # A chip removes the filter again.
    html = response.content.decode()
    assert "Faalpatroon: Geen draagvlak bij bewoners" in html
    assert [o.value for o in facet(response).selected] == ["geen-draagvlak"]


def test_the_filter_combines_with_the_other_filters(client, world):
    both = client.get("/praktijkvoorbeelden/?faalpatroon=geen-draagvlak&uitkomst=gemengd")
    assert titles(both) == {"Buurtbudget zonder plan"}
    # Counted over the other filters' choices: with "gemengd", one case has each pattern.
    assert counts(both) == {"geen-draagvlak": 1, "projectitis": 1}

    either = client.get("/praktijkvoorbeelden/?faalpatroon=geen-draagvlak&faalpatroon=projectitis")
    assert titles(either) == {"Buurtkamer zonder bewoners", "Buurtbudget zonder plan"}


def test_members_count_the_cases_of_their_own_space(client_for, world, member):
    response = client_for(member).get("/praktijkvoorbeelden/")

    assert counts(response) == {"geen-draagvlak": 3, "projectitis": 2}
    filtered = client_for(member).get("/praktijkvoorbeelden/?faalpatroon=projectitis")
    assert titles(filtered) == {"Buurtbudget zonder plan", "Besloten buurtkamer"}


def test_a_pattern_of_hidden_cases_only_is_no_option(client, world, patterns):
    only_hidden = FailurePatternFactory(name="Verborgen patroon", slug="verborgen")
    CasePatternFactory(case=world["hidden"][1], pattern=only_hidden)

    response = client.get("/praktijkvoorbeelden/")
    assert "verborgen" not in counts(response)

    filtered = client.get("/praktijkvoorbeelden/?faalpatroon=verborgen")
    assert filtered.status_code == 200
    assert titles(filtered) == set()


def test_an_unknown_pattern_is_a_clear_message_and_no_filter(client, world):
    response = client.get("/praktijkvoorbeelden/?faalpatroon=bestaat-niet")

    assert response.status_code == 200
    assert response.context["filterset"].errors
    assert "Een deel van de filters klopt niet" in response.content.decode()
    # The refused value is not used: every visible case is listed.
    assert len(titles(response)) == 4


def test_the_facet_follows_a_new_link_at_the_next_request(client, world, patterns):
    assert counts(client.get("/praktijkvoorbeelden/"))["projectitis"] == 1

    CasePatternFactory(case=world["public"][0], pattern=patterns["projectitis"])

    assert counts(client.get("/praktijkvoorbeelden/"))["projectitis"] == 2


def test_without_links_there_is_no_pattern_facet(client, patterns):
    CaseFactory()

    assert facet(client.get("/praktijkvoorbeelden/")) is None


@pytest.mark.parametrize("extra", [0, 6])
def test_the_list_with_the_facet_takes_a_fixed_number_of_queries(
    client, world, patterns, django_assert_num_queries, extra
):
    for n in range(extra):
        case = CaseFactory(title=f"Extra {n}", outcome=Outcome.FAILURE)
        CasePatternFactory(case=case, pattern=FailurePatternFactory())
    # After a change: the search state, the visible cases newest first, the facet index (cases,
    # 5 link tables, 6 vocabularies), one page of cases (with municipality) and their topics.
    with django_assert_num_queries(16):
        response = client.get("/praktijkvoorbeelden/")
    assert facet(response) is not None
    # Filtered on a pattern: the state and the check that the pattern exists (the matches and
    # the facet index are kept), then one page of cases and their topics.
    with django_assert_num_queries(4):
        response = client.get("/praktijkvoorbeelden/?faalpatroon=geen-draagvlak")
    assert len(titles(response)) == 2


@pytest.mark.parametrize("extra", [0, 6])
def test_the_search_page_with_the_facet_takes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, extra
):
    for n in range(extra):
        case = CaseFactory(title=f"Buurtkamer extra {n}", outcome=Outcome.FAILURE)
        CasePatternFactory(case=case, pattern=FailurePatternFactory())
    client.get("/zoeken/?q=buurtkamer")  # the facet index, thesaurus and matches are built
    # Filtered on a pattern: the state, the check that the pattern exists, the page of cases
    # and their topics; what stands beside the cases is kept with the matches.
    with django_assert_num_queries(4):
        response = client.get("/zoeken/?q=buurtkamer&faalpatroon=geen-draagvlak")
    assert titles(response) == {"Buurtkamer zonder bewoners"}


def test_the_feed_of_a_filtered_list_has_the_visible_cases_where_the_pattern_played(client, world):
    feed = client.get("/praktijkvoorbeelden/feed/?faalpatroon=geen-draagvlak").content.decode()

    assert "Buurtkamer zonder bewoners" in feed and "Buurtbudget zonder plan" in feed
    assert "Buurtkamer met bewoners" not in feed  # it avoided the pattern
    assert "Besloten buurtkamer" not in feed and "Concept buurtkamer" not in feed
