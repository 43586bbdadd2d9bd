"""Writes to practice cases. Each service validates, runs in one transaction and logs.

Editing in the back office goes through Wagtail's own actions (publish, workflow, lock), which
check the editor's permissions; bulk imports come through here.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from cases.models import Case, CaseSource, Domain, EvidenceLevel, Outcome, TargetGroup
from municipalities.models import Municipality
from spaces.models import Space
from topics.models import Topic

logger = logging.getLogger(__name__)

IMPORT_OUTCOMES = {"success": Outcome.SUCCESS, "failure": Outcome.FAILURE, "mixed": Outcome.MIXED}
REQUIRED_TEXT = {"external_id": 100, "title": 200, "summary": None}
OPTIONAL_TEXT = [
    "context",
    "approach",
    "results",
    "lessons",
    "what_worked",
    "what_went_wrong",
    "courses_of_action",
]
OPTIONAL_LISTS = ["topics", "tags", "neighbourhoods", "domains", "target_groups", "sources"]
KNOWN_FIELDS = {
    *REQUIRED_TEXT,
    "outcome",
    *OPTIONAL_TEXT,
    *OPTIONAL_LISTS,
    "municipality",
    "space",
    "period_start",
    "period_end",
    "evidence_level",
    "example",
}


class CaseImportError(Exception):
    """The file was refused; `errors` says where and why. Nothing was changed."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class CaseImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass
class _Lookups:
    municipalities: dict[str, Municipality]
    topics: dict[str, Topic]
    spaces: dict[str, Space]
    domains: dict[str, Domain]
    target_groups: dict[str, TargetGroup]

    @classmethod
    def load(cls) -> _Lookups:
        return cls(
            municipalities={m.name.casefold(): m for m in Municipality.objects.all()},
            topics={t.name.casefold(): t for t in Topic.objects.all()},
            spaces={s.slug: s for s in Space.objects.all()},
            domains={d.slug: d for d in Domain.objects.all()},
            target_groups={
                key: g for g in TargetGroup.objects.all() for key in (g.slug, g.name.casefold())
            },
        )


def _checksum(item: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def validate_case_items(data: Any) -> list[str]:
    """Every problem in the file at once, each with the item number (1-based) and field."""
    if not isinstance(data, list):
        return ["Het bestand moet een JSON-lijst van praktijkvoorbeelden zijn: [ {...}, {...} ]."]
    if not data:
        return ["Het bestand bevat geen praktijkvoorbeelden."]
    lookups = _Lookups.load()
    errors: list[str] = []
    seen_ids: dict[str, int] = {}
    for number, item in enumerate(data, start=1):

        def error(field_name: str, message: str, number=number) -> None:
            errors.append(f"Item {number}, veld '{field_name}': {message}")

        if not isinstance(item, dict):
            errors.append(f"Item {number}: moet een object {{...}} zijn.")
            continue
        for unknown in sorted(set(item) - KNOWN_FIELDS):
            error(unknown, "onbekend veld.")
        for name, max_length in REQUIRED_TEXT.items():
            value = item.get(name)
            if not isinstance(value, str) or not value.strip():
                error(name, "is verplicht en moet tekst zijn.")
            elif max_length and len(value) > max_length:
                error(name, f"is te lang ({len(value)} tekens, maximaal {max_length}).")
        external_id = item.get("external_id")
        if isinstance(external_id, str) and external_id:
            if external_id in seen_ids:
                error(
                    "external_id", f"'{external_id}' staat ook al in item {seen_ids[external_id]}."
                )
            seen_ids.setdefault(external_id, number)
        if item.get("outcome") not in IMPORT_OUTCOMES:
            error(
                "outcome",
                f"{item.get('outcome')!r} is geen geldige uitkomst; "
                "kies success, failure of mixed.",
            )
        for name in OPTIONAL_TEXT:
            if name in item and not isinstance(item[name], str):
                error(name, "moet tekst zijn.")
        went_wrong = item.get("what_went_wrong", "")
        if item.get("outcome") in ("failure", "mixed") and not (
            isinstance(went_wrong, str) and went_wrong.strip()
        ):
            # The same rule as in the back office: a failure without its story helps nobody.
            error("what_went_wrong", "is verplicht bij outcome failure of mixed.")
        for name in OPTIONAL_LISTS:
            if name in item and not isinstance(item[name], list):
                error(name, "moet een lijst zijn.")
        municipality = item.get("municipality")
        if municipality not in (None, ""):
            if not isinstance(municipality, str):
                error("municipality", "moet de naam van een gemeente zijn.")
            elif municipality.casefold() not in lookups.municipalities:
                error("municipality", f"gemeente '{municipality}' is onbekend.")
        for name, table, what in (
            ("topics", lookups.topics, "thema"),
            ("domains", lookups.domains, "domein"),
            ("target_groups", lookups.target_groups, "doelgroep"),
        ):
            values = item.get(name, [])
            if isinstance(values, list):
                for value in values:
                    key = value.casefold() if isinstance(value, str) else None
                    if key is None or (key not in table and value not in table):
                        error(name, f"{what} {value!r} is onbekend.")
        tags = item.get("tags", [])
        if isinstance(tags, list) and not all(isinstance(t, str) and t.strip() for t in tags):
            error("tags", "elk trefwoord moet tekst zijn.")
        neighbourhoods = item.get("neighbourhoods", [])
        if isinstance(neighbourhoods, list) and not all(isinstance(n, str) for n in neighbourhoods):
            error("neighbourhoods", "elke wijk moet tekst zijn.")
        sources = item.get("sources", [])
        if isinstance(sources, list):
            for source in sources:
                if not isinstance(source, dict) or not isinstance(source.get("title"), str):
                    error("sources", "elke bron is een object met 'title' en eventueel 'url'.")
        space = item.get("space")
        if space not in (None, "") and space not in lookups.spaces:
            error("space", f"ruimte '{space}' bestaat niet.")
        for name in ("period_start", "period_end"):
            value = item.get(name)
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2100
            ):
                error(name, "moet een jaartal zijn, bijvoorbeeld 2020.")
        start, end = item.get("period_start"), item.get("period_end")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            error("period_end", "ligt voor period_start.")
        level = item.get("evidence_level")
        if level is not None and level not in EvidenceLevel.values:
            error(
                "evidence_level",
                f"{level!r} is onbekend; kies uit {', '.join(EvidenceLevel.values)}.",
            )
        if "example" in item and not isinstance(item["example"], bool):
            error("example", "moet true of false zijn.")
    return errors


