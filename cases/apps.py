from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Praktijkvoorbeelden")

    def ready(self) -> None:
        from taggit.models import Tag

        from cases import editorial, reviews, submissions
        from cases.models import Case, Domain, InterventionDatabank, TaggedCase, TargetGroup
        from core import state

        # post_migrate (not a data migration) so that a test database flush sets it up again.
        post_migrate.connect(editorial.ensure_editorial_setup, sender=self)
        # Tell the member when the editors ask for changes, publish or stop the review.
        submissions.connect()
        # Publishing a case counts as checking it ("laatst beoordeeld").
        reviews.connect()
        state.track(
            Case,
            TaggedCase,
            Tag,
            Domain,
            TargetGroup,
            InterventionDatabank,
            relations=(Case.topics, Case.domains, Case.target_groups),
        )
