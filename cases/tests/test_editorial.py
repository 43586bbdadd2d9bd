"""The editors' back office at /beheer/: drafts, the review workflow, permissions, locking."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cases.editorial import FINAL_EDITORS_GROUP, WORKFLOW_NAME
from cases.models import Case, CaseSource
from cases.tests.factories import CaseFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/beheer/snippets/cases/case/add/"


@pytest.fixture
def final_editor(db):
    return UserFactory(
        username="eindredacteur", groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]
    )


def case_form(**overrides):
    topic = TopicFactory(slug="veiligheid")
    data = {
        "title": "Nieuw praktijkvoorbeeld",
        "slug": "",
        "summary": "Kort verhaal.",
        "outcome": "mislukt",
        "evidence_level": "praktijk",
        "context": "Aanleiding.",
        "approach": "",
        "results": "",
        "what_worked": "",
        "what_went_wrong": "Het geld hield op.",
        "lessons": "",
        "courses_of_action": "",
        "neighbourhoods": "",
        "period_start": "",
        "period_end": "",
        "topics": [topic.pk],
        "tags": "buurthuis",
        "sources": inline_formset([{"title": "Rapport", "url": ""}]),
        "attachments": inline_formset([]),
        "pattern_links": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_reaches_the_dutch_back_office(client, editor):
    client.force_login(editor)
    response = client.get("/beheer/snippets/cases/case/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
    assert "Praktijkvoorbeelden" in response.content.decode()


def test_visitors_cannot_reach_the_back_office(client, outsider):
    assert client.get("/beheer/snippets/cases/case/").status_code == 302
    client.force_login(outsider)
    response = client.get("/beheer/snippets/cases/case/")
    assert response.status_code in (302, 403)


def test_saving_creates_a_draft_that_is_not_public(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, case_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get(title="Nieuw praktijkvoorbeeld")
    assert not case.live
    assert case.slug == "nieuw-praktijkvoorbeeld"
    assert [s.title for s in case.sources.all()] == ["Rapport"]
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 404


def test_a_failure_without_what_went_wrong_is_refused_with_a_message(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, case_form(what_went_wrong=""))
    assert response.status_code == 200
    assert "Beschrijf wat er misging" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "ftp://x.nl/rapport"])
def test_a_source_that_is_no_web_address_is_refused_with_a_message(client, editor, url):
    client.force_login(editor)
    sources = inline_formset([{"title": "Rapport", "url": url}])
    response = client.post(ADD_URL, case_form(sources=sources))
    assert response.status_code == 200
    assert "Voer een webadres in dat begint met https://" in response.content.decode()
    assert not Case.objects.exists()


def test_the_source_rule_holds_for_the_model_itself():
    """Whatever road a source takes (back office, import), the model refuses non-web links."""
    with pytest.raises(ValidationError) as error:
        CaseSource(title="Rapport", url="javascript:alert(1)").full_clean(exclude={"case"})
    assert error.value.message_dict["url"] == [
        "Voer een webadres in dat begint met https:// of http://, bijvoorbeeld "
        "https://www.voorbeeld.nl/rapport."
    ]
    CaseSource(title="Rapport", url="https://example.org/r").full_clean(exclude={"case"})


def test_editor_cannot_publish_directly(client, editor):
    client.force_login(editor)
    client.post(ADD_URL, case_form(**{"action-publish": "action-publish"}))
    assert not Case.objects.filter(live=True).exists()


def test_review_workflow_submit_then_approve_publishes(client, editor, final_editor):
    client.force_login(editor)
    response = client.post(ADD_URL, case_form(**{"action-submit": "action-submit"}))
    assert response.status_code == 302
    case = Case.objects.get()
    state = WorkflowState.objects.get(object_id=str(case.pk))
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not case.live

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, final_editor, "approve")
    case.refresh_from_db()
    assert case.live
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 200


def test_final_editor_can_publish_and_the_case_goes_live(client, final_editor):
    client.force_login(final_editor)
    response = client.post(ADD_URL, case_form(**{"action-publish": "action-publish"}))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.live and case.live_revision is not None


def test_a_locked_case_cannot_be_edited_by_another_editor(client, editor, final_editor):
    case = CaseFactory(title="Vergrendeld")
    case.locked = True
    case.locked_by = final_editor
    case.save()
    client.force_login(editor)
    edit_url = f"/beheer/snippets/cases/case/edit/{case.pk}/"
    client.post(edit_url, case_form(title="Overschreven", outcome="geslaagd"))
    case.refresh_from_db()
    assert case.title == "Vergrendeld"
    assert not case.revisions.filter(content__title="Overschreven").exists()


def test_scheduled_publishing(editor):
    import time
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    case = CaseFactory(live=False, first_published_at=None)
    case.go_live_at = timezone.now() + timedelta(seconds=1)
    revision = case.save_revision()
    revision.publish()  # with go_live_at in the future this schedules instead of publishing
    case.refresh_from_db()
    assert not case.live
    assert revision.approved_go_live_at is not None
    time.sleep(1.2)  # let the publication moment pass
    call_command("publish_scheduled")
    case.refresh_from_db()
    assert case.live
