"""The one way to get a discussion by its address: 404 when the visitor may not see it,
exactly like a missing one (a discussion in a closed space, a held or hidden one of someone
else, one in another space than the address says)."""

from __future__ import annotations

from django.http import Http404

from core.access import Visitor
from discussions.models import Discussion


def access_discussion(user: Visitor, space_slug: str, pk: int) -> Discussion:
    discussion = (
        Discussion.objects.visible_to(user)
        .filter(space__slug=space_slug, pk=pk)
        .select_related("space", "author")
        .first()
    )
    if discussion is None:
        raise Http404
    return discussion
