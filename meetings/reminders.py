"""The reminder the day before: every registered participant of a meeting that starts
tomorrow (the calendar day in Europe/Amsterdam) gets one e-mail.

Run once a day (`manage.py send_meeting_reminders`, or the `send_meeting_reminders` task).
`Registration.reminded_at` is claimed before the mail is enqueued, so a second run, or two
runs at once, send nothing twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.utils import timezone

from meetings import mail
from meetings.models import Meeting, Registration

logger = logging.getLogger(__name__)


def tomorrow_bounds(now: datetime) -> tuple[datetime, datetime]:
    """The start and end of tomorrow in the current time zone, as aware datetimes (a day
    around the change to or from summer time is 23 or 25 hours long)."""
    tz = timezone.get_current_timezone()
    tomorrow = timezone.localtime(now, tz).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.min, tzinfo=tz)
    end = datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def send_reminders(now: datetime | None = None) -> int:
    now = now or timezone.now()
    start, end = tomorrow_bounds(now)
    meetings = Meeting.objects.filter(live=True, starts_at__gte=start, starts_at__lt=end)
    due = Registration.objects.filter(
        meeting__in=meetings, status=Registration.Status.REGISTERED, reminded_at__isnull=True
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        claimed = Registration.objects.filter(pk=pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed and mail.send_about(pk, "reminder"):
            sent += 1
    logger.info("Sent %d meeting reminder(s) for %s", sent, start.date())
    return sent
