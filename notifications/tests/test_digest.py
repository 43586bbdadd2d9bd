"""The daily digest: one mail per followed space with what is new since the last one."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from discussions.models import PostStatus, Subscription
from discussions.tests.factories import DiscussionFactory
from notifications.digest import send_digests
from notifications.tests.helpers import recipients
from spaces import services
from spaces.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def yesterday(closed_space, people):
    """Everyone follows the closed space daily; the last digest was a day ago."""
    Subscription.objects.filter(space=closed_space).update(
        frequency="dagelijks", digest_sent_until=timezone.now() - timedelta(days=1)
    )


def test_one_mail_with_the_new_discussions_and_twice_sends_once(
    closed_space, people, yesterday, mailoutbox
):
    first = DiscussionFactory(space=closed_space, author=people["starter"], title="Portiekoverlast")
    second = DiscussionFactory(space=closed_space, author=people["writer"], title="Buurtbudget")
    older = DiscussionFactory(space=closed_space, author=people["writer"], title="Van eergisteren")
    older.created_at = timezone.now() - timedelta(days=2)
    older.save()
    send_digests()
    to_follower = [m for m in mailoutbox if m.to == [people["follower"].email]]
    assert len(to_follower) == 1
    message = to_follower[0]
    assert message.subject.endswith("Nieuw in Besloten intervisie: 2 discussies")
    for discussion in (first, second):
        assert discussion.title in message.body
        assert settings.SITE_URL + discussion.get_absolute_url() in message.body
    assert "Van eergisteren" not in message.body
    assert "gestart door Sanne Achternaam" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The starter's digest leaves out their own discussion.
    to_starter = next(m for m in mailoutbox if m.to == [people["starter"].email])
    assert "Portiekoverlast" not in to_starter.body and "Buurtbudget" in to_starter.body

    count = len(mailoutbox)
    send_digests()
    call_command("send_digests")
    assert len(mailoutbox) == count
    since = Subscription.objects.get(user=people["follower"]).digest_sent_until
    assert since > timezone.now() - timedelta(minutes=1)


def test_nothing_new_sends_nothing(closed_space, people, yesterday, mailoutbox):
    DiscussionFactory(space=closed_space, author=people["starter"], opening_status=PostStatus.HELD)
    send_digests()
    assert mailoutbox == []


def test_a_removed_member_gets_no_digest(closed_space, people, yesterday, mailoutbox):
    services.remove_member(
        actor=people["mod"],
        membership=Membership.objects.get(space=closed_space, user=people["follower"]),
    )
    mailoutbox.clear()
    DiscussionFactory(space=closed_space, author=people["starter"])
    send_digests()
    assert people["follower"].email not in recipients(mailoutbox)
    assert people["writer"].email in recipients(mailoutbox)


def test_the_digest_never_names_an_anonymous_author(closed_space, people, yesterday, mailoutbox):
    DiscussionFactory(
        space=closed_space, author=people["writer"], is_anonymous=True, title="Anoniem gedeeld"
    )
    send_digests()
    assert len(mailoutbox) == 3  # everyone but the writer, the moderator included
    for message in mailoutbox:
        assert "Anoniem gedeeld" in message.body
        assert "Willem" not in message.body and "gestart door" not in message.body


def test_direct_and_never_followers_get_no_digest(closed_space, people, yesterday, mailoutbox):
    Subscription.objects.filter(user=people["follower"]).update(frequency="direct")
    Subscription.objects.filter(user=people["writer"]).update(frequency="nooit")
    DiscussionFactory(space=closed_space, author=people["starter"])
    send_digests()
    assert recipients(mailoutbox) == [people["mod"].email]


def test_a_new_follower_waits_for_the_next_day(closed_space, people, mailoutbox):
    # Just joined (digest_sent_until is now): today's run skips them, tomorrow's includes this.
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    send_digests()
    assert mailoutbox == []
    send_digests(now=timezone.now() + timedelta(days=1))
    assert people["follower"].email in recipients(mailoutbox)
    assert discussion.title in mailoutbox[0].body
