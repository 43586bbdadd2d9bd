"""REST API for meetings: `/api/v1/bijeenkomsten`. Read-only, Dutch camelCase fields.

Everything starts from `visible_to(request.user)`: a meeting the caller may not see answers 404
and counts nowhere. The API never carries participants' data: no names, no registrations, and
never the online link (a participant finds it on the site, in their .ics file and e-mails).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from core.api import LinkSerializer, StrictQueryParameters
from core.filters import FilterSet
from meetings.access import access_meeting
from meetings.models import Meeting


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class MeetingFilter(FilterSet):
    # Slugs, not choices: an unknown space and one the caller may not read both give an empty
    # list, so the filter never tells which closed spaces exist.
    ruimte = SlugFilter(field_name="space__slug", label=_("Ruimte"))
    thema = SlugFilter(field_name="topics__slug", label=_("Thema"), distinct=True)
    gemeente = SlugFilter(field_name="municipality__slug", label=_("Gemeente"))
    vorm = django_filters.MultipleChoiceFilter(
        choices=Meeting.Form.choices, field_name="form", label=_("Vorm")
    )

    class Meta:
        model = Meeting
        fields: list[str] = []


class RefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")


class MeetingLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()
    agenda = LinkSerializer()


class MeetingListSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    beschrijving = serializers.CharField(source="description")
    begin = serializers.DateTimeField(source="starts_at")
    einde = serializers.DateTimeField(source="ends_at")
    vorm = serializers.ChoiceField(source="form", choices=Meeting.Form.choices)
    adres = serializers.CharField(
        source="address", help_text="Het adres bij een bijeenkomst op locatie of hybride."
    )
    ruimte = RefSerializer(source="space", allow_null=True, help_text="Leeg: openbare agenda.")
    gemeente = RefSerializer(source="municipality", allow_null=True)
    themas = RefSerializer(source="topics", many=True)
    capaciteit = serializers.IntegerField(
        source="capacity", allow_null=True, help_text="Leeg: geen maximum."
    )
    aanmeldenTot = serializers.DateTimeField(source="closes_at")  # noqa: N815
    gewijzigdOp = serializers.DateTimeField(source="updated_at")  # noqa: N815
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "titel",
            "beschrijving",
            "begin",
            "einde",
            "vorm",
            "adres",
            "ruimte",
            "gemeente",
            "themas",
            "capaciteit",
            "aanmeldenTot",
            "gewijzigdOp",
            "_links",
        ]

    @extend_schema_field(MeetingLinksSerializer)
    def get__links(self, meeting: Meeting) -> dict:
        request = self.context["request"]
        return {
            "self": {
                "href": reverse(
                    "api:meeting-detail", kwargs={"slug": meeting.slug}, request=request
                )
            },
            "webpagina": {"href": request.build_absolute_uri(meeting.get_absolute_url())},
            "agenda": {
                "href": request.build_absolute_uri(f"{meeting.get_absolute_url()}agenda.ics")
            },
        }


class MeetingDetailSerializer(MeetingListSerializer):
    verslag = serializers.CharField(source="report", help_text="Het verslag achteraf.")

    class Meta(MeetingListSerializer.Meta):
        fields = [*MeetingListSerializer.Meta.fields, "verslag"]


@extend_schema(tags=["bijeenkomsten"])
class MeetingViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Bijeenkomsten: online, op locatie en hybride, in de openbare agenda en in ruimtes. Alleen
    wat u mag zien; de eerstvolgende eerst. Zonder gegevens van deelnemers."""

    lookup_field = "slug"
    filterset_class = MeetingFilter
    modified_field = "updated_at"
    sort_fields = {"begin": "starts_at", "gewijzigdOp": "updated_at", "titel": "title"}

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("space", "municipality")
            .prefetch_related("topics")
            .order_by("starts_at", "pk")
        )

    def get_object(self) -> Meeting:
        return access_meeting(self.request.user, self.kwargs["slug"])

    def get_serializer_class(self):
        if self.action == "retrieve":
            return MeetingDetailSerializer
        return MeetingListSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                name,
                {"type": "string", "pattern": "^[-a-zA-Z0-9_]*$"},
                description=description,
            )
            for name, description in (
                ("ruimte", "Slug van een ruimte"),
                ("thema", "Slug van een thema"),
                ("gemeente", "Slug van een gemeente"),
            )
        ]
        + [
            OpenApiParameter(
                "vorm",
                str,
                enum=Meeting.Form.values,
                many=True,
                description="Vorm van de bijeenkomst; meerdere waarden: een van deze",
            )
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "slug",
                {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                OpenApiParameter.PATH,
                description="De slug van de bijeenkomst",
            )
        ]
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
