"""Atom feeds of new and updated cases: all, per topic, per municipality, per outcome, and for
any case list or search address with the same filters (`/praktijkvoorbeelden/feed/?thema=...`).

Feeds are public: they are computed for `ANONYMOUS`, whoever asks, so closed and draft cases
never appear, and a filter on a hidden or unknown value answers 404 rather than every case.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cases.filters import CaseFilter
from cases.models import Case, Outcome
from cases.search import matching_cases
from core import state as content_state
from core.access import ANONYMOUS
from municipalities.models import Municipality
from textsearch.engine import MAX_QUERY_LENGTH, search_terms
from topics.models import Topic

FEED_ITEMS = 50
FEED_CACHE_SECONDS = 15 * 60


@dataclass
class FeedSubject:
    title: str
    link: str
    cases: list[Case]


def public_cases(data: QueryDict) -> list[Case]:
    """The newest public cases for the filters and words in `data` (as on the case list)."""
    filter_data = CaseFilter.canonical(data)
    query = (filter_data.pop("q", [""])[0] or "").strip()[:MAX_QUERY_LENGTH]
    filter_data.pop("pagina", None)
    filterset = CaseFilter(filter_data, queryset=Case.objects.visible_to(ANONYMOUS))
    if not filterset.is_valid():
        raise Http404  # an unknown or hidden value: not "every case"
    cases = filterset.qs
    if search_terms(query):
        ids = matching_cases(ANONYMOUS, query, content_state.token()).ids
        cases = cases.filter(pk__in=ids)
    return list(cases.with_card_data().order_by("-last_published_at", "-pk")[:FEED_ITEMS])


def describe(data: QueryDict) -> str:
    """A short title for the filters in `data`."""
    parts = []
    outcome = dict(Outcome.choices)
    for value in data.getlist("uitkomst"):
        if value in outcome:
            parts.append(str(outcome[value]).lower())
    if data.get("q"):
        parts.append(f"“{data.get('q')[:60]}”")
    return ", ".join(parts)


class CaseFeed(Feed):
    feed_type = Atom1Feed
    author_name = settings.SITE_NAME

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
        return response

    def get_object(self, request: HttpRequest, *args, **kwargs) -> FeedSubject:
        title = _("Praktijkvoorbeelden")
        if extra := describe(request.GET):
            title = f"{title}: {extra}"
        query = request.GET.urlencode()
        link = reverse("cases:list") + (f"?{query}" if query else "")
        return FeedSubject(title, link, public_cases(request.GET))

    def title(self, subject: FeedSubject) -> str:
        return f"{subject.title} | {settings.SITE_NAME}"

    def link(self, subject: FeedSubject) -> str:
        return subject.link

    def subtitle(self, subject: FeedSubject) -> str:
        return _("Nieuwe en bijgewerkte praktijkvoorbeelden, de mislukkingen net zo goed.")

    def items(self, subject: FeedSubject) -> list[Case]:
        return subject.cases

    def item_title(self, case: Case) -> str:
        return f"{case.title} ({case.get_outcome_display().lower()})"

    def item_description(self, case: Case) -> str:
        return case.summary

    def item_pubdate(self, case: Case):
        return case.first_published_at

    def item_updateddate(self, case: Case):
        return case.last_published_at or case.first_published_at

    def item_categories(self, case: Case) -> list[str]:
        return [topic.name for topic in case.topics.all()]


class TopicCaseFeed(CaseFeed):
    def get_object(self, request: HttpRequest, slug: str) -> FeedSubject:
        topic = Topic.objects.visible_to(ANONYMOUS).filter(slug=slug).first()
        if topic is None:
            raise Http404
        data = request.GET.copy()
        data.setlist("thema", [topic.slug])
        title = _("Praktijkvoorbeelden over %(name)s") % {"name": topic.name.lower()}
        return FeedSubject(title, topic.get_absolute_url(), public_cases(data))


class MunicipalityCaseFeed(CaseFeed):
    def get_object(self, request: HttpRequest, slug: str) -> FeedSubject:
        municipality = Municipality.objects.visible_to(ANONYMOUS).filter(slug=slug).first()
        if municipality is None:
            raise Http404
        data = request.GET.copy()
        data.setlist("gemeente", [municipality.slug])
        title = _("Praktijkvoorbeelden uit %(name)s") % {"name": municipality.name}
        return FeedSubject(title, municipality.get_absolute_url(), public_cases(data))
