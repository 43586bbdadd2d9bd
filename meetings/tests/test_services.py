"""Registering, the waiting list, cancelling and the e-mails that go with them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, Registration
from meetings.rules import MeetingRefused
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from spaces.models import Membership

pytestmark = pytest.mark.django_db

LINK = "https://vergader.example.org/leernetwerk-geheim"
Status = Registration.Status


def mails_to(mailoutbox, user):
    return [m for m in mailoutbox if m.to == [user.email]]


def status_of(meeting, user):
    return Registration.objects.get(meeting=meeting, user=user).status


def test_registering_takes_places_until_full_then_the_waiting_list(people, committed, mailoutbox):
    meeting = MeetingFactory(capacity=2)
    for person in people[:3]:
        committed(services.register, user=person, meeting=meeting)
    assert [status_of(meeting, p) for p in people[:3]] == [
        Status.REGISTERED,
        Status.REGISTERED,
        Status.WAITING,
    ]
    assert meeting.places_left() == 0
    # The confirmation carries the online link; the waiting-list mail does not.
    confirmation = mails_to(mailoutbox, people[0])[0]
    assert "aangemeld" in confirmation.subject and LINK in confirmation.body
    waiting = mails_to(mailoutbox, people[2])[0]
    assert "wachtlijst" in waiting.subject.lower() and LINK not in waiting.body


def test_registering_twice_is_refused_and_changes_nothing(people, committed, mailoutbox):
    meeting = MeetingFactory(capacity=5)
    committed(services.register, user=people[0], meeting=meeting)
    with pytest.raises(MeetingRefused, match="al aangemeld"):
        services.register(user=people[0], meeting=meeting)
    assert meeting.registrations.count() == 1
    assert len(mailoutbox) == 1


def test_cancelling_moves_the_first_on_the_waiting_list_up(people, committed, mailoutbox):
    meeting = MeetingFactory(capacity=1)
    for person in people[:3]:
        committed(services.register, user=person, meeting=meeting)
    mailoutbox.clear()
    committed(services.cancel, user=people[0], meeting=meeting)
    assert status_of(meeting, people[0]) == Status.CANCELLED
    assert status_of(meeting, people[1]) == Status.REGISTERED  # first in line
    assert status_of(meeting, people[2]) == Status.WAITING
    moved = mails_to(mailoutbox, people[1])
    assert len(moved) == 1 and "plaats vrij" in moved[0].subject and LINK in moved[0].body
    assert "Afgemeld" in mails_to(mailoutbox, people[0])[0].subject
    assert LINK not in mails_to(mailoutbox, people[0])[0].body
    assert mails_to(mailoutbox, people[2]) == []


def test_leaving_the_waiting_list_frees_no_place(people, committed):
    meeting = MeetingFactory(capacity=1)
    for person in people[:3]:
        committed(services.register, user=person, meeting=meeting)
    committed(services.cancel, user=people[1], meeting=meeting)
    assert [status_of(meeting, p) for p in people[:3]] == [
        Status.REGISTERED,
        Status.CANCELLED,
        Status.WAITING,
    ]


def test_registering_again_after_cancelling_goes_to_the_back_of_the_queue(people, committed):
    meeting = MeetingFactory(capacity=1)
    for person in people[:3]:
        committed(services.register, user=person, meeting=meeting)
    committed(services.cancel, user=people[1], meeting=meeting)
    committed(services.register, user=people[1], meeting=meeting)
    committed(services.cancel, user=people[0], meeting=meeting)
    # people[2] waited longer than people[1], who came back later.
    assert status_of(meeting, people[2]) == Status.REGISTERED
    assert status_of(meeting, people[1]) == Status.WAITING


def test_registering_after_the_deadline_is_refused(people):
    meeting = MeetingFactory(registration_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(MeetingRefused, match="gesloten"):
        services.register(user=people[0], meeting=meeting)
    assert not meeting.registrations.exists()


def test_cancelling_after_the_deadline_still_gives_the_place_to_the_waiting_list(
    people, committed, mailoutbox
):
    meeting = MeetingFactory(capacity=1)
    committed(services.register, user=people[0], meeting=meeting)
    committed(services.register, user=people[1], meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(
        registration_deadline=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()
    mailoutbox.clear()
    committed(services.cancel, user=people[0], meeting=meeting)
    assert status_of(meeting, people[1]) == Status.REGISTERED
    assert LINK in mails_to(mailoutbox, people[1])[0].body
    # A newcomer cannot take a place after the deadline.
    with pytest.raises(MeetingRefused):
        services.register(user=people[2], meeting=meeting)


def test_cancelling_after_the_start_is_refused(people):
    meeting = MeetingFactory(capacity=1)
    RegistrationFactory(meeting=meeting, user=people[0])
    RegistrationFactory(meeting=meeting, user=people[1], status=Status.WAITING)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5), registration_deadline=None
    )
    meeting.refresh_from_db()
    with pytest.raises(MeetingRefused, match="al begonnen"):
        services.cancel(user=people[0], meeting=meeting)
    assert status_of(meeting, people[0]) == Status.REGISTERED
    assert status_of(meeting, people[1]) == Status.WAITING


def test_cancelling_without_a_registration_is_refused(people):
    meeting = MeetingFactory()
    with pytest.raises(MeetingRefused, match="niet aangemeld"):
        services.cancel(user=people[0], meeting=meeting)


def test_a_closed_space_meeting_admits_members_only(
    closed_meeting_space, space_member, outsider, committed
):
    meeting = MeetingFactory(space=closed_meeting_space, form=Meeting.Form.ONLINE, address="")
    with pytest.raises(MeetingRefused, match="Alleen leden"):
        services.register(user=outsider, meeting=meeting)
    committed(services.register, user=space_member, meeting=meeting)
    assert status_of(meeting, space_member) == Status.REGISTERED
    # A removed member can no longer register.
    Membership.objects.filter(user=space_member).update(status=Membership.Status.REMOVED)
    committed(services.cancel, user=space_member, meeting=meeting)
    with pytest.raises(MeetingRefused, match="Alleen leden"):
        services.register(user=space_member, meeting=meeting)


def test_raising_the_capacity_moves_the_waiting_list_up(editor, people, committed, mailoutbox):
    meeting = MeetingFactory(capacity=1, organiser=editor)
    for person in people[:3]:
        committed(services.register, user=person, meeting=meeting)
    data = {"capacity": 2, "space": None}
    committed(services.save_meeting, user=editor, data=data, meeting=meeting)
    assert status_of(meeting, people[1]) == Status.REGISTERED
    assert status_of(meeting, people[2]) == Status.WAITING


def test_only_editors_organise_public_meetings_and_moderators_their_space(
    outsider, editor, moderator, closed_space
):
    start = timezone.now() + timedelta(days=3)
    data = {
        "space": None,
        "title": "Buurtavond",
        "description": "Over de buurt.",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "form": Meeting.Form.PHYSICAL,
        "address": "Buurthuis",
        "online_url": "",
        "topics": [],
    }
    for user, space in ((outsider, None), (moderator, None), (outsider, closed_space)):
        with pytest.raises(MeetingRefused):
            services.save_meeting(user=user, data={**data, "space": space})
    assert not Meeting.objects.exists()
    meeting = services.save_meeting(user=moderator, data={**data, "space": closed_space})
    assert meeting.organiser == moderator and meeting.space == closed_space
    public = services.save_meeting(user=editor, data=data)
    assert public.space is None and public.slug != meeting.slug


def test_invalid_meetings_are_refused_with_a_message_per_field(editor):
    start = timezone.now() + timedelta(days=3)
    data = {
        "space": None,
        "title": "Online leernetwerk",
        "description": "Over de buurt.",
        "starts_at": start,
        "ends_at": start - timedelta(hours=1),
        "form": Meeting.Form.ONLINE,
        "address": "",
        "online_url": "",
        "registration_deadline": start + timedelta(days=1),
    }
    with pytest.raises(ValidationError) as error:
        services.save_meeting(user=editor, data=data)
    assert set(error.value.message_dict) >= {"ends_at", "online_url", "registration_deadline"}
    assert not Meeting.objects.exists()


def test_the_organiser_mails_participants_without_the_link(editor, people, committed, mailoutbox):
    meeting = MeetingFactory(capacity=1, organiser=editor)
    committed(services.register, user=people[0], meeting=meeting)
    committed(services.register, user=people[1], meeting=meeting)
    mailoutbox.clear()
    sent = services.mail_participants(
        user=editor,
        meeting=meeting,
        subject="Agenda",
        body="Neem uw vragen mee.",
        include_waiting=True,
    )
    assert sent == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([people[0].email, people[1].email])
    assert all(LINK not in m.body and "Neem uw vragen mee." in m.body for m in mailoutbox)
    mailoutbox.clear()
    services.mail_participants(
        user=editor,
        meeting=meeting,
        subject="Agenda",
        body="Alleen deelnemers.",
        include_waiting=False,
    )
    assert [m.to for m in mailoutbox] == [[people[0].email]]
    with pytest.raises(MeetingRefused):
        services.mail_participants(
            user=people[0], meeting=meeting, subject="x", body="y", include_waiting=True
        )


def test_the_report_links_what_the_meeting_touched(editor, people):
    from cases.tests.factories import CaseFactory

    meeting = MeetingFactory(organiser=editor)
    case = CaseFactory(title="Buurtkamer")
    services.save_report(
        user=editor, meeting=meeting, data={"report": "Het ging over buurtkamers.", "cases": [case]}
    )
    meeting.refresh_from_db()
    assert meeting.report == "Het ging over buurtkamers."
    assert list(case.meetings.all()) == [meeting]
    with pytest.raises(MeetingRefused):
        services.save_report(user=people[0], meeting=meeting, data={"report": "Nee"})
    meeting.refresh_from_db()
    assert meeting.report == "Het ging over buurtkamers."


def test_the_organiser_edits_their_meeting_but_cannot_move_it(people, closed_space, committed):
    organiser = people[0]
    meeting = MeetingFactory(organiser=organiser)
    committed(
        services.save_meeting, user=organiser, data={"title": "Nieuwe titel"}, meeting=meeting
    )
    meeting.refresh_from_db()
    assert meeting.title == "Nieuwe titel" and meeting.space is None
    with pytest.raises(MeetingRefused):
        services.save_meeting(user=organiser, data={"space": closed_space}, meeting=meeting)
    with pytest.raises(MeetingRefused):
        services.save_meeting(user=people[1], data={"title": "Gekaapt"}, meeting=meeting)
    meeting.refresh_from_db()
    assert (meeting.title, meeting.space) == ("Nieuwe titel", None)
