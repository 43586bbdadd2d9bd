from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dialogues.importers import FORMATS, DialogueFileError, read_path
from dialogues.services import DialogueExists, dialogue_import
from spaces.models import Space


class Command(BaseCommand):
    help = (
        "Importeer de uitkomsten van een dialoog: een werkmap (.xlsx, of een map of .zip met "
        "CSV-bestanden) of een Pol.is-export (map of .zip). Alles of niets: bij één fout "
        "verandert er niets. De dialoog wordt een concept dat de redactie beoordeelt en "
        "publiceert, tenzij --publiceer."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Pad naar het bestand of de map")
        parser.add_argument("--format", choices=FORMATS, required=True, help="werkmap of Pol.is")
        parser.add_argument("--space", help="Korte naam van de ruimte (leeg: openbaar)")
        parser.add_argument(
            "--vervang",
            "--replace",
            dest="replace",
            action="store_true",
            help="Een eerder geïmporteerde versie van dezelfde dialoog vervangen",
        )
        parser.add_argument(
            "--publiceer",
            "--publish",
            dest="publish",
            action="store_true",
            help="Meteen publiceren in plaats van een concept te maken (voor scripts)",
        )

    def handle(
        self, *args, path: Path, format: str, space=None, replace=False, publish=False, **options
    ):
        target = None
        if space:
            target = Space.objects.filter(slug=space).first()
            if target is None:
                raise CommandError(f"Er is geen ruimte met de korte naam '{space}'.")
        try:
            data = read_path(path, format)
            dialogue = dialogue_import(data=data, space=target, replace=replace, live=publish)
        except DialogueFileError as exc:
            raise CommandError(
                f"{path} is niet geïmporteerd; er is niets veranderd.\n"
                + "\n".join(f"  - {line}" for line in exc.errors)
            ) from exc
        except DialogueExists as exc:
            raise CommandError(str(exc)) from exc
        for warning in data.warnings:
            self.stdout.write(self.style.WARNING(f"Let op: {warning}"))
        if publish:
            where = f"Gepubliceerd op {dialogue.get_absolute_url()}"
        elif dialogue.replaces_id:
            where = (
                "Het is een concept: de gepubliceerde versie blijft online tot de redactie het "
                "concept publiceert in het beheer (Dialogen)."
            )
        else:
            where = (
                "Het is een concept en staat nog niet online: de redactie beoordeelt en "
                "publiceert het in het beheer (Dialogen)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: '{dialogue.title}' met {len(data.questions)} vragen, "
                f"{len(data.statements)} stellingen ({dialogue.statements_with_level} met een "
                f"niveau, {dialogue.polarising_statements} polariserend) en {len(data.polls)} "
                f"polls. {where}"
            )
        )
