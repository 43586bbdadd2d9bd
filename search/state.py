"""The search state token: which content the search caches were computed from.

Saving or deleting anything search shows (cases and their links, topics, municipalities,
spaces, tags, vocabularies) and every finished index task gives it a new value, in the same
transaction as the change. Writes that bypass model signals (`QuerySet.update()`,
`bulk_create`) must call `changed()` themselves.
"""

from __future__ import annotations

import uuid

from django.db import transaction

from search.models import SearchState

STATE_ID = 1


def token() -> str:
    """The current token (one query by primary key)."""
    state = SearchState.objects.filter(pk=STATE_ID).values_list("token", flat=True).first()
    if state is None:  # the migration creates the row; a flushed database has none
        changed()
        return token()
    return state


def changed(**kwargs) -> None:
    """Give the token a new value: every search cache keyed by the old one is stale."""
    new = uuid.uuid4().hex
    with transaction.atomic():
        if not SearchState.objects.filter(pk=STATE_ID).update(token=new):
            SearchState.objects.update_or_create(pk=STATE_ID, defaults={"token": new})


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from django_tasks.signals import task_finished
    from taggit.models import Tag

    from cases.models import Case, Domain, TaggedCase, TargetGroup
    from connectors.models import Connector, Consent
    from dialogues.models import Dialogue
    from municipalities.models import Municipality
    from spaces.models import Membership, Space
    from topics.models import Topic

    shown = (
        *(Case, TaggedCase, Tag, Topic, Municipality, Space, Membership, Domain, TargetGroup),
        # Statements change only in bulk with their dialogue; their index task ends in
        # task_finished below. (A signal per statement would make deleting 1,000 slow.)
        Dialogue,
        Connector,
        Consent,
    )
    for model in shown:
        post_save.connect(changed, sender=model, dispatch_uid=f"search-state-save-{model.__name__}")
        post_delete.connect(
            changed, sender=model, dispatch_uid=f"search-state-delete-{model.__name__}"
        )
    for relation in (Case.topics, Case.domains, Case.target_groups):
        m2m_changed.connect(
            changed, sender=relation.through, dispatch_uid=f"search-state-{relation.through}"
        )
    # The index follows a save through a task: results change again when it has run.
    task_finished.connect(changed, dispatch_uid="search-state-task")
