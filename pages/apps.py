from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that gather several kinds of content (home, topics, municipalities) and the pages
    about the platform itself (privacy, accessibility, colofon)."""

    name = "pages"
    verbose_name = _("Overzichtspagina's")

    def ready(self) -> None:
        from core.state import track
        from pages.models import OperatorSettings

        # The trust pages show these settings and anonymous pages are cached by the state token.
        track(OperatorSettings)
