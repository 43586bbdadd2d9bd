"""Spaces: public or closed communities that content can belong to.

Content lives either in the public knowledge base (no space) or in a space. A public space is
read by everyone, a closed one only by its members (and editors). `PublishableQuerySet` is the
one visibility rule for content that editors publish: cases, dialogues, and what comes next.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access import Visitor, is_editor


class SpaceQuerySet(models.QuerySet):
    def visible_to(self, user: Visitor) -> SpaceQuerySet:
        """Public spaces for everyone; closed spaces only for their members and editors."""
        if is_editor(user):
            return self.all()
        condition = Q(visibility=Space.Visibility.PUBLIC)
        if user.is_authenticated:
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


class PublishableQuerySet(models.QuerySet):
    """The visibility of content that editors publish and that may belong to a space.

    Editors see everything, drafts and closed spaces included. Everyone else sees live content
    in the public knowledge base or in a space they may read. The model needs a `live` flag
    (Wagtail's DraftStateMixin, or a field of that name) and a `space` foreign key.
    """

    def visible_to(self, user: Visitor):
        if is_editor(user):
            return self.all()
        # `live__in=[True]` rather than `live=True`: SQLite gets `live IN (1)`, which can use
        # a composite index that starts with `live`, where Django would otherwise write a bare
        # `WHERE live`.
        return self.filter(live__in=[True]).filter(
            Q(space__isnull=True) | Q(space__in=Space.objects.visible_to(user))
        )
