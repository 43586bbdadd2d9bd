"""The open data set, described once: each resource, its rows and its fields.

One description per resource drives the CSV writer, the JSON writer and the data dictionary page
(`/open-data/woordenboek/`), so the dictionary cannot drift from the files. Every row comes from
that kind's `visible_to(ANONYMOUS)`: what anyone may read on the site, nothing more. Personal
data is never a field: not who shared a case, not a wijkschakelaar's e-mail address or account,
not their consent records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _

from cases.api import case_pattern_links
from cases.models import Case
from cases.selectors import with_visible_case_counts
from connectors.models import Connector
from core.access import ANONYMOUS
from dialogues.models import Dialogue, Statement
from municipalities.models import Municipality
from patterns.api import with_visible_counts
from patterns.models import FailurePattern
from topics.models import Topic

LIST_SEPARATOR = "|"
CHUNK = 2000


@dataclass(frozen=True)
class Type:
    """A field's type: what the dictionary calls it and how each file writes it."""

    name: Any  # lazy Dutch text for the dictionary
    to_json: Callable[[Any], Any] = lambda value: value
    to_csv: Callable[[Any], str] = lambda value: "" if value is None else str(value)
    from_csv: Callable[[str], Any] = lambda text: text or None


def _datetime_json(value):
    return None if value is None else value.isoformat()


TEXT = Type(_("tekst"))
URL = Type(_("webadres (URL)"))
INTEGER = Type(
    _("geheel getal; leeg als onbekend"),
    from_csv=lambda text: int(text) if text != "" else None,
)
DECIMAL = Type(
    _("decimaal getal met een punt, van 0 tot 1; leeg als onbekend"),
    from_csv=lambda text: float(text) if text != "" else None,
)
BOOLEAN = Type(
    _("ja of nee: true of false"),
    to_csv=lambda value: "true" if value else "false",
    from_csv=lambda text: text == "true",
)
DATE = Type(
    _("datum (JJJJ-MM-DD); leeg als onbekend"),
    to_json=_datetime_json,
    to_csv=lambda value: "" if value is None else value.isoformat(),
    from_csv=lambda text: text or None,
)
DATETIME = Type(
    _("datum en tijd (ISO 8601, met tijdzone); leeg als onbekend"),
    to_json=_datetime_json,
    to_csv=lambda value: "" if value is None else value.isoformat(),
    from_csv=lambda text: text or None,
)
LIST = Type(
    _("lijst van teksten; in JSON een lijst, in CSV gescheiden door een verticale streep (|)"),
    to_json=list,
    to_csv=lambda value: LIST_SEPARATOR.join(value),
    from_csv=lambda text: text.split(LIST_SEPARATOR) if text else [],
)


@dataclass(frozen=True)
class Field:
    name: str
    meaning: Any
    type: Type
    example: str
    read: Callable[[Any], Any]

    def json_value(self, obj) -> Any:
        # An empty text is null in JSON, as an empty field is in CSV: one meaning for "none".
        value = self.read(obj)
        return None if value is None or value == "" else self.type.to_json(value)

    def csv_value(self, obj) -> str:
        value = self.read(obj)
        return "" if value is None else self.type.to_csv(value)


@dataclass(frozen=True)
class Resource:
    slug: str
    title: Any
    description: Any
    rows: Callable[[], Iterable[Any]]
    fields: list[Field] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def filename(self, fmt: str) -> str:
        return f"{self.slug}.{fmt}"


def absolute(obj) -> str:
    return settings.SITE_URL + obj.get_absolute_url()


def _or_none(value):
    return value if value not in ("", None) else None


def _names(related) -> list[str]:
    return [item.slug for item in related.all()]


def _patterns(case, *, avoided: bool) -> list[str]:
    return [link.pattern.slug for link in case.pattern_links.all() if link.avoided == avoided]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


# --- the rows: each from its kind's visible_to(ANONYMOUS), in a fixed number of queries ------


def _visible_cases():
    return Case.objects.visible_to(ANONYMOUS)


def case_rows():
    return (
        _visible_cases()
        .select_related("municipality", "space")
        .select_related("intervention_databank")  # the recognised intervention
        .prefetch_related("topics", "domains", "target_groups", "tags", case_pattern_links())
        .order_by("first_published_at", "pk")
        .iterator(chunk_size=CHUNK)
    )


