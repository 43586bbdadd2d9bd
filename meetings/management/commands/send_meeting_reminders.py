"""Send the reminders for tomorrow's meetings. Run once a day (the digest timer, or cron);
running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from meetings.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone registered for a meeting that starts tomorrow."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) enqueued.")
