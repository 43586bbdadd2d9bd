from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TextSearchConfig(AppConfig):
    """The text-search engine: Dutch analysis, index fields, backends, ranking, highlighting.
    It imports no domain app."""

    name = "textsearch"
    verbose_name = _("Zoekmachine")

    def ready(self) -> None:
        from core import state
        from textsearch import checks  # noqa: F401 (registers the system checks)
        from textsearch.models import SynonymGroup

        state.track(SynonymGroup)
