"""Filters shared by the site's lists and the API: choosing among related terms by slug."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet


def related_choice(queryset: QuerySet, field_name: str, label) -> django_filters.Filter:
    """Choose one or more of the related terms in `queryset` by their slug; several values
    are alternatives (OR)."""
    return django_filters.ModelMultipleChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        field_name=field_name,
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=label,
    )


class RelatedFilterSet(django_filters.FilterSet):
    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per object without DISTINCT.
        model = queryset.model
        return queryset.filter(pk__in=model.objects.filter(**{f"{name}__in": value}).values("pk"))
