from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: plumbing that every app may use and that imports no app of ours."""

    name = "core"
    verbose_name = _("Basis")

    def ready(self) -> None:
        from core import state

        state.connect_task_signal()
