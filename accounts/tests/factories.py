"""Accounts with a verified e-mail address, as django-allauth needs for logging in."""

from allauth.account.models import EmailAddress

from spaces.tests.factories import UserFactory

PASSWORD = "geheim-wachtwoord-123"  # UserFactory's


def verified_user(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user
