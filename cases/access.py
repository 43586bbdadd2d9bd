"""The one way to get a case by its address, for the site's pages and the API alike."""

from __future__ import annotations

from django.http import Http404

from cases.models import Case, CaseSlugRedirect
from core.access import ObjectMoved, Visitor


def access_case_by_slug(user: Visitor, slug: str) -> Case:
    """The case at `slug` that `user` may see, with everything its page shows.

    Raises ObjectMoved for an old address of a renamed case, and Http404 for a case that is
    missing or hidden from `user`: the two look the same from outside.
    """
    visible = Case.objects.visible_to(user)
    case = visible.with_detail_data().filter(slug=slug).first()
    if case is not None:
        return case
    moved = (
        CaseSlugRedirect.objects.filter(old_slug=slug, case__in=visible)
        .values_list("case__slug", flat=True)
        .first()
    )
    if moved is None:
        raise Http404
    raise ObjectMoved(moved)
