"""Bring the municipalities in line with CBS's list, after a municipal merger.

    manage.py update_municipalities                      # municipalities/data/gemeenten.csv
    manage.py update_municipalities gemeenten2026.csv    # CBS's "Gemeenten alfabetisch" file

Add the merger to municipalities/data/samenvoegingen.csv first (old code, old name, new code,
date): everything linked to the old municipality moves to the new one, and the old code and
name keep working as aliases (in addresses, filters and imports).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import state
from municipalities.loader import load_files
from municipalities.models import Municipality, MunicipalityAlias


class Command(BaseCommand):
    help = "Werk de gemeenten bij naar de lijst van het CBS (na een herindeling)."

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", help="CSV van het CBS of gemeenten.csv")

    def handle(self, *args, bestand=None, **options):
        path = Path(bestand) if bestand else None
        if path is not None and not path.is_file():
            raise CommandError(f"Bestand {path} bestaat niet.")
        with transaction.atomic():
            try:
                report = load_files(Municipality, MunicipalityAlias, path)
            except KeyError as missing:
                raise CommandError(f"Kolom {missing} ontbreekt in het bestand.") from None
            state.changed()  # merged rows were moved with update(), which sends no signals
        self.stdout.write(str(report))
        for line in report.merged:
            self.stdout.write(f"  {line}")
        if report.merged or report.updated:
            self.stdout.write("Draai daarna manage.py update_index (namen in de zoekindex).")
