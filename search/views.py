"""The search page at /zoeken/."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cases.search import CaseResults
from cases.sorting import SORT_PARAMETER, sort_links, sort_order, sorted_case_ids
from core.pagination import PAGE_PARAMETER, paginate
from search.services import autocomplete, search_site

# How a facet named in the words is offered as a filter: "Alleen gemeente Utrecht?"
FACET_LABELS = {
    "gemeente": _("gemeente"),
    "uitkomst": _("uitkomst"),
    "thema": _("thema"),
    "doelgroep": _("doelgroep"),
}

RESULTS_PER_PAGE = 20


def search_page(request: HttpRequest) -> HttpResponse:
    search = search_site(user=request.user, data=request.GET)
    results = search.results
    if order := sort_order(request.GET):
        results = CaseResults(request.user, sorted_case_ids(request.user, results.ids, order))
    page = paginate(request, results, RESULTS_PER_PAGE)
    found = search.page(page.object_list, number=page.number, case_count=page.paginator.count)
    beside, kind_facet = found.beside, found.kind_facet
    kind_counts = [(option.label, option.count) for option in kind_facet.options if option.count]
    hints = []
    for hint in search.cases.hints:
        data = request.GET.copy()
        data.appendlist(hint.facet, hint.value)
        data.pop(PAGE_PARAMETER, None)
        label = FACET_LABELS.get(hint.facet, hint.facet)
        hints.append({"url": f"?{data.urlencode()}", "label": hint.label, "facet_label": label})
    return render(
        request,
        "search/search.html",
        {
            "search": search,
            "filterset": search.filterset,
            "facets": [kind_facet, *search.facets] if kind_facet.options else search.facets,
            "topics": beside.topics,
            "statements": beside.statements,
            "connectors": beside.connectors,
            "discussions": beside.discussions,
            "meetings": beside.meetings,
            "page": page,
            "hits": found.hits,
            "suggestion": search.suggestion() if not (page.paginator.count or beside) else None,
            # The heading counts what the page lists, per kind (cases on every page; topics,
            # statements, wijkschakelaars and discussions on the first).
            "result_count": sum(count for _label, count in kind_counts),
            "kind_counts": kind_counts,
            "capped": search.cases.capped,
            "hints": hints,
            "has_filters": any(
                k not in ("q", PAGE_PARAMETER, SORT_PARAMETER) and v for k, v in request.GET.items()
            ),
            # No empty "Filteren" column: only when some filter has a value to offer.
            "show_filters": any(facet.options for facet in search.facets),
            "sort_links": sort_links(request.GET, has_words=search.has_terms),
            # "Alle filters weghalen" keeps the words.
            "clear_url": reverse("search:search")
            + (f"?{urlencode({'q': search.query})}" if search.query else ""),
        },
    )


MAX_SUGGESTIONS = 8


@require_GET
def suggestions(request: HttpRequest) -> JsonResponse:
    """Titles of visible cases and names of topics that start with what was typed."""
    return JsonResponse(
        {
            "suggesties": autocomplete(
                user=request.user, prefix=request.GET.get("q", ""), limit=MAX_SUGGESTIONS
            )
        },
        headers={"Cache-Control": "private, max-age=60"},
    )
