"""A closed space with a starter, a follower, a writer and a moderator."""

import pytest
from django.urls import NoReverseMatch, clear_url_caches, reverse

from spaces.models import Membership
from spaces.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def people(closed_space):
    """Members of the closed space. Memberships start a daily digest; the tests choose."""
    made = {}
    for name, first, role in [
        ("starter", "Sanne", Membership.Role.MEMBER),
        ("follower", "Femke", Membership.Role.MEMBER),
        ("writer", "Willem", Membership.Role.MEMBER),
        ("mod", "Mo", Membership.Role.MODERATOR),
    ]:
        user = UserFactory(username=name, first_name=first, last_name="Achternaam")
        MembershipFactory(space=closed_space, user=user, role=role)
        made[name] = user
    return made


@pytest.fixture(autouse=True)
def discussion_pages(settings):
    """Mails link to the discussion page; where it is not routed yet, stand in for it."""
    try:
        reverse("discussions:detail", kwargs={"slug": "x", "pk": 1})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "notifications.tests.urls_without_discussion_pages"
        clear_url_caches()
    yield
    clear_url_caches()
