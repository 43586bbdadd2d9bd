"""backup_site and restore_site: one archive brings the whole site back, or changes nothing."""

import io
import json
import shutil
import tarfile

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cases.models import Case
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.models import Statement
from dialogues.tests.factories import make_dialogue
from ops.backup import MANIFEST
from textsearch.engine import ranked
from topics.tests.factories import TopicFactory


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def build_content():
    topic = TopicFactory(name="Buurtbemiddeling", slug="buurtbemiddeling")
    case = CaseFactory(
        title="Straatcoaches in de Schilderswijk",
        summary="Straatcoaches spreken jongeren aan op het plein.",
        topics=[topic],
        tags=["straatcoach", "jongeren"],
    )
    CaseFactory(title="Buurtkamer", tags=["jongeren"])
    dialogue = make_dialogue()
    ConnectorFactory(topics=[topic], cases=[case])
    document = Document.objects.create(
        title="Evaluatie", file=ContentFile(b"%PDF-1.4 evaluatie", name="evaluatie.pdf")
    )
    image = Image.objects.create(title="Plein", file=ContentFile(png(), name="plein.png"))
    return case, dialogue, document, image


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label
        not in {"contenttypes.ContentType", "auth.Permission", "core.ContentState"}
        and model._meta.app_label not in {"wagtailsearch", "sessions", "django_tasks_database"}
        and model._meta.db_table in connection.introspection.table_names()
    }


def to_fresh_install(media):
    """Empty the database and put back what `migrate` seeds; no uploaded files."""
    # As Django's TransactionTestCase does: sequences go on, so later inserts do not collide
    # with the seeded rows put back with their own keys.
    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    shutil.rmtree(media)


# flush and the restore's own transaction need a database that is not rolled back per test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_brings_back_every_object_media_and_search(media, tmp_path):
    case, dialogue, document, image = build_content()
    before = row_counts()
    document_bytes = document.file.read()
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    assert manifest["objects"]["cases.case"] == 2
    assert manifest["objects"]["cases.taggedcase"] == 3
    assert document.file.name in manifest["media"]
    assert image.file.name in manifest["media"]

    to_fresh_install(media)
    assert not Case.objects.exists()
    assert not default_storage.exists(document.file.name)

    out = io.StringIO()
    call_command("restore_site", str(archive), stdout=out)

    assert "Restored" in out.getvalue()
    assert row_counts() == before
    restored = Case.objects.get(pk=case.pk)
    assert sorted(restored.tags.names()) == ["jongeren", "straatcoach"]
    assert list(restored.topics.values_list("slug", flat=True)) == ["buurtbemiddeling"]
    assert Statement.objects.filter(question__dialogue__pk=dialogue.pk).count() == 6
    assert Document.objects.get(pk=document.pk).file.read() == document_bytes
    assert PillowImage.open(Image.objects.get(pk=image.pk).file).size == (40, 30)
    # The index was rebuilt: search finds the case by a word of its summary.
    hits = ranked(Case.objects.visible_to(AnonymousUser()), "pleinen")
    assert [hit.title for hit in hits] == ["Straatcoaches in de Schilderswijk"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_with_content_unless_forced(media, tmp_path):
    build_content()
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    CaseFactory(title="Na de backup geschreven")

    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
    assert Case.objects.filter(title="Na de backup geschreven").exists()

    call_command("restore_site", str(archive), "--force", stdout=io.StringIO())
    assert not Case.objects.filter(title="Na de backup geschreven").exists()
    assert Case.objects.count() == 2


def damaged(archive, tmp_path):
    """Variants of a good archive that must all be refused."""
    good = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good[: len(good) // 2])
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"dit is geen archief" * 100)
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"hallo"))
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as tar:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data.json":
                content = content.replace(b"Straatcoaches", b"Straatkoetsen")
            member.size = len(content)
            tar.addfile(member, io.BytesIO(content))
    return {
        truncated: "not a readable backup",
        garbage: "not a readable backup",
        foreign: "has no manifest.json",
        tampered: "data.json does not match its checksum",
        tmp_path / "missing.tar.gz": "no such file",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_or_unknown_archive_is_refused_and_changes_nothing(media, tmp_path):
    build_content()
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    to_fresh_install(media)
    before = row_counts()

    for path, message in damaged(archive, tmp_path).items():
        with pytest.raises(CommandError, match=message):
            call_command("restore_site", str(path), stdout=io.StringIO())
        assert row_counts() == before
        assert files(media) == []


def files(media) -> list:
    return sorted(path for path in media.rglob("*") if path.is_file()) if media.exists() else []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a case that points at a municipality the archive no longer has: the load fails
        ({"drop": "municipalities.municipality"}, "nothing was changed"),
        # a count that differs after loading (and after the media were written)
        ({"count": ("cases.case", 3)}, "number of objects differs"),
    ],
    ids=["load fails", "counts differ"],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_that_fails_midway_changes_nothing(media, tmp_path, change, message):
    build_content()
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), stdout=io.StringIO())
    to_fresh_install(media)
    before = row_counts()
    broken = tmp_path / "broken.tar.gz"
    rewrite_data(archive, broken, **change)

    with pytest.raises(CommandError, match=message):
        call_command("restore_site", str(broken), stdout=io.StringIO())
    assert row_counts() == before
    assert files(media) == []


def rewrite_data(source_path, target_path, drop=None, count=None):
    """Copy an archive without the objects of one model (`drop`), or with a wrong number of
    objects for one model in its manifest (`count`); the checksums match the new content."""
    import hashlib

    with tarfile.open(source_path) as source:
        members = {m.name: source.extractfile(m).read() for m in source.getmembers()}
    data = [item for item in json.loads(members["data.json"]) if item["model"] != drop]
    members["data.json"] = json.dumps(data).encode()
    manifest = json.loads(members[MANIFEST])
    if drop:
        manifest["objects"].pop(drop)
    if count:
        manifest["objects"][count[0]] = count[1]
    manifest["files"]["data.json"] = {
        "size": len(members["data.json"]),
        "sha256": hashlib.sha256(members["data.json"]).hexdigest(),
    }
    members[MANIFEST] = json.dumps(manifest).encode()
    with tarfile.open(target_path, "w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
