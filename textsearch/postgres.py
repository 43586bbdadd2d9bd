"""PostgreSQL: modelsearch's full-text backend, answering `ranked_ids()` from the index entries.

modelsearch starts from the model's queryset and joins every visible object to its index entry
before it matches. We start from the index entries instead and look each match up in the
queryset by its key (`EXISTS`), so that visibility costs one lookup per match. Without a bound,
we narrow with `title @@ any OR body @@ any` (any of the query's terms, served by the GIN indexes
on both columns), check the full query on what is left, and rank with one `ts_rank` over the
terms (title weighted by its norm, as modelsearch does). With a bound (`candidates`), we read the
newest matches, score each as it is read and put those alone in order: every condition on a
tsvector unpacks it again for each row, which at 100,000 cases is most of the time a search
takes.
"""

from __future__ import annotations

from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

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
    def _rank_parts(self, config, terms: list[str]):
        """Any of `terms` as a tsquery, the rank over them (title weighted by its norm, as
        modelsearch does) and title and body as one vector, the expression the GIN index of
        search/migrations/0002 covers."""
        any_term = SearchQuery(
            " | ".join(_lexeme(term) for term in terms), search_type="raw", config=config
        )
        weights = self.query_compiler.sql_weights
        title, body = F("title"), F("body")
        rank = SearchRank(title, any_term, weights=weights) * F("title_norm") + SearchRank(
            body, any_term, weights=weights
        )
        both = CombinedSearchVector(title, "||", body, config, output_field=SearchVectorField())
        return any_term, rank, both

    def ranked_ids(
        self, rank_terms=None, limit: int | None = None, candidates: int | None = None
    ) -> list:
        """The primary keys of every match (at most `limit`), best first, from one query;
        with `candidates`, ranked among the newest `candidates` matches only."""
        compiler = self.query_compiler
        if isinstance(compiler.query, MatchAll | Not) or compiler.fields:
            return list(self.get_queryset().values_list("pk", flat=True))[:limit]
        config = compiler.get_config(self.backend)
        full = compiler.build_tsquery(compiler.query, config=config)
        terms = rank_terms or []
        if not terms:
            return list(self.get_queryset().values_list("pk", flat=True)[:limit])
        model = compiler.queryset.model
        any_term, rank, both = self._rank_parts(config, terms)
        # From the index entries, each looked up in the queryset by its key: starting from the
        # queryset, PostgreSQL would join every visible object to its entry first.
        key = Cast(OuterRef("object_id"), BigIntegerField())
        entries = (
            get_app_config()
            .get_model("IndexEntry")
            .objects.filter(
                Exists(compiler.queryset.order_by().filter(pk=key)),
                content_type_id__in=get_descendants_content_types_pks(model),
            )
            .annotate(_all_=both)
        )
        if candidates:
            # The newest matches, each scored as it is read (see textsearch/engine.py,
            # MAX_CANDIDATES), then put in order here: a few thousand pairs.
            newest = (
                entries.filter(_all_=full)
                .annotate(_rank_=rank)
                .order_by("-id")
                .values_list("object_id", "_rank_")[:candidates]
            )
            ranked = sorted(newest, key=lambda row: (-row[1], -int(row[0])))
            ids = [object_id for object_id, _rank in ranked]
        else:
            ids = (
                entries.filter(Q(title=any_term) | Q(body=any_term), _all_=full)
                .annotate(_rank_=rank)
                .order_by("-_rank_", Cast("object_id", BigIntegerField()).desc())
                .values_list("object_id", flat=True)
            )
        return [model._meta.pk.to_python(value) for value in (ids[:limit] if limit else ids)]

    def ranked_ids_together(
        self, querysets: list, limit: int, rank_terms: list[str] | None = None
    ) -> list[list] | None:
        """For each of `querysets` (models with few entries, the first this results' own), the
        primary keys of its matches, best first, at most `limit` each, from one query (as
        on SQLite, where it saves reading the words' statistics once per kind)."""
        compiler = self.query_compiler
        if isinstance(compiler.query, MatchAll | Not) or compiler.fields:
            return None
        config = compiler.get_config(self.backend)
        full = compiler.build_tsquery(compiler.query, config=config)
        if not rank_terms:
            return None
        _any_term, rank, both = self._rank_parts(config, rank_terms)
        kind_of: dict[int, int] = {}
        wanted = Q()
        for position, queryset in enumerate(querysets):
            types = get_descendants_content_types_pks(queryset.model)
            kind_of.update(dict.fromkeys(types, position))
            key = Cast(OuterRef("object_id"), BigIntegerField())
            wanted |= Q(Exists(queryset.order_by().filter(pk=key)), content_type_id__in=types)
        rows = (
            get_app_config()
            .get_model("IndexEntry")
            .objects.filter(wanted, content_type_id__in=list(kind_of))
            .annotate(_all_=both)
            .filter(_all_=full)
            .annotate(_rank_=rank)
            .order_by("-_rank_", Cast("object_id", BigIntegerField()).desc())
            .values_list("content_type_id", "object_id")
        )
        found: list[list] = [[] for _ in querysets]
        for content_type_id, object_id in rows:
            kept = found[kind_of[content_type_id]]
            if len(kept) < limit:
                kept.append(object_id)
        return [
            [queryset.model._meta.pk.to_python(value) for value in ids]
            for queryset, ids in zip(querysets, found, strict=True)
        ]


class RankedIdPostgresSearchBackend(PostgresSearchBackend):
    results_class = RankedIdResults


SearchBackendClass = RankedIdPostgresSearchBackend
