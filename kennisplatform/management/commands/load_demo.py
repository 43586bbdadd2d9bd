"""Demo content for a local site: municipalities, the seed cases, the 2020 dialogue, spaces with
fictional members (one closed demo case), failure patterns on the demo failures, a demo editor, a
demo member and a demo moderator.

Idempotent: a second run changes nothing. Refuses to run in production (DEBUG=0) unless forced,
because it creates an editor account. The logins (e-mail address, password, and the editor's
TOTP secret for the second login step) are printed and kept in var/demo-login.txt, so that later
runs print the same; `load_demo --code` prints the editor's current 6-digit code.
"""

import json
import secrets
import time
from datetime import datetime, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cases.editorial import EDITORS_GROUP, FINAL_EDITORS_GROUP
from cases.models import Case
from cases.services import case_import
from connectors.models import Connector
from connectors.services import consent_give
from dialogues.importers import read_path
from dialogues.models import Statement
from dialogues.services import dialogue_import, existing_dialogue
from discussions.models import Discussion, Post
from discussions.services import sync_discussion
from meetings.models import Meeting
from municipalities.loader import load_files
from municipalities.models import Municipality, MunicipalityAlias
from patterns.models import CasePattern, FailurePattern
from spaces.models import Membership, Space
from topics.models import Topic

