"""Demo content for a local site: municipalities, the seed cases, the 2020 dialogue, a closed
space, a demo editor.

Idempotent: a second run changes nothing. Refuses to run in production (DEBUG=0) unless forced,
because it creates an editor account.
"""

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cases.editorial import EDITORS_GROUP, FINAL_EDITORS_GROUP
from cases.models import Case
from cases.services import case_import
from connectors.models import Connector
from connectors.services import consent_give
from dialogues.importers import read_path
from dialogues.services import dialogue_import, existing_dialogue
from municipalities.loader import load_files
from municipalities.models import Municipality, MunicipalityAlias
from spaces.models import Space
from topics.models import Topic

BASE_DIR = Path(settings.BASE_DIR)
DEMO_CASES = BASE_DIR / "cases" / "demo" / "demo_cases.json"
DEMO_DIALOGUE = BASE_DIR / "dialogues" / "demo" / "bzk-2020"
DEMO_CONNECTORS = BASE_DIR / "connectors" / "demo" / "connectors.json"
DEMO_EDITOR = "redacteur"
DEMO_LOGIN_FILE = Path(settings.VAR_DIR) / "demo-login.txt"


class Command(BaseCommand):
    help = "Laad de demo-inhoud en maak een demo-redacteur aan (alleen voor ontwikkeling)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ook met DEBUG=0 uitvoeren")

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("load_demo is voor ontwikkeling; gebruik --force met DEBUG=0.")
        with transaction.atomic():
            self.load_municipalities()
            self.load_spaces()
            report = case_import(data=json.loads(DEMO_CASES.read_text(encoding="utf-8")))
            dialogue = self.load_dialogue()
            connectors = self.load_connectors()
        self.stdout.write(
            f"Praktijkvoorbeelden: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
            f"{len(report.unchanged)} ongewijzigd."
        )
        self.stdout.write(f"Dialoog: {dialogue}")
        self.stdout.write(f"Wijkschakelaars: {connectors} nieuw (verzonnen voorbeelden)")
        self.ensure_demo_editor()

    def load_municipalities(self):
        # Every municipality is loaded by a migration already; this repairs a changed list.
        load_files(Municipality, MunicipalityAlias)

    def load_dialogue(self) -> str:
        """The 2020 dialogue the platform grew from (dialogues/demo/bzk-2020); once."""
        data = read_path(DEMO_DIALOGUE, "workbook")
        if existing_dialogue(data) is not None:
            return "al aanwezig"
        dialogue = dialogue_import(data=data)
        return f"'{dialogue.title}' geïmporteerd"

    def load_connectors(self) -> int:
        """Eight fictional wijkschakelaars linked to the demo cases, with recorded consent."""
        created = 0
        for item in json.loads(DEMO_CONNECTORS.read_text(encoding="utf-8")):
            if Connector.objects.filter(slug=item["slug"]).exists():
                continue
            connector = Connector.objects.create(
                slug=item["slug"],
                name=item["name"],
                role=item["role"],
                organisation=item["organisation"],
                kind=item["kind"],
                municipality=Municipality.objects.find(item["municipality"]),
                neighbourhoods=item["neighbourhoods"],
                mandate=item["mandate"],
                bio=item["bio"],
                open_for_questions=item["open"],
                email=f"{item['slug']}@example.org",  # example.org: never delivered
                is_example=True,
            )
            connector.topics.set(Topic.objects.filter(slug__in=item["topics"]))
            connector.save()  # writes the (parental) topics
            connector.cases.set(Case.objects.filter(external_id__in=item["cases"]))
            consent_give(
                connector=connector,
                given_by="Demo-inhoud (verzonnen persoon)",
                purpose="Een openbaar voorbeeldprofiel op de demo-site.",
                how="load_demo",
            )
            created += 1
        return created

    def load_spaces(self):
        Space.objects.get_or_create(
            slug="intervisie-wijkschakelaars",
            defaults={
                "name": "Intervisie wijkschakelaars",
                "description": "Besloten ruimte waarin wijkschakelaars delen wat niet lukte.",
                "visibility": Space.Visibility.CLOSED,
            },
        )

    def ensure_demo_editor(self):
        user = User.objects.filter(username=DEMO_EDITOR).first()
        if user is not None and DEMO_LOGIN_FILE.exists():
            password = DEMO_LOGIN_FILE.read_text(encoding="utf-8").strip()
        else:
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User(
                    username=DEMO_EDITOR,
                    first_name="Demo",
                    last_name="Redacteur",
                    email="redacteur@example.org",
                )
            user.set_password(password)
            user.save()
            user.groups.add(*Group.objects.filter(name__in=[EDITORS_GROUP, FINAL_EDITORS_GROUP]))
            DEMO_LOGIN_FILE.parent.mkdir(parents=True, exist_ok=True)
            DEMO_LOGIN_FILE.write_text(password + "\n", encoding="utf-8")
            DEMO_LOGIN_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-redacteur: log in op {settings.SITE_URL}/beheer/ met gebruikersnaam "
                f"'{DEMO_EDITOR}' en wachtwoord '{password}'."
            )
        )
