"""One archive with the whole site: the database and the uploaded media.

The database goes through Django's serialization (JSON), so an archive made on SQLite restores
into PostgreSQL and the other way round. Media files go through the default storage, so the same
works with a storage other than the file system. The archive is a .tar.gz with:

- `manifest.json`: format and version, when and from which engine, the applied migrations, the
  number of objects per model, and the size and SHA-256 of every other member;
- `data.json`: the fixture (`dumpdata` with natural foreign keys, see EXCLUDED_MODELS);
- `media/<name>`: every file in the default storage.

Primary keys stay as they are (no natural primary keys): taggit's TaggedItemBase inherits a
`natural_key()` that reads `natural_key_fields`, which only its generic variants define, so
loading a `TaggedCase` dumped with natural primary keys fails with "'TaggedCase' object has no
attribute 'natural_key_fields'". Foreign keys to content types and permissions use natural keys,
because a fresh install numbers those rows in its own order.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from core.state import changed

FORMAT = "kennisplatform-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA_PREFIX = "media/"

# Not backed up: rebuilt or recreated by the target install itself.
EXCLUDED_MODELS = [
    "contenttypes",  # created by migrate; referenced by natural key
    "auth.Permission",  # likewise
    "sessions",  # nobody stays signed in across a restore
    "wagtailsearch",  # the search index: `update_index` rebuilds it after a restore
    "core.ContentState",  # the content cache token: renewed after a restore
    "django_tasks_database",  # results of background tasks
    "wagtailadmin.EditingSession",  # who has an edit form open right now
]
# Kept in the target database when restoring (the archive has none of their rows).
KEPT_MODELS = ["contenttypes.ContentType", "auth.Permission", "core.ContentState"]

# Any of these holding a row means the install has content of its own. (Topics and
# municipalities are not among them: a fresh install has them from its migrations.)
CONTENT_MODELS = [
    "auth.User",
    "cases.Case",
    "dialogues.Dialogue",
    "connectors.Connector",
    "spaces.Space",
    "wagtaildocs.Document",
    "wagtailimages.Image",
]


class BackupError(Exception):
    """An archive that cannot be made or restored; the message says why, for the operator."""


@dataclass
class RestoreResult:
    objects: dict[str, int]
    media: list[str] = field(default_factory=list)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_names(directory: str = "") -> list[str]:
    """Every file in the default storage, as storage names, sorted."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:  # no upload yet: the media folder does not exist
        return []
    names = [f"{directory}{name}" for name in files]
    for folder in folders:
        names += _media_names(f"{directory}{folder}/")
    return sorted(names)


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def create_backup(path: Path) -> dict:
    """Write the archive to `path` and return its manifest."""
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / DATA
        # One transaction: the rows of all tables come from one moment (a repeatable read on
        # PostgreSQL would be stricter; a backup taken while editors save may miss that save).
        with transaction.atomic():
            call_command(
                "dumpdata",
                exclude=EXCLUDED_MODELS,
                use_natural_foreign_keys=True,
                use_base_manager=True,
                output=str(fixture),
                verbosity=0,
            )
        data = fixture.read_bytes()
    objects = Counter(item["model"] for item in json.loads(data))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "migrations": _applied_migrations(),
        "objects": dict(sorted(objects.items())),
        "files": {DATA: {"size": len(data), "sha256": _sha256(data)}},
    }
    media = []
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        with tarfile.open(partial, "w:gz") as archive:
            _add(archive, DATA, data)
            for name in _media_names():
                with default_storage.open(name, "rb") as file:
                    content = file.read()
                _add(archive, MEDIA_PREFIX + name, content)
                manifest["files"][MEDIA_PREFIX + name] = {
                    "size": len(content),
                    "sha256": _sha256(content),
                }
                media.append(name)
            manifest["media"] = media
            _add(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
        partial.replace(path)  # a half-written archive never carries the final name
    finally:
        partial.unlink(missing_ok=True)
    return manifest


# --- restore ---------------------------------------------------------------------------------


def read_archive(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and every member, checked against the manifest; nothing is changed."""
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {}
            for info in archive.getmembers():
                if not info.isfile():
                    raise BackupError(f"{path}: unexpected member {info.name!r} (not a file).")
                members[info.name] = archive.extractfile(info).read()
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as error:
        raise BackupError(
            f"{path} is not a readable backup of this platform (.tar.gz): {error}"
        ) from error
    if MANIFEST not in members:
        raise BackupError(f"{path} is not a backup of this platform: it has no {MANIFEST}.")
    try:
        manifest = json.loads(members.pop(MANIFEST))
    except ValueError as error:
        raise BackupError(f"{path}: {MANIFEST} is not valid JSON ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup of this platform (unknown format).")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{path} has backup format version {manifest.get('version')!r}; "
            f"this version of the platform reads version {VERSION}."
        )
    files = manifest.get("files") or {}
    if DATA not in files:
        raise BackupError(f"{path}: the manifest lists no {DATA}.")
    for name, expected in files.items():
        if name != DATA and not _safe_media_name(name):
            raise BackupError(f"{path}: refusing the member name {name!r}.")
        content = members.get(name)
        if content is None:
            raise BackupError(f"{path} is damaged: {name} is missing.")
        if len(content) != expected.get("size") or _sha256(content) != expected.get("sha256"):
            raise BackupError(f"{path} is damaged: {name} does not match its checksum.")
    unlisted = set(members) - set(files)
    if unlisted:
        raise BackupError(f"{path}: members not in the manifest: {', '.join(sorted(unlisted))}.")
    return manifest, members


def _safe_media_name(name: str) -> bool:
    if not name.startswith(MEDIA_PREFIX):
        return False
    parts = PurePosixPath(name[len(MEDIA_PREFIX) :]).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "" not in parts


def content_counts() -> dict[str, int]:
    """Rows in the models that only content puts there (see CONTENT_MODELS)."""
    return {label: apps.get_model(label)._base_manager.count() for label in CONTENT_MODELS}


def _check_migrations(manifest: dict) -> None:
    applied = _applied_migrations()
    missing = [
        f"{app_label}.{name}"
        for app_label, names in (manifest.get("migrations") or {}).items()
        for name in names
        if name not in applied.get(app_label, [])
    ]
    if missing:
        raise BackupError(
            "The archive comes from a newer version of the platform (migrations not applied "
            f"here: {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}). "
            "Update the code and run `manage.py migrate` first."
        )


def _empty_tables() -> None:
    """Delete every row except content types and permissions (DELETE, not TRUNCATE: it is
    transactional on every engine and foreign keys are checked at commit)."""
    kept = {apps.get_model(label)._meta.db_table for label in KEPT_MODELS}
    tables = connection.introspection.django_table_names(only_existing=True)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in sorted(set(tables) - kept):
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (Django's own table names)


def restore_backup(path: Path, *, force: bool = False) -> RestoreResult:
    """Replace the database and media with the archive's; all or nothing for the database."""
    manifest, members = read_archive(path)
    _check_migrations(manifest)
    if not force:
        filled = {label: n for label, n in content_counts().items() if n}
        if filled:
            summary = ", ".join(f"{label}: {n}" for label, n in filled.items())
            raise BackupError(
                f"The database is not empty ({summary}). Restore into a fresh install "
                "(a new database after `manage.py migrate`), or pass --force to replace "
                "everything in it."
            )
    media = [name[len(MEDIA_PREFIX) :] for name in manifest["files"] if name != DATA]
    written: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / DATA
        fixture.write_bytes(members[DATA])
        try:
            with transaction.atomic():
                _empty_tables()
                call_command("loaddata", str(fixture), verbosity=0)
                for name in media:
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    saved = default_storage.save(name, ContentFile(members[MEDIA_PREFIX + name]))
                    written.append(saved)
                    if saved != name:
                        raise BackupError(f"The storage saved {name} as {saved}.")
                counts = {
                    label: apps.get_model(label)._base_manager.count()
                    for label in manifest["objects"]
                }
                if counts != manifest["objects"]:
                    different = sorted(
                        label for label in counts if counts[label] != manifest["objects"].get(label)
                    )
                    raise BackupError(
                        "After loading, the number of objects differs from the archive's for "
                        f"{', '.join(different)}; nothing was restored."
                    )
        except Exception:
            for name in written:
                default_storage.delete(name)
            raise
    changed()  # every page and search result cached before the restore is stale
    return RestoreResult(objects=counts, media=media)
