"""A recognised intervention on a case: the rules, the case page's wording, the API,
the open data set and the import."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from cases.models import Case, EvidenceLevel, InterventionRelation
from cases.tests.factories import CaseFactory, InterventionDatabankFactory
from municipalities.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

INTERVENTION_URL = "https://www.movisie.nl/interventie/buurtbemiddeling"


@pytest.fixture
def movisie():
    return InterventionDatabankFactory()


@pytest.fixture
def recognised(movisie):
    """A case that applies an intervention recognised at its own evidence level."""
    return CaseFactory(
        title="Buurtbemiddeling in Noord",
        slug="buurtbemiddeling-in-noord",
        evidence_level=EvidenceLevel.GOOD_INDICATIONS,
        intervention_databank=movisie,
        intervention_name="Buurtbemiddeling",
        intervention_url=INTERVENTION_URL,
        intervention_relation=InterventionRelation.APPLIES,
        intervention_level=EvidenceLevel.GOOD_INDICATIONS,
        intervention_recognised_on=datetime.date(2021, 3, 12),
        last_reviewed_at=datetime.datetime(2026, 11, 3, 10, 0, tzinfo=datetime.UTC),
    )


def intervention_errors(**fields) -> dict:
    case = CaseFactory.build(evidence_level=fields.pop("evidence_level", EvidenceLevel.PRACTICE))
    for name, value in fields.items():
        setattr(case, name, value)
    try:
        case.full_clean(exclude=["municipality", "slug"])
    except ValidationError as error:
        return error.message_dict
    return {}


# --- The rules ---------------------------------------------------------------------------


def test_a_complete_recognised_intervention_is_valid(movisie):
    assert (
        intervention_errors(
            intervention_databank=movisie,
            intervention_name="Buurtbemiddeling",
            intervention_url=INTERVENTION_URL,
            intervention_relation=InterventionRelation.APPLIES,
            intervention_level=EvidenceLevel.FIRST_INDICATIONS,
            intervention_recognised_on=datetime.date(2019, 1, 1),
            evidence_level=EvidenceLevel.FIRST_INDICATIONS,
        )
        == {}
    )


def test_only_databank_name_and_relation_are_needed(movisie):
    assert (
        intervention_errors(
            intervention_databank=movisie,
            intervention_name="Buurtbemiddeling",
            intervention_relation=InterventionRelation.RESEMBLES,
        )
        == {}
    )


def test_a_name_without_databank_is_refused_with_a_clear_message():
    errors = intervention_errors(
        intervention_name="Buurtbemiddeling", intervention_relation=InterventionRelation.APPLIES
    )
    assert errors == {
        "intervention_databank": [
            "Kies in welke databank de interventie staat. Zonder databank kan niemand de "
            "erkenning nagaan. Of maak de velden van de erkende interventie leeg."
        ]
    }


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"intervention_relation": InterventionRelation.APPLIES},
            "intervention_name",
            "Vul de naam van de interventie in",
        ),
        (
            {"intervention_name": "Buurtbemiddeling"},
            "intervention_relation",
            "Kies of dit voorbeeld de interventie toepast of er alleen op lijkt.",
        ),
        (
            {
                "intervention_name": "Buurtbemiddeling",
                "intervention_relation": InterventionRelation.RESEMBLES,
                "intervention_recognised_on": datetime.date(2020, 1, 1),
            },
            "intervention_level",
            "de datum hoort bij een erkenning",
        ),
        (
            {
                "intervention_name": "Buurtbemiddeling",
                "intervention_relation": InterventionRelation.RESEMBLES,
                "intervention_level": EvidenceLevel.WELL_FOUNDED,
                "intervention_recognised_on": timezone.localdate() + datetime.timedelta(days=1),
            },
            "intervention_recognised_on",
            "Deze datum ligt in de toekomst.",
        ),
        (
            {
                "intervention_name": "Buurtbemiddeling",
                "intervention_relation": InterventionRelation.RESEMBLES,
                "intervention_url": "javascript:alert(1)",
            },
            "intervention_url",
            "Voer een webadres in dat begint met https:// of http://",
        ),
        (
            {
                "intervention_name": "Buurtbemiddeling",
                "intervention_relation": InterventionRelation.APPLIES,
                "intervention_level": EvidenceLevel.GOOD_INDICATIONS,
                "evidence_level": EvidenceLevel.WELL_DESCRIBED,
            },
            "evidence_level",
            "kies hetzelfde bewijsniveau als de erkenning (Effectief volgens goede aanwijzingen)",
        ),
        (
            {
                "intervention_name": "Buurtbemiddeling",
                "intervention_relation": InterventionRelation.APPLIES,
                "intervention_level": EvidenceLevel.PRACTICE,
            },
            "intervention_level",
            "is geen geldige keuze",
        ),
    ],
)
def test_an_incomplete_or_wrong_intervention_is_refused(movisie, fields, field, message):
    errors = intervention_errors(intervention_databank=movisie, **fields)
    assert field in errors, errors
    assert any(message in text for text in errors[field]), errors[field]


def test_a_databank_in_use_cannot_be_deleted(recognised, movisie):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        movisie.delete()


# --- The case page -----------------------------------------------------------------------


def test_the_page_says_where_a_recognised_level_comes_from_and_since_when(client, recognised):
    html = client.get(recognised.get_absolute_url()).content.decode()
    assert "Effectief volgens goede aanwijzingen" in html
    assert (
        "Erkend door de Erkenningscommissie Interventies, Databank Effectieve sociale "
        'interventies (Movisie), sinds <time datetime="2021-03-12">12 maart 2021</time>.'
    ) in html
    assert f'Dit voorbeeld past de interventie <a href="{INTERVENTION_URL}">Buurtbemiddeling</a>'
    assert f'<a href="{INTERVENTION_URL}">Buurtbemiddeling</a> toe.' in html
    assert "oordeel van de redactie" not in html


def test_the_page_says_when_the_case_was_last_checked(client, recognised):
    html = client.get(recognised.get_absolute_url()).content.decode()
    assert 'Laatst gecontroleerd op <time datetime="2026-11-03">3 november 2026</time>' in html


def test_without_an_address_the_link_goes_to_the_databank(client, recognised, movisie):
    Case.objects.filter(pk=recognised.pk).update(
        intervention_url="", intervention_recognised_on=None
    )
    html = client.get(recognised.get_absolute_url()).content.decode()
    assert f'<a href="{movisie.url}">Buurtbemiddeling</a>' in html
    assert "sinds" not in html.split("evidence__source", 1)[1].split("</p>", 1)[0]


def test_a_case_that_resembles_an_intervention_keeps_the_editors_judgement(client, recognised):
    Case.objects.filter(pk=recognised.pk).update(
        intervention_relation=InterventionRelation.RESEMBLES,
        evidence_level=EvidenceLevel.WELL_DESCRIBED,
    )
    html = client.get(recognised.get_absolute_url()).content.decode()
    assert "Deze aanpak lijkt op de interventie" in html
    assert (
        'Die interventie is daar sinds <time datetime="2021-03-12">12 maart 2021</time> erkend '
        "als ‘Effectief volgens goede aanwijzingen’."
    ) in html
    assert "oordeel van de redactie over de beschrijving van deze praktijk, niet die erkenning" in (
        html
    )
    assert "Erkend door" not in html


def test_a_case_that_applies_an_intervention_without_a_level_is_the_editors_judgement(
    client, recognised
):
    Case.objects.filter(pk=recognised.pk).update(
        intervention_level="", intervention_recognised_on=None
    )
    html = client.get(recognised.get_absolute_url()).content.decode()
    assert "Dit voorbeeld past de interventie" in html
    assert "uit de Databank Effectieve sociale interventies (Movisie)." in html
    assert "Het bewijsniveau is het oordeel van de redactie" in html
    assert "Erkend door" not in html


def test_without_an_intervention_the_level_is_the_editors_own_judgement(client):
    case = CaseFactory(evidence_level=EvidenceLevel.WELL_DESCRIBED)
    html = client.get(case.get_absolute_url()).content.decode()
    assert (
        "Dit is het oordeel van de redactie over de beschrijving van deze praktijk. Het is geen "
        "erkenning door een erkenningscommissie."
    ) in html


def test_the_page_with_an_intervention_takes_no_extra_query(
    client, recognised, django_assert_num_queries
):
    # As test_case_detail.test_detail_query_count: the databank comes with the case's query
    # (the failure patterns take their one query, with or without an intervention).
    with django_assert_num_queries(11):
        response = client.get(recognised.get_absolute_url())
    assert response.status_code == 200


# --- API ---------------------------------------------------------------------------------


def test_the_api_gives_the_intervention_and_the_last_check(client, recognised):
    data = client.get(f"/api/v1/praktijkvoorbeelden/{recognised.slug}").json()
    assert data["erkendeInterventie"] == {
        "databank": {
            "naam": "Databank Effectieve sociale interventies",
            "beheerder": "Movisie",
            "url": "https://www.movisie.nl/databank-effectieve-sociale-interventies",
        },
        "naam": "Buurtbemiddeling",
        "url": INTERVENTION_URL,
        "soort": "past_toe",
        "niveau": "goede_aanwijzingen",
        "datum": "2021-03-12",
    }
    assert data["laatstBeoordeeld"] == "2026-11-03T11:00:00+01:00"


def test_the_api_says_null_for_what_is_not_known(client, recognised):
    Case.objects.filter(pk=recognised.pk).update(
        intervention_url="",
        intervention_level="",
        intervention_recognised_on=None,
        intervention_relation=InterventionRelation.RESEMBLES,
    )
    data = client.get(f"/api/v1/praktijkvoorbeelden/{recognised.slug}").json()
    assert data["erkendeInterventie"]["url"] is None
    assert data["erkendeInterventie"]["niveau"] is None
    assert data["erkendeInterventie"]["datum"] is None
    assert data["erkendeInterventie"]["soort"] == "lijkt_op"


def test_the_api_says_null_without_an_intervention(client):
    case = CaseFactory(last_reviewed_at=None)
    data = client.get(f"/api/v1/praktijkvoorbeelden/{case.slug}").json()
    assert data["erkendeInterventie"] is None
    assert data["laatstBeoordeeld"] is None


def test_the_api_detail_with_an_intervention_takes_no_extra_query(
    client, recognised, django_assert_num_queries
):
    # The case with its databank + 7 prefetches, its failure patterns among them (as test_api's
    # detail, whose case also has an attachment to fetch): the databank takes no query of its own.
    with django_assert_num_queries(8):
        client.get(f"/api/v1/praktijkvoorbeelden/{recognised.slug}")


# --- Open data ---------------------------------------------------------------------------

COLUMNS = [
    "erkendeInterventie",
    "erkendeInterventieUrl",
    "erkendeInterventieSoort",
    "erkendeInterventieNiveau",
    "erkendeInterventieDatum",
    "erkendeInterventieDatabank",
    "erkendeInterventieDatabankUrl",
    "laatstBeoordeeld",
]


def test_the_open_data_set_has_the_intervention_columns(recognised, tmp_path, settings):
    # Import here: opendata stands above cases; only this test reads its files.
    from opendata.build import build_open_data, directory

    settings.MEDIA_ROOT = tmp_path
    CaseFactory(title="Zonder interventie", last_reviewed_at=None)
    build_open_data()
    folder = directory()
    with open(folder / "praktijkvoorbeelden.csv", encoding="utf-8", newline="") as f:
        rows = {row["titel"]: row for row in csv.DictReader(f)}
    assert [rows["Buurtbemiddeling in Noord"][c] for c in COLUMNS] == [
        "Buurtbemiddeling",
        INTERVENTION_URL,
        "past_toe",
        "goede_aanwijzingen",
        "2021-03-12",
        "Databank Effectieve sociale interventies",
        "https://www.movisie.nl/databank-effectieve-sociale-interventies",
        "2026-11-03T10:00:00+00:00",
    ]
    assert [rows["Zonder interventie"][c] for c in COLUMNS] == [""] * len(COLUMNS)
    items = json.loads((folder / "praktijkvoorbeelden.json").read_text("utf-8"))["items"]
    item = next(i for i in items if i["titel"] == "Buurtbemiddeling in Noord")
    assert item["erkendeInterventieDatum"] == "2021-03-12"
    assert item["erkendeInterventieSoort"] == "past_toe"


# --- Import ------------------------------------------------------------------------------


def import_item(tmp_path, intervention, **overrides):
    MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    data = {
        "external_id": "ext-1",
        "title": "Buurtbemiddeling in Utrecht",
        "summary": "Buren praten weer met elkaar.",
        "outcome": "success",
        "municipality": "Utrecht",
        "recognised_intervention": intervention,
        **overrides,
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([data]), encoding="utf-8")
    call_command("import_cases", str(path), stdout=io.StringIO())


def test_the_import_accepts_a_recognised_intervention(tmp_path, movisie):
    import_item(
        tmp_path,
        {
            "databank": "movisie",
            "name": "Buurtbemiddeling",
            "url": INTERVENTION_URL,
            "relation": "applies",
            "level": "eerste_aanwijzingen",
            "recognised_on": "2019-06-01",
        },
        evidence_level="eerste_aanwijzingen",
    )
    case = Case.objects.get(external_id="ext-1")
    assert case.intervention_databank == movisie
    assert case.intervention_name == "Buurtbemiddeling"
    assert case.intervention_url == INTERVENTION_URL
    assert case.intervention_relation == InterventionRelation.APPLIES
    assert case.intervention_level == EvidenceLevel.FIRST_INDICATIONS
    assert case.intervention_recognised_on == datetime.date(2019, 6, 1)
    # Imported cases are published, and publishing counts as a check.
    assert case.last_reviewed_at == case.last_published_at


@pytest.mark.parametrize(
    "intervention, message",
    [
        ("Buurtbemiddeling", "veld 'recognised_intervention': moet een object zijn"),
        (
            {"databank": "onbekend", "name": "X", "relation": "applies"},
            "databank 'onbekend' is onbekend (bekend: ",
        ),
        (
            {"databank": "movisie", "name": "X", "relation": "toepassen"},
            "'relation' is 'toepassen'; kies applies of resembles",
        ),
        (
            {"databank": "movisie", "name": "X", "relation": "applies", "recognised_on": "12-3"},
            "'recognised_on' moet een datum zijn als 2021-03-12",
        ),
        (
            {"databank": "movisie", "name": "X", "relation": "applies", "colour": "rood"},
            "onbekend onderdeel 'colour'",
        ),
        (
            {"name": "Buurtbemiddeling", "relation": "applies"},
            "veld 'recognised_intervention.databank': Kies in welke databank",
        ),
        (
            {
                "databank": "movisie",
                "name": "X",
                "relation": "resembles",
                "level": "goed_beschreven",
                "recognised_on": "2999-01-01",
            },
            "veld 'recognised_intervention.recognised_on': Deze datum ligt in de toekomst",
        ),
        (
            {
                "databank": "movisie",
                "name": "X",
                "relation": "applies",
                "level": "sterke_aanwijzingen",
            },
            "veld 'evidence_level': Dit voorbeeld past een erkende interventie toe",
        ),
    ],
)
def test_the_import_refuses_a_bad_intervention_and_changes_nothing(
    tmp_path, movisie, intervention, message
):
    with pytest.raises(CommandError) as error:
        import_item(tmp_path, intervention)
    assert message in str(error.value)
    assert not Case.objects.exists()
