"""Failure patterns in the open data set: the patterns of each case (played and avoided) in both
formats, the table of patterns with counts of public cases only, and the dictionary."""

import csv
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from opendata.build import build_open_data, directory
from patterns.tests import fixtures
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory

pytestmark = pytest.mark.django_db

patterns, world = fixtures.patterns, fixtures.world  # the shared fixtures


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def read_json(slug: str) -> list[dict]:
    return json.loads((directory() / f"{slug}.json").read_text(encoding="utf-8"))["items"]


def read_csv(slug: str) -> list[dict]:
    with (directory() / f"{slug}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_each_case_names_the_patterns_that_played_and_those_it_avoided(world):
    build_open_data()

    cases = {item["titel"]: item for item in read_json("praktijkvoorbeelden")}
    assert cases["Buurtbudget zonder plan"]["faalpatronen"] == ["geen-draagvlak", "projectitis"]
    assert cases["Buurtbudget zonder plan"]["vermedenFaalpatronen"] == []
    assert cases["Buurtkamer met bewoners"]["faalpatronen"] == []
    assert cases["Buurtkamer met bewoners"]["vermedenFaalpatronen"] == ["geen-draagvlak"]
    rows = {row["titel"]: row for row in read_csv("praktijkvoorbeelden")}
    assert rows["Buurtbudget zonder plan"]["faalpatronen"] == "geen-draagvlak|projectitis"
    assert rows["Buurtkamer met bewoners"]["vermedenFaalpatronen"] == "geen-draagvlak"
    assert rows["Buurtkamer zonder patroon"]["faalpatronen"] == ""
    # The hidden cases are not in the data set at all.
    assert not {"Concept buurtkamer", "Besloten buurtkamer", "Geheime buurtkamer"} & set(cases)


def test_the_pattern_table_counts_public_cases_only(world):
    build_open_data()

    items = read_json("faalpatronen")
    assert [item["slug"] for item in items] == ["geen-draagvlak", "projectitis"]
    draagvlak = items[0]
    assert draagvlak["naam"] == "Geen draagvlak bij bewoners"
    assert draagvlak["signalen"] == ["Eerste signaal", "Tweede signaal"]
    assert draagvlak["handelingsperspectieven"] == ["Eerste actie", "Tweede actie"]
    assert (draagvlak["aantalPraktijkvoorbeelden"], draagvlak["aantalVermeden"]) == (2, 1)
    assert (items[1]["aantalPraktijkvoorbeelden"], items[1]["aantalVermeden"]) == (1, 0)
    rows = read_csv("faalpatronen")
    assert rows[0]["signalen"] == "Eerste signaal|Tweede signaal"
    assert rows[0]["aantalPraktijkvoorbeelden"] == "2"


def test_the_dictionary_and_the_catalogue_describe_the_patterns(world, client):
    build_open_data()

    dictionary = client.get("/open-data/woordenboek/").content.decode()
    assert 'id="faalpatronen"' in dictionary
    assert "vermedenFaalpatronen" in dictionary
    catalogue = client.get("/open-data/catalogus.jsonld").json()
    assert any(d["@id"].endswith("#faalpatronen") for d in catalogue["dcat:dataset"])
    assert client.get("/open-data/bestanden/faalpatronen.csv").status_code == 200


def _build_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        build_open_data()
    return len(queries)


def test_building_takes_a_fixed_number_of_queries_for_any_number_of_patterns(world):
    few = _build_queries()
    for _ in range(4):
        pattern = FailurePatternFactory()
        for avoided in (False, True):
            case = CaseFactory(outcome=Outcome.FAILURE)
            CasePatternFactory(case=case, pattern=pattern, avoided=avoided)

    assert _build_queries() == few
