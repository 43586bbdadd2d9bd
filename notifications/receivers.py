"""The signal receivers: each enqueues one task in `notifications/tasks.py` with ids and
returns. The senders call them after their change is committed; a receiver never raises into
the sender (a failure to enqueue is logged and the member's action stands)."""

from __future__ import annotations

import logging

from notifications import tasks
from spaces.models import ModerationLog

logger = logging.getLogger(__name__)

# A moderator's decision that makes a post visible: announce it now if it was never announced.
MAKES_VISIBLE = {ModerationLog.Action.APPROVED, ModerationLog.Action.RESTORED}


def _enqueue(runner, **kwargs) -> None:
    try:
        runner.enqueue(**kwargs)
    except Exception:
        logger.exception("Could not enqueue %s(%r)", runner.name, kwargs)


def on_discussion_started(sender, discussion, **kwargs) -> None:
    _enqueue(tasks.announce_discussion, discussion_id=discussion.pk)


def on_reply_posted(sender, post, **kwargs) -> None:
    _enqueue(tasks.announce_reply, post_id=post.pk)


def on_post_moderated(sender, post, action, reason="", actor=None, **kwargs) -> None:
    _enqueue(
        tasks.tell_moderation,
        post_id=post.pk,
        action=str(action),
        reason=str(reason or ""),
        actor_id=getattr(actor, "pk", None),
    )
    if action in MAKES_VISIBLE:
        if post.is_opening:
            _enqueue(tasks.announce_discussion, discussion_id=post.discussion_id)
        else:
            _enqueue(tasks.announce_reply, post_id=post.pk)


def on_submission_changed(sender, case, status, comment="", **kwargs) -> None:
    submitter_id = case.submitted_by_id  # the member who shared it (cases/submissions.py)
    if submitter_id is None:
        return
    _enqueue(
        tasks.tell_case_status,
        case_id=case.pk,
        user_id=submitter_id,
        status=str(getattr(status, "label", status)),
        comment=str(comment or ""),
    )
