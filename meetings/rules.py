"""Who may organise, register and cancel. Services ask here first; refusals raise
`MeetingRefused` with a Dutch message for the visitor, and nothing changes."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.access import Visitor, is_editor
from meetings.models import Meeting
from spaces.models import Membership, Space


class MeetingRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def can_organise_in(user: Visitor, space: Space | None) -> bool:
    """Editors organise public meetings and meetings in any space; a space's moderators organise
    meetings in their space."""
    if not (user.is_authenticated and user.is_active):
        return False
    if is_editor(user):
        return True
    if space is None:
        return False
    return Membership.objects.moderators().filter(space=space, user=user).exists()


def can_organise(user: Visitor, meeting: Meeting) -> bool:
    """The organiser, editors, and the moderators of the meeting's space."""
    if meeting.is_organised_by(user) and user.is_active:
        return True
    return can_organise_in(user, meeting.space)


def organisable_spaces(user: Visitor):
    if is_editor(user):
        return Space.objects.all()
    if not user.is_authenticated:
        return Space.objects.none()
    return Space.objects.filter(
        pk__in=Membership.objects.moderators().filter(user=user).values("space_id")
    )


def require_can_register(user: Visitor, meeting: Meeting) -> None:
    """Logged-in people; in a closed space only its active members. Before the deadline."""
    if not (user.is_authenticated and user.is_active):
        raise MeetingRefused(_("Log in om u aan te melden."))
    if meeting.space is not None and not meeting.space.is_public:
        member = Membership.objects.active().filter(space=meeting.space, user=user).exists()
        if not member:
            raise MeetingRefused(
                _("Alleen leden van deze ruimte kunnen zich aanmelden voor deze bijeenkomst.")
            )
    if not meeting.registration_open():
        raise MeetingRefused(_("Aanmelden voor deze bijeenkomst is gesloten."))
