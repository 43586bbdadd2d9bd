"""Filters on a dialogue's statements, for the statements page and the API, and on the list of
dialogues in the API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import BooleanFilter, IntegerFilter, RelatedFilterSet, related_choice
from dialogues.consensus import Level
from dialogues.models import Dialogue, Statement
from municipalities.models import Municipality
from topics.models import Topic


class DialogueFilter(RelatedFilterSet):
    gemeente = related_choice(
        Municipality.objects.all(),
        "municipalities",
        _("Gemeente"),
        resolve=Municipality.objects.slugs_by_code,  # ?gemeente=GM0363 as well as =amsterdam
    )

    class Meta:
        model = Dialogue
        fields: list[str] = []


class StatementFilter(RelatedFilterSet):
    niveau = django_filters.MultipleChoiceFilter(
        field_name="level", choices=Level.choices, label=_("Draagvlak")
    )
    polariserend = BooleanFilter(field_name="polarising", label=_("Meningen verschillen"))
    vraag = IntegerFilter(field_name="question__number", label=_("Vraag"))
    cluster = IntegerFilter(field_name="cluster_id", label=_("Cluster"))
    tekst = django_filters.CharFilter(
        method="filter_text", label=_("Woorden in de stelling"), max_length=200
    )
    thema = related_choice(Topic.objects.all(), "topics", _("Thema"))

    class Meta:
        model = Statement
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:10]:
            queryset = queryset.filter(text__icontains=word)
        return queryset
