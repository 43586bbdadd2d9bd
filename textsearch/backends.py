"""The search backend: modelsearch's database backends, with field weights on SQLite too.

PostgreSQL weighs fields by their boost (weights A to D). modelsearch's SQLite backend ranks with
plain `bm25()` over all columns, so a word in the title counts no more than one in the body; we
give `bm25()` column weights so that both engines put title matches first.
Both backends also answer `ranked_ids()`: the primary keys of every match, best first, in one
query, from which the search pages take their counts and facets.
Configured as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "textsearch.backends".

This module builds on modelsearch's database backends: the classes and methods listed in
`REQUIRED` of textsearch/sqlite.py and textsearch/postgres.py. pyproject.toml pins modelsearch to
the minor version these were written and tested against, and the system check `textsearch.E001`
stops start-up when one of them is gone after an upgrade, rather than falling back to a slower
backend without a word.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

SUPPORTED = ("sqlite", "postgresql")


def _module():
    # Import here: modelsearch's SQLite backend module can only be imported on SQLite (it
    # defines its FTS5 index model at import time), so each engine's module is imported on
    # its own database only.
    if connection.vendor == "sqlite":
        from textsearch import sqlite

        return sqlite
    if connection.vendor == "postgresql":
        from textsearch import postgres

        return postgres
    raise ImproperlyConfigured(f"Search has no backend for the {connection.vendor} database.")


def backend_class() -> type:
    """Our backend class for the database this site runs on."""
    module = _module()
    return (
        module.WeightedSQLiteSearchBackend
        if module.__name__.endswith("sqlite")
        else (module.RankedIdPostgresSearchBackend)
    )


def required() -> dict:
    """modelsearch's classes and the names on them that our backend builds on."""
    return _module().REQUIRED


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for)
    """The backend for the database this site runs on; no other database is supported."""
    return backend_class()(params)
