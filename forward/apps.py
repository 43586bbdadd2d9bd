from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForwardConfig(AppConfig):
    """Checklists a person saved from "Vooruit falen" (the page itself: patterns/forward*)."""

    name = "forward"
    verbose_name = _("Vooruit falen")
