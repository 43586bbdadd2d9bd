"""The addresses of discussions, all inside a space: /ruimtes/<space>/... Reading and writing
(`urls_members`), moderation (`urls_moderation`) and feeds (`urls_feeds`) keep their own lists."""

from discussions.urls_feeds import urlpatterns as feed_patterns
from discussions.urls_members import urlpatterns as member_patterns
from discussions.urls_moderation import urlpatterns as moderation_patterns

app_name = "discussions"
urlpatterns = [*member_patterns, *moderation_patterns, *feed_patterns]
