from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cases.models import Case
from connectors.models import Connector
from dialogues.models import Dialogue
from discussions.models import Discussion
from municipalities.models import Municipality
from patterns.models import FailurePattern
from topics.models import Topic


class CaseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        # A sitemap is public: it lists exactly what an anonymous visitor may see.
        return Case.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, case):
        return case.last_published_at


class TopicSitemap(Sitemap):
    def items(self):
        return Topic.objects.visible_to(AnonymousUser())


class MunicipalitySitemap(Sitemap):
    def items(self):
        return (
            Municipality.objects.visible_to(AnonymousUser())
            .filter(cases__in=Case.objects.visible_to(AnonymousUser()))
            .distinct()
        )


class PatternSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return FailurePattern.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, pattern):
        return pattern.updated_at


class DiscussionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # Public discussions only: those in public spaces whose opening is shown to everyone.
        return Discussion.objects.public().select_related("space").order_by("pk")

    def lastmod(self, discussion):
        return discussion.last_activity_at


class DialogueSitemap(Sitemap):
    def items(self):
        return Dialogue.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, dialogue):
        return dialogue.updated_at


class ConnectorSitemap(Sitemap):
    def items(self):
        # Only profiles with consent on record: the same rule as every page that shows them.
        return Connector.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, connector):
        return connector.updated_at


class AboutSitemap(Sitemap):
    """The pages about the platform itself, and the lists a visitor starts from."""

    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "cases:list",
            "patterns:list",
            "topics:list",
            "municipalities:list",
            "dialogues:list",
            "connectors:list",
            "opendata:index",
            "colofon",
            "privacy",
            "accessibility",
        ]

    def location(self, name):
        return reverse(name)


sitemaps = {
    "over": AboutSitemap,
    "praktijkvoorbeelden": CaseSitemap,
    "themas": TopicSitemap,
    "gemeenten": MunicipalitySitemap,
    "faalpatronen": PatternSitemap,
    "discussies": DiscussionSitemap,
    "dialogen": DialogueSitemap,
    "wijkschakelaars": ConnectorSitemap,
}
