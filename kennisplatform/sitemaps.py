from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from cases.models import Case
from discussions.models import Discussion
from municipalities.models import Municipality
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


class DiscussionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # Public discussions only: those in public spaces whose opening is shown to everyone.
        return Discussion.objects.public().select_related("space").order_by("pk")

    def lastmod(self, discussion):
        return discussion.last_activity_at


sitemaps = {
    "praktijkvoorbeelden": CaseSitemap,
    "themas": TopicSitemap,
    "gemeenten": MunicipalitySitemap,
    "discussies": DiscussionSitemap,
}
