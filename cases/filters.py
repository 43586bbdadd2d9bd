"""Filters for the case list, the search page and the API (counts beside them: cases/facets.py).

The words (`q`) are no filter: they are matched and ranked by cases/search.py.

One FilterSet serves the site (`/praktijkvoorbeelden/?thema=...`) and the API
(`/api/v1/praktijkvoorbeelden?thema=...`), so a shared URL means the same on both. Several values
of one filter are alternatives (OR); different filters narrow each other (AND).
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cases.facets import pattern_models
from cases.models import Case, Domain, EvidenceLevel, Outcome, TaggedCase, TargetGroup
from core.filters import RelatedFilterSet, related_choice
from municipalities.models import Municipality
from topics.models import Topic


class CaseFilter(RelatedFilterSet):
    thema = related_choice(Topic.objects.all(), "topics", _("Thema"))
    uitkomst = django_filters.MultipleChoiceFilter(
        choices=Outcome.choices, field_name="outcome", distinct=False, label=_("Uitkomst")
    )
    gemeente = related_choice(
        Municipality.objects.all(),
        "municipality",
        _("Gemeente"),
        resolve=Municipality.objects.slugs_by_code,  # ?gemeente=GM0363 as well as =amsterdam
    )
    domein = related_choice(Domain.objects.all(), "domains", _("Betrokken domein"))
    doelgroep = related_choice(TargetGroup.objects.all(), "target_groups", _("Doelgroep"))
    bewijsniveau = django_filters.MultipleChoiceFilter(
        choices=EvidenceLevel.choices,
        field_name="evidence_level",
        distinct=False,
        label=_("Bewijsniveau"),
    )
    tag = related_choice(Tag.objects.all(), "tags", _("Trefwoord"))
    # The cases where the pattern played; a case that avoided it (`CasePattern.avoided`) is
    # not one of them (cases/facets.py counts the same way).
    faalpatroon = related_choice(
        pattern_models()[1].objects.all(), "pattern_links__pattern", _("Faalpatroon")
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        # Tags are free words that editors type, so a tag used only by hidden cases would
        # tell an outsider about them: only the tags of cases this visitor may see are a
        # valid choice. A hidden tag is refused exactly like one that does not exist.
        self.filters["tag"].queryset = Tag.objects.filter(
            pk__in=TaggedCase.objects.filter(content_object__in=self.queryset).values("tag_id")
        )

    def filter_related(self, queryset, name: str, value):
        if name == "pattern_links__pattern" and value:
            # One filter() call: the pattern and "not avoided" hold for the same link.
            played = Case.objects.filter(
                pattern_links__pattern__in=value, pattern_links__avoided=False
            )
            return queryset.filter(pk__in=played.values("pk"))
        return super().filter_related(queryset, name, value)