BASE_DIR = Path(settings.BASE_DIR)
DEMO_CASES = BASE_DIR / "cases" / "demo" / "demo_cases.json"
DEMO_DIALOGUE = BASE_DIR / "dialogues" / "demo" / "bzk-2020"
DEMO_CONNECTORS = BASE_DIR / "connectors" / "demo" / "connectors.json"
DEMO_PATTERNS = BASE_DIR / "patterns" / "demo" / "patterns.json"
DEMO_EDITOR = "redacteur"
DEMO_MEMBER = "lid"
DEMO_MODERATOR = "moderator"
# Demo cases last checked long ago, so the editors' list "Te controleren" has something on
# it (days ago; set once, when the case is first loaded).
DEMO_LAST_REVIEWED_DAYS_AGO = {"seed-2020-11": 540, "seed-2020-12": 430, "seed-2020-03": 380}
DEMO_ACCOUNTS = {
    # user name: (e-mail address, first name, last name, editor)
    DEMO_EDITOR: ("redacteur@example.org", "Demo", "Redacteur", True),
    DEMO_MEMBER: ("lid@example.org", "Demo", "Lid", False),
    DEMO_MODERATOR: ("moderator@example.org", "Mira", "de Moderator", False),
}
DEMO_LOGIN_FILE = Path(settings.VAR_DIR) / "demo-login.txt"
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
        parser.add_argument(
            "--code",
            action="store_true",
            help="Toon alleen de huidige inlogcode (tweede stap) van de demo-redacteur",
        )

    def handle(self, *args, force: bool, code: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("load_demo is voor ontwikkeling; gebruik --force met DEBUG=0.")
        if code:
            self.print_current_code()
            return
        with transaction.atomic():
            self.load_municipalities()
            self.load_spaces()
            demo_cases = json.loads(DEMO_CASES.read_text(encoding="utf-8"))
            report = case_import(data=[*demo_cases, self.closed_demo_case()])
            self.age_demo_reviews(report.created)
            dialogue = self.load_dialogue()
            connectors = self.load_connectors()
            discussions = self.load_discussions()
            patterns, linked = self.load_patterns()
        self.stdout.write(f"Discussies: {discussions} nieuw (verzonnen voorbeelden)")
        self.stdout.write(
            f"Faalpatronen: {patterns} nieuw; {linked} praktijkvoorbeelden kregen faalpatronen"
        )
        self.stdout.write(
            f"Praktijkvoorbeelden: {len(report.created)} nieuw, {len(report.updated)} bijgewerkt, "
            f"{len(report.unchanged)} ongewijzigd."
        )
        self.stdout.write(f"Dialoog: {dialogue}")
        self.stdout.write(f"Wijkschakelaars: {connectors} nieuw (verzonnen voorbeelden)")
        self.ensure_demo_accounts()
        self.stdout.write(f"Bijeenkomsten: {self.load_meetings()} nieuw (verzonnen voorbeelden)")

    def age_demo_reviews(self, created: list[str]) -> None:
        for external_id, days in DEMO_LAST_REVIEWED_DAYS_AGO.items():
            if external_id in created:
                Case.objects.filter(external_id=external_id).update(
                    last_reviewed_at=timezone.now() - timedelta(days=days)
                )

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

    def load_patterns(self) -> tuple[int, int]:
        """Failure patterns in our own words (patterns/demo), seeded from the 2020 dialogue and
        the demo failures, with the statements and discussions about them; attached to every
        demo failure and mixed case, and to successes that avoided one. A pattern that exists
        is left as the editors made it; a case gets only the links it lacks, in a new published
        revision (the links are part of the case, like its sources)."""
        items = json.loads(DEMO_PATTERNS.read_text(encoding="utf-8"))
        created = 0
        wanted: dict[str, list[tuple[FailurePattern, bool]]] = {}
        for n, item in enumerate(items, start=1):
            pattern, is_new = FailurePattern.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "summary": item["summary"],
                    "description": item["description"],
                    "signs": "\n".join(item["signs"]),
                    "courses_of_action": "\n".join(item["courses_of_action"]),
                    "sort_order": n * 10,
                },
            )
            if is_new:
                created += 1
                statements = Statement.objects.none()
                for words in item["statements"]:
                    statements |= Statement.objects.filter(text__icontains=words)
                pattern.statements.set(statements)
                pattern.discussions.set(Discussion.objects.filter(title__in=item["discussions"]))
            for external_id, avoided in item["cases"]:
                wanted.setdefault(external_id, []).append((pattern, avoided))
        linked = 0
        for case in Case.objects.filter(external_id__in=wanted).order_by("pk"):
            have = set(case.pattern_links.values_list("pattern_id", flat=True))
            missing = [(p, avoided) for p, avoided in wanted[case.external_id] if p.pk not in have]
            if not missing:
                continue
            links = list(case.pattern_links.all())
            links += [CasePattern(pattern=p, avoided=avoided) for p, avoided in missing]
            case.pattern_links = links
            case.save()
            case.save_revision(log_action=True).publish()
            linked += 1
        return created, linked

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

    def load_discussions(self) -> int:
        """A few fictional discussions in the demo spaces, on the 2020 dialogue's themes; each
        once (by title). Written straight to the tables, like the rest of the demo: no mails."""
        topics = {
            t.slug: t for t in Topic.objects.filter(slug__in=["ontschotting", "wijkschakelaars"])
        }

        def topic_link(slug: str) -> str:
            """A mention of the topic (shown with its name), or just the word."""
            topic = topics.get(slug)
            return f"[{slug}]({topic.get_absolute_url()})" if topic else slug

        created = 0
        for item in demo_discussions(topic_link):
            space = Space.objects.get(slug=item["space"])
            if Discussion.objects.filter(space=space, title=item["title"]).exists():
                continue
            author, *rest = item["posts"]
            discussion = Discussion.objects.create(
                space=space,
                kind=item["kind"],
                title=item["title"],
                author=User.objects.get(username=author[0]),
                is_anonymous=author[2],
            )
            for n, (username, body, anonymous) in enumerate(item["posts"]):
                Post.objects.create(
                    discussion=discussion,
                    author=User.objects.get(username=username),
                    is_anonymous=anonymous,
                    is_opening=n == 0,
                    body=body,
                )
            sync_discussion(discussion)
            created += 1
        return created

    def load_meetings(self) -> int:
        """Two fictional meetings, three and four weeks ahead: a hybrid one in the public
        agenda (organised by the demo editor) and an online one in the closed demo space."""
        today = timezone.localdate()
        created = 0
        for weeks, item in enumerate(DEMO_MEETINGS, start=3):
            if Meeting.objects.filter(slug=item["slug"]).exists():
                continue
            day = today + timedelta(weeks=weeks)
            starts_at = datetime.combine(day, item["time"], tzinfo=timezone.get_current_timezone())
            meeting = Meeting.objects.create(
                slug=item["slug"],
                title=item["title"],
                description=item["description"],
                space=Space.objects.filter(slug=item["space"]).first() if item["space"] else None,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=2),
                registration_deadline=starts_at - timedelta(days=2),
                form=item["form"],
                address=item["address"],
                online_url=item["online_url"],
                capacity=item["capacity"],
                organiser=User.objects.filter(username=item["organiser"]).first(),
                municipality=Municipality.objects.filter(name=item["municipality"]).first(),
            )
            meeting.topics.set(Topic.objects.filter(slug__in=item["topics"]))
            created += 1
        return created

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

    def ensure_demo_accounts(self):
        """The demo editor (both editor groups, two-factor on) and a demo member, with verified
        e-mail addresses; the member keeps a demo wijkschakelaar profile."""
        logins = read_logins()
        missing = any(
            name not in logins or not User.objects.filter(username=name).exists()
            for name in DEMO_ACCOUNTS
        ) or not logins.get("totp")
        if missing:
            logins = {name: secrets.token_urlsafe(12) for name in DEMO_ACCOUNTS}
            logins["totp"] = generate_totp_secret()
        for name, (email, first_name, last_name, editor) in DEMO_ACCOUNTS.items():
            user, _ = User.objects.get_or_create(
                username=name,
                defaults={"email": email, "first_name": first_name, "last_name": last_name},
            )
            if missing:
                user.set_password(logins[name])
                user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            if editor:
                user.groups.add(
                    *Group.objects.filter(name__in=[EDITORS_GROUP, FINAL_EDITORS_GROUP])
                )
                totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
                if missing or not totp.exists():
                    totp.delete()
                    TOTP.activate(user, logins["totp"])
            elif not Connector.objects.filter(user=user).exists():
                # The member keeps a demo profile, to try "Mijn kennisplatform" with.
                profile = Connector.objects.filter(is_example=True, user__isnull=True).first()
                if profile is not None:
                    Connector.objects.filter(pk=profile.pk).update(user=user)
        # Always: a file from before the e-mail addresses were in it gets them too.
        write_logins(logins)
        editor_email, member_email = (DEMO_ACCOUNTS[n][0] for n in (DEMO_EDITOR, DEMO_MEMBER))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-redacteur (gebruikersnaam '{DEMO_EDITOR}'): log in op "
                f"{settings.SITE_URL}/account/login/ met e-mailadres '{editor_email}' en "
                f"wachtwoord '{logins[DEMO_EDITOR]}'. Tweede stap: zet de sleutel "
                f"{logins['totp']} in een app voor inlogcodes, of vraag de code op met "
                "'make demo-code'."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-lid (gebruikersnaam '{DEMO_MEMBER}'): e-mailadres '{member_email}', "
                f"wachtwoord '{logins[DEMO_MEMBER]}'."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-moderator van de ruimtes (gebruikersnaam '{DEMO_MODERATOR}'): e-mailadres "
                f"'{DEMO_ACCOUNTS[DEMO_MODERATOR][0]}', wachtwoord '{logins[DEMO_MODERATOR]}'; "
                f"daarna {settings.SITE_URL}/ruimtes/."
            )
        )

    def print_current_code(self):
        authenticator = Authenticator.objects.filter(
            user__username=DEMO_EDITOR, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError("Er is nog geen demo-redacteur: voer eerst load_demo uit.")
        secret = decrypt(authenticator.data["secret"])
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))


