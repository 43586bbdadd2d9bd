"""Filters for the case list, the search page and the API (counts beside them: cases/facets.py).

The words (`q`) are no filter: they are matched and ranked by cases/search.py.

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
from topics.models import Topic


class CaseFilter(django_filters.FilterSet):
    thema = django_filters.ModelMultipleChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        field_name="topics",
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=_("Thema"),
    )
    uitkomst = django_filters.MultipleChoiceFilter(
        choices=Outcome.choices, field_name="outcome", distinct=False, label=_("Uitkomst")
    )
    gemeente = django_filters.ModelMultipleChoiceFilter(
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        field_name="municipality",
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=_("Gemeente"),
    )
    domein = django_filters.ModelMultipleChoiceFilter(
        queryset=Domain.objects.all(),
        to_field_name="slug",
        field_name="domains",
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=_("Betrokken domein"),
    )
    doelgroep = django_filters.ModelMultipleChoiceFilter(
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        field_name="target_groups",
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=_("Doelgroep"),
    )
    bewijsniveau = django_filters.MultipleChoiceFilter(
        choices=EvidenceLevel.choices,
        field_name="evidence_level",
        distinct=False,
        label=_("Bewijsniveau"),
    )
    tag = django_filters.ModelMultipleChoiceFilter(
        queryset=Tag.objects.all(),
        to_field_name="slug",
        field_name="tags",
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=_("Trefwoord"),
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per case without DISTINCT.
        return queryset.filter(pk__in=Case.objects.filter(**{f"{name}__in": value}).values("pk"))
