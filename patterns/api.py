"""REST API for failure patterns (`/api/v1/faalpatronen`) and how a case refers to them.

A pattern counts the cases the caller may see: those where it played and, apart, those that
avoided it. The case resource lists its patterns under `faalpatronen` (cases/api.py).
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import NoReverseMatch
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from cases.models import Case
from core.access import Visitor
from core.api import LinkSerializer, StrictQueryParameters
from patterns.models import CasePattern, FailurePattern


class PatternLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer(required=False, help_text="De pagina van het faalpatroon.")


def pattern_links(request, pattern: FailurePattern) -> dict:
    """`_links` of a pattern: its API address and, where the site has one, its page."""
    href = reverse("api:pattern-detail", kwargs={"slug": pattern.slug}, request=request)
    links = {"self": {"href": href}}
    try:
        page = pattern.get_absolute_url()
    except NoReverseMatch:  # the site without pattern pages (patterns/urls.py) links none
        return links
    links["webpagina"] = {"href": request.build_absolute_uri(page)}
    return links


class CasePatternSerializer(serializers.Serializer):
    """A pattern as a case refers to it: whether it played there or was avoided."""

    slug = serializers.SlugField(source="pattern.slug")
    naam = serializers.CharField(source="pattern.name")
    vermeden = serializers.BooleanField(
        source="avoided",
        help_text="true: het voorbeeld laat zien hoe dit patroon is voorkomen; false: het "
        "patroon speelde mee.",
    )
    _links = serializers.SerializerMethodField()

    @extend_schema_field(PatternLinksSerializer)
    def get__links(self, link: CasePattern) -> dict:
        return pattern_links(self.context["request"], link.pattern)


def case_pattern_links() -> Prefetch:
    """Prefetch a case's pattern links with their patterns, in the editors' order (one query)."""
    return Prefetch(
        "pattern_links",
        queryset=CasePattern.objects.select_related("pattern").order_by("sort_order", "pk"),
    )


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
