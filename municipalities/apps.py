from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Gemeenten")

    def ready(self) -> None:
        from core import state
        from municipalities.models import Municipality

        state.track(Municipality)
