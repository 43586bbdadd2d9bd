"""Invitation links: single-use, expiring, bound to the invited address, stored as a hash.
Replay, tampering, expiry and another account fail with a clear Dutch message and change
nothing."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from spaces import services
from spaces.models import Invitation, Membership, ModerationLog
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "nieuw@example.org"


@pytest.fixture
def invitation(closed_space, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invite(actor=moderator, space=closed_space, email=EMAIL)


@pytest.fixture
def invitee():
    return UserFactory(username="nieuw", email=EMAIL)


def memberships_and_log(space):
    return (
        list(Membership.objects.filter(space=space).values_list("user_id", "status", "role")),
        ModerationLog.objects.filter(space=space).count(),
    )


def test_only_a_hash_is_stored_and_the_link_is_mailed(invitation):
    stored = Invitation.objects.get()
    assert invitation.token not in stored.token_hash
    assert stored.token_hash == Invitation.hash_token(invitation.token)
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    assert invitation.path in mail.outbox[0].body


def test_accept_through_the_page(invitation, invitee, closed_space, client):
    client.force_login(invitee)
    assert client.get(invitation.path).status_code == 200
    response = client.post(invitation.path)
    assert response.status_code == 302
    assert response["Location"] == f"/ruimtes/{closed_space.slug}/"
    assert Membership.objects.active().filter(space=closed_space, user=invitee).exists()


def test_someone_without_an_account_is_sent_to_log_in_and_back(invitation, client):
    response = client.get(invitation.path)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Inloggen of account maken" in content
    assert f"?next={invitation.path}" in content
    response = client.post(invitation.path)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_replay_fails(invitation, invitee, closed_space, client):
    client.force_login(invitee)
    client.post(invitation.path)
    before = memberships_and_log(closed_space)
    response = client.post(invitation.path)
    assert response.status_code == 404
    assert "al gebruikt" in response.content.decode()
    assert memberships_and_log(closed_space) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token + "x",
        lambda token: token[1:],
        lambda token: Invitation.hash_token(token),  # the stored hash is not a token
    ],
)
def test_tampering_fails(invitation, invitee, closed_space, client, change):
    client.force_login(invitee)
    before = memberships_and_log(closed_space)
    response = client.post(f"/ruimtes/uitnodiging/{change(invitation.token)}/")
    assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()
    assert memberships_and_log(closed_space) == before


def test_expired_fails(invitation, invitee, closed_space, client):
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    client.force_login(invitee)
    before = memberships_and_log(closed_space)
    response = client.post(invitation.path)
    assert response.status_code == 404
    assert "verlopen" in response.content.decode()
    assert memberships_and_log(closed_space) == before


def test_another_account_cannot_use_it(invitation, outsider, closed_space, client):
    client.force_login(outsider)
    before = memberships_and_log(closed_space)
    response = client.post(invitation.path)
    assert response.status_code == 403
    assert "ander e-mailadres" in response.content.decode()
    assert memberships_and_log(closed_space) == before
    assert Invitation.objects.get().accepted_at is None


def test_the_address_matches_without_regard_to_case(invitation, closed_space):
    person = UserFactory(email=EMAIL.upper())
    services.accept_invitation(user=person, token=invitation.token)
    assert Membership.objects.active().filter(user=person, space=closed_space).exists()


def test_an_invitation_brings_back_a_removed_member(closed_space, moderator, member):
    services.remove_member(actor=moderator, membership=Membership.objects.get(user=member))
    new = services.invite(actor=moderator, space=closed_space, email=member.email)
    membership = services.accept_invitation(user=member, token=new.token)
    assert membership.is_active and membership.role == Membership.Role.MEMBER
