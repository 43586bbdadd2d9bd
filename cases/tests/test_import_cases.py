"""`manage.py import_cases FILE.json`: a good file, re-imports, and every kind of bad file."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cases.models import Case, Outcome
from municipalities.tests.factories import MunicipalityFactory
from spaces.tests.factories import SpaceFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vocabulary():
    MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    TopicFactory(name="Veiligheid", slug="veiligheid")
    TopicFactory(name="Jongeren", slug="jongeren")
    SpaceFactory(slug="intervisie")


def item(**overrides):
    data = {
        "external_id": "ext-1",
        "title": "Straatcoaches in de wijk",
        "summary": "Straatcoaches spreken jongeren aan.",
        "outcome": "success",
        "context": "Overlast op het plein.",
        "approach": "Coaches op straat, elke avond.",
        "results": "Minder overlast.",
        "lessons": "Zorg voor vaste gezichten.",
        "municipality": "Utrecht",
        "topics": ["Veiligheid", "jongeren"],
        "tags": ["straatcoach", "Overlast"],
    }
    data.update(overrides)
    return data


def run_import(tmp_path, data, name="cases.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    call_command("import_cases", str(path))


def test_good_file_creates_live_cases(tmp_path, client):
    failure = item(
        external_id="ext-2",
        title="Mislukt plan",
        outcome="failure",
        what_went_wrong="Geen geld na het project.",
        space="intervisie",
    )
    run_import(tmp_path, [item(), failure])
    case = Case.objects.get(external_id="ext-1")
    assert case.live and case.first_published_at is not None
    assert case.outcome == Outcome.SUCCESS
    assert case.municipality.name == "Utrecht"
    assert sorted(t.slug for t in case.topics.all()) == ["jongeren", "veiligheid"]
    assert sorted(t.name for t in case.tags.all()) == ["Overlast", "straatcoach"]
    assert case.revisions.count() == 1 and case.live_revision is not None
    assert client.get(case.get_absolute_url()).status_code == 200
    in_space = Case.objects.get(external_id="ext-2")
    assert in_space.space.slug == "intervisie"
    assert client.get(in_space.get_absolute_url()).status_code == 404


def test_reimport_updates_instead_of_duplicating(tmp_path):
    run_import(tmp_path, [item()])
    run_import(tmp_path, [item(title="Straatcoaches, herzien", topics=["Veiligheid"])])
    assert Case.objects.count() == 1
    case = Case.objects.get()
    assert case.title == "Straatcoaches, herzien"
    assert [t.slug for t in case.topics.all()] == ["veiligheid"]
    assert case.revisions.count() == 2


def test_reimport_of_an_unchanged_file_changes_nothing(tmp_path):
    run_import(tmp_path, [item()])
    revisions = Revision.objects.count()
    updated_at = Case.objects.get().updated_at
    run_import(tmp_path, [item()])
    assert Revision.objects.count() == revisions
    assert Case.objects.get().updated_at == updated_at


BAD_FILES = [
    ("{niet: json", "geen geldige JSON (regel 1"),
    ({"external_id": "x"}, "moet een JSON-lijst"),
    ([], "bevat geen praktijkvoorbeelden"),
    (["tekst"], "Item 1: moet een object"),
    ([item(external_id="")], "Item 1, veld 'external_id': is verplicht"),
    ([item(title=None)], "Item 1, veld 'title': is verplicht"),
    ([item(title="x" * 201)], "Item 1, veld 'title': Zorg dat deze waarde niet meer dan 200"),
    ([item(title="   ")], "Item 1, veld 'title': Dit veld kan niet leeg zijn"),
    ([item(outcome="succes")], "Item 1, veld 'outcome': 'succes' is geen geldige uitkomst"),
    ([item(municipality="Atlantis")], "veld 'municipality': gemeente 'Atlantis' is onbekend"),
    ([item(topics=["Ruimtevaart"])], "veld 'topics': thema 'Ruimtevaart' is onbekend"),
    ([item(topics="Veiligheid")], "veld 'topics': moet een lijst zijn"),
    ([item(tags=[3])], "veld 'tags': elk trefwoord moet tekst zijn"),
    ([item(space="bestaat-niet")], "veld 'space': ruimte 'bestaat-niet' bestaat niet"),
    ([item(context=42)], "veld 'context': moet tekst zijn"),
    ([item(titel="typo")], "veld 'titel': onbekend veld"),
    # The rules of the case itself come from the model, in the words of the back office.
    ([item(period_start=2020, period_end=2018)], "veld 'period_end': Het eindjaar ligt voor"),
    ([item(evidence_level="heel goed")], "'evidence_level': Waarde 'heel goed' is geen geldige"),
    ([item(outcome="mixed")], "veld 'what_went_wrong': Beschrijf wat er misging"),
    (
        [item(sources=[{"title": "Rapport", "url": "javascript:alert(1)"}])],
        "veld 'sources': bron 'Rapport': Voer een webadres in dat begint met https://",
    ),
    ([item(sources=[{"title": "", "url": ""}])], "veld 'sources': bron '': Dit veld kan niet"),
    ([item(), item()], "Item 2, veld 'external_id': 'ext-1' staat ook al in item 1"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_a_bad_file_changes_nothing_and_says_where(tmp_path, content, message):
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, content)
    assert message in str(error.value)
    assert Case.objects.count() == 0


def test_one_bad_item_stops_the_good_ones_too(tmp_path):
    run_import(tmp_path, [item()])
    before = Case.objects.get()
    good_update = item(title="Zou bijgewerkt worden")
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [good_update, item(external_id="ext-9", outcome="??")])
    assert "Item 2, veld 'outcome'" in str(error.value)
    assert "er is niets veranderd" in str(error.value)
    assert Case.objects.count() == 1
    assert Case.objects.get().title == before.title


def test_all_errors_are_reported_at_once(tmp_path):
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [item(outcome="x", municipality="Atlantis"), item(external_id="")])
    text = str(error.value)
    assert "Item 1, veld 'outcome'" in text
    assert "Item 1, veld 'municipality'" in text
    assert "Item 2, veld 'external_id'" in text


def test_format_and_model_errors_are_reported_together(tmp_path):
    with pytest.raises(CommandError) as error:
        run_import(
            tmp_path,
            [
                item(outcome="x", title="x" * 201),
                item(external_id="ext-2", outcome="failure", period_start=2020, period_end=2019),
            ],
        )
    text = str(error.value)
    assert "Item 1, veld 'outcome': 'x' is geen geldige uitkomst" in text
    assert "Item 1, veld 'title': Zorg dat deze waarde niet meer dan 200" in text
    assert "Item 2, veld 'what_went_wrong': Beschrijf wat er misging" in text
    assert "Item 2, veld 'period_end': Het eindjaar ligt voor het beginjaar." in text
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", "data:text/html,x", "ftp://x.nl/a"]
)
def test_a_source_that_is_no_web_address_is_refused(tmp_path, client, url):
    """A `javascript:` source would run in the visitor's browser from the case page and the
    API; only http(s) addresses are imported, and an earlier import stays as it was."""
    run_import(tmp_path, [item(sources=[{"title": "Rapport", "url": "https://example.org/r"}])])
    bad = item(title="Nieuw", sources=[{"title": "Rapport", "url": url}])
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [bad])
    assert "Item 1, veld 'sources': bron 'Rapport': Voer een webadres in" in str(error.value)
    case = Case.objects.get()
    assert case.title == "Straatcoaches in de wijk"
    assert [source.url for source in case.sources.all()] == ["https://example.org/r"]
    detail = client.get(f"/api/v1/praktijkvoorbeelden/{case.slug}").json()
    assert detail["bronnen"] == [{"titel": "Rapport", "url": "https://example.org/r"}]


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_cases", str(tmp_path / "bestaat-niet.json"))


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('[{"title": "café"}]'.encode("latin-1"))
    with pytest.raises(CommandError, match="geen UTF-8-tekst"):
        call_command("import_cases", str(path))
    assert Case.objects.count() == 0
