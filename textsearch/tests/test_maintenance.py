"""The index made quick to read after a rebuild (textsearch/maintenance.py), on both databases."""

import pytest
from django.core.management import call_command
from django.db import connection

from cases.models import Case
from cases.tests.factories import CaseFactory
from textsearch.engine import ranked_ids
from topics.models import Topic
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def _segments() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(DISTINCT segid) FROM wagtailsearch_indexentry_fts_idx")
        return cursor.fetchone()[0]


def test_update_index_leaves_one_segment_and_statistics_and_finds_the_same():
    found = CaseFactory(title="Buurtbemiddeling in de Schilderswijk", summary="Gesprekken.")
    for i in range(5):  # each case is indexed as it is saved: a segment of its own on SQLite
        CaseFactory(title=f"Sportveld {i}", summary="Voetbal op zaterdag.")
    topic = TopicFactory(name="Burenruzies", description="Buurtbemiddeling en meer.")
    before = (
        ranked_ids(Case.objects.all(), "buurtbemiddeling"),
        ranked_ids(Topic.objects.all(), "buurtbemiddeling"),
    )
    if connection.vendor == "sqlite":
        assert _segments() > 1

    call_command("update_index", verbosity=0)

    assert before == ([found.pk], [topic.pk])
    assert (
        ranked_ids(Case.objects.all(), "buurtbemiddeling"),
        ranked_ids(Topic.objects.all(), "buurtbemiddeling"),
    ) == before
    if connection.vendor == "sqlite":
        assert _segments() == 1
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'cases_case'")
            assert cursor.fetchone()[0] > 0


def test_the_daily_command_merges_what_was_written_since(capsys):
    CaseFactory(title="Buurthuis De Pijp", summary="Een buurthuis.")
    call_command("optimize_search_index")
    assert "optimised" in capsys.readouterr().out
    CaseFactory(title="Buurthuis Overvecht", summary="Nog een buurthuis.")
    call_command("optimize_search_index", verbosity=0)
    if connection.vendor == "sqlite":
        assert _segments() == 1
    assert len(ranked_ids(Case.objects.all(), "buurthuis")) == 2
