from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConnectorsConfig(AppConfig):
    name = "connectors"
    verbose_name = _("Wijkschakelaars")

    def ready(self) -> None:
        from connectors import signals
        from connectors.models import Connector, Consent
        from core import state

        signals.connect()
        state.track(Connector, Consent)
