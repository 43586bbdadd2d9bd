"""Shared fixtures: the four kinds of visitor the visibility rule distinguishes."""

import os

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.cache import cache

from cases.editorial import EDITORS_GROUP
from cases.facets import forget
from spaces.models import Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

# The headless Chromium for browser tests, one per session for every app's browser tests (two
# session fixtures would start Playwright twice in one thread, which it refuses).
pytest_plugins = [
    "kennisplatform.tests.browser_fixtures",
    "kennisplatform.tests.database_speed",
]

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the same
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def outsider(db):
    return UserFactory(username="buitenstaander")


@pytest.fixture
def closed_space(db):
    return SpaceFactory(
        name="Besloten intervisie", slug="besloten", visibility=Space.Visibility.CLOSED
    )


@pytest.fixture
def public_space(db):
    return SpaceFactory(name="Open netwerk", slug="open", visibility=Space.Visibility.PUBLIC)


@pytest.fixture
def member(db, closed_space):
    user = UserFactory(username="lid")
    MembershipFactory(space=closed_space, user=user)
    return user


@pytest.fixture
def moderator(db, closed_space):
    user = UserFactory(username="moderator")
    MembershipFactory(space=closed_space, user=user, role=Membership.Role.MODERATOR)
    return user


@pytest.fixture
def editor(db):
    return UserFactory(username="redacteur", groups=[Group.objects.get(name=EDITORS_GROUP)])


@pytest.fixture
def client_for(client):
    """client_for(user) logs the test client in as that user (or not, for anonymous)."""

    def login(user):
        if user is not None and user.is_authenticated:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with empty caches: what one test kept never answers another."""
    cache.clear()
    forget()


@pytest.fixture(autouse=True)
def editors_without_second_step(settings):
    """Tests log editors in with `force_login`, which skips the login and its second step
    (TOTP). Two-factor enforcement for editors is tested in accounts/tests/, which turns it on;
    production has it on (settings.ACCOUNTS_EDITOR_MFA_REQUIRED, default True)."""
    settings.ACCOUNTS_EDITOR_MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests make many users; PBKDF2's deliberate slowness (a second each here) buys nothing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def space_world(db):
    """Every role around two closed spaces (spaces/tests/roles.py)."""
    from spaces.tests.roles import make_world

    return make_world()
