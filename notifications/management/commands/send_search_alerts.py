"""Send the saved-search alerts that are due (daily ones every day, weekly ones after a week).
Run once a day (the systemd timer `deploy/systemd/kennisplatform-digest.timer`, or cron);
running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from notifications.saved_searches import send_search_alerts


class Command(BaseCommand):
    help = "Mail new matching cases to everyone with a saved search that is due."

    def handle(self, *args, **options):
        sent = send_search_alerts()
        self.stdout.write(f"{sent} search alert(s) enqueued.")
