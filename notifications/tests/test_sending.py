"""Direct mails: new discussions for "direct" followers, replies, moderators' decisions and the
review of a shared case. The signals are sent here as the services send them after commit."""

import pytest
from django.conf import settings

from accounts.models import EmailPreferences
from cases.signals import submission_changed
from cases.tests.factories import CaseFactory
from discussions.models import PostStatus
from discussions.tests.factories import DiscussionFactory, PostFactory
from notifications.tests.helpers import follow, moderated, recipients, replied, started
from spaces import services
from spaces.models import Membership, ModerationLog

pytestmark = pytest.mark.django_db

DIRECT, DAILY, NEVER = "direct", "dagelijks", "nooit"
Action = ModerationLog.Action


def test_a_direct_follower_hears_of_a_new_discussion(closed_space, people, mailoutbox):
    follow(people["follower"], closed_space, DIRECT)
    discussion = DiscussionFactory(
        space=closed_space, author=people["starter"], title="Hangjongeren bij het winkelcentrum"
    )
    started(discussion)
    assert recipients(mailoutbox) == [people["follower"].email]
    message = mailoutbox[0]
    assert "Nieuwe discussie in Besloten intervisie" in message.subject
    assert "Hangjongeren bij het winkelcentrum" in message.subject
    assert "Beste Femke Achternaam," in message.body
    assert "Sanne Achternaam startte een nieuwe discussie" in message.body
    assert settings.SITE_URL + discussion.get_absolute_url() in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith(f"<{settings.SITE_URL}/berichten/afmelden/")
    assert unsubscribe.strip("<>") in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_daily_and_never_followers_and_the_starter_get_no_direct_mail(
    closed_space, people, mailoutbox
):
    follow(people["follower"], closed_space, DAILY)
    follow(people["writer"], closed_space, NEVER)
    follow(people["starter"], closed_space, DIRECT)
    started(DiscussionFactory(space=closed_space, author=people["starter"]))
    assert mailoutbox == []


def test_a_removed_member_gets_nothing(closed_space, people, mailoutbox):
    follow(people["follower"], closed_space, DIRECT)
    services.remove_member(
        actor=people["mod"],
        membership=Membership.objects.get(space=closed_space, user=people["follower"]),
    )
    mailoutbox.clear()  # the mail about the removal itself
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    started(discussion)
    reply = PostFactory(discussion=discussion, author=people["writer"])
    PostFactory(discussion=discussion, author=people["follower"])  # wrote before removal
    replied(PostFactory(discussion=discussion, author=people["writer"]))
    replied(reply)
    assert people["follower"].email not in recipients(mailoutbox)


def test_switching_space_mail_off_in_the_preferences_stops_it(closed_space, people, mailoutbox):
    follow(people["follower"], closed_space, DIRECT)
    EmailPreferences.objects.create(user=people["follower"], space_activity=False)
    started(DiscussionFactory(space=closed_space, author=people["starter"]))
    assert mailoutbox == []


def test_an_anonymous_author_appears_in_no_mail(closed_space, people, mailoutbox):
    follow(people["follower"], closed_space, DIRECT)
    follow(people["mod"], closed_space, DIRECT)
    discussion = DiscussionFactory(space=closed_space, author=people["writer"], is_anonymous=True)
    started(discussion)
    PostFactory(discussion=discussion, author=people["follower"])
    anonymous_reply = PostFactory(
        discussion=discussion, author=people["starter"], is_anonymous=True
    )
    replied(anonymous_reply)
    # The follower (direct), the moderator (direct), then the discussion's starter and the
    # follower (replies): even the moderator, who sees the author on the site, reads no name.
    assert recipients(mailoutbox) == sorted(
        [
            people["follower"].email,
            people["mod"].email,
            people["writer"].email,
            people["follower"].email,
        ]
    )
    for message in mailoutbox:
        text = message.subject + message.body
        for who in ("writer", "starter"):
            if message.to == [people[who].email]:
                continue
            assert people[who].first_name not in text
            assert people[who].username not in text.replace(people["writer"].email, "")
    assert any("anoniem" in m.body for m in mailoutbox)


