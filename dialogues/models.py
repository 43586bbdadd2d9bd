"""Dialogues: the outcomes of online dialogues (Synthetron, Pol.is, ...) beside practice.

A dialogue has questions in order, clusters of answers per question, statements with their votes
and computed consensus (dialogues/consensus.py), and polls. Everything is imported in one go
(dialogues/services.py); editors then link statements to topics and cases in the back office.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast, Least, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from dialogues.consensus import Level
from spaces.models import PublishableQuerySet, Space
from textsearch.index import DutchSearchField


class DialogueQuerySet(PublishableQuerySet):
    """Dialogues are seen as cases are: `visible_to(user)` from PublishableQuerySet."""


class Dialogue(
    PreviewableMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """A dialogue goes public as a case does: an import is a draft (`live` False, from
    DraftStateMixin) until an editor publishes it, directly or through the review workflow.

    Only the dialogue's own fields are kept in revisions; its questions, statements and polls
    are rows of their own, imported once. A replacement of a live dialogue is therefore a
    draft dialogue of its own that `replaces` the live one until it is published
    (dialogues/services.py, `replacement_published`).
    """

    class Source(models.TextChoices):
        WORKBOOK = "workbook", _("werkmap")
        POLIS = "polis", _("Pol.is-export")

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in de URL"), max_length=200, unique=True)
    date = models.DateField(_("datum"))
    commissioned_by = models.CharField(_("opdrachtgever"), max_length=200, blank=True)
    method = models.CharField(_("methode"), max_length=100, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    participants = models.PositiveIntegerField(_("deelnemers"), null=True, blank=True)
    messages = models.PositiveIntegerField(_("berichten"), null=True, blank=True)
    reactions = models.PositiveIntegerField(_("reacties"), null=True, blank=True)
    statements_with_level = models.PositiveIntegerField(
        _("stellingen met een niveau"), default=0, editable=False
    )
    polarising_statements = models.PositiveIntegerField(
        _("polariserende stellingen"), default=0, editable=False
    )
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices)
    source_url = models.URLField(_("adres van de bron"), blank=True)
    counts_are_illustrative = models.BooleanField(
        _("aantallen zijn een illustratie"),
        default=False,
        help_text=_("Aan zetten als de stemmen per stelling niet uit de dialoog zelf komen."),
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("ruimte"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dialogues",
        help_text=_("Leeg: openbaar in de kennisbank."),
    )
    # Pol.is opinion groups, in the order of each statement's `group_votes`:
    # [{"naam": "0", "deelnemers": 12}, ...]. Empty for a dialogue without groups.
    opinion_groups = models.JSONField(_("opiniegroepen"), default=list, blank=True, editable=False)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("vervangt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="replacements",
        help_text=_("De gepubliceerde versie die dit concept vervangt zodra het online gaat."),
    )
    imported_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    municipalities = models.ManyToManyField(
        "municipalities.Municipality",
        verbose_name=_("gemeenten"),
        blank=True,
        related_name="dialogues",
        help_text=_("De gemeenten waar de dialoog over ging."),
    )

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="dialogue",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="dialogue",
        for_concrete_model=False,
    )

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("dialoog")
        verbose_name_plural = _("dialogen")
        constraints = [
            # A replacement waiting for publication shares its source with the live version.
            models.UniqueConstraint(
                fields=["source_url"],
                condition=~Q(source_url="") & Q(replaces__isnull=True),
                name="dialogue_unique_source_url",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("dialogues:detail", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "dialogues/dialogue_detail.html"

    def get_preview_context(self, request, mode_name):
        # Import here: the report's selectors import this module.
        from dialogues.selectors import dialogue_report

        context = super().get_preview_context(request, mode_name)
        context.update(report=dialogue_report(self), is_preview=True)
        return context


class Question(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveIntegerField(_("nummer"))
    section = models.CharField(_("onderdeel"), max_length=200, blank=True)
    text = models.TextField(_("vraag"))

    class Meta:
        ordering = ["dialogue", "number"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(fields=["dialogue", "number"], name="question_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class Cluster(models.Model):
    """Answers to one question grouped by content, ranked by support (1 = most)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="clusters")
    name = models.CharField(_("naam"), max_length=200)
    rank = models.PositiveIntegerField(_("rang"))
    explanation = models.TextField(_("toelichting"), blank=True)
    topics = models.ManyToManyField(
        "topics.Topic", verbose_name=_("thema's"), blank=True, related_name="dialogue_clusters"
    )

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["question", "rank"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [
            models.UniqueConstraint(fields=["question", "name"], name="cluster_unique_name"),
            models.UniqueConstraint(fields=["question", "rank"], name="cluster_unique_rank"),
        ]

    def __str__(self) -> str:
        return self.name


LINKED_STATEMENTS = 5  # quoted on a topic or case page


class StatementQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user) -> StatementQuerySet:
        return self.filter(dialogue__in=Dialogue.objects.visible_to(user))

    def about_page(self) -> StatementQuerySet:
        """The best supported few, as a topic or case page quotes them beside its content."""
        return self.select_related("dialogue").by_support()[:LINKED_STATEMENTS]

    def by_division(self) -> StatementQuerySet:
        """Most divided first: the smaller of agree and disagree as a share of both, so 50/50
        comes first; among equals, the most votes."""
        both = models.F("agree") + models.F("disagree")
        share = models.ExpressionWrapper(
            Cast(Least("agree", "disagree"), models.FloatField()) / NullIf(both, 0),
            output_field=models.FloatField(),
        )
        return self.order_by(
            models.OrderBy(share, descending=True, nulls_last=True), both.desc(), "pk"
        )

    def by_votes(self) -> StatementQuerySet:
        """Most votes first, passes included."""
        votes = models.F("agree") + models.F("disagree") + models.F("passed")
        return self.order_by(votes.desc(), "pk")

    def by_support(self) -> StatementQuerySet:
        """Most agreement first; among equals, the most votes."""
        return self.order_by(
            models.F("agreement").desc(nulls_last=True), models.F("agree").desc(), "pk"
        )


