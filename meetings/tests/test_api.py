"""`/api/v1/bijeenkomsten`: what the caller may see, filters, strict parameters, and no
participants' data."""

import pytest

from meetings.models import Meeting
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/bijeenkomsten"


def test_the_list_and_one_meeting(client):
    topic = TopicFactory(slug="veiligheid")
    meeting = MeetingFactory(title="Veilige wijk", topics=[topic], report="Goed gesprek.")
    RegistrationFactory(meeting=meeting)
    MeetingFactory(title="Online avond", form=Meeting.Form.ONLINE, address="")
    data = client.get(URL).json()
    assert data["aantal"] == 2
    item = next(r for r in data["resultaten"] if r["slug"] == meeting.slug)
    assert item["titel"] == "Veilige wijk" and item["vorm"] == "hybride"
    assert item["themas"] == [{"slug": "veiligheid", "naam": topic.name}]
    assert item["_links"]["agenda"]["href"].endswith(f"/bijeenkomsten/{meeting.slug}/agenda.ics")
    detail = client.get(f"{URL}/{meeting.slug}").json()
    assert detail["verslag"] == "Goed gesprek."
    text = str(detail)
    assert meeting.online_url not in text and "deelnemer" not in text.lower()
    assert client.get(f"{URL}?thema=veiligheid").json()["aantal"] == 1
    assert client.get(f"{URL}?vorm=online").json()["aantal"] == 1
    assert client.get(f"{URL}?ruimte=bestaat-niet").json()["aantal"] == 0


def test_unknown_parameters_and_values_are_refused(client):
    response = client.get(f"{URL}?kleur=rood")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert client.get(f"{URL}?vorm=onzin").status_code == 400
    assert client.get(f"{URL}/bestaat-niet").status_code == 404


def test_systems_sync_by_change_and_sort_by_start(client):
    from datetime import timedelta

    from django.utils import timezone

    soon = MeetingFactory(slug="binnenkort")
    later = MeetingFactory(
        slug="later",
        starts_at=soon.starts_at + timedelta(days=7),
        ends_at=soon.ends_at + timedelta(days=7),
    )
    Meeting.objects.filter(pk=soon.pk).update(updated_at=timezone.now() - timedelta(days=30))
    since = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = client.get(URL, {"gewijzigdSinds": since}).json()
    assert [item["slug"] for item in body["resultaten"]] == [later.slug]
    body = client.get(URL, {"sorteer": "-begin"}).json()
    assert [item["slug"] for item in body["resultaten"]] == ["later", "binnenkort"]
