"""Public pages for practice cases. Every query starts from `Case.objects.visible_to(user)`."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from cases.models import Case, CaseSlugRedirect
from cases.selectors import related_cases
from connectors.models import Connector
from dialogues.selectors import statements_about_case
from search.services import search_cases

CASES_PER_PAGE = 20


def paginate(request: HttpRequest, queryset, per_page: int = CASES_PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


def case_list(request: HttpRequest) -> HttpResponse:
    # The list is the search without words (newest first), with words ranked: one road to
    # results and their counts (search/services.py).
    search = search_cases(user=request.user, data=request.GET)
    page = paginate(request, search.results)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "filterset": search.filterset,
            "facets": search.facets,
            "page": page,
            "query_without_page": query.urlencode(),
            "has_filters": any(k != "pagina" and v for k, v in request.GET.items()),
        },
    )


def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    visible = Case.objects.visible_to(request.user)
    case = (
        visible.select_related("municipality", "space")
        .prefetch_related(
            "topics", "domains", "target_groups", "tags", "sources", "attachments__document"
        )
        .filter(slug=slug)
        .first()
    )
    if case is None:
        # An old address of a renamed case; a hidden case answers 404 like a missing one.
        moved = (
            CaseSlugRedirect.objects.filter(old_slug=slug, case__in=visible)
            .select_related("case")
            .first()
        )
        if moved is None:
            raise Http404
        return redirect("cases:detail", slug=moved.case.slug, permanent=True)
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "related_cases": related_cases(case, request.user),
            "statements": statements_about_case(case, request.user),
            "connectors": Connector.objects.visible_to(request.user)
            .filter(cases=case)
            .select_related("municipality"),
        },
    )
