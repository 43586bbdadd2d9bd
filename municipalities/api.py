"""REST API for municipalities: `/api/v1/gemeenten`."""

from django.db.models import Count, Q
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from municipalities.models import Municipality


class MunicipalityRefSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    cbsCode = serializers.CharField(source="cbs_code")  # noqa: N815

    class Meta:
        model = Municipality
        fields = ["slug", "naam", "cbsCode"]


class MunicipalitySerializer(MunicipalityRefSerializer):
    aantalPraktijkvoorbeelden = serializers.IntegerField(  # noqa: N815
        source="case_count", help_text="Alleen de praktijkvoorbeelden die u mag zien."
    )
    webpagina = serializers.SerializerMethodField()

    class Meta(MunicipalityRefSerializer.Meta):
        fields = [*MunicipalityRefSerializer.Meta.fields, "aantalPraktijkvoorbeelden", "webpagina"]

    def get_webpagina(self, municipality: Municipality) -> str:
        return self.context["request"].build_absolute_uri(municipality.get_absolute_url())


@extend_schema(tags=["gemeenten"])
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """Gemeenten met hun CBS-code; opvragen op CBS-code, bijvoorbeeld GM0363."""

    serializer_class = MunicipalitySerializer
    lookup_field = "cbs_code"
    lookup_url_kwarg = "cbsCode"
    filterset_class = None

    def get_queryset(self):
        from cases.models import Case

        visible_cases = Case.objects.visible_to(self.request.user)
        # An aggregate drops Meta.ordering (Django ignores it in GROUP BY queries): order again.
        return (
            Municipality.objects.visible_to(self.request.user)
            .annotate(case_count=Count("cases", filter=Q(cases__in=visible_cases)))
            .order_by("name")
        )
