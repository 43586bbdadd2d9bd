"""Mijn kennisplatform lists a person's spaces, their open requests and their invitations, and
nothing of anyone else's."""

import pytest

pytestmark = pytest.mark.django_db


def page_of(client, user) -> str:
    client.force_login(user)
    response = client.get("/mijn/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_sees_their_spaces(client, space_world):
    html = page_of(client, space_world["users"]["member"])
    assert space_world["invitation_only"].name in html
    assert space_world["on_request"].name in html
    assert space_world["other"].name not in html


def test_a_requester_sees_the_request_waiting(client, space_world):
    html = page_of(client, space_world["users"]["requester"])
    assert "Mijn verzoeken" in html
    assert space_world["on_request"].name in html
    assert "U bent nog geen lid van een ruimte." in html


def test_an_invited_person_sees_the_invitation_but_no_link(client, space_world):
    html = page_of(client, space_world["users"]["invited"])
    assert "Mijn uitnodigingen" in html
    assert space_world["invitation_only"].name in html
    assert space_world["invitation"].token not in html


def test_a_removed_member_no_longer_sees_the_space_as_theirs(client, space_world):
    html = page_of(client, space_world["users"]["removed"])
    assert "U bent nog geen lid van een ruimte." in html
