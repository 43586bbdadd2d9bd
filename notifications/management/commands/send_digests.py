"""Send the daily digests that are due. Run once a day (systemd timer
`deploy/systemd/kennisplatform-digest.timer`, or cron); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from notifications.digest import send_digests


class Command(BaseCommand):
    help = "Send the daily digest of new discussions to everyone who follows a space daily."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) enqueued.")
