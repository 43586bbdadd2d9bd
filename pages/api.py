"""REST API for topics (`/api/v1/themas`) and municipalities (`/api/v1/gemeenten`), each with
the number of its practice cases that the caller may see."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from cases.selectors import with_visible_case_counts
from core.api import LinkSerializer, StrictQueryParameters, resource_links
from municipalities.api import MunicipalityRefSerializer
from municipalities.models import Municipality
from topics.models import Topic


class ResourceLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()


class TopicSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    beschrijving = serializers.CharField(source="description")
    aantalPraktijkvoorbeelden = serializers.IntegerField(  # noqa: N815
        source="case_count", help_text="Alleen de praktijkvoorbeelden die u mag zien."
    )
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = [
            "slug",
            "naam",
            "beschrijving",
            "aantalPraktijkvoorbeelden",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, topic: Topic) -> dict:
        return resource_links(self.context["request"], topic, "api:topic-detail")


@extend_schema(tags=["themas"])
class TopicViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Thema's van het platform, met het aantal praktijkvoorbeelden per thema."""

    serializer_class = TopicSerializer
    lookup_field = "slug"
    filterset_class = None
    modified_field = "updated_at"
    sort_fields = {"naam": "name", "gewijzigdOp": "updated_at"}

    def get_queryset(self):
        topics = Topic.objects.visible_to(self.request.user)
        return with_visible_case_counts(topics, self.request.user)


class MunicipalitySerializer(MunicipalityRefSerializer):
    aantalPraktijkvoorbeelden = serializers.IntegerField(  # noqa: N815
        source="case_count", help_text="Alleen de praktijkvoorbeelden die u mag zien."
    )
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta(MunicipalityRefSerializer.Meta):
        fields = [
            *MunicipalityRefSerializer.Meta.fields,
            "aantalPraktijkvoorbeelden",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(ResourceLinksSerializer)
    def get__links(self, municipality: Municipality) -> dict:
        request = self.context["request"]
        href = reverse(
            "api:municipality-detail", kwargs={"cbsCode": municipality.cbs_code}, request=request
        )
        return {
            "self": {"href": href},
            "webpagina": {"href": request.build_absolute_uri(municipality.get_absolute_url())},
        }


@extend_schema(tags=["gemeenten"])
class MunicipalityViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Gemeenten met hun CBS-code; opvragen op CBS-code, bijvoorbeeld GM0363."""

    serializer_class = MunicipalitySerializer
    lookup_field = "cbs_code"
    lookup_url_kwarg = "cbsCode"
    filterset_class = None
    modified_field = "updated_at"
    sort_fields = {"naam": "name", "cbsCode": "cbs_code", "gewijzigdOp": "updated_at"}

    def get_queryset(self):
        municipalities = Municipality.objects.visible_to(self.request.user)
        return with_visible_case_counts(municipalities, self.request.user)
