"""Discussions: members talk in a space ("vraag", "ervaring delen", "oproep") and reply.

A discussion always lives in a space. In a public space everyone reads and members write; in a
closed space only members (and editors) read. `DiscussionQuerySet.visible_to` and
`PostQuerySet.visible_to` are the one road to discussions and posts, for pages, search, counts,
feeds, the API and the sitemap alike.

The opening text of a discussion is its first post (`Post.is_opening`), so editing, deleting,
reporting and hiding work the same for openings and replies. A discussion is shown when its
opening post is shown.

An anonymous post (`is_anonymous`, only in closed spaces) keeps its author in `author` for
moderators and editors; everything that shows a post to others goes through `Post.shown_author`,
which never returns the author of an anonymous post.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin

from core.access import ANONYMOUS, Visitor, is_editor
from spaces.models import Membership, Space
from textsearch.index import DutchSearchField

# How long an author may edit their own post after writing it.
EDIT_WINDOW = timedelta(hours=24)


class PostStatus(models.TextChoices):
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    HELD = "wacht", _("Wacht op een moderator")
    HIDDEN = "verborgen", _("Verborgen door een moderator")
    DELETED = "verwijderd", _("Verwijderd door de schrijver")


def _moderated_space_ids(user: Visitor):
    return Membership.objects.moderators().filter(user=user).values("space_id")


class DiscussionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user: Visitor) -> DiscussionQuerySet:
        """Discussions in a space `user` may read whose opening post is published.

        Editors see everything. Moderators of a space also see held and hidden discussions of
        that space (they decide on them), and an author sees their own held or hidden opening
        (with the reason), never someone else's. A discussion whose opening was deleted by its
        author stays visible while it has replies (the opening shows "verwijderd").
        """
        if is_editor(user):
            return self.all()
        readable = self.filter(space__in=Space.objects.visible_to(user))
        shown = Q(opening_status=PostStatus.PUBLISHED) | Q(
            opening_status=PostStatus.DELETED, reply_count__gt=0
        )
        if user.is_authenticated:
            shown |= Q(space__in=_moderated_space_ids(user)) | Q(author=user)
        return readable.filter(shown)

    def public(self) -> DiscussionQuerySet:
        """What anyone may read (feeds, sitemap, pages cached for anonymous visitors)."""
        return self.visible_to(ANONYMOUS)

    def with_list_data(self) -> DiscussionQuerySet:
        return self.select_related("space", "author")

    def recent(self) -> DiscussionQuerySet:
        return self.order_by("-last_activity_at", "-pk")


class Discussion(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        QUESTION = "vraag", _("Vraag")
        EXPERIENCE = "ervaring", _("Ervaring delen")
        CALL = "oproep", _("Oproep")

    # Ranked from its own entries (textsearch/sqlite.py): there are far fewer discussions than
    # matches of a common word among the cases.
    search_few_entries = True

    space = models.ForeignKey(
        Space, verbose_name=_("ruimte"), on_delete=models.CASCADE, related_name="discussions"
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=160)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussions",
    )
    is_anonymous = models.BooleanField(_("anoniem gedeeld"), default=False)
    # Copied from the opening post and counted from the replies by the services, so that lists
    # and visible_to need no join or subquery per discussion.
    opening_status = models.CharField(
        max_length=12, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    reply_count = models.PositiveIntegerField(default=0)
    is_locked = models.BooleanField(_("gesloten voor reacties"), default=False)
    lock_reason = models.CharField(_("reden van sluiten"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("laatste reactie"), default=timezone.now)

    # Filled by the services from the posts' text (mentions become links and appear on the
    # case's and topic's page).
    mentioned_cases = models.ManyToManyField(
        "cases.Case",
        blank=True,
        related_name="discussions",
        verbose_name=_("genoemde praktijkvoorbeelden"),
    )
    mentioned_topics = models.ManyToManyField(
        "topics.Topic", blank=True, related_name="discussions", verbose_name=_("genoemde thema's")
    )
    mentioned_connectors = models.ManyToManyField(
        "connectors.Connector",
        blank=True,
        related_name="discussions",
        verbose_name=_("genoemde wijkschakelaars"),
    )

    objects = DiscussionQuerySet.as_manager()

    search_fields = [
        DutchSearchField("title", boost=5, compounds=True),
        DutchSearchField("search_body"),
        index.AutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("space"),
        index.FilterField("opening_status"),
    ]

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("discussie")
        verbose_name_plural = _("discussies")
        indexes = [
            models.Index(fields=["space", "-last_activity_at"], name="discussion_space_recent_idx")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:detail", kwargs={"slug": self.space.slug, "pk": self.pk})

    def search_body(self) -> str:
        """The published posts' text; held, hidden and deleted posts are never indexed."""
        return "\n".join(
            self.posts.filter(status=PostStatus.PUBLISHED).values_list("body", flat=True)
        )


