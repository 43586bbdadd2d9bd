"""Passing a visitor's message on to a wijkschakelaar: by e-mail, nothing stored."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from connectors.models import Connector

logger = logging.getLogger(__name__)

PER_SENDER = (3, 60 * 60)  # messages per hour from one e-mail address or network address
PER_PROFILE = (10, 24 * 60 * 60)  # messages per day to one person


class TooManyMessages(Exception):
    pass


def _within_limit(key: str, limit: tuple[int, int]) -> bool:
    """Count one more for `key`; False when that goes over the limit."""
    count, seconds = limit
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return True


def _key(*parts: str) -> str:
    # Only a hash is kept, and only for the rate limit's window: no address is stored.
    return "contact:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def send_message(
    *, connector: Connector, name: str, email: str, message: str, remote_address: str
) -> None:
    """Send the message to the person with the sender as reply-to; or TooManyMessages."""
    sender_ok = _within_limit(_key("email", email.lower()), PER_SENDER) and _within_limit(
        _key("ip", remote_address), PER_SENDER
    )
    if not sender_ok or not _within_limit(_key("profile", str(connector.pk)), PER_PROFILE):
        raise TooManyMessages
    body = _(
        "%(name)s stuurde u een bericht via het Kennisplatform Wijkaanpak.\n"
        "Antwoorden kan met 'beantwoorden': uw antwoord gaat naar %(name)s.\n\n"
        "%(message)s\n\n--\nHet platform bewaart dit bericht niet."
    ) % {"name": name, "message": message}
    EmailMessage(
        subject=_("Vraag via het Kennisplatform Wijkaanpak van %(name)s") % {"name": name},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[connector.email],
        reply_to=[f"{name} <{email}>"],
    ).send()
    logger.info("Contact message passed on to connector %s", connector.pk)