def topic_rows():
    return with_visible_case_counts(Topic.objects.visible_to(ANONYMOUS), ANONYMOUS)


def pattern_rows():
    return with_visible_counts(FailurePattern.objects.visible_to(ANONYMOUS), ANONYMOUS)


def municipality_rows():
    return with_visible_case_counts(Municipality.objects.visible_to(ANONYMOUS), ANONYMOUS)


def dialogue_rows():
    return (
        Dialogue.objects.visible_to(ANONYMOUS)
        .select_related("space")
        .annotate(statement_count=Count("statements"))
        .order_by("date", "pk")
    )


def _visible_case_slugs():
    return Prefetch("cases", queryset=_visible_cases().only("pk", "slug").order_by("slug"))


def statement_rows():
    return (
        Statement.objects.visible_to(ANONYMOUS)
        .select_related("dialogue", "question", "cluster")
        .prefetch_related("topics", _visible_case_slugs())
        .order_by("dialogue__date", "dialogue_id", "question__number", "pk")
        .iterator(chunk_size=CHUNK)
    )


def connector_rows():
    return (
        Connector.objects.visible_to(ANONYMOUS)
        .select_related("municipality")
        .prefetch_related("topics", _visible_case_slugs())
        .order_by("slug")
        .iterator(chunk_size=CHUNK)
    )


def _municipality_name(obj):
    return obj.municipality.name if obj.municipality else None


def _municipality_code(obj):
    return obj.municipality.cbs_code if obj.municipality else None


def _space(obj):
    return obj.space.slug if obj.space else None


_MUNICIPALITY_FIELDS = [
    Field("gemeente", _("naam van de gemeente"), TEXT, "Utrecht", _municipality_name),
    Field(
        "gemeenteCbsCode",
        _("CBS-code van de gemeente (zie de tabel gemeenten)"),
        TEXT,
        "GM0344",
        _municipality_code,
    ),
]


def _intervention(read: Callable[[Case], Any]) -> Callable[[Case], Any]:
    """A part of the case's recognised intervention, or None when it has none."""
    return lambda c: read(c) if c.has_recognised_intervention else None


# The recognised intervention a case applies or resembles, and its last check.
_RECOGNISED_INTERVENTION_FIELDS = [
    Field(
        "erkendeInterventie",
        _("naam van de erkende interventie die het voorbeeld toepast of waar het op lijkt"),
        TEXT,
        "Buurtbemiddeling",
        _intervention(lambda c: c.intervention_name),
    ),
    Field(
        "erkendeInterventieUrl",
        _("pagina van de interventie in de databank"),
        URL,
        "https://www.movisie.nl/interventie/…",
        _intervention(lambda c: c.intervention_url),
    ),
    Field(
        "erkendeInterventieSoort",
        _("past_toe (het voorbeeld past de interventie toe) of lijkt_op (het lijkt erop)"),
        TEXT,
        "past_toe",
        _intervention(lambda c: c.intervention_relation),
    ),
    Field(
        "erkendeInterventieNiveau",
        _("niveau van de erkenning in de databank; leeg als het niet bekend is"),
        TEXT,
        "goede_aanwijzingen",
        _intervention(lambda c: c.intervention_level),
    ),
    Field(
        "erkendeInterventieDatum",
        _("datum van de erkenning"),
        DATE,
        "2021-03-12",
        _intervention(lambda c: c.intervention_recognised_on),
    ),
    Field(
        "erkendeInterventieDatabank",
        _("naam van de databank waarin de interventie staat"),
        TEXT,
        "Databank Effectieve sociale interventies",
        _intervention(lambda c: c.intervention_databank.name),
    ),
    Field(
        "erkendeInterventieDatabankUrl",
        _("webadres van de databank"),
        URL,
        "https://www.movisie.nl/databank-effectieve-sociale-interventies",
        _intervention(lambda c: c.intervention_databank.url),
    ),
    Field(
        "laatstBeoordeeld",
        _("wanneer de redactie voor het laatst controleerde of het voorbeeld nog klopt"),
        DATETIME,
        "2026-11-03T10:15:00+00:00",
        lambda c: c.last_reviewed_at,
    ),
]

