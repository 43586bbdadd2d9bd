"""A checklist a signed-in person saved from "Vooruit falen" (/vooruit-falen/).

It is a small app of its own rather than part of `accounts` or `patterns`: it belongs to one
person (it goes with the account: `on_delete=CASCADE`), it is no part of the patterns that
editors write, and it keeps its own migrations apart from both.

What is kept: what the person typed (description, topic, target group, municipality) and a
snapshot of the checklist as it was shown (`items`): per pattern its slug, name, how often it
played then, the keys of its cases and the courses of action with whether they were ticked. The
cases are kept by key only and shown through `Case.objects.visible_to(owner)` again, so a case
hidden since is not shown from a saved checklist either.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SavedChecklistQuerySet(models.QuerySet):
    def visible_to(self, user) -> SavedChecklistQuerySet:
        """A saved checklist is its owner's alone."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class SavedChecklist(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.CASCADE,
        related_name="saved_checklists",
    )
    description = models.TextField(_("wat u gaat doen"))
    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("thema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_group = models.ForeignKey(
        "cases.TargetGroup",
        verbose_name=_("doelgroep"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    items = models.JSONField(_("checklist"), default=list)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    objects = SavedChecklistQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bewaarde checklist")
        verbose_name_plural = _("bewaarde checklists")
        indexes = [models.Index(fields=["owner", "-created_at"], name="checklist_owner_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forward:saved", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        """The first words of the description: how the person recognises it in a list."""
        text = " ".join(self.description.split())
        return text if len(text) <= 80 else text[:77].rstrip() + "…"
