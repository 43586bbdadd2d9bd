"""Filters on the wijkschakelaars list, shared by the site and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from connectors.models import Connector, Kind
from core.filters import BooleanFilter, RelatedFilterSet, related_choice
from municipalities.models import Municipality
from topics.models import Topic


class ConnectorFilter(RelatedFilterSet):
    gemeente = related_choice(
        Municipality.objects.all(),
        "municipality",
        _("Gemeente"),
        resolve=Municipality.objects.slugs_by_code,  # ?gemeente=GM0363 as well as =amsterdam
    )
    thema = related_choice(Topic.objects.all(), "topics", _("Expertise"))
    soort = django_filters.MultipleChoiceFilter(
        choices=Kind.choices, field_name="kind", label=_("Soort")
    )
    beschikbaar = BooleanFilter(field_name="open_for_questions", label=_("Open voor vragen"))

    class Meta:
        model = Connector
        fields: list[str] = []
