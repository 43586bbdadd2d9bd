"""Keeping cases true: when an editor last checked a case ("laatst beoordeeld").

Every case has `last_reviewed_at`. Publishing sets it (an editor stands behind what goes
live), and so does "Gecontroleerd: nog juist" (`case_mark_reviewed`), which touches nothing
else: no revision, no new publication, no change to the text, to drafts or to a review in
progress. The editors' list "Te controleren" holds the live cases not checked for
`settings.CASE_REVIEW_AFTER_DAYS` days, the oldest first.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.signals import published

from cases.models import Case
from core import state as content_state
from core.access import is_editor

logger = logging.getLogger(__name__)

REVIEWED_ACTION = "cases.reviewed"


def review_due_before(now: datetime | None = None) -> datetime:
    """A case last checked before this moment is due for a check."""
    return (now or timezone.now()) - timedelta(days=settings.CASE_REVIEW_AFTER_DAYS)


def cases_due_for_review(now: datetime | None = None) -> QuerySet[Case]:
    """Live cases not checked for `CASE_REVIEW_AFTER_DAYS` days, the longest unchecked first.

    Live cases in closed spaces too: their members read them. Drafts are not on the list:
    nobody reads them, and they are checked when they are published."""
    return (
        Case.objects.filter(live=True)
        .filter(Q(last_reviewed_at__lt=review_due_before(now)) | Q(last_reviewed_at__isnull=True))
        .order_by(F("last_reviewed_at").asc(nulls_first=True), "pk")
    )


def case_mark_reviewed(*, case: Case, user: AbstractBaseUser) -> Case:
    """An editor checked the live case and it is still right: record today as its last check.

    Only the date changes (and `updated_at`, which tells systems that sync through the API
    that the resource changed): no revision is saved or published, a draft and a review in
    progress stay as they are. Raises PermissionDenied for anyone but an editor."""
    if not is_editor(user):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        # update(): not save(), which would write the whole row from this object and could
        # overwrite a publication made meanwhile.
        Case.objects.filter(pk=case.pk).update(last_reviewed_at=now, updated_at=now)
        case.last_reviewed_at = now
        case.updated_at = now
        # The public page says when the case was checked: renew the content state token.
        content_state.changed()
        log(instance=case, action=REVIEWED_ACTION, user=user)
    logger.info("Case %s marked as reviewed by %s", case.pk, user.get_username())
    return case


def _reviewed_when_published(sender, instance: Case, **kwargs) -> None:
    """Publishing counts as a check: whoever publishes stands behind the content."""
    if not instance.live or instance.last_published_at is None:
        return  # scheduled for later: checked when it goes live
    Case.objects.filter(pk=instance.pk).update(last_reviewed_at=instance.last_published_at)
    instance.last_reviewed_at = instance.last_published_at


def connect() -> None:
    published.connect(
        _reviewed_when_published, sender=Case, dispatch_uid="cases.reviewed_when_published"
    )
