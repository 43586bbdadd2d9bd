"""`/api/v1/_zoek`: search across the platform's content, with the site's facets."""

from django.utils.html import strip_tags
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from cases.filters import CaseFilter
from cases.models import EvidenceLevel, Outcome
from core.api import (
    LinkPagination,
    LinkSerializer,
    QueryParameter,
    StrictQueryParameters,
    resource_links,
)
from search.services import KINDS, search_site
from textsearch.engine import MAX_QUERY_LENGTH, search_terms


class FacetOptionSerializer(serializers.Serializer):
    waarde = serializers.CharField(source="value")
    label = serializers.CharField()
    aantal = serializers.IntegerField(source="count")
    gekozen = serializers.BooleanField(source="selected")


class TopicHitSerializer(serializers.Serializer):
    type = serializers.CharField(default="thema")
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")
    beschrijving = serializers.CharField(source="description")
    _links = serializers.SerializerMethodField()

    def get__links(self, topic) -> dict:
        return resource_links(self.context["request"], topic, "api:topic-detail")


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(default="praktijkvoorbeeld")
    slug = serializers.SlugField(source="case.slug")
    titel = serializers.CharField(source="case.title")
    samenvatting = serializers.CharField(source="case.summary")
    uitkomst = serializers.CharField(source="case.outcome")
    bewijsniveau = serializers.CharField(source="case.evidence_level")
    fragment = serializers.SerializerMethodField(
        help_text="Het stuk tekst waarin de zoekwoorden staan (platte tekst)."
    )
    _links = serializers.SerializerMethodField()

    def get_fragment(self, hit) -> str:
        return strip_tags(hit.snippet)

    def get__links(self, hit) -> dict:
        return resource_links(self.context["request"], hit.case, "api:case-detail")


FILTER_PARAMETERS = [
    OpenApiParameter(name, OpenApiTypes.STR, many=True, description=description)
    for name, description in [
        ("thema", "Slug van een thema; meerdere waarden: een van deze"),
        ("gemeente", "Slug van een gemeente"),
        ("domein", "Slug van een betrokken domein"),
        ("doelgroep", "Slug van een doelgroep"),
        ("tag", "Slug van een trefwoord"),
        (
            "faalpatroon",
            "Slug van een faalpatroon: de praktijkvoorbeelden waarin het speelde (niet die het "
            "vermeden); meerdere waarden: een van deze",
        ),
    ]
] + [
    OpenApiParameter(name, str, enum=values, many=True, description=description)
    for name, values, description in [
        ("uitkomst", Outcome.values, "Uitkomst; meerdere waarden: een van deze"),
        ("bewijsniveau", EvidenceLevel.values, "Bewijsniveau; meerdere waarden: een van deze"),
        ("soort", list(KINDS), "Welke soorten inhoud; meerdere waarden: een van deze"),
    ]
]


class SelfLinksSerializer(serializers.Serializer):
    self = LinkSerializer()


def self_link(route: str, slug: str, request) -> dict:
    return {"self": {"href": reverse(route, kwargs={"slug": slug}, request=request)}}


class DialogueRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    titel = serializers.CharField()
    _links = SelfLinksSerializer()


class ConnectorHitSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField()
    rol = serializers.CharField()
    _links = SelfLinksSerializer()


class StatementHitSerializer(serializers.Serializer):
    tekst = serializers.CharField(source="text")
    eens = serializers.IntegerField(source="agree")
    oneens = serializers.IntegerField(source="disagree")
    instemming = serializers.FloatField(source="agreement", allow_null=True)
    niveau = serializers.SerializerMethodField()
    polariserend = serializers.BooleanField(source="polarising")
    dialoog = serializers.SerializerMethodField()

    def get_niveau(self, statement) -> str | None:
        return statement.level or None

    @extend_schema_field(DialogueRefSerializer)
    def get_dialoog(self, statement) -> dict:
        request = self.context["request"]
        return {
            "slug": statement.dialogue.slug,
            "titel": statement.dialogue.title,
            "_links": self_link("api:dialogue-detail", statement.dialogue.slug, request),
        }


class SpaceRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField()


class DiscussionHitLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()


class DiscussionHitSerializer(serializers.Serializer):
    """A discussion that matches: never its author (a search result names no one, so an
    anonymous post cannot be traced), and a fragment of published text only."""

    id = serializers.IntegerField()
    titel = serializers.CharField()
    soort = serializers.CharField()
    ruimte = SpaceRefSerializer()
    fragment = serializers.CharField(
        help_text="Het stuk tekst waarin de zoekwoorden staan (platte tekst, alleen uit "
        "gepubliceerde berichten)."
    )
    _links = DiscussionHitLinksSerializer()


def discussion_hit(discussion, request) -> dict:
    return {
        "id": discussion.pk,
        "titel": discussion.title,
        "soort": discussion.kind,
        "ruimte": {"slug": discussion.space.slug, "naam": discussion.space.name},
        "fragment": strip_tags(discussion.snippet),
        "_links": {
            "self": {
                "href": reverse(
                    "api:discussion-detail", kwargs={"pk": discussion.pk}, request=request
                )
            },
            "webpagina": {"href": request.build_absolute_uri(discussion.get_absolute_url())},
        },
    }


class SearchView(StrictQueryParameters, APIView):
    """Zoek in alle inhoud die u mag zien, het beste resultaat eerst, met facetten."""

    pagination_class = LinkPagination
    # Not a list of one model: its filters are read by `cases.search` and documented below, so
    # no filter backend works on (or describes) a queryset here.
    filter_backends: list = []

    def query_filterset_class(self):
        return CaseFilter

    def query_parameters(self):
        return [
            QueryParameter("q", max_length=MAX_QUERY_LENGTH),
            QueryParameter("soort", many=True, choices=tuple(KINDS)),
            QueryParameter("letterlijk", choices=("true", "false")),
        ]

    @extend_schema(
        operation_id="zoeken",
        tags=["zoeken"],
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH},
                required=True,
                description="Zoekwoorden (zonder zoekwoorden, zoals alleen leestekens: 400)",
            ),
            *FILTER_PARAMETERS,
            OpenApiParameter(
                "letterlijk",
                str,
                enum=["true", "false"],
                description="true: zoek de woorden zoals getypt, zonder spellingcorrectie",
            ),
        ],
        responses={200: SearchHitSerializer(many=True)},
    )
    def get(self, request):
        if not search_terms(request.query_params.get("q", "")):
            raise ValidationError({"q": ["Geef een of meer zoekwoorden op."]})
        search = search_site(user=request.user, data=request.query_params)
        if search.filterset.errors:
            raise ValidationError(search.filterset.errors)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(search.results, request, view=self)
        found = search.page(
            page, number=paginator.page.number, case_count=paginator.page.paginator.count
        )
        context = {"request": request}
        data = SearchHitSerializer(found.hits, many=True, context=context).data
        response = paginator.get_paginated_response(data)
        # Topics, statements, wijkschakelaars and discussions that match stand beside the cases
        # (on the first page), as on the site.
        beside = found.beside
        response.data["themas"] = TopicHitSerializer(beside.topics, many=True, context=context).data
        response.data["stellingen"] = StatementHitSerializer(
            beside.statements, many=True, context=context
        ).data
        response.data["wijkschakelaars"] = [
            {
                "slug": connector.slug,
                "naam": connector.name,
                "rol": connector.role,
                "_links": self_link("api:connector-detail", connector.slug, request),
            }
            for connector in beside.connectors
        ]
        response.data["discussies"] = DiscussionHitSerializer(
            [discussion_hit(discussion, request) for discussion in beside.discussions], many=True
        ).data
        # The words the results are for when a misspelled word was corrected (null: as typed;
        # `letterlijk=true` searches the words as typed), and whether more cases matched than
        # were ranked (`aantal` is then a lower bound).
        response.data["gecorrigeerdeZoekvraag"] = search.corrected_query
        response.data["meerResultaten"] = search.cases.capped
        response.data["facetten"] = {
            facet.name: FacetOptionSerializer(facet.options, many=True).data
            for facet in [found.kind_facet, *search.facets]
        }
        return Response(response.data)
