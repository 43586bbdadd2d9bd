"""Statements editors linked to topics and cases show on those pages, visible ones only."""

import pytest

from cases.tests.factories import CaseFactory
from dialogues.models import Statement
from dialogues.tests.factories import make_dialogue
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_page_shows_its_statements_with_their_support(client):
    topic = TopicFactory(name="Samenwerking", slug="samenwerking")
    dialogue = make_dialogue()
    Statement.objects.get(text="Bewoners weten wat er speelt.").topics.add(topic)
    # Through the cluster: every statement in it.
    dialogue.questions.get(number=1).clusters.get(name="Lange adem").topics.add(topic)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Wat deelnemers aan dialogen hierover zeiden" in html
    assert "Bewoners weten wat er speelt." in html and "Draagvlak: top, 96 % eens" in html
    assert "Beleid moet jaren meegaan." in html
    assert "Financiering is te versnipperd." not in html
    assert f'href="{dialogue.get_absolute_url()}"' in html


def test_a_case_page_shows_its_statements(client):
    case = CaseFactory(title="Buurtkamer")
    make_dialogue()
    Statement.objects.get(text="Noem ze geen kwetsbare wijken.").cases.add(case)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Noem ze geen kwetsbare wijken." in html
    assert "Draagvlak: midden, 56 % eens" in html


def test_statements_of_a_hidden_dialogue_are_not_shown(client, client_for, closed_space, member):
    topic = TopicFactory(slug="samenwerking")
    case = CaseFactory()
    make_dialogue(space=closed_space)
    statement = Statement.objects.get(text="Bewoners weten wat er speelt.")
    statement.topics.add(topic)
    statement.cases.add(case)
    for url in (topic.get_absolute_url(), case.get_absolute_url()):
        assert "Bewoners weten wat er speelt." not in client.get(url).content.decode()
        assert "Bewoners weten wat er speelt." in client_for(member).get(url).content.decode()
        client.logout()