class PostQuerySet(models.QuerySet):
    def visible_to(self, user: Visitor) -> PostQuerySet:
        """Posts of discussions `user` may see. Held and hidden posts only for the space's
        moderators, editors and their author; deleted posts stay as a marker (the template
        shows "verwijderd", never the text)."""
        discussions = Discussion.objects.visible_to(user)
        posts = self.filter(discussion__in=discussions)
        if is_editor(user):
            return posts
        shown = Q(status__in=[PostStatus.PUBLISHED, PostStatus.DELETED])
        if user.is_authenticated:
            shown |= Q(author=user) | Q(discussion__space__in=_moderated_space_ids(user))
        return posts.filter(shown)


class Post(models.Model):
    discussion = models.ForeignKey(
        Discussion, verbose_name=_("discussie"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
    )
    is_anonymous = models.BooleanField(_("anoniem gedeeld"), default=False)
    is_opening = models.BooleanField(default=False, editable=False)
    body = models.TextField(_("tekst"))
    status = models.CharField(
        _("status"), max_length=12, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    # The reason a moderator gave for hiding or holding; the author sees it.
    moderation_reason = models.CharField(_("reden"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("geschreven op"), default=timezone.now)
    edited_at = models.DateTimeField(_("bewerkt op"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [
            models.Index(fields=["discussion", "created_at"], name="post_discussion_time_idx"),
            models.Index(fields=["author", "created_at"], name="post_author_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.discussion} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.discussion.get_absolute_url()}#bericht-{self.pk}"

    def shown_author(self, viewer: Visitor = None):
        """The author to show `viewer`, or None. Anonymous posts show no author, except to
        the space's moderators and editors (who see it marked as anonymous)."""
        if not self.is_anonymous:
            return self.author
        if viewer is not None and viewer.is_authenticated and self.author_visible_to(viewer):
            return self.author
        return None

    def author_visible_to(self, viewer: Visitor) -> bool:
        if is_editor(viewer):
            return True
        return (
            Membership.objects.moderators()
            .filter(space_id=self.discussion.space_id, user=viewer)
            .exists()
        )

    @property
    def is_editable_until(self):
        return self.created_at + EDIT_WINDOW


class PostAttachment(models.Model):
    """A file in Wagtail's document library, attached to a post. It is served only to those
    who may see the post (the `before_serve_document` hook in discussions/wagtail_hooks.py)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bestand"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return str(self.document)


class Report(models.Model):
    """Someone signed in reports a post to the space's moderators and the editors."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HANDLED = "afgehandeld", _("Afgehandeld")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reden"), max_length=1000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status="open"),
                name="one_open_report_per_reporter",
            )
        ]

    def __str__(self) -> str:
        return f"Melding over {self.post}"


class Subscription(models.Model):
    """How often a person hears about new discussions in a space they follow. Replies to one's
    own discussions and decisions about one's own posts follow `EmailPreferences`."""

    class Frequency(models.TextChoices):
        IMMEDIATELY = "direct", _("Direct, per nieuwe discussie")
        DAILY = "dagelijks", _("Eén keer per dag een overzicht")
        NEVER = "nooit", _("Nooit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_subscriptions"
    )
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="subscriptions")
    frequency = models.CharField(
        _("hoe vaak"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    # The last daily digest covered everything up to here.
    digest_sent_until = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "space"], name="one_subscription_per_space")
        ]
        verbose_name = _("volgen van een ruimte")
        verbose_name_plural = _("volgen van ruimtes")

    def __str__(self) -> str:
        return f"{self.user} volgt {self.space} ({self.frequency})"
