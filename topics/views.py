"""Topic pages: every topic, and per topic what is on it. Counts come from visible content only."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cases.models import Case
from cases.views import paginate
from connectors.models import Connector
from dialogues.selectors import statements_about_topic
from topics.models import Topic


def topics_with_case_counts(user):
    visible_cases = Case.objects.visible_to(user)
    # An aggregate drops Meta.ordering (Django ignores it in GROUP BY queries): order again.
    return (
        Topic.objects.visible_to(user)
        .annotate(case_count=Count("cases", filter=Q(cases__in=visible_cases)))
        .order_by("sort_order", "name")
    )


def topic_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "topics/topic_list.html", {"topics": topics_with_case_counts(request.user)}
    )


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
