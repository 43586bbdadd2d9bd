"""Meetings (bijeenkomsten): online, physical or hybrid, in a space or in the public agenda.

A meeting follows the one visibility rule of published content (`PublishableQuerySet`): in
public or in a public space everyone sees it, in a closed space only members and editors. Its
online link is more private still: only registered participants and the organiser get it
(`Meeting.link_visible_to`); every page, calendar file, feed, API response and e-mail asks that.

Times are stored in UTC and shown in Europe/Amsterdam (settings.TIME_ZONE); calendar files carry
UTC times, so no calendar has to know the Dutch change to and from summer time.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin

from core.access import Visitor
from spaces.models import PublishableQuerySet, Space
from textsearch.index import DutchSearchField


class MeetingQuerySet(SearchableQuerySetMixin, PublishableQuerySet):
    def upcoming(self, now=None) -> MeetingQuerySet:
        """Meetings that have not ended yet, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None) -> MeetingQuerySet:
        """Meetings that have ended, latest first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_list_data(self) -> MeetingQuerySet:
        return self.select_related("space", "municipality").prefetch_related("topics")


class Meeting(index.Indexed, models.Model):
    class Form(models.TextChoices):
        ONLINE = "online", _("Online")
        PHYSICAL = "fysiek", _("Op locatie")
        HYBRID = "hybride", _("Hybride: op locatie en online")

    space = models.ForeignKey(
        Space,
        verbose_name=_("ruimte"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
        help_text=_("Leeg: de bijeenkomst staat in de openbare agenda."),
    )
    title = models.CharField(_("titel"), max_length=160)
    slug = models.SlugField(_("korte naam in de URL"), max_length=180, unique=True)
    description = models.TextField(_("beschrijving"))
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    form = models.CharField(_("vorm"), max_length=10, choices=Form.choices)
    address = models.TextField(
        _("adres"), blank=True, help_text=_("Voor een bijeenkomst op locatie of hybride.")
    )
    online_url = models.URLField(
        _("link voor online deelname"),
        blank=True,
        max_length=500,
        help_text=_("Alleen aangemelde deelnemers zien deze link."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    registration_deadline = models.DateTimeField(
        _("aanmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot het begin van de bijeenkomst."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="organised_meetings",
    )
    topics = models.ManyToManyField(
        "topics.Topic", blank=True, related_name="meetings", verbose_name=_("thema's")
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    live = models.BooleanField(_("gepubliceerd"), default=True)
    # Afterwards: what came out of it, and what it touched.
    report = models.TextField(_("verslag"), blank=True)
    report_cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="meetings", verbose_name=_("praktijkvoorbeelden")
    )
    report_statements = models.ManyToManyField(
        "dialogues.Statement", blank=True, related_name="meetings", verbose_name=_("stellingen")
    )
    report_discussions = models.ManyToManyField(
        "discussions.Discussion",
        blank=True,
        related_name="meetings",
        verbose_name=_("discussies"),
    )
    # The dialogue whose outcomes were gathered at this meeting (imported afterwards).
    dialogue = models.ForeignKey(
        "dialogues.Dialogue",
        verbose_name=_("dialoog uit deze bijeenkomst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_meetings",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    search_fields = [
        DutchSearchField("title", boost=5, compounds=True),
        DutchSearchField("description"),
        DutchSearchField("report"),
        index.AutocompleteField("title"),
        index.FilterField("id"),
        index.FilterField("space"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["live", "starts_at"], name="meeting_live_start_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Het einde moet na het begin liggen.")
        if self.form in (self.Form.PHYSICAL, self.Form.HYBRID) and not self.address.strip():
            errors["address"] = _("Vul het adres in voor een bijeenkomst op locatie.")
        if self.form in (self.Form.ONLINE, self.Form.HYBRID) and not self.online_url:
            errors["online_url"] = _("Vul de link in voor online deelname.")
        if self.form == self.Form.PHYSICAL and self.online_url:
            errors["online_url"] = _("Een bijeenkomst op locatie heeft geen online link.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "Aanmelden moet sluiten voor de bijeenkomst begint."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return self.form in (self.Form.ONLINE, self.Form.HYBRID)

    @property
    def is_physical(self) -> bool:
        return self.form in (self.Form.PHYSICAL, self.Form.HYBRID)

    @property
    def closes_at(self):
        """Until when one may register: the deadline, or else the start."""
        return self.registration_deadline or self.starts_at

    def registration_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.closes_at

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def registered_count(self) -> int:
        return self.registrations.filter(status=Registration.Status.REGISTERED).count()

    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.registered_count())

    def is_organised_by(self, user: Visitor) -> bool:
        return bool(user.is_authenticated and self.organiser_id == user.pk)

    def link_visible_to(self, user: Visitor) -> bool:
        """The online link: for registered participants and the organiser only (not for the
        waiting list, not for other members or editors who merely read the page)."""
        if not (self.online_url and user.is_authenticated and user.is_active):
            return False
        if self.is_organised_by(user):
            return True
        return self.registrations.filter(user=user, status=Registration.Status.REGISTERED).exists()


class Registration(models.Model):
    """A person's registration for a meeting. A cancelled one keeps its row (registering again
    reuses it, at the back of the waiting list). The place on the waiting list is the order of
    `created_at`."""

    class Status(models.TextChoices):
        REGISTERED = "aangemeld", _("Aangemeld")
        WAITING = "wachtlijst", _("Op de wachtlijst")
        CANCELLED = "afgemeld", _("Afgemeld")

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    # The reminder the day before went out (set once, before sending: a rerun sends nothing).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_registration_per_user")
        ]
        indexes = [
            models.Index(fields=["meeting", "status", "created_at"], name="registration_queue_idx")
        ]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")

    def __str__(self) -> str:
        return f"{self.user} → {self.meeting} ({self.get_status_display()})"
