"""Meeting work off the request path (django-tasks)."""

from __future__ import annotations

from django_tasks import task

from meetings.reminders import send_reminders


@task()
def send_meeting_reminders() -> int:
    """The reminders for tomorrow's meetings; running it twice sends nothing twice."""
    return send_reminders()