def demo_discussions(topic_link) -> list[dict]:
    """Fictional people and places; the themes come from the 2020 dialogue (ontschotting,
    money in separate pots, the 'slimme stedelijke schakelaar', bewoners and professionals)."""
    network, intervision = "netwerk-wijkaanpak", CLOSED_DEMO_SPACE
    return [
        {
            "space": network,
            "kind": Discussion.Kind.QUESTION,
            "title": "Hoe krijgen jullie geld uit verschillende potjes bij één wijkaanpak?",
            "posts": [
                (
                    "anouk.jansen",
                    "Voor onze aanpak in de wijk betalen zorg, veiligheid en wonen elk een "
                    "stukje, elk met een eigen verantwoording. We zijn meer tijd kwijt aan "
                    "formulieren dan aan de wijk.\n\nWie heeft een manier gevonden om de "
                    "potjes samen te voegen?",
                    False,
                ),
                (
                    "bram.pieters",
                    "Bij ons werkte één gezamenlijk wijkbudget voor drie jaar:\n\n"
                    "- één verantwoording per jaar, in gewone taal;\n"
                    "- een wethouder die het budget trekt;\n"
                    "- vooraf afspreken wat *niet* meetelt als mislukking.",
                    False,
                ),
                (
                    "moderator",
                    "Goede vraag, die kwam in de dialoog van 2020 ook vaak terug: "
                    "ontschotting van geld. Zie ook het thema " + topic_link("ontschotting") + ".",
                    False,
                ),
            ],
        },
        {
            "space": network,
            "kind": Discussion.Kind.EXPERIENCE,
            "title": "Een jaar als wijkschakelaar: wat een mandaat verandert",
            "posts": [
                (
                    "fatma.yilmaz",
                    "Sinds een jaar mag ik knopen doorhakken tussen gemeente, corporatie en "
                    "welzijn. Het grootste verschil: ik hoef niet meer drie keer toestemming "
                    "te vragen voor een kleine oplossing.\n\nWat ik wel mis: tijd om bij "
                    "bewoners langs te gaan.",
                    False,
                ),
                (
                    "anouk.jansen",
                    "Herkenbaar. Bij ons is de schakelaar juist géén oplossing op zich, maar "
                    "één schakel in een groter geheel. Hoe voorkom je dat alles op jouw "
                    "bord komt? Meer over het thema: " + topic_link("wijkschakelaars") + ".",
                    False,
                ),
            ],
        },
        {
            "space": network,
            "kind": Discussion.Kind.CALL,
            "title": "Oproep: voorbeelden van vrijwilligers en professionals die samen optrekken",
            "posts": [
                (
                    "bram.pieters",
                    "Voor een bijeenkomst zoek ik voorbeelden waarin vrijwilligers en "
                    "professionals echt samen iets in de wijk deden, ook als het niet "
                    "lukte. Reageer hier of start een eigen discussie.",
                    False,
                ),
            ],
        },
        {
            "space": intervision,
            "kind": Discussion.Kind.EXPERIENCE,
            "title": "Bewonersavond die verkeerd viel",
            "posts": [
                (
                    "anouk.jansen",
                    "We organiseerden een avond over overlast, maar de uitnodiging klonk als "
                    "een beschuldiging. Er kwamen vooral boze bewoners, en daarna niemand "
                    "meer.\n\nLes: laat bewoners de uitnodiging mee schrijven.",
                    True,
                ),
                (
                    "bram.pieters",
                    "Dank voor het delen. Wij maakten dezelfde fout met een brief van de "
                    "gemeente: te veel regels, te weinig 'wat gaan we samen doen'.",
                    False,
                ),
            ],
        },
    ]


