"""The search backend: modelsearch's database backends, with field weights on SQLite too.

PostgreSQL weighs fields by their boost (weights A to D). modelsearch's SQLite backend ranks with
plain `bm25()` over all columns, so a word in the title counts no more than one in the body; we
give `bm25()` column weights so that both engines put title matches first.
Configured as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends".
"""

from django.db import connection
from django.db.models import F
from modelsearch.backends.database import SearchBackend as database_search_backend

# Column order of the FTS5 table: (autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


def _weighted_sqlite_backend(params):
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import Not, Phrase, PlainText

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

    class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = WeightedQueryCompiler

    return WeightedSQLiteSearchBackend(params)


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for)
    backend = database_search_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _weighted_sqlite_backend(params)
    return backend
