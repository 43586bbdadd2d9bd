import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (database and uploaded media) to one .tar.gz archive that "
        "restore_site reads, into SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. backup.tar.gz")

    def handle(self, path: Path, **options):
        started = time.monotonic()
        try:
            manifest = create_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        objects = sum(manifest["objects"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {objects} objects in {len(manifest['objects'])} "
                f"models, {len(manifest['media'])} media files, {path.stat().st_size:,} bytes, "
                f"{time.monotonic() - started:.1f} s."
            )
        )
