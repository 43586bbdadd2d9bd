"""Every change to who belongs to a space. Each service checks permission, runs in one
transaction, writes the moderation log and, after the commit, enqueues the e-mail it sends.

Who may do what:

- anyone signed in (and not removed from the space) joins an open space, or asks to join one
  that admits on request;
- a moderator of *this* space (or an editor) approves and declines requests, invites, removes
  members and changes roles; a moderator of another space cannot act here;
- a member leaves; the last moderator can neither leave nor be made a member until there is
  another moderator.

Refusals raise `SpaceActionRefused` with a Dutch message for the visitor; nothing is changed.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import Visitor, is_editor
from spaces.models import Invitation, JoinRequest, Membership, ModerationLog, Space
from spaces.tasks import send_space_mail

logger = logging.getLogger(__name__)

INVITATION_DAYS = 14


class SpaceActionRefused(Exception):
    """The action is not allowed; `message` says why, in Dutch, for the visitor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- who is who ------------------------------------------------------------------------------


def membership_of(user: Visitor, space: Space) -> Membership | None:
    """The user's membership row in the space (active or removed), read from the database."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(space=space, user=user).first()


def is_member(user: Visitor, space: Space) -> bool:
    membership = membership_of(user, space)
    return membership is not None and membership.is_active


def can_moderate(user: Visitor, space: Space) -> bool:
    """Moderators of this space (active) and editors."""
    if not (user.is_authenticated and user.is_active):
        return False
    if is_editor(user):
        return True
    return Membership.objects.moderators().filter(space=space, user=user).exists()


def _require_moderator(user: Visitor, space: Space) -> None:
    if not can_moderate(user, space):
        raise SpaceActionRefused(_("Alleen een moderator van deze ruimte mag dit doen."))


def _require_signed_in(user: Visitor) -> None:
    if not (user.is_authenticated and user.is_active):
        raise SpaceActionRefused(_("Log eerst in."))


def _log(space, actor, action, subject=None, subject_email="", detail="") -> ModerationLog:
    entry = ModerationLog.objects.create(
        space=space,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        subject=subject,
        subject_email=subject_email,
        detail=detail,
    )
    logger.info(
        "Space %s: %s by %s (subject %s)",
        space.slug,
        action,
        getattr(actor, "pk", None),
        getattr(subject, "pk", None) or subject_email,
    )
    return entry


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _mail_after_commit(to: list[str], subject: str, body: str) -> None:
    """Enqueue the mail once the change is committed; a failure to enqueue is logged and never
    undoes the change."""
    to = [address for address in to if address]
    if not to:
        return

    def enqueue():
        try:
            send_space_mail.enqueue(to=to, subject=subject, body=body)
        except Exception:
            logger.exception("Could not enqueue space mail %r", subject)

    transaction.on_commit(enqueue)


def _space_url(space: Space, suffix: str = "") -> str:
    return f"{settings.SITE_URL}/ruimtes/{space.slug}/{suffix}"


def _moderator_addresses(space: Space) -> list[str]:
    return list(
        Membership.objects.moderators()
        .filter(space=space)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def _refuse_removed(membership: Membership | None) -> None:
    if membership is not None and not membership.is_active:
        raise SpaceActionRefused(
            _(
                "U bent uit deze ruimte verwijderd. Alleen een uitnodiging van een moderator "
                "brengt u terug."
            )
        )


def _refuse_member(membership: Membership | None) -> None:
    if membership is not None and membership.is_active:
        raise SpaceActionRefused(_("U bent al lid van deze ruimte."))


def _activate(space: Space, user, membership: Membership | None) -> Membership:
    if membership is None:
        return Membership.objects.create(space=space, user=user)
    membership.status = Membership.Status.ACTIVE
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["status", "role"])
    return membership


# --- joining ---------------------------------------------------------------------------------


@transaction.atomic
def join(*, user: Visitor, space: Space) -> Membership:
    """Become a member of an open space at once."""
    _require_signed_in(user)
    space = Space.objects.select_for_update().get(pk=space.pk)
    if space.join_policy != Space.JoinPolicy.OPEN:
        raise SpaceActionRefused(_("In deze ruimte kunt u niet zelf lid worden."))
    membership = membership_of(user, space)
    _refuse_member(membership)
    _refuse_removed(membership)
    membership = _activate(space, user, membership)
    _log(space, user, ModerationLog.Action.JOINED, subject=user)
    return membership


@transaction.atomic
def request_to_join(*, user: Visitor, space: Space, message: str = "") -> JoinRequest:
    """Ask the moderators of a space that admits on request; they get an e-mail."""
    _require_signed_in(user)
    if space.join_policy != Space.JoinPolicy.ON_REQUEST:
        raise SpaceActionRefused(_("Voor deze ruimte kunt u geen verzoek doen."))
    membership = membership_of(user, space)
    _refuse_member(membership)
    _refuse_removed(membership)
    if JoinRequest.objects.filter(
        space=space, user=user, status=JoinRequest.Status.PENDING
    ).exists():
        raise SpaceActionRefused(_("Uw verzoek wacht al op een moderator."))
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(space=space, user=user, message=message)
    except IntegrityError:  # a second request at the same moment
        raise SpaceActionRefused(_("Uw verzoek wacht al op een moderator.")) from None
    _log(space, user, ModerationLog.Action.REQUESTED, subject=user, detail=message)
    _mail_after_commit(
        _moderator_addresses(space),
        _("Nieuw verzoek om lid te worden van %(space)s") % {"space": space.name},
        _("%(name)s vraagt om lid te worden van %(space)s.\n\n%(message)s\n\nBeslis op %(url)s")
        % {
            "name": display_name(user),
            "space": space.name,
            "message": message or _("(geen bericht)"),
            "url": _space_url(space, "verzoeken/"),
        },
    )
    return join_request


def _decide(actor: Visitor, join_request: JoinRequest, approve: bool, message: str) -> JoinRequest:
    space = join_request.space
    _require_moderator(actor, space)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.Status.PENDING:
        raise SpaceActionRefused(_("Over dit verzoek is al beslist."))
    join_request.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    join_request.decided_at = timezone.now()
    join_request.decided_by = actor
    join_request.decision_message = message
    join_request.save()
    requester = join_request.user
    if approve:
        _activate(space, requester, membership_of(requester, space))
    _log(
        space,
        actor,
        ModerationLog.Action.APPROVED if approve else ModerationLog.Action.DECLINED,
        subject=requester,
        detail=message,
    )
    if approve:
        subject = _("U bent lid van %(space)s") % {"space": space.name}
        body = _(
            "Uw verzoek om lid te worden van %(space)s is goedgekeurd.\n\n%(message)s\n\n%(url)s"
        )
    else:
        subject = _("Uw verzoek voor %(space)s") % {"space": space.name}
        body = _(
            "Uw verzoek om lid te worden van %(space)s is afgewezen.\n\n%(message)s\n\n%(url)s"
        )
    _mail_after_commit(
        [requester.email],
        subject,
        body % {"space": space.name, "message": message, "url": _space_url(space)},
    )
    return join_request


@transaction.atomic
def approve_request(*, actor: Visitor, join_request: JoinRequest, message: str = ""):
    return _decide(actor, join_request, True, message)


@transaction.atomic
def decline_request(*, actor: Visitor, join_request: JoinRequest, message: str = ""):
    return _decide(actor, join_request, False, message)


# --- invitations -----------------------------------------------------------------------------


@dataclass
class NewInvitation:
    invitation: Invitation
    token: str  # only here and in the e-mail; the database keeps its hash

    @property
    def path(self) -> str:
        return f"/ruimtes/uitnodiging/{self.token}/"


@transaction.atomic
def invite(*, actor: Visitor, space: Space, email: str) -> NewInvitation:
    """Invite an e-mail address; the link works once, for that address, for INVITATION_DAYS."""
    _require_moderator(actor, space)
    email = email.strip()
    if Membership.objects.active().filter(space=space, user__email__iexact=email).exists():
        raise SpaceActionRefused(_("Iemand met dit e-mailadres is al lid."))
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        space=space,
        email=email,
        token_hash=Invitation.hash_token(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    _log(space, actor, ModerationLog.Action.INVITED, subject_email=email)
    created = NewInvitation(invitation, token)
    _mail_after_commit(
        [email],
        _("Uitnodiging voor %(space)s") % {"space": space.name},
        _(
            "%(name)s nodigt u uit voor de ruimte %(space)s op het Kennisplatform "
            "Wijkaanpak.\n\n%(description)s\n\n"
            "Neem de uitnodiging aan op %(url)s\n\n"
            "Heeft u nog geen account? Via deze link kunt u inloggen of een account maken en "
            "komt u daarna terug. Gebruik daarbij dit e-mailadres (%(email)s): de uitnodiging "
            "geldt alleen daarvoor. De link werkt één keer en tot %(until)s."
        )
        % {
            "name": display_name(actor),
            "space": space.name,
            "description": space.description,
            "url": settings.SITE_URL + created.path,
            "email": email,
            "until": timezone.localtime(invitation.expires_at).strftime("%d-%m-%Y"),
        },
    )
    return created


def find_invitation(token: str) -> Invitation:
    """The invitation for this token, or SpaceActionRefused (unknown, used or expired)."""
    invitation = (
        Invitation.objects.select_related("space")
        .filter(token_hash=Invitation.hash_token(token))
        .first()
    )
    if invitation is None:
        raise SpaceActionRefused(
            _("Deze uitnodiging bestaat niet. Controleer of u de hele link uit de e-mail gebruikt.")
        )
    if invitation.accepted_at is not None:
        raise SpaceActionRefused(
            _("Deze uitnodiging is al gebruikt. Een uitnodiging werkt één keer.")
        )
    if invitation.expires_at <= timezone.now():
        raise SpaceActionRefused(
            _("Deze uitnodiging is verlopen. Vraag een moderator om een nieuwe uitnodiging.")
        )
    return invitation


def account_addresses(user) -> set[str]:
    """The addresses that prove who the account is: allauth's verified addresses once accounts
    use allauth, until then the account's own e-mail address. Lower-cased."""
    if apps.is_installed("allauth.account"):
        email_address = apps.get_model("account", "EmailAddress")
        return {
            address.lower()
            for address in email_address.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        }
    return {user.email.lower()} if user.email else set()


