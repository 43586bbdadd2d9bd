"""The services behind every change to a space's members: permission, one transaction, the
moderation log, and e-mail after the commit."""

import pytest
from django.core import mail

from spaces import services
from spaces.models import JoinRequest, Membership, ModerationLog, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def actions(space) -> list[str]:
    return list(
        ModerationLog.objects.filter(space=space).order_by("id").values_list("action", flat=True)
    )


@pytest.fixture
def open_space():
    return SpaceFactory(slug="open-netwerk", join_policy=Space.JoinPolicy.OPEN)


def test_join_an_open_space_is_logged(open_space, outsider):
    membership = services.join(user=outsider, space=open_space)
    assert membership.is_active and membership.role == Membership.Role.MEMBER
    assert actions(open_space) == [ModerationLog.Action.JOINED]


def test_join_is_refused_where_a_moderator_decides(closed_space, outsider):
    with pytest.raises(services.SpaceActionRefused, match="niet zelf lid"):
        services.join(user=outsider, space=closed_space)
    assert not Membership.objects.filter(user=outsider).exists()


def test_anonymous_cannot_act(open_space, anonymous):
    with pytest.raises(services.SpaceActionRefused, match="Log eerst in"):
        services.join(user=anonymous, space=open_space)


def test_request_mails_the_moderators_after_the_commit(
    closed_space, moderator, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.request_to_join(user=outsider, space=closed_space, message="Graag!")
        assert mail.outbox == []  # nothing is sent inside the transaction
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "vraagt om lid te worden" in mail.outbox[0].body
    assert actions(closed_space) == [ModerationLog.Action.REQUESTED]


def test_one_pending_request_at_a_time(closed_space, outsider):
    services.request_to_join(user=outsider, space=closed_space)
    with pytest.raises(services.SpaceActionRefused, match="wacht al"):
        services.request_to_join(user=outsider, space=closed_space)


def test_approve_and_decline_mail_the_requester(
    closed_space, moderator, django_capture_on_commit_callbacks
):
    asking, other = UserFactory(), UserFactory()
    first = services.request_to_join(user=asking, space=closed_space)
    second = services.request_to_join(user=other, space=closed_space)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_request(actor=moderator, join_request=first, message="Welkom!")
        services.decline_request(actor=moderator, join_request=second, message="Helaas.")
    assert Membership.objects.active().filter(space=closed_space, user=asking).exists()
    assert not Membership.objects.filter(space=closed_space, user=other).exists()
    assert [m.to for m in mail.outbox] == [[asking.email], [other.email]]
    assert "goedgekeurd" in mail.outbox[0].body and "Welkom!" in mail.outbox[0].body
    assert "afgewezen" in mail.outbox[1].body and "Helaas." in mail.outbox[1].body
    with pytest.raises(services.SpaceActionRefused, match="al beslist"):
        services.approve_request(actor=moderator, join_request=second)


def test_a_moderator_of_another_space_cannot_act_here(closed_space, member):
    elsewhere = UserFactory()
    MembershipFactory(user=elsewhere, role=Membership.Role.MODERATOR)
    join_request = services.request_to_join(user=UserFactory(), space=closed_space)
    membership = Membership.objects.get(space=closed_space, user=member)
    for attempt in (
        lambda: services.approve_request(actor=elsewhere, join_request=join_request),
        lambda: services.decline_request(actor=elsewhere, join_request=join_request),
        lambda: services.invite(actor=elsewhere, space=closed_space, email="x@example.org"),
        lambda: services.remove_member(actor=elsewhere, membership=membership),
        lambda: services.set_role(actor=elsewhere, membership=membership, role="moderator"),
        lambda: services.invite(actor=member, space=closed_space, email="x@example.org"),
    ):
        with pytest.raises(services.SpaceActionRefused, match="Alleen een moderator"):
            attempt()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert Membership.objects.get(pk=membership.pk).is_active


def test_a_removed_moderator_cannot_act(closed_space, moderator):
    second = UserFactory()
    MembershipFactory(space=closed_space, user=second, role=Membership.Role.MODERATOR)
    services.remove_member(
        actor=second, membership=Membership.objects.get(space=closed_space, user=moderator)
    )
    with pytest.raises(services.SpaceActionRefused):
        services.invite(actor=moderator, space=closed_space, email="x@example.org")
    with pytest.raises(services.SpaceActionRefused, match="verwijderd"):
        services.request_to_join(user=moderator, space=closed_space)


def test_editors_manage_every_space(closed_space, editor, member):
    membership = Membership.objects.get(user=member)
    services.set_role(actor=editor, membership=membership, role=Membership.Role.MODERATOR)
    assert Membership.objects.get(pk=membership.pk).is_moderator


def test_the_last_moderator_cannot_leave_or_be_demoted(closed_space, moderator, member):
    own = Membership.objects.get(space=closed_space, user=moderator)
    with pytest.raises(services.SpaceActionRefused, match="laatste moderator"):
        services.leave(user=moderator, space=closed_space)
    with pytest.raises(services.SpaceActionRefused, match="laatste moderator"):
        services.set_role(actor=moderator, membership=own, role=Membership.Role.MEMBER)
    with pytest.raises(services.SpaceActionRefused, match="laatste moderator"):
        services.remove_member(actor=moderator, membership=own)
    assert Membership.objects.get(pk=own.pk).is_moderator
    # With a second moderator, the first may step down and leave.
    services.set_role(
        actor=moderator,
        membership=Membership.objects.get(user=member),
        role=Membership.Role.MODERATOR,
    )
    services.set_role(actor=moderator, membership=own, role=Membership.Role.MEMBER)
    services.leave(user=moderator, space=closed_space)
    assert not Membership.objects.filter(pk=own.pk).exists()
    assert actions(closed_space) == [
        ModerationLog.Action.ROLE_CHANGED,
        ModerationLog.Action.ROLE_CHANGED,
        ModerationLog.Action.LEFT,
    ]


def test_removed_members_cannot_rejoin_an_open_space(open_space, moderator):
    MembershipFactory(space=open_space, user=moderator, role=Membership.Role.MODERATOR)
    person = UserFactory()
    membership = services.join(user=person, space=open_space)
    services.remove_member(actor=moderator, membership=membership)
    with pytest.raises(services.SpaceActionRefused, match="verwijderd"):
        services.join(user=person, space=open_space)
    log = ModerationLog.objects.filter(space=open_space, action="verwijderd").get()
    assert (log.actor, log.subject) == (moderator, person)


def test_a_failed_mail_is_retried_and_never_undoes_the_change(
    closed_space, moderator, outsider, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.mail import EmailMessage

    from spaces import tasks

    attempts = []
    real_send = EmailMessage.send

    def flaky_send(self, *args, **kwargs):
        attempts.append(self.subject)
        if len(attempts) < 3:
            raise ConnectionRefusedError("mail server down")
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky_send)
    with django_capture_on_commit_callbacks(execute=True):
        join_request = services.request_to_join(user=outsider, space=closed_space)
    assert len(attempts) == 3  # two failures, then sent
    assert len(mail.outbox) == 1
    assert JoinRequest.objects.filter(pk=join_request.pk).exists()

    # A mail server that stays down: the task gives up after MAX_ATTEMPTS; the change stands.
    attempts.clear()
    monkeypatch.setattr(EmailMessage, "send", lambda self, *a, **k: attempts.append(1) or 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_request(actor=moderator, join_request=join_request)
    assert len(attempts) == tasks.MAX_ATTEMPTS
    assert Membership.objects.active().filter(space=closed_space, user=outsider).exists()
