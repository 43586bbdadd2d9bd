"""Keeping cases true: "Gecontroleerd: nog juist", publishing counts as a check, and
the editors' list "Te controleren"."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from cases.editorial import FINAL_EDITORS_GROUP
from cases.models import Case
from cases.reviews import REVIEWED_ACTION, case_mark_reviewed, cases_due_for_review
from cases.tests.factories import CaseFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUEUE_URL = "/beheer/te-controleren/"
LONG_AGO = timezone.now() - datetime.timedelta(days=400)


def mark_url(case: Case) -> str:
    return f"/beheer/te-controleren/{case.pk}/gecontroleerd/"


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def admin_user_not_editor(db):
    """May enter the back office, but is no editor (may not change cases)."""
    user = UserFactory(username="beheerder-zonder-rechten")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def final_editor(db):
    return UserFactory(
        username="eindredacteur", groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]
    )


@pytest.fixture
def published_with_draft(editor, final_editor):
    """A live case, published through Wagtail, with a newer draft waiting."""
    case = CaseFactory(title="Live titel", summary="Live samenvatting.")
    case.save_revision(user=editor).publish(user=final_editor)
    Case.objects.filter(pk=case.pk).update(last_reviewed_at=LONG_AGO)
    case.refresh_from_db()
    case.title = "Concepttitel"
    case.save_revision(user=editor)
    return Case.objects.get(pk=case.pk)


# --- The service -------------------------------------------------------------------------


def test_marking_reviewed_records_the_date_and_changes_nothing_else(editor, published_with_draft):
    case = published_with_draft
    before = Case.objects.get(pk=case.pk)
    revisions = Revision.objects.filter(object_id=str(case.pk)).count()

    case_mark_reviewed(case=case, user=editor)

    after = Case.objects.get(pk=case.pk)
    assert timezone.now() - after.last_reviewed_at < datetime.timedelta(minutes=1)
    # No revision saved or published; the live content, the draft and the dates stay.
    assert Revision.objects.filter(object_id=str(case.pk)).count() == revisions
    assert after.latest_revision_id == before.latest_revision_id
    assert after.live_revision_id == before.live_revision_id
    assert after.has_unpublished_changes
    assert (after.title, after.summary) == ("Live titel", "Live samenvatting.")
    assert after.last_published_at == before.last_published_at
    assert after.latest_revision.as_object().title == "Concepttitel"
    # In the case's history in the back office.
    entry = ModelLogEntry.objects.get(action=REVIEWED_ACTION, object_id=str(case.pk))
    assert entry.user == editor


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "admin_user_not_editor"])
def test_only_editors_mark_a_case_reviewed(request, who):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    case = CaseFactory(last_reviewed_at=LONG_AGO)
    with pytest.raises(PermissionDenied):
        case_mark_reviewed(case=case, user=user)
    assert Case.objects.get(pk=case.pk).last_reviewed_at == LONG_AGO
    assert not ModelLogEntry.objects.filter(action=REVIEWED_ACTION).exists()


def test_publishing_counts_as_a_check(editor, final_editor):
    case = CaseFactory(live=False, first_published_at=None, last_published_at=None)
    case.last_reviewed_at = None
    case.save()
    case.save_revision(user=editor).publish(user=final_editor)
    case.refresh_from_db()
    assert case.last_reviewed_at == case.last_published_at is not None


def test_publishing_an_older_draft_never_sets_the_check_back(editor, final_editor):
    case = CaseFactory()
    old_draft = case.save_revision(user=editor)  # holds today's (empty) review date
    Case.objects.filter(pk=case.pk).update(last_reviewed_at=LONG_AGO)
    # The draft as a case keeps the case's own date, not the one it was saved with ...
    assert Case.objects.get(pk=case.pk).with_content_json(old_draft.content).last_reviewed_at == (
        LONG_AGO
    )
    # ... and publishing it is a check of its own.
    old_draft.publish(user=final_editor)
    assert Case.objects.get(pk=case.pk).last_reviewed_at > LONG_AGO


# --- Which cases are due -----------------------------------------------------------------


def test_the_list_holds_live_cases_not_checked_for_a_year_oldest_first(closed_space):
    CaseFactory(title="Vorige maand", last_reviewed_at=days_ago(30))
    CaseFactory(title="Anderhalf jaar", last_reviewed_at=days_ago(540))
    CaseFactory(title="Ruim een jaar", last_reviewed_at=days_ago(380))
    CaseFactory(title="Nooit", last_reviewed_at=None)
    CaseFactory(title="Concept", live=False, last_reviewed_at=days_ago(900))
    CaseFactory(title="Besloten", space=closed_space, last_reviewed_at=days_ago(400))
    assert [case.title for case in cases_due_for_review()] == [
        "Nooit",
        "Anderhalf jaar",
        "Besloten",
        "Ruim een jaar",
    ]


def test_the_period_is_a_setting(settings):
    CaseFactory(title="Vorige maand", last_reviewed_at=days_ago(30))
    CaseFactory(title="Ruim een jaar", last_reviewed_at=days_ago(380))
    settings.CASE_REVIEW_AFTER_DAYS = 20
    assert [case.title for case in cases_due_for_review()] == ["Ruim een jaar", "Vorige maand"]
    settings.CASE_REVIEW_AFTER_DAYS = 400
    assert list(cases_due_for_review()) == []


# --- The back-office page ----------------------------------------------------------------


def test_editors_see_the_list_with_dates_and_a_button(client, editor):
    case = CaseFactory(title="Ruim een jaar", last_reviewed_at=days_ago(380))
    CaseFactory(title="Vorige maand", last_reviewed_at=days_ago(30))
    client.force_login(editor)
    response = client.get(QUEUE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ruim een jaar" in html
    assert "Vorige maand" not in html
    assert f'action="{mark_url(case)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert case.last_reviewed_at.strftime("%Y-%m-%d") in html


def test_an_empty_list_says_so(client, editor):
    client.force_login(editor)
    html = client.get(QUEUE_URL).content.decode()
    assert "Alle gepubliceerde praktijkvoorbeelden zijn op tijd gecontroleerd." in html


def test_the_button_marks_the_case_and_returns_to_the_list(client, editor):
    case = CaseFactory(title="Ruim een jaar", last_reviewed_at=days_ago(380))
    client.force_login(editor)
    response = client.post(mark_url(case), {"next": QUEUE_URL})
    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL
    assert Case.objects.get(pk=case.pk).last_reviewed_at > days_ago(1)
    assert mark_url(case) not in client.get(QUEUE_URL).content.decode()


def test_the_button_goes_nowhere_outside_the_site(client, editor):
    case = CaseFactory(last_reviewed_at=days_ago(380))
    client.force_login(editor)
    response = client.post(mark_url(case), {"next": "https://evil.example/"})
    assert response["Location"] == QUEUE_URL


def test_marking_takes_a_post(client, editor):
    case = CaseFactory(last_reviewed_at=LONG_AGO)
    client.force_login(editor)
    assert client.get(mark_url(case)).status_code == 405
    assert Case.objects.get(pk=case.pk).last_reviewed_at == LONG_AGO


def test_a_draft_cannot_be_marked(client, editor):
    case = CaseFactory(live=False, last_reviewed_at=LONG_AGO)
    client.force_login(editor)
    assert client.post(mark_url(case)).status_code == 404


def test_others_get_the_back_office_refusal(client, admin_user_not_editor):
    case = CaseFactory(title="Ruim een jaar", last_reviewed_at=LONG_AGO)
    client.force_login(admin_user_not_editor)
    for response in (client.get(QUEUE_URL), client.post(mark_url(case))):
        assert response.status_code == 302
        assert response["Location"] == "/beheer/"
    assert {m.level_tag for m in get_messages(response.wsgi_request)} == {"error"}
    assert Case.objects.get(pk=case.pk).last_reviewed_at == LONG_AGO
    assert "Te controleren" not in client.get("/beheer/").content.decode()


def test_visitors_are_sent_to_log_in(client, member):
    case = CaseFactory(last_reviewed_at=LONG_AGO)
    assert "/login/" in client.get(QUEUE_URL)["Location"]
    client.force_login(member)
    assert client.post(mark_url(case)).status_code == 302
    assert Case.objects.get(pk=case.pk).last_reviewed_at == LONG_AGO


@pytest.mark.parametrize("count", [1, 8])
def test_the_list_takes_a_fixed_number_of_queries(
    client, editor, closed_space, django_assert_num_queries, count
):
    for n in range(count):
        CaseFactory(last_reviewed_at=days_ago(400 + n), space=closed_space if n % 2 else None)
    client.force_login(editor)
    client.get(QUEUE_URL)
    # Session and user, the editor's permissions, the cases of the page and their count, and
    # what Wagtail's admin frame asks for itself; the same for one case or eight.
    with django_assert_num_queries(QUEUE_QUERIES):
        response = client.get(QUEUE_URL)
    assert len(response.context["page"].object_list) == count


QUEUE_QUERIES = 10


def test_the_dashboard_counts_the_cases_to_check(client, editor):
    CaseFactory(last_reviewed_at=days_ago(380))
    CaseFactory(last_reviewed_at=days_ago(390))
    CaseFactory(last_reviewed_at=days_ago(3))
    client.force_login(editor)
    html = client.get("/beheer/").content.decode()
    assert "2 praktijkvoorbeelden te controleren" in html


def test_the_edit_page_offers_the_check_for_a_live_case_only(client, editor):
    live = CaseFactory(last_reviewed_at=LONG_AGO)
    draft = CaseFactory(live=False)
    client.force_login(editor)
    edit = "/beheer/snippets/cases/case/edit/{}/"
    html = client.get(edit.format(live.pk)).content.decode()
    assert f'formaction="{mark_url(live)}?next=' in html
    assert "Gecontroleerd: nog juist" in html
    assert "Erkende interventie" in html  # the tab with the recognised intervention
    assert "Gecontroleerd: nog juist" not in client.get(edit.format(draft.pk)).content.decode()
    # The button posts the edit form to its own address: the date, nothing of the form.
    response = client.post(
        f"{mark_url(live)}?next={edit.format(live.pk)}", {"title": "Niet opslaan"}
    )
    assert response["Location"] == edit.format(live.pk)
    live_after = Case.objects.get(pk=live.pk)
    assert live_after.last_reviewed_at > LONG_AGO
    assert live_after.title == live.title