@transaction.atomic
def accept_invitation(*, user: Visitor, token: str) -> Membership:
    """Use the invitation: the signed-in account must have the invited address."""
    _require_signed_in(user)
    invitation = find_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:  # accepted by a request in between
        raise SpaceActionRefused(
            _("Deze uitnodiging is al gebruikt. Een uitnodiging werkt één keer.")
        )
    if invitation.email.lower() not in account_addresses(user):
        raise SpaceActionRefused(
            _(
                "Deze uitnodiging is voor een ander e-mailadres dan dat van uw account. Log in "
                "met het account van het uitgenodigde adres, of vraag de moderator om een "
                "uitnodiging voor uw eigen adres."
            )
        )
    space = invitation.space
    membership = membership_of(user, space)
    _refuse_member(membership)
    membership = _activate(space, user, membership)  # also brings back a removed member
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    JoinRequest.objects.filter(space=space, user=user, status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.APPROVED, decided_at=timezone.now()
    )
    _log(space, user, ModerationLog.Action.ACCEPTED, subject=user, subject_email=invitation.email)
    return membership


# --- members ---------------------------------------------------------------------------------


def _other_moderators(membership: Membership) -> bool:
    return (
        Membership.objects.moderators()
        .filter(space=membership.space)
        .exclude(pk=membership.pk)
        .exists()
    )


