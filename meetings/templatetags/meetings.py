"""`{% upcoming_meetings space=... topic=... municipality=... %}`: a block of the coming meetings
for the space, topic and municipality pages, through `Meeting.objects.visible_to` of the
visitor (a closed space's meetings only for its members)."""

from __future__ import annotations

from django import template
from django.urls import reverse

from meetings.models import Meeting

register = template.Library()

BLOCK_MEETINGS = 5


@register.inclusion_tag("meetings/_meeting_block.html", takes_context=True)
def upcoming_meetings(context, space=None, topic=None, municipality=None) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"meetings": []}
    meetings = Meeting.objects.visible_to(user).upcoming().with_list_data()
    more_url = reverse("meetings:list")
    if space is not None:
        meetings = meetings.filter(space=space)
        more_url = reverse("space_meetings:list", kwargs={"slug": space.slug})
    if topic is not None:
        meetings = meetings.filter(topics=topic)
        more_url += f"?thema={topic.slug}"
    if municipality is not None:
        meetings = meetings.filter(municipality=municipality)
        more_url += f"?gemeente={municipality.slug}"
    return {
        "meetings": list(meetings[:BLOCK_MEETINGS]),
        "show_space": space is None,
        "more_url": more_url,
        "space": space,
    }
