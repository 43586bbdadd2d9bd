import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.services import CaseImportError, case_import

MAX_FILE_SIZE = 50 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Importeer praktijkvoorbeelden uit een JSON-bestand (een lijst van objecten met "
        "external_id, title, summary, outcome, ...). Alles of niets: bij één fout "
        "verandert er niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Pad naar het JSON-bestand")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        if file.stat().st_size > MAX_FILE_SIZE:
            raise CommandError(f"{file} is groter dan {MAX_FILE_SIZE // (1024 * 1024)} MB.")
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file} is geen UTF-8-tekst: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{file} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}"
            ) from exc
        try:
            report = case_import(data=data)
        except CaseImportError as exc:
            raise CommandError(
                f"{file} is niet geïmporteerd; er is niets veranderd.\n"
                + "\n".join(f"  - {line}" for line in exc.errors)
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
                f"{len(report.unchanged)} ongewijzigd."
            )
        )
