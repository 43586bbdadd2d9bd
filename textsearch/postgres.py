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

import time

from django.contrib.postgres.search import (
    CombinedSearchVector,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.query import And, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

# What this module relies on in modelsearch, checked at start-up (textsearch/checks.py).
REQUIRED = {
    PostgresSearchResults: ("get_queryset",),
    PostgresSearchBackend: ("results_class", "query_compiler_class"),
    PostgresSearchQueryCompiler: ("build_tsquery", "get_config"),
}

# A query that the statistics say at most this share of the entries match is answered through
# the GIN index (see `ranked_ids`); a more common one by walking the newest entries.
GIN_SHARE = 0.15
STATISTICS_MAX_AGE = 600  # seconds that the words' frequencies are kept in this process
MATCH_INDEX = "site_search_indexentry_title_body_gin"  # search/migrations/0002

_frequencies: dict = {"read_at": -STATISTICS_MAX_AGE, "terms": {}, "rare": 0.0}


def term_frequencies() -> tuple[dict[str, float], float]:
    """The share of entries that contain each common term, from the statistics PostgreSQL keeps
    of the match index (ANALYZE), and a share for a term it keeps none of (a rare one)."""
    now = time.monotonic()
    if now - _frequencies["read_at"] > STATISTICS_MAX_AGE:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = %s",
                [MATCH_INDEX],
            )
            row = cursor.fetchone()
        terms, frequencies = row if row and row[0] else ([], [])
        # After the terms' own frequencies come the lowest of them, the highest, and the share
        # of empty values: a term below the lowest is rarer than that.
        _frequencies.update(
            read_at=now,
            terms=dict(zip(terms, frequencies, strict=False)),
            rare=frequencies[len(terms)] / 2 if len(frequencies) > len(terms) else 0.0,
        )
    return _frequencies["terms"], _frequencies["rare"]


def estimated_share(query, frequencies: dict[str, float], rare: float) -> float:
    """The share of the entries that `query` matches, estimated from its terms' frequencies:
    all words of an And (at most the rarest's share), any of an Or (at most their sum)."""
    if isinstance(query, PlainText):
        return min(
            (frequencies.get(term, rare) for term in query.query_string.split()), default=1.0
        )
    if isinstance(query, And):
        return min((estimated_share(q, frequencies, rare) for q in query.subqueries), default=1.0)
    if isinstance(query, Or):
        return min(1.0, sum(estimated_share(q, frequencies, rare) for q in query.subqueries))
    return 1.0


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
        IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806
        entries = IndexEntry.objects.filter(
            Exists(compiler.queryset.order_by().filter(pk=key)),
            content_type_id__in=get_descendants_content_types_pks(model),
        ).annotate(_all_=both)
        if candidates and estimated_share(compiler.query, *term_frequencies()) <= GIN_SHARE:
            # A word in few texts: the newest matches (see textsearch/engine.py,
            # MAX_CANDIDATES) found through the GIN index, then only they scored, and put in
            # order here. Ordered by `id + 0`, not by `id`: walking the primary key backwards,
            # PostgreSQL would unpack the text of every entry it passes until enough match (for
            # a word in one text in ten, ten times the entries it keeps). For a common word
            # that walk stops soon, and reading every match from the index would cost more.
            newest = (
                entries.filter(_all_=full)
                .annotate(_newest_=F("id") + 0)
                .order_by("-_newest_")
                .values("id")[:candidates]
            )
            scored = (
                IndexEntry.objects.filter(id__in=newest)
                .annotate(_rank_=rank)
                .values_list("object_id", "_rank_")
            )
            ranked = sorted(scored, key=lambda row: (-row[1], -int(row[0])))
            ids = [object_id for object_id, _rank in ranked]
        elif candidates:
            # A common word: the newest matches, each scored as it is read, then put in order
            # here: a few thousand pairs.
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
