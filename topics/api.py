"""REST API for topics: `/api/v1/themas`."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets

from topics.models import Topic


class TopicRefSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")

    class Meta:
        model = Topic
        fields = ["slug", "naam"]


class TopicSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    beschrijving = serializers.CharField(source="description")
    aantalPraktijkvoorbeelden = serializers.IntegerField(  # noqa: N815
        source="case_count", help_text="Alleen de praktijkvoorbeelden die u mag zien."
    )
    webpagina = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = ["slug", "naam", "beschrijving", "aantalPraktijkvoorbeelden", "webpagina"]

    def get_webpagina(self, topic: Topic) -> str:
        return self.context["request"].build_absolute_uri(topic.get_absolute_url())


@extend_schema(tags=["themas"])
class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    """Thema's van het platform, met het aantal praktijkvoorbeelden per thema."""

    serializer_class = TopicSerializer
    lookup_field = "slug"
    filterset_class = None

    def get_queryset(self):
        from topics.views import topics_with_case_counts

        return topics_with_case_counts(self.request.user)
