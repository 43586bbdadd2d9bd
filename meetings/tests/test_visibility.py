"""A meeting in a closed space leaks nowhere, and the online link reaches registered
participants (and the organiser) only: not on the page, in the .ics file, the feeds, the API
or in e-mails to others."""

import pytest
from rest_framework.authtoken.models import Token

from meetings import services
from meetings.models import Meeting, Registration
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LINK = "https://vergader.example.org/leernetwerk-geheim"


def everything(client, meeting, space_slug=None) -> dict[str, str]:
    urls = [
        meeting.get_absolute_url(),
        f"{meeting.get_absolute_url()}agenda.ics",
        "/bijeenkomsten/",
        "/bijeenkomsten/agenda.ics",
        f"/api/v1/bijeenkomsten/{meeting.slug}",
        "/api/v1/bijeenkomsten",
    ]
    if space_slug:
        urls += [
            f"/ruimtes/{space_slug}/bijeenkomsten/",
            f"/ruimtes/{space_slug}/bijeenkomsten/agenda.ics",
        ]
    return {url: client.get(url) for url in urls}


def api_client(client, user):
    token, _ = Token.objects.get_or_create(user=user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    client.force_login(user)
    return client


def test_the_online_link_reaches_participants_only(client, editor, committed, mailoutbox):
    meeting = MeetingFactory(capacity=1, organiser=UserFactory(username="organisator"))
    participant, waiting, reader = UserFactory(), UserFactory(), UserFactory()
    committed(services.register, user=participant, meeting=meeting)
    committed(services.register, user=waiting, meeting=meeting)
    services.mail_participants(
        user=meeting.organiser,
        meeting=meeting,
        subject="Info",
        body="Tot dan",
        include_waiting=True,
    )
    for user in (None, reader, waiting, editor):
        client.logout()
        client.defaults.pop("HTTP_AUTHORIZATION", None)
        if user is not None:
            api_client(client, user)
        for url, response in everything(client, meeting).items():
            assert response.status_code == 200, url
            assert LINK not in response.content.decode(), (user, url)
    for message in mailoutbox:
        if message.to != [participant.email]:
            assert LINK not in message.body, message.to
    assert any(LINK in m.body for m in mailoutbox if m.to == [participant.email])
    api_client(client, participant)
    assert LINK in client.get(meeting.get_absolute_url()).content.decode()
    ics = client.get(f"{meeting.get_absolute_url()}agenda.ics")
    assert LINK in ics.content.decode().replace("\r\n ", "")
    assert "no-store" in ics["Cache-Control"]
    # Feeds and the API never carry it, not even for a participant.
    for url in ("/bijeenkomsten/agenda.ics", f"/api/v1/bijeenkomsten/{meeting.slug}"):
        assert LINK not in client.get(url).content.decode().replace("\r\n ", "")


def test_a_closed_space_meeting_leaks_nowhere(
    client, closed_meeting_space, space_member, outsider, editor
):
    meeting = MeetingFactory(
        title="Geheime leeravond Xq9",
        space=closed_meeting_space,
        form=Meeting.Form.ONLINE,
        address="",
    )
    RegistrationFactory(meeting=meeting, user=space_member)
    for user in (None, outsider):
        client.logout()
        client.defaults.pop("HTTP_AUTHORIZATION", None)
        if user is not None:
            api_client(client, user)
        responses = everything(client, meeting, "leernetwerk")
        for url, response in responses.items():
            assert "Xq9" not in response.content.decode(), (user, url)
        assert responses[meeting.get_absolute_url()].status_code == 404
        assert responses[f"{meeting.get_absolute_url()}agenda.ics"].status_code == 404
        assert responses[f"/api/v1/bijeenkomsten/{meeting.slug}"].status_code == 404
        assert responses["/api/v1/bijeenkomsten"].json()["aantal"] == 0
    # Members see it, and get their link; the space's feed stays closed even for them.
    api_client(client, space_member)
    responses = everything(client, meeting, "leernetwerk")
    assert "Xq9" in responses[meeting.get_absolute_url()].content.decode()
    assert LINK in responses[meeting.get_absolute_url()].content.decode()
    assert "Xq9" in responses[f"/api/v1/bijeenkomsten/{meeting.slug}"].content.decode()
    assert responses["/ruimtes/leernetwerk/bijeenkomsten/agenda.ics"].status_code == 404
    assert "Xq9" not in responses["/bijeenkomsten/agenda.ics"].content.decode()
    # An editor reads it, without the link (not a participant).
    api_client(client, editor)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Xq9" in page and LINK not in page


def test_a_draft_meeting_is_for_editors_only(client, outsider, editor):
    meeting = MeetingFactory(live=False)
    client.force_login(outsider)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert not Registration.objects.exists()
