"""E-mail off the request path: the account action is done first, then the message is queued.

The message is rendered in the request (it needs the request's address for its links) and the
task only sends it. A send that fails is logged and the task ends as failed, so that it can be
run again (`db_worker` keeps it); sending twice is harmless for these messages (a link that
was used once no longer works).
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMultiAlternatives
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(
    *,
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> int:
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers or None)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        return message.send()
    except Exception:
        logger.exception(
            "Sending %r to %d address(es) failed; the task can be rerun", subject, len(to)
        )
        raise
