"""The moderation services: who may act, what they must say, what changes, what is logged and
what the apps above hear (only after the commit)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from discussions import moderation, rules, signals
from discussions.models import Discussion, PostStatus, Report
from discussions.rules import DiscussionRefused
from discussions.tests.factories import DiscussionFactory, PostFactory, ReportFactory
from spaces.models import Membership, ModerationLog
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """What discussions told the apps above: (signal name, kwargs) in order."""
    events = []

    def listener(name):
        def receive(sender, **kwargs):
            kwargs.pop("signal", None)
            events.append((name, kwargs))

        return receive

    receivers = {
        signals.post_moderated: listener("post_moderated"),
        signals.reply_posted: listener("reply_posted"),
        signals.discussion_started: listener("discussion_started"),
    }
    for signal, receiver in receivers.items():
        signal.connect(receiver)
    yield events
    for signal, receiver in receivers.items():
        signal.disconnect(receiver)


@pytest.fixture
def author(closed_space):
    user = UserFactory(username="schrijver")
    MembershipFactory(space=closed_space, user=user)
    return user


@pytest.fixture
def discussion(closed_space, author):
    return DiscussionFactory(space=closed_space, author=author, title="Overlast in de portiek")


@pytest.fixture
def reply(discussion, author):
    return PostFactory(discussion=discussion, author=author, body="Noem geen namen van bewoners.")


@pytest.fixture
def other_moderator(db):
    user = UserFactory(username="andere-moderator")
    MembershipFactory(space=SpaceFactory(), user=user, role=Membership.Role.MODERATOR)
    return user


def refused(call, **kwargs):
    with pytest.raises(DiscussionRefused) as error:
        call(**kwargs)
    return error.value.message


def last_log():
    return ModerationLog.objects.order_by("-id").first()


# --- reporting -------------------------------------------------------------------------------


def test_a_member_reports_a_post(
    member, reply, heard, django_capture_on_commit_callbacks, closed_space
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = moderation.report_post(user=member, post=reply, reason="  Noemt een naam.  ")
    assert heard == []  # nothing is said before the commit
    for callback in callbacks:
        callback()
    assert report.status == Report.Status.OPEN
    assert report.reason == "Noemt een naam."
    entry = last_log()
    assert (entry.actor, entry.action, entry.subject, entry.detail, entry.space) == (
        member,
        ModerationLog.Action.REPORTED,
        reply.author,
        "Noemt een naam.",
        closed_space,
    )
    assert entry.target_url == moderation.target_url(reply)
    assert heard == [
        (
            "post_moderated",
            {
                "post": reply,
                "action": ModerationLog.Action.REPORTED,
                "reason": "Noemt een naam.",
                "actor": member,
            },
        )
    ]


def test_reporting_refusals(
    anonymous, outsider, member, author, reply, discussion, closed_space, public_space
):
    assert "Log in" in refused(moderation.report_post, user=anonymous, post=reply, reason="x")
    # An outsider may not read a closed space: the post does not exist for them.
    assert "bestaat niet" in refused(moderation.report_post, user=outsider, post=reply, reason="x")
    assert "eigen bericht" in refused(moderation.report_post, user=author, post=reply, reason="x")
    assert "Schrijf waarom" in refused(
        moderation.report_post, user=member, post=reply, reason="   "
    )
    assert "hoogstens 1000" in refused(
        moderation.report_post, user=member, post=reply, reason="x" * 1001
    )
    moderation.report_post(user=member, post=reply, reason="Noemt een naam.")
    assert "al gemeld" in refused(
        moderation.report_post, user=member, post=reply, reason="Nog een keer."
    )
    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    assert refused(moderation.report_post, user=member, post=held, reason="x")
    assert Report.objects.count() == 1


def test_anyone_signed_in_reports_in_a_public_space(outsider, public_space):
    post = DiscussionFactory(space=public_space).posts.get()
    report = moderation.report_post(user=outsider, post=post, reason="Reclame.")
    assert report.reporter == outsider


def test_a_suspended_member_cannot_report(member, reply, closed_space):
    Membership.objects.filter(user=member, space=closed_space).update(
        suspended_until=timezone.now() + timedelta(days=1)
    )
    assert "geschorst" in refused(moderation.report_post, user=member, post=reply, reason="x")


def test_reporting_has_a_rate_limit(member, discussion, monkeypatch):
    monkeypatch.setattr(rules, "REPORT_LIMIT", (2, timedelta(hours=1)))
    posts = [PostFactory(discussion=discussion) for _ in range(3)]
    moderation.report_post(user=member, post=posts[0], reason="Een")
    moderation.report_post(user=member, post=posts[1], reason="Twee")
    assert "veel meldingen" in refused(
        moderation.report_post, user=member, post=posts[2], reason="Drie"
    )
    assert Report.objects.filter(reporter=member).count() == 2


# --- hiding ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "outsider", "other_moderator", "author"])
def test_only_this_spaces_moderators_and_editors_hide(request, role, reply):
    user = request.getfixturevalue(role)
    assert "moderator" in refused(moderation.hide_post, actor=user, post=reply, reason="Weg.")
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    assert not ModerationLog.objects.filter(action=ModerationLog.Action.HIDDEN).exists()


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_moderator_or_editor_hides_a_reply(
    request, role, reply, discussion, member, heard, django_capture_on_commit_callbacks
):
    actor = request.getfixturevalue(role)
    report = ReportFactory(post=reply, reporter=member)
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 1
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_post(actor=actor, post=reply, reason="Noemt een bewoner bij naam.")
        assert heard == []
    reply.refresh_from_db()
    assert (reply.status, reply.moderation_reason) == (
        PostStatus.HIDDEN,
        "Noemt een bewoner bij naam.",
    )
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 0
    report.refresh_from_db()
    assert report.status == Report.Status.HANDLED
    assert report.handled_by == actor and report.handled_at is not None
    entry = last_log()
    assert (entry.actor, entry.action, entry.subject, entry.detail) == (
        actor,
        ModerationLog.Action.HIDDEN,
        reply.author,
        "Noemt een bewoner bij naam.",
    )
    assert [name for name, _ in heard] == ["post_moderated"]
    assert heard[0][1]["action"] == ModerationLog.Action.HIDDEN
    assert heard[0][1]["actor"] == actor


def test_hiding_needs_a_reason(moderator, reply):
    assert "Schrijf waarom" in refused(moderation.hide_post, actor=moderator, post=reply, reason="")
    assert "Schrijf waarom" in refused(
        moderation.hide_post, actor=moderator, post=reply, reason="  \n "
    )
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED


def test_hiding_the_opening_hides_the_discussion(moderator, discussion, anonymous, member):
    opening = discussion.posts.get(is_opening=True)
    moderation.hide_post(actor=moderator, post=opening, reason="Hoort hier niet.")
    discussion.refresh_from_db()
    assert discussion.opening_status == PostStatus.HIDDEN
    assert not Discussion.objects.visible_to(member).filter(pk=discussion.pk).exists()
    assert Discussion.objects.visible_to(discussion.author).filter(pk=discussion.pk).exists()


def test_hiding_twice_or_a_deleted_post_is_refused(moderator, reply, discussion):
    moderation.hide_post(actor=moderator, post=reply, reason="Weg.")
    assert "al verborgen" in refused(
        moderation.hide_post, actor=moderator, post=reply, reason="Weg."
    )
    deleted = PostFactory(discussion=discussion, status=PostStatus.DELETED)
    assert "verwijderd" in refused(
        moderation.hide_post, actor=moderator, post=deleted, reason="Weg."
    )


# --- restoring -------------------------------------------------------------------------------


def test_restoring_brings_a_hidden_reply_back(
    moderator, reply, discussion, heard, django_capture_on_commit_callbacks
):
    moderation.hide_post(actor=moderator, post=reply, reason="Weg.")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_post(actor=moderator, post=reply, reason="Toch in orde.")
    reply.refresh_from_db()
    assert (reply.status, reply.moderation_reason) == (PostStatus.PUBLISHED, "")
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 1
    entry = last_log()
    assert (entry.action, entry.detail) == (ModerationLog.Action.RESTORED, "Toch in orde.")
    assert heard[-1][1]["action"] == ModerationLog.Action.RESTORED


def test_restoring_the_opening_shows_the_discussion_again(moderator, discussion):
    opening = discussion.posts.get(is_opening=True)
    moderation.hide_post(actor=moderator, post=opening, reason="Weg.")
    moderation.restore_post(actor=moderator, post=opening)
    discussion.refresh_from_db()
    assert discussion.opening_status == PostStatus.PUBLISHED


def test_leaving_a_reported_post_resolves_its_reports_without_a_signal(
    moderator, reply, member, heard, django_capture_on_commit_callbacks
):
    report = ReportFactory(post=reply, reporter=member)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_post(actor=moderator, post=reply, reason="Geen probleem.")
    report.refresh_from_db()
    assert report.status == Report.Status.HANDLED and report.handled_by == moderator
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    assert last_log().action == ModerationLog.Action.RESTORED
    assert heard == []  # nothing changed for the author


def test_restoring_a_post_that_is_neither_hidden_nor_reported_is_refused(
    moderator, other_moderator, reply
):
    assert refused(moderation.restore_post, actor=moderator, post=reply)
    moderation.hide_post(actor=moderator, post=reply, reason="Weg.")
    assert "moderator" in refused(moderation.restore_post, actor=other_moderator, post=reply)


# --- approving -------------------------------------------------------------------------------


def test_approving_a_held_reply_publishes_and_announces_it(
    moderator, discussion, heard, django_capture_on_commit_callbacks
):
    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 0
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_post(actor=moderator, post=held)
        assert heard == []
    held.refresh_from_db()
    assert held.status == PostStatus.PUBLISHED
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 1
    assert [name for name, _ in heard] == ["post_moderated", "reply_posted"]
    assert heard[1][1]["post"] == held
    assert last_log().action == ModerationLog.Action.APPROVED


def test_approving_a_held_opening_starts_the_discussion(
    public_space, editor, heard, django_capture_on_commit_callbacks
):
    discussion = DiscussionFactory(space=public_space, opening_status=PostStatus.HELD)
    opening = discussion.posts.get()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_post(actor=editor, post=opening)
    discussion.refresh_from_db()
    assert discussion.opening_status == PostStatus.PUBLISHED
    assert [name for name, _ in heard] == ["post_moderated", "discussion_started"]
    assert heard[1][1]["discussion"] == discussion


def test_approving_is_for_held_posts_and_moderators_only(moderator, member, reply, discussion):
    assert "wacht niet" in refused(moderation.approve_post, actor=moderator, post=reply)
    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    assert "moderator" in refused(moderation.approve_post, actor=member, post=held)
    held.refresh_from_db()
    assert held.status == PostStatus.HELD


def test_hiding_a_held_post_keeps_it_from_the_count(moderator, discussion):
    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    moderation.hide_post(actor=moderator, post=held, reason="Reclame.")
    held.refresh_from_db()
    assert held.status == PostStatus.HIDDEN
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 0


# --- locking ---------------------------------------------------------------------------------


def test_locking_and_reopening(moderator, discussion, heard, django_capture_on_commit_callbacks):
    assert "Schrijf waarom" in refused(
        moderation.lock_discussion, actor=moderator, discussion=discussion, reason=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderation.lock_discussion(
            actor=moderator, discussion=discussion, reason="Alles is gezegd."
        )
    discussion.refresh_from_db()
    assert discussion.is_locked and discussion.lock_reason == "Alles is gezegd."
    assert (last_log().action, last_log().detail) == (
        ModerationLog.Action.LOCKED,
        "Alles is gezegd.",
    )
    assert heard[-1][1]["action"] == ModerationLog.Action.LOCKED
    assert "al gesloten" in refused(
        moderation.lock_discussion, actor=moderator, discussion=discussion, reason="Nogmaals."
    )
    moderation.unlock_discussion(actor=moderator, discussion=discussion)
    discussion.refresh_from_db()
    assert not discussion.is_locked and discussion.lock_reason == ""
    assert last_log().action == ModerationLog.Action.UNLOCKED
    assert "niet gesloten" in refused(
        moderation.unlock_discussion, actor=moderator, discussion=discussion
    )


@pytest.mark.parametrize("role", ["member", "other_moderator", "author"])
def test_only_moderators_lock(request, role, discussion):
    user = request.getfixturevalue(role)
    assert "moderator" in refused(
        moderation.lock_discussion, actor=user, discussion=discussion, reason="Dicht."
    )
    discussion.refresh_from_db()
    assert not discussion.is_locked


# --- suspending ------------------------------------------------------------------------------


def test_suspending_a_member_stops_their_writing(moderator, member, closed_space):
    until = timezone.now() + timedelta(days=7)
    moderation.suspend_member(
        actor=moderator, space=closed_space, user=member, until=until, reason="Scheldwoorden."
    )
    membership = Membership.objects.get(space=closed_space, user=member)
    assert membership.is_suspended
    entry = last_log()
    assert (entry.action, entry.subject) == (ModerationLog.Action.SUSPENDED, member)
    assert "Scheldwoorden." in entry.detail
    assert "geschorst" in refused(rules.require_can_write, user=member, space=closed_space)
    moderation.unsuspend_member(actor=moderator, space=closed_space, user=member)
    assert not Membership.objects.get(space=closed_space, user=member).is_suspended
    assert last_log().action == ModerationLog.Action.UNSUSPENDED
    rules.require_can_write(member, closed_space)


def test_suspension_refusals(moderator, member, other_moderator, outsider, closed_space):
    soon = timezone.now() + timedelta(days=1)
    assert "Schrijf waarom" in refused(
        moderation.suspend_member,
        actor=moderator,
        space=closed_space,
        user=member,
        until=soon,
        reason=" ",
    )
    assert "toekomst" in refused(
        moderation.suspend_member,
        actor=moderator,
        space=closed_space,
        user=member,
        until=timezone.now() - timedelta(minutes=1),
        reason="Te laat.",
    )
    assert "moderator" in refused(
        moderation.suspend_member,
        actor=other_moderator,
        space=closed_space,
        user=member,
        until=soon,
        reason="Mag niet.",
    )
    assert "Een moderator kunt u niet schorsen" in refused(
        moderation.suspend_member,
        actor=moderator,
        space=closed_space,
        user=moderator,
        until=soon,
        reason="Zelf.",
    )
    assert "geen lid" in refused(
        moderation.suspend_member,
        actor=moderator,
        space=closed_space,
        user=outsider,
        until=soon,
        reason="Geen lid.",
    )
    assert "niet geschorst" in refused(
        moderation.unsuspend_member, actor=moderator, space=closed_space, user=member
    )
    assert not Membership.objects.get(space=closed_space, user=member).is_suspended


# --- the space's setting and the queue -------------------------------------------------------


def test_moderators_switch_holding_first_posts(moderator, member, closed_space):
    assert "moderator" in refused(
        moderation.set_hold_first_posts, actor=member, space=closed_space, hold=True
    )
    moderation.set_hold_first_posts(actor=moderator, space=closed_space, hold=True)
    closed_space.refresh_from_db()
    assert closed_space.hold_first_posts
    assert last_log().action == ModerationLog.Action.EDITED


def test_the_queue_groups_reports_by_post_and_lists_held_posts(
    closed_space, public_space, discussion, reply, member, outsider, django_assert_num_queries
):
    ReportFactory(post=reply, reporter=member, reason="Een")
    ReportFactory(post=reply, reporter=outsider, reason="Twee")
    handled = ReportFactory(post=discussion.posts.get(is_opening=True), reporter=member)
    handled.status = Report.Status.HANDLED
    handled.save()
    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    elsewhere = DiscussionFactory(space=public_space)
    ReportFactory(post=elsewhere.posts.get(), reporter=member)
    with django_assert_num_queries(2):
        found = moderation.queue(spaces=[closed_space])
    assert [item["post"] for item in found["reported"]] == [reply]
    assert [r.reason for r in found["reported"][0]["reports"]] == ["Een", "Twee"]
    assert [item["post"] for item in found["held"]] == [held]
    assert len(moderation.queue()["reported"]) == 2
