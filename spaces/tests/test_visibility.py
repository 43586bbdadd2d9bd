"""`visible_to` (whose content is readable) and `listed_to` (whose front page is seen), for
every role."""

import pytest

from cases.models import Case
from cases.tests.factories import CaseFactory
from spaces.models import Space
from spaces.tests.factories import SpaceFactory
from spaces.tests.roles import ROLES, SEES_CLOSED, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_world()
    world["public"] = SpaceFactory(
        slug="openbaar", visibility=Space.Visibility.PUBLIC, join_policy=Space.JoinPolicy.OPEN
    )
    return world


@pytest.mark.parametrize("role", ROLES)
def test_visible_to_is_about_content(world, role):
    user = world["users"][role]
    visible = set(Space.objects.visible_to(user).values_list("slug", flat=True))
    expected = {"openbaar"}
    if role in SEES_CLOSED:
        expected |= {"kring-op-uitnodiging", "intervisie-op-verzoek"}
    if role in ("other_moderator", "editor"):
        expected.add("andere-ruimte")
    assert visible == expected


@pytest.mark.parametrize("role", ROLES)
def test_listed_to_shows_spaces_that_take_requests(world, role):
    user = world["users"][role]
    listed = set(Space.objects.listed_to(user).values_list("slug", flat=True))
    # On-request spaces show their front page to everyone, invitation-only ones only inside.
    expected = {"openbaar", "intervisie-op-verzoek", "andere-ruimte"}
    if role in SEES_CLOSED:
        expected.add("kring-op-uitnodiging")
    assert listed == expected


@pytest.mark.parametrize("role", ROLES)
def test_content_follows_visible_to_not_listed_to(world, role):
    user = world["users"][role]
    secret = CaseFactory(title="Verborgen", space=world["on_request"])
    visible = Case.objects.visible_to(user).filter(pk=secret.pk).exists()
    assert visible == (role in SEES_CLOSED)


def test_a_closed_open_space_is_listed_but_its_content_is_not_read(world):
    space = SpaceFactory(slug="dicht-maar-open", join_policy=Space.JoinPolicy.OPEN)
    outsider = world["users"]["outsider"]
    assert Space.objects.listed_to(outsider).filter(pk=space.pk).exists()
    assert not Space.objects.visible_to(outsider).filter(pk=space.pk).exists()
