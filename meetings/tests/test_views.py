"""The meeting pages as visitors use them: the agenda and its filters, a meeting, registering
by a form post, and the organiser's pages (form, report, participants, CSV, message)."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Meeting, Registration
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from municipalities.tests.factories import MunicipalityFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_the_agenda_lists_upcoming_meetings_and_filters(client):
    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    town = MunicipalityFactory(name="Wijkdorp", slug="wijkdorp", cbs_code="GM0997")
    safe = MeetingFactory(title="Veilige buurt", topics=[topic], municipality=town)
    online = MeetingFactory(title="Online intervisie", form=Meeting.Form.ONLINE, address="")
    past = MeetingFactory(
        title="Terugblik",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=1),
    )
    page = client.get("/bijeenkomsten/").content.decode()
    assert safe.title in page and online.title in page and past.title not in page
    page = client.get("/bijeenkomsten/?periode=voorbij").content.decode()
    assert past.title in page and safe.title not in page
    page = client.get("/bijeenkomsten/?thema=veiligheid").content.decode()
    assert safe.title in page and online.title not in page
    page = client.get("/bijeenkomsten/?gemeente=wijkdorp").content.decode()
    assert safe.title in page and online.title not in page
    page = client.get("/bijeenkomsten/?vorm=online").content.decode()
    assert online.title in page and safe.title not in page
    response = client.get("/bijeenkomsten/?vorm=onzin")
    assert response.status_code == 200
    assert "kennen we niet" in response.content.decode()


def test_the_agenda_query_count_does_not_grow(client, django_assert_max_num_queries):
    for _n in range(3):
        MeetingFactory(topics=[TopicFactory()], municipality=MunicipalityFactory())
    with django_assert_max_num_queries(9):
        client.get("/bijeenkomsten/")
    for _n in range(10):
        MeetingFactory(topics=[TopicFactory()], municipality=MunicipalityFactory())
    with django_assert_max_num_queries(9):
        client.get("/bijeenkomsten/")


def test_registering_and_cancelling_through_the_page(client, outsider, mailoutbox):
    meeting = MeetingFactory(capacity=1)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Log in om u aan te melden" in page
    client.force_login(outsider)
    response = client.post(f"{meeting.get_absolute_url()}aanmelden/", follow=True)
    assert "U bent aangemeld" in response.content.decode()
    assert meeting.online_url in response.content.decode()
    other = UserFactory()
    client.force_login(other)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Zet mij op de wachtlijst" in page
    response = client.post(f"{meeting.get_absolute_url()}aanmelden/", follow=True)
    assert "als nummer 1" in response.content.decode()
    assert meeting.online_url not in response.content.decode()
    client.force_login(outsider)
    client.post(f"{meeting.get_absolute_url()}afmelden/")
    assert Registration.objects.get(user=other).status == Registration.Status.REGISTERED


def test_registering_needs_a_post(client, outsider):
    meeting = MeetingFactory()
    client.force_login(outsider)
    assert client.get(f"{meeting.get_absolute_url()}aanmelden/").status_code == 405
    assert not Registration.objects.exists()


def test_a_refusal_shows_its_reason_and_changes_nothing(client, outsider):
    meeting = MeetingFactory(registration_deadline=timezone.now() - timedelta(hours=1))
    client.force_login(outsider)
    response = client.post(f"{meeting.get_absolute_url()}aanmelden/", follow=True)
    assert "Aanmelden voor deze bijeenkomst is gesloten." in response.content.decode()
    assert not Registration.objects.exists()


def test_organiser_pages_are_for_organisers(client, outsider, editor):
    meeting = MeetingFactory(organiser=editor)
    for suffix in ("bewerken/", "verslag/", "deelnemers/", "deelnemers.csv"):
        url = f"{meeting.get_absolute_url()}{suffix}"
        assert client.get(url).status_code == 302  # to the login
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        client.force_login(editor)
        assert client.get(url).status_code == 200
        client.logout()
    client.force_login(outsider)
    assert client.get("/bijeenkomsten/nieuw/").status_code == 403


def test_an_editor_creates_a_public_meeting_through_the_form(client, editor):
    client.force_login(editor)
    data = {
        "title": "Buurtavond Overvecht",
        "description": "Wat werkt in de wijk?",
        "starts_at": "2027-05-12T19:30",
        "ends_at": "2027-05-12T21:30",
        "form": "hybride",
        "address": "Buurthuis",
        "online_url": "https://vergader.example.org/overvecht",
        "capacity": "30",
    }
    response = client.post("/bijeenkomsten/nieuw/", {**data, "online_url": ""})
    assert response.status_code == 400
    assert "Vul de link in voor online deelname." in response.content.decode()
    assert not Meeting.objects.exists()
    response = client.post("/bijeenkomsten/nieuw/", data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.space is None and meeting.organiser == editor and meeting.capacity == 30
    assert timezone.localtime(meeting.starts_at).hour == 19


def test_the_csv_export_is_formula_safe(client, editor):
    meeting = MeetingFactory(organiser=editor)
    sly = UserFactory(username="sly", first_name='=HYPERLINK("http://x")', email="s@example.org")
    RegistrationFactory(meeting=meeting, user=sly)
    RegistrationFactory(meeting=meeting, status=Registration.Status.CANCELLED)
    client.force_login(editor)
    response = client.get(f"{meeting.get_absolute_url()}deelnemers.csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Naam", "E-mailadres", "Status", "Aangemeld op"]
    assert len(rows) == 2  # the cancelled one is not on the list
    assert rows[1][0].startswith("'=")


def test_the_organiser_mails_from_the_participants_page(client, editor, mailoutbox):
    meeting = MeetingFactory(organiser=editor)
    registration = RegistrationFactory(meeting=meeting)
    client.force_login(editor)
    response = client.post(
        f"{meeting.get_absolute_url()}deelnemers/", {"subject": "", "body": "Tot dan"}
    )
    assert response.status_code == 400 and mailoutbox == []
    client.post(
        f"{meeting.get_absolute_url()}deelnemers/",
        {"subject": "Tot dan", "body": "Neem koffie mee"},
    )
    assert [m.to for m in mailoutbox] == [[registration.user.email]]


def test_the_report_page_links_only_what_readers_may_see(client, editor, closed_space):
    from cases.tests.factories import CaseFactory

    meeting = MeetingFactory(organiser=editor)
    public_case = CaseFactory(title="Buurtkamer open")
    closed_case = CaseFactory(title="Geheim voorbeeld", space=closed_space)
    client.force_login(editor)
    url = f"{meeting.get_absolute_url()}verslag/"
    # The form offers no case of a closed space for a public meeting.
    assert "Geheim voorbeeld" not in client.get(url).content.decode()
    response = client.post(url, {"report": "Goed gesprek.", "cases": [closed_case.pk]})
    assert response.status_code == 400
    client.post(url, {"report": "Goed gesprek.", "cases": [public_case.pk]})
    client.logout()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Goed gesprek." in page and "Buurtkamer open" in page


def test_blocks_on_topic_municipality_and_space_pages(client, closed_meeting_space, space_member):
    topic = TopicFactory(name="Ontschotting", slug="ontschotting")
    town = MunicipalityFactory(name="Wijkdorp", slug="wijkdorp", cbs_code="GM0997")
    MeetingFactory(title="Open avond", topics=[topic], municipality=town)
    MeetingFactory(
        title="Besloten leeravond", topics=[topic], municipality=town, space=closed_meeting_space
    )
    for url in ("/themas/ontschotting/", "/gemeenten/wijkdorp/"):
        page = client.get(url).content.decode()
        assert "Open avond" in page and "Besloten leeravond" not in page
    client.force_login(space_member)
    assert "Besloten leeravond" in client.get("/ruimtes/leernetwerk/").content.decode()
    assert "Besloten leeravond" in client.get("/themas/ontschotting/").content.decode()


def test_a_moderator_organises_in_their_own_space_only(client, moderator, closed_space):
    from spaces.tests.factories import SpaceFactory

    other = SpaceFactory(name="Andere ruimte", slug="andere")
    client.force_login(moderator)
    page = client.get("/bijeenkomsten/nieuw/?ruimte=besloten").content.decode()
    assert "Besloten intervisie" in page and "Andere ruimte" not in page
    assert "Openbare agenda" not in page
    data = {
        "title": "Intervisie online",
        "description": "Wat ging er mis?",
        "starts_at": "2027-05-12T15:00",
        "ends_at": "2027-05-12T16:30",
        "form": "online",
        "online_url": "https://vergader.example.org/intervisie",
    }
    response = client.post("/bijeenkomsten/nieuw/", {**data, "space": other.pk})
    assert response.status_code == 400 and not Meeting.objects.exists()
    response = client.post("/bijeenkomsten/nieuw/", data)
    assert response.status_code == 400 and not Meeting.objects.exists()
    client.post("/bijeenkomsten/nieuw/", {**data, "space": closed_space.pk})
    assert Meeting.objects.get().space == closed_space