class Statement(index.Indexed, models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="statements")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    external_id = models.CharField(_("nummer in de bron"), max_length=50, blank=True)
    text = models.TextField(_("tekst"))
    # The Synthetron prompt a statement answered ("#Barrière is ..."): its hashtag, kept as a
    # label while the text itself is clean (dialogues/hashtags.py).
    label = models.CharField(_("label"), max_length=50, blank=True)
    agree = models.PositiveIntegerField(_("eens"), default=0)
    disagree = models.PositiveIntegerField(_("oneens"), default=0)
    passed = models.PositiveIntegerField(_("neutraal"), default=0)
    # Computed on import from the counts (dialogues/consensus.py).
    agreement = models.FloatField(_("instemming"), null=True, blank=True, editable=False)
    level = models.CharField(
        _("niveau"), max_length=10, choices=Level.choices, blank=True, editable=False
    )
    polarising = models.BooleanField(_("polariserend"), default=False, editable=False)
    group_consensus = models.FloatField(_("groepsconsensus"), null=True, blank=True, editable=False)
    # [agree, disagree, passed] per opinion group, in the order of `dialogue.opinion_groups`.
    group_votes = models.JSONField(_("stemmen per groep"), default=list, blank=True, editable=False)
    topics = models.ManyToManyField(
        "topics.Topic", verbose_name=_("thema's"), blank=True, related_name="dialogue_statements"
    )
    cases = models.ManyToManyField(
        "cases.Case",
        verbose_name=_("praktijkvoorbeelden"),
        blank=True,
        related_name="dialogue_statements",
    )

    objects = StatementQuerySet.as_manager()
    search_fields = [DutchSearchField("text"), index.FilterField("dialogue_id")]
    # An import saves statements in bulk and indexes them in one task (dialogues/tasks.py);
    # their text is not edited afterwards. Per-object signals would queue a task per statement.
    search_auto_update = False
    search_few_entries = True  # ranked from its own entries (textsearch/backends.py)
    # Wagtail's reference index ("usage") would watch every statement's deletion one by one:
    # replacing a Pol.is dialogue of 1,000 statements took a second longer.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["dialogue", "question__number", "pk"]
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        indexes = [models.Index(fields=["dialogue", "level"], name="statement_dialogue_level")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def agreement_percent(self) -> int | None:
        return None if self.agreement is None else round(self.agreement * 100)


class Poll(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="polls")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.CASCADE, related_name="polls"
    )
    text = models.TextField(_("poll"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["dialogue", "position"]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return self.text[:80]


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("optie"), max_length=300)
    votes = models.PositiveIntegerField(_("stemmen"), default=0)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["poll", "position"]
        verbose_name = _("optie")
        verbose_name_plural = _("opties")

    def __str__(self) -> str:
        return self.text
