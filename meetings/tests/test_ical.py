"""The calendar files: RFC 5545 escaping and folding, and a real iCalendar parser reads them.

The parser is the `icalendar` package (a development dependency)."""

from datetime import UTC, datetime

import icalendar
import pytest

from meetings import ical
from meetings.models import Meeting
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

TRICKY = "Wijk; buurt, straat \\ plein — één “overleg”\nTweede regel"


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_text_is_escaped_and_long_lines_are_folded_at_75_octets():
    meeting = MeetingFactory(
        title=TRICKY, description="Ü" * 200 + "\n" + "wijkaanpak " * 30, form=Meeting.Form.HYBRID
    )
    body = ical.calendar([ical.event_for(meeting, with_link=False)], name=TRICKY)
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    for line in body.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    lines = unfold(body)
    assert "SUMMARY:Wijk\\; buurt\\, straat \\\\ plein — één “overleg”\\nTweede regel" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "Ü" * 200 in description  # no character split by folding


def test_fold_never_splits_a_character():
    line = "X:" + "€" * 100  # three octets each
    folded = ical.fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


def test_a_standard_parser_reads_the_files(client):
    meeting = MeetingFactory(
        title=TRICKY,
        starts_at=datetime(2027, 3, 28, 8, 0, tzinfo=UTC),
        ends_at=datetime(2027, 3, 28, 10, 0, tzinfo=UTC),
    )
    MeetingFactory(title="Tweede", slug="tweede")
    for url in (f"{meeting.get_absolute_url()}agenda.ics", "/bijeenkomsten/agenda.ics"):
        response = client.get(url)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = icalendar.Calendar.from_ical(response.content.decode())
        events = calendar.walk("VEVENT")
        assert events
        event = next(e for e in events if str(e["UID"]).startswith(f"bijeenkomst-{meeting.pk}@"))
        assert str(event["SUMMARY"]) == TRICKY
        assert event.decoded("DTSTART") == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
        assert event.decoded("DTEND") == datetime(2027, 3, 28, 10, 0, tzinfo=UTC)
        assert "Dorpsstraat 1" in str(event["LOCATION"])
        for component in calendar.walk():
            assert not getattr(component, "errors", []), component.errors
