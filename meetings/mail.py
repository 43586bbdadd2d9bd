"""E-mails about registrations: plain text in Dutch from `meetings/email/<name>.txt` (first line
the subject), one `accounts.tasks.send_email` task per person.

These are service messages about the person's own registration (no unsubscribe link): they
registered, and need to know whether they have a place. The online link goes only into mails to
someone with a place (`Meeting.link_visible_to`), read at the time the mail is written.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from accounts.tasks import send_email
from meetings.models import Registration
from spaces.services import display_name

logger = logging.getLogger(__name__)


def _enqueue(user, template: str, context: dict) -> bool:
    if not (user.is_active and user.email):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(
            f"meetings/email/{template}.txt",
            {
                **context,
                "recipient_name": display_name(user),
                "site_url": settings.SITE_URL,
                "site_name": settings.SITE_NAME,
            },
        )
    subject, _, body = text.strip().partition("\n")
    try:
        send_email.enqueue(
            subject=f"[{settings.SITE_NAME}] {subject.strip()}",
            body=body.strip() + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
    except Exception:
        logger.exception("Could not enqueue meeting mail %s for user %s", template, user.pk)
        return False
    return True


def _context(registration: Registration) -> dict:
    meeting = registration.meeting
    return {
        "meeting": meeting,
        "registration": registration,
        "meeting_url": settings.SITE_URL + meeting.get_absolute_url(),
        "online_url": meeting.online_url if meeting.link_visible_to(registration.user) else "",
    }


def send_about(registration_pk: int, template: str) -> bool:
    """Tell the person what happened to their registration (registered, waiting, moved_up,
    cancelled, reminder)."""
    registration = (
        Registration.objects.select_related("meeting", "meeting__space", "user")
        .filter(pk=registration_pk)
        .first()
    )
    if registration is None:
        return False
    return _enqueue(registration.user, template, _context(registration))


def send_message(registration: Registration, *, subject: str, body: str, sender) -> bool:
    context = _context(registration)
    context.update(subject=subject, body=body, sender_name=display_name(sender), online_url="")
    return _enqueue(registration.user, "message", context)
