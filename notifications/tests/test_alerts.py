"""Alert e-mails for saved searches: once per new matching case, never a hidden one."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone

from cases.tests.factories import CaseFactory
from notifications import saved_searches
from notifications.models import SavedSearch, SavedSearchDelivery
from spaces.models import Membership
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic():
    return TopicFactory(name="Veiligheid", slug="veiligheid")


def saved_for(user, query="thema=veiligheid", frequency="dagelijks"):
    return saved_searches.save_search(user=user, data=QueryDict(query), frequency=frequency)


def run(days=1):
    return saved_searches.send_search_alerts(now=timezone.now() + timedelta(days=days))


def mails_to(mailoutbox, user):
    return [message for message in mailoutbox if message.to == [user.email]]


def test_a_new_matching_case_is_mailed_once(outsider, topic, mailoutbox):
    CaseFactory(title="Al bekend bij het bewaren", topics=[topic])
    saved = saved_for(outsider)
    new = CaseFactory(title="Nieuw: buurtvaders", topics=[topic])
    CaseFactory(title="Ander thema")

    assert run() == 1
    [message] = mailoutbox
    assert message.to == [outsider.email]
    assert message.subject.endswith("Nieuw praktijkvoorbeeld bij uw zoekopdracht thema: Veiligheid")
    assert "Nieuw: buurtvaders" in message.body
    assert settings.SITE_URL + new.get_absolute_url() in message.body
    assert "Al bekend bij het bewaren" not in message.body and "Ander thema" not in message.body
    assert settings.SITE_URL + "/praktijkvoorbeelden/?thema=veiligheid" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    stop = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert stop in message.body and "/berichten/afmelden/" in stop

    # Run again, the same day and days later (by the command too): nothing more about it.
    assert saved_searches.send_search_alerts() == 0
    assert run(days=2) == 0
    call_command("send_search_alerts")
    assert len(mailoutbox) == 1
    assert SavedSearchDelivery.objects.filter(saved_search=saved).count() == 1

    # A later case: a mail with only that one.
    CaseFactory(title="Nog nieuwer", topics=[topic])
    assert run(days=3) == 1
    assert "Nog nieuwer" in mailoutbox[-1].body and "buurtvaders" not in mailoutbox[-1].body


def test_hidden_cases_never_reach_an_outsider(outsider, closed_space, topic, mailoutbox):
    saved_for(outsider)
    CaseFactory(title="Besloten geval", topics=[topic], space=closed_space)
    CaseFactory(title="Concept geval", topics=[topic], live=False)
    assert run() == 0
    assert not mailoutbox
    assert not SavedSearchDelivery.objects.exists()


def test_drafts_never_reach_even_an_editor(editor, topic, mailoutbox):
    saved_for(editor)
    CaseFactory(title="Concept geval", topics=[topic], live=False, first_published_at=None)
    CaseFactory(title="Openbaar geval", topics=[topic])
    assert run() == 1
    assert "Openbaar geval" in mailoutbox[0].body
    assert "Concept geval" not in mailoutbox[0].body


def test_a_member_hears_about_a_case_in_their_own_closed_space(
    member, outsider, closed_space, topic, mailoutbox
):
    saved_for(member)
    saved_for(outsider)
    CaseFactory(title="Besloten geval", topics=[topic], space=closed_space)
    assert run() == 1
    [message] = mails_to(mailoutbox, member)
    assert "Besloten geval" in message.body
    assert not mails_to(mailoutbox, outsider)


def test_a_member_who_left_hears_nothing_more(member, closed_space, topic, mailoutbox):
    saved_for(member)
    Membership.objects.filter(user=member).delete()
    CaseFactory(title="Besloten geval", topics=[topic], space=closed_space)
    assert run() == 0


def test_an_old_case_that_becomes_visible_later_is_mailed_once(
    outsider, closed_space, topic, mailoutbox
):
    old = CaseFactory(
        title="Oud besloten geval",
        topics=[topic],
        space=closed_space,
        first_published_at=timezone.now() - timedelta(days=400),
    )
    saved_for(outsider)
    assert run() == 0
    old.space = None  # moved out of the closed space into the public knowledge base
    old.save()
    assert run(days=2) == 1
    assert "Oud besloten geval" in mailoutbox[0].body
    assert run(days=3) == 0


def test_weekly_waits_a_week(outsider, topic, mailoutbox):
    saved_for(outsider, frequency="wekelijks")
    CaseFactory(title="Nieuw", topics=[topic])
    assert run(days=1) == 0
    assert run(days=6) == 0
    assert run(days=7) == 1
    assert "één keer per week" in mailoutbox[0].body


def test_at_most_twenty_cases_in_a_mail_with_a_link_to_the_rest(outsider, topic, mailoutbox):
    saved = saved_for(outsider)
    for n in range(23):
        CaseFactory(title=f"Geval {n:02d}", topics=[topic])
    assert run() == 1
    body = mailoutbox[0].body
    assert mailoutbox[0].subject.endswith(
        "23 nieuwe praktijkvoorbeelden bij uw zoekopdracht thema: Veiligheid"
    )
    assert len(re.findall(r"^- Geval", body, flags=re.M)) == 20
    assert "En nog 3 praktijkvoorbeelden. Bekijk alles bij de zoekopdracht:" in body
    # All 23 count as announced: the next mail does not repeat the last three.
    assert SavedSearchDelivery.objects.filter(saved_search=saved).count() == 23
    assert run(days=2) == 0


def test_a_search_with_words_matches_through_the_search(outsider, mailoutbox):
    saved_for(outsider, query="q=buurtvaders")
    CaseFactory(title="Buurtvaders in de Schilderswijk")
    CaseFactory(title="Iets heel anders")
    assert run() == 1
    assert "Buurtvaders in de Schilderswijk" in mailoutbox[0].body
    assert "Iets heel anders" not in mailoutbox[0].body


def test_a_filter_value_gone_since_sends_nothing_rather_than_everything(
    outsider, topic, mailoutbox
):
    saved_for(outsider)
    topic.delete()
    CaseFactory(title="Wat dan ook")
    assert run() == 0
    assert SavedSearch.objects.filter(user=outsider).exists()
