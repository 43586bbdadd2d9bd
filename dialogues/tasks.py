"""Background work for dialogues: keeping their statements in the search index, in bulk."""

from __future__ import annotations

from django_tasks import task
from modelsearch.backends import get_search_backends

from dialogues.models import Statement


@task()
def index_statements(dialogue_id: int | None = None) -> int:
    """Drop index entries of statements that no longer exist, then index the statements of
    `dialogue_id` (after an import). Returns how many were indexed."""
    statements = list(Statement.objects.filter(dialogue_id=dialogue_id)) if dialogue_id else []
    for backend in get_search_backends():
        search_index = backend.get_index_for_model(Statement)
        search_index.delete_stale_model_entries(Statement)
        if statements:
            search_index.add_items(Statement, statements)
    return len(statements)
