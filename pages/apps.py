from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that gather several kinds of content: home, topics and municipalities."""

    name = "pages"
    verbose_name = _("Overzichtspagina's")
