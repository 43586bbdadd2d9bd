"""The topics API: `/api/v1/themas` and `/api/v1/themas/{slug}`."""

import datetime

import pytest
from rest_framework.authtoken.models import Token

from cases.tests.factories import CaseFactory
from topics.models import Topic
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

TOPICS = "/api/v1/themas"


def all_topics(client, **headers) -> list[dict]:
    """Every topic, following the pages."""
    results, url = [], TOPICS
    while url:
        body = client.get(url, **headers).json()
        results += body["resultaten"]
        url = body["_links"].get("next", {}).get("href")
    return results


@pytest.fixture
def topic(db):
    return TopicFactory(
        name="Buurtkracht", slug="buurtkracht", description="Wat bewoners zelf doen."
    )


def test_the_list_holds_every_topic_with_dutch_fields(client, topic):
    body = client.get(TOPICS).json()

    assert body["aantal"] == Topic.objects.count()
    listed = all_topics(client)
    assert {item["slug"] for item in listed} == set(Topic.objects.values_list("slug", flat=True))
    (item,) = [item for item in listed if item["slug"] == "buurtkracht"]
    assert datetime.datetime.fromisoformat(item.pop("gewijzigdOp")) == topic.updated_at
    assert item == {
        "slug": "buurtkracht",
        "naam": "Buurtkracht",
        "beschrijving": "Wat bewoners zelf doen.",
        "aantalPraktijkvoorbeelden": 0,
        "_links": {
            "self": {"href": "http://testserver/api/v1/themas/buurtkracht"},
            "webpagina": {"href": "http://testserver/themas/buurtkracht/"},
        },
    }


def test_the_list_follows_the_editors_order(client):
    Topic.objects.all().delete()
    TopicFactory(name="Zwerfvuil", slug="zwerfvuil", sort_order=1)
    TopicFactory(name="Armoede", slug="armoede", sort_order=3)
    TopicFactory(name="Mantelzorg", slug="mantelzorg", sort_order=2)
    TopicFactory(name="Buren", slug="buren", sort_order=3)
    CaseFactory(topics=list(Topic.objects.all()))

    listed = [item["slug"] for item in client.get(TOPICS).json()["resultaten"]]

    # By the editors' sort order, then by name; counting cases must not change that.
    assert listed == ["zwerfvuil", "mantelzorg", "armoede", "buren"]


def test_pages_of_topics_neither_repeat_nor_skip(client):
    for n in range(25):
        TopicFactory(name=f"Extra {n:02d}", slug=f"extra-{n:02d}", sort_order=n % 3)

    first = client.get(TOPICS, {"paginaGrootte": 10}).json()
    listed = [item["slug"] for item in first["resultaten"]]
    url = first["_links"].get("next", {}).get("href")
    while url:
        page = client.get(url).json()
        listed += [item["slug"] for item in page["resultaten"]]
        url = page["_links"].get("next", {}).get("href")

    assert len(listed) == len(set(listed)) == Topic.objects.count()


def test_a_topic_by_its_slug(client, topic):
    CaseFactory(topics=[topic])
    CaseFactory(topics=[topic])

    body = client.get(f"{TOPICS}/buurtkracht").json()

    assert body["naam"] == "Buurtkracht"
    assert body["aantalPraktijkvoorbeelden"] == 2


def test_an_unknown_topic_is_not_found(client, topic):
    response = client.get(f"{TOPICS}/bestaat-niet")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_counts_leave_out_drafts_and_closed_spaces(client, topic, closed_space, public_space):
    CaseFactory(topics=[topic])
    CaseFactory(topics=[topic], space=public_space)
    CaseFactory(topics=[topic], live=False)
    CaseFactory(topics=[topic], space=closed_space)
    other = TopicFactory(name="Alleen verborgen", slug="alleen-verborgen")
    CaseFactory(topics=[other], space=closed_space)

    counts = {item["slug"]: item["aantalPraktijkvoorbeelden"] for item in all_topics(client)}

    assert counts["buurtkracht"] == 2
    assert counts["alleen-verborgen"] == 0
    assert client.get(f"{TOPICS}/alleen-verborgen").json()["aantalPraktijkvoorbeelden"] == 0


def test_a_member_counts_the_cases_of_their_space(client, topic, closed_space, member):
    CaseFactory(topics=[topic])
    CaseFactory(topics=[topic], space=closed_space)
    token, _ = Token.objects.get_or_create(user=member)

    body = client.get(f"{TOPICS}/buurtkracht", HTTP_AUTHORIZATION=f"Token {token.key}").json()

    assert body["aantalPraktijkvoorbeelden"] == 2


def test_a_case_with_several_topics_counts_once_per_topic(client, topic):
    other = TopicFactory(name="Jeugd", slug="jeugd")
    CaseFactory(topics=[topic, other])

    counts = {item["slug"]: item["aantalPraktijkvoorbeelden"] for item in all_topics(client)}

    assert counts["buurtkracht"] == 1
    assert counts["jeugd"] == 1
