"""The import page in the back office: upload, preview, confirm; the template download."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cases.editorial import FINAL_EDITORS_GROUP
from dialogues.models import Dialogue, Statement
from dialogues.tests.factories import WORKBOOK, write_xlsx
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/beheer/dialogen/importeren/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def final_editor():
    return UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])


@pytest.fixture
def signed_in(client, final_editor):
    client.force_login(final_editor)
    return client


def upload(client, content: bytes, name="dialoog.xlsx", file_format="workbook", **extra):
    return client.post(
        URL,
        {"file": SimpleUploadedFile(name, content), "file_format": file_format, **extra},
    )


def workbook_bytes(tmp_path, sheets=WORKBOOK) -> bytes:
    return write_xlsx(tmp_path / "upload.xlsx", sheets).read_bytes()


def test_only_editors_may_import(client, editor):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(UserFactory())  # an ordinary member
    assert client.get(URL).status_code in (302, 403)
    assert client.get("/beheer/dialogen/sjabloon.xlsx").status_code in (302, 403)
    # Redactie may import now: an import is a draft that goes through the review.
    client.force_login(editor)
    assert client.get(URL).status_code == 200


def test_the_page_explains_every_column_and_offers_the_template(signed_in):
    html = signed_in.get(URL).content.decode()
    assert "Sjabloon voor de werkmap downloaden" in html
    for column in ("vraag_nr", "eens", "oneens", "neutraal", "rang", "stemmen", "datum"):
        assert f"<dt>{column}</dt>" in html or f"veld: {column}" in html or column in html


def test_preview_first_then_confirm(signed_in, tmp_path):
    preview = upload(signed_in, workbook_bytes(tmp_path))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Controleer wat er uit dialoog.xlsx wordt geïmporteerd" in html
    assert (
        "3, waarvan 3 met genoeg stemmen voor een draagvlak en 1 waarover de meningen verschillen"
        in html
    )
    assert "Bewoners weten wat er speelt." in html and "top" in html
    assert not Dialogue.objects.exists()  # nothing saved before the editor confirms
    token = preview.context["token"]
    done = signed_in.post(URL, {"token": token})
    dialogue = Dialogue.objects.get()
    # A draft with a first revision, and the editor lands on a page that says what happened.
    assert not dialogue.live and dialogue.latest_revision is not None
    done_url = f"/beheer/dialogen/importeren/{dialogue.pk}/"
    assert done.status_code == 302 and done["Location"] == done_url
    landing = signed_in.get(done_url).content.decode()
    assert "Concept aangemaakt" in landing
    assert "2 vragen, 3 stellingen en 95 stemmen ingelezen" in landing
    assert "Het staat nog niet online." in landing
    # Not public until an editor publishes it.
    assert Client().get(dialogue.get_absolute_url()).status_code == 404
    assert Statement.objects.count() == 3
    # What the preview promised is what was saved.
    assert (dialogue.statements_with_level, dialogue.polarising_statements) == (3, 1)
    # The kept file is gone, and the same token does nothing twice.
    again = signed_in.post(URL, {"token": token}, follow=True)
    assert "Deze upload is verlopen" in again.content.decode()
    assert Dialogue.objects.count() == 1


def test_errors_are_all_shown_and_nothing_is_kept(signed_in, tmp_path):
    rows = [list(row) for row in WORKBOOK["stellingen"]]
    rows[1][2] = "veel"
    rows[2][0] = "9"
    response = upload(signed_in, workbook_bytes(tmp_path, {**WORKBOOK, "stellingen": rows}))
    html = response.content.decode()
    assert "Het bestand is niet ingelezen; er is niets veranderd." in html
    assert "Blad &#x27;stellingen&#x27;, rij 2, kolom &#x27;eens&#x27;" in html
    assert "vraag 9 bestaat niet" in html
    assert not Dialogue.objects.exists()
    assert not (tmp_path / "media" / "dialoog-uploads").exists() or not any(
        (tmp_path / "media" / "dialoog-uploads").iterdir()
    )


def test_a_file_that_is_not_a_workbook(signed_in):
    response = upload(signed_in, b"%PDF-1.4 niet een werkmap", name="verslag.pdf")
    assert "dit is geen werkmap (.xlsx)" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_replacing_needs_the_box_ticked(signed_in, tmp_path):
    content = workbook_bytes(tmp_path)
    signed_in.post(URL, {"token": upload(signed_in, content).context["token"]})
    first = Dialogue.objects.get()
    preview = upload(signed_in, content)
    assert "Deze dialoog is al geïmporteerd" in preview.content.decode()
    refused = signed_in.post(URL, {"token": preview.context["token"]}, follow=True)
    assert "al geïmporteerd" in refused.content.decode()
    assert Dialogue.objects.get().pk == first.pk
    preview = upload(signed_in, content)
    signed_in.post(URL, {"token": preview.context["token"], "replace": "1"})
    assert Dialogue.objects.get().pk != first.pk


def test_a_token_from_another_session_does_nothing(
    signed_in, client_for, tmp_path, django_user_model
):
    token = upload(signed_in, workbook_bytes(tmp_path)).context["token"]
    signed_in.logout()
    other = UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])
    signed_in.force_login(other)
    signed_in.post(URL, {"token": token})
    assert not Dialogue.objects.exists()


def test_the_unchanged_template_is_refused(signed_in):
    from openpyxl import load_workbook

    response = signed_in.get("/beheer/dialogen/sjabloon.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["uitleg", "dialoog", "vragen", "stellingen", "clusters", "polls"]
    refused = upload(signed_in, response.content, name="sjabloon-dialoog.xlsx")
    html = refused.content.decode()
    assert "Dit is het voorbeeld uit het sjabloon, nog niet ingevuld." in html
    assert "token" not in refused.context
    assert not Dialogue.objects.exists()


def test_unconfirmed_uploads_are_cleaned_up(settings, tmp_path):
    import os
    import time

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    old = default_storage.save("dialoog-uploads/oud", ContentFile(b"x"))
    new = default_storage.save("dialoog-uploads/nieuw", ContentFile(b"x"))
    two_days_ago = time.time() - 48 * 3600
    os.utime(default_storage.path(old), (two_days_ago, two_days_ago))
    call_command("clean_dialogue_uploads", verbosity=0)
    assert not default_storage.exists(old)
    assert default_storage.exists(new)
