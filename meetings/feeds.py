"""Calendar feeds (iCalendar): the public agenda (/bijeenkomsten/agenda.ics) and a public
space's meetings (/ruimtes/<slug>/bijeenkomsten/agenda.ics).

Feeds are fetched without logging in and kept by calendar apps and proxies, so they are
computed for `ANONYMOUS` whoever asks: a closed space answers 404, for its members too (each
meeting's own .ics is theirs), and no feed carries an online link.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import ANONYMOUS
from meetings import ical
from meetings.models import Meeting
from spaces.models import Space

# Meetings that ended up to this long ago stay in the feed (calendars keep the recent past).
FEED_PAST = timedelta(days=90)
FEED_ITEMS = 200
FEED_CACHE_SECONDS = 15 * 60


def _feed(meetings, name: str, filename: str) -> HttpResponse:
    since = timezone.now() - FEED_PAST
    events = [
        ical.event_for(meeting, with_link=False)
        for meeting in meetings.filter(ends_at__gte=since).order_by("starts_at", "pk")[:FEED_ITEMS]
    ]
    response = HttpResponse(
        ical.calendar(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
    return response


def public_agenda(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.visible_to(ANONYMOUS).filter(space__isnull=True)
    name = _("Bijeenkomsten | %(site)s") % {"site": settings.SITE_NAME}
    return _feed(meetings, name, "bijeenkomsten.ics")


def space_agenda(request: HttpRequest, slug: str) -> HttpResponse:
    space = Space.objects.visible_to(ANONYMOUS).filter(slug=slug).first()
    if space is None:
        raise Http404
    meetings = Meeting.objects.visible_to(ANONYMOUS).filter(space=space)
    name = _("Bijeenkomsten in %(name)s") % {"name": space.name}
    return _feed(meetings, name, f"bijeenkomsten-{space.slug}.ics")
