"""Starting, replying, editing and deleting through the services: who may, what is stored, what
the discussion's counters and mentions become, and what is announced."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cases.tests.factories import CaseFactory
from core.access import ANONYMOUS
from discussions import rules, services, signals
from discussions.models import Discussion, Post, PostAttachment, PostStatus
from discussions.rules import DiscussionRefused
from discussions.tests.factories import DiscussionFactory, PostFactory
from spaces.models import Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """What the signals announced (after the commit)."""
    calls = []

    def started(sender, discussion, **kwargs):
        calls.append(("started", discussion.pk))

    def replied(sender, post, **kwargs):
        calls.append(("reply", post.pk))

    signals.discussion_started.connect(started)
    signals.reply_posted.connect(replied)
    yield calls
    signals.discussion_started.disconnect(started)
    signals.reply_posted.disconnect(replied)


def start(user, space, **kwargs):
    kwargs.setdefault("kind", Discussion.Kind.QUESTION)
    kwargs.setdefault("title", "Wie heeft ervaring met buurtbemiddeling?")
    kwargs.setdefault("body", "Wij willen beginnen met buurtbemiddeling. Tips?")
    return services.start_discussion(user=user, space=space, **kwargs)


def test_a_member_starts_a_discussion_and_it_is_announced(
    member, closed_space, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        discussion = start(member, closed_space)
    opening = discussion.posts.get()
    assert opening.is_opening and opening.author == member
    assert discussion.opening_status == PostStatus.PUBLISHED
    assert discussion.reply_count == 0
    assert heard == [("started", discussion.pk)]


def test_nothing_is_announced_before_the_commit(member, closed_space, heard):
    with pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            start(member, closed_space)
            raise RuntimeError
    assert heard == []
    assert not Discussion.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_only_members_write(request, closed_space, who):
    user = request.getfixturevalue(who)
    with pytest.raises(DiscussionRefused):
        start(user, closed_space)
    assert not Discussion.objects.exists()


def test_a_suspended_member_reads_but_does_not_write(member, closed_space):
    Membership.objects.filter(user=member).update(
        suspended_until=timezone.now() + timedelta(days=2)
    )
    with pytest.raises(DiscussionRefused, match="geschorst"):
        start(member, closed_space)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "   "}, "leeg bericht"),
        ({"body": "x" * (rules.MAX_BODY_LENGTH + 1)}, "te lang"),
        ({"title": ""}, "titel"),
        ({"title": "x" * (rules.MAX_TITLE_LENGTH + 1)}, "titel korter"),
        ({"kind": "onzin"}, "Kies wat voor"),
        ({"files": [SimpleUploadedFile("virus.exe", b"MZ")]}, "virus.exe kan niet"),
        (
            {"files": [SimpleUploadedFile("groot.pdf", b"x" * (services.MAX_ATTACHMENT_SIZE + 1))]},
            "te groot",
        ),
    ],
)
def test_bad_input_is_refused_and_stores_nothing(member, closed_space, fields, message):
    with pytest.raises(DiscussionRefused, match=message):
        start(member, closed_space, **fields)
    assert not Discussion.objects.exists()
    assert not Post.objects.exists()


def test_anonymous_is_refused_in_a_public_space(public_space):
    user = UserFactory()
    MembershipFactory(space=public_space, user=user)
    with pytest.raises(DiscussionRefused, match="besloten ruimte"):
        start(user, public_space, is_anonymous=True)
    assert not Discussion.objects.exists()


def test_anonymous_post_in_a_closed_space_hides_the_author(member, moderator, closed_space):
    discussion = start(member, closed_space, is_anonymous=True)
    opening = discussion.posts.get()
    assert discussion.is_anonymous and opening.is_anonymous
    other = UserFactory()
    MembershipFactory(space=closed_space, user=other)
    assert opening.shown_author(other) is None
    assert opening.shown_author(moderator) == member


def test_first_posts_in_a_holding_space_wait_without_announcement(
    public_space, heard, django_capture_on_commit_callbacks
):
    Space.objects.filter(pk=public_space.pk).update(hold_first_posts=True)
    public_space.refresh_from_db()
    newcomer = UserFactory()
    MembershipFactory(space=public_space, user=newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        discussion = start(newcomer, public_space)
    assert discussion.opening_status == PostStatus.HELD
    assert heard == []
    assert not Discussion.objects.visible_to(ANONYMOUS).exists()
    assert Discussion.objects.visible_to(newcomer).get() == discussion


def test_rate_limit(member, closed_space, monkeypatch):
    monkeypatch.setattr(rules, "POST_LIMIT", (2, timedelta(minutes=10)))
    discussion = start(member, closed_space)
    services.reply(user=member, discussion=discussion, body="Aanvulling.")
    with pytest.raises(DiscussionRefused, match="veel berichten"):
        services.reply(user=member, discussion=discussion, body="Nog een.")
    assert discussion.posts.count() == 2


def test_reply_keeps_count_and_activity_and_is_announced(
    member, closed_space, heard, django_capture_on_commit_callbacks
):
    discussion = start(member, closed_space)
    other = UserFactory()
    MembershipFactory(space=closed_space, user=other)
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply(user=other, discussion=discussion, body="Bij ons werkte het.")
    discussion.refresh_from_db()
    assert discussion.reply_count == 1
    assert discussion.last_activity_at == post.created_at
    assert heard == [("reply", post.pk)]


def test_no_reply_to_a_locked_discussion(member, closed_space):
    discussion = start(member, closed_space)
    Discussion.objects.filter(pk=discussion.pk).update(is_locked=True)
    with pytest.raises(DiscussionRefused, match="gesloten"):
        services.reply(user=member, discussion=discussion, body="Toch nog iets.")


def test_no_reply_where_one_cannot_read(member, closed_space):
    discussion = DiscussionFactory(space=SpaceFactory(visibility=Space.Visibility.CLOSED))
    with pytest.raises(DiscussionRefused):
        services.reply(user=member, discussion=discussion, body="Hallo?")


def test_mentions_are_kept_in_sync(member, closed_space, settings):
    public_case = CaseFactory(title="Buurtpreventie-app")
    draft = CaseFactory(title="Concept", live=False)
    other_space_case = CaseFactory(
        title="Elders", space=SpaceFactory(visibility=Space.Visibility.CLOSED)
    )
    topic = TopicFactory(slug="veiligheid")
    body = (
        f"Zie [dit]({settings.SITE_URL}/praktijkvoorbeelden/{public_case.slug}/), "
        f"[concept](/praktijkvoorbeelden/{draft.slug}/), "
        f"[elders](/praktijkvoorbeelden/{other_space_case.slug}/) en /themas/veiligheid/ "
        f"en [thema](/themas/veiligheid/)."
    )
    discussion = start(member, closed_space, body=body)
    assert list(discussion.mentioned_cases.all()) == [public_case]
    assert list(discussion.mentioned_topics.all()) == [topic]
    services.edit_post(user=member, post=discussion.posts.get(), body="Geen links meer.")
    assert not discussion.mentioned_cases.exists()
    assert not discussion.mentioned_topics.exists()


def test_edit_within_the_window_only_by_the_author(member, closed_space):
    discussion = start(member, closed_space)
    opening = discussion.posts.get()
    other = UserFactory()
    MembershipFactory(space=closed_space, user=other)
    with pytest.raises(DiscussionRefused, match="eigen berichten"):
        services.edit_post(user=other, post=opening, body="Gekaapt")
    services.edit_post(user=member, post=opening, body="Verbeterd.", title="Nieuwe titel")
    opening.refresh_from_db()
    discussion.refresh_from_db()
    assert opening.body == "Verbeterd." and opening.edited_at is not None
    assert discussion.title == "Nieuwe titel"
    Post.objects.filter(pk=opening.pk).update(created_at=timezone.now() - timedelta(hours=25))
    with pytest.raises(DiscussionRefused, match="voorbij"):
        services.edit_post(user=member, post=opening, body="Te laat")
    opening.refresh_from_db()
    assert opening.body == "Verbeterd."


def test_edit_refuses_an_empty_body(member, closed_space):
    opening = start(member, closed_space).posts.get()
    with pytest.raises(DiscussionRefused):
        services.edit_post(user=member, post=opening, body="  ")
    opening.refresh_from_db()
    assert opening.body.startswith("Wij willen")


def test_deleting_a_discussion_without_replies_removes_it(member, closed_space):
    discussion = start(member, closed_space)
    assert services.delete_post(user=member, post=discussion.posts.get()) is None
    assert not Discussion.objects.exists()


def test_deleting_an_opening_with_replies_leaves_a_marker(member, closed_space):
    discussion = start(member, closed_space)
    other = UserFactory()
    MembershipFactory(space=closed_space, user=other)
    services.reply(user=other, discussion=discussion, body="Reactie.")
    services.delete_post(user=member, post=discussion.posts.get(is_opening=True))
    discussion.refresh_from_db()
    opening = discussion.posts.get(is_opening=True)
    assert opening.status == PostStatus.DELETED and opening.body == ""
    assert discussion.opening_status == PostStatus.DELETED
    # Still readable for others, because it has replies.
    assert Discussion.objects.visible_to(other).filter(pk=discussion.pk).exists()


def test_deleting_a_reply_marker_or_gone(member, closed_space):
    discussion = start(member, closed_space)
    first = services.reply(user=member, discussion=discussion, body="Eerste reactie.")
    last = services.reply(user=member, discussion=discussion, body="Laatste reactie.")
    services.delete_post(user=member, post=last)
    assert not Post.objects.filter(pk=last.pk).exists()  # nothing after it: gone
    services.reply(user=member, discussion=discussion, body="Nog eentje.")
    services.delete_post(user=member, post=first)
    first.refresh_from_db()
    assert first.status == PostStatus.DELETED  # replies after it: a marker
    discussion.refresh_from_db()
    assert discussion.reply_count == 1


def test_attachments_are_stored_and_removed_with_the_post(member, closed_space):
    discussion = start(
        member,
        closed_space,
        files=[SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", "application/pdf")],
    )
    attachment = PostAttachment.objects.get()
    assert attachment.post.discussion == discussion
    assert attachment.document.title == "verslag.pdf"
    reply = services.reply(user=member, discussion=discussion, body="Zie bijlage")
    services.delete_post(user=member, post=discussion.posts.get(is_opening=True))
    assert not PostAttachment.objects.exists()
    assert reply.pk


def test_reply_factory_and_services_agree_on_counts(member, closed_space):
    discussion = DiscussionFactory(space=closed_space, author=member)
    PostFactory(discussion=discussion, status=PostStatus.HELD)
    PostFactory(discussion=discussion)
    services.sync_discussion(discussion)
    assert discussion.reply_count == 1
