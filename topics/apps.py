from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = _("Thema's")

    def ready(self) -> None:
        from core import state
        from topics.models import Topic

        state.track(Topic)
