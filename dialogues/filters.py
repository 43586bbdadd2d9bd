"""Filters on a dialogue's statements, for the statements page and the API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dialogues.consensus import Level


class StatementFilter(django_filters.FilterSet):
    niveau = django_filters.MultipleChoiceFilter(
        field_name="level", choices=Level.choices, label=_("Draagvlak")
    )
    polariserend = django_filters.BooleanFilter(
        field_name="polarising",
        label=_("Meningen verschillen"),
        widget=django_filters.widgets.BooleanWidget,
    )
    vraag = django_filters.NumberFilter(field_name="question__number", label=_("Vraag"))
    cluster = django_filters.NumberFilter(field_name="cluster_id", label=_("Cluster"))
    tekst = django_filters.CharFilter(
        method="filter_text", label=_("Woorden in de stelling"), max_length=200
    )

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:10]:
            queryset = queryset.filter(text__icontains=word)
        return queryset
