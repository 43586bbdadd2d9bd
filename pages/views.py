"""Pages that gather several kinds of content: the home page, topic pages and municipality
pages. Each kind comes through its own `visible_to(user)`; counts count visible cases only."""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from cases.models import Case
from cases.selectors import with_visible_case_counts
from connectors.models import Connector
from core.pagination import paginate
from dialogues.selectors import statements_about_topic
from municipalities.models import Municipality
from topics.models import Topic

HOME_CASES = 3


def home(request: HttpRequest) -> HttpResponse:
    visible = Case.objects.visible_to(request.user).with_card_data().recent()
    return render(
        request,
        "home.html",
        {
            "topics": with_visible_case_counts(
                Topic.objects.visible_to(request.user), request.user
            ),
            "recent_successes": visible.successes()[:HOME_CASES],
            "recent_failures": visible.failures()[:HOME_CASES],
        },
    )


def topic_list(request: HttpRequest) -> HttpResponse:
    topics = with_visible_case_counts(Topic.objects.visible_to(request.user), request.user)
    return render(request, "topics/topic_list.html", {"topics": topics})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic.objects.visible_to(request.user), slug=slug)
    cases = Case.objects.visible_to(request.user).filter(topics=topic).with_card_data()
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "page": paginate(request, cases),
            "statements": statements_about_topic(topic, request.user),
            "connectors": Connector.objects.visible_to(request.user)
            .filter(topics=topic)
            .select_related("municipality"),
        },
    )


def municipality_list(request: HttpRequest) -> HttpResponse:
    """Municipalities with cases; `?naam=` finds any municipality (by name, other name or
    CBS code), with or without cases."""
    name = request.GET.get("naam", "").strip()[:100]
    municipalities = with_visible_case_counts(
        Municipality.objects.visible_to(request.user), request.user
    )
    if name:
        found = Municipality.objects.find(name)
        municipalities = municipalities.filter(
            Q(name__icontains=name) | Q(pk=found.pk if found else None)
        )
    else:
        municipalities = municipalities.filter(case_count__gt=0)
    return render(
        request,
        "municipalities/municipality_list.html",
        {"municipalities": municipalities, "name": name},
    )


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    municipalities = Municipality.objects.visible_to(request.user)
    municipality = municipalities.filter(slug=slug).first()
    if municipality is None:
        # /gemeenten/GM0363/, an old code from before a merger, or an old name's address.
        found = municipalities.find(slug)
        if found is None:
            raise Http404
        return redirect(found, permanent=True)
    cases = Case.objects.visible_to(request.user).filter(municipality=municipality)
    return render(
        request,
        "municipalities/municipality_detail.html",
        {"municipality": municipality, "page": paginate(request, cases.with_card_data())},
    )
