"""Filters for the case list, the search page and the API (counts beside them: search/facets.py).

One FilterSet serves the site (`/praktijkvoorbeelden/?thema=...`) and the API
(`/api/v1/praktijkvoorbeelden?thema=...`), so a shared URL means the same on both. Several values
of one filter are alternatives (OR); different filters narrow each other (AND).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cases.models import Case, Domain, EvidenceLevel, Outcome, TargetGroup
from municipalities.models import Municipality
from search.engine import matching
from topics.models import Topic


def _related(queryset: QuerySet, field_name: str, label) -> django_filters.Filter:
    """A filter on related rows by their slugs (several slugs: any of them)."""
    return django_filters.ModelMultipleChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        field_name=field_name,
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=label,
    )


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_words", label=_("Zoekwoorden"), max_length=200)
    thema = _related(Topic.objects.all(), "topics", _("Thema"))
    uitkomst = django_filters.MultipleChoiceFilter(
        choices=Outcome.choices, field_name="outcome", distinct=False, label=_("Uitkomst")
    )
    gemeente = _related(Municipality.objects.all(), "municipality", _("Gemeente"))
    domein = _related(Domain.objects.all(), "domains", _("Betrokken domein"))
    doelgroep = _related(TargetGroup.objects.all(), "target_groups", _("Doelgroep"))
    bewijsniveau = django_filters.MultipleChoiceFilter(
        choices=EvidenceLevel.choices,
        field_name="evidence_level",
        distinct=False,
        label=_("Bewijsniveau"),
    )
    tag = _related(Tag.objects.all(), "tags", _("Trefwoord"))

    class Meta:
        model = Case
        fields: list[str] = []

    def filter_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Full-text, with Dutch word forms; ranking is up to the caller (search.engine.ranked).
        return matching(queryset, value)

    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per case without DISTINCT.
        return queryset.filter(pk__in=Case.objects.filter(**{f"{name}__in": value}).values("pk"))
