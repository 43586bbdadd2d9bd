"""The wijkschakelaars list with filters, the profile page and the API."""

import pytest
from django.contrib.auth.models import Group

from cases.editorial import EDITORS_GROUP
from cases.tests.factories import CaseFactory
from connectors.models import Connector, Kind
from connectors.tests.factories import ConnectorFactory
from municipalities.tests.factories import MunicipalityFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    zwolle = MunicipalityFactory(name="Zwolle", slug="zwolle", cbs_code="GM0193")
    youth, safety = TopicFactory(slug="jongeren"), TopicFactory(slug="veiligheid")
    return {
        "anna": ConnectorFactory(name="Anna", municipality=utrecht, topics=[youth]),
        "bram": ConnectorFactory(
            name="Bram", municipality=utrecht, topics=[safety], kind=Kind.RESIDENT
        ),
        "cor": ConnectorFactory(
            name="Cor", municipality=zwolle, topics=[youth, safety], open_for_questions=False
        ),
    }


def names(client, query: str) -> list[str]:
    return [c.name for c in client.get(f"/wijkschakelaars/{query}").context["page"]]


def test_filters_combine_and_are_shareable(client, people):
    assert names(client, "") == ["Anna", "Bram", "Cor"]
    assert names(client, "?gemeente=utrecht") == ["Anna", "Bram"]
    assert names(client, "?thema=jongeren") == ["Anna", "Cor"]
    assert names(client, "?thema=jongeren&thema=veiligheid&gemeente=zwolle") == ["Cor"]
    assert names(client, "?soort=bewoner") == ["Bram"]
    assert names(client, "?beschikbaar=true&thema=jongeren") == ["Anna"]
    html = client.get("/wijkschakelaars/?gemeente=utrecht").content.decode()
    assert 'value="utrecht" checked' in html


def test_profile_shows_cases_and_topics_and_offers_contact(client, closed_space):
    youth = TopicFactory(name="Jongeren", slug="jongeren")
    public = CaseFactory(title="Straatcoaches")
    hidden = CaseFactory(title="Geheim project", space=closed_space)
    person = ConnectorFactory(
        name="Anna", topics=[youth], cases=[public, hidden], mandate="Mag budget toekennen."
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Straatcoaches" in html and "Geheim project" not in html
    assert "Jongeren" in html and "Mag budget toekennen." in html
    assert f"{person.get_absolute_url()}contact/" in html
    assert person.email not in html


def test_list_and_profile_query_counts(client, people, django_assert_num_queries):
    # people with municipality, their topics, municipalities and topics for the filters, count
    with django_assert_num_queries(5):
        client.get("/wijkschakelaars/")
    # person, topics, cases (with municipality; their topics only when there are cases)
    with django_assert_num_queries(3):
        client.get(people["anna"].get_absolute_url())


def test_api_has_public_fields_only(client, people):
    body = client.get("/api/v1/wijkschakelaars", {"gemeente": "utrecht"}).json()
    assert [p["naam"] for p in body["resultaten"]] == ["Anna", "Bram"]
    anna = body["resultaten"][0]
    assert set(anna) == {
        "slug",
        "naam",
        "rol",
        "organisatie",
        "soort",
        "gemeente",
        "wijken",
        "expertise",
        "mandaat",
        "beschrijving",
        "openVoorVragen",
        "isVoorbeeld",
        "praktijkvoorbeelden",
        "gewijzigdOp",
        "_links",
    }
    text = str(client.get(f"/api/v1/wijkschakelaars/{people['anna'].slug}").json())
    assert people["anna"].email not in text and "toestemming" not in text.lower()
    assert client.get("/api/v1/wijkschakelaars", {"soort": "x"}).status_code == 400


def test_api_query_count(client, people, django_assert_num_queries):
    # visible case ids, count, page with municipality, topics, cases
    with django_assert_num_queries(5):
        client.get("/api/v1/wijkschakelaars")


def test_editors_get_a_persons_data_as_a_file(client, editor):
    person = ConnectorFactory(name="Anna")
    assert client.get(f"/beheer/wijkschakelaars/{person.pk}/gegevens.json").status_code == 302
    client.force_login(UserFactory())  # no editor
    assert client.get(f"/beheer/wijkschakelaars/{person.pk}/gegevens.json").status_code in (
        302,
        403,
    )
    client.force_login(editor)
    response = client.get(f"/beheer/wijkschakelaars/{person.pk}/gegevens.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="gegevens-{person.slug}.json"'
    data = response.json()
    assert data["emailadres"] == person.email
    assert data["toestemmingen"][0]["gegevenDoor"] == "Anna"


def test_every_change_in_the_back_office_is_logged(client):
    editor = UserFactory(username="eva", groups=[Group.objects.get(name=EDITORS_GROUP)])
    person = ConnectorFactory(name="Anna", role="Opbouwwerker")
    client.force_login(editor)
    edit_url = f"/beheer/snippets/connectors/connector/edit/{person.pk}/"
    form = client.get(edit_url).context["form"]
    data = {
        name: field.value() if field.value() is not None else ""
        for name, field in ((f.name, f) for f in form)
    }
    data.update(form.formsets["consents"].management_form.initial)
    for key, value in form.formsets["consents"].management_form.initial.items():
        data[f"consents-{key}"] = value
    consent = person.consents.get()
    data.update(
        {
            "role": "Wijkregisseur",
            "topics": [],
            "cases": [],
            "consents-0-id": consent.pk,
            "consents-0-given_by": consent.given_by,
            "consents-0-given_at": consent.given_at.strftime("%Y-%m-%d %H:%M"),
            "consents-0-purpose": consent.purpose,
            "consents-0-how": consent.how,
            "consents-0-withdrawn_at": "",
            "consents-0-ORDER": "1",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    revision = Connector.objects.get(pk=person.pk).revisions.latest("created_at")
    assert revision.user == editor and revision.content["role"] == "Wijkregisseur"
