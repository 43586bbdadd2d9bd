"""Wijkschakelaars: people who connect residents, professionals and organisations.

Personal data under the AVG (GDPR): a profile is shown only while its person's consent is on
record and not withdrawn. That is the visibility rule for profiles, for editors too: the back
office is where editors see profiles without consent. The e-mail address is used only to pass
on messages and is never shown or sent to a visitor.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin
from wagtail.models import RevisionMixin

from core.access import ANONYMOUS
from textsearch.index import DutchSearchField


class Kind(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    RESIDENT = "bewoner", _("Bewoner")
    LIVED_EXPERIENCE = "ervaringsdeskundige", _("Ervaringsdeskundige")
    VOLUNTEER = "vrijwilliger", _("Vrijwilliger")


class ConnectorQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible_to(self, user) -> ConnectorQuerySet:
        """Profiles with consent on record that has not been withdrawn, for everyone."""
        consented = Consent.objects.filter(withdrawn_at__isnull=True).values("connector_id")
        return self.filter(pk__in=consented)


class Connector(index.Indexed, RevisionMixin, ClusterableModel):
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=120, unique=True)
    role = models.CharField(_("rol"), max_length=120)
    organisation = models.CharField(_("organisatie"), max_length=160, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="connectors",
    )
    neighbourhoods = models.CharField(
        _("wijken"), max_length=300, blank=True, help_text=_("Gescheiden door komma's.")
    )
    # Parental: saved with the profile itself, so its search entry has them (see Case.topics).
    topics = ParentalManyToManyField(
        "topics.Topic", verbose_name=_("expertise (thema's)"), blank=True, related_name="connectors"
    )
    mandate = models.TextField(
        _("mandaat"), blank=True, help_text=_("Wat deze persoon mag beslissen of regelen.")
    )
    bio = models.TextField(_("korte beschrijving"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    open_for_questions = models.BooleanField(_("open voor vragen"), default=True)
    cases = models.ManyToManyField(
        "cases.Case", verbose_name=_("praktijkvoorbeelden"), blank=True, related_name="connectors"
    )
    email = models.EmailField(
        _("e-mailadres"),
        help_text=_("Alleen om berichten door te sturen; nooit zichtbaar voor bezoekers."),
    )
    is_example = models.BooleanField(
        _("verzonnen voorbeeld"), default=False, help_text=_("Een demo-profiel, geen echt persoon.")
    )
    # Ready for people who keep their own profile (accounts come in a later issue).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="connector",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConnectorQuerySet.as_manager()
    search_few_entries = True  # ranked from its own entries (textsearch/backends.py)

    search_fields = [
        DutchSearchField("name", boost=5),
        DutchSearchField("role", boost=3, compounds=True),
        DutchSearchField("search_keywords", boost=3, compounds=True),
        DutchSearchField("organisation"),
        DutchSearchField("bio"),
        DutchSearchField("mandate"),
        index.FilterField("id"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        # Only profiles with consent are in the search index (connectors/signals.py keeps it so).
        return cls.objects.visible_to(ANONYMOUS)

    def search_keywords(self) -> str:
        topics = " ".join(topic.name for topic in self.topics.all())
        place = self.municipality.name if self.municipality else ""
        return f"{topics} {place} {self.neighbourhoods} {self.get_kind_display()}"

    class Meta:
        ordering = ["name"]
        verbose_name = _("wijkschakelaar")
        verbose_name_plural = _("wijkschakelaars")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("connectors:detail", kwargs={"slug": self.slug})

    @property
    def neighbourhood_list(self) -> list[str]:
        return [n.strip() for n in self.neighbourhoods.split(",") if n.strip()]


class Consent(models.Model):
    """Consent to publish a profile: who gave it, when, for what; and its withdrawal."""

    connector = ParentalKey(Connector, on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField(
        _("gegeven door"),
        max_length=160,
        help_text=_("De persoon zelf, of wie namens hem of haar."),
    )
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    purpose = models.TextField(
        _("waarvoor"),
        default=_("Een openbaar profiel op het kennisplatform, met een contactformulier."),
    )
    how = models.CharField(
        _("hoe vastgelegd"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: e-mail van 3 maart."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"{self.connector} ({self.given_at:%d-%m-%Y})"
