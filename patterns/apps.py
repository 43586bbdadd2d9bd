from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatternsConfig(AppConfig):
    name = "patterns"
    verbose_name = _("Faalpatronen")

    def ready(self) -> None:
        from core import state
        from patterns.models import CasePattern, FailurePattern

        state.track(
            FailurePattern,
            CasePattern,
            relations=(FailurePattern.statements, FailurePattern.discussions),
        )
