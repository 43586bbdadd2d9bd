"""What only the operator of an install knows: who runs it, how to reach them, and the facts
of the accessibility statement. Kept as a Wagtail setting (one for the whole install), so the
trust pages change without a code change: *Instellingen → Beheerder en contact* in /beheer/."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class AccessibilityStatus(models.TextChoices):
    # The statuses of the Dutch government's model statement (toegankelijkheidsverklaring.nl).
    COMPLIANT = "A", _("A: voldoet volledig")
    PARTIAL = "B", _("B: voldoet gedeeltelijk")
    FIRST_STEPS = "C", _("C: eerste maatregelen genomen")
    NOT_COMPLIANT = "D", _("D: voldoet niet")


@register_setting(icon="info-circle")
class OperatorSettings(BaseGenericSetting):
    organisation = models.CharField(
        _("naam van de organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Wie het kennisplatform beheert en verantwoordelijk is voor de gegevens."),
    )
    address = models.TextField(_("adres"), blank=True, help_text=_("Post- of bezoekadres."))
    kvk_number = models.CharField(_("KvK-nummer"), max_length=20, blank=True)
    email = models.EmailField(
        _("e-mailadres voor vragen"),
        blank=True,
        help_text=_("Voor vragen over het platform, privacy en toegankelijkheid."),
    )
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    privacy_officer = models.TextField(
        _("functionaris gegevensbescherming (FG)"),
        blank=True,
        help_text=_("Naam en e-mailadres van de FG of de privacycontactpersoon."),
    )
    processors = models.TextField(
        _("verwerkers"),
        blank=True,
        help_text=_(
            "Welke bedrijven voor u gegevens verwerken: hosting, het versturen van e-mail, "
            "back-ups. Eén per regel."
        ),
    )
    log_retention = models.CharField(
        _("bewaartermijn serverlogboeken"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld: 30 dagen."),
    )
    accessibility_status = models.CharField(
        _("toegankelijkheid: status"),
        max_length=1,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.FIRST_STEPS,
        help_text=_(
            "A en B vragen een onderzoek door een deskundige partij; zonder zo'n onderzoek is "
            "C de eerlijke status."
        ),
    )
    accessibility_date = models.DateField(
        _("toegankelijkheid: datum van de verklaring"), null=True, blank=True
    )
    accessibility_report_url = models.URLField(
        _("toegankelijkheid: adres van het onderzoeksrapport"), blank=True
    )
    accessibility_notes = models.TextField(
        _("toegankelijkheid: nog meer bekende problemen"),
        blank=True,
        help_text=_("Wat u zelf vond of wat een onderzoek liet zien. Eén per regel."),
    )

    class Meta:
        verbose_name = _("beheerder en contact")
        verbose_name_plural = _("beheerder en contact")

    def __str__(self) -> str:
        return self.organisation or str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> OperatorSettings:
        """The saved settings, or empty ones. Never writes (unlike `load()`), so a page view by
        an anonymous visitor stays a read."""
        return cls.objects.first() or cls()

    @property
    def processor_list(self) -> list[str]:
        return [line.strip() for line in self.processors.splitlines() if line.strip()]

    @property
    def accessibility_note_list(self) -> list[str]:
        return [line.strip() for line in self.accessibility_notes.splitlines() if line.strip()]
