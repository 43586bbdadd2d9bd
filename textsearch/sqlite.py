"""SQLite: modelsearch's FTS5 backend with weighted columns, ranking in one query.

Imported only on SQLite: modelsearch's SQLite backend module defines its FTS5 index model at
import time, which exists only there.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from textsearch.scoring import bm25_order

# What this module relies on in modelsearch, checked at start-up (textsearch/checks.py).
REQUIRED = {
    SQLiteSearchQueryCompiler: (
        "build_tsrank",
        "get_search_vectors",
        "build_search_query",
        "get_config",
        "_build_rank_expression",
        "FTS_TABLE_FIELDS",
    ),
    SQLiteSearchResults: ("_do_search", "_do_count"),
    SQLiteSearchBackend: ("query_compiler_class", "results_class"),
}

# Column order of the FTS5 table: (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


def query_terms(query) -> set[str]:
    """The terms of a modelsearch query (our terms are single words: textsearch/analysis.py)."""
    if isinstance(query, PlainText):
        return set(query.query_string.split())
    if isinstance(query, And | Or):
        return set().union(*(query_terms(part) for part in query.subqueries))
    return set()


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class WeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() scores the whole MATCH expression, however it is nested (And, Or): one call.
        # (modelsearch combines the ranks of And and Or parts arithmetically, which for
        # bm25's negative scores can turn the order round.)
        rank = WeightedBM25()
        return rank * boost if boost != 1.0 else rank

    def get_search_vectors(self):
        # One weighted bm25() ranks title and body together; don't add it up twice.
        return [(F("index_entry__body"), 1.0)]


class RankOnceResults(SQLiteSearchResults):
    """Results that match once in FTS5 and rank in the same query.

    modelsearch ranks through a correlated bm25() subquery per matching object, which re-runs
    the MATCH for each of them: fine for dozens, minutes for a common word in 100,000 cases.
    """

    def _is_plain_match(self) -> bool:
        return not isinstance(normalize(self.query_compiler.query), MatchAll | Not)

    def ranked_ids(
        self, rank_terms=None, limit: int | None = None, candidates: int | None = None
    ) -> list:
        """The primary keys of every match (at most `limit`), best first, from one FTS5 query;
        with `candidates`, ranked among the newest `candidates` matches only.

        bm25() ranks on the terms of the MATCH expression itself (`rank_terms` is for
        PostgreSQL, whose filter and rank are separate expressions)."""
        if not self._is_plain_match():
            return [obj.pk for obj in super()._do_search()][:limit]
        return self._ranked_keys(None, limit, candidates)

    def _match_expression(self, config) -> MatchExpression:
        compiler = self.query_compiler
        return MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query), config=config),
        )

    def _matches(self, scored: bool = True):
        """The FTS5 matches among the compiler's queryset, each with its bm25() score unless
        not `scored`."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        match = self._match_expression(config)
        model = compiler.queryset.model
        content_type = F("index_entry__content_type_id")
        # modelsearch filters on `content_type_id IN (...)`; with an index on that column
        # SQLite then drives the join from the index entries and probes FTS5 once per entry
        # (seconds at 100,000 cases). Written as `content_type_id + 0`, no index can drive
        # it, so SQLite runs the MATCH once and joins its matches. For a model with few
        # entries, driving from them is what we want.
        few = getattr(model, "search_few_entries", False)
        if few:
            visible = Q(index_entry__object_id__in=compiler.queryset.order_by().values("pk"))
        else:
            # Each match looked up by its key: `object_id IN (subquery)` would first collect
            # every visible object (100,000 cases: 50 ms before the first match is read).
            key = Cast(OuterRef("index_entry__object_id"), BigIntegerField())
            visible = Exists(compiler.queryset.order_by().filter(pk=key))
        matches = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .annotate(_content_type=content_type if few else content_type + 0)
            .filter(visible, _content_type__in=get_descendants_content_types_pks(model))
        )
        if not scored:
            return matches
        rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
        return matches.annotate(score=rank)

    def _ranked_keys(self, start, stop, candidates: int | None = None) -> list:
        model = self.query_compiler.queryset.model
        if getattr(model, "search_few_entries", False):
            ids = self._few_ranked(self._matches(scored=False), start, stop)
        else:
            matches = self._matches()
            if candidates:
                ids = self._newest_ranked(matches, start, stop, candidates)
            else:
                ids = matches.order_by(
                    "score", Cast("index_entry__object_id", BigIntegerField()).desc()
                ).values_list("index_entry__object_id", flat=True)[start:stop]
        return [model._meta.pk.to_python(value) for value in ids]

    def _newest_ranked(self, matches, start, stop, candidates: int) -> list:
        """The newest `candidates` matches, ranked (see textsearch/engine.py, MAX_CANDIDATES).

        FTS5 hands out its matches newest first (by rowid) and SQLite stops after
        `candidates`; bm25() is computed for those rows alone, not for every match of a common
        word. They are put in order here: a few thousand pairs."""
        newest = matches.order_by("-index_entry_id").values_list("index_entry__object_id", "score")[
            :candidates
        ]
        ranked = sorted(newest, key=lambda row: (row[1], -int(row[0])))
        return [object_id for object_id, _score in ranked][start:stop]

    def _few_ranked(self, matches, start, stop) -> list:
        """Rank the matches of a model with few entries (topics, statements, ...) in Python
        (textsearch/scoring.py): bm25() would first read the document frequency of each word
        over the whole index, cases included (60 ms for a common word at 100,000 cases)."""
        rows = matches.order_by().values_list("index_entry__object_id", "title", "body")
        ranked = bm25_order(rows, query_terms(self.query_compiler.query))
        return ranked[int(start or 0) : None if stop is None else int(stop)]

    def ranked_ids_together(
        self, querysets: list, limit: int, rank_terms: list[str] | None = None
    ) -> list[list] | None:
        """For each of `querysets` (models with few entries, the first this results' own), the
        primary keys of its matches, best first, at most `limit` each, from one FTS5 query and
        ranked in Python, as `_few_ranked` ranks one kind. (`rank_terms` is for PostgreSQL.)"""
        if not self._is_plain_match():
            return None
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        match = self._match_expression(config)
        kind_of: dict[int, int] = {}
        wanted = Q()
        for position, queryset in enumerate(querysets):
            types = get_descendants_content_types_pks(queryset.model)
            kind_of.update(dict.fromkeys(types, position))
            wanted |= Q(
                index_entry__content_type_id__in=types,
                index_entry__object_id__in=queryset.order_by().values("pk"),
            )
        inner = (
            SQLiteFTSIndexEntry.objects.filter(match)
            # One condition on the content type for them all: SQLite then drives from their
            # entries (an index), checking each against the MATCH, not from every match.
            .filter(wanted, index_entry__content_type_id__in=list(kind_of))
            .order_by()
            .values_list("index_entry__content_type_id", "index_entry__object_id", "title", "body")
        )
        sql, params = inner.query.sql_with_params()
        # SQLite takes the MATCH for the smaller side even so: CROSS JOIN fixes the order (the
        # kinds' entries first, each checked against the MATCH).
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        on = f'ON ("{fts}"."rowid" = "{entries}"."id")'
        join = f'FROM "{fts}" INNER JOIN "{entries}" {on}'
        if join not in sql:  # Django writes joins otherwise: rank as before, kind by kind
            return None
        sql = sql.replace(join, f'FROM "{entries}" CROSS JOIN "{fts}" {on}', 1)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        by_kind: list[list] = [[] for _ in querysets]
        for content_type_id, object_id, title, body in rows:
            by_kind[kind_of[content_type_id]].append((object_id, title, body))
        terms = query_terms(compiler.query)
        return [
            [queryset.model._meta.pk.to_python(value) for value in bm25_order(found, terms)[:limit]]
            for queryset, found in zip(querysets, by_kind, strict=True)
        ]

    def _do_search(self):
        """One page ranked in a single FTS5 query, then its objects by primary key."""
        compiler = self.query_compiler
        if not self._is_plain_match() or self._score_field is not None:
            return super()._do_search()
        if compiler.order_by_relevance:
            keys = self._ranked_keys(self.start, self.stop)
        else:
            matched = compiler.queryset.filter(
                pk__in=self._matches().values("index_entry__object_id")
            )
            if not matched.query.order_by:
                matched = matched.order_by("-pk")
            keys = list(matched.values_list("pk", flat=True)[self.start : self.stop])
        objects = compiler.queryset.order_by().in_bulk(keys) if keys else {}
        return [objects[key] for key in keys if key in objects]

    def _do_count(self):
        if not self._is_plain_match():
            return super()._do_count()
        return self._matches().count()


class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WeightedQueryCompiler
    results_class = RankOnceResults


SearchBackendClass = WeightedSQLiteSearchBackend
