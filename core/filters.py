"""Filters shared by the site's lists and the API: a filterset that reads an empty value as no
value, strict yes/no and whole-number filters, and choosing among related terms by slug."""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelMultipleChoiceField

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


# Values typed for a term that are not its slug (e.g. a CBS code) → the slugs they stand for.
Resolver = Callable[[list[str]], dict[str, str]]


class SlugOrOtherField(ModelMultipleChoiceField):
    """Chooses terms by slug, or by another value that `resolve` turns into a slug."""

    def __init__(self, *args, resolve: Resolver | None = None, **kwargs):
        self.resolve = resolve
        super().__init__(*args, **kwargs)

    def _check_values(self, value):
        if self.resolve is not None:
            values = [str(v) for v in value]
            other = self.resolve(values)
            value = [other.get(v, v) for v in values]
        return super()._check_values(value)


class RelatedChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = SlugOrOtherField


def related_choice(
    queryset: QuerySet, field_name: str, label, resolve: Resolver | None = None
) -> django_filters.Filter:
    """Choose one or more of the related terms in `queryset` by their slug (or by another
    value `resolve` knows, such as a municipality's CBS code); several values are
    alternatives (OR)."""
    extra = {"resolve": resolve} if resolve is not None else {}
    return RelatedChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        field_name=field_name,
        method="filter_related",
        distinct=False,  # filter_related uses a subquery: no duplicate rows to remove
        label=label,
        **extra,
    )


class RelatedFilterSet(FilterSet):
    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per object without DISTINCT.
        model = queryset.model
        return queryset.filter(pk__in=model.objects.filter(**{f"{name}__in": value}).values("pk"))

    @classmethod
    def canonical(cls, data: QueryDict) -> QueryDict:
        """`data` with other values (e.g. `gemeente=GM0363`) replaced by the slugs they stand
        for, so that lists show them as the chosen terms they are."""
        data = data.copy()
        for name, filter_ in cls.base_filters.items():
            resolve = filter_.extra.get("resolve")
            values = data.getlist(name)
            if resolve is not None and values:
                other = resolve(values)
                if other:
                    data.setlist(name, [other.get(v, v) for v in values])
        return data
