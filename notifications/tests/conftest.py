"""A closed space with a starter, a follower, a writer and a moderator."""

import pytest

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
