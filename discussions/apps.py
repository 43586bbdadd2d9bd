from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Discussies")

    def ready(self) -> None:
        from core import state
        from discussions import indexing
        from discussions.models import Discussion, Post

        # A post's text is part of its discussion's index entry.
        indexing.connect()

        # A new, hidden or restored post changes what visitors see in lists, counts and search.
        state.track(Discussion, Post)
