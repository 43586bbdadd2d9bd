"""Moderation of what members write: reporting a post, hiding, restoring and approving posts,
locking discussions, suspending members, and the space's setting to hold first posts.

Every service is keyword-only, checks permission first (`rules.can_moderate`: the active
moderators of *this* space and editors; reporting: anyone signed in who may read the post),
runs in one transaction, writes `spaces.models.ModerationLog` (who, what, to whom, why, where)
and, once committed, tells the apps above through `discussions.signals`:

- `post_moderated(post, action, reason, actor)` after a report (action REPORTED, actor the
  reporter: receivers tell moderators, never the author), hide (HIDDEN), restore (RESTORED,
  only when a hidden post comes back), approve (APPROVED) and lock/unlock (LOCKED/UNLOCKED,
  with the opening post);
- an approved held post is then announced like any new post: `discussion_started` for an
  opening, `reply_posted` for a reply.

Hiding, restoring and approving keep the discussion's counters, status and mentions right
(`services.sync_discussion`, the same recount the members' own writes use) and resolve the
post's open reports. Refusals raise
`DiscussionRefused` with a Dutch message; nothing is stored.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import Visitor
from discussions import rules, signals
from discussions.models import Discussion, Post, PostStatus, Report
from discussions.rules import DiscussionRefused
from discussions.services import sync_discussion
from spaces import services as space_services
from spaces.models import Membership, ModerationLog, Space

logger = logging.getLogger(__name__)

MAX_REASON_LENGTH = 500  # Post.moderation_reason
MAX_REPORT_LENGTH = 1000  # Report.reason
MAX_LOCK_REASON_LENGTH = 300  # Discussion.lock_reason


# --- helpers ---------------------------------------------------------------------------------


def target_url(obj: Post | Discussion) -> str:
    """The address of a post or discussion for the log, or "" while pages cannot resolve it."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


def _require_moderator(user: Visitor, space: Space) -> None:
    if not rules.can_moderate(user, space):
        raise DiscussionRefused(_("Alleen een moderator van deze ruimte mag dit doen."))


def _clean_reason(reason: str | None, *, required: bool, limit: int, missing: str) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise DiscussionRefused(missing)
    if len(reason) > limit:
        raise DiscussionRefused(
            _("Schrijf hoogstens %(limit)d tekens. U schreef er %(count)d.")
            % {"limit": limit, "count": len(reason)}
        )
    return reason


def _log(*, space: Space, actor, action: str, subject=None, detail: str = "", where: str = ""):
    entry = ModerationLog.objects.create(
        space=space,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        detail=detail,
        target_url=where[:300],
    )
    logger.info(
        "Space %s: %s by %s (subject %s)",
        space.slug,
        action,
        getattr(actor, "pk", None),
        getattr(subject, "pk", None),
    )
    return entry


def _locked_post(post: Post) -> Post:
    # Lock the discussion row: two moderators acting on the same discussion at once keep the
    # counters right.
    Discussion.objects.select_for_update().get(pk=post.discussion_id)
    return Post.objects.select_related("discussion__space", "author").get(pk=post.pk)


def _resolve_reports(post: Post, actor) -> int:
    return Report.objects.filter(post=post, status=Report.Status.OPEN).update(
        status=Report.Status.HANDLED, handled_by=actor, handled_at=timezone.now()
    )


def _announce(post: Post, action: str, reason: str, actor) -> None:
    def send():
        signals.post_moderated.send(
            sender=Post, post=post, action=action, reason=reason, actor=actor
        )

    transaction.on_commit(send)


# --- reporting -------------------------------------------------------------------------------


@transaction.atomic
def report_post(*, user: Visitor, post: Post, reason: str) -> Report:
    """Anyone signed in who may read the post reports it to the space's moderators. Not one's
    own post (delete or edit it instead), not twice while the first report is open, not while
    suspended in the space, and no more than `rules.REPORT_LIMIT` in a while."""
    if not (user.is_authenticated and user.is_active):
        raise DiscussionRefused(_("Log in om een bericht te melden."))
    if not Post.objects.visible_to(user).filter(pk=post.pk).exists():
        raise DiscussionRefused(_("Dit bericht bestaat niet (meer)."))
    post = Post.objects.select_related("discussion__space", "author").get(pk=post.pk)
    space = post.discussion.space
    if post.status != PostStatus.PUBLISHED:
        raise DiscussionRefused(_("Alleen een geplaatst bericht kunt u melden."))
    if post.author_id == user.pk:
        raise DiscussionRefused(
            _("Dit is uw eigen bericht. U kunt het zelf bewerken of verwijderen.")
        )
    membership = Membership.objects.filter(space=space, user=user).first()
    if membership is not None and membership.is_suspended:
        raise DiscussionRefused(_("U bent geschorst in deze ruimte en kunt nu niets melden."))
    reason = _clean_reason(
        reason,
        required=True,
        limit=MAX_REPORT_LENGTH,
        missing=_("Schrijf waarom u dit bericht meldt."),
    )
    if Report.objects.filter(post=post, reporter=user, status=Report.Status.OPEN).exists():
        raise DiscussionRefused(_("U heeft dit bericht al gemeld. Een moderator kijkt ernaar."))
    rules.check_report_rate(user)
    report = Report.objects.create(post=post, reporter=user, reason=reason)
    _log(
        space=space,
        actor=user,
        action=ModerationLog.Action.REPORTED,
        subject=post.author,
        detail=reason,
        where=target_url(post),
    )
    _announce(post, ModerationLog.Action.REPORTED, reason, user)
    return report


