"""PostgreSQL answers a bounded search through its GIN index for a word in few texts, and by
walking the newest entries for a common one (textsearch/postgres.py): the same answer either way."""

import pytest
from django.db import connection
from modelsearch.query import And, Or, PlainText

from cases.models import Case
from cases.tests.factories import CaseFactory
from textsearch.engine import ranked_ids

FREQUENCIES = {"wijk": 0.99, "burthuis": 0.47, "inlopocht": 0.07}


def test_the_share_a_query_matches_is_estimated_from_its_terms():
    from textsearch.postgres import estimated_share

    assert estimated_share(PlainText("inlopocht"), FREQUENCIES, 0.005) == 0.07
    assert estimated_share(PlainText("onbekend"), FREQUENCIES, 0.005) == 0.005  # rare
    both = And([PlainText("wijk"), PlainText("inlopocht")])
    assert estimated_share(both, FREQUENCIES, 0.005) == 0.07  # no more than the rarest
    either = Or([PlainText("burthuis"), PlainText("inlopocht")])
    assert estimated_share(either, FREQUENCIES, 0.005) == pytest.approx(0.54)
    assert estimated_share(Or([PlainText("wijk"), PlainText("burthuis")]), FREQUENCIES, 0) == 1.0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own paths")
def test_both_paths_give_the_same_ranking(monkeypatch):
    from textsearch import engine, postgres

    CaseFactory(title="Inloopochtend in het buurthuis", summary="Koffie en een praatje.")
    CaseFactory(title="Buurthuis open", summary="Een inloopochtend op dinsdag, inloop.")
    CaseFactory(title="Sportveld", summary="Voetbal op zaterdag.")
    monkeypatch.setattr(engine, "MAX_CANDIDATES", 2)
    answers = []
    for share in (1.0, -1.0):  # every query through the GIN index; none
        monkeypatch.setattr(postgres, "GIN_SHARE", share)
        answers.append(ranked_ids(Case.objects.all(), "inloopochtend buurthuis", limit=1))
    assert answers[0] == answers[1]
    assert len(answers[0]) == 1
