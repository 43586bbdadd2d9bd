"""What was announced to whom, so that an announcement goes out once per person.

A discussion or reply can be announced more than once: a task that is run again after a failure,
or a held post that a moderator approves after the writer's service already told the apps.
Before a mail about a discussion or reply is enqueued, a `Delivery` row is created; when it
exists already (the unique constraint), the mail is not sent again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    class Kind(models.TextChoices):
        DISCUSSION = "discussie", _("nieuwe discussie")
        REPLY = "reactie", _("nieuwe reactie")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id"], name="one_delivery_per_announcement"
            )
        ]
        verbose_name = _("verstuurde e-mail")
        verbose_name_plural = _("verstuurde e-mails")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.user_id}"


class SavedSearch(models.Model):
    """A case search a person follows by e-mail ("Houd me op de hoogte").

    `query` is the normalised query string (only known filter parameters and `q`, sorted, no
    page number: `notifications.saved_searches.normalise`). `known` holds the cases that matched
    for the person when they saved it (a compressed bitset of primary keys): those are never
    announced, every other matching case is, once (`SavedSearchDelivery`), whenever it became
    visible or was published.
    """

    class Frequency(models.TextChoices):
        DAILY = "dagelijks", _("één keer per dag")
        WEEKLY = "wekelijks", _("één keer per week")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("naam"), max_length=200)
    query = models.CharField(_("zoekopdracht"), max_length=2000, blank=True)
    frequency = models.CharField(
        _("hoe vaak"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    known = models.BinaryField(_("al bekende praktijkvoorbeelden"), default=bytes, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_checked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="one_saved_search_per_query")
        ]
        ordering = ["name", "pk"]
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")

    def __str__(self) -> str:
        return f"{self.name} ({self.user_id})"


class SavedSearchDelivery(models.Model):
    """A case announced for a saved search: each case once per saved search."""

    saved_search = models.ForeignKey(
        SavedSearch, on_delete=models.CASCADE, related_name="deliveries"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "case"], name="one_alert_per_case_per_saved_search"
            )
        ]
        verbose_name = _("gemeld praktijkvoorbeeld")
        verbose_name_plural = _("gemelde praktijkvoorbeelden")

    def __str__(self) -> str:
        return f"{self.case_id} → {self.saved_search_id}"