def read_logins() -> dict[str, str]:
    """var/demo-login.txt: one 'name value [e-mail address]' per line (a user name, its
    password and the e-mail address to log in with; or 'totp' and the editor's secret)."""
    if not DEMO_LOGIN_FILE.exists():
        return {}
    logins = {}
    for line in DEMO_LOGIN_FILE.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            logins[parts[0]] = parts[1]
    return logins


def write_logins(logins: dict[str, str]) -> None:
    # Login asks for the e-mail address, not the user name: the file gives both.
    lines = [
        f"# Demo-logins van load_demo. Inloggen op {settings.SITE_URL}/account/login/ met het "
        "e-mailadres en het wachtwoord.",
        "# gebruikersnaam wachtwoord e-mailadres; totp = sleutel voor de tweede stap (redacteur)",
    ]
    lines += [
        f"{name} {value} {DEMO_ACCOUNTS[name][0]}" if name in DEMO_ACCOUNTS else f"{name} {value}"
        for name, value in logins.items()
    ]
    DEMO_LOGIN_FILE.parent.mkdir(parents=True, exist_ok=True)
    DEMO_LOGIN_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    DEMO_LOGIN_FILE.chmod(0o600)


DEMO_MEETINGS = [
    {
        "slug": "leernetwerk-wijkaanpak-wat-werkt",
        "title": "Leernetwerk wijkaanpak: wat werkt, wat ging mis?",
        "description": "Een avond voor professionals en bewoners uit kwetsbare wijken, op locatie "
        "en online. We bespreken twee praktijkvoorbeelden, een geslaagd en een mislukt, en wat "
        "we ervan leren voor de eigen wijk. Verzonnen voorbeeld voor de demo.",
        "space": None,
        "time": datetime.strptime("19:30", "%H:%M").time(),
        "form": Meeting.Form.HYBRID,
        "address": "Buurthuis De Schakel\nVoorbeeldstraat 1\n3500 AA Utrecht",
        "online_url": "https://vergaderen.example.org/leernetwerk-wijkaanpak",
        "capacity": 40,
        "organiser": DEMO_EDITOR,
        "municipality": "Utrecht",
        "topics": ["ontschotting", "mislukkingen"],
    },
    {
        "slug": "intervisie-online-wat-misging",
        "title": "Online intervisie: wat misging er bij u?",
        "description": "Een besloten online intervisie voor de leden van deze ruimte. Iedereen "
        "brengt een mislukking mee; we zoeken samen naar wat de volgende keer anders kan. "
        "Verzonnen voorbeeld voor de demo.",
        "space": CLOSED_DEMO_SPACE,
        "time": datetime.strptime("15:00", "%H:%M").time(),
        "form": Meeting.Form.ONLINE,
        "address": "",
        "online_url": "https://vergaderen.example.org/intervisie-besloten",
        "capacity": 12,
        "organiser": DEMO_MODERATOR,
        "municipality": None,
        "topics": ["mislukkingen"],
    },
]
