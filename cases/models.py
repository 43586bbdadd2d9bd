"""Practice cases (praktijkvoorbeelden): successes, failures and everything in between.

A case is a Wagtail snippet with drafts, revisions, preview, locking, scheduled publishing and a
review workflow. The row holds the *live* version once published; drafts live in revisions.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin
from taggit.models import TaggedItemBase
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from core.access import Visitor, is_editor
from spaces.models import Membership, PublishableQuerySet, Space
from textsearch.index import DutchSearchField


class Outcome(models.TextChoices):
    SUCCESS = "geslaagd", _("Geslaagd")
    FAILURE = "mislukt", _("Mislukt")
    MIXED = "gemengd", _("Gemengd")


class EvidenceLevel(models.TextChoices):
    """From practice experience up to the Dutch recognition levels (erkenningstrajecten)."""

    PRACTICE = "praktijk", _("Praktijkervaring")
    WELL_DESCRIBED = "goed_beschreven", _("Goed beschreven")
    WELL_FOUNDED = "goed_onderbouwd", _("Goed onderbouwd")
    FIRST_INDICATIONS = "eerste_aanwijzingen", _("Effectief volgens eerste aanwijzingen")
    GOOD_INDICATIONS = "goede_aanwijzingen", _("Effectief volgens goede aanwijzingen")
    STRONG_INDICATIONS = "sterke_aanwijzingen", _("Effectief volgens sterke aanwijzingen")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value) + 1


validate_web_address = URLValidator(
    schemes=["http", "https"],
    message=_(
        "Voer een webadres in dat begint met https:// of http://, bijvoorbeeld "
        "https://www.voorbeeld.nl/rapport."
    ),
)


class WebAddressFormField(forms.URLField):
    default_validators = [validate_web_address]
    default_error_messages = {"invalid": validate_web_address.message}  # not Django's own


class WebAddressField(models.URLField):
    """A web address a visitor may follow: only http:// and https://.

    Other schemes are refused, whether typed in the back office or imported: `javascript:`
    and `data:` would run code in the visitor's browser when the link is followed, and
    `ftp:` or `file:` lead nowhere for most visitors.
    """

    default_validators = [validate_web_address]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})


# The levels a recognition committee (Erkenningscommissie Interventies) or its practice panel
# gives an intervention in a Dutch databank: every level above practice experience.
RECOGNITION_LEVELS = [
    (value, label) for value, label in EvidenceLevel.choices if value != "praktijk"
]


class InterventionRelation(models.TextChoices):
    """How a case stands to a recognised intervention."""

    APPLIES = "past_toe", _("Past de interventie toe")
    RESEMBLES = "lijkt_op", _("Lijkt op de interventie")


class VocabularyTerm(models.Model):
    """A term of a small fixed vocabulary that editors can extend (domains, target groups)."""

    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Domain(VocabularyTerm):
    """A domain involved in a case: gemeente, politie, corporatie, welzijn, zorg, ..."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")


