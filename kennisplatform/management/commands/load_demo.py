"""Demo content for a local site: municipalities, the seed cases, the 2020 dialogue, spaces with
fictional members (one closed demo case), a demo editor and a demo moderator.

Idempotent: a second run changes nothing. Refuses to run in production (DEBUG=0) unless forced,
because it creates an editor account.
"""

import csv
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
from municipalities.models import Municipality
from spaces.models import Membership, Space
from topics.models import Topic

BASE_DIR = Path(settings.BASE_DIR)
MUNICIPALITIES_CSV = BASE_DIR / "municipalities" / "data" / "gemeenten.csv"
DEMO_CASES = BASE_DIR / "cases" / "demo" / "demo_cases.json"
DEMO_DIALOGUE = BASE_DIR / "dialogues" / "demo" / "bzk-2020"
DEMO_CONNECTORS = BASE_DIR / "connectors" / "demo" / "connectors.json"
DEMO_EDITOR = "redacteur"
DEMO_LOGIN_FILE = Path(settings.VAR_DIR) / "demo-login.txt"
DEMO_MODERATOR = "moderator"
CLOSED_DEMO_SPACE = "intervisie-mislukkingen"
# Fictional people (example.org addresses are never delivered). Only the moderator can log in.
DEMO_MEMBERS = [
    ("anouk.jansen", "Anouk", "Jansen"),
    ("bram.pieters", "Bram", "Pieters"),
    ("fatma.yilmaz", "Fatma", "Yılmaz"),
]
CLOSED_DEMO_CASE = {
    "external_id": "demo-besloten-01",
    "title": "Buurtbudget dat bij de luidste bewoners belandde",
    "summary": (
        "Een wijkbudget voor bewonersinitiatieven ging twee jaar lang vooral naar dezelfde "
        "kleine groep. Besproken in de besloten intervisie, omdat de betrokkenen herkenbaar zijn."
    ),
    "outcome": "failure",
    "context": "Een gemeente gaf een wijk een eigen budget voor initiatieven van bewoners.",
    "approach": "Bewoners dienden plannen in bij een commissie van buurtbewoners.",
    "results": "Twee jaar lang kreeg vooral één vaste groep geld; nieuwe bewoners haakten af.",
    "what_went_wrong": "De commissie bestond uit de mensen die het meest aanvroegen.",
    "lessons": "Wissel de commissie en zoek actief naar bewoners die nog niet meedoen.",
    "municipality": "Utrecht",
    "topics": ["Bewonersparticipatie"],
    "tags": ["wijkbudget", "intervisie"],
    "space": CLOSED_DEMO_SPACE,
    "example": True,
}


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
            demo_cases = json.loads(DEMO_CASES.read_text(encoding="utf-8"))
            report = case_import(data=[*demo_cases, self.closed_demo_case()])
            dialogue = self.load_dialogue()
            connectors = self.load_connectors()
        self.stdout.write(
            f"Praktijkvoorbeelden: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
            f"{len(report.unchanged)} ongewijzigd."
        )
        self.stdout.write(f"Dialoog: {dialogue}")
        self.stdout.write(f"Wijkschakelaars: {connectors} nieuw (verzonnen voorbeelden)")
        self.ensure_demo_editor()
        self.ensure_demo_moderator()

    def load_municipalities(self):
        with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                Municipality.objects.get_or_create(
                    cbs_code=row["cbs_code"],
                    defaults={"name": row["naam"], "slug": _slug(row["naam"])},
                )

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
                municipality=Municipality.objects.filter(name=item["municipality"]).first(),
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
        network, _ = Space.objects.get_or_create(
            slug="netwerk-wijkaanpak",
            defaults={
                "name": "Netwerk wijkaanpak",
                "description": "Openbare ruimte voor iedereen die aan de wijk werkt: lees mee "
                "en word met één klik lid.",
                "visibility": Space.Visibility.PUBLIC,
                "join_policy": Space.JoinPolicy.OPEN,
            },
        )
        intervision, _ = Space.objects.get_or_create(
            slug=CLOSED_DEMO_SPACE,
            defaults={
                "name": "Intervisie mislukkingen",
                "description": "Besloten ruimte waarin professionals vertellen wat misging, "
                "met herkenbare details. Vraag om lid te worden; een moderator beslist.",
                "visibility": Space.Visibility.CLOSED,
                "join_policy": Space.JoinPolicy.ON_REQUEST,
            },
        )
        moderator = self.demo_user(DEMO_MODERATOR, "Mira", "de Moderator")
        for space in (network, intervision):
            Membership.objects.get_or_create(
                space=space, user=moderator, defaults={"role": Membership.Role.MODERATOR}
            )
        for username, first_name, last_name in DEMO_MEMBERS:
            member = self.demo_user(username, first_name, last_name)
            Membership.objects.get_or_create(space=network, user=member)
            if username != DEMO_MEMBERS[-1][0]:  # one member only of the open network
                Membership.objects.get_or_create(space=intervision, user=member)
        Space.objects.get_or_create(
            slug="intervisie-wijkschakelaars",
            defaults={
                "name": "Intervisie wijkschakelaars",
                "description": "Besloten ruimte waarin wijkschakelaars delen wat niet lukte.",
                "visibility": Space.Visibility.CLOSED,
            },
        )

    def demo_user(self, username: str, first_name: str, last_name: str) -> User:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def closed_demo_case(self) -> dict:
        """One failure in the closed space, so that membership visibly matters."""
        municipality = Municipality.objects.filter(name=CLOSED_DEMO_CASE["municipality"]).first()
        topics = {t.name for t in Topic.objects.all()}
        item = dict(CLOSED_DEMO_CASE)
        item["municipality"] = municipality.name if municipality else None
        item["topics"] = [t for t in item["topics"] if t in topics] or sorted(topics)[:1]
        return item

    def ensure_demo_moderator(self):
        """The moderator of the demo spaces, logged in on the site (not the back office)."""
        login_file = DEMO_LOGIN_FILE.with_name("demo-moderator-login.txt")
        user = User.objects.get(username=DEMO_MODERATOR)
        if user.has_usable_password() and login_file.exists():
            password = login_file.read_text(encoding="utf-8").split()[-1]
        else:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.write_text(f"{DEMO_MODERATOR} {password}\n", encoding="utf-8")
            login_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-moderator van de ruimtes: log in met gebruikersnaam '{DEMO_MODERATOR}' "
                f"en wachtwoord '{password}', daarna {settings.SITE_URL}/ruimtes/."
            )
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


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name.replace("'s-", "s-"))
