"""Composing and enqueueing one notification mail.

Every mail is plain text in Dutch, rendered from `notifications/email/<name>.txt` (the first
line is the subject, the rest the body), addressed to one person, with a one-click unsubscribe
link in the body and in the `List-Unsubscribe` headers (RFC 2369 and RFC 8058). Sending is one
`accounts.tasks.send_email` task per mail, so one failing address never stops the others.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import EmailPreferences
from accounts.tasks import send_email
from notifications.models import Delivery
from notifications.unsubscribe import unsubscribe_url
from spaces.models import Space

logger = logging.getLogger(__name__)


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def preferences_of(user) -> EmailPreferences:
    """The person's choices, or the defaults (everything on) when they never chose."""
    return EmailPreferences.objects.filter(user=user).first() or EmailPreferences(user=user)


def can_receive(user) -> bool:
    return bool(user is not None and user.is_active and user.email)


def author_in_mail(post, recipient):
    """The name to show for a post's writer in a mail, or None. An anonymous post shows no
    author in any mail, not even to the space's moderators who may see it on the site: a mail
    is forwarded and kept in places the platform does not control."""
    if post.is_anonymous:
        return None
    shown = post.shown_author(recipient)
    return display_name(shown) if shown is not None else None


def claim(user, kind: str, object_id: int) -> bool:
    """True the first time this announcement goes to this person; False after that."""
    try:
        with transaction.atomic():
            Delivery.objects.create(user=user, kind=kind, object_id=object_id)
    except IntegrityError:
        return False
    return True


def send(
    *,
    user,
    template: str,
    context: dict,
    unsubscribe_kind: str,
    space: Space | None = None,
    saved_search=None,
) -> None:
    """Render `template` for `user` and enqueue it; a failure to enqueue is logged."""
    stop_url = unsubscribe_url(user, unsubscribe_kind, space, saved_search=saved_search)
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(
            f"notifications/email/{template}.txt",
            {
                **context,
                "recipient_name": display_name(user),
                "site_url": settings.SITE_URL,
                "site_name": settings.SITE_NAME,
                "unsubscribe_url": stop_url,
            },
        )
    subject, _, body = text.strip().partition("\n")
    try:
        send_email.enqueue(
            subject=f"[{settings.SITE_NAME}] {subject.strip()}",
            body=body.strip() + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{stop_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    except Exception:
        logger.exception("Could not enqueue notification %s for user %s", template, user.pk)