# --- posts -----------------------------------------------------------------------------------


@transaction.atomic
def hide_post(*, actor: Visitor, post: Post, reason: str) -> Post:
    """Hide a published or held post; the author sees the reason, others see that a moderator
    hid it. Resolves the post's open reports."""
    _require_moderator(actor, post.discussion.space)
    reason = _clean_reason(
        reason,
        required=True,
        limit=MAX_REASON_LENGTH,
        missing=_("Schrijf waarom u dit bericht verbergt. De schrijver ziet de reden."),
    )
    post = _locked_post(post)
    if post.status == PostStatus.HIDDEN:
        raise DiscussionRefused(_("Dit bericht is al verborgen."))
    if post.status == PostStatus.DELETED:
        raise DiscussionRefused(_("De schrijver heeft dit bericht al verwijderd."))
    post.status = PostStatus.HIDDEN
    post.moderation_reason = reason
    post.save(update_fields=["status", "moderation_reason"])
    sync_discussion(post.discussion)
    _resolve_reports(post, actor)
    _log(
        space=post.discussion.space,
        actor=actor,
        action=ModerationLog.Action.HIDDEN,
        subject=post.author,
        detail=reason,
        where=target_url(post),
    )
    _announce(post, ModerationLog.Action.HIDDEN, reason, actor)
    return post


@transaction.atomic
def restore_post(*, actor: Visitor, post: Post, reason: str = "") -> Post:
    """Show a hidden post again. For a published post with open reports this is "leave it":
    the reports are resolved and the post stays as it is (logged, no signal: nothing changed
    for the author)."""
    _require_moderator(actor, post.discussion.space)
    reason = _clean_reason(reason, required=False, limit=MAX_REASON_LENGTH, missing="")
    post = _locked_post(post)
    if post.status == PostStatus.PUBLISHED:
        if not _resolve_reports(post, actor):
            raise DiscussionRefused(_("Dit bericht is niet verborgen en niet gemeld."))
        _log(
            space=post.discussion.space,
            actor=actor,
            action=ModerationLog.Action.RESTORED,
            subject=post.author,
            detail=_("Meldingen afgehandeld, het bericht blijft staan. %(reason)s")
            % {"reason": reason},
            where=target_url(post),
        )
        return post
    if post.status != PostStatus.HIDDEN:
        raise DiscussionRefused(_("Alleen een verborgen bericht kunt u herstellen."))
    post.status = PostStatus.PUBLISHED
    post.moderation_reason = ""
    post.save(update_fields=["status", "moderation_reason"])
    sync_discussion(post.discussion)
    _resolve_reports(post, actor)
    _log(
        space=post.discussion.space,
        actor=actor,
        action=ModerationLog.Action.RESTORED,
        subject=post.author,
        detail=reason,
        where=target_url(post),
    )
    _announce(post, ModerationLog.Action.RESTORED, reason, actor)
    return post


@transaction.atomic
def approve_post(*, actor: Visitor, post: Post) -> Post:
    """Publish a held post; its followers then hear of it like of any new post."""
    _require_moderator(actor, post.discussion.space)
    post = _locked_post(post)
    if post.status != PostStatus.HELD:
        raise DiscussionRefused(_("Dit bericht wacht niet op goedkeuring."))
    discussion = post.discussion
    post.status = PostStatus.PUBLISHED
    post.moderation_reason = ""
    post.save(update_fields=["status", "moderation_reason"])
    if not post.is_opening:
        discussion.last_activity_at = timezone.now()
    sync_discussion(discussion)
    _resolve_reports(post, actor)
    _log(
        space=discussion.space,
        actor=actor,
        action=ModerationLog.Action.APPROVED,
        subject=post.author,
        detail=_("Bericht goedgekeurd"),
        where=target_url(post),
    )
    _announce(post, ModerationLog.Action.APPROVED, "", actor)

    def publish():
        if post.is_opening:
            signals.discussion_started.send(sender=Discussion, discussion=discussion)
        else:
            signals.reply_posted.send(sender=Post, post=post)

    transaction.on_commit(publish)
    return post


# --- discussions -----------------------------------------------------------------------------


def _opening(discussion: Discussion) -> Post | None:
    return discussion.posts.filter(is_opening=True).first()


