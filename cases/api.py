"""REST API for practice cases: `/api/v1/praktijkvoorbeelden` (DESIGN.md section 5).

Output only (the API is read-only); field names are Dutch camelCase.
"""

from django.http import Http404
from django.shortcuts import redirect
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.reverse import reverse

from api.pagination import LinkSerializer, resource_links
from cases.filters import CaseFilter
from cases.models import Case, CaseSlugRedirect, EvidenceLevel, Outcome
from municipalities.api import MunicipalityRefSerializer
from search.engine import ranked, search_terms
from topics.api import TopicRefSerializer


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")


class CaseLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()


class CaseListSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    samenvatting = serializers.CharField(source="summary")
    uitkomst = serializers.ChoiceField(source="outcome", choices=Outcome.choices)
    bewijsniveau = serializers.ChoiceField(source="evidence_level", choices=EvidenceLevel.choices)
    gemeente = MunicipalityRefSerializer(source="municipality", allow_null=True)
    themas = TopicRefSerializer(source="topics", many=True)
    isVoorbeeld = serializers.BooleanField(  # noqa: N815 (the API's field names are camelCase)
        source="is_example",
        help_text="Een uitgewerkt voorbeeld, geen verslag van een echt project.",
    )
    gepubliceerdOp = serializers.DateTimeField(source="first_published_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "slug",
            "titel",
            "samenvatting",
            "uitkomst",
            "bewijsniveau",
            "gemeente",
            "themas",
            "isVoorbeeld",
            "gepubliceerdOp",
            "_links",
        ]

    @extend_schema_field(CaseLinksSerializer)
    def get__links(self, case: Case) -> dict:
        return resource_links(self.context["request"], case, "api:case-detail")


class PeriodSerializer(serializers.Serializer):
    van = serializers.IntegerField(source="period_start", allow_null=True)
    tot = serializers.IntegerField(source="period_end", allow_null=True)


class SourceSerializer(serializers.Serializer):
    titel = serializers.CharField(source="title")
    url = serializers.CharField(allow_blank=True)


class AttachmentSerializer(serializers.Serializer):
    titel = serializers.CharField(source="document.title")
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(attachment.document.url)


class CaseDetailSerializer(CaseListSerializer):
    aanleiding = serializers.CharField(source="context")
    aanpak = serializers.CharField(source="approach")
    resultaten = serializers.CharField(source="results")
    werkzameElementen = serializers.CharField(source="what_worked")  # noqa: N815
    watGingMis = serializers.CharField(source="what_went_wrong")  # noqa: N815
    lessen = serializers.CharField(source="lessons")
    handelingsperspectieven = serializers.ListField(
        source="course_of_action_list", child=serializers.CharField()
    )
    wijken = serializers.ListField(source="neighbourhood_list", child=serializers.CharField())
    periode = PeriodSerializer(source="*")
    domeinen = TermSerializer(source="domains", many=True)
    doelgroepen = TermSerializer(source="target_groups", many=True)
    trefwoorden = serializers.SerializerMethodField()
    bronnen = SourceSerializer(source="sources", many=True)
    bijlagen = AttachmentSerializer(source="attachments", many=True)
    ruimte = TermSerializer(source="space", allow_null=True)
    laatstGepubliceerdOp = serializers.DateTimeField(source="last_published_at")  # noqa: N815

    class Meta(CaseListSerializer.Meta):
        fields = [
            *CaseListSerializer.Meta.fields,
            "aanleiding",
            "aanpak",
            "resultaten",
            "werkzameElementen",
            "watGingMis",
            "lessen",
            "handelingsperspectieven",
            "wijken",
            "periode",
            "domeinen",
            "doelgroepen",
            "trefwoorden",
            "bronnen",
            "bijlagen",
            "ruimte",
            "laatstGepubliceerdOp",
        ]

    def get_trefwoorden(self, case: Case) -> list[str]:
        return sorted(tag.name for tag in case.tags.all())


@extend_schema(tags=["praktijkvoorbeelden"])
class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    """Praktijkvoorbeelden: geslaagd, mislukt of gemengd, met filters zoals op de site."""

    lookup_field = "slug"
    filterset_class = CaseFilter

    def get_queryset(self):
        queryset = Case.objects.visible_to(self.request.user).select_related("municipality")
        if self.action == "retrieve":
            return queryset.select_related("space").prefetch_related(
                "topics", "domains", "target_groups", "tags", "sources", "attachments__document"
            )
        return queryset.prefetch_related("topics")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "list" and search_terms(self.request.query_params.get("q", "")):
            # With words, the best match first (/core/resource-operations: `q` is full text).
            return ranked(queryset, self.request.query_params["q"])
        return queryset

    def get_serializer_class(self):
        return CaseDetailSerializer if self.action == "retrieve" else CaseListSerializer

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except (Http404, NotFound):  # DRF's get_object raises Django's Http404
            moved = (
                CaseSlugRedirect.objects.filter(
                    old_slug=kwargs["slug"], case__in=Case.objects.visible_to(request.user)
                )
                .select_related("case")
                .first()
            )
            if moved is None:
                raise
            return redirect(
                reverse("api:case-detail", kwargs={"slug": moved.case.slug}), permanent=True
            )
