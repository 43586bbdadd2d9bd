import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by backup_site into an empty install (migrated, no content), "
        "then rebuild the search index. A damaged archive or a failed load changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive made by backup_site")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the content of a database that is not empty",
        )

    def handle(self, path: Path, force: bool, **options):
        started = time.monotonic()
        try:
            result = restore_backup(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # the load failed: the transaction was rolled back
            raise CommandError(
                f"Restoring {path} failed; nothing was changed. {type(error).__name__}: {error}"
            ) from error
        call_command("update_index", verbosity=0, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(result.objects.values())} objects and {len(result.media)} "
                f"media files from {path}, and rebuilt the search index "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
