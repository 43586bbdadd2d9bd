"""An Atom feed of the newest discussions in a public space: /ruimtes/<slug>/discussies/feed/.

Feeds are fetched without logging in and may be kept by any reader or proxy, so they are
computed for `ANONYMOUS` whoever asks: a closed space answers 404, for its members too (they
follow it on the site or by e-mail). Each entry shows the opening's text only while it is
published, and the author only when the discussion was not started anonymously.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.access import ANONYMOUS
from discussions.models import Discussion, Post, PostStatus
from spaces.models import Space
from spaces.services import display_name

FEED_ITEMS = 50
FEED_CACHE_SECONDS = 15 * 60


class SpaceDiscussionFeed(Feed):
    feed_type = Atom1Feed
    author_name = settings.SITE_NAME

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={FEED_CACHE_SECONDS}"
        return response

    def get_object(self, request: HttpRequest, slug: str) -> Space:
        space = Space.objects.visible_to(ANONYMOUS).filter(slug=slug).first()
        if space is None:
            raise Http404
        return space

    def title(self, space: Space) -> str:
        return _("Discussies in %(name)s | %(site)s") % {
            "name": space.name,
            "site": settings.SITE_NAME,
        }

    def link(self, space: Space) -> str:
        return reverse("spaces:home", kwargs={"slug": space.slug})

    def subtitle(self, space: Space) -> str:
        return _("De nieuwste vragen, ervaringen en oproepen in deze ruimte.")

    def items(self, space: Space) -> list[Discussion]:
        discussions = list(
            Discussion.objects.public()
            .filter(space=space)
            .select_related("space", "author")
            .order_by("-created_at", "-pk")[:FEED_ITEMS]
        )
        openings = dict(
            Post.objects.filter(
                discussion__in=discussions, is_opening=True, status=PostStatus.PUBLISHED
            ).values_list("discussion_id", "body")
        )
        for discussion in discussions:
            discussion.feed_text = openings.get(discussion.pk, "")
        return discussions

    def item_title(self, discussion: Discussion) -> str:
        return f"{discussion.title} ({discussion.get_kind_display().lower()})"

    def item_description(self, discussion: Discussion) -> str:
        return discussion.feed_text

    def item_author_name(self, discussion: Discussion) -> str | None:
        if discussion.is_anonymous or discussion.author is None:
            return None
        return display_name(discussion.author)

    def item_pubdate(self, discussion: Discussion):
        return discussion.created_at

    def item_updateddate(self, discussion: Discussion):
        return discussion.last_activity_at

    def item_categories(self, discussion: Discussion) -> list[str]:
        return [discussion.get_kind_display()]
