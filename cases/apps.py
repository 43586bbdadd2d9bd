from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Praktijkvoorbeelden")

    def ready(self):
        from cases import editorial

        # post_migrate (not a data migration) so that a test database flush sets it up again.
        post_migrate.connect(editorial.ensure_editorial_setup, sender=self)
