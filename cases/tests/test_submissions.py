"""Members share a practice case: the form and service, the editors' review in Wagtail's
workflow, the member's status on /mijn/, the signals, and who may see an anonymous author."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from rest_framework.authtoken.models import Token
from wagtail.models import WorkflowState

from cases.editorial import FINAL_EDITORS_GROUP, WORKFLOW_NAME
from cases.models import Case, Outcome
from cases.signals import submission_changed
from cases.submissions import (
    SubmissionRefused,
    SubmissionStatus,
    resubmit_case,
    submission_status,
    submissions_of,
    submit_case,
)
from municipalities.tests.factories import MunicipalityFactory
from spaces.models import Membership
from spaces.tests.factories import MembershipFactory, UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

SHARE_URL = "/praktijkvoorbeelden/delen/"


@pytest.fixture
def final_editor(db):
    return UserFactory(
        username="eindredacteur", groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)]
    )


@pytest.fixture
def sharer(db, closed_space):
    """A member of the closed space with a name that appears nowhere else on a page."""
    user = UserFactory(username="sanne", first_name="Sanne", last_name="Schrijfster")
    MembershipFactory(space=closed_space, user=user)
    return user


@pytest.fixture
def sent():
    """What `submission_changed` sent, as (case title, status, comment)."""
    received = []

    def receiver(sender, case, status, comment, **kwargs):
        received.append((case.title, status, comment))

    submission_changed.connect(receiver)
    yield received
    submission_changed.disconnect(receiver)


def data(**overrides):
    values = {
        "title": "Buurtpreventie-app die niemand gebruikte",
        "summary": "Een app voor buurtpreventie, maar bewoners bleven WhatsApp gebruiken.",
        "outcome": Outcome.FAILURE,
        "what_went_wrong": "We vroegen bewoners niet vooraf wat zij al gebruikten.",
        "courses_of_action": "Vraag eerst wat er al is.\nBegin klein.",
        "context": "Veel inbraken in de wijk.",
        "approach": "Een eigen app.",
        "municipality": None,
        "space": None,
        "submitted_anonymously": False,
        "credit_submitter": True,
    }
    values.update(overrides)
    return values


def form_data(**overrides):
    values = {
        "title": "Buurtpreventie-app die niemand gebruikte",
        "summary": "Een app voor buurtpreventie, maar bewoners bleven WhatsApp gebruiken.",
        "outcome": "mislukt",
        "what_went_wrong": "We vroegen bewoners niet vooraf wat zij al gebruikten.",
        "courses_of_action": "Vraag eerst wat er al is.",
        "context": "Veel inbraken in de wijk.",
        "approach": "Een eigen app.",
        "results": "",
        "what_worked": "",
        "lessons": "",
        "neighbourhoods": "",
        "period_start": "",
        "period_end": "",
        "municipality": "",
        "space": "",
        "credit_submitter": "on",
    }
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}


def state_of(case) -> WorkflowState:
    return WorkflowState.objects.filter(object_id=str(case.pk)).order_by("-created_at").first()


def api(client, user, url) -> str:
    """The API answers a user who sends their token (as the site's API clients do)."""
    token, _ = Token.objects.get_or_create(user=user)
    return client.get(url, HTTP_AUTHORIZATION=f"Token {token.key}").content.decode()


def share(client, user, **overrides):
    client.force_login(user)
    return client.post(SHARE_URL, form_data(**overrides))


# --- sharing ---------------------------------------------------------------------------------


def test_sharing_makes_a_draft_in_the_editors_review_with_the_member_as_author(
    client, outsider, final_editor, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Inbraakpreventie", slug="inbraakpreventie")
    municipality = MunicipalityFactory(name="Proefgemeente Buurtstad")
    with django_capture_on_commit_callbacks(execute=True):
        response = share(
            client,
            outsider,
            topics=[str(topic.pk)],
            municipality=str(municipality.pk),
            period_start="2021",
        )
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/praktijkvoorbeelden/delen/{case.pk}/verstuurd/"
    assert not case.live
    assert case.submitted_by == outsider and case.credit_submitter
    assert list(case.topics.all()) == [topic] and case.municipality == municipality
    assert case.revisions.count() == 1
    state = state_of(case)
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == outsider
    assert state.current_task_state.revision == case.latest_revision
    # Nobody else sees the draft; the confirmation says what happens next.
    page = client.get(response["Location"]).content.decode()
    assert "Dank u, uw praktijkvoorbeeld is verstuurd" in page
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 404
    # The final editors find it in their review queue in the back office.
    client.force_login(final_editor)
    dashboard = client.get("/beheer/").content.decode()
    assert "Buurtpreventie-app die niemand gebruikte" in dashboard


def test_the_form_asks_what_went_wrong_first_for_a_failure(client, outsider):
    client.force_login(outsider)
    plain = client.get(SHARE_URL).content.decode()
    response = client.get(SHARE_URL + "?uitkomst=mislukt")
    failure = response.content.decode()
    assert plain.index("Wat was de aanleiding?") < plain.index("Wat ging er mis?")
    assert failure.index("Wat ging er mis?") < failure.index("Wat was de aanleiding?")
    assert response.context["form"]["outcome"].value() == "mislukt"  # chosen already


def test_a_failure_without_what_went_wrong_is_refused_and_nothing_is_stored(client, outsider):
    response = share(client, outsider, what_went_wrong="", outcome="gemengd")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Uw praktijkvoorbeeld is nog niet verstuurd" in body
    assert "Beschrijf wat er misging" in body
    assert 'href="#id_what_went_wrong"' in body
    # Sent back with the failure part first, as the outcome is known now.
    assert body.index("Wat ging er mis?") < body.index("Wat was de aanleiding?")
    assert not Case.objects.exists()
    with pytest.raises(ValidationError) as error:
        submit_case(user=outsider, data=data(what_went_wrong="  "))
    assert "what_went_wrong" in error.value.message_dict
    assert not Case.objects.exists()


def test_a_space_the_member_is_not_in_is_refused_and_nothing_is_stored(
    client, outsider, closed_space
):
    response = share(client, outsider, space=str(closed_space.pk))
    assert response.status_code == 400
    assert "U kunt alleen delen in een ruimte waar u lid van bent" in response.content.decode()
    assert not Case.objects.exists()
    with pytest.raises(ValidationError) as error:
        submit_case(user=outsider, data=data(space=closed_space))
    assert error.value.message_dict["space"] == [
        "U kunt alleen delen in een ruimte waar u lid van bent. Kies een van uw ruimtes."
    ]
    assert not Case.objects.exists()


def test_a_removed_or_suspended_member_cannot_share_in_that_space(sharer, closed_space):
    from datetime import timedelta

    from django.utils import timezone

    membership = Membership.objects.get(user=sharer, space=closed_space)
    membership.suspended_until = timezone.now() + timedelta(days=2)
    membership.save()
    with pytest.raises(ValidationError):
        submit_case(user=sharer, data=data(space=closed_space))
    membership.suspended_until = None
    membership.status = Membership.Status.REMOVED
    membership.save()
    with pytest.raises(ValidationError):
        submit_case(user=sharer, data=data(space=closed_space))
    assert not Case.objects.exists()


@pytest.mark.parametrize("where", ["public", "none"])
def test_anonymous_outside_a_closed_space_is_refused_and_nothing_is_stored(
    client, sharer, public_space, where
):
    MembershipFactory(space=public_space, user=sharer)
    space = public_space if where == "public" else None
    response = share(
        client,
        sharer,
        space=str(space.pk) if space else "",
        submitted_anonymously="on",
        credit_submitter=None,
    )
    assert response.status_code == 400
    assert "Anoniem delen kan alleen in een besloten ruimte" in response.content.decode()
    assert not Case.objects.exists()
    with pytest.raises(ValidationError) as error:
        submit_case(
            user=sharer, data=data(space=space, submitted_anonymously=True, credit_submitter=False)
        )
    assert "submitted_anonymously" in error.value.message_dict
    assert not Case.objects.exists()


def test_anonymous_and_credited_at_once_is_refused(sharer, closed_space):
    with pytest.raises(ValidationError) as error:
        submit_case(
            user=sharer,
            data=data(space=closed_space, submitted_anonymously=True, credit_submitter=True),
        )
    assert "credit_submitter" in error.value.message_dict
    assert not Case.objects.exists()


def test_an_account_without_a_confirmed_address_cannot_share(client):
    unconfirmed = UserFactory(username="onbevestigd", verified_email=False)
    client.force_login(unconfirmed)
    page = client.get(SHARE_URL).content.decode()
    assert "Bevestig eerst uw e-mailadres" in page
    assert 'name="title"' not in page
    response = client.post(SHARE_URL, form_data())
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    with pytest.raises(SubmissionRefused):
        submit_case(user=unconfirmed, data=data())
    assert not Case.objects.exists()


def test_the_share_page_asks_visitors_to_log_in(client):
    response = client.get(SHARE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_a_case_titled_like_the_share_page_gets_another_address(outsider):
    case = submit_case(user=outsider, data=data(title="Delen"))
    assert case.slug == "delen-2"


# --- the editors decide ----------------------------------------------------------------------


@pytest.mark.parametrize("credit", [True, False])
def test_approval_publishes_and_credits_the_member_only_if_they_chose_so(
    client, sharer, final_editor, credit
):
    case = submit_case(user=sharer, data=data(credit_submitter=credit))
    state_of(case).current_task_state.approve(user=final_editor)
    case.refresh_from_db()
    assert case.live
    assert submission_status(case).status == SubmissionStatus.PUBLISHED
    page = client.get(case.get_absolute_url()).content.decode()
    assert ("Gedeeld door Sanne Schrijfster" in page) is credit
    assert "Schrijfster" not in page or credit


def test_a_request_for_changes_reaches_the_member_who_edits_and_sends_it_again(
    client, sharer, final_editor, django_capture_on_commit_callbacks, sent
):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit_case(user=sharer, data=data())
    with django_capture_on_commit_callbacks(execute=True):
        state_of(case).current_task_state.reject(
            user=final_editor, comment="Noem ook wat de wijkagent ervan vond."
        )
    client.force_login(sharer)
    mine = client.get("/mijn/").content.decode()
    assert "Mijn gedeelde praktijkvoorbeelden" in mine
    assert "Wijzigingen gevraagd" in mine
    assert "Noem ook wat de wijkagent ervan vond." in mine

    edit_url = f"/praktijkvoorbeelden/delen/{case.pk}/"
    assert 'name="title"' in client.get(edit_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url,
            form_data(approach="Een eigen app; de wijkagent vond het te ingewikkeld."),
        )
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    case.refresh_from_db()
    assert case.approach.startswith("Een eigen app; de wijkagent")
    assert case.revisions.count() == 2
    state = state_of(case)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision == case.latest_revision
    assert submission_status(case).status == SubmissionStatus.SUBMITTED
    assert "Ingediend: de redactie bekijkt het" in client.get("/mijn/").content.decode()
    assert [status for _title, status, _comment in sent] == [
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.CHANGES_REQUESTED,
        SubmissionStatus.SUBMITTED,
    ]
    assert sent[1][2] == "Noem ook wat de wijkagent ervan vond."


def test_a_case_in_review_cannot_be_changed_by_the_member(client, sharer):
    case = submit_case(user=sharer, data=data())
    client.force_login(sharer)
    page = client.get(f"/praktijkvoorbeelden/delen/{case.pk}/").content.decode()
    assert "Ingediend: de redactie bekijkt het" in page
    assert 'name="title"' not in page
    client.post(f"/praktijkvoorbeelden/delen/{case.pk}/", form_data(title="Anders"))
    case.refresh_from_db()
    assert case.title != "Anders" and case.revisions.count() == 1
    with pytest.raises(SubmissionRefused):
        resubmit_case(user=sharer, case=case, data=data(title="Anders"))


def test_invalid_changes_store_nothing(client, sharer, final_editor):
    case = submit_case(user=sharer, data=data())
    state_of(case).current_task_state.reject(user=final_editor, comment="Iets meer graag.")
    client.force_login(sharer)
    response = client.post(f"/praktijkvoorbeelden/delen/{case.pk}/", form_data(summary=""))
    assert response.status_code == 400
    assert "Schrijf een korte samenvatting." in response.content.decode()
    case.refresh_from_db()
    assert case.summary and case.revisions.count() == 1
    assert state_of(case).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_signals_go_after_the_commit_with_the_status(
    sharer, final_editor, django_capture_on_commit_callbacks, sent
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case = submit_case(user=sharer, data=data())
    assert sent == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sent == [(case.title, SubmissionStatus.SUBMITTED, "")]
    with django_capture_on_commit_callbacks(execute=True):
        state_of(case).current_task_state.approve(user=final_editor, comment="Heel leerzaam.")
    assert sent[-1] == (case.title, SubmissionStatus.PUBLISHED, "Heel leerzaam.")
    assert len(sent) == 2
    # Editors changing the published case later send nothing to the member.
    with django_capture_on_commit_callbacks(execute=True):
        case.refresh_from_db()
        case.save_revision(user=final_editor).publish(user=final_editor)
    assert len(sent) == 2


def test_editors_stopping_the_review_rejects_the_case(
    client, sharer, final_editor, django_capture_on_commit_callbacks, sent
):
    case = submit_case(user=sharer, data=data())
    state_of(case).current_task_state.reject(user=final_editor, comment="Dit is geen wijkaanpak.")
    with django_capture_on_commit_callbacks(execute=True):
        state_of(case).cancel(user=final_editor)
    assert sent[-1] == (case.title, SubmissionStatus.REJECTED, "Dit is geen wijkaanpak.")
    client.force_login(sharer)
    mine = client.get("/mijn/").content.decode()
    assert "Afgewezen" in mine and "Dit is geen wijkaanpak." in mine


def test_only_the_member_who_shared_reaches_its_pages(client, sharer, outsider, editor):
    case = submit_case(user=sharer, data=data())
    for url in (f"/praktijkvoorbeelden/delen/{case.pk}/", f"{SHARE_URL}{case.pk}/verstuurd/"):
        for other in (outsider, editor):
            client.force_login(other)
            assert client.get(url).status_code == 404
            assert client.post(url, form_data(title="Overgenomen")).status_code == 404
        client.force_login(sharer)
        assert client.get(url).status_code == 200
    assert client.get("/praktijkvoorbeelden/delen/999999/").status_code == 404
    case.refresh_from_db()
    assert case.title != "Overgenomen"


def test_my_submissions_take_a_fixed_number_of_queries(
    sharer, final_editor, django_assert_num_queries
):
    first = submit_case(user=sharer, data=data(title="Eerste"))
    with django_assert_num_queries(3):
        assert [s.case for s in submissions_of(sharer)] == [first]
    for n in range(3):
        case = submit_case(user=sharer, data=data(title=f"Nog een {n}"))
        state_of(case).current_task_state.reject(user=final_editor, comment=f"Opmerking {n}")
    with django_assert_num_queries(3):
        found = submissions_of(sharer)
    assert len(found) == 4
    assert {s.comment for s in found} == {"", "Opmerking 0", "Opmerking 1", "Opmerking 2"}


# --- anonymous in a closed space -------------------------------------------------------------


@pytest.fixture
def anonymous_case(sharer, closed_space, final_editor):
    case = submit_case(
        user=sharer,
        data=data(space=closed_space, submitted_anonymously=True, credit_submitter=False),
    )
    state_of(case).current_task_state.approve(user=final_editor)
    case.refresh_from_db()
    assert case.live
    return case


def test_an_anonymous_case_names_nobody_to_the_other_members(client, anonymous_case, member):
    client.force_login(member)
    page = client.get(anonymous_case.get_absolute_url()).content.decode()
    assert "Gedeeld door een lid van deze ruimte" in page
    assert "Sanne" not in page and "Schrijfster" not in page and "sanne" not in page
    detail = api(client, member, f"/api/v1/praktijkvoorbeelden/{anonymous_case.slug}")
    assert anonymous_case.title in detail
    assert "Sanne" not in detail and "Schrijfster" not in detail and "sanne" not in detail
    listing = api(client, member, "/api/v1/praktijkvoorbeelden")
    assert anonymous_case.title in listing and "Sanne" not in listing
    search = client.get("/zoeken/?q=buurtpreventie").content.decode()
    assert anonymous_case.title in search and "Sanne" not in search


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_moderators_and_editors_see_who_shared_an_anonymous_case(
    client, anonymous_case, request, who
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    page = client.get(anonymous_case.get_absolute_url()).content.decode()
    assert "Gedeeld door een lid van deze ruimte" in page
    assert "alleen moderatoren en redactie zien wie: Sanne Schrijfster" in page
    # Never in the API, whoever asks.
    detail = api(client, user, f"/api/v1/praktijkvoorbeelden/{anonymous_case.slug}")
    assert anonymous_case.title in detail and "Sanne" not in detail


def test_outsiders_do_not_see_an_anonymous_case_at_all(client, anonymous_case, outsider):
    client.force_login(outsider)
    assert client.get(anonymous_case.get_absolute_url()).status_code == 404
    assert '"status":404' in api(
        client, outsider, f"/api/v1/praktijkvoorbeelden/{anonymous_case.slug}"
    )


def test_editors_see_the_submitter_in_the_back_office(client, sharer, editor):
    case = submit_case(user=sharer, data=data(credit_submitter=False))
    client.force_login(editor)
    page = client.get(f"/beheer/snippets/cases/case/edit/{case.pk}/").content.decode()
    assert "Gedeeld door een lid" in page
    assert "sanne" in page


def test_editing_in_the_back_office_keeps_the_members_choices(client, sharer, final_editor):
    from cases.tests.test_editorial import case_form

    case = submit_case(user=sharer, data=data(credit_submitter=True))
    client.force_login(final_editor)
    response = client.post(
        f"/beheer/snippets/cases/case/edit/{case.pk}/", case_form(title="Door de redactie")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.title == "Door de redactie"
    assert case.submitted_by == sharer and case.credit_submitter


def test_an_anonymous_case_cannot_move_out_of_a_closed_space(sharer, closed_space, public_space):
    case = submit_case(
        user=sharer,
        data=data(space=closed_space, submitted_anonymously=True, credit_submitter=False),
    )
    for space in (public_space, None):
        case.space = space
        with pytest.raises(ValidationError) as error:
            case.full_clean()
        assert "Anoniem delen kan alleen in een besloten ruimte" in str(error.value)