def _set_lock(actor: Visitor, discussion: Discussion, locked: bool, reason: str) -> Discussion:
    _require_moderator(actor, discussion.space)
    discussion = (
        Discussion.objects.select_for_update().select_related("space").get(pk=discussion.pk)
    )
    if discussion.is_locked == locked:
        raise DiscussionRefused(
            _("Deze discussie is al gesloten.") if locked else _("Deze discussie is niet gesloten.")
        )
    discussion.is_locked = locked
    discussion.lock_reason = reason if locked else ""
    # Saved without last_activity_at: locking is no activity.
    discussion.save(update_fields=["is_locked", "lock_reason"])
    action = ModerationLog.Action.LOCKED if locked else ModerationLog.Action.UNLOCKED
    _log(
        space=discussion.space,
        actor=actor,
        action=action,
        subject=discussion.author,
        detail=reason,
        where=target_url(discussion),
    )
    opening = _opening(discussion)
    if opening is not None:
        _announce(opening, action, reason, actor)
    return discussion


@transaction.atomic
def lock_discussion(*, actor: Visitor, discussion: Discussion, reason: str) -> Discussion:
    """No new replies; everyone still reads, and sees why it was closed."""
    reason = _clean_reason(
        reason,
        required=True,
        limit=MAX_LOCK_REASON_LENGTH,
        missing=_("Schrijf waarom u deze discussie sluit. Iedereen die meeleest ziet de reden."),
    )
    return _set_lock(actor, discussion, True, reason)


@transaction.atomic
def unlock_discussion(*, actor: Visitor, discussion: Discussion, reason: str = "") -> Discussion:
    reason = _clean_reason(reason, required=False, limit=MAX_LOCK_REASON_LENGTH, missing="")
    return _set_lock(actor, discussion, False, reason)


# --- members and the space -------------------------------------------------------------------


def _membership(space: Space, user) -> Membership:
    membership = Membership.objects.filter(space=space, user=user).first()
    if membership is None or not membership.is_active:
        raise DiscussionRefused(_("Deze persoon is geen lid van deze ruimte."))
    return membership


@transaction.atomic
def suspend_member(
    *, actor: Visitor, space: Space, user, until: datetime, reason: str
) -> Membership:
    """The member reads but does not write until `until` (`spaces.services.suspend`, which the
    members page of the space uses too)."""
    _require_moderator(actor, space)
    try:
        return space_services.suspend(
            actor=actor, membership=_membership(space, user), until=until, reason=reason
        )
    except space_services.SpaceActionRefused as error:
        raise DiscussionRefused(error.message) from None


@transaction.atomic
def unsuspend_member(*, actor: Visitor, space: Space, user, reason: str = "") -> Membership:
    _require_moderator(actor, space)
    try:
        return space_services.unsuspend(
            actor=actor, membership=_membership(space, user), reason=reason
        )
    except space_services.SpaceActionRefused as error:
        raise DiscussionRefused(error.message) from None


@transaction.atomic
def set_hold_first_posts(*, actor: Visitor, space: Space, hold: bool) -> Space:
    """Switch whether a new account's first posts wait for a moderator (public spaces)."""
    _require_moderator(actor, space)
    space = Space.objects.select_for_update().get(pk=space.pk)
    if space.hold_first_posts == hold:
        return space
    space.hold_first_posts = hold
    space.save(update_fields=["hold_first_posts"])
    _log(
        space=space,
        actor=actor,
        action=ModerationLog.Action.EDITED,
        detail=_("Eerste berichten van nieuwe accounts nakijken: aan")
        if hold
        else _("Eerste berichten van nieuwe accounts nakijken: uit"),
    )
    return space


# --- the queue -------------------------------------------------------------------------------


def open_reports(spaces=None):
    """Open reports, oldest first, with what the queue shows."""
    reports = Report.objects.filter(status=Report.Status.OPEN).select_related(
        "reporter", "post__author", "post__discussion__space"
    )
    if spaces is not None:
        reports = reports.filter(post__discussion__space__in=spaces)
    return reports.order_by("created_at", "pk")


def held_posts(spaces=None):
    posts = Post.objects.filter(status=PostStatus.HELD).select_related(
        "author", "discussion__space"
    )
    if spaces is not None:
        posts = posts.filter(discussion__space__in=spaces)
    return posts.order_by("created_at", "pk")


def queue(spaces=None) -> dict:
    """The reported posts (each with its open reports) and the held posts, each with the
    address of its page ("" while it has none)."""
    reported: dict[int, dict] = {}
    for report in open_reports(spaces):
        item = reported.setdefault(
            report.post_id,
            {"post": report.post, "reports": [], "url": target_url(report.post)},
        )
        item["reports"].append(report)
    held = [{"post": post, "url": target_url(post)} for post in held_posts(spaces)]
    return {"reported": list(reported.values()), "held": held}
