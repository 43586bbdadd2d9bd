"""What a person chooses about their own account beyond what django-allauth keeps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailPreferences(models.Model):
    """Which e-mails a person wants from the platform. Nothing sends these yet; the choice is
    kept so that it holds from the first message on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    space_activity = models.BooleanField(
        _("nieuwe bijdragen in mijn ruimtes"),
        default=True,
        help_text=_("Hoogstens één e-mail per dag met wat er nieuw is."),
    )
    invitations = models.BooleanField(
        _("uitnodigingen en verzoeken om lid te worden"),
        default=True,
        help_text=_("Een e-mail zodra iemand u uitnodigt of uw verzoek beantwoordt."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mailinstellingen")
        verbose_name_plural = _("e-mailinstellingen")

    def __str__(self) -> str:
        return f"E-mailinstellingen van {self.user}"
