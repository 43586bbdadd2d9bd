"""Members suggest failure patterns when they share a case ("Herkent u een faalpatroon?"): the
suggestions arrive as the draft's pattern links, for the editors to review."""

import pytest
from django.contrib.auth.models import Group

from cases.editorial import FINAL_EDITORS_GROUP
from cases.models import Case
from cases.tests.test_submissions import SHARE_URL, form_data, state_of
from patterns.models import CasePattern
from patterns.tests.factories import FailurePatternFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def patterns():
    return [
        FailurePatternFactory(
            name="Projectgeld stopt te vroeg",
            summary="Het geld houdt op voordat het werk geworteld is.",
        ),
        FailurePatternFactory(
            name="Niemand aan tafel", summary="Een partij die ertoe doet, ontbreekt."
        ),
    ]


def links_of(case) -> set[tuple[str, bool]]:
    return {(link.pattern.name, link.avoided) for link in case.pattern_links.all()}


def test_the_form_lists_each_pattern_with_its_summary(client, outsider, patterns):
    client.force_login(outsider)
    html = client.get(SHARE_URL).content.decode()
    assert "Herkent u een faalpatroon?" in html
    assert "Projectgeld stopt te vroeg: Het geld houdt op voordat het werk geworteld is." in html
    assert 'name="patterns"' in html


def test_suggestions_arrive_as_the_drafts_pattern_links(client, outsider, patterns):
    client.force_login(outsider)
    response = client.post(SHARE_URL, form_data(patterns=[str(p.pk) for p in patterns]))
    assert response.status_code == 302
    case = Case.objects.get()
    assert not case.live
    assert links_of(case) == {("Projectgeld stopt te vroeg", False), ("Niemand aan tafel", False)}
    # In the revision the editors review, too.
    revision = case.latest_revision.as_object()
    assert {link.pattern_id for link in revision.pattern_links.all()} == {p.pk for p in patterns}
    # Nobody outside sees or counts the draft's patterns.
    client.logout()
    listed = client.get("/faalpatronen/").context["patterns"]
    assert [(p.played_count, p.avoided_count) for p in listed] == [(0, 0), (0, 0)]


def test_on_a_success_a_recognised_pattern_is_one_that_was_avoided(client, outsider, patterns):
    client.force_login(outsider)
    data = form_data(outcome="geslaagd", what_went_wrong="", patterns=[str(patterns[0].pk)])
    assert client.post(SHARE_URL, data).status_code == 302
    assert links_of(Case.objects.get()) == {("Projectgeld stopt te vroeg", True)}


def test_no_suggestion_is_fine(client, outsider, patterns):
    client.force_login(outsider)
    assert client.post(SHARE_URL, form_data()).status_code == 302
    assert not CasePattern.objects.exists()


@pytest.mark.parametrize("bad", ["999999", "geen-getal"])
def test_an_unknown_pattern_changes_nothing_and_says_why(client, outsider, patterns, bad):
    client.force_login(outsider)
    response = client.post(SHARE_URL, form_data(patterns=[str(patterns[0].pk), bad]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Een van de aangevinkte faalpatronen bestaat niet (meer)." in html
    assert 'href="#id_patterns"' in html  # the error summary leads to the field
    assert not Case.objects.exists()
    assert not CasePattern.objects.exists()


def test_the_member_changes_suggestions_when_asked_for_changes(client, outsider, patterns):
    final_editor = UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])
    client.force_login(outsider)
    client.post(SHARE_URL, form_data(patterns=[str(patterns[0].pk)]))
    case = Case.objects.get()
    state_of(case).current_task_state.reject(user=final_editor, comment="Klopt dit patroon?")
    edit_url = f"/praktijkvoorbeelden/delen/{case.pk}/"
    form = client.get(edit_url).context["form"]
    assert form["patterns"].value() == [patterns[0].pk]  # what they sent is ticked
    response = client.post(edit_url, form_data(patterns=[str(patterns[1].pk)]))
    assert response.status_code == 302
    assert links_of(Case.objects.get()) == {("Niemand aan tafel", False)}
