"""Filters for the case list and the API, and the facet counts beside them.

One FilterSet serves the site (`/praktijkvoorbeelden/?thema=...`) and the API
(`/api/v1/praktijkvoorbeelden?thema=...`), so a shared URL means the same on both. Several values
of one filter are alternatives (OR); different filters narrow each other (AND).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import django_filters
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cases.models import Case, Domain, EvidenceLevel, Outcome, TaggedCase, TargetGroup
from municipalities.models import Municipality
from search.engine import matching
from topics.models import Topic


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_words", label=_("Zoekwoorden"), max_length=200)
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

    def filter_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Full-text, with Dutch word forms; ranking is up to the caller (search.engine.ranked).
        return matching(queryset, value)

    def filter_related(self, queryset: QuerySet, name: str, value) -> QuerySet:
        if not value:
            return queryset
        # A subquery instead of a join keeps one row per case without DISTINCT.
        return queryset.filter(pk__in=Case.objects.filter(**{f"{name}__in": value}).values("pk"))

    def apply(self, queryset: QuerySet, excluding: str | None = None) -> QuerySet:
        """`queryset` with this set's valid filters applied, except `excluding`."""
        cleaned = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        for name, value in cleaned.items():
            if name != excluding:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def queryset_without(self, excluded: str) -> QuerySet:
        """The results with every filter applied except one: the base of that filter's counts."""
        return self.apply(self.queryset.all(), excluding=excluded)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


def _choice_counts(queryset: QuerySet, field_name: str) -> dict[str, int]:
    rows = queryset.order_by().values(field_name).annotate(n=Count("pk"))
    return {row[field_name]: row["n"] for row in rows}


def _related_counts(queryset: QuerySet, through, object_field: str, term_field: str) -> QuerySet:
    return (
        through.objects.filter(**{f"{object_field}__in": queryset.order_by().values("pk")})
        .values(f"{term_field}__slug", f"{term_field}__name")
        .annotate(n=Count(object_field))
    )


def case_facets(filterset: CaseFilter, max_tags: int = 20) -> list[Facet]:
    """Counts per filter value, each over the visible results narrowed by the *other* filters.

    The filterset's queryset is already `visible_to(user)`, so hidden cases count nowhere.
    """
    data = filterset.data
    selected = {
        name: set(data.getlist(name)) if hasattr(data, "getlist") else set()
        for name in ("thema", "uitkomst", "gemeente", "domein", "doelgroep", "bewijsniveau", "tag")
    }
    facets: list[Facet] = []

    def choice_facet(name: str, label, choices, field_name: str) -> Facet:
        counts = _choice_counts(filterset.queryset_without(name), field_name)
        options = [
            FacetOption(value, str(text), counts.get(value, 0), value in selected[name])
            for value, text in choices
            if counts.get(value) or value in selected[name]
        ]
        return Facet(name, label, options)

    def related_facet(name: str, label, rows, order: list[str] | None = None) -> Facet:
        options = [FacetOption(slug, term, n, slug in selected[name]) for slug, term, n in rows]
        if order is None:
            options.sort(key=lambda o: (-o.count, o.label))
        return Facet(name, label, options)

    def through_rows(name: str, through, object_field: str, term_field: str, ordering):
        rows = _related_counts(filterset.queryset_without(name), through, object_field, term_field)
        rows = rows.order_by(*ordering)
        return [(r[f"{term_field}__slug"], r[f"{term_field}__name"], r["n"]) for r in rows]

    facets.append(
        related_facet(
            "thema",
            _("Thema"),
            through_rows(
                "thema", Case.topics.through, "case", "topic", ["topic__sort_order", "topic__name"]
            ),
            order=[],
        )
    )
    facets.append(choice_facet("uitkomst", _("Uitkomst"), Outcome.choices, "outcome"))
    municipality_rows = (
        filterset.queryset_without("gemeente")
        .order_by()
        .filter(municipality__isnull=False)
        .values("municipality__slug", "municipality__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__name")
    )
    facets.append(
        related_facet(
            "gemeente",
            _("Gemeente"),
            [(r["municipality__slug"], r["municipality__name"], r["n"]) for r in municipality_rows],
            order=[],
        )
    )
    facets.append(
        related_facet(
            "domein",
            _("Betrokken domein"),
            through_rows(
                "domein",
                Case.domains.through,
                "case",
                "domain",
                ["domain__sort_order", "domain__name"],
            ),
            order=[],
        )
    )
    facets.append(
        related_facet(
            "doelgroep",
            _("Doelgroep"),
            through_rows(
                "doelgroep",
                Case.target_groups.through,
                "case",
                "targetgroup",
                ["targetgroup__sort_order", "targetgroup__name"],
            ),
            order=[],
        )
    )
    facets.append(
        choice_facet("bewijsniveau", _("Bewijsniveau"), EvidenceLevel.choices, "evidence_level")
    )
    tag_rows = _related_counts(
        filterset.queryset_without("tag"), TaggedCase, "content_object", "tag"
    ).order_by("-n", "tag__name")
    tag_facet = related_facet(
        "tag",
        _("Trefwoord"),
        [(r["tag__slug"], r["tag__name"], r["n"]) for r in tag_rows[:max_tags]],
    )
    facets.append(tag_facet)
    # Drop empty facets; keep selected values visible even when they now count 0.
    for facet in facets:
        present = {option.value for option in facet.options}
        for value in selected[facet.name] - present:
            facet.options.append(FacetOption(value, value, 0, True))
    return [facet for facet in facets if facet.options]
