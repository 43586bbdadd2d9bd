"""Send the signals the discussions and cases services send (after their commit)."""

from discussions import signals
from discussions.models import Subscription


def follow(user, space, frequency):
    Subscription.objects.update_or_create(user=user, space=space, defaults={"frequency": frequency})


def started(discussion):
    signals.discussion_started.send(sender=None, discussion=discussion)


def replied(post):
    signals.reply_posted.send(sender=None, post=post)


def moderated(post, action, reason="", actor=None):
    signals.post_moderated.send(sender=None, post=post, action=action, reason=reason, actor=actor)


def recipients(mailoutbox) -> list[str]:
    return sorted(address for message in mailoutbox for address in message.to)