def test_the_starter_and_earlier_writers_hear_of_a_reply_but_not_its_writer(
    closed_space, people, mailoutbox
):
    discussion = DiscussionFactory(space=closed_space, author=people["starter"], title="Portiek")
    PostFactory(discussion=discussion, author=people["follower"])
    reply = PostFactory(discussion=discussion, author=people["writer"], body="Buurtgesprek!")
    replied(reply)
    assert recipients(mailoutbox) == sorted([people["starter"].email, people["follower"].email])
    to_starter = next(m for m in mailoutbox if m.to == [people["starter"].email])
    assert "Willem Achternaam reageerde" in to_starter.body
    assert "Buurtgesprek!" in to_starter.body
    assert "omdat u deze discussie startte" in to_starter.body
    assert settings.SITE_URL + reply.get_absolute_url() in to_starter.body

    mailoutbox.clear()
    replied(PostFactory(discussion=discussion, author=people["starter"]))
    # The starter wrote this one: the two earlier writers hear of it, the starter does not.
    assert recipients(mailoutbox) == sorted([people["follower"].email, people["writer"].email])


def test_reply_mail_can_be_switched_off(closed_space, people, mailoutbox):
    EmailPreferences.objects.create(user=people["starter"], replies=False)
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    replied(PostFactory(discussion=discussion, author=people["writer"]))
    assert mailoutbox == []


def test_a_held_post_sends_nothing_until_approved(closed_space, people, mailoutbox):
    follow(people["follower"], closed_space, DIRECT)
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    held = PostFactory(discussion=discussion, author=people["writer"], status=PostStatus.HELD)
    held_opening = DiscussionFactory(
        space=closed_space, author=people["writer"], opening_status=PostStatus.HELD
    )
    # Even if a held post were announced, nobody hears of it.
    replied(held)
    started(held_opening)
    assert mailoutbox == []

    held.status = PostStatus.PUBLISHED
    held.save()
    moderated(held, Action.APPROVED, actor=people["mod"])
    assert recipients(mailoutbox) == sorted([people["starter"].email, people["writer"].email])
    approval = next(m for m in mailoutbox if m.to == [people["writer"].email])
    assert "goedgekeurd" in approval.subject

    mailoutbox.clear()
    opening = held_opening.posts.get()
    opening.status = PostStatus.PUBLISHED
    opening.save()
    held_opening.opening_status = PostStatus.PUBLISHED
    held_opening.save()
    moderated(opening, Action.APPROVED, actor=people["mod"])
    assert recipients(mailoutbox) == sorted([people["follower"].email, people["writer"].email])

    # Announced once: the same signal again (or a repeated task) sends no second announcement.
    mailoutbox.clear()
    started(held_opening)
    replied(held)
    assert mailoutbox == []


def test_the_writer_hears_a_moderators_decision_with_the_reason(closed_space, people, mailoutbox):
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    post = PostFactory(discussion=discussion, author=people["writer"], status=PostStatus.HIDDEN)
    moderated(post, Action.HIDDEN, reason="Noemt een bewoner bij naam.", actor=people["mod"])
    assert recipients(mailoutbox) == [people["writer"].email]
    message = mailoutbox[0]
    assert "verborgen" in message.subject
    assert "Noemt een bewoner bij naam." in message.body
    assert "Mo" not in message.body.replace("moderator", "")


def test_no_decision_mail_for_ones_own_post_or_when_switched_off(closed_space, people, mailoutbox):
    discussion = DiscussionFactory(space=closed_space, author=people["mod"])
    moderated(discussion.posts.get(), Action.HIDDEN, reason="Dubbel", actor=people["mod"])
    EmailPreferences.objects.create(user=people["writer"], moderation=False)
    post = PostFactory(discussion=discussion, author=people["writer"])
    moderated(post, Action.HIDDEN, reason="Dubbel", actor=people["mod"])
    assert mailoutbox == []


def test_the_submitter_hears_of_the_review_of_their_case(member, mailoutbox):
    case = CaseFactory(title="Buurtbudget", live=False)
    # `Case.submitted_by` comes with the case submissions (cases/submissions.py).
    case.submitted_by_id = member.pk
    submission_changed.send(
        sender=None, case=case, status="teruggestuurd", comment="Beschrijf de aanpak."
    )
    assert recipients(mailoutbox) == [member.email]
    message = mailoutbox[0]
    assert 'Uw praktijkvoorbeeld "Buurtbudget": teruggestuurd' in message.subject
    assert "Beschrijf de aanpak." in message.body
    assert f"{settings.SITE_URL}/mijn/" in message.body  # not public yet: no link to the case


def test_a_case_without_a_submitter_sends_nothing(mailoutbox):
    submission_changed.send(sender=None, case=CaseFactory(), status="gepubliceerd", comment="")
    assert mailoutbox == []