class TargetGroup(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")


class InterventionDatabank(VocabularyTerm):
    """A Dutch databank of recognised interventions (Movisie, NJi, Loket Gezond Leven, ...).

    A vocabulary editors extend rather than fixed choices: databanks are added, renamed and
    moved to other addresses, and a new one must not wait for a new release."""

    owner = models.CharField(
        _("beheerder"),
        max_length=100,
        help_text=_("Wie de databank beheert, bijvoorbeeld Movisie."),
    )
    url = WebAddressField(_("webadres van de databank"))
    recognised_by = models.CharField(
        _("erkend door"),
        max_length=150,
        blank=True,
        help_text=_(
            "Wie de interventies in deze databank erkent, zoals het op de pagina komt: "
            "bijvoorbeeld ‘de Erkenningscommissie Interventies’."
        ),
    )

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("databank met erkende interventies")
        verbose_name_plural = _("databanken met erkende interventies")


class CaseQuerySet(SearchableQuerySetMixin, PublishableQuerySet):
    """`visible_to(user)` (from PublishableQuerySet) is the one road to cases."""

    def with_card_data(self) -> CaseQuerySet:
        """What a case card in a list shows, in a fixed number of queries."""
        return self.select_related("municipality").prefetch_related("topics")

    def with_detail_data(self) -> CaseQuerySet:
        """What a case page and the API's case resource show, in a fixed number of queries."""
        return (
            self.select_related("municipality", "space", "submitted_by")
            .prefetch_related(
                "topics", "domains", "target_groups", "tags", "sources", "attachments__document"
            )
            # The recognised intervention: its databank, in the same query.
            .select_related("intervention_databank")
        )

    def successes(self) -> CaseQuerySet:
        return self.filter(outcome=Outcome.SUCCESS)

    def failures(self) -> CaseQuerySet:
        return self.filter(outcome=Outcome.FAILURE)

    def recent(self) -> CaseQuerySet:
        return self.order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")


# Addresses under /praktijkvoorbeelden/ that are pages of their own, never a case's slug.
RESERVED_SLUGS = {"delen", "feed"}


class TaggedCase(TaggedItemBase):
    content_object = ParentalKey(
        "cases.Case", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        # A tag once per case; the index also answers "which of these tags has this case".
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_case_tag")
        ]


class Case(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("korte naam in de URL"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Leeg laten om hem uit de titel te maken. Oude adressen blijven werken."),
    )
    summary = models.TextField(_("samenvatting"), help_text=_("Eén of twee zinnen."))
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices)
    context = models.TextField(_("aanleiding"), blank=True)
    approach = models.TextField(_("aanpak"), blank=True)
    results = models.TextField(_("resultaten"), blank=True)
    what_worked = models.TextField(_("werkzame elementen"), blank=True)
    what_went_wrong = models.TextField(
        _("wat ging mis"),
        blank=True,
        help_text=_("Verplicht bij een mislukte of gemengde uitkomst: juist dit helpt anderen."),
    )
    lessons = models.TextField(_("lessen voor anderen"), blank=True)
    courses_of_action = models.TextField(
        _("handelingsperspectieven"),
        blank=True,
        help_text=_("Wat kunnen anderen concreet doen? Eén actie per regel."),
    )

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    neighbourhoods = models.CharField(
        _("wijken"), max_length=300, blank=True, help_text=_("Gescheiden door komma's.")
    )
    period_start = models.PositiveSmallIntegerField(_("van (jaar)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(
        _("tot en met (jaar)"), null=True, blank=True, help_text=_("Leeg als het nog loopt.")
    )
    domains = ParentalManyToManyField(
        Domain, verbose_name=_("betrokken domeinen"), blank=True, related_name="cases"
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("doelgroepen"), blank=True, related_name="cases"
    )
    evidence_level = models.CharField(
        _("bewijsniveau"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.PRACTICE,
    )
    topics = ParentalManyToManyField(
        "topics.Topic", verbose_name=_("thema's"), blank=True, related_name="cases"
    )
    tags = ClusterTaggableManager(through=TaggedCase, verbose_name=_("trefwoorden"), blank=True)
    space = models.ForeignKey(
        Space,
        verbose_name=_("ruimte"),
        on_delete=models.PROTECT,  # deleting a space must never make its cases public
        null=True,
        blank=True,
        related_name="cases",
        help_text=_("Leeg: openbaar in de kennisbank. Een besloten ruimte: alleen voor leden."),
    )
    is_example = models.BooleanField(
        _("voorbeeldbeschrijving"),
        default=False,
        help_text=_("Een uitgewerkt voorbeeld, geen verslag van een echt project."),
    )
    # A case a member shared ("Deel een praktijkvoorbeeld", cases/submissions.py). Who wrote an
    # anonymous case is known only to the space's moderators and editors (`shown_submitter`).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gedeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_cases",
    )
    credit_submitter = models.BooleanField(
        _("Mijn naam vermelden bij publicatie"),
        default=False,
        help_text=_("Bij publicatie staat er: gedeeld door en dan uw naam."),
    )
    submitted_anonymously = models.BooleanField(
        _("Anoniem delen met de andere leden"),
        default=False,
        help_text=_(
            "Alleen in een besloten ruimte. De leden zien niet wie het schreef; alleen de "
            "moderatoren van de ruimte en de redactie weten het."
        ),
    )
    # --- A recognised intervention the case applies or resembles ---------------
    intervention_databank = models.ForeignKey(
        InterventionDatabank,
        verbose_name=_("databank"),
        on_delete=models.PROTECT,  # a case must never lose where its recognition comes from
        null=True,
        blank=True,
        related_name="cases",
        help_text=_("De databank waarin de erkende interventie staat."),
    )
    intervention_name = models.CharField(
        _("naam van de interventie"),
        max_length=200,
        blank=True,
        help_text=_("Zoals de interventie in de databank heet."),
    )
    intervention_url = WebAddressField(
        _("webadres van de interventie"),
        blank=True,
        help_text=_(
            "De pagina van de interventie in de databank. Leeg: we verwijzen naar de databank."
        ),
    )
    intervention_relation = models.CharField(
        _("verband met de interventie"),
        max_length=10,
        choices=InterventionRelation.choices,
        blank=True,
        help_text=_(
            "Past dit voorbeeld de interventie toe, zoals beschreven in de databank? Of lijkt "
            "de aanpak er alleen op?"
        ),
    )
    intervention_level = models.CharField(
        _("erkend als"),
        max_length=20,
        choices=RECOGNITION_LEVELS,
        blank=True,
        help_text=_("Het niveau dat in de databank staat. Leeg als u het niet zeker weet."),
    )
    intervention_recognised_on = models.DateField(
        _("datum van erkenning"),
        null=True,
        blank=True,
        help_text=_("De datum die in de databank bij de erkenning staat."),
    )
    # When an editor last checked that the case is still right ("laatst beoordeeld"): set by
    # publishing and by "Gecontroleerd: nog juist" (cases/reviews.py). Metadata of the case as
    # a whole, not of one revision: publishing an older draft never turns it back.
    last_reviewed_at = models.DateTimeField(
        _("laatst gecontroleerd"), null=True, blank=True, editable=False, db_index=True
    )

    external_id = models.CharField(
        _("extern kenmerk"), max_length=100, unique=True, null=True, blank=True
    )
    import_checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="case",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="case",
        for_concrete_model=False,
    )

    objects = CaseQuerySet.as_manager()

    search_fields = [
        DutchSearchField("title", boost=5, compounds=True),
        DutchSearchField("summary", boost=2),
        DutchSearchField("search_keywords", boost=3, compounds=True),
        DutchSearchField("search_body"),
        index.AutocompleteField("title"),
        # What visible_to and the filters narrow on.
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("space"),
        index.FilterField("outcome"),
        index.FilterField("evidence_level"),
        index.FilterField("municipality"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        ordering = ["-first_published_at", "-pk"]
        verbose_name = _("praktijkvoorbeeld")
        verbose_name_plural = _("praktijkvoorbeelden")
        indexes = [
            # Covers the visibility filter plus the facet columns, so counts and facets over
            # many cases are answered from the index without reading the long text columns.
            models.Index(
                fields=["live", "space", "outcome", "evidence_level", "municipality"],
                name="case_listing_idx",
            ),
            # Newest first, walked in order and stopped after one page.
            models.Index(
                fields=["live", "-first_published_at", "-id", "space"], name="case_recent_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        # Also the rules of `manage.py import_cases`, which validates each item through here.
        if self.outcome in (Outcome.FAILURE, Outcome.MIXED) and not self.what_went_wrong.strip():
            errors["what_went_wrong"] = _(
                "Beschrijf wat er misging: bij een mislukte of gemengde uitkomst is dat verplicht."
            )
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("Het eindjaar ligt voor het beginjaar.")
        if self.submitted_anonymously:
            if self.space_id is None or self.space.is_public:
                errors["submitted_anonymously"] = _(
                    "Anoniem delen kan alleen in een besloten ruimte. Kies een besloten ruimte, "
                    "of deel het met uw naam."
                )
            elif self.credit_submitter:
                errors["credit_submitter"] = _(
                    "U deelt anoniem, dus uw naam kan er niet bij staan. Kies één van de twee."
                )
        errors.update(self._intervention_errors())
        if errors:
            raise ValidationError(errors)

    def _intervention_errors(self) -> dict:
        """The recognised intervention is all or nothing: a databank, a name and how the case
        stands to it; a level and date only as the databank gives them, never in the future."""
        errors = {}
        given = (
            self.intervention_name.strip()
            or self.intervention_url
            or self.intervention_relation
            or self.intervention_level
            or self.intervention_recognised_on
        )
        if self.intervention_databank_id is None:
            if given:
                errors["intervention_databank"] = _(
                    "Kies in welke databank de interventie staat. Zonder databank kan niemand "
                    "de erkenning nagaan. Of maak de velden van de erkende interventie leeg."
                )
            return errors
        if not self.intervention_name.strip():
            errors["intervention_name"] = _(
                "Vul de naam van de interventie in, zoals die in de databank staat."
            )
        if not self.intervention_relation:
            errors["intervention_relation"] = _(
                "Kies of dit voorbeeld de interventie toepast of er alleen op lijkt."
            )
        if self.intervention_recognised_on and not self.intervention_level:
            errors["intervention_level"] = _(
                "Kies ook het niveau van de erkenning: de datum hoort bij een erkenning."
            )
        if (
            self.intervention_recognised_on
            and self.intervention_recognised_on > timezone.localdate()
        ):
            errors["intervention_recognised_on"] = _(
                "Deze datum ligt in de toekomst. Vul de datum van de erkenning in zoals die in "
                "de databank staat."
            )
        if (
            self.intervention_relation == InterventionRelation.APPLIES
            and self.intervention_level
            and self.intervention_level != self.evidence_level
        ):
            errors["evidence_level"] = _(
                "Dit voorbeeld past een erkende interventie toe: kies hetzelfde bewijsniveau als "
                "de erkenning (%(level)s). Of kies bij de interventie ‘lijkt op’."
            ) % {"level": EvidenceLevel(self.intervention_level).label}
        return errors

    def with_content_json(self, content):
        """A revision as a case, keeping what belongs to the case as a whole: when it was last
        checked is not part of a draft, so publishing one never sets that date back."""
        case = super().with_content_json(content)
        case.last_reviewed_at = self.last_reviewed_at
        return case

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if self.pk:
            self._remember_old_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.title)[:180] or "praktijkvoorbeeld"
        slug, n = base, 2
        if base in RESERVED_SLUGS:
            slug = f"{base}-{n}"
            n += 1
        while (
            Case.objects.filter(slug=slug).exclude(pk=self.pk).exists()
            or CaseSlugRedirect.objects.filter(old_slug=slug).exclude(case_id=self.pk).exists()
        ):
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _remember_old_slug(self) -> None:
        """A renamed case keeps answering on its old address (a permanent redirect)."""
        old_slug = Case.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if old_slug and old_slug != self.slug:
            CaseSlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"case": self})
            CaseSlugRedirect.objects.filter(old_slug=self.slug).delete()

    # What search indexes besides the title and summary.
    def search_keywords(self) -> str:
        words = [tag.name for tag in self.tags.all()]
        words += [topic.name for topic in self.topics.all()]
        words += [domain.name for domain in self.domains.all()]
        words += [group.name for group in self.target_groups.all()]
        words += self.neighbourhood_list
        if self.municipality_id:
            words.append(self.municipality.name)
        return " ".join(words)

    def search_body(self) -> str:
        return "\n".join(
            [
                self.context,
                self.approach,
                self.results,
                self.what_worked,
                self.what_went_wrong,
                self.lessons,
                self.courses_of_action,
            ]
        )

    # Who shared it, as each viewer may see it.
    def shown_submitter(self, viewer: Visitor):
        """The member to name as the one who shared this case to `viewer`, or None.

        A credited case names its submitter to everyone who sees the case. An anonymous case
        names nobody, except to the space's moderators and editors.
        """
        if self.submitted_by_id is None:
            return None
        if self.submitted_anonymously:
            return self.submitted_by if self.submitter_visible_to(viewer) else None
        return self.submitted_by if self.credit_submitter else None

    def shown_submitter_name(self, viewer: Visitor) -> str:
        """The display name of `shown_submitter(viewer)`, or "" (as spaces show members)."""
        submitter = self.shown_submitter(viewer)
        if submitter is None:
            return ""
        return submitter.get_full_name() or submitter.get_username()

    def submitter_visible_to(self, viewer: Visitor) -> bool:
        if not (viewer.is_authenticated and viewer.is_active):
            return False
        if is_editor(viewer):
            return True
        return (
            self.space_id is not None
            and Membership.objects.moderators().filter(space_id=self.space_id, user=viewer).exists()
        )

    # Presentation helpers used by templates, the API and the preview.
    @property
    def is_failure_or_mixed(self) -> bool:
        return self.outcome in (Outcome.FAILURE, Outcome.MIXED)

    @property
    def evidence_rank(self) -> int:
        return EvidenceLevel.rank(self.evidence_level)

    @property
    def has_recognised_intervention(self) -> bool:
        return self.intervention_databank_id is not None and bool(self.intervention_name)

    @property
    def evidence_is_recognised(self) -> bool:
        """Whether the evidence level is the recognition of the intervention the case applies
        (rather than the editors' own judgement of the practice description)."""
        return (
            self.has_recognised_intervention
            and self.intervention_relation == InterventionRelation.APPLIES
            and bool(self.intervention_level)
            and self.intervention_level == self.evidence_level
        )

    @property
    def intervention_link(self) -> str:
        """Where a visitor checks the recognition: the intervention's page, else the databank."""
        if not self.has_recognised_intervention:
            return ""
        return self.intervention_url or self.intervention_databank.url

    @property
    def neighbourhood_list(self) -> list[str]:
        return [n.strip() for n in self.neighbourhoods.split(",") if n.strip()]

    @property
    def course_of_action_list(self) -> list[str]:
        return [line.strip() for line in self.courses_of_action.splitlines() if line.strip()]

    @property
    def period_display(self) -> str:
        if self.period_start and self.period_end:
            if self.period_start == self.period_end:
                return str(self.period_start)
            return f"{self.period_start}–{self.period_end}"
        if self.period_start:
            return _("sinds %(year)s") % {"year": self.period_start}
        return ""

    def get_preview_template(self, request, mode_name):
        return "cases/case_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(
            case=self,
            related_cases=[],
            is_preview=True,
            submitter_name=self.shown_submitter_name(request.user),
        )
        return context


class CaseSource(Orderable):
    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("titel"), max_length=300)
    url = WebAddressField(_("webadres"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self) -> str:
        return self.title


class CaseAttachment(Orderable):
    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")


class CaseSlugRedirect(models.Model):
    """An address a case had before it was renamed."""

    old_slug = models.SlugField(max_length=200, unique=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="slug_redirects")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.case.slug}"
