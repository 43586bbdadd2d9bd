"""Spaces: public or closed communities that content can belong to (DESIGN.md section 3)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisplatform.access import is_editor


class SpaceQuerySet(models.QuerySet):
    def visible_to(self, user) -> SpaceQuerySet:
        """Public spaces for everyone; closed spaces only for their members and editors."""
        if is_editor(user):
            return self.all()
        condition = Q(visibility=Space.Visibility.PUBLIC)
        if user is not None and user.is_authenticated:
            condition |= Q(pk__in=Membership.objects.filter(user=user).values("space_id"))
        return self.filter(condition)


class Space(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "openbaar", _("Openbaar: iedereen leest mee, leden doen mee")
        CLOSED = "besloten", _("Besloten: alleen leden lezen mee")

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=120, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.CLOSED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ruimte")
        verbose_name_plural = _("ruimtes")

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class Membership(models.Model):
    """A user's place in a space. The community features around it come in a later issue."""

    class Role(models.TextChoices):
        MEMBER = "lid", _("Lid")
        MODERATOR = "moderator", _("Moderator")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="unique_space_membership")
        ]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} in {self.space} ({self.get_role_display()})"
