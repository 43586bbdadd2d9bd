"""The daily digest: one mail per followed space with the discussions started since the last one.

`send_digests()` runs once a day (`manage.py send_digests` from a timer or cron; see the README).
For each "dagelijks" subscription it first moves `digest_sent_until` forward with a conditional
update, so two runs at once (or a run repeated by a timer catching up) never cover the same
window twice; then it sends one mail if the person may still read any new discussion there. A
window is only taken when it is at least `MIN_WINDOW` long, so a second run the same day sends
nothing. A held discussion that a moderator approves after its day's digest is not in a later
digest (the "direct" mail does announce it on approval).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from discussions.models import Discussion, Post, PostStatus, Subscription
from notifications import mail

logger = logging.getLogger(__name__)

MIN_WINDOW = timedelta(hours=20)
MAX_ITEMS = 50


def send_digests(now: datetime | None = None) -> int:
    """Send the digests that are due; returns how many mails were enqueued."""
    now = now or timezone.now()
    due = Subscription.objects.filter(
        frequency=Subscription.Frequency.DAILY, digest_sent_until__lte=now - MIN_WINDOW
    ).select_related("user", "space")
    sent = 0
    for subscription in due.iterator():
        sent += _send_one(subscription, now)
    logger.info("Daily digests: %d mail(s) enqueued", sent)
    return sent


def _send_one(subscription: Subscription, now: datetime) -> int:
    since = subscription.digest_sent_until
    taken = Subscription.objects.filter(
        pk=subscription.pk, frequency=Subscription.Frequency.DAILY, digest_sent_until=since
    ).update(digest_sent_until=now)
    if not taken:
        return 0  # another run covered this window
    user = subscription.user
    if not mail.can_receive(user) or not mail.preferences_of(user).space_activity:
        return 0
    discussions = list(
        Discussion.objects.visible_to(user)
        .filter(
            space_id=subscription.space_id,
            opening_status=PostStatus.PUBLISHED,
            created_at__gt=since,
            created_at__lte=now,
        )
        .exclude(author=user)
        .select_related("space")
        .order_by("created_at", "pk")[: MAX_ITEMS + 1]
    )
    if not discussions:
        return 0
    openings = {
        post.discussion_id: post
        for post in Post.objects.filter(discussion__in=discussions, is_opening=True)
    }
    items = [
        {
            "discussion": discussion,
            "author_name": mail.author_in_mail(openings[discussion.pk], user)
            if discussion.pk in openings
            else None,
            "url": settings.SITE_URL + discussion.get_absolute_url(),
        }
        for discussion in discussions[:MAX_ITEMS]
    ]
    mail.send(
        user=user,
        template="digest",
        context={
            "space": subscription.space,
            "items": items,
            "more": len(discussions) > MAX_ITEMS,
            "space_url": settings.SITE_URL
            + reverse("spaces:home", kwargs={"slug": subscription.space.slug}),
        },
        unsubscribe_kind="ruimte",
        space=subscription.space,
    )
    return 1
