"""Public pages for practice cases. Every query starts from `Case.objects.visible_to(user)`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cases.access import access_case_by_slug
from cases.search import CaseResults, case_search
from cases.selectors import related_cases
from cases.sorting import SORT_PARAMETER, sort_links, sort_order, sorted_case_ids
from core.access import ObjectMoved
from core.pagination import PAGE_PARAMETER, paginate, query_without_page


def case_list(request: HttpRequest) -> HttpResponse:
    # The list is the search without words (newest first), with words ranked: one road to
    # results and their counts (cases/search.py).
    search = case_search(user=request.user, data=request.GET)
    results = search.results
    if order := sort_order(request.GET):
        results = CaseResults(request.user, sorted_case_ids(request.user, results.ids, order))
    return render(
        request,
        "cases/case_list.html",
        {
            "filterset": search.filterset,
            "facets": search.facets,
            "page": paginate(request, results),
            "query_without_page": query_without_page(request),
            "has_filters": any(
                k not in (PAGE_PARAMETER, SORT_PARAMETER) and v for k, v in request.GET.items()
            ),
            "sort_links": sort_links(request.GET, has_words=search.has_terms),
        },
    )


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case = access_case_by_slug(request.user, slug)
    except ObjectMoved as moved:
        return redirect("cases:detail", slug=moved.slug, permanent=True)
    # The wijkschakelaars and dialogue statements linked to the case, through the relations
    # their apps declare (they stand above cases): each kind still through its visible_to.
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "related_cases": related_cases(case, request.user),
            "statements": case.dialogue_statements.visible_to(request.user).about_page(),
            "connectors": case.connectors.visible_to(request.user).select_related("municipality"),
            # The public discussions that mention the case, through the relation discussions
            # declare (they stand above cases).
            "discussions": case.discussions.public().with_list_data().recent()[:10],
            "submitter_name": case.shown_submitter_name(request.user),
        },
    )
