"""Filters on the wijkschakelaars list, shared by the site and the API."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from connectors.models import Connector, Kind
from municipalities.models import Municipality
from topics.models import Topic


class ConnectorFilter(django_filters.FilterSet):
    gemeente = django_filters.ModelMultipleChoiceFilter(
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        field_name="municipality",
        method="filter_municipalities",
        label=_("Gemeente"),
    )
    thema = django_filters.ModelMultipleChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        field_name="topics",
        method="filter_topics",
        label=_("Expertise"),
    )
    soort = django_filters.MultipleChoiceFilter(
        choices=Kind.choices, field_name="kind", label=_("Soort")
    )
    beschikbaar = django_filters.BooleanFilter(
        field_name="open_for_questions",
        label=_("Open voor vragen"),
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = Connector
        fields: list[str] = []

    def filter_municipalities(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(municipality__in=value) if value else queryset

    def filter_topics(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery keeps one row per person without DISTINCT.
        return queryset.filter(pk__in=Connector.objects.filter(topics__in=value).values("pk"))