def _locked(membership: Membership) -> Membership:
    # Lock the space row: two moderators stepping down at once cannot both be "the other one".
    Space.objects.select_for_update().get(pk=membership.space_id)
    return Membership.objects.select_related("space", "user").get(pk=membership.pk)


@transaction.atomic
def remove_member(*, actor: Visitor, membership: Membership, message: str = "") -> Membership:
    """Take someone out of the space; effective on their next request."""
    _require_moderator(actor, membership.space)
    membership = _locked(membership)
    if not membership.is_active:
        raise SpaceActionRefused(_("Deze persoon is geen lid meer."))
    if membership.role == Membership.Role.MODERATOR and not _other_moderators(membership):
        raise SpaceActionRefused(
            _("De laatste moderator kan niet weg: maak eerst iemand anders moderator.")
        )
    membership.status = Membership.Status.REMOVED
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["status", "role"])
    _log(
        membership.space,
        actor,
        ModerationLog.Action.REMOVED,
        subject=membership.user,
        detail=message,
    )
    return membership


@transaction.atomic
def set_role(*, actor: Visitor, membership: Membership, role: str) -> Membership:
    """Make a member moderator, or a moderator member again."""
    _require_moderator(actor, membership.space)
    membership = _locked(membership)
    if role not in Membership.Role.values:
        raise SpaceActionRefused(_("Onbekende rol."))
    if not membership.is_active:
        raise SpaceActionRefused(_("Deze persoon is geen lid meer."))
    if membership.role == role:
        return membership
    if role == Membership.Role.MEMBER and not _other_moderators(membership):
        raise SpaceActionRefused(
            _("De laatste moderator blijft moderator tot er een andere moderator is.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    _log(
        membership.space,
        actor,
        ModerationLog.Action.ROLE_CHANGED,
        subject=membership.user,
        detail=membership.get_role_display(),
    )
    return membership


@transaction.atomic
def suspend(*, actor: Visitor, membership: Membership, until, reason: str) -> Membership:
    """Stop a member from writing (posting, reporting) in the space until `until`; they still
    read. A moderator steps down first: a moderator cannot be suspended."""
    _require_moderator(actor, membership.space)
    reason = (reason or "").strip()
    if not reason:
        raise SpaceActionRefused(_("Schrijf waarom u dit lid schorst. Het lid ziet de reden."))
    if until is None or until <= timezone.now():
        raise SpaceActionRefused(_("Kies een einddatum in de toekomst."))
    membership = _locked(membership)
    if not membership.is_active:
        raise SpaceActionRefused(_("Deze persoon is geen lid meer."))
    if membership.role == Membership.Role.MODERATOR:
        raise SpaceActionRefused(
            _("Een moderator kunt u niet schorsen. Maak deze persoon eerst gewoon lid.")
        )
    membership.suspended_until = until
    membership.save(update_fields=["suspended_until"])
    _log(
        membership.space,
        actor,
        ModerationLog.Action.SUSPENDED,
        subject=membership.user,
        detail=_("tot %(until)s: %(reason)s")
        % {"until": timezone.localtime(until).strftime("%d-%m-%Y %H:%M"), "reason": reason},
    )
    return membership


@transaction.atomic
def unsuspend(*, actor: Visitor, membership: Membership, reason: str = "") -> Membership:
    """End a suspension now."""
    _require_moderator(actor, membership.space)
    membership = _locked(membership)
    if not membership.is_suspended:
        raise SpaceActionRefused(_("Dit lid is niet geschorst."))
    membership.suspended_until = None
    membership.save(update_fields=["suspended_until"])
    _log(
        membership.space,
        actor,
        ModerationLog.Action.UNSUSPENDED,
        subject=membership.user,
        detail=(reason or "").strip(),
    )
    return membership


@transaction.atomic
def leave(*, user: Visitor, space: Space) -> None:
    """Leave a space. The row goes; a member who left may join again like anyone else."""
    _require_signed_in(user)
    membership = membership_of(user, space)
    if membership is None or not membership.is_active:
        raise SpaceActionRefused(_("U bent geen lid van deze ruimte."))
    membership = _locked(membership)
    if membership.role == Membership.Role.MODERATOR and not _other_moderators(membership):
        raise SpaceActionRefused(
            _("U bent de laatste moderator: maak eerst iemand anders moderator.")
        )
    membership.delete()
    _log(space, user, ModerationLog.Action.LEFT, subject=user)


def log_back_office_change(*, actor: Visitor, space: Space, subject=None, detail: str) -> None:
    """What an editor changed in the back office, in the same log."""
    _log(space, actor, ModerationLog.Action.EDITED, subject=subject, detail=detail)