@transaction.atomic
def case_import(*, data: Any, user: AbstractBaseUser | None = None) -> CaseImportReport:
    """Import cases from another collection. All or nothing; imported cases are live.

    Re-importing an `external_id` updates that case (a new published revision); an item that
    did not change since its last import is left alone.
    """
    errors = validate_case_items(data)
    if errors:
        raise CaseImportError(errors)
    lookups = _Lookups.load()
    report = CaseImportReport()
    for item in data:
        checksum = _checksum(item)
        case = Case.objects.filter(external_id=item["external_id"]).first()
        if case is not None and case.import_checksum == checksum:
            report.unchanged.append(case.external_id)
            continue
        is_new = case is None
        if is_new:
            case = Case(external_id=item["external_id"], live=False)
        _apply_item(case, item, lookups)
        case.import_checksum = checksum
        case.save()
        case.save_revision(user=user, log_action=True).publish(user=user)
        (report.created if is_new else report.updated).append(case.external_id)
    logger.info(
        "Imported cases: %d new, %d updated, %d unchanged (by %s)",
        len(report.created),
        len(report.updated),
        len(report.unchanged),
        user or "command line",
    )
    return report


def _apply_item(case: Case, item: dict[str, Any], lookups: _Lookups) -> None:
    case.title = item["title"].strip()
    case.summary = item["summary"].strip()
    case.outcome = IMPORT_OUTCOMES[item["outcome"]]
    for name in OPTIONAL_TEXT:
        setattr(case, name, item.get(name, "").strip())
    municipality = item.get("municipality")
    case.municipality = lookups.municipalities[municipality.casefold()] if municipality else None
    case.space = lookups.spaces[item["space"]] if item.get("space") else None
    case.neighbourhoods = ", ".join(n.strip() for n in item.get("neighbourhoods", []))
    case.period_start = item.get("period_start")
    case.period_end = item.get("period_end")
    case.evidence_level = item.get("evidence_level", EvidenceLevel.PRACTICE)
    case.is_example = item.get("example", False)
    case.topics.set([lookups.topics[name.casefold()] for name in item.get("topics", [])])
    case.domains.set([lookups.domains[slug] for slug in item.get("domains", [])])
    case.target_groups.set(
        [
            lookups.target_groups.get(g) or lookups.target_groups[g.casefold()]
            for g in item.get("target_groups", [])
        ]
    )
    case.tags.set([tag.strip() for tag in item.get("tags", [])])
    case.sources = [
        CaseSource(title=source["title"], url=source.get("url") or "", sort_order=order)
        for order, source in enumerate(item.get("sources", []))
    ]
