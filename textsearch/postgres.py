"""PostgreSQL: modelsearch's full-text backend, answering `ranked_ids()` in one query."""

from __future__ import annotations

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchResults,
)

# What this module relies on in modelsearch, checked at start-up (textsearch/checks.py).
REQUIRED = {
    PostgresSearchResults: ("get_queryset",),
    PostgresSearchBackend: ("results_class",),
}


class RankedIdResults(PostgresSearchResults):
    def ranked_ids(self) -> list:
        """The primary keys of every match, best first, from one query."""
        return list(self.get_queryset().values_list("pk", flat=True))


class RankedIdPostgresSearchBackend(PostgresSearchBackend):
    results_class = RankedIdResults


SearchBackendClass = RankedIdPostgresSearchBackend
