"""Dialogues go public as cases do: an import is a draft, reviewed and published by editors."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import WorkflowState

from cases.editorial import FINAL_EDITORS_GROUP, WORKFLOW_NAME
from dialogues.models import Dialogue, Statement
from dialogues.services import dialogue_import, dialogue_publish
from dialogues.tests.factories import WORKBOOK, dialogue_data, write_csv_folder
from dialogues.tests.test_import_polis import POLIS
from dialogues.tests.test_search import found, index_entries
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def final_editor():
    return UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])


@pytest.fixture
def draft():
    return dialogue_import(data=dialogue_data(), live=False)


def done_url(dialogue) -> str:
    return f"/beheer/dialogen/importeren/{dialogue.pk}/"


def test_the_command_makes_a_draft_unless_told_to_publish(tmp_path, client, capsys):
    folder = write_csv_folder(tmp_path / "map", WORKBOOK)
    call_command("import_dialogue", str(folder), format="workbook")
    dialogue = Dialogue.objects.get()
    assert not dialogue.live and dialogue.latest_revision is not None
    assert "Het is een concept en staat nog niet online" in capsys.readouterr().out
    assert client.get(dialogue.get_absolute_url()).status_code == 404

    call_command("import_dialogue", str(folder), format="workbook", replace=True, publish=True)
    dialogue = Dialogue.objects.get()
    assert dialogue.live and dialogue.live_revision is not None
    assert dialogue.first_published_at is not None
    assert "Gepubliceerd op" in capsys.readouterr().out
    assert client.get(dialogue.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("who", ["outsider", "member", "editor"])
def test_a_draft_is_seen_by_editors_only(draft, who, client, editor):
    user = {
        "outsider": None,
        "member": UserFactory(),  # signed in, no editor
        "editor": editor,
    }[who]
    if user:
        client.force_login(user)
    sees = who == "editor"
    expected = 200 if sees else 404
    slug = draft.slug
    assert client.get(f"/dialogen/{slug}/").status_code == expected
    assert client.get(f"/dialogen/{slug}/stellingen/").status_code == expected
    assert client.get(f"/dialogen/{slug}/figuur/vraag-1.png").status_code == expected
    assert client.get(f"/dialogen/{slug}/export.xlsx").status_code == expected
    if not sees:  # the API signs in by token only: a session is anonymous there
        assert client.get(f"/api/v1/dialogen/{slug}").status_code == 404
    assert (slug in client.get("/dialogen/").content.decode()) is sees
    visitor = user or Client().get("/").wsgi_request.user
    assert Statement.objects.visible_to(visitor).exists() is sees
    # Its statements are in the search index, and the site search leaves them out.
    assert index_entries() == 6
    assert found(client, "kwetsbare wijk") == (["Noem ze geen kwetsbare wijken."] if sees else [])


def test_the_confirmation_page_says_what_happened_and_offers_the_next_steps(
    client, editor, final_editor, draft
):
    client.force_login(editor)
    html = client.get(done_url(draft)).content.decode()
    assert "Concept aangemaakt" in html
    assert "2 vragen, 6 stellingen en 163 stemmen ingelezen. En 1 poll." in html
    assert "Het staat nog niet online." in html
    assert "Bekijk een voorbeeld" in html and draft.get_absolute_url() in html
    assert "Ter beoordeling aanbieden" in html
    assert "Publiceren</button>" not in html  # Redactie does not publish
    client.force_login(final_editor)
    assert "Publiceren</button>" in client.get(done_url(draft)).content.decode()


def test_submitting_for_review_then_approving_publishes(client, editor, final_editor, draft):
    client.force_login(editor)
    response = client.post(f"{done_url(draft)}beoordeling/")
    assert response.status_code == 302
    assert response["Location"] == f"/beheer/snippets/dialogues/dialogue/edit/{draft.pk}/"
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft.refresh_from_db()
    assert not draft.live
    html = client.get(done_url(draft)).content.decode()
    assert "Het wacht op beoordeling door de eindredactie." in html
    assert "Ter beoordeling aanbieden" not in html
    # Twice is refused with a message, and nothing changes.
    again = client.post(f"{done_url(draft)}beoordeling/", follow=True)
    assert "Deze dialoog wacht al op beoordeling." in again.content.decode()
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 1

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, final_editor, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert Client().get(draft.get_absolute_url()).status_code == 200


def test_only_final_editors_publish(client, editor, final_editor, draft):
    client.force_login(editor)
    assert client.post(f"{done_url(draft)}publiceren/").status_code in (302, 403)
    draft.refresh_from_db()
    assert not draft.live
    client.force_login(final_editor)
    response = client.post(f"{done_url(draft)}publiceren/", follow=True)
    assert "is gepubliceerd en staat nu online" in response.content.decode()
    draft.refresh_from_db()
    assert draft.live
    assert client.post(f"{done_url(draft)}iets-anders/").status_code == 404


def test_a_member_cannot_reach_the_confirmation_page_or_its_steps(client, draft):
    client.force_login(UserFactory())
    assert client.get(done_url(draft)).status_code in (302, 403)
    assert client.post(f"{done_url(draft)}publiceren/").status_code in (302, 403)
    assert client.post(f"{done_url(draft)}beoordeling/").status_code in (302, 403)
    draft.refresh_from_db()
    assert not draft.live and not WorkflowState.objects.exists()


def test_importing_at_once_needs_the_right_to_publish(editor):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        dialogue_import(data=dialogue_data(), user=editor, live=True)
    assert not Dialogue.objects.exists()


def test_a_replacement_waits_while_the_published_version_stays_online(final_editor):
    call_command("import_dialogue", str(POLIS), format="polis", publish=True, verbosity=0)
    published = Dialogue.objects.get()
    address = published.get_absolute_url()
    with pytest.raises(CommandError, match="al geïmporteerd"):
        call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)

    call_command("import_dialogue", str(POLIS), format="polis", replace=True, verbosity=0)
    replacement = Dialogue.objects.get(live=False)
    assert replacement.replaces == published
    assert replacement.source_url == published.source_url
    assert Client().get(address).status_code == 200  # the published version, still online
    # Importing again replaces the waiting draft, not the published version.
    call_command("import_dialogue", str(POLIS), format="polis", replace=True, verbosity=0)
    assert Dialogue.objects.count() == 2
    replacement = Dialogue.objects.get(live=False)

    dialogue_publish(dialogue=replacement, user=final_editor)
    replacement.refresh_from_db()
    published.refresh_from_db()
    assert replacement.live and replacement.get_absolute_url() == address
    assert not published.live and published.slug.endswith("-vorige-versie")
    page = Client().get(address)
    assert page.status_code == 200
    assert page.context["report"].dialogue.pk == replacement.pk
    assert Client().get(published.get_absolute_url()).status_code == 404
    # A later edit keeps the address: the revisions carry it.
    replacement.title = "Nieuwe titel"
    replacement.save_revision(user=final_editor).publish(user=final_editor)
    replacement.refresh_from_db()
    assert replacement.get_absolute_url() == address


def test_a_replacement_by_a_direct_publication_takes_the_address_at_once(tmp_path):
    folder = write_csv_folder(tmp_path / "map", WORKBOOK)
    call_command("import_dialogue", str(folder), format="workbook", publish=True, verbosity=0)
    slug = Dialogue.objects.get().slug
    call_command(
        "import_dialogue", str(folder), format="workbook", replace=True, publish=True, verbosity=0
    )
    assert list(Dialogue.objects.values_list("slug", "live")) == [(slug, True)]


def test_the_unchanged_template_is_refused_by_the_command_too(tmp_path):
    from dialogues.admin_views import COLUMN_HELP
    from dialogues.template_workbook import template_workbook

    path = tmp_path / "sjabloon.xlsx"
    path.write_bytes(template_workbook(COLUMN_HELP))
    with pytest.raises(CommandError, match="Dit is het voorbeeld uit het sjabloon"):
        call_command("import_dialogue", str(path), format="workbook", verbosity=0)
    assert not Dialogue.objects.exists()


def test_an_example_row_left_among_real_ones_is_named(tmp_path):
    rows = [*WORKBOOK["stellingen"], ["1", "Bewoners weten zelf het best wat er speelt.", "30"]]
    rows[-1] += ["4", "2", ""]
    folder = write_csv_folder(tmp_path / "map", {**WORKBOOK, "stellingen": rows})
    with pytest.raises(CommandError, match="de voorbeeldregel uit het sjabloon staat er nog in"):
        call_command("import_dialogue", str(folder), format="workbook", verbosity=0)
    assert not Dialogue.objects.exists()


def test_a_live_dialogue_edited_in_the_back_office_stays_online_until_published(
    client, final_editor
):
    dialogue = dialogue_import(data=dialogue_data())
    client.force_login(final_editor)
    edit_url = f"/beheer/snippets/dialogues/dialogue/edit/{dialogue.pk}/"
    listing = client.get("/beheer/snippets/dialogues/dialogue/").content.decode()
    assert "Gepubliceerd" in listing
    form = {
        "title": "Een nieuwe titel",
        "description": dialogue.description,
        "commissioned_by": dialogue.commissioned_by,
        "method": dialogue.method,
        "space": "",
    }
    assert client.post(edit_url, form).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.title == "Dialoog over de wijk" and dialogue.has_unpublished_changes
    assert (
        "Gepubliceerd, met concept"
        in client.get("/beheer/snippets/dialogues/dialogue/").content.decode()
    )
    client.post(edit_url, {**form, "action-publish": "action-publish"})
    dialogue.refresh_from_db()
    assert dialogue.title == "Een nieuwe titel" and not dialogue.has_unpublished_changes


def test_the_listing_shows_each_dialogues_status_in_a_fixed_number_of_queries(
    client, editor, final_editor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dialogues.services import dialogue_submit_for_review

    def listing() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/beheer/snippets/dialogues/dialogue/").content.decode()
        return html, len(queries)

    def add(n: int) -> None:
        dialogue_import(data=dialogue_data(title=f"Gepubliceerd {n}"))
        dialogue_import(data=dialogue_data(title=f"Concept {n}"), live=False)
        waiting = dialogue_import(data=dialogue_data(title=f"Wacht {n}"), live=False)
        dialogue_submit_for_review(dialogue=waiting, user=editor)

    add(1)
    client.force_login(final_editor)
    html, few = listing()
    assert html.count("Ter beoordeling") >= 1
    assert ">Concept<" in html.replace("\n", "").replace(" ", "") or "Concept</" in html
    add(2)
    add(3)
    html, more = listing()
    assert more == few
