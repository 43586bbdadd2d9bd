"""Filters shared by the site's lists and the API: a filterset that reads an empty value as no
value, strict yes/no and whole-number filters, and choosing among related terms by slug."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

# The largest number a whole-number filter takes (a database integer), so that a longer number
# is a clear 400 and never an overflow in the database.
MAX_INTEGER = 2**31 - 1


class FilterSet(django_filters.FilterSet):
    """A filterset for which an empty value (`?gemeente=`, as a form with "all" sends) is no
    value: it narrows nothing and is no error."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for name in list(data):
                values = [value for value in data.getlist(name) if value != ""]
                if values:
                    data.setlist(name, values)
                else:
                    del data[name]
        super().__init__(data, *args, **kwargs)


class StrictBooleanField(forms.Field):
    """`true` or `false`; anything else is an error (not silently "no filter")."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise forms.ValidationError(_("Kies true of false."), code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class IntegerFilter(django_filters.NumberFilter):
    """A whole number from 1 to MAX_INTEGER."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_INTEGER)
        super().__init__(*args, **kwargs)


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


class RelatedFilterSet(FilterSet):
    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per object without DISTINCT.
        model = queryset.model
        return queryset.filter(pk__in=model.objects.filter(**{f"{name}__in": value}).values("pk"))
