"""Wijkschakelaars in the site search: only with consent, out of the index when withdrawn."""

import pytest
from django.contrib.contenttypes.models import ContentType
from modelsearch.conf import get_app_config

from connectors.models import Connector, Consent
from connectors.services import consent_withdraw
from connectors.tests.factories import ConnectorFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def in_index(connector) -> bool:
    entries = get_app_config().get_model("IndexEntry").objects
    return entries.filter(
        content_type=ContentType.objects.get_for_model(Connector), object_id=str(connector.pk)
    ).exists()


def found(client, query: str) -> list[str]:
    return [c.name for c in client.get("/zoeken/", {"q": query}).context["connectors"]]


def test_found_by_role_expertise_and_place_in_any_word_form(client):
    topic = TopicFactory(name="Vroegsignalering", slug="vroegsignalering")
    ConnectorFactory(name="Sanne Verbinder", role="Jongerenwerker", topics=[topic])
    assert found(client, "jongerenwerk") == ["Sanne Verbinder"]
    assert found(client, "signaleren") == ["Sanne Verbinder"]
    html = client.get("/zoeken/", {"q": "sanne"}).content.decode()
    assert "Wijkschakelaars" in html and "/wijkschakelaars/" in html


def test_without_consent_not_indexed_and_not_found(client):
    person = ConnectorFactory(name="Sanne Verbinder", consent=False)
    assert not in_index(person) and found(client, "sanne") == []
    Consent.objects.create(connector=person, given_by="Sanne")
    assert in_index(person) and found(client, "sanne") == ["Sanne Verbinder"]


def test_withdrawing_takes_the_profile_out_of_the_index(client):
    person = ConnectorFactory(name="Sanne Verbinder")
    assert found(client, "sanne") == ["Sanne Verbinder"]
    consent_withdraw(connector=person)
    assert not in_index(person)
    assert found(client, "sanne") == []
    body = client.get("/api/v1/_zoek", {"q": "sanne"}).json()
    assert body["wijkschakelaars"] == []


def test_the_api_and_the_kind_facet(client):
    ConnectorFactory(name="Sanne Verbinder", slug="sanne")
    body = client.get("/api/v1/_zoek", {"q": "sanne"}).json()
    assert body["wijkschakelaars"][0]["slug"] == "sanne"
    assert "email" not in str(body) and "@" not in str(body["wijkschakelaars"])
    assert {o["waarde"]: o["aantal"] for o in body["facetten"]["soort"]}["wijkschakelaar"] == 1
