"""Dialogue statements join the site search as their own kind, visible ones only."""

import pytest
from django.contrib.contenttypes.models import ContentType
from modelsearch.conf import get_app_config

from dialogues.importers import StatementData
from dialogues.models import Statement
from dialogues.services import dialogue_import
from dialogues.tests.factories import dialogue_data, make_dialogue

pytestmark = pytest.mark.django_db


def index_entries() -> int:
    entries = get_app_config().get_model("IndexEntry").objects
    return entries.filter(content_type=ContentType.objects.get_for_model(Statement)).count()


def found(client, query: str) -> list[str]:
    return [s.text for s in client.get("/zoeken/", {"q": query}).context["statements"]]


def test_statements_are_found_in_any_word_form(client):
    make_dialogue()
    assert found(client, "kwetsbare wijk") == ["Noem ze geen kwetsbare wijken."]
    html = client.get("/zoeken/", {"q": "financiering"}).content.decode()
    assert "Uit dialogen" in html
    assert "<mark>Financiering</mark> is te versnipperd" in html
    assert "Draagvlak: top, 96 % eens" in html
    assert 'href="/dialogen/dialoog-over-de-wijk/"' in html


def test_the_kind_filter_and_facet(client):
    make_dialogue()
    response = client.get("/zoeken/", {"q": "financiering", "soort": "stelling"})
    assert [s.text for s in response.context["statements"]] == ["Financiering is te versnipperd."]
    kinds = {o.value: o.count for o in response.context["facets"][0].options}
    assert kinds["stelling"] == 1
    assert (
        found(client, "financiering")
        and not client.get("/zoeken/", {"q": "financiering", "soort": "praktijkvoorbeeld"}).context[
            "statements"
        ]
    )


def test_statements_of_hidden_dialogues_are_not_found(client, client_for, closed_space, member):
    make_dialogue(space=closed_space)
    assert found(client, "financiering") == []
    assert found(client_for(member), "financiering") == ["Financiering is te versnipperd."]


def test_the_index_follows_replacing_and_deleting(client):
    make_dialogue()
    assert index_entries() == 6
    data = dialogue_data(statements=[StatementData(1, "Meer groen in de straat.", 10, 1, 0)])
    dialogue = dialogue_import(data=data, replace=True)
    assert index_entries() == 1
    assert found(client, "financiering") == []
    assert found(client, "groen") == ["Meer groen in de straat."]
    dialogue.delete()
    assert index_entries() == 0
    assert found(client, "groen") == []


def test_the_api_lists_matching_statements(client):
    make_dialogue()
    body = client.get("/api/v1/_zoek", {"q": "financiering"}).json()
    assert body["stellingen"][0]["tekst"] == "Financiering is te versnipperd."
    assert body["stellingen"][0]["niveau"] == "top"
    assert body["stellingen"][0]["dialoog"]["slug"] == "dialoog-over-de-wijk"
    assert {o["waarde"]: o["aantal"] for o in body["facetten"]["soort"]}["stelling"] == 1
