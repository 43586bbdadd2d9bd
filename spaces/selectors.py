"""Read-side helpers for spaces that pages of other apps show."""

from __future__ import annotations

from django.utils import timezone

from spaces.models import Invitation, JoinRequest, Membership


def personal_overview(user) -> dict:
    """What "Mijn kennisplatform" shows about `user`'s spaces: memberships, open requests and
    invitations to their address that still wait (the link itself is only in the e-mail)."""
    return {
        "memberships": Membership.objects.active()
        .filter(user=user)
        .select_related("space")
        .order_by("space__name"),
        "requests": JoinRequest.objects.filter(user=user, status=JoinRequest.Status.PENDING)
        .select_related("space")
        .order_by("space__name"),
        "invitations": Invitation.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("space")
        .order_by("space__name")
        if user.email
        else Invitation.objects.none(),
    }
