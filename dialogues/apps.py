from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate
        from wagtail.signals import published

        from core import state
        from dialogues import editorial, services
        from dialogues.models import Dialogue
        from dialogues.tasks import index_statements

        def forget_statements(**kwargs):
            # The statements went with the dialogue (cascade); drop their index entries.
            index_statements.enqueue()

        post_delete.connect(
            forget_statements, sender=Dialogue, weak=False, dispatch_uid="dialogue-index"
        )
        # Statements change only in bulk with their dialogue; their index task ends in the
        # content state's task signal. (A signal per statement would make deleting 1,000 slow.)
        state.track(Dialogue)
        post_migrate.connect(editorial.ensure_dialogue_review, sender=self)

        def replacement_published(instance, **kwargs):
            services.replacement_published(dialogue=instance)

        published.connect(
            replacement_published, sender=Dialogue, weak=False, dispatch_uid="dialogue-replaced"
        )
