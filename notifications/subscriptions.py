"""Following a space: who hears about new discussions in which space, and how often.

- Anyone signed in who may read a space may follow it (members of a closed space; anyone with an
  account for a public space) and chooses: direct (a mail per new discussion), dagelijks (one
  digest a day) or nooit.
- Becoming a member (joining, an approved request, an accepted invitation) starts a daily
  digest for that space, unless the person already chose for it: an existing choice, "nooit"
  included, is kept. Leaving or being removed keeps the row but sends nothing, because every mail
  checks at send time that the person may still read the space.
- Whether mail goes out at all also depends on `EmailPreferences.space_activity`.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from core.access import Visitor
from discussions.models import Subscription
from spaces.models import Membership, Space

logger = logging.getLogger(__name__)

Frequency = Subscription.Frequency


def access_followable_space(user: Visitor, slug: str) -> Space:
    """A space `user` may read (and so follow); 404 otherwise, exactly like a missing one."""
    space = Space.objects.visible_to(user).filter(slug=slug).first()
    if space is None:
        raise Http404
    return space


def subscription_for(user: Visitor, space: Space) -> Subscription | None:
    if not user.is_authenticated:
        return None
    return Subscription.objects.filter(user=user, space=space).first()


@transaction.atomic
def follow(*, user, space: Space, frequency: str) -> Subscription:
    """Set how often `user` hears about new discussions in `space`. The caller got the space
    through `access_followable_space`; this checks again so that no other road skips it."""
    if not Space.objects.visible_to(user).filter(pk=space.pk).exists():
        raise Http404
    if frequency not in Frequency.values:
        raise ValueError(f"Unknown frequency {frequency!r}")
    subscription = Subscription.objects.select_for_update().filter(user=user, space=space).first()
    now = timezone.now()
    if subscription is None:
        subscription = Subscription.objects.create(
            user=user, space=space, frequency=frequency, digest_sent_until=now
        )
    elif subscription.frequency != frequency:
        if subscription.frequency != Frequency.DAILY:
            # A digest starts from the moment one asks for it, never with old news.
            subscription.digest_sent_until = now
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency", "digest_sent_until"])
    logger.info("User %s follows space %s: %s", user.pk, space.slug, frequency)
    return subscription


def followed_spaces(user: Visitor) -> dict:
    """For the section on /mijn/: the spaces the person follows (and may still read)."""
    subscriptions = (
        Subscription.objects.filter(user=user, space__in=Space.objects.visible_to(user))
        .exclude(frequency=Frequency.NEVER)
        .select_related("space")
        .order_by("space__name")
    )
    return {"subscriptions": list(subscriptions)}


def start_daily_digest_for_new_member(sender, instance: Membership, created: bool, **kwargs):
    """post_save of Membership: a new (or returning) active member follows the space daily,
    unless they chose for this space before (the row exists: nothing changes)."""
    update_fields = kwargs.get("update_fields")
    if not instance.is_active:
        return
    if not created and update_fields is not None and "status" not in update_fields:
        return
    Subscription.objects.get_or_create(
        user_id=instance.user_id,
        space_id=instance.space_id,
        defaults={"frequency": Frequency.DAILY, "digest_sent_until": timezone.now()},
    )
