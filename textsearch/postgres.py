"""PostgreSQL: modelsearch's full-text backend, answering `ranked_ids()` in one query.

modelsearch matches `title || body @@ query`, which no index serves: every index entry is read.
We first narrow with `title @@ any OR body @@ any` (any of the query's terms, served by the GIN
indexes on both columns), then check the full query on what is left, and rank with one
`ts_rank` over the terms (title weighted by its norm, as modelsearch does).
"""

from __future__ import annotations

from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import MatchAll, Not

# What this module relies on in modelsearch, checked at start-up (textsearch/checks.py).
REQUIRED = {
    PostgresSearchResults: ("get_queryset",),
    PostgresSearchBackend: ("results_class", "query_compiler_class"),
    PostgresSearchQueryCompiler: ("build_tsquery", "get_config"),
}


def _lexeme(term: str) -> str:
    # Our terms are \w+ (textsearch/analysis.py); quoted as tsquery lexemes all the same.
    return "'" + term.replace("'", "''") + "'"


class RankedIdResults(PostgresSearchResults):
    def ranked_ids(self, rank_terms=None, limit: int | None = None) -> list:
        """The primary keys of every match (at most `limit`), best first, from one query."""
        compiler = self.query_compiler
        if isinstance(compiler.query, MatchAll | Not) or compiler.fields:
            return list(self.get_queryset().values_list("pk", flat=True))[:limit]
        config = compiler.get_config(self.backend)
        full = compiler.build_tsquery(compiler.query, config=config)
        terms = rank_terms or []
        if not terms:
            return list(self.get_queryset().values_list("pk", flat=True)[:limit])
        any_term = SearchQuery(
            " | ".join(_lexeme(term) for term in terms), search_type="raw", config=config
        )
        title, body = F("index_entries__title"), F("index_entries__body")
        weights = compiler.sql_weights
        rank = SearchRank(title, any_term, weights=weights) * F(
            "index_entries__title_norm"
        ) + SearchRank(body, any_term, weights=weights)
        both = CombinedSearchVector(title, "||", body, config, output_field=SearchVectorField())
        matches = (
            compiler.queryset.annotate(_title_=title, _body_=body, _all_=both)
            .filter(Q(_title_=any_term) | Q(_body_=any_term), _all_=full)
            .annotate(_rank_=rank)
        )
        ids = matches.order_by("-_rank_", "-pk").values_list("pk", flat=True)
        return list(ids[:limit] if limit else ids)


class RankedIdPostgresSearchBackend(PostgresSearchBackend):
    results_class = RankedIdResults


SearchBackendClass = RankedIdPostgresSearchBackend
