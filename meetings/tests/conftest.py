import pytest

from spaces.models import Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(service, **kwargs): call a service and run what it does after the commit (its
    e-mails), as on the site."""

    def call(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return call


@pytest.fixture
def people(db):
    return [UserFactory(username=f"deelnemer{n}", first_name=f"Deelnemer {n}") for n in range(4)]


@pytest.fixture
def closed_meeting_space(db):
    space = SpaceFactory(
        name="Leernetwerk besloten", slug="leernetwerk", visibility=Space.Visibility.CLOSED
    )
    return space


@pytest.fixture
def space_member(closed_meeting_space):
    user = UserFactory(username="netwerklid", first_name="Nina")
    MembershipFactory(space=closed_meeting_space, user=user)
    return user
