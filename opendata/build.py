"""Writing the open data set: one CSV and one JSON file per resource, plus a manifest.

Run off the request path (`manage.py build_open_data`, daily by a timer, or the task in
`opendata/tasks.py`). Files are written under a temporary name and moved into place, so a
download never gets half a file; the manifest (when, how many rows, how big) is written last.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from opendata.dataset import FORMATS, LICENCE_URL, RESOURCES, Resource

logger = logging.getLogger(__name__)

MANIFEST = "manifest.json"


def directory() -> Path:
    return Path(settings.MEDIA_ROOT) / "opendata"


@dataclass(frozen=True)
class BuiltFile:
    resource: Resource
    format: str
    size: int
    rows: int

    @property
    def filename(self) -> str:
        return self.resource.filename(self.format)

    @property
    def media_type(self) -> str:
        return FORMATS[self.format]


def _atomic_write(path: Path, write) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".bouw-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.stat().st_size


def _write_resource(resource: Resource, built_at: str, folder: Path) -> dict:
    # One pass over the rows; both files are written from the same values.
    items = []
    lines = []
    for obj in resource.rows():
        items.append({f.name: f.json_value(obj) for f in resource.fields})
        lines.append([f.csv_value(obj) for f in resource.fields])

    def write_csv(handle):
        writer = csv.writer(handle, lineterminator="\r\n")  # RFC 4180
        writer.writerow(resource.columns)
        writer.writerows(lines)

    def write_json(handle):
        json.dump(
            {
                "dataset": resource.slug,
                "titel": str(resource.title),
                "licentie": LICENCE_URL,
                "bron": settings.SITE_NAME,
                "gemaaktOp": built_at,
                "aantal": len(items),
                "items": items,
            },
            handle,
            ensure_ascii=False,
            indent=1,
        )

    sizes = {
        "csv": _atomic_write(folder / resource.filename("csv"), write_csv),
        "json": _atomic_write(folder / resource.filename("json"), write_json),
    }
    return {"rows": len(items), "sizes": sizes}


def build_open_data() -> dict:
    """Write every resource's files and then the manifest; returns the manifest."""
    folder = directory()
    built_at = timezone.now().replace(microsecond=0).isoformat()
    manifest = {"gemaaktOp": built_at, "resources": {}}
    for resource in RESOURCES:
        manifest["resources"][resource.slug] = _write_resource(resource, built_at, folder)
    _atomic_write(folder / MANIFEST, lambda handle: json.dump(manifest, handle, indent=1))
    logger.info(
        "Open data built: %s",
        ", ".join(f"{slug} {r['rows']}" for slug, r in manifest["resources"].items()),
    )
    return manifest


def read_manifest() -> dict | None:
    """The last build's manifest, or None when the data set has not been built yet."""
    try:
        manifest = json.loads((directory() / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return manifest


def built_files(manifest: dict) -> list[BuiltFile]:
    found = []
    for resource in RESOURCES:
        entry = manifest["resources"].get(resource.slug)
        if entry is None:
            continue
        for fmt in FORMATS:
            found.append(BuiltFile(resource, fmt, entry["sizes"][fmt], entry["rows"]))
    return found
