"""The search backend: modelsearch's database backends, with field weights on SQLite too.

PostgreSQL weighs fields by their boost (weights A to D). modelsearch's SQLite backend ranks with
plain `bm25()` over all columns, so a word in the title counts no more than one in the body; we
give `bm25()` column weights so that both engines put title matches first.
Both backends also answer `ranked_ids()`: the primary keys of every match, best first, in one
query, from which the search page takes its counts and facets (search/services.py).
Configured as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "textsearch.backends".
"""

from django.db import connection
from django.db.models import BigIntegerField, F, FloatField, OuterRef, Subquery
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as database_search_backend

# Column order of the FTS5 table: (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


def _weighted_sqlite_backend(params):
    from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not, Phrase, PlainText
    from modelsearch.utils import get_descendants_content_types_pks

    class WeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class WeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, Phrase | PlainText | Not):
                rank = WeightedBM25()
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def get_search_vectors(self):
            # One weighted bm25() ranks title and body together; don't add it up twice.
            return [(F("index_entry__body"), 1.0)]

        def search(self, config, start, stop, score_field=None):
            """modelsearch's SQLite search, with one change that matters at scale.

            modelsearch filters the FTS5 matches on `content_type_id IN (...)`; with an index on
            that column SQLite then drives the join from the index entries and probes FTS5 once
            per entry (seconds at 100,000 cases). Written as `content_type_id + 0`, no index
            can drive it, so SQLite runs the MATCH once and joins its matches.
            """
            query = normalize(self.query)
            if isinstance(query, MatchAll):
                return self.queryset[start:stop]
            if isinstance(query, Not) and isinstance(query.subquery, MatchAll):
                return self.queryset.none()
            negated = isinstance(query, Not)
            if negated:
                query = query.subquery
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
            )
            index_query = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .annotate(_content_type=F("index_entry__content_type_id") + 0)
                .filter(_content_type__in=get_descendants_content_types_pks(self.queryset.model))
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            )
            object_ids = index_query.values_list("index_entry__object_id", flat=True)
            if negated:
                return self.queryset.exclude(pk__in=object_ids)[start:stop]
            queryset = self.queryset.filter(pk__in=object_ids)
            if self.order_by_relevance and score_field is None:
                score_field = "_score"
            if score_field is not None:
                score = index_query.filter(index_entry__object_id=OuterRef("pk")).values("score")
                queryset = queryset.annotate(
                    **{score_field: Subquery(score[:1], output_field=FloatField())}
                )
                if self.order_by_relevance:
                    queryset = queryset.order_by(score_field, "-pk")
            if not self.order_by_relevance and not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

    class RankOnceResults(SQLiteSearchResults):
        def ranked_ids(self) -> list:
            """The primary keys of every match, best first, from one FTS5 query."""
            if isinstance(normalize(self.query_compiler.query), MatchAll | Not):
                return [obj.pk for obj in super()._do_search()]
            return self._ranked_keys(None, None)

        def _ranked_keys(self, start, stop) -> list:
            compiler = self.query_compiler
            config = compiler.get_config(self.backend)
            match = MatchExpression(
                compiler.fields or compiler.FTS_TABLE_FIELDS,
                compiler.build_search_query(normalize(compiler.query), config=config),
            )
            model = compiler.queryset.model
            few = getattr(model, "search_few_entries", False)
            content_type = F("index_entry__content_type_id")
            matches = (
                SQLiteFTSIndexEntry.objects.filter(match)
                # See search(): `+ 0` keeps the content type index from driving the query; for
                # a model with few entries driving from them is what we want.
                .annotate(_content_type=content_type if few else content_type + 0)
                .filter(
                    _content_type__in=get_descendants_content_types_pks(model),
                    index_entry__object_id__in=compiler.queryset.order_by().values("pk"),
                )
                .annotate(
                    score=compiler._build_rank_expression(compiler.get_search_vectors(), config)
                )
            )
            if few:
                ids = self._few_ranked(matches, start, stop)
            else:
                ids = matches.order_by(
                    "score", Cast("index_entry__object_id", BigIntegerField()).desc()
                ).values_list("index_entry__object_id", flat=True)[start:stop]
            return [model._meta.pk.to_python(value) for value in ids]

        def _few_ranked(self, matches, start, stop) -> list:
            """Rank the matches of a model with few entries (topics, statements, ...).

            With ORDER BY bm25() in the same query SQLite walks every match of the word in the
            whole index (every case too: 60 ms for a common word at 100,000 cases) to find the
            few of this model. Materialised first, the matches come from the model's entries,
            each checked against the MATCH; only they are then ordered (under 1 ms + bm25).
            """
            inner = matches.order_by().values_list("index_entry__object_id", "score")
            sql, params = inner.query.sql_with_params()
            start = int(start or 0)
            count = -1 if stop is None else int(stop) - start  # LIMIT -1: no limit
            # `sql` is Django's own, with its values in `params`.
            query = (
                f"WITH matches(object_id, score) AS MATERIALIZED ({sql}) "  # noqa: S608
                "SELECT object_id FROM matches "
                "ORDER BY score, CAST(object_id AS bigint) DESC LIMIT %s OFFSET %s"
            )
            params = (*params, count, start)
            with connection.cursor() as cursor:
                cursor.execute(query, params)
                return [row[0] for row in cursor.fetchall()]

        def _do_search(self):
            """One page ranked in a single FTS5 query, then its objects by primary key.

            modelsearch ranks through a correlated bm25() subquery per matching object, which
            re-runs the MATCH for each of them: fine for dozens, minutes for a common word in
            100,000 cases.
            """
            compiler = self.query_compiler
            query = normalize(compiler.query)
            if (
                not compiler.order_by_relevance
                or self._score_field is not None
                or isinstance(query, MatchAll | Not)
            ):
                return super()._do_search()
            keys = self._ranked_keys(self.start, self.stop)
            objects = compiler.queryset.order_by().in_bulk(keys) if keys else {}
            return [objects[key] for key in keys if key in objects]

    class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = WeightedQueryCompiler
        results_class = RankOnceResults

    return WeightedSQLiteSearchBackend(params)


def _postgres_backend(params):
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchResults,
    )

    class RankedIdResults(PostgresSearchResults):
        def ranked_ids(self) -> list:
            """The primary keys of every match, best first, from one query."""
            return list(self.get_queryset().values_list("pk", flat=True))

    class IdPostgresSearchBackend(PostgresSearchBackend):
        results_class = RankedIdResults

    return IdPostgresSearchBackend(params)


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for)
    backend = database_search_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _weighted_sqlite_backend(params)
    if connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend":
        return _postgres_backend(params)
    return backend
