"""What a person chooses about their own account beyond what django-allauth keeps."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailPreferences(models.Model):
    """Which e-mails a person wants from the platform.

    `space_activity` switches off every mail about new discussions in followed spaces (how
    often per space is `discussions.Subscription.frequency`). The personal mails (replies,
    moderators' decisions, the review of a shared case) are on unless switched off here or by
    the one-click link at the bottom of such a mail (notifications/)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    space_activity = models.BooleanField(
        _("nieuwe bijdragen in mijn ruimtes"),
        default=True,
        help_text=_(
            "Nieuwe discussies in de ruimtes die u volgt. Per ruimte kiest u: direct, één keer "
            "per dag of nooit."
        ),
    )
    replies = models.BooleanField(
        _("reacties in discussies waar ik aan meedoe"),
        default=True,
        help_text=_(
            "Een e-mail als iemand reageert in een discussie die u startte of waarin u reageerde."
        ),
    )
    moderation = models.BooleanField(
        _("besluiten van moderatoren over mijn berichten"),
        default=True,
        help_text=_("Een e-mail als een moderator uw bericht verbergt, terugzet of goedkeurt."),
    )
    case_status = models.BooleanField(
        _("de beoordeling van mijn gedeelde praktijkvoorbeelden"),
        default=True,
        help_text=_("Een e-mail als de redactie de status van uw praktijkvoorbeeld verandert."),
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
