from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "spaces"
    verbose_name = _("Ruimtes")

    def ready(self) -> None:
        from core import state
        from spaces.models import Membership, Space

        # Who may read a closed space decides what members see in search and lists.
        state.track(Space, Membership)
