"""Times around the change to and from summer time (Europe/Amsterdam): what the page shows,
what the calendar file says, what the form accepts and when the reminder goes out."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from meetings import ical, reminders
from meetings.forms import MeetingForm
from meetings.models import Registration
from meetings.tests.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(*args):
    return datetime(*args, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("starts", "utc_start"),
    [
        # Saturday before the change to summer time: UTC+1.
        (local(2027, 3, 27, 10, 0), "20270327T090000Z"),
        # Sunday 28 March 2027, after 02:00 became 03:00: UTC+2.
        (local(2027, 3, 28, 10, 0), "20270328T080000Z"),
        # Sunday 31 October 2027, after 03:00 became 02:00 again: UTC+1.
        (local(2027, 10, 31, 10, 0), "20271031T090000Z"),
        (local(2027, 10, 30, 10, 0), "20271030T080000Z"),
    ],
)
def test_calendar_times_are_utc_around_summer_time(starts, utc_start):
    meeting = MeetingFactory(starts_at=starts, ends_at=starts.replace(hour=12))
    body = ical.calendar([ical.event_for(meeting, with_link=False)], name="x")
    assert f"DTSTART:{utc_start}" in body


def test_a_meeting_across_the_night_of_the_change_lasts_its_real_length(client):
    # 01:00 to 04:00 local on the night to summer time is two hours, not three.
    meeting = MeetingFactory(starts_at=local(2027, 3, 28, 1, 0), ends_at=local(2027, 3, 28, 4, 0))
    meeting.refresh_from_db()  # as stored: UTC (Python subtracts same-zone times by the clock)
    assert meeting.ends_at - meeting.starts_at == (
        datetime(2027, 3, 28, 2, 0, tzinfo=UTC) - datetime(2027, 3, 28, 0, 0, tzinfo=UTC)
    )
    body = ical.calendar([ical.event_for(meeting, with_link=False)], name="x")
    assert "DTSTART:20270328T000000Z" in body and "DTEND:20270328T020000Z" in body
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "zondag 28 maart 2027, 01:00" in page and "04:00" in page


def test_the_page_shows_dutch_local_time(client):
    meeting = MeetingFactory(
        starts_at=datetime(2027, 10, 31, 9, 0, tzinfo=UTC),
        ends_at=datetime(2027, 10, 31, 11, 0, tzinfo=UTC),
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "zondag 31 oktober 2027, 10:00" in page  # UTC+1 after the change back


def form_data(starts: str, ends: str) -> dict:
    return {
        "title": "Avond",
        "description": "Over de buurt.",
        "starts_at": starts,
        "ends_at": ends,
        "form": "fysiek",
        "address": "Buurthuis",
    }


def test_the_form_reads_dutch_time_on_both_sides_of_the_change(editor):
    form = MeetingForm(data=form_data("2027-03-28T10:00", "2027-03-28T12:00"), user=editor)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_at"] == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    form = MeetingForm(data=form_data("2027-10-31T10:00", "2027-10-31T12:00"), user=editor)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts_at"] == datetime(2027, 10, 31, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "moment",
    [
        "2027-03-28T02:30",  # does not exist: the clock jumps from 02:00 to 03:00
        "2027-10-31T02:30",  # happens twice: the clock goes back from 03:00 to 02:00
    ],
)
def test_a_time_that_does_not_exist_or_occurs_twice_is_refused(editor, moment):
    form = MeetingForm(data=form_data(moment, "2027-12-01T12:00"), user=editor)
    assert not form.is_valid()
    assert "starts_at" in form.errors
    assert "tijdzone" in str(form.errors["starts_at"]).lower()


def test_the_reminder_goes_out_the_calendar_day_before_around_summer_time(mailoutbox):
    # A meeting at 00:30 on Sunday 28 March (UTC 23:30 on Saturday) is "tomorrow" on Saturday.
    early = MeetingFactory(
        starts_at=local(2027, 3, 28, 0, 30), ends_at=local(2027, 3, 28, 1, 30), slug="vroeg"
    )
    late = MeetingFactory(
        starts_at=local(2027, 3, 28, 23, 30), ends_at=local(2027, 3, 29, 0, 30), slug="laat"
    )
    monday = MeetingFactory(
        starts_at=local(2027, 3, 29, 0, 0), ends_at=local(2027, 3, 29, 1, 0), slug="maandag"
    )
    registrations = [RegistrationFactory(meeting=m) for m in (early, late, monday)]
    saturday_morning = local(2027, 3, 27, 8, 0)
    assert reminders.send_reminders(now=saturday_morning) == 2
    reminded = Registration.objects.filter(reminded_at__isnull=False)
    assert set(reminded) == set(registrations[:2])
    assert sorted(m.to[0] for m in mailoutbox) == sorted(r.user.email for r in registrations[:2])
    assert all(
        m.subject.endswith(f"Morgen: {r.meeting.title}")
        for m, r in zip(
            sorted(mailoutbox, key=lambda m: m.to[0]),
            sorted(registrations[:2], key=lambda r: r.user.email),
            strict=True,
        )
    )
    assert "https://vergader.example.org/leernetwerk-geheim" in mailoutbox[0].body


def test_the_reminder_is_sent_once_and_only_to_participants(mailoutbox):
    meeting = MeetingFactory(starts_at=local(2027, 6, 2, 19, 0), ends_at=local(2027, 6, 2, 21, 0))
    participant = RegistrationFactory(meeting=meeting)
    RegistrationFactory(meeting=meeting, status=Registration.Status.WAITING)
    RegistrationFactory(meeting=meeting, status=Registration.Status.CANCELLED)
    now = local(2027, 6, 1, 7, 0)
    assert reminders.send_reminders(now=now) == 1
    assert reminders.send_reminders(now=now) == 0
    assert [m.to for m in mailoutbox] == [[participant.user.email]]


def test_the_reminder_command_runs(capsys):
    from django.core.management import call_command

    call_command("send_meeting_reminders")
    assert "reminder(s) enqueued" in capsys.readouterr().out
