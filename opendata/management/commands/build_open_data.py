from django.core.management.base import BaseCommand

from opendata.build import build_open_data


class Command(BaseCommand):
    help = "Build the open data set (CSV and JSON per resource) under MEDIA_ROOT/opendata/."

    def handle(self, *args, **options):
        manifest = build_open_data()
        for slug, entry in manifest["resources"].items():
            self.stdout.write(f"{slug}: {entry['rows']}")
