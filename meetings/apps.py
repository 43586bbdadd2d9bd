from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Bijeenkomsten")

    def ready(self) -> None:
        from core import state
        from meetings.models import Meeting

        # A new, changed or withdrawn meeting changes lists, search and the agenda feeds.
        state.track(Meeting)
