"""The editors' side: the case listing in Dutch with a status column, a municipality chooser
with search, and a review that says what it did."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from wagtail.models import WorkflowState

from cases.editorial import FINAL_EDITORS_GROUP, WORKFLOW_NAME
from cases.models import Case
from cases.tests.factories import CaseFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/beheer/snippets/cases/case/"


@pytest.fixture
def final_editor(db):
    return UserFactory(
        username="eindredacteur", groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]
    )


def submit_for_review(case: Case, user) -> WorkflowState:
    from wagtail.models import Workflow

    case.save_revision(user=user)
    return Workflow.objects.get(name=WORKFLOW_NAME).start(case, user)


def test_the_listing_says_bijgewerkt_and_each_status(client, editor, django_assert_max_num_queries):
    CaseFactory(title="Al gepubliceerd")
    CaseFactory(title="Nog een concept", live=False, first_published_at=None)
    in_review = CaseFactory(title="Wacht op toets", live=False, first_published_at=None)
    submit_for_review(in_review, editor)
    client.force_login(editor)
    client.get(LIST_URL)
    with django_assert_max_num_queries(40):
        html = client.get(LIST_URL).content.decode()
    assert "Bijgewerkt" in html
    assert "Updated at" not in html
    assert "Ter beoordeling" in html
    assert "Concept" in html
    assert "Gepubliceerd" in html


def test_the_municipality_chooser_searches_by_name_and_code(client, editor):
    client.force_login(editor)
    response = client.get("/beheer/snippets/choose/municipalities/municipality/results/?q=zwol")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zwolle" in html
    assert "Amsterdam" not in html
    by_code = client.get("/beheer/snippets/choose/municipalities/municipality/results/?q=GM0363")
    assert "Amsterdam" in by_code.content.decode()
    modal = client.get("/beheer/snippets/choose/municipalities/municipality/")
    assert "Zoek op naam of CBS-code" in modal.json()["html"]


def test_approving_from_the_dashboard_says_it_is_published(client, editor, final_editor):
    case = CaseFactory(title="Buurtkamer", live=False, first_published_at=None)
    state = submit_for_review(case, editor)
    task_state = state.current_task_state
    client.force_login(final_editor)
    response = client.post(
        f"/beheer/snippets/cases/case/workflow/action/{case.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Praktijkvoorbeeld ‘Buurtkamer’ is goedgekeurd en gepubliceerd." in texts
    case.refresh_from_db()
    assert case.live


def test_rejecting_says_it_went_back(client, editor, final_editor):
    case = CaseFactory(title="Buurtkamer", live=False, first_published_at=None)
    state = submit_for_review(case, editor)
    client.force_login(final_editor)
    response = client.post(
        f"/beheer/snippets/cases/case/workflow/action/{case.pk}/reject/"
        f"{state.current_task_state.pk}/",
        {"comment": "Graag een bron."},
    )
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("teruggestuurd naar de redactie" in text for text in texts)
    case.refresh_from_db()
    assert not case.live


def test_a_reviewer_without_the_right_gets_no_message_and_nothing_changes(client, editor):
    other = UserFactory(username="tweede-redacteur", groups=list(editor.groups.all()))
    case = CaseFactory(title="Buurtkamer", live=False, first_published_at=None)
    state = submit_for_review(case, editor)
    client.force_login(other)
    response = client.post(
        f"/beheer/snippets/cases/case/workflow/action/{case.pk}/approve/"
        f"{state.current_task_state.pk}/",
    )
    assert response.status_code in (302, 403)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert not any("goedgekeurd" in text for text in texts)
    case.refresh_from_db()
    assert not case.live


def test_approving_in_the_editor_says_it_is_published(client, editor, final_editor):
    from cases.tests.test_editorial import case_form

    client.force_login(editor)
    client.post(
        "/beheer/snippets/cases/case/add/",
        case_form(title="Buurtkamer", **{"action-submit": "action-submit"}),
    )
    case = Case.objects.get()
    client.force_login(final_editor)
    response = client.post(
        f"/beheer/snippets/cases/case/edit/{case.pk}/",
        case_form(
            title="Buurtkamer",
            slug=case.slug,
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )
    assert response.status_code == 302
    # The message shows on the page the reviewer lands on.
    landing = client.get(response["Location"]).content.decode()
    assert "Praktijkvoorbeeld ‘Buurtkamer’ is goedgekeurd en gepubliceerd." in landing
    case.refresh_from_db()
    assert case.live
