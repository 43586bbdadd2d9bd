from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from dialogues.admin_views import PENDING_FOLDER


class Command(BaseCommand):
    help = (
        "Verwijder geüploade dialoogbestanden die nooit zijn bevestigd (standaard: ouder dan "
        "24 uur). Draai dit dagelijks, zoals publish_scheduled."
    )

    def add_arguments(self, parser):
        parser.add_argument("--uren", type=int, default=24, help="Ouder dan zoveel uur")

    def handle(self, *args, uren: int, **options):
        if not default_storage.exists(PENDING_FOLDER):
            return
        cutoff = timezone.now() - timedelta(hours=uren)
        _folders, files = default_storage.listdir(PENDING_FOLDER)
        removed = 0
        for name in files:
            path = f"{PENDING_FOLDER}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        self.stdout.write(f"{removed} onbevestigde upload(s) verwijderd.")
