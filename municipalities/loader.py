"""Loading the list of Dutch municipalities (`municipalities/data/`) into the database.

Used by the data migration (with the historical models) and by `manage.py
update_municipalities` (with the real ones), so a fresh install and an update after a merger
follow the same rules:

- a municipality is found by its CBS code, else by its name; its name, slug and province follow
  the list;
- a merger (`samenvoegingen.csv`): whatever pointed at the old municipality (cases,
  wijkschakelaars, dialogues) now points at the new one, the old row goes, and its code and name
  stay as aliases, so old links and imports keep working;
- other names in common use (`alternatieve_namen.csv`) become aliases.
"""

from __future__ import annotations

import csv
import datetime
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITIES_FILE = DATA_DIR / "gemeenten.csv"
MERGERS_FILE = DATA_DIR / "samenvoegingen.csv"
OTHER_NAMES_FILE = DATA_DIR / "alternatieve_namen.csv"

OLD_CODE, OLD_NAME, OTHER_NAME = "oude_code", "oude_naam", "andere_naam"


def name_key(text: str) -> str:
    """A name as compared: no case, accents, apostrophe kinds or extra spaces."""
    text = text.replace("’", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().split())


def alias_key(kind: str, text: str) -> str:
    return text.strip().casefold() if kind == OLD_CODE else name_key(text)


def slug_for(name: str) -> str:
    return slugify(name.replace("'s-", "s-").replace("’s-", "s-"))


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file (comma or semicolon); lines starting with # are comments
    (our files give their source and date there)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    delimiter = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
    return [
        {key.strip(): (value or "").strip() for key, value in row.items() if key}
        for row in csv.DictReader(lines, delimiter=delimiter)
    ]


def read_cbs_file(path: Path) -> list[dict[str, str]]:
    """Our gemeenten.csv, or CBS's own download ("Gemeenten alfabetisch": GemeentecodeGM,
    Gemeentenaam, Provincienaam), as rows with cbs_code, naam and provincie."""
    rows = read_rows(path)
    if rows and "GemeentecodeGM" in rows[0]:
        return [
            {
                "cbs_code": row["GemeentecodeGM"],
                "naam": row["Gemeentenaam"],
                "provincie": row.get("Provincienaam", ""),
            }
            for row in rows
        ]
    return rows


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    aliases: int = 0

    def __str__(self) -> str:
        return (
            f"{len(self.created)} gemeenten nieuw, {len(self.updated)} bijgewerkt, "
            f"{len(self.merged)} samengevoegd, {self.aliases} andere namen en codes."
        )


def load(
    municipality_model,
    alias_model,
    municipalities: list[dict[str, str]],
    mergers: list[dict[str, str]],
    other_names: list[dict[str, str]],
) -> Report:
    """Bring the database in line with the lists. Idempotent."""
    report = Report()
    manager = municipality_model._base_manager
    by_code = {m.cbs_code: m for m in manager.all()}
    by_name = {name_key(m.name): m for m in by_code.values()}
    new_codes = {row["cbs_code"] for row in municipalities}

    # Mergers first: the old rows make way for the new ones (whose names may be taken).
    for row in mergers:
        old = by_code.get(row["oude_code"])
        if old is None or row["oude_code"] in new_codes:
            continue
        target_row = next((r for r in municipalities if r["cbs_code"] == row["nieuwe_code"]), None)
        if target_row is None:
            continue
        target = by_code.get(row["nieuwe_code"])
        if target is None:
            target = _save(
                manager, municipality_model(cbs_code=row["nieuwe_code"]), target_row, report
            )
            by_code[target.cbs_code] = target
        _move_references(municipality_model, alias_model, old, target)
        old.delete()
        by_code.pop(old.cbs_code, None)
        by_name.pop(name_key(old.name), None)
        report.merged.append(f"{row['oude_naam']} ({row['oude_code']}) → {target_row['naam']}")

    for row in municipalities:
        municipality = by_code.get(row["cbs_code"]) or by_name.get(name_key(row["naam"]))
        if municipality is None:
            municipality = _save(manager, municipality_model(), row, report)
            report.created.append(row["naam"])
        elif (municipality.cbs_code, municipality.name, municipality.province) != (
            row["cbs_code"],
            row["naam"],
            row.get("provincie", ""),
        ):
            _save(manager, municipality, row, report)
            report.updated.append(row["naam"])
        by_code[row["cbs_code"]] = municipality

    wanted = []
    for row in mergers:
        if row["nieuwe_code"] in by_code and row["oude_code"] not in new_codes:
            since = datetime.date.fromisoformat(row["datum"]) if row.get("datum") else None
            target = by_code[row["nieuwe_code"]]
            wanted.append((target, OLD_CODE, row["oude_code"], since))
            if name_key(row["oude_naam"]) not in by_name:
                wanted.append((target, OLD_NAME, row["oude_naam"], since))
    for row in other_names:
        if row["cbs_code"] in by_code:
            wanted.append((by_code[row["cbs_code"]], OTHER_NAME, row["naam"], None))
    for target, kind, text, since in wanted:
        _, created = alias_model._base_manager.update_or_create(
            key=alias_key(kind, text),
            defaults={"municipality": target, "kind": kind, "text": text, "since": since},
        )
        report.aliases += created
    return report


def _save(manager, municipality, row: dict[str, str], report: Report):
    municipality.cbs_code = row["cbs_code"]
    municipality.name = row["naam"]
    municipality.province = row.get("provincie", "")
    if not municipality.slug or municipality.slug != slug_for(row["naam"]):
        slug = slug_for(row["naam"])
        taken = manager.filter(slug=slug).exclude(pk=municipality.pk).exists()
        municipality.slug = f"{slug}-{row['cbs_code'].lower()}" if taken else slug
    municipality.save()
    return municipality


def _move_references(municipality_model, alias_model, old, new) -> None:
    """Everything that points at `old` points at `new` (found through the model's relations,
    so this app needs to know none of the apps above it)."""
    for relation in municipality_model._meta.related_objects:
        if relation.related_model is alias_model or relation.many_to_many:
            continue
        name = relation.field.name
        relation.related_model._base_manager.filter(**{name: old}).update(**{name: new})
    alias_model._base_manager.filter(municipality=old).update(municipality=new)


def load_files(municipality_model, alias_model, municipalities_file: Path | None = None):
    return load(
        municipality_model,
        alias_model,
        read_cbs_file(municipalities_file or MUNICIPALITIES_FILE),
        read_rows(MERGERS_FILE),
        read_rows(OTHER_NAMES_FILE),
    )
