"""The one way to get a meeting by its address: 404 when the visitor may not see it, exactly
like a missing one."""

from __future__ import annotations

from django.http import Http404

from core.access import Visitor
from meetings.models import Meeting


def access_meeting(user: Visitor, slug: str) -> Meeting:
    meeting = (
        Meeting.objects.visible_to(user)
        .filter(slug=slug)
        .select_related("space", "municipality", "organiser", "dialogue")
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting
