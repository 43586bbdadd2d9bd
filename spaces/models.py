"""Spaces: public or closed communities that content can belong to.

Content lives either in the public knowledge base (no space) or in a space. A public space is
read by everyone, a closed one only by its members (and editors). `PublishableQuerySet` is the
one visibility rule for content that editors publish: cases, dialogues, and what comes next.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import Visitor, is_editor


class SpaceQuerySet(models.QuerySet):
    def visible_to(self, user: Visitor) -> SpaceQuerySet:
        """The spaces whose *content* `user` may read.

        Public spaces for everyone; closed spaces only for their active members and editors.
        `PublishableQuerySet` builds on this, so it must never widen: a closed space whose front
        page an outsider may see (`listed_to`) still hides its content from them. Memberships are
        read from the database on every call (nothing cached), so a removed member loses access
        on their next request.
        """
        if is_editor(user):
            return self.all()
        condition = Q(visibility=Space.Visibility.PUBLIC)
        if user.is_authenticated:
            condition |= Q(pk__in=Membership.objects.active().filter(user=user).values("space_id"))
        return self.filter(condition)

    def listed_to(self, user: Visitor) -> SpaceQuerySet:
        """The spaces whose front page (name, description, moderators, how to join) `user` may
        see: those whose content they may read, plus closed spaces that take requests to join.
        A closed space that admits by invitation only is invisible to outsiders (404)."""
        if is_editor(user):
            return self.all()
        condition = Q(visibility=Space.Visibility.PUBLIC) | ~Q(
            join_policy=Space.JoinPolicy.INVITATION
        )
        if user.is_authenticated:
            condition |= Q(pk__in=Membership.objects.active().filter(user=user).values("space_id"))
        return self.filter(condition)


class Space(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "openbaar", _("Openbaar: iedereen leest mee, leden doen mee")
        CLOSED = "besloten", _("Besloten: alleen leden lezen mee")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: iedereen met een account kan meteen lid worden")
        ON_REQUEST = "op_verzoek", _("Op verzoek: een moderator beslist")
        INVITATION = "uitnodiging", _("Alleen op uitnodiging")

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de URL"), max_length=120, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=10, choices=Visibility.choices, default=Visibility.CLOSED
    )
    join_policy = models.CharField(
        _("wie mag lid worden"),
        max_length=12,
        choices=JoinPolicy.choices,
        default=JoinPolicy.ON_REQUEST,
        help_text=_(
            "Een besloten ruimte op uitnodiging is onzichtbaar voor wie geen lid is; op verzoek "
            "ziet iedereen naam en beschrijving, maar niet de inhoud."
        ),
    )
    hold_first_posts = models.BooleanField(
        _("eerste berichten van nieuwe accounts eerst laten nakijken"),
        default=False,
        help_text=_(
            "Een moderator keurt de eerste berichten van een nieuw account goed voordat anderen "
            "ze zien. Geldt alleen in een openbare ruimte."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

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


class MembershipQuerySet(models.QuerySet):
    def active(self) -> MembershipQuerySet:
        return self.filter(status=Membership.Status.ACTIVE)

    def moderators(self) -> MembershipQuerySet:
        return self.active().filter(role=Membership.Role.MODERATOR)


class Membership(models.Model):
    """A user's place in a space. A removed member keeps the row (status `removed`), so that
    they cannot simply join again; only an invitation or an approved request brings them back.
    Every change goes through `spaces.services` and is written to the moderation log."""

    class Role(models.TextChoices):
        MEMBER = "lid", _("Lid")
        MODERATOR = "moderator", _("Moderator")

    class Status(models.TextChoices):
        ACTIVE = "actief", _("Actief")
        REMOVED = "verwijderd", _("Verwijderd")

    space = models.ForeignKey(
        Space, verbose_name=_("ruimte"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="space_memberships",
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    joined_at = models.DateTimeField(_("lid sinds"), auto_now_add=True)
    # A suspended member still reads but cannot post, report or start discussions until then.
    suspended_until = models.DateTimeField(_("geschorst tot"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="unique_space_membership")
        ]
        indexes = [models.Index(fields=["user", "status"], name="membership_user_status_idx")]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} in {self.space} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_moderator(self) -> bool:
        return self.is_active and self.role == self.Role.MODERATOR

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > timezone.now()


class JoinRequest(models.Model):
    """Someone asks to become a member of a space that admits on request."""

    class Status(models.TextChoices):
        PENDING = "open", _("Wacht op een besluit")
        APPROVED = "goedgekeurd", _("Goedgekeurd")
        DECLINED = "afgewezen", _("Afgewezen")

    space = models.ForeignKey(
        Space, verbose_name=_("ruimte"), on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aanvrager"),
        on_delete=models.CASCADE,
        related_name="space_join_requests",
    )
    message = models.TextField(_("bericht"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_message = models.TextField(_("toelichting bij het besluit"), blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=Q(status="open"),
                name="one_pending_join_request",
            )
        ]
        verbose_name = _("verzoek om lid te worden")
        verbose_name_plural = _("verzoeken om lid te worden")

    def __str__(self) -> str:
        return f"{self.user} → {self.space} ({self.get_status_display()})"


class Invitation(models.Model):
    """An invitation to one e-mail address, used once, before it expires.

    Only a SHA-256 hash of the token is stored: the link in the e-mail is the only copy of the
    token, so a leaked database gives no working invitations. The token is 32 random bytes; a
    changed token matches no hash.
    """

    space = models.ForeignKey(
        Space, verbose_name=_("ruimte"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    accepted_at = models.DateTimeField(_("aangenomen op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangenomen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} → {self.space}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class ModerationLog(models.Model):
    """Who did what, when, to whom, in which space. Written by every service in
    `spaces.services`, in the same transaction as the change."""

    class Action(models.TextChoices):
        JOINED = "lid_geworden", _("werd lid")
        REQUESTED = "verzoek", _("vroeg om lid te worden")
        APPROVED = "goedgekeurd", _("keurde een verzoek goed")
        DECLINED = "afgewezen", _("wees een verzoek af")
        INVITED = "uitgenodigd", _("nodigde uit")
        ACCEPTED = "aangenomen", _("nam een uitnodiging aan")
        REMOVED = "verwijderd", _("verwijderde een lid")
        ROLE_CHANGED = "rol", _("veranderde een rol")
        LEFT = "vertrokken", _("verliet de ruimte")
        EDITED = "beheer", _("wijzigde in het beheer")
        REPORTED = "gemeld", _("meldde een bericht")
        HELD = "vastgehouden", _("hield een bericht vast")
        HIDDEN = "verborgen", _("verborg een bericht")
        RESTORED = "hersteld", _("herstelde een bericht")
        LOCKED = "gesloten", _("sloot een discussie")
        UNLOCKED = "heropend", _("heropende een discussie")
        SUSPENDED = "geschorst", _("schorste een lid")
        UNSUSPENDED = "schorsing_op", _("hief een schorsing op")

    space = models.ForeignKey(
        Space, verbose_name=_("ruimte"), on_delete=models.CASCADE, related_name="moderation_log"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("actie"), max_length=14, choices=Action.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("betreft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_email = models.EmailField(_("betreft e-mailadres"), blank=True)
    detail = models.TextField(_("toelichting"), blank=True)
    # Where it happened (a post or discussion), for moderators to follow.
    target_url = models.CharField(_("waar"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderatielogboek")
        verbose_name_plural = _("moderatielogboek")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.get_action_display()}"


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
