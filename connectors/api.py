"""REST API for wijkschakelaars: public fields only; never the e-mail address or consent data."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from cases.models import Case
from connectors.filters import ConnectorFilter
from connectors.models import Connector, Kind
from core.api import StrictQueryParameters
from municipalities.api import MunicipalityRefSerializer
from topics.api import TopicRefSerializer


class CaseRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    titel = serializers.CharField(source="title")


class ConnectorSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    rol = serializers.CharField(source="role")
    organisatie = serializers.CharField(source="organisation")
    soort = serializers.ChoiceField(source="kind", choices=Kind.choices)
    gemeente = MunicipalityRefSerializer(source="municipality", allow_null=True)
    wijken = serializers.ListField(source="neighbourhood_list", child=serializers.CharField())
    expertise = TopicRefSerializer(source="topics", many=True)
    mandaat = serializers.CharField(source="mandate")
    beschrijving = serializers.CharField(source="bio")
    openVoorVragen = serializers.BooleanField(source="open_for_questions")  # noqa: N815
    isVoorbeeld = serializers.BooleanField(source="is_example")  # noqa: N815
    praktijkvoorbeelden = serializers.SerializerMethodField()
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Connector
        fields = [
            "slug",
            "naam",
            "rol",
            "organisatie",
            "soort",
            "gemeente",
            "wijken",
            "expertise",
            "mandaat",
            "beschrijving",
            "openVoorVragen",
            "isVoorbeeld",
            "praktijkvoorbeelden",
            "gewijzigdOp",
            "_links",
        ]

    def get_praktijkvoorbeelden(self, connector) -> list[dict]:
        visible = self.context["visible_case_ids"]
        cases = [case for case in connector.cases.all() if case.pk in visible]
        return CaseRefSerializer(cases, many=True).data

    def get__links(self, connector) -> dict:
        request = self.context["request"]
        links = {
            "self": {
                "href": reverse(
                    "api:connector-detail", kwargs={"slug": connector.slug}, request=request
                )
            },
            "webpagina": {"href": request.build_absolute_uri(connector.get_absolute_url())},
        }
        if connector.open_for_questions:
            links["contact"] = {
                "href": request.build_absolute_uri(
                    reverse("connectors:contact", kwargs={"slug": connector.slug})
                )
            }
        return links


@extend_schema(tags=["wijkschakelaars"])
class ConnectorViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Wijkschakelaars: mensen die bewoners, professionals en organisaties verbinden. Alleen
    openbare gegevens; contact gaat via het formulier op hun pagina."""

    serializer_class = ConnectorSerializer
    filterset_class = ConnectorFilter
    lookup_field = "slug"
    modified_field = "updated_at"
    sort_fields = {"naam": "name", "gewijzigdOp": "updated_at"}

    def get_queryset(self):
        return (
            Connector.objects.visible_to(self.request.user)
            .select_related("municipality")
            .prefetch_related("topics", "cases")
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        # The cases a person is linked to, as far as the caller may see them (one query).
        context["visible_case_ids"] = set(
            Case.objects.visible_to(self.request.user)
            .filter(connectors__isnull=False)
            .values_list("pk", flat=True)
        )
        return context
