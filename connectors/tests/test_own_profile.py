"""A wijkschakelaar keeps their own profile from Mijn kennisplatform."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.tests.factories import verified_user
from connectors.models import Connector
from connectors.tests.factories import ConnectorFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = verified_user()
    client.force_login(user)
    return user


def test_only_the_linked_person_reaches_the_edit_page(client, person):
    assert client.get("/mijn/wijkschakelaar/").status_code == 404
    ConnectorFactory()  # someone else's
    assert client.get("/mijn/wijkschakelaar/").status_code == 404
    assert client.post("/mijn/wijkschakelaar/toestemming/intrekken/").status_code == 404


def test_edit_own_profile_keeps_a_revision(client, person):
    connector = ConnectorFactory(user=person, role="Opbouwwerker")
    topic = TopicFactory(slug="jongeren")
    page = client.get("/mijn/wijkschakelaar/")
    assert page.status_code == 200
    assert "Waar weet u veel van?" in page.content.decode()
    response = client.post(
        "/mijn/wijkschakelaar/",
        {
            "role": "Buurtsportcoach",
            "organisation": "Sportief Utrecht",
            "kind": connector.kind,
            "municipality": connector.municipality_id,
            "neighbourhoods": "Overvecht",
            "mandate": "",
            "bio": "Ik ken alle pleintjes.",
            "open_for_questions": "",
            "topics": [topic.pk],
        },
    )
    assert response.status_code == 302
    connector.refresh_from_db()
    assert connector.role == "Buurtsportcoach"
    assert not connector.open_for_questions
    assert list(connector.topics.all()) == [topic]
    assert connector.revisions.filter(user=person).exists()
    assert client.get(connector.get_absolute_url()).content.decode().count("Buurtsportcoach") >= 1


def test_invalid_input_is_shown_and_nothing_changes(client, person):
    connector = ConnectorFactory(user=person, role="Opbouwwerker")
    response = client.post("/mijn/wijkschakelaar/", {"role": "", "kind": "onbekend"})
    assert response.status_code == 400
    assert "Dit ging niet goed" in response.content.decode()
    connector.refresh_from_db()
    assert connector.role == "Opbouwwerker"


def test_withdrawing_consent_hides_the_profile_at_once_and_giving_it_shows_it(client, person):
    connector = ConnectorFactory(user=person)
    assert client.get(connector.get_absolute_url()).status_code == 200
    response = client.post("/mijn/wijkschakelaar/toestemming/intrekken/")
    assert response.status_code == 302
    assert client.get(connector.get_absolute_url()).status_code == 404
    assert not Connector.objects.visible_to(AnonymousUser()).filter(pk=connector.pk).exists()
    assert "Uw profiel is nu niet te zien" in client.get("/mijn/").content.decode()

    client.post("/mijn/wijkschakelaar/toestemming/geven/")
    assert client.get(connector.get_absolute_url()).status_code == 200
    consent = connector.consents.get(withdrawn_at__isnull=True)
    assert consent.recorded_by == person and consent.how == "Via Mijn kennisplatform"
