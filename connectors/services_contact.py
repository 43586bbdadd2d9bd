"""Passing a visitor's message on to a wijkschakelaar: by e-mail, nothing stored."""

from __future__ import annotations

import hashlib
import logging
from email.headerregistry import Address

from django.conf import settings
from django.core.cache import caches
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.utils.translation import gettext as _

from connectors.models import Connector

logger = logging.getLogger(__name__)

PER_SENDER = (3, 60 * 60)  # messages per hour from one e-mail address or network address
PER_PROFILE = (10, 24 * 60 * 60)  # messages per day to one person


class TooManyMessages(Exception):
    pass


def _within_limit(key: str, limit: tuple[int, int]) -> bool:
    """Count one more for `key`; False when that goes over the limit.

    The counters are in the 'ratelimit' cache, which every process and server shares.
    """
    cache = caches["ratelimit"]
    count, seconds = limit
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        return True


def client_address(request: HttpRequest) -> str:
    """The visitor's network address, which the per-sender limit counts on.

    Without trusted proxies that is REMOTE_ADDR: X-Forwarded-For is then whatever the visitor
    sent. Behind TRUSTED_PROXY_COUNT proxies, each appending the address it received from, it is
    that many places from the right of X-Forwarded-For (the rule of Django REST framework's
    NUM_PROXIES, which is set to the same number): what the outermost proxy saw.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded.strip():
        return remote
    addresses = [address.strip() for address in forwarded.split(",")]
    return addresses[-min(proxies, len(addresses))]


def _key(*parts: str) -> str:
    # Only a hash is kept, and only for the rate limit's window: no address is stored.
    return "contact:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def send_message(
    *, connector: Connector, name: str, email: str, message: str, remote_address: str
) -> None:
    """Send the message to the person with the sender as reply-to; or TooManyMessages.

    `name` and `email` come from a valid ContactForm. The message is built (and its headers
    checked) before anything is counted, so a message that cannot be sent costs nothing.
    """
    mail = _email(connector=connector, name=name, email=email, message=message)
    mail.message()  # raises on a header that cannot be sent, before any counting
    sender_ok = _within_limit(_key("email", email.lower()), PER_SENDER) and _within_limit(
        _key("ip", remote_address), PER_SENDER
    )
    if not sender_ok or not _within_limit(_key("profile", str(connector.pk)), PER_PROFILE):
        raise TooManyMessages
    mail.send()
    logger.info("Contact message passed on to connector %s", connector.pk)


def _email(*, connector: Connector, name: str, email: str, message: str) -> EmailMessage:
    body = _(
        "%(name)s stuurde u een bericht via het Kennisplatform Wijkaanpak.\n"
        "Antwoorden kan met 'beantwoorden': uw antwoord gaat naar %(name)s.\n\n"
        "%(message)s\n\n--\nHet platform bewaart dit bericht niet."
    ) % {"name": name, "message": message}
    # The name is only ever the display name of the one validated address: quoted as needed,
    # so that a name such as '"Boss" <boss@example.org>,' cannot add an address.
    reply_to = str(Address(display_name=name, addr_spec=email))
    return EmailMessage(
        subject=_("Vraag via het Kennisplatform Wijkaanpak van %(name)s") % {"name": name},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[connector.email],
        reply_to=[reply_to],
    )
