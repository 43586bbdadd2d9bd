"""The orders of the case list and the search page (`?sorteer=`).

The values are the names the API's `sorteer` takes for the same fields (cases/api.py,
`CaseViewSet.sort_fields`), so a shared address means the same order on both. No value is
the default: the best match first with words, the newest first without.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models.functions import Lower
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.access import Visitor
from core.pagination import PAGE_PARAMETER

SORT_PARAMETER = "sorteer"
SORT_NEWEST = "-gepubliceerdOp"
SORT_TITLE = "titel"
SORT_ORDERS = (SORT_NEWEST, SORT_TITLE)


def sort_order(data: QueryDict) -> str:
    """The order `data` asks for, or "" (the default order) for no or an unknown value."""
    value = data.get(SORT_PARAMETER, "")
    return value if value in SORT_ORDERS else ""


def sorted_case_ids(user: Visitor, ids: list[int], order: str) -> list[int]:
    """`ids` (of visible cases) in `order`: one query over the visible cases in that order,
    kept to those in `ids`, so the query does not grow with the number of ids."""
    if not order or not ids:
        return ids
    visible = Case.objects.visible_to(user)
    ordered = visible.order_by(Lower("title"), "pk") if order == SORT_TITLE else visible.recent()
    wanted = set(ids)
    return [pk for pk in ordered.values_list("pk", flat=True) if pk in wanted]


@dataclass(frozen=True)
class SortLink:
    label: Promise
    url: str
    current: bool


def sort_links(data: QueryDict, *, has_words: bool) -> list[SortLink]:
    """The orders to choose from, each as a link that keeps the words and filters (and goes
    back to the first page). "Relevantie" only with words: without, the default is newest."""
    chosen = sort_order(data)
    if not has_words and chosen == SORT_NEWEST:
        chosen = ""  # the default without words
    options = [("", _("Relevantie") if has_words else _("Nieuwste"))]
    if has_words:
        options.append((SORT_NEWEST, _("Nieuwste")))
    options.append((SORT_TITLE, _("A–Z")))
    links = []
    for value, label in options:
        query = data.copy()
        query.pop(PAGE_PARAMETER, None)
        query.pop(SORT_PARAMETER, None)
        if value:
            query[SORT_PARAMETER] = value
        links.append(SortLink(label, f"?{query.urlencode()}", value == chosen))
    return links
