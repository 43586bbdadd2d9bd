"""REST API for practice cases: `/api/v1/praktijkvoorbeelden`.

Output only (the API is read-only); field names are Dutch camelCase.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.reverse import reverse

from cases.access import access_case_by_slug
from cases.facets import pattern_models
from cases.filters import CaseFilter
from cases.models import RECOGNITION_LEVELS, Case, EvidenceLevel, InterventionRelation, Outcome
from cases.search import CaseResults, case_search
from core.access import ObjectMoved
from core.api import (
    MODIFIED_SINCE,
    SORT,
    LinkSerializer,
    QueryParameter,
    StrictQueryParameters,
    modified_since,
    resource_links,
    sorted_by,
)
from municipalities.api import MunicipalityRefSerializer
from textsearch.engine import MAX_QUERY_LENGTH, search_terms
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
    gewijzigdOp = serializers.DateTimeField(  # noqa: N815
        source="updated_at", help_text="Wanneer het praktijkvoorbeeld voor het laatst is gewijzigd."
    )
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
            "gewijzigdOp",
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


# --- The recognised intervention a case applies or resembles ---------------------------------


class InterventionDatabankSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    beheerder = serializers.CharField(source="owner")
    url = serializers.URLField()


class RecognisedInterventionSerializer(serializers.Serializer):
    databank = InterventionDatabankSerializer(source="intervention_databank")
    naam = serializers.CharField(source="intervention_name")
    url = serializers.URLField(
        source="intervention_url",
        allow_null=True,
        help_text="De pagina van de interventie in de databank; null als die niet bekend is.",
    )
    soort = serializers.ChoiceField(
        source="intervention_relation",
        choices=InterventionRelation.choices,
        help_text="past_toe: dit voorbeeld past de interventie toe; lijkt_op: het lijkt erop.",
    )
    niveau = serializers.ChoiceField(
        source="intervention_level",
        choices=RECOGNITION_LEVELS,
        allow_null=True,
        help_text="Het niveau van de erkenning in de databank; null als het niet bekend is.",
    )
    datum = serializers.DateField(
        source="intervention_recognised_on",
        allow_null=True,
        help_text="De datum van de erkenning; null als die niet bekend is.",
    )

    def to_representation(self, case: Case) -> dict:
        data = super().to_representation(case)
        # One meaning for "not known": null, never an empty text.
        return {name: None if value == "" else value for name, value in data.items()}


class PatternLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer(help_text="De pagina van het faalpatroon.")


def pattern_links(request, pattern) -> dict:
    """`_links` of a pattern: its API address and its page."""
    href = reverse("api:pattern-detail", kwargs={"slug": pattern.slug}, request=request)
    page = request.build_absolute_uri(pattern.get_absolute_url())
    return {"self": {"href": href}, "webpagina": {"href": page}}


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
    def get__links(self, link) -> dict:
        return pattern_links(self.context["request"], link.pattern)


def case_pattern_links() -> Prefetch:
    """Prefetch a case's pattern links with their patterns, in the editors' order (one query)."""
    return Prefetch(
        "pattern_links",
        queryset=pattern_models()[0].objects.select_related("pattern").order_by("sort_order", "pk"),
    )


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
    # The recognised intervention, and when the editors last checked the case.
    erkendeInterventie = serializers.SerializerMethodField(  # noqa: N815
        help_text=(
            "De erkende interventie uit een databank die dit voorbeeld toepast of waar het op "
            "lijkt; null als er geen is."
        )
    )
    laatstBeoordeeld = serializers.DateTimeField(  # noqa: N815
        source="last_reviewed_at",
        allow_null=True,
        help_text="Wanneer de redactie voor het laatst heeft gecontroleerd of het nog klopt.",
    )
    faalpatronen = CasePatternSerializer(
        source="pattern_links",
        many=True,
        help_text="De faalpatronen die in dit voorbeeld speelden of die het vermeed "
        "(`vermeden`), in de volgorde van de redactie.",
    )

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
            "erkendeInterventie",
            "laatstBeoordeeld",
            "faalpatronen",
        ]

    @extend_schema_field(RecognisedInterventionSerializer(allow_null=True))
    def get_erkendeInterventie(self, case: Case) -> dict | None:  # noqa: N802
        if not case.has_recognised_intervention:
            return None
        return RecognisedInterventionSerializer(case, context=self.context).data

    def get_trefwoorden(self, case: Case) -> list[str]:
        return sorted(tag.name for tag in case.tags.all())


@extend_schema(tags=["praktijkvoorbeelden"])
@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                description=(
                    "Zoekwoorden; met woorden komt het beste resultaat eerst. Zonder zoekwoorden "
                    "(leeg, alleen leestekens of alleen stopwoorden) de hele lijst, nieuwste eerst."
                ),
            )
        ]
    )
)
class CaseViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Praktijkvoorbeelden: geslaagd, mislukt of gemengd, met filters zoals op de site."""

    lookup_field = "slug"
    filterset_class = CaseFilter
    modified_field = "updated_at"
    sort_fields = {
        "titel": "title",
        "gepubliceerdOp": "first_published_at",
        "gewijzigdOp": "updated_at",
    }
    last_modified_on_detail = True

    def query_parameters(self):
        if self.action == "list":
            return [QueryParameter("q", max_length=MAX_QUERY_LENGTH)]
        return []

    def get_queryset(self):
        return Case.objects.visible_to(self.request.user).with_card_data()

    def get_serializer_class(self):
        return CaseDetailSerializer if self.action == "retrieve" else CaseListSerializer

    def list(self, request, *args, **kwargs):
        if not search_terms(request.query_params.get("q", "")):
            return super().list(request, *args, **kwargs)
        # With words, the best match first (/core/resource-operations: `q` is full text),
        # through the same road as the site's search.
        search = case_search(user=request.user, data=request.query_params)
        if search.filterset.errors:
            raise ValidationError(search.filterset.errors)
        results = search.results
        since = request.query_params.get(MODIFIED_SINCE, "")
        order = request.query_params.get(SORT, "")
        if since or order:
            # The same gewijzigdSinds and sorteer as without words, on the matching cases.
            matching = modified_since(Case.objects.filter(pk__in=search.case_ids), self, since)
            if order:
                ids = list(sorted_by(matching, self, order).values_list("pk", flat=True))
            else:
                kept = set(matching.values_list("pk", flat=True))
                ids = [pk for pk in search.case_ids if pk in kept]
            results = CaseResults(request.user, ids)
        page = self.paginate_queryset(results)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self) -> Case:
        case = access_case_by_slug(self.request.user, self.kwargs["slug"])
        prefetch_related_objects([case], case_pattern_links())
        return case

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except ObjectMoved as moved:
            return redirect(reverse("api:case-detail", kwargs={"slug": moved.slug}), permanent=True)
