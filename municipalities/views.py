"""A page per municipality listing its visible cases."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cases.models import Case
from cases.views import paginate
from municipalities.models import Municipality


def municipality_list(request: HttpRequest) -> HttpResponse:
    visible_cases = Case.objects.visible_to(request.user)
    municipalities = (
        Municipality.objects.visible_to(request.user)
        .annotate(case_count=Count("cases", filter=Q(cases__in=visible_cases)))
        .filter(case_count__gt=0)
        .order_by("name")
    )
    return render(
        request, "municipalities/municipality_list.html", {"municipalities": municipalities}
    )


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality.objects.visible_to(request.user), slug=slug)
    cases = Case.objects.visible_to(request.user).filter(municipality=municipality)
    return render(
        request,
        "municipalities/municipality_detail.html",
        {"municipality": municipality, "page": paginate(request, cases.with_card_data())},
    )
