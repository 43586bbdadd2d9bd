"""The open data set: only what anonymous visitors may read, the same in CSV and JSON, described
field by field in the dictionary, harvestable through DCAT, and served as downloads."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.importers import StatementData
from dialogues.tests.factories import make_dialogue
from municipalities.tests.factories import MunicipalityFactory
from opendata.build import build_open_data, directory
from opendata.dataset import RESOURCES
from opendata.tasks import build_open_data_task
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

SUBMITTER = {"username": "indiener-qz", "first_name": "Ingrid", "last_name": "Indienersnaam"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(closed_space, public_space):
    municipality = MunicipalityFactory(name="Buurtstad", slug="buurtstad", cbs_code="GM0999")
    topic = TopicFactory(name="Buurtveiligheid", slug="buurtveiligheid")
    submitter = UserFactory(**SUBMITTER, email="ingrid.prive@voorbeeld-mail.nl")
    public = CaseFactory(
        title="Openbare buurtaanpak",
        slug="openbare-buurtaanpak",
        municipality=municipality,
        topics=[topic],
        tags=["buurt"],
        submitted_by=submitter,
        credit_submitter=True,
    )
    in_public_space = CaseFactory(
        title="Voorbeeld uit een open ruimte", slug="open-ruimte-voorbeeld", space=public_space
    )
    draft = CaseFactory(title="ConceptMarker in de maak", slug="concept-marker", live=False)
    closed = CaseFactory(
        title="BeslotenMarker alleen leden",
        slug="besloten-marker",
        space=closed_space,
        outcome="mislukt",
        municipality=municipality,
    )
    # A failure pattern of the public case and of the closed one (which counts nowhere).
    pattern = FailurePatternFactory(name="Geen draagvlak", slug="geen-draagvlak")
    CasePatternFactory(case=public, pattern=pattern)
    CasePatternFactory(case=closed, pattern=pattern)
    public_dialogue = make_dialogue(title="Openbare dialoog")
    linked = public_dialogue.statements.first()
    linked.cases.set([public, closed])
    make_dialogue(
        space=closed_space,
        title="BeslotenDialoogMarker",
        statements=[StatementData(1, "BeslotenStellingMarker over de buurt", 10, 1, 0)],
        polls=[],
    )
    draft_dialogue = make_dialogue(title="ConceptDialoogMarker")
    draft_dialogue.live = False
    draft_dialogue.save()
    connector = ConnectorFactory(
        name="Sam Schakel",
        slug="sam-schakel",
        municipality=municipality,
        topics=[topic],
        email="sam.prive@voorbeeld-mail.nl",
        cases=[public, closed],
    )
    ConnectorFactory(name="ZonderToestemmingMarker", slug="zonder", consent=False)
    return {
        "public": public,
        "in_public_space": in_public_space,
        "draft": draft,
        "closed": closed,
        "connector": connector,
        "linked_statement": linked,
    }


def files_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(directory().iterdir()))


def read_json(slug: str) -> dict:
    return json.loads((directory() / f"{slug}.json").read_text(encoding="utf-8"))


def read_csv(slug: str) -> list[dict]:
    with (directory() / f"{slug}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_only_public_content_is_in_the_files(world):
    build_open_data()
    text = files_text()
    assert "Openbare buurtaanpak" in text
    assert "Voorbeeld uit een open ruimte" in text  # a public space is read by everyone
    assert "Openbare dialoog" in text
    assert "Sam Schakel" in text
    for marker in (
        "ConceptMarker",
        "concept-marker",
        "BeslotenMarker",
        "besloten-marker",
        "BeslotenDialoogMarker",
        "BeslotenStellingMarker",
        "ConceptDialoogMarker",
        "ZonderToestemmingMarker",
    ):
        assert marker not in text, marker
    slugs = [item["slug"] for item in read_json("praktijkvoorbeelden")["items"]]
    assert sorted(slugs) == ["open-ruimte-voorbeeld", "openbare-buurtaanpak"]
    # Links to a closed case are left out, not just its title.
    statement = next(
        s for s in read_json("stellingen")["items"] if s["id"] == world["linked_statement"].pk
    )
    assert statement["praktijkvoorbeelden"] == ["openbare-buurtaanpak"]
    (connector,) = read_json("wijkschakelaars")["items"]
    assert connector["praktijkvoorbeelden"] == ["openbare-buurtaanpak"]
    # Counts count the public cases only.
    (town,) = [m for m in read_json("gemeenten")["items"] if m["cbsCode"] == "GM0999"]
    assert town["aantalPraktijkvoorbeelden"] == 1
    (pattern,) = read_json("faalpatronen")["items"]
    assert pattern["aantalPraktijkvoorbeelden"] == 1


def test_no_personal_data_in_the_files(world):
    build_open_data()
    text = files_text().lower()
    for secret in (
        "indiener-qz",
        "ingrid",
        "indienersnaam",
        "ingrid.prive@voorbeeld-mail.nl",
        "sam.prive@voorbeeld-mail.nl",
        "@voorbeeld-mail.nl",
    ):
        assert secret not in text, secret
    for resource in RESOURCES:
        for column in resource.columns:
            assert not re.search(r"mail|telefoon|gedeeld|indiener|toestemming", column, re.I)


def test_csv_reads_back_as_the_json(world):
    build_open_data()
    for resource in RESOURCES:
        rows = read_csv(resource.slug)
        items = read_json(resource.slug)["items"]
        assert items, resource.slug
        assert len(rows) == len(items)
        with (directory() / f"{resource.slug}.csv").open(encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == resource.columns
        for row, item in zip(rows, items, strict=True):
            parsed = {f.name: f.type.from_csv(row[f.name]) for f in resource.fields}
            assert parsed == item, resource.slug


def test_csv_is_rfc_4180_with_quotes_and_line_breaks(world):
    world["public"].summary = 'Eerste regel, met "aanhalingstekens";\nen een tweede regel.'
    world["public"].save()
    build_open_data()
    raw = (directory() / "praktijkvoorbeelden.csv").read_bytes()
    assert raw.split(b"\r\n", 1)[0].startswith(b"slug,url,titel,")
    (row,) = [r for r in read_csv("praktijkvoorbeelden") if r["slug"] == "openbare-buurtaanpak"]
    assert row["samenvatting"] == world["public"].summary
    assert row["themas"] == "buurtveiligheid"


def test_every_column_is_in_the_dictionary_and_nothing_else(world, client):
    build_open_data()
    page = client.get("/open-data/woordenboek/").content.decode()
    for resource in RESOURCES:
        section = page.split(f'<section id="{resource.slug}"', 1)[1].split("</section>", 1)[0]
        described = re.findall(r'<th scope="row"><code class="code">([^<]+)</code>', section)
        with (directory() / f"{resource.slug}.csv").open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert described == header, resource.slug
        item_keys = list(read_json(resource.slug)["items"][0])
        assert item_keys == header, resource.slug


def test_downloads_before_and_after_building(world, client):
    before = client.get("/open-data/bestanden/praktijkvoorbeelden.csv")
    assert before.status_code == 404
    assert "nog niet gemaakt" in before.content.decode()
    index = client.get("/open-data/").content.decode()
    assert "De bestanden zijn nog niet gemaakt" in index

    call_command("build_open_data", stdout=io.StringIO())

    response = client.get("/open-data/bestanden/praktijkvoorbeelden.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="praktijkvoorbeelden.csv"'
    assert response["Last-Modified"].endswith("GMT")
    body = b"".join(response.streaming_content).decode()
    assert "Openbare buurtaanpak" in body and "BeslotenMarker" not in body
    response = client.get("/open-data/bestanden/wijkschakelaars.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(b"".join(response.streaming_content))["licentie"].endswith("by/4.0/")
    for unknown in ("geheim.csv", "praktijkvoorbeelden.xlsx", "manifest.json", "..%2Fx.csv"):
        assert client.get(f"/open-data/bestanden/{unknown}").status_code == 404

    index = client.get("/open-data/").content.decode()
    assert 'href="/open-data/bestanden/praktijkvoorbeelden.csv"' in index
    assert "CC BY 4.0" in index
    assert 'rel="alternate" type="application/ld+json"' in index
    assert 'href="http://testserver/open-data/catalogus.jsonld"' in index


def test_the_task_builds_the_files(world):
    build_open_data_task.call()
    assert (directory() / "praktijkvoorbeelden.json").is_file()


def test_dcat_catalogue(world, client):
    empty = client.get("/open-data/catalogus.jsonld")
    assert empty["Content-Type"] == "application/ld+json; charset=utf-8"
    assert all(not d["dcat:distribution"] for d in empty.json()["dcat:dataset"])

    build_open_data()
    response = client.get("/open-data/catalogus.jsonld")
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "dct:modified" in catalog
    datasets = catalog["dcat:dataset"]
    assert {d["@id"].rsplit("#", 1)[1] for d in datasets} == {r.slug for r in RESOURCES}
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["dct:publisher"]["foaf:name"]
        assert len(dataset["dcat:distribution"]) == 2
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dct:license"]["@id"].endswith("/by/4.0/")
            assert distribution["dcat:mediaType"]["@id"].endswith(("text/csv", "application/json"))
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith("http://testserver/open-data/bestanden/")
            download = client.get(url.removeprefix("http://testserver"))
            assert download.status_code == 200
            assert int(distribution["dcat:byteSize"]["@value"]) == len(
                b"".join(download.streaming_content)
            )


def _build_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        build_open_data()
    return len(queries)


def test_building_takes_a_fixed_number_of_queries(world):
    few = _build_queries()
    topics = [TopicFactory() for _ in range(3)]
    cases = [CaseFactory(topics=topics, tags=["a", "b"]) for _ in range(20)]
    for _ in range(5):
        ConnectorFactory(topics=topics, cases=cases[:3])
    dialogue = make_dialogue(title="Nog een dialoog", slug="nog-een-dialoog")
    for statement in dialogue.statements.all():
        statement.cases.set(cases[:2])
        statement.topics.set(topics)
    assert _build_queries() == few
