"""Background work for spaces: the e-mails about requests and invitations.

Mail is never sent in the request. A service commits its change first and then enqueues the mail
(`transaction.on_commit`), so a mail server that is down never undoes a membership. A failed send
is re-enqueued (later, where the backend can defer) up to `MAX_ATTEMPTS` times; after that the
task fails with the error kept in the task's result, and the change itself stands.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_AFTER = timedelta(minutes=5)


@task()
def send_space_mail(*, to: list[str], subject: str, body: str, attempt: int = 1) -> int:
    """Send one plain-text e-mail; on failure enqueue the next attempt."""
    try:
        return EmailMessage(
            subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
        ).send()
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Space mail %r not sent after %d attempts", subject, attempt)
            raise
        logger.warning("Space mail %r failed (attempt %d); retrying", subject, attempt)
        retry(to=to, subject=subject, body=body, attempt=attempt + 1)
        return 0


def retry(*, to: list[str], subject: str, body: str, attempt: int) -> None:
    runner = send_space_mail
    if default_task_backend.supports_defer:
        runner = send_space_mail.using(run_after=timezone.now() + RETRY_AFTER * (attempt - 1))
    runner.enqueue(to=to, subject=subject, body=body, attempt=attempt)
