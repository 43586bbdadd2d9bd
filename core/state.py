"""The content state token: which content the caches of the site were computed from.

Each app registers the models whose rows change what visitors can see (`track`), in its
`AppConfig.ready`. Saving or deleting such a row, and every finished background task (search
indexing), gives the token a new value in the same transaction as the change. Writes that
bypass model signals (`QuerySet.update()`, `bulk_create`) must call `changed()` themselves.
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.signals import task_finished

from core.models import ContentState

STATE_ID = 1


_known: ContextVar[str | None] = ContextVar("content_state_token", default=None)


@contextmanager
def known(value: str):
    """Within this block `token()` answers `value` without asking the database again (one
    request reads the state once)."""
    reset = _known.set(value)
    try:
        yield
    finally:
        _known.reset(reset)


def token() -> str:
    """The current token (one query by primary key)."""
    if (value := _known.get()) is not None:
        return value
    state = ContentState.objects.filter(pk=STATE_ID).values_list("token", flat=True).first()
    if state is None:  # the migration creates the row; a flushed database has none
        changed()
        return token()
    return state


def changed(**kwargs) -> None:
    """Give the token a new value: every cache keyed by the old one is stale."""
    _known.set(None)  # a change within a request: read the new state from here on
    new = uuid.uuid4().hex
    with transaction.atomic():
        if not ContentState.objects.filter(pk=STATE_ID).update(token=new):
            ContentState.objects.update_or_create(pk=STATE_ID, defaults={"token": new})


def track(*shown: type[models.Model], relations: tuple = ()) -> None:
    """Renew the token when a row of `shown` is saved or deleted, or a link of one of the
    many-to-many `relations` (e.g. `Case.topics`) is added or removed."""
    for model in shown:
        label = model._meta.label
        post_save.connect(changed, sender=model, dispatch_uid=f"content-state-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"content-state-delete-{label}")
    for relation in relations:
        through = relation.through
        m2m_changed.connect(
            changed, sender=through, dispatch_uid=f"content-state-{through._meta.label}"
        )


def connect_task_signal() -> None:
    # The search index follows a save through a task: what search shows changes again when
    # the task has run.
    task_finished.connect(changed, dispatch_uid="content-state-task")
