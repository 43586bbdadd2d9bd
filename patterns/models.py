"""Failure patterns (faalpatronen): recurring reasons why neighbourhood work fails.

A pattern is written by the editors in the platform's own words: what it is, the signs to look
out for and the courses of action (handelingsperspectieven). Editors attach patterns to failed and
mixed cases, and to successes that avoided one (`CasePattern.avoided`). The link is part of the
case (a `ParentalKey`), so it goes through the case's drafts, revisions and review like the rest.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from cases.models import Case
from core.access import Visitor


class FailurePatternQuerySet(models.QuerySet):
    def visible_to(self, user) -> FailurePatternQuerySet:
        # Like topics, patterns are the platform's public vocabulary and never hidden. Which
        # cases a pattern *shows* is filtered by Case.objects.visible_to.
        return self.all()

    def with_case_counts(self, user: Visitor) -> FailurePatternQuerySet:
        """Each pattern with `played_count` (the cases `user` may see in which it played),
        `avoided_count` (those that avoided it) and `case_count` (both). Drafts and cases in
        closed spaces count only for those who may see them."""
        shown = Q(case_links__case__in=Case.objects.visible_to(user))
        ordering = self.query.order_by or self.model._meta.ordering
        return (
            self.annotate(
                played_count=Count("case_links", filter=shown & Q(case_links__avoided=False)),
                avoided_count=Count("case_links", filter=shown & Q(case_links__avoided=True)),
            )
            .annotate(case_count=F("played_count") + F("avoided_count"))
            .order_by(*ordering)
        )


class FailurePattern(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=120, unique=True)
    summary = models.TextField(_("in één zin"))
    description = models.TextField(_("beschrijving"))
    signs = models.TextField(
        _("signalen"), help_text=_("Waaraan herkent u dit patroon op tijd? Eén signaal per regel.")
    )
    courses_of_action = models.TextField(
        _("handelingsperspectieven"),
        help_text=_("Wat kunt u doen om het te voorkomen of te keren? Eén actie per regel."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    # What else speaks of this pattern. Each is shown on the pattern's page only to those who
    # may see it (Statement.objects.visible_to, Discussion.objects.visible_to).
    statements = models.ManyToManyField(
        "dialogues.Statement",
        verbose_name=_("stellingen uit dialogen"),
        blank=True,
        related_name="failure_patterns",
        help_text=_("Stellingen uit dialogen die over dit patroon gaan."),
    )
    discussions = models.ManyToManyField(
        "discussions.Discussion",
        verbose_name=_("discussies"),
        blank=True,
        related_name="failure_patterns",
        help_text=_(
            "Discussies die over dit patroon gaan. Een discussie in een besloten ruimte ziet "
            "alleen wie die ruimte mag lezen."
        ),
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = FailurePatternQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("faalpatroon")
        verbose_name_plural = _("faalpatronen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("patterns:detail", kwargs={"slug": self.slug})

    @property
    def sign_list(self) -> list[str]:
        return [line.strip() for line in self.signs.splitlines() if line.strip()]

    @property
    def action_list(self) -> list[str]:
        return [line.strip() for line in self.courses_of_action.splitlines() if line.strip()]


class CasePattern(Orderable):
    """A failure pattern that played in a case, or that the case avoided."""

    case = ParentalKey("cases.Case", on_delete=models.CASCADE, related_name="pattern_links")
    pattern = models.ForeignKey(
        FailurePattern,
        verbose_name=_("faalpatroon"),
        on_delete=models.PROTECT,  # a pattern in use is merged or detached first, never lost
        related_name="case_links",
    )
    avoided = models.BooleanField(
        _("vermeden"),
        default=False,
        help_text=_("Aanvinken als dit voorbeeld laat zien hoe het patroon is voorkomen."),
    )

    panels = [FieldPanel("pattern"), FieldPanel("avoided")]

    class Meta(Orderable.Meta):
        verbose_name = _("faalpatroon van een praktijkvoorbeeld")
        verbose_name_plural = _("faalpatronen van praktijkvoorbeelden")
        constraints = [
            models.UniqueConstraint(fields=["case", "pattern"], name="unique_case_pattern")
        ]
        indexes = [models.Index(fields=["pattern", "case"], name="pattern_case_idx")]
