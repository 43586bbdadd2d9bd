"""Page numbers on the site: one way to read `?pagina=` for every list."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_PARAMETER = "pagina"
PER_PAGE = 20


def paginate(request: HttpRequest, items, per_page: int = PER_PAGE) -> Page:
    """The page of `items` that `?pagina=` asks for; the first or last one for a number out
    of range or no number at all (a list page never fails on a stale link)."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))


def query_without_page(request: HttpRequest) -> str:
    """The query string of this request without its page number (for the page links)."""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    return query.urlencode()
