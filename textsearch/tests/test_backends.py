"""The search backend itself, on the database the suite runs on (SQLite or PostgreSQL).

Cases (many entries, ranked straight from the match) and topics (few entries, ranked from their
own entries) stand for the two ways the backend ranks.
"""

import pytest
from django.core import checks
from modelsearch.backends import get_search_backend

from cases.models import Case
from cases.tests.factories import CaseFactory
from textsearch import backends
from textsearch import checks as textsearch_checks
from textsearch.engine import ranked, ranked_ids, search_terms
from topics.models import Topic
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    in_title = CaseFactory(title="Buurtbemiddeling in de Schilderswijk", summary="Gesprekken.")
    in_body = CaseFactory(title="Gesprekken", summary="Met buurtbemiddeling erbij.")
    other = CaseFactory(title="Sportveld", summary="Voetbal op zaterdag.")
    return in_title, in_body, other


def test_the_backend_is_ours_for_this_database():
    assert type(get_search_backend()) is backends.backend_class()


def test_a_title_match_ranks_above_a_match_in_the_text(cases):
    in_title, in_body, _other = cases
    assert ranked_ids(Case.objects.all(), "buurtbemiddeling") == [in_title.pk, in_body.pk]


def test_ranking_stays_inside_the_queryset_it_was_given(cases):
    in_title, in_body, _other = cases
    narrowed = Case.objects.exclude(pk=in_title.pk)
    assert ranked_ids(narrowed, "buurtbemiddeling") == [in_body.pk]


def test_a_page_a_count_and_all_keys_agree(cases):
    in_title, in_body, _other = cases
    results = ranked(Case.objects.all(), "buurtbemiddeling")
    assert results.count() == 2
    assert [case.pk for case in results[:1]] == [in_title.pk]
    assert [case.pk for case in results[1:]] == [in_body.pk]


def test_unordered_search_finds_the_same(cases):
    in_title, in_body, _other = cases
    results = Case.objects.all().search(search_terms("buurtbemiddeling"), order_by_relevance=False)
    assert {case.pk for case in results} == {in_title.pk, in_body.pk}


def test_a_word_nothing_has_finds_nothing(cases):
    assert ranked_ids(Case.objects.all(), "zwembad") == []


def test_models_with_few_entries_rank_from_their_own(cases):
    named = TopicFactory(name="Buurtbemiddeling", description="")
    described = TopicFactory(name="Burenruzies", description="Buurtbemiddeling en meer.")
    TopicFactory(name="Zwemles", description="")
    assert set(ranked_ids(Topic.objects.all(), "buurtbemiddeling")) == {named.pk, described.pk}
    assert ranked_ids(Topic.objects.exclude(pk=named.pk), "buurtbemiddeling") == [described.pk]


def test_the_start_up_check_passes_with_the_tested_modelsearch():
    assert textsearch_checks.check_search_backend() == []


def test_another_modelsearch_version_stops_start_up(monkeypatch):
    monkeypatch.setattr(textsearch_checks, "version", lambda name: "1.4.0")
    errors = textsearch_checks.check_search_backend()
    assert [error.id for error in errors] == ["textsearch.E001"]
    assert "1.4.0" in errors[0].msg
    assert all(error.level == checks.ERROR for error in errors)


def test_a_missing_modelsearch_method_stops_start_up(monkeypatch):
    results_class = backends.backend_class().results_class
    monkeypatch.setattr(backends, "required", lambda: {results_class: ("_gone_in_a_new_version",)})
    errors = textsearch_checks.check_search_backend()
    assert [error.id for error in errors] == ["textsearch.E001"]
    assert "_gone_in_a_new_version" in errors[0].msg


def test_a_common_word_is_ranked_among_its_newest_matches_only(monkeypatch):
    """Above MAX_CANDIDATES matches, only the newest are scored: the best of them come first,
    and an older match, however good, is not ranked (the page then says "meer dan")."""
    from textsearch import engine

    best_but_old = CaseFactory(title="Overlast overlast", summary="Overlast, overlast.")
    newer = [
        CaseFactory(title=f"Verslag {i}", summary=f"Wat overlast in week {i}.") for i in range(3)
    ]
    best_of_newest = CaseFactory(title="Overlast in de wijk", summary="Veel overlast.")
    assert ranked_ids(Case.objects.all(), "overlast", limit=10)[0] == best_but_old.pk  # exact

    monkeypatch.setattr(engine, "MAX_CANDIDATES", 4)
    found = ranked_ids(Case.objects.all(), "overlast", limit=2)
    assert found[0] == best_of_newest.pk
    assert best_but_old.pk not in ranked_ids(Case.objects.all(), "overlast", limit=3)
    # Without a limit (every match wanted) nothing is left out.
    everything = ranked_ids(Case.objects.all(), "overlast")
    assert set(everything) == {best_but_old.pk, best_of_newest.pk, *(c.pk for c in newer)}


def test_the_newest_matches_are_the_newest_visible_ones(monkeypatch):
    """Hidden matches take no place among the candidates: the bound counts visible ones."""
    from textsearch import engine

    shown = CaseFactory(title="Overlast bij het station", summary="Overlast.")
    for i in range(3):
        CaseFactory(title=f"Overlast verborgen {i}", summary="Overlast.").unpublish()
    monkeypatch.setattr(engine, "MAX_CANDIDATES", 2)
    assert ranked_ids(Case.objects.filter(live=True), "overlast", limit=1) == [shown.pk]


def test_kinds_ranked_together_find_what_each_finds_alone(cases):
    from connectors.models import Connector
    from textsearch.engine import ranked_ids_together

    named = TopicFactory(name="Buurtbemiddeling", description="")
    described = TopicFactory(name="Burenruzies", description="Buurtbemiddeling en meer.")
    TopicFactory(name="Zwemles", description="")
    kinds = [Topic.objects.all(), Case.objects.all(), Connector.objects.all()]
    together = ranked_ids_together(kinds, "buurtbemiddeling", [5, 5, 5])
    alone = [ranked_ids(queryset, "buurtbemiddeling", limit=5) for queryset in kinds]
    assert together == alone
    assert set(together[0]) == {named.pk, described.pk}
    # Each kind keeps its own limit.
    assert ranked_ids_together(kinds, "buurtbemiddeling", [1, 5, 5])[0] == alone[0][:1]
