"""Facet counts from bitsets (search/facets.py) and the search state token (search/state.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from cases.facets import from_bits, to_bits
from cases.models import Case, Domain, EvidenceLevel, Outcome
from cases.tests.factories import CaseFactory
from core import state
from search.services import search_site
from textsearch.engine import ranked_ids
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_bitsets_hold_exactly_the_ids():
    ids = [0, 1, 7, 8, 9, 63, 64, 1000, 99_999]
    assert from_bits(to_bits(ids)) == set(ids)
    assert to_bits([]) == 0 and from_bits(0) == set()
    assert to_bits(ids).bit_count() == len(ids)


@pytest.fixture
def mixed(closed_space):
    youth, safety = TopicFactory(slug="jongeren"), TopicFactory(slug="veiligheid")
    police = Domain.objects.order_by("pk").first()
    for i in range(12):
        CaseFactory(
            title=f"Buurthuis {i}",
            summary="Een buurthuis in de wijk." if i % 3 else "Een speeltuin.",
            outcome=[Outcome.SUCCESS, Outcome.FAILURE, Outcome.MIXED][i % 3],
            evidence_level=[EvidenceLevel.values[0], EvidenceLevel.values[-1]][i % 2],
            topics=[youth] if i % 2 else [youth, safety],
            domains=[police] if i % 4 == 0 else [],
            space=closed_space if i == 5 else None,
            live=i != 7,
        )


def as_counts(facets) -> dict:
    return {f.name: {o.value: o.count for o in f.options if o.count} for f in facets}


def counted_by_hand(cases, chosen: dict[str, set[str]]) -> dict:
    """The facet counts worked out case by case: each facet over the cases that satisfy every
    *other* facet's chosen values (any of a facet's values, all facets)."""
    values = {
        case.pk: {
            "thema": {t.slug for t in case.topics.all()},
            "uitkomst": {case.outcome},
            "gemeente": {case.municipality.slug} if case.municipality else set(),
            "domein": {d.slug for d in case.domains.all()},
            "doelgroep": {g.slug for g in case.target_groups.all()},
            "bewijsniveau": {case.evidence_level},
            "tag": {t.slug for t in case.tags.all()},
        }
        for case in cases
    }
    counts = {}
    for name in ("thema", "uitkomst", "gemeente", "domein", "doelgroep", "bewijsniveau", "tag"):
        tally: dict[str, int] = {}
        for has in values.values():
            if all(has[other] & wanted for other, wanted in chosen.items() if other != name):
                for value in has[name]:
                    tally[value] = tally.get(value, 0) + 1
        if tally:
            counts[name] = tally
    return counts


@pytest.mark.parametrize(
    "query",
    [
        "q=buurthuis",
        "q=buurthuis&uitkomst=mislukt",
        "q=buurthuis&uitkomst=mislukt&uitkomst=gemengd&thema=veiligheid",
        "thema=jongeren&bewijsniveau=" + EvidenceLevel.values[0],
        "",
    ],
)
def test_counts_are_the_counts_worked_out_by_hand(mixed, query):
    data = QueryDict(query)
    search = search_site(user=AnonymousUser(), data=data)
    visible = Case.objects.visible_to(AnonymousUser())
    if data.get("q"):
        visible = visible.filter(pk__in=ranked_ids(visible, data["q"]))
    cases = list(visible.prefetch_related("topics", "domains", "target_groups", "tags"))
    chosen = {
        name: set(data.getlist(name))
        for name in ("thema", "uitkomst", "bewijsniveau")
        if data.getlist(name)
    }
    assert as_counts(search.facets) == counted_by_hand(cases, chosen)
    # Every case has one outcome: the outcome counts of the chosen outcomes add up to the results.
    by_outcome = counted_by_hand(cases, chosen).get("uitkomst", {})
    outcomes = chosen.get("uitkomst", set(Outcome.values))
    assert len(search.results) == sum(by_outcome.get(outcome, 0) for outcome in outcomes)


def test_an_unknown_value_is_shown_chosen_and_narrows_nothing(mixed):
    """An invalid filter value is reported by the filter form; the results stay unfiltered."""
    search = search_site(user=AnonymousUser(), data=QueryDict("q=buurthuis&thema=onbekend"))
    assert search.filterset.errors
    theme = next(f for f in search.facets if f.name == "thema")
    assert [(o.value, o.count, o.selected) for o in theme.selected] == [("onbekend", 0, True)]
    everything = search_site(user=AnonymousUser(), data=QueryDict("q=buurthuis"))
    assert len(search.results) == len(everything.results)


def test_the_token_changes_with_what_search_shows(mixed):
    before = state.token()
    case = Case.objects.filter(live=True).first()
    case.title = "Nieuwe titel"
    case.save()
    after_save = state.token()
    assert after_save != before
    TopicFactory(slug="nieuw")
    after_topic = state.token()
    assert after_topic != after_save
    case.delete()
    assert state.token() != after_topic


def test_a_change_shows_in_the_counts_at_once(client, mixed):
    first = client.get("/zoeken/?q=buurthuis").context["page"].paginator.count
    Case.objects.filter(live=True, space=None).first().unpublish()
    assert client.get("/zoeken/?q=buurthuis").context["page"].paginator.count == first - 1
