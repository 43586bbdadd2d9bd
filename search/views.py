"""The search page at /zoeken/."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from search.services import search_cases

RESULTS_PER_PAGE = 20


def search_page(request: HttpRequest) -> HttpResponse:
    search = search_cases(user=request.user, data=request.GET)
    page = Paginator(search.results, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {
            "search": search,
            "filterset": search.filterset,
            "facets": search.facets,
            "page": page,
            "hits": search.hits(page.object_list),
            "suggestion": search.suggestion() if not page.paginator.count else None,
            "has_filters": any(k not in ("q", "pagina") and v for k, v in request.GET.items()),
        },
    )
