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


class Delivery(models.Model):
    class Kind(models.TextChoices):
        DISCUSSION = "discussie", "nieuwe discussie"
        REPLY = "reactie", "nieuwe reactie"

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
        verbose_name = "verstuurde e-mail"
        verbose_name_plural = "verstuurde e-mails"

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.user_id}"