RESOURCES: list[Resource] = [
    Resource(
        slug="praktijkvoorbeelden",
        title=_("Praktijkvoorbeelden"),
        description=_(
            "Gepubliceerde praktijkvoorbeelden uit de openbare kennisbank en uit openbare "
            "ruimtes: geslaagd, mislukt of gemengd. Zonder concepten, zonder besloten ruimtes "
            "en zonder wie een voorbeeld deelde."
        ),
        rows=case_rows,
        fields=[
            Field(
                "slug",
                _("vaste korte naam; het adres is /praktijkvoorbeelden/<slug>/"),
                TEXT,
                "buurtpreventie-app",
                lambda c: c.slug,
            ),
            Field(
                "url", _("adres van de pagina"), URL, "https://…/praktijkvoorbeelden/…/", absolute
            ),
            Field("titel", _("titel"), TEXT, "Buurtpreventie-app", lambda c: c.title),
            Field(
                "samenvatting",
                _("één of twee zinnen over het voorbeeld"),
                TEXT,
                "Bewoners melden samen wat opvalt.",
                lambda c: c.summary,
            ),
            Field(
                "uitkomst",
                _("geslaagd, mislukt of gemengd"),
                TEXT,
                "geslaagd",
                lambda c: c.outcome,
            ),
            Field("aanleiding", _("waarom het begon"), TEXT, "Veel inbraken.", lambda c: c.context),
            Field("aanpak", _("wat er gedaan is"), TEXT, "Een app-groep.", lambda c: c.approach),
            Field(
                "resultaten", _("wat het opleverde"), TEXT, "Minder inbraken.", lambda c: c.results
            ),
            Field(
                "werkzameElementen",
                _("wat werkte"),
                TEXT,
                "Een vaste contactpersoon.",
                lambda c: c.what_worked,
            ),
            Field(
                "watGingMis",
                _("wat er misging"),
                TEXT,
                "Niemand las de berichten.",
                lambda c: c.what_went_wrong,
            ),
            Field(
                "lessen",
                _("lessen voor anderen"),
                TEXT,
                "Begin klein.",
                lambda c: c.lessons,
            ),
            Field(
                "handelingsperspectieven",
                _("wat anderen concreet kunnen doen, één actie per regel"),
                TEXT,
                "Spreek een vaste beheerder af.",
                lambda c: c.courses_of_action,
            ),
            *_MUNICIPALITY_FIELDS,
            Field(
                "wijken",
                _("de wijken waar het speelde"),
                LIST,
                "Overvecht|Kanaleneiland",
                lambda c: _split(c.neighbourhoods),
            ),
            Field("periodeVan", _("beginjaar"), INTEGER, "2019", lambda c: c.period_start),
            Field(
                "periodeTot",
                _("eindjaar; leeg als het nog loopt"),
                INTEGER,
                "2021",
                lambda c: c.period_end,
            ),
            Field(
                "bewijsniveau",
                _("van praktijkervaring tot effectief volgens sterke aanwijzingen"),
                TEXT,
                "goed_beschreven",
                lambda c: c.evidence_level,
            ),
            Field(
                "themas",
                _("korte namen van de thema's (zie de tabel thema's)"),
                LIST,
                "inbraakpreventie|samenredzaamheid",
                lambda c: _names(c.topics),
            ),
            Field(
                "domeinen",
                _("betrokken domeinen"),
                LIST,
                "gemeente|politie",
                lambda c: _names(c.domains),
            ),
            Field(
                "doelgroepen",
                _("doelgroepen"),
                LIST,
                "bewoners|jongeren",
                lambda c: _names(c.target_groups),
            ),
            Field(
                "trefwoorden",
                _("trefwoorden"),
                LIST,
                "app|buurtpreventie",
                lambda c: sorted(tag.name for tag in c.tags.all()),
            ),
            Field(
                "faalpatronen",
                _("korte namen van de faalpatronen die speelden (zie de tabel faalpatronen)"),
                LIST,
                "geen-draagvlak|projectitis",
                lambda c: _patterns(c, avoided=False),
            ),
            Field(
                "vermedenFaalpatronen",
                _(
                    "korte namen van de faalpatronen die dit voorbeeld wist te voorkomen "
                    "(zie de tabel faalpatronen)"
                ),
                LIST,
                "geen-draagvlak",
                lambda c: _patterns(c, avoided=True),
            ),
            Field(
                "ruimte",
                _("korte naam van de openbare ruimte; leeg als het in de kennisbank staat"),
                TEXT,
                "netwerk-wijkaanpak",
                _space,
            ),
            Field(
                "voorbeeldbeschrijving",
                _("true als het een uitgewerkt voorbeeld is, geen verslag van een echt project"),
                BOOLEAN,
                "false",
                lambda c: c.is_example,
            ),
            Field(
                "gepubliceerdOp",
                _("wanneer het voor het eerst gepubliceerd is"),
                DATETIME,
                "2024-03-01T09:00:00+00:00",
                lambda c: c.first_published_at,
            ),
            Field(
                "gewijzigdOp",
                _("wanneer het voor het laatst gepubliceerd is"),
                DATETIME,
                "2024-05-12T14:30:00+00:00",
                lambda c: c.last_published_at,
            ),
            *_RECOGNISED_INTERVENTION_FIELDS,
        ],
    ),
    Resource(
        slug="themas",
        title=_("Thema's"),
        description=_("De thema's van het kennisplatform, met het aantal praktijkvoorbeelden."),
        rows=topic_rows,
        fields=[
            Field("slug", _("vaste korte naam"), TEXT, "inbraakpreventie", lambda t: t.slug),
            Field("url", _("adres van de pagina"), URL, "https://…/themas/…/", absolute),
            Field("naam", _("naam"), TEXT, "Inbraakpreventie", lambda t: t.name),
            Field(
                "beschrijving",
                _("korte beschrijving"),
                TEXT,
                "Samen inbraken voorkomen.",
                lambda t: t.description,
            ),
            Field(
                "aantalPraktijkvoorbeelden",
                _("aantal praktijkvoorbeelden in deze data set met dit thema"),
                INTEGER,
                "12",
                lambda t: t.case_count,
            ),
        ],
    ),
    Resource(
        slug="faalpatronen",
        title=_("Faalpatronen"),
        description=_(
            "Redenen waarom wijkaanpak vaker misgaat, door de redactie beschreven, met signalen, "
            "handelingsperspectieven en het aantal praktijkvoorbeelden."
        ),
        rows=pattern_rows,
        fields=[
            Field("slug", _("vaste korte naam"), TEXT, "geen-draagvlak", lambda p: p.slug),
            Field(
                "url",
                _("adres van de pagina"),
                URL,
                "https://…/faalpatronen/geen-draagvlak/",
                absolute,
            ),
            Field("naam", _("naam"), TEXT, "Geen draagvlak bij bewoners", lambda p: p.name),
            Field(
                "samenvatting",
                _("het patroon in één zin"),
                TEXT,
                "Het plan komt van buiten de wijk.",
                lambda p: p.summary,
            ),
            Field(
                "beschrijving",
                _("wat er gebeurt, en waarom"),
                TEXT,
                "Bewoners herkennen zich niet in het plan.",
                lambda p: p.description,
            ),
            Field(
                "signalen",
                _("waaraan je het patroon op tijd herkent"),
                LIST,
                "Weinig bewoners op de eerste avond|Niemand neemt taken op zich",
                lambda p: p.sign_list,
            ),
            Field(
                "handelingsperspectieven",
                _("wat je kunt doen om het te voorkomen of te keren"),
                LIST,
                "Begin bij wat bewoners zelf willen|Deel de regie",
                lambda p: p.action_list,
            ),
            Field(
                "aantalPraktijkvoorbeelden",
                _("aantal praktijkvoorbeelden in deze data set waarin het patroon speelde"),
                INTEGER,
                "7",
                lambda p: p.case_count,
            ),
            Field(
                "aantalVermeden",
                _("aantal praktijkvoorbeelden in deze data set die het patroon voorkwamen"),
                INTEGER,
                "2",
                lambda p: p.avoided_count,
            ),
        ],
    ),
    Resource(
        slug="gemeenten",
        title=_("Gemeenten"),
        description=_(
            "Alle Nederlandse gemeenten met hun CBS-code en provincie, met het aantal "
            "praktijkvoorbeelden."
        ),
        rows=municipality_rows,
        fields=[
            Field("cbsCode", _("CBS-code van de gemeente"), TEXT, "GM0344", lambda m: m.cbs_code),
            Field("slug", _("vaste korte naam"), TEXT, "utrecht", lambda m: m.slug),
            Field("url", _("adres van de pagina"), URL, "https://…/gemeenten/utrecht/", absolute),
            Field("naam", _("naam"), TEXT, "Utrecht", lambda m: m.name),
            Field(
                "provincie",
                _("provincie; leeg als onbekend"),
                TEXT,
                "Utrecht",
                lambda m: _or_none(m.province),
            ),
            Field(
                "aantalPraktijkvoorbeelden",
                _("aantal praktijkvoorbeelden in deze data set uit deze gemeente"),
                INTEGER,
                "3",
                lambda m: m.case_count,
            ),
        ],
    ),
    Resource(
        slug="dialogen",
        title=_("Dialogen"),
        description=_(
            "Uitkomsten van online dialogen: wie ze liet houden, hoe, en hoeveel mensen "
            "meededen. De stellingen staan in de tabel stellingen."
        ),
        rows=dialogue_rows,
        fields=[
            Field("slug", _("vaste korte naam"), TEXT, "dialoog-wijkaanpak-2020", lambda d: d.slug),
            Field("url", _("adres van de pagina"), URL, "https://…/dialogen/…/", absolute),
            Field("titel", _("titel"), TEXT, "Dialoog over de wijk", lambda d: d.title),
            Field("datum", _("datum van de dialoog"), DATE, "2020-09-17", lambda d: d.date),
            Field(
                "opdrachtgever",
                _("wie de dialoog liet houden"),
                TEXT,
                "Ministerie van BZK",
                lambda d: d.commissioned_by,
            ),
            Field("methode", _("methode"), TEXT, "Synthetron", lambda d: d.method),
            Field(
                "beschrijving",
                _("beschrijving"),
                TEXT,
                "Een online dialoog over leefbaarheid.",
                lambda d: d.description,
            ),
            Field("deelnemers", _("aantal deelnemers"), INTEGER, "155", lambda d: d.participants),
            Field("berichten", _("aantal berichten"), INTEGER, "2831", lambda d: d.messages),
            Field("reacties", _("aantal reacties"), INTEGER, "334", lambda d: d.reactions),
            Field(
                "aantalStellingen",
                _("aantal stellingen in de tabel stellingen"),
                INTEGER,
                "42",
                lambda d: d.statement_count,
            ),
            Field(
                "bron",
                _("soort bron: workbook (werkmap) of polis (Pol.is-export)"),
                TEXT,
                "workbook",
                lambda d: d.source,
            ),
            Field(
                "bronUrl",
                _("adres van de bron; leeg als er geen is"),
                URL,
                "https://pol.is/…",
                lambda d: _or_none(d.source_url),
            ),
            Field(
                "aantallenZijnIllustratie",
                _("true als de stemmen per stelling niet uit de dialoog zelf komen"),
                BOOLEAN,
                "false",
                lambda d: d.counts_are_illustrative,
            ),
            Field(
                "ruimte",
                _("korte naam van de openbare ruimte; leeg als het in de kennisbank staat"),
                TEXT,
                "netwerk-wijkaanpak",
                _space,
            ),
        ],
    ),
    Resource(
        slug="stellingen",
        title=_("Stellingen"),
        description=_(
            "De stellingen uit de dialogen, met het aantal stemmen eens, oneens en neutraal en "
            "de berekende instemming."
        ),
        rows=statement_rows,
        fields=[
            Field(
                "id", _("nummer van de stelling op dit platform"), INTEGER, "812", lambda s: s.pk
            ),
            Field(
                "dialoog",
                _("korte naam van de dialoog (zie de tabel dialogen)"),
                TEXT,
                "dialoog-wijkaanpak-2020",
                lambda s: s.dialogue.slug,
            ),
            Field(
                "vraagNummer",
                _("nummer van de vraag in de dialoog; leeg als er geen is"),
                INTEGER,
                "1",
                lambda s: s.question.number if s.question else None,
            ),
            Field(
                "vraag",
                _("de vraag waarop de stelling een antwoord is"),
                TEXT,
                "Wat werkt in de wijk?",
                lambda s: s.question.text if s.question else None,
            ),
            Field(
                "cluster",
                _("groep van antwoorden met dezelfde inhoud"),
                TEXT,
                "Vertrouwen",
                lambda s: s.cluster.name if s.cluster else None,
            ),
            Field(
                "tekst",
                _("de stelling"),
                TEXT,
                "Bewoners weten wat er speelt.",
                lambda s: s.text,
            ),
            Field("eens", _("aantal stemmen eens"), INTEGER, "46", lambda s: s.agree),
            Field("oneens", _("aantal stemmen oneens"), INTEGER, "2", lambda s: s.disagree),
            Field(
                "neutraal",
                _("aantal stemmen neutraal of overgeslagen"),
                INTEGER,
                "3",
                lambda s: s.passed,
            ),
            Field(
                "instemming",
                _("deel van de stemmen dat eens is, van 0 tot 1"),
                DECIMAL,
                "0.92",
                lambda s: s.agreement,
            ),
            Field(
                "niveau",
                _("hoe breed de instemming is, uit de stemmen berekend; leeg bij weinig stemmen"),
                TEXT,
                "hoog",
                lambda s: _or_none(s.level),
            ),
            Field(
                "polariserend",
                _("true als de meningen sterk verdeeld zijn"),
                BOOLEAN,
                "false",
                lambda s: s.polarising,
            ),
            Field(
                "themas",
                _("korte namen van de thema's (zie de tabel thema's)"),
                LIST,
                "samenredzaamheid",
                lambda s: _names(s.topics),
            ),
            Field(
                "praktijkvoorbeelden",
                _("korte namen van gekoppelde praktijkvoorbeelden in deze data set"),
                LIST,
                "buurtpreventie-app",
                lambda s: _names(s.cases),
            ),
        ],
    ),
    Resource(
        slug="wijkschakelaars",
        title=_("Wijkschakelaars"),
        description=_(
            "Openbare profielen van wijkschakelaars die toestemming gaven, met alleen wat op hun "
            "pagina staat. Nooit een e-mailadres: vragen gaan via het contactformulier."
        ),
        rows=connector_rows,
        fields=[
            Field("slug", _("vaste korte naam"), TEXT, "sam-schakel", lambda p: p.slug),
            Field("url", _("adres van de pagina"), URL, "https://…/wijkschakelaars/…/", absolute),
            Field("naam", _("naam"), TEXT, "Sam Schakel", lambda p: p.name),
            Field("rol", _("rol"), TEXT, "Opbouwwerker", lambda p: p.role),
            Field(
                "organisatie",
                _("organisatie"),
                TEXT,
                "Welzijn in de Wijk",
                lambda p: p.organisation,
            ),
            Field(
                "soort",
                _("professional, bewoner, ervaringsdeskundige of vrijwilliger"),
                TEXT,
                "professional",
                lambda p: p.kind,
            ),
            *_MUNICIPALITY_FIELDS,
            Field(
                "wijken",
                _("de wijken waar deze persoon actief is"),
                LIST,
                "Overvecht",
                lambda p: _split(p.neighbourhoods),
            ),
            Field(
                "themas",
                _("expertise: korte namen van thema's"),
                LIST,
                "inbraakpreventie",
                lambda p: _names(p.topics),
            ),
            Field(
                "mandaat",
                _("wat deze persoon mag beslissen of regelen"),
                TEXT,
                "Kleine budgetten voor bewonersinitiatieven.",
                lambda p: p.mandate,
            ),
            Field(
                "beschrijving",
                _("korte beschrijving"),
                TEXT,
                "Werkt twintig jaar in de wijk.",
                lambda p: p.bio,
            ),
            Field(
                "openVoorVragen",
                _("true als je via de site een vraag kunt stellen"),
                BOOLEAN,
                "true",
                lambda p: p.open_for_questions,
            ),
            Field(
                "verzonnenVoorbeeld",
                _("true als het een verzonnen demo-profiel is, geen echt persoon"),
                BOOLEAN,
                "false",
                lambda p: p.is_example,
            ),
            Field(
                "praktijkvoorbeelden",
                _("korte namen van gekoppelde praktijkvoorbeelden in deze data set"),
                LIST,
                "buurtpreventie-app",
                lambda p: _names(p.cases),
            ),
        ],
    ),
]

BY_SLUG = {resource.slug: resource for resource in RESOURCES}
FORMATS = {"csv": "text/csv", "json": "application/json"}
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
