"""The one way to get a space by its address: 404 when the visitor may not see it, exactly
like a missing one."""

from __future__ import annotations

from django.http import Http404

from core.access import Visitor
from spaces.models import Space
from spaces.services import can_moderate


def access_listed_space(user: Visitor, slug: str) -> Space:
    """A space whose front page `user` may see (`Space.objects.listed_to`)."""
    space = Space.objects.listed_to(user).filter(slug=slug).first()
    if space is None:
        raise Http404
    return space


def access_moderated_space(user: Visitor, slug: str) -> Space:
    """A space `user` moderates (or any space, for an editor); otherwise 404."""
    space = Space.objects.listed_to(user).filter(slug=slug).first()
    if space is None or not can_moderate(user, space):
        raise Http404
    return space
