"""Keeping and removing the checklists of "Vooruit falen" (forward.models.SavedChecklist).

Only a signed-in person keeps a checklist, and only when they press "Bewaar": the page itself
stores nothing (patterns.forward). The caller computes the plan again from what they typed, as
that person (`plan_failure_patterns`), so what is kept is what the platform found, not what a
form sent back; only which courses of action they ticked comes from the form.

This app stands below `patterns` (whose pages use it) and imports nothing from it: a plan is
read through its attributes (`patterns`: each with `pattern`, `cases`, `avoided_in` and
`checklist`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from cases.models import Case
from core.access import Visitor
from forward.models import SavedChecklist

logger = logging.getLogger(__name__)

MAX_SAVED_CHECKLISTS = 50


class ChecklistRefused(Exception):
    """The checklist cannot be kept; `message` says why, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def snapshot(plan, ticked: set[str]) -> list[dict]:
    """The checklist as kept: per pattern what the page showed, the ticks included."""
    return [
        {
            "pattern": match.pattern.slug,
            "name": match.pattern.name,
            "count": match.count,
            "cases": [case.pk for case in match.cases],
            "avoided": [case.pk for case in match.avoided_in],
            "actions": [
                {"text": action["text"], "done": action["key"] in ticked}
                for action in match.checklist
            ],
        }
        for match in plan.patterns
    ]


@transaction.atomic
def checklist_save(
    *,
    user: Visitor,
    plan,
    description: str,
    topic=None,
    target_group=None,
    municipality=None,
    ticked: set[str] | frozenset[str] = frozenset(),
) -> SavedChecklist:
    """Keep the checklist of `plan` (patterns.forward.ForwardPlan, computed for `user` from
    what they typed) on `user`'s personal page."""
    if not user.is_authenticated:
        raise PermissionDenied
    # Counted under a lock on the person's row: two saves at once cannot pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if SavedChecklist.objects.filter(owner=user).count() >= MAX_SAVED_CHECKLISTS:
        raise ChecklistRefused(
            _(
                "U heeft al %(count)s checklists bewaard. Verwijder er eerst een op Mijn "
                "kennisplatform."
            )
            % {"count": MAX_SAVED_CHECKLISTS}
        )
    checklist = SavedChecklist.objects.create(
        owner=user,
        description=description,
        topic=topic,
        target_group=target_group,
        municipality=municipality,
        items=snapshot(plan, set(ticked)),
    )
    logger.info("Checklist %s saved by user %s", checklist.pk, user.pk)
    return checklist


def checklist_for(*, user: Visitor, pk: int) -> SavedChecklist:
    """The person's own checklist; anyone else's answers as a missing one."""
    checklist = (
        SavedChecklist.objects.visible_to(user)
        .select_related("topic", "target_group", "municipality")
        .filter(pk=pk)
        .first()
    )
    if checklist is None:
        raise Http404
    return checklist


@transaction.atomic
def checklist_delete(*, user: Visitor, pk: int) -> None:
    """Remove the person's own checklist (anyone else's: 404, nothing changes)."""
    deleted, _counts = SavedChecklist.objects.visible_to(user).filter(pk=pk).delete()
    if not deleted:
        raise Http404
    logger.info("Checklist %s deleted by user %s", pk, user.pk)


@transaction.atomic
def checklist_tick(*, user: Visitor, pk: int, ticked: set[str]) -> SavedChecklist:
    """Keep which courses of action of the person's own checklist are done now."""
    checklist = SavedChecklist.objects.visible_to(user).select_for_update().filter(pk=pk).first()
    if checklist is None:
        raise Http404
    for item in checklist.items:
        for index, action in enumerate(item["actions"]):
            action["done"] = f"{item['pattern']}:{index}" in ticked
    checklist.save(update_fields=["items"])
    logger.info("Checklist %s ticked by user %s", pk, user.pk)
    return checklist


@dataclass
class SavedItem:
    """One pattern of a kept checklist, with its cases as the owner may see them now."""

    slug: str
    name: str
    cases: list[Case]  # where it played: those the owner may see now, so a case hidden since
    # is neither shown nor counted
    avoided_in: list[Case]
    actions: list[dict]

    summary = ""

    @property
    def count(self) -> int:
        return len(self.cases)

    @property
    def checklist(self) -> list[dict]:
        return [
            {"key": f"{self.slug}:{index}", "text": action["text"], "done": action["done"]}
            for index, action in enumerate(self.actions)
        ]

    url: str | None = None  # the pattern's page, set by the caller where there is one


def saved_items(checklist: SavedChecklist, user: AbstractBaseUser) -> list[SavedItem]:
    """The kept checklist, its cases loaded through `visible_to(user)` (one query)."""
    keys = {pk for item in checklist.items for pk in item["cases"] + item.get("avoided", [])}
    cases = Case.objects.visible_to(user).in_bulk(keys) if keys else {}
    return [
        SavedItem(
            slug=item["pattern"],
            name=item["name"],
            cases=[cases[pk] for pk in item["cases"] if pk in cases],
            avoided_in=[cases[pk] for pk in item.get("avoided", []) if pk in cases],
            actions=item["actions"],
        )
        for item in checklist.items
    ]


def checklists_of(user: Visitor) -> dict:
    """For /mijn/: the person's kept checklists, newest first."""
    checklists = SavedChecklist.objects.visible_to(user).only("pk", "description", "created_at")
    return {"checklists": list(checklists)}
