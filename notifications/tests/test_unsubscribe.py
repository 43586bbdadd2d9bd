"""One-click unsubscribe links: signed, no login, GET asks, POST does."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client

from accounts.models import EmailPreferences
from discussions.models import Subscription
from discussions.tests.factories import DiscussionFactory, PostFactory
from notifications import unsubscribe
from notifications.tests.helpers import replied, started

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def link_in(message) -> str:
    return path_of(message.extra_headers["List-Unsubscribe"].strip("<>"))


def frequency(user, space):
    return Subscription.objects.get(user=user, space=space).frequency


def test_the_link_in_a_mail_asks_first_and_unsubscribes_on_post(
    client, closed_space, people, mailoutbox
):
    Subscription.objects.filter(user=people["follower"]).update(frequency="direct")
    started(DiscussionFactory(space=closed_space, author=people["starter"]))
    link = link_in(mailoutbox[0])
    assert mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>") in mailoutbox[0].body

    page = client.get(link)  # a link checker, or the person: nothing changes yet
    assert page.status_code == 200
    text = page.content.decode()
    assert "e-mails over nieuwe discussies in de ruimte Besloten intervisie" in text
    assert "Ja, meld mij af" in text
    assert frequency(people["follower"], closed_space) == "direct"

    done = client.post(link)
    assert done.status_code == 200
    assert "U bent afgemeld." in done.content.decode()
    assert frequency(people["follower"], closed_space) == "nooit"
    assert client.post(link).status_code == 200  # twice: still fine, nothing more


def test_one_click_post_from_a_mail_program_needs_no_csrf_token_or_login(
    closed_space, people, mailoutbox
):
    discussion = DiscussionFactory(space=closed_space, author=people["starter"])
    replied(PostFactory(discussion=discussion, author=people["writer"]))
    link = link_in(mailoutbox[0])
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        link,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert EmailPreferences.objects.get(user=people["starter"]).replies is False
    # The other personal mails stay on.
    assert EmailPreferences.objects.get(user=people["starter"]).moderation is True


@pytest.mark.parametrize("kind", ["moderatie", "praktijkvoorbeelden"])
def test_each_personal_kind_switches_off_its_own_mail(client, member, kind):
    client.post(path_of(unsubscribe.unsubscribe_url(member, kind)))
    preferences = EmailPreferences.objects.get(user=member)
    field = unsubscribe.PERSONAL[kind]
    assert getattr(preferences, field) is False
    others = set(unsubscribe.PERSONAL.values()) - {field}
    assert all(getattr(preferences, other) for other in others)


def test_a_changed_link_gets_a_message_and_changes_nothing(client, closed_space, member):
    url = path_of(unsubscribe.unsubscribe_url(member, "ruimte", closed_space))
    token = url.rstrip("/").rsplit("/", 1)[1]
    # Another person's id in the same token: the signature no longer fits.
    rest = token.split(":", 1)[1]
    forged = signing.b64_encode(b'[999,"ruimte",1]').decode() + ":" + rest
    for bad in (token[:-2] + "xy", forged, "ongeldig-token"):
        for method in ("get", "post"):
            response = getattr(client, method)(f"/berichten/afmelden/{bad}/")
            assert response.status_code == 400
            assert "Deze afmeldlink klopt niet." in response.content.decode()
            assert "Er is niets veranderd." in response.content.decode()
    assert frequency(member, closed_space) == "dagelijks"


def test_an_old_link_gets_a_message_and_changes_nothing(client, closed_space, member, monkeypatch):
    url = path_of(unsubscribe.unsubscribe_url(member, "ruimte", closed_space))
    later = signing.time.time() + (unsubscribe.MAX_AGE + timedelta(days=1)).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.post(url)
    assert response.status_code == 400
    assert "Deze afmeldlink is te oud." in response.content.decode()
    assert frequency(member, closed_space) == "dagelijks"


def test_a_link_for_a_closed_account_changes_nothing(client, closed_space, member):
    url = path_of(unsubscribe.unsubscribe_url(member, "reacties"))
    member.delete()
    response = client.post(url)
    assert response.status_code == 400
    assert "het account bestaat niet meer" in response.content.decode()
    assert not EmailPreferences.objects.exists()


def test_a_link_from_another_signing_purpose_does_not_work(client, member):
    token = signing.dumps([member.pk, "reacties", 0], salt="iets-anders")
    assert client.post(f"/berichten/afmelden/{token}/").status_code == 400
    assert not EmailPreferences.objects.filter(user=member).exists()
