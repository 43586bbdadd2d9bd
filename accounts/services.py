"""Writes to a person's own account: API token, e-mail settings, closing the account."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from rest_framework.authtoken.models import Token

from accounts.access import two_factor_required
from accounts.models import EmailPreferences
from accounts.signals import account_closing

logger = logging.getLogger(__name__)

TOKEN_PREFIX_LENGTH = 6


class CannotCloseAccount(Exception):
    """Editors and administrators do not close their own account: the editorial history (review
    requests, revisions) hangs on it. An administrator removes them in the back office."""


@transaction.atomic
def token_create(*, user: AbstractBaseUser) -> str:
    """A new API token for `user`, replacing any earlier one. Returns the key: the caller shows
    it once; afterwards only its first characters are shown."""
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    logger.info("API token %s... created by user %s", token.key[:TOKEN_PREFIX_LENGTH], user.pk)
    return token.key


@transaction.atomic
def token_revoke(*, user: AbstractBaseUser) -> bool:
    deleted, _ = Token.objects.filter(user=user).delete()
    if deleted:
        logger.info("API token revoked by user %s", user.pk)
    return bool(deleted)


def token_prefix(user: AbstractBaseUser) -> str | None:
    key = Token.objects.filter(user=user).values_list("key", flat=True).first()
    return key[:TOKEN_PREFIX_LENGTH] if key else None


def email_preferences(user: AbstractBaseUser) -> EmailPreferences:
    """The person's settings, or the defaults (unsaved) when they never chose."""
    return EmailPreferences.objects.filter(user=user).first() or EmailPreferences(user=user)


@transaction.atomic
def email_preferences_save(*, user: AbstractBaseUser, **choices: bool):
    """Save the person's choices (the fields of `EmailPreferencesForm`); fields not given keep
    their value (or default)."""
    fields = {field.name for field in EmailPreferences._meta.get_fields()}
    unknown = set(choices) - fields
    if unknown:
        raise TypeError(f"Unknown e-mail preferences: {sorted(unknown)}")
    preferences, _ = EmailPreferences.objects.update_or_create(user=user, defaults=choices)
    logger.info("E-mail settings changed by user %s", user.pk)
    return preferences


def may_not_close(user: AbstractBaseUser) -> bool:
    return two_factor_required(user)


@transaction.atomic
def account_close(*, user: AbstractBaseUser) -> None:
    """Delete the person's account. Memberships of spaces, e-mail addresses, the API token,
    authenticators and e-mail settings go with it; apps that keep more (a wijkschakelaar
    profile) react to `account_closing` in this same transaction. The caller has checked the
    password and logs the session out."""
    if may_not_close(user):
        raise CannotCloseAccount(user.pk)
    user_id = user.pk
    account_closing.send(sender=type(user), user=user)
    user.delete()
    logger.info("Account %s closed by its owner", user_id)
