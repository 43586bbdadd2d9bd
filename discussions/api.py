"""REST API for discussions: `/api/v1/discussies`. Read-only, Dutch camelCase fields.

Everything starts from `visible_to(request.user)`: a discussion the caller may not read answers
404, exactly like a missing one, and counts nowhere. Of its posts the caller gets the ones
`Post.objects.visible_to` gives them (a deleted post as a marker, without its text), and an
anonymous post never names its author, except to the space's moderators and editors
(the rule of `Post.shown_author`).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from core.access import Visitor, is_editor
from core.api import LinkSerializer, StrictQueryParameters
from core.filters import MAX_INTEGER, FilterSet
from discussions.models import Discussion, Post, PostStatus
from spaces.models import Membership
from spaces.services import display_name


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class DiscussionFilter(FilterSet):
    # A slug, not a choice among the caller's spaces: an unknown space and one the caller may
    # not read both give an empty list, so the filter never tells which closed spaces exist.
    ruimte = SlugFilter(field_name="space__slug", label=_("Ruimte"))
    soort = django_filters.MultipleChoiceFilter(
        choices=Discussion.Kind.choices, field_name="kind", label=_("Soort")
    )

    class Meta:
        model = Discussion
        fields: list[str] = []


class AuthorRule:
    """Who a viewer may see behind anonymous posts: `Post.shown_author`'s rule, asked of the
    database once per request instead of once per post (the moderators' spaces, or all for
    an editor)."""

    def __init__(self, viewer: Visitor):
        self.viewer = viewer
        self._all = is_editor(viewer)
        self._spaces: set[int] | None = None if viewer.is_authenticated else set()

    def may_see(self, space_id: int) -> bool:
        if self._all:
            return True
        if self._spaces is None:
            self._spaces = set(
                Membership.objects.moderators()
                .filter(user=self.viewer)
                .values_list("space_id", flat=True)
            )
        return space_id in self._spaces

    def name(self, author, is_anonymous: bool, space_id: int) -> str | None:
        """The author's name to show, or None (anonymous, or an account that was closed)."""
        if author is None or (is_anonymous and not self.may_see(space_id)):
            return None
        return display_name(author)


class SpaceRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    naam = serializers.CharField(source="name")


class DiscussionLinksSerializer(serializers.Serializer):
    self = LinkSerializer()
    webpagina = LinkSerializer()


class DiscussionListSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(source="title")
    soort = serializers.ChoiceField(source="kind", choices=Discussion.Kind.choices)
    ruimte = SpaceRefSerializer(source="space")
    schrijver = serializers.SerializerMethodField(
        help_text="Wie de discussie begon; leeg als dat anoniem was (of het account is opgeheven)."
    )
    anoniem = serializers.BooleanField(source="is_anonymous")
    gesloten = serializers.BooleanField(
        source="is_locked", help_text="Gesloten voor nieuwe reacties."
    )
    aantalReacties = serializers.IntegerField(source="reply_count")  # noqa: N815
    gestartOp = serializers.DateTimeField(source="created_at")  # noqa: N815
    laatsteActiviteit = serializers.DateTimeField(source="last_activity_at")  # noqa: N815
    gewijzigdOp = serializers.DateTimeField(  # noqa: N815
        source="last_activity_at", help_text="De laatste activiteit: het laatste bericht."
    )
    _links = serializers.SerializerMethodField()

    class Meta:
        model = Discussion
        fields = [
            "id",
            "titel",
            "soort",
            "ruimte",
            "schrijver",
            "anoniem",
            "gesloten",
            "aantalReacties",
            "gestartOp",
            "laatsteActiviteit",
            "gewijzigdOp",
            "_links",
        ]

    def get_schrijver(self, discussion: Discussion) -> str | None:
        rule: AuthorRule = self.context["authors"]
        return rule.name(discussion.author, discussion.is_anonymous, discussion.space_id)

    @extend_schema_field(DiscussionLinksSerializer)
    def get__links(self, discussion: Discussion) -> dict:
        request = self.context["request"]
        return {
            "self": {
                "href": reverse(
                    "api:discussion-detail", kwargs={"pk": discussion.pk}, request=request
                )
            },
            "webpagina": {"href": request.build_absolute_uri(discussion.get_absolute_url())},
        }


class PostAttachmentSerializer(serializers.Serializer):
    titel = serializers.CharField(source="document.title")
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(attachment.document.url)


class PostSerializer(serializers.ModelSerializer):
    tekst = serializers.SerializerMethodField(
        help_text="De tekst zoals geschreven (platte tekst); leeg als het bericht is verwijderd."
    )
    schrijver = serializers.SerializerMethodField(
        help_text="De naam van wie het schreef; leeg bij een anoniem of verwijderd bericht."
    )
    anoniem = serializers.BooleanField(source="is_anonymous")
    opening = serializers.BooleanField(
        source="is_opening", help_text="Het eerste bericht, waarmee de discussie begon."
    )
    status = serializers.ChoiceField(
        choices=PostStatus.choices,
        help_text="Alleen moderatoren, redacteuren en de schrijver zien berichten die wachten of "
        "verborgen zijn.",
    )
    verwijderd = serializers.SerializerMethodField()
    geplaatstOp = serializers.DateTimeField(source="created_at")  # noqa: N815
    bewerktOp = serializers.DateTimeField(source="edited_at", allow_null=True)  # noqa: N815
    bijlagen = serializers.SerializerMethodField()

    class Meta:
        model = Post
        fields = [
            "id",
            "tekst",
            "schrijver",
            "anoniem",
            "opening",
            "status",
            "verwijderd",
            "geplaatstOp",
            "bewerktOp",
            "bijlagen",
        ]

    def get_verwijderd(self, post: Post) -> bool:
        return post.status == PostStatus.DELETED

    def get_tekst(self, post: Post) -> str | None:
        return None if post.status == PostStatus.DELETED else post.body

    def get_schrijver(self, post: Post) -> str | None:
        if post.status == PostStatus.DELETED:
            return None
        rule: AuthorRule = self.context["authors"]
        return rule.name(post.author, post.is_anonymous, self.context["space_id"])

    @extend_schema_field(PostAttachmentSerializer(many=True))
    def get_bijlagen(self, post: Post) -> list[dict]:
        if post.status == PostStatus.DELETED:
            return []
        return PostAttachmentSerializer(
            post.attachments.all(), many=True, context=self.context
        ).data


class DiscussionDetailSerializer(DiscussionListSerializer):
    berichten = serializers.SerializerMethodField(
        help_text="De berichten die u mag zien, oudste eerst; het eerste is de opening."
    )

    class Meta(DiscussionListSerializer.Meta):
        fields = [*DiscussionListSerializer.Meta.fields, "berichten"]

    @extend_schema_field(PostSerializer(many=True))
    def get_berichten(self, discussion: Discussion) -> list[dict]:
        request = self.context["request"]
        posts = (
            Post.objects.visible_to(request.user)
            .filter(discussion=discussion)
            .select_related("author")
            .prefetch_related("attachments__document")
            .order_by("created_at", "pk")
        )
        context = {**self.context, "space_id": discussion.space_id}
        return PostSerializer(posts, many=True, context=context).data


@extend_schema(tags=["discussies"])
class DiscussionViewSet(StrictQueryParameters, viewsets.ReadOnlyModelViewSet):
    """Discussies: vragen, ervaringen en oproepen van leden in de ruimtes, met hun reacties.
    Alleen wat u mag lezen; de laatste activiteit eerst."""

    filterset_class = DiscussionFilter
    lookup_value_regex = "[0-9]+"
    modified_field = "last_activity_at"
    sort_fields = {
        "laatsteActiviteit": "last_activity_at",
        "gestartOp": "created_at",
        "gewijzigdOp": "last_activity_at",
        "titel": "title",
    }

    def get_queryset(self):
        return Discussion.objects.visible_to(self.request.user).with_list_data().recent()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return DiscussionDetailSerializer
        return DiscussionListSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["authors"] = AuthorRule(self.request.user)
        return context

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "ruimte",
                {"type": "string", "pattern": "^[-a-zA-Z0-9_]*$"},
                description="Slug van een ruimte",
            ),
            OpenApiParameter(
                "soort",
                str,
                enum=Discussion.Kind.values,
                many=True,
                description="Soort discussie; meerdere waarden: een van deze",
            ),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "id",
                {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER},
                OpenApiParameter.PATH,
                description="Het id van de discussie",
            )
        ]
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
