"""Who must use two-factor authentication, and who has set it up."""

from __future__ import annotations

from allauth.mfa.models import Authenticator

from core.access import Visitor, is_editor


def two_factor_required(user: Visitor) -> bool:
    """Editors, staff and anyone who may open the back office log in with a second step."""
    if not (user.is_authenticated and user.is_active):
        return False
    return bool(
        is_editor(user)
        or user.is_staff
        or user.is_superuser
        or user.has_perm("wagtailadmin.access_admin")
    )


def has_two_factor(user: Visitor) -> bool:
    return (
        user.is_authenticated
        and Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )
