"""REST API for spaces: `/api/v1/ruimtes`. Read-only, Dutch camelCase fields.

The list and the detail show the spaces whose content the caller may read
(`Space.objects.visible_to`): public spaces for everyone, and for a caller with an API token
also the closed spaces they are a member of. A closed space that takes requests to join shows
its name on the site (`listed_to`), but the API, which serves systems rather than people
deciding whether to ask, keeps to what the caller can read; an invitation-only space of others
is never shown. A space the caller may not read answers 404, exactly like a missing one.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from core.api import LinkSerializer, StrictQueryParameters
from spaces.models import Space


class SpaceLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()


class SpaceSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    beschrijving = serializers.CharField(source="description")
    zichtbaarheid = serializers.ChoiceField(
        source="visibility",
        choices=Space.Visibility.choices,
        help_text="openbaar: iedereen leest mee; besloten: alleen leden.",
    )
    lidWorden = serializers.ChoiceField(  # noqa: N815 (the API's field names are camelCase)
        source="join_policy",
        choices=Space.JoinPolicy.choices,
        help_text="open: meteen lid; op_verzoek: een moderator beslist; uitnodiging: alleen op "
        "uitnodiging.",
    )
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Space
        fields = [
            "slug",
            "naam",
            "beschrijving",
            "zichtbaarheid",
            "lidWorden",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(SpaceLinksSerializer)
    def get__links(self, space: Space) -> dict:
        request = self.context["request"]
        return {
            "self": {
                "href": reverse("api:space-detail", kwargs={"slug": space.slug}, request=request)
            },
            "webpagina": {
                "href": request.build_absolute_uri(
                    reverse("spaces:home", kwargs={"slug": space.slug})
                )
            },
        }


@extend_schema(tags=["ruimtes"])
class SpaceViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Ruimtes: openbare ruimtes voor iedereen; met een API-token ook de besloten ruimtes waar u
    lid van bent."""

    serializer_class = SpaceSerializer
    lookup_field = "slug"
    filterset_class = None
    modified_field = "updated_at"
    sort_fields = {"naam": "name", "gewijzigdOp": "updated_at"}
    last_modified_on_detail = True

    def get_queryset(self):
        return Space.objects.visible_to(self.request.user).order_by("name", "pk")
