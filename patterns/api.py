"""REST API for failure patterns: `/api/v1/faalpatronen`.

A pattern counts the cases the caller may see: those where it played and, apart, those that
avoided it. The case resource lists its patterns under `faalpatronen` (cases/api.py: cases stand
below this app and reach it through `Case.pattern_links`).
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets

from cases.api import PatternLinksSerializer, pattern_links
from cases.models import Case
from core.access import Visitor
from core.api import StrictQueryParameters
from patterns.models import FailurePattern


class FailurePatternSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    samenvatting = serializers.CharField(source="summary")
    beschrijving = serializers.CharField(source="description")
    signalen = serializers.ListField(
        source="sign_list",
        child=serializers.CharField(),
        help_text="Waaraan u het patroon op tijd herkent.",
    )
    handelingsperspectieven = serializers.ListField(
        source="action_list",
        child=serializers.CharField(),
        help_text="Wat u kunt doen om het te voorkomen of te keren.",
    )
    aantalPraktijkvoorbeelden = serializers.IntegerField(  # noqa: N815
        source="case_count",
        help_text="De praktijkvoorbeelden waarin het patroon speelde; alleen die u mag zien.",
    )
    aantalVermeden = serializers.IntegerField(  # noqa: N815
        source="avoided_count",
        help_text="De praktijkvoorbeelden die laten zien hoe het patroon is voorkomen; alleen "
        "die u mag zien.",
    )
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = FailurePattern
        fields = [
            "slug",
            "naam",
            "samenvatting",
            "beschrijving",
            "signalen",
            "handelingsperspectieven",
            "aantalPraktijkvoorbeelden",
            "aantalVermeden",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(PatternLinksSerializer)
    def get__links(self, pattern: FailurePattern) -> dict:
        return pattern_links(self.context["request"], pattern)


def with_visible_counts(patterns: QuerySet, user: Visitor) -> QuerySet:
    """`patterns`, each with `case_count` (the visible cases where it played) and
    `avoided_count` (the visible cases that avoided it). Hidden cases count nowhere."""
    visible = Q(case_links__case__in=Case.objects.visible_to(user))
    ordering = patterns.query.order_by or FailurePattern._meta.ordering
    return patterns.annotate(
        case_count=Count("case_links", filter=visible & Q(case_links__avoided=False)),
        avoided_count=Count("case_links", filter=visible & Q(case_links__avoided=True)),
    ).order_by(*ordering)


@extend_schema(tags=["faalpatronen"])
class FailurePatternViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Faalpatronen: redenen waarom wijkaanpak vaker misgaat, met signalen en
    handelingsperspectieven. Filter praktijkvoorbeelden op een patroon met
    `/api/v1/praktijkvoorbeelden?faalpatroon=<slug>`."""

    serializer_class = FailurePatternSerializer
    lookup_field = "slug"
    filterset_class = None
    modified_field = "updated_at"
    sort_fields = {"naam": "name", "gewijzigdOp": "updated_at"}

    def get_queryset(self):
        patterns = FailurePattern.objects.visible_to(self.request.user)
        return with_visible_counts(patterns, self.request.user)
