"""A small iCalendar (RFC 5545) writer for meetings.

No iCalendar library is installed, and what the site needs is small: VEVENTs with UTC times
(so no VTIMEZONE: every calendar converts UTC to its own zone, around summer time too), text
escaped (section 3.3.11) and lines folded at 75 octets without splitting a UTF-8 character
(section 3.1), CRLF line ends.

Whether the online link is included is decided by the caller, per event
(`Meeting.link_visible_to`); feeds never include it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

LINE_OCTETS = 75
PRODID = "-//Kennisplatform Wijkaanpak//Bijeenkomsten//NL"


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets; continuation lines start with a
    space (which counts towards their 75)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    parts, current, limit = [], b"", LINE_OCTETS
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", LINE_OCTETS - 1
        current += octets
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


@dataclass
class Event:
    uid: str
    starts_at: datetime
    ends_at: datetime
    updated_at: datetime
    summary: str
    description: str
    url: str
    location: str = ""


def event_for(meeting, *, with_link: bool) -> Event:
    page = settings.SITE_URL + meeting.get_absolute_url()
    description = meeting.description.strip()
    location_parts = []
    if meeting.is_physical and meeting.address:
        location_parts.append(" ".join(meeting.address.split()))
    if meeting.is_online:
        if with_link:
            location_parts.append(meeting.online_url)
            description += f"\n\nOnline deelnemen: {meeting.online_url}"
        else:
            location_parts.append("Online")
    description += f"\n\n{page}"
    return Event(
        uid=f"bijeenkomst-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        updated_at=meeting.updated_at,
        summary=meeting.title,
        description=description,
        url=page,
        location=", ".join(location_parts),
    )


def calendar(events: Iterable[Event], *, name: str) -> str:
    now = utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{now}",
            f"DTSTART:{utc(event.starts_at)}",
            f"DTEND:{utc(event.ends_at)}",
            f"LAST-MODIFIED:{utc(event.updated_at)}",
            f"SUMMARY:{escape_text(event.summary)}",
            f"DESCRIPTION:{escape_text(event.description)}",
            f"URL:{event.url}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        lines += ["STATUS:CONFIRMED", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
