"""REST API for dialogues: `/api/v1/dialogen`. Read-only, Dutch fields."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from cases.models import Case
from core.api import LinkSerializer, StrictQueryParameters, resource_links
from core.filters import MAX_INTEGER
from dialogues.consensus import Level
from dialogues.filters import DialogueFilter, StatementFilter
from dialogues.models import Cluster, Dialogue, Poll, PollOption, Question, Statement
from municipalities.api import MunicipalityRefSerializer
from topics.api import TopicRefSerializer


class DialogueLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()
    vragen = LinkSerializer()
    stellingen = LinkSerializer()


class DialogueListSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    datum = serializers.DateField(source="date")
    opdrachtgever = serializers.CharField(source="commissioned_by")
    methode = serializers.CharField(source="method")
    aantalDeelnemers = serializers.IntegerField(source="participants", allow_null=True)  # noqa: N815
    aantalBerichten = serializers.IntegerField(source="messages", allow_null=True)  # noqa: N815
    aantalReacties = serializers.IntegerField(source="reactions", allow_null=True)  # noqa: N815
    aantalStellingenMetNiveau = serializers.IntegerField(  # noqa: N815
        source="statements_with_level"
    )
    aantalPolariserend = serializers.IntegerField(source="polarising_statements")  # noqa: N815
    aantallenIllustratief = serializers.BooleanField(  # noqa: N815
        source="counts_are_illustrative",
        help_text="De stemmen per stelling zijn een illustratie, niet uit de dialoog zelf.",
    )
    gemeenten = MunicipalityRefSerializer(
        source="municipalities", many=True, help_text="De gemeenten waar de dialoog over ging."
    )
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Dialogue
        fields = [
            "slug",
            "titel",
            "datum",
            "opdrachtgever",
            "methode",
            "aantalDeelnemers",
            "aantalBerichten",
            "aantalReacties",
            "aantalStellingenMetNiveau",
            "aantalPolariserend",
            "aantallenIllustratief",
            "gemeenten",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(DialogueLinksSerializer)
    def get__links(self, dialogue: Dialogue) -> dict:
        request = self.context["request"]
        links = resource_links(request, dialogue, "api:dialogue-detail")
        for name, route in (
            ("vragen", "api:dialogue-vragen"),
            ("stellingen", "api:dialogue-stellingen"),
        ):
            links[name] = {"href": reverse(route, kwargs={"slug": dialogue.slug}, request=request)}
        return links


class DialogueDetailSerializer(DialogueListSerializer):
    beschrijving = serializers.CharField(source="description")
    bron = serializers.CharField(source="source_url", help_text="Adres van de bron, of leeg.")

    class Meta(DialogueListSerializer.Meta):
        fields = [*DialogueListSerializer.Meta.fields, "beschrijving", "bron"]


class ClusterSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="pk")
    naam = serializers.CharField(source="name")
    rang = serializers.IntegerField(source="rank")
    toelichting = serializers.CharField(source="explanation")

    class Meta:
        model = Cluster
        fields = ["id", "naam", "rang", "toelichting"]


class PollOptionSerializer(serializers.ModelSerializer):
    tekst = serializers.CharField(source="text")
    stemmen = serializers.IntegerField(source="votes")

    class Meta:
        model = PollOption
        fields = ["tekst", "stemmen"]


class PollSerializer(serializers.ModelSerializer):
    tekst = serializers.CharField(source="text")
    opties = PollOptionSerializer(source="options", many=True)

    class Meta:
        model = Poll
        fields = ["tekst", "opties"]


class QuestionSerializer(serializers.ModelSerializer):
    nummer = serializers.IntegerField(source="number")
    sectie = serializers.CharField(source="section")
    tekst = serializers.CharField(source="text")
    clusters = ClusterSerializer(many=True)
    peilingen = PollSerializer(source="polls", many=True)

    class Meta:
        model = Question
        fields = ["nummer", "sectie", "tekst", "clusters", "peilingen"]


class CaseRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    titel = serializers.CharField(source="title")


class StatementLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    dialoog = LinkSerializer()


class StatementSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="pk")
    tekst = serializers.CharField(source="text")
    label = serializers.CharField(
        help_text="Het hashtag-label uit de dialoog (Synthetron), zonder #; leeg als er geen is."
    )
    vraag = serializers.IntegerField(source="question.number", allow_null=True, default=None)
    cluster = serializers.CharField(source="cluster.name", allow_null=True, default=None)
    eens = serializers.IntegerField(source="agree")
    oneens = serializers.IntegerField(source="disagree")
    neutraal = serializers.IntegerField(source="passed")
    instemming = serializers.FloatField(
        source="agreement",
        allow_null=True,
        help_text="eens / (eens + oneens), 0..1; leeg zonder stemmen eens of oneens.",
    )
    niveau = serializers.SerializerMethodField(
        help_text="top (> 90 %), hoog (> 70 %), midden (> 40 %), laag (> 15 %), bodem; leeg "
        "bij minder dan 4 stemmen eens of oneens."
    )
    polariserend = serializers.BooleanField(source="polarising")
    groepsconsensus = serializers.FloatField(
        source="group_consensus",
        allow_null=True,
        help_text="Pol.is: het product over de meningsgroepen van (eens + 1) / (stemmen + 2).",
    )
    themas = TopicRefSerializer(source="topics", many=True)
    praktijkvoorbeelden = CaseRefSerializer(
        source="visible_cases",
        many=True,
        help_text="De praktijkvoorbeelden bij deze stelling die u mag zien.",
    )
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id",
            "tekst",
            "label",
            "vraag",
            "cluster",
            "eens",
            "oneens",
            "neutraal",
            "instemming",
            "niveau",
            "polariserend",
            "groepsconsensus",
            "themas",
            "praktijkvoorbeelden",
            "_links",
        ]

    @extend_schema_field(StatementLinksSerializer)
    def get__links(self, statement: Statement) -> dict:
        request = self.context["request"]
        slug = statement.dialogue.slug
        return {
            "self": {
                "href": reverse(
                    "api:dialogue-stelling",
                    kwargs={"slug": slug, "id": statement.pk},
                    request=request,
                )
            },
            "dialoog": {
                "href": reverse("api:dialogue-detail", kwargs={"slug": slug}, request=request)
            },
        }

    @extend_schema_field(
        serializers.ChoiceField(choices=Level.choices, allow_null=True)  # for the schema
    )
    def get_niveau(self, statement: Statement) -> str | None:
        return statement.level or None


WHOLE_NUMBER = {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER}


@extend_schema(tags=["dialogen"])
class DialogueViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Dialogen: uitkomsten van online dialogen, met vragen, clusters, peilingen en
    stellingen."""

    lookup_field = "slug"
    filterset_class = DialogueFilter
    paginated_actions = ("list", "vragen", "stellingen")
    modified_field = "updated_at"
    sort_fields = {"datum": "date", "titel": "title", "gewijzigdOp": "updated_at"}
    last_modified_on_detail = True

    def query_filterset_class(self):
        if self.action == "stellingen":
            return StatementFilter
        return DialogueFilter if self.action == "list" else None

    def get_queryset(self):
        dialogues = Dialogue.objects.visible_to(self.request.user)
        if self.action in ("list", "retrieve"):
            return dialogues.prefetch_related("municipalities")
        return dialogues

    def _statements(self, dialogue: Dialogue):
        """The dialogue's statements with their topics and the cases the caller may see."""
        visible_cases = Case.objects.visible_to(self.request.user).only("slug", "title")
        return (
            Statement.objects.filter(dialogue=dialogue)
            .select_related("question", "cluster", "dialogue")
            .prefetch_related(
                "topics", Prefetch("cases", queryset=visible_cases, to_attr="visible_cases")
            )
        )

    def get_serializer_class(self):
        if self.action == "retrieve":
            return DialogueDetailSerializer
        if self.action == "vragen":
            return QuestionSerializer
        if self.action in ("stellingen", "stelling"):
            return StatementSerializer
        return DialogueListSerializer

    def _dialogue(self, slug: str) -> Dialogue:
        return get_object_or_404(self.get_queryset(), slug=slug)

    @extend_schema(responses=QuestionSerializer(many=True))
    @action(detail=True, url_path="vragen")
    def vragen(self, request, slug=None):
        """De vragen in volgorde, met hun clusters (op rang) en peilingen."""
        questions = Question.objects.filter(dialogue=self._dialogue(slug)).prefetch_related(
            "clusters", "polls__options"
        )
        page = self.paginate_queryset(questions.order_by("number"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        parameters=[
            OpenApiParameter("niveau", str, many=True, enum=Level.values),
            OpenApiParameter("polariserend", bool),
            OpenApiParameter(
                "vraag", WHOLE_NUMBER, description="Het nummer van de vraag (1 of hoger)"
            ),
            OpenApiParameter("cluster", WHOLE_NUMBER, description="Het id van een cluster"),
            OpenApiParameter(
                "tekst", {"type": "string", "maxLength": 200}, description="Woorden in de stelling"
            ),
            OpenApiParameter(
                "thema",
                str,
                many=True,
                description="Slug van een thema; meerdere waarden: een van deze",
            ),
        ],
        responses=StatementSerializer(many=True),
    )
    @action(detail=True, url_path="stellingen")
    def stellingen(self, request, slug=None):
        """De stellingen, met het meeste draagvlak eerst; te filteren op niveau,
        polariserend, vraag, cluster en thema."""
        statements = self._statements(self._dialogue(slug)).by_support()
        filterset = StatementFilter(request.query_params, queryset=statements)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        page = self.paginate_queryset(filterset.qs)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
                OpenApiParameter.PATH,
                description="Het id van de stelling",
            )
        ],
        responses=StatementSerializer,
    )
    @action(detail=True, url_path=r"stellingen/(?P<id>[0-9]+)", url_name="stelling")
    def stelling(self, request, slug=None, id=None):  # noqa: A002 (the API's name)
        """Eén stelling van de dialoog, met haar thema's en praktijkvoorbeelden."""
        if int(id) > MAX_INTEGER:
            raise Http404
        statement = get_object_or_404(self._statements(self._dialogue(slug)), pk=id)
        return Response(self.get_serializer(statement).data)
