"""The pattern pages at /faalpatronen/ and the patterns on a case page: what each visitor sees
and counts (hidden cases, statements and discussions never show or count), and their cost."""

import pytest
from django.urls import reverse

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from dialogues.importers import StatementData
from dialogues.tests.factories import make_dialogue
from discussions.tests.factories import DiscussionFactory
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/faalpatronen/"


@pytest.fixture
def pattern():
    return FailurePatternFactory(
        name="Projectgeld stopt te vroeg",
        slug="projectgeld-stopt-te-vroeg",
        summary="Het geld houdt op voordat het werk in de wijk geworteld is.",
        description="Een project draait drie jaar.\n\nDaarna is er niemand die betaalt.",
        signs="Geen plan voor na het project\nJongerenwerkers vertrekken vroeg",
        courses_of_action="Spreek vooraf af wie daarna betaalt\nBegin met de structurele partner",
    )


@pytest.fixture
def world(pattern, closed_space, public_space):
    played = CaseFactory(title="Buurthuis dicht", outcome=Outcome.FAILURE)
    avoided = CaseFactory(title="Buurtkamer blijft open", outcome=Outcome.SUCCESS)
    draft = CaseFactory(title="Concept over geld", outcome=Outcome.FAILURE, live=False)
    closed = CaseFactory(title="Besloten mislukking", outcome=Outcome.FAILURE, space=closed_space)
    CasePatternFactory(case=played, pattern=pattern)
    CasePatternFactory(case=avoided, pattern=pattern, avoided=True)
    CasePatternFactory(case=draft, pattern=pattern)
    CasePatternFactory(case=closed, pattern=pattern)
    public_dialogue = make_dialogue(
        title="Openbare dialoog",
        statements=[StatementData(1, "Geld moet jaren meegaan.", 10, 1, 0)],
        polls=[],
    )
    closed_dialogue = make_dialogue(
        space=closed_space,
        title="Besloten dialoog",
        statements=[StatementData(1, "Besloten stelling over geld.", 10, 1, 0)],
        polls=[],
    )
    public_discussion = DiscussionFactory(title="Openbare vraag over potjes", space=public_space)
    closed_discussion = DiscussionFactory(title="Besloten vraag over potjes", space=closed_space)
    pattern.statements.set([public_dialogue.statements.get(), closed_dialogue.statements.get()])
    pattern.discussions.set([public_discussion, closed_discussion])
    return {"played": played, "avoided": avoided, "draft": draft, "closed": closed}


HIDDEN = ["Concept over geld", "Besloten mislukking", "Besloten stelling", "Besloten vraag"]


def test_the_list_shows_each_pattern_with_its_visible_counts(client, world, pattern):
    FailurePatternFactory(name="Niemand aan tafel", slug="niemand-aan-tafel")
    response = client.get(LIST_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert pattern.summary in html
    assert f'href="{pattern.get_absolute_url()}"' in html
    counts = {p.slug: (p.played_count, p.avoided_count) for p in response.context["patterns"]}
    # The draft and the closed space's case count for nobody outside.
    assert counts == {pattern.slug: (1, 1), "niemand-aan-tafel": (0, 0)}
    assert "Speelde in 1 praktijkvoorbeeld" in html
    assert "voorkomen in 1 praktijkvoorbeeld" in html


def test_members_and_editors_count_what_they_may_see(client, world, pattern, member, editor):
    client.force_login(member)
    listed = client.get(LIST_URL).context["patterns"]
    assert [(p.played_count, p.avoided_count) for p in listed] == [(2, 1)]
    client.force_login(editor)
    listed = client.get(LIST_URL).context["patterns"]
    assert [(p.played_count, p.avoided_count) for p in listed] == [(3, 1)]


def test_the_pattern_page_shows_what_an_outsider_may_see(client, world, pattern, outsider):
    for user in (None, outsider):
        if user:
            client.force_login(user)
        response = client.get(pattern.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert "Daarna is er niemand die betaalt." in html
        assert "<li>Jongerenwerkers vertrekken vroeg</li>" in html
        assert "<li>Spreek vooraf af wie daarna betaalt</li>" in html
        assert [c.title for c in response.context["page"]] == ["Buurthuis dicht"]
        assert [c.title for c in response.context["avoided"]] == ["Buurtkamer blijft open"]
        assert "Geld moet jaren meegaan." in html
        assert "Openbare vraag over potjes" in html
        for hidden in HIDDEN:
            assert hidden not in html, hidden


def test_a_member_of_the_closed_space_sees_its_cases_statements_and_discussions(
    client, world, pattern, member
):
    client.force_login(member)
    html = client.get(pattern.get_absolute_url()).content.decode()
    for shown in ("Besloten mislukking", "Besloten stelling over geld.", "Besloten vraag"):
        assert shown in html
    assert "Concept over geld" not in html  # drafts are for editors only


def test_an_unknown_pattern_answers_404(client):
    assert client.get("/faalpatronen/bestaat-niet/").status_code == 404


def test_the_url_names(pattern):
    assert reverse("patterns:list") == LIST_URL
    assert pattern.get_absolute_url() == "/faalpatronen/projectgeld-stopt-te-vroeg/"


def test_the_case_page_names_its_patterns_played_and_avoided(client, world, pattern):
    other = FailurePatternFactory(name="Steeds een ander aanspreekpunt", slug="wisselend")
    CasePatternFactory(case=world["avoided"], pattern=other, avoided=True)
    html = client.get(world["played"].get_absolute_url()).content.decode()
    assert "<dt>Faalpatroon</dt>" in html
    assert f'<a href="{pattern.get_absolute_url()}">Projectgeld stopt te vroeg</a>' in html
    html = client.get(world["avoided"].get_absolute_url()).content.decode()
    assert "<dt>Vermeden</dt>" in html
    assert f'<a href="{other.get_absolute_url()}">Steeds een ander aanspreekpunt</a>' in html
    assert "<dt>Faalpatroon</dt>" not in html


def test_the_main_menu_home_page_and_sitemap_lead_to_the_patterns(client, pattern):
    assert f'href="{LIST_URL}"' in client.get("/").content.decode()
    assert f'href="{LIST_URL}"' in client.get(LIST_URL).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{LIST_URL}</loc>" in sitemap
    assert f"{pattern.get_absolute_url()}</loc>" in sitemap


@pytest.mark.parametrize("size", [2, 8])
def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    for _n in range(size):
        pattern = FailurePatternFactory()
        CasePatternFactory(pattern=pattern, case=CaseFactory(outcome=Outcome.FAILURE))
    with django_assert_num_queries(1):  # the patterns with their counts
        response = client.get(LIST_URL)
    assert len(response.context["patterns"]) == size


@pytest.mark.parametrize("size", [2, 8])
def test_the_pattern_page_takes_a_fixed_number_of_queries(
    client, django_assert_num_queries, pattern, public_space, size
):
    for _n in range(size):
        CasePatternFactory(pattern=pattern, case=CaseFactory(outcome=Outcome.FAILURE))
        CasePatternFactory(pattern=pattern, case=CaseFactory(), avoided=True)
        pattern.discussions.add(DiscussionFactory(space=public_space))
    dialogue = make_dialogue(title="Dialoog")
    pattern.statements.set(dialogue.statements.all())
    # pattern, count and page of the cases where it played, their topics, the cases that
    # avoided it, the statements, the discussions
    with django_assert_num_queries(7):
        response = client.get(pattern.get_absolute_url())
    assert len(response.context["avoided"]) == size
    assert len(response.context["discussions"]) == size
