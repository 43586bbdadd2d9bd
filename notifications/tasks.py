"""The notification work, off the request path (django-tasks).

The signal receivers (`notifications/receivers.py`) only enqueue one of these tasks with ids;
the task reads the current state, decides who gets a mail and enqueues one
`accounts.tasks.send_email` per person. Whether someone may read the space, the discussion or
the post is checked here, at send time, through `visible_to`: a member removed between the post
and the send gets nothing.

Who hears what:

- a new discussion: those who follow its space "direct" (not its writer);
- a reply: the discussion's starter and everyone who wrote a published reply before it, once
  each, never the writer of the reply; `EmailPreferences.replies` switches it off;
- a moderator's decision (hidden, held, restored, approved): the post's writer, with the reason;
  not when they moderated their own post; `EmailPreferences.moderation`;
- a change in the review of a shared case: the member who shared it, with the editors' comment;
  `EmailPreferences.case_status`.

Held posts are not announced; when a moderator approves (or restores) one, it is announced then.
`notifications.models.Delivery` makes sure an announcement reaches a person once.

Saved searches ("Houd me op de hoogte") are mailed by `send_saved_search_alerts`
(`notifications/saved_searches.py`), daily or weekly.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import Truncator
from django_tasks import task

from cases.models import Case
from discussions.models import Discussion, Post, PostStatus, Subscription
from notifications import mail
from notifications.digest import send_digests
from notifications.models import Delivery
from notifications.saved_searches import send_search_alerts
from spaces.models import ModerationLog, Space

logger = logging.getLogger(__name__)

EXCERPT_CHARS = 600

Action = ModerationLog.Action
# The decisions the writer hears about, and the template's word for each.
DECISIONS = {
    Action.HIDDEN: "verborgen",
    Action.HELD: "vastgehouden",
    Action.RESTORED: "hersteld",
    Action.APPROVED: "goedgekeurd",
}


def excerpt(text: str) -> str:
    return Truncator(text.strip()).chars(EXCERPT_CHARS)


def absolute(url: str) -> str:
    return settings.SITE_URL + url


@task()
def announce_discussion(*, discussion_id: int) -> int:
    """Mail the space's "direct" followers about a new, visible discussion."""
    discussion = Discussion.objects.select_related("space").filter(pk=discussion_id).first()
    if discussion is None or discussion.opening_status != PostStatus.PUBLISHED:
        return 0
    opening = discussion.posts.filter(is_opening=True).first()
    if opening is None:
        return 0
    subscriptions = (
        Subscription.objects.filter(
            space_id=discussion.space_id, frequency=Subscription.Frequency.IMMEDIATELY
        )
        .exclude(user_id=discussion.author_id)
        .select_related("user")
    )
    sent = 0
    for subscription in subscriptions:
        user = subscription.user
        if not mail.can_receive(user) or not mail.preferences_of(user).space_activity:
            continue
        if not Discussion.objects.visible_to(user).filter(pk=discussion.pk).exists():
            continue
        if not mail.claim(user, Delivery.Kind.DISCUSSION, discussion.pk):
            continue
        mail.send(
            user=user,
            template="discussion_started",
            context={
                "discussion": discussion,
                "space": discussion.space,
                "author_name": mail.author_in_mail(opening, user),
                "excerpt": excerpt(opening.body),
                "url": absolute(discussion.get_absolute_url()),
            },
            unsubscribe_kind="ruimte",
            space=discussion.space,
        )
        sent += 1
    return sent


@task()
def announce_reply(*, post_id: int) -> int:
    """Mail those taking part in the discussion about a new, visible reply."""
    post = Post.objects.select_related("discussion__space", "author").filter(pk=post_id).first()
    if post is None or post.is_opening or post.status != PostStatus.PUBLISHED:
        return 0
    discussion = post.discussion
    earlier = set(
        Post.objects.filter(
            discussion=discussion, status=PostStatus.PUBLISHED, is_opening=False, pk__lt=post.pk
        )
        .exclude(author=None)
        .values_list("author_id", flat=True)
    )
    recipient_ids = (earlier | {discussion.author_id}) - {post.author_id, None}
    sent = 0
    for user in get_user_model().objects.filter(pk__in=recipient_ids).order_by("pk"):
        if not mail.can_receive(user) or not mail.preferences_of(user).replies:
            continue
        visible = Post.objects.visible_to(user).filter(pk=post.pk, status=PostStatus.PUBLISHED)
        if not visible.exists():
            continue
        if not mail.claim(user, Delivery.Kind.REPLY, post.pk):
            continue
        mail.send(
            user=user,
            template="reply_posted",
            context={
                "discussion": discussion,
                "space": discussion.space,
                "post": post,
                "is_starter": user.pk == discussion.author_id,
                "author_name": mail.author_in_mail(post, user),
                "excerpt": excerpt(post.body),
                "url": absolute(post.get_absolute_url()),
            },
            unsubscribe_kind="reacties",
        )
        sent += 1
    return sent


@task()
def tell_moderation(*, post_id: int, action: str, reason: str, actor_id: int | None) -> int:
    """Tell a post's writer what a moderator decided about it."""
    decision = DECISIONS.get(action)
    post = Post.objects.select_related("discussion__space", "author").filter(pk=post_id).first()
    if decision is None or post is None:
        return 0
    user = post.author
    if user is None or user.pk == actor_id or not mail.can_receive(user):
        return 0
    if not mail.preferences_of(user).moderation:
        return 0
    space = post.discussion.space
    if not Space.objects.visible_to(user).filter(pk=space.pk).exists():
        return 0
    mail.send(
        user=user,
        template="post_moderated",
        context={
            "decision": decision,
            "reason": reason.strip(),
            "post": post,
            "discussion": post.discussion,
            "space": space,
            "excerpt": excerpt(post.body),
            "url": absolute(post.get_absolute_url()),
        },
        unsubscribe_kind="moderatie",
    )
    return 1


@task()
def tell_case_status(*, case_id: int, user_id: int, status: str, comment: str) -> int:
    """Tell the member who shared a case how the editors' review of it goes."""
    user = get_user_model().objects.filter(pk=user_id).first()
    case = Case.objects.filter(pk=case_id).first()
    if case is None or not mail.can_receive(user) or not mail.preferences_of(user).case_status:
        return 0
    if Case.objects.visible_to(user).filter(pk=case.pk).exists():
        url = absolute(case.get_absolute_url())
    else:
        url = settings.SITE_URL + reverse("mijn")
    mail.send(
        user=user,
        template="case_status",
        context={"case": case, "status": status, "comment": comment.strip(), "url": url},
        unsubscribe_kind="praktijkvoorbeelden",
    )
    return 1


@task()
def send_daily_digests() -> int:
    """The daily digest for every "dagelijks" follower (also `manage.py send_digests`)."""
    return send_digests()


@task()
def send_saved_search_alerts() -> int:
    """The saved-search alerts that are due (also `manage.py send_search_alerts`)."""
    return send_search_alerts()
