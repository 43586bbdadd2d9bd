"""Writes to practice cases. Each service validates, runs in one transaction and logs.

Editing in the back office goes through Wagtail's own actions (publish, workflow, lock), which
check the editor's permissions; bulk imports come through here.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.search import index

from cases.models import (
    Case,
    CaseSource,
    Domain,
    EvidenceLevel,
    InterventionDatabank,
    InterventionRelation,
    Outcome,
    TaggedCase,
    TargetGroup,
)
from core import state as content_state
from municipalities.loader import name_key
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
# A recognised intervention: an object in the file, its parts by these names.
INTERVENTION = "recognised_intervention"
INTERVENTION_PARTS = {
    "databank": "intervention_databank",
    "name": "intervention_name",
    "url": "intervention_url",
    "relation": "intervention_relation",
    "level": "intervention_level",
    "recognised_on": "intervention_recognised_on",
}
IMPORT_RELATIONS = {
    "applies": InterventionRelation.APPLIES,
    "resembles": InterventionRelation.RESEMBLES,
}
# The file's names for the model fields whose name differs.
MODEL_TO_FILE = {
    "is_example": "example",
    **{model: f"{INTERVENTION}.{part}" for part, model in INTERVENTION_PARTS.items()},
}
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
    INTERVENTION,
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
    databanks: dict[str, InterventionDatabank]

    def municipality(self, text: str) -> Municipality | None:
        """By name, a name in common use ("Den Haag"), or a CBS code, old codes included."""
        return self.municipalities.get(name_key(text)) or self.municipalities.get(
            text.strip().casefold()
        )

    @classmethod
    def load(cls) -> _Lookups:
        return cls(
            municipalities=Municipality.objects.lookup_table(),
            topics={t.name.casefold(): t for t in Topic.objects.all()},
            spaces={s.slug: s for s in Space.objects.all()},
            domains={d.slug: d for d in Domain.objects.all()},
            target_groups={
                key: g for g in TargetGroup.objects.all() for key in (g.slug, g.name.casefold())
            },
            databanks={d.slug: d for d in InterventionDatabank.objects.all()},
        )


def _checksum(item: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def validate_case_items(data: Any) -> list[str]:
    """Every problem in the file at once, each with the item number (1-based) and field.

    An item is first checked as JSON (types, known names, no external_id twice); what is well
    formed is then put on a case and validated by the model, so that an imported case obeys
    the same rules as one written in the back office.
    """
    if not isinstance(data, list):
        return ["Het bestand moet een JSON-lijst van praktijkvoorbeelden zijn: [ {...}, {...} ]."]
    if not data:
        return ["Het bestand bevat geen praktijkvoorbeelden."]
    lookups = _Lookups.load()
    errors: list[str] = []
    seen_ids: dict[str, int] = {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            errors.append(f"Item {number}: moet een object {{...}} zijn.")
            continue
        problems = _format_problems(item, lookups, seen_ids, number)
        well_formed = {name: value for name, value in item.items() if name not in problems}
        for name, message in _model_problems(well_formed, lookups):
            problems.setdefault(name, []).append(message)
        errors += [
            f"Item {number}, veld '{name}': {message}"
            for name, messages in problems.items()
            for message in messages
        ]
    return errors


def _format_problems(
    item: dict[str, Any], lookups: _Lookups, seen_ids: dict[str, int], number: int
) -> dict[str, list[str]]:
    """What is wrong with an item as JSON, by field: types, names and references."""
    problems: dict[str, list[str]] = {}

    def error(field_name: str, message: str) -> None:
        problems.setdefault(field_name, []).append(message)

    for unknown in sorted(set(item) - KNOWN_FIELDS):
        error(unknown, "onbekend veld.")
    for name in REQUIRED_TEXT:
        if not isinstance(item.get(name), str):
            error(name, "is verplicht en moet tekst zijn.")
    # The external_id is what a re-import matches on; a case in the back office has none.
    external_id = item.get("external_id")
    if isinstance(external_id, str) and not external_id.strip():
        error("external_id", "is verplicht en moet tekst zijn.")
    elif isinstance(external_id, str):
        if external_id in seen_ids:
            error("external_id", f"'{external_id}' staat ook al in item {seen_ids[external_id]}.")
        seen_ids.setdefault(external_id, number)
    if item.get("outcome") not in IMPORT_OUTCOMES:
        error(
            "outcome",
            f"{item.get('outcome')!r} is geen geldige uitkomst; kies success, failure of mixed.",
        )
    for name in OPTIONAL_TEXT:
        if name in item and not isinstance(item[name], str):
            error(name, "moet tekst zijn.")
    for name in OPTIONAL_LISTS:
        if name in item and not isinstance(item[name], list):
            error(name, "moet een lijst zijn.")
    _reference_problems(item, lookups, error)
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
            elif not isinstance(source.get("url") or "", str):
                error("sources", "het webadres van een bron moet tekst zijn.")
    for name in ("period_start", "period_end"):
        value = item.get(name)
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2100
        ):
            error(name, "moet een jaartal zijn, bijvoorbeeld 2020.")
    if "example" in item and not isinstance(item["example"], bool):
        error("example", "moet true of false zijn.")
    _intervention_problems(item.get(INTERVENTION), lookups, error)
    return problems


def _intervention_problems(value: Any, lookups: _Lookups, error) -> None:
    """The recognised intervention as JSON: an object with known parts of the right type. Its
    rules (all or nothing, no date in the future, ...) are the model's."""
    if value is None:
        return
    if not isinstance(value, dict):
        error(INTERVENTION, 'moet een object zijn: {"databank": ..., "name": ..., ...}.')
        return
    for unknown in sorted(set(value) - set(INTERVENTION_PARTS)):
        error(INTERVENTION, f"onbekend onderdeel '{unknown}'.")
    for part in ("databank", "name", "url", "level", "recognised_on", "relation"):
        if part in value and value[part] is not None and not isinstance(value[part], str):
            error(INTERVENTION, f"'{part}' moet tekst zijn.")
    databank = value.get("databank")
    if isinstance(databank, str) and databank and databank not in lookups.databanks:
        known = ", ".join(sorted(lookups.databanks)) or "geen"
        error(INTERVENTION, f"databank '{databank}' is onbekend (bekend: {known}).")
    relation = value.get("relation")
    if isinstance(relation, str) and relation and relation not in IMPORT_RELATIONS:
        error(INTERVENTION, f"'relation' is {relation!r}; kies applies of resembles.")
    recognised_on = value.get("recognised_on")
    if isinstance(recognised_on, str) and recognised_on and _date(recognised_on) is None:
        error(INTERVENTION, "'recognised_on' moet een datum zijn als 2021-03-12.")


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _reference_problems(item: dict[str, Any], lookups: _Lookups, error) -> None:
    """Municipality, space, topics, domains and target groups must exist."""
    municipality = item.get("municipality")
    if municipality not in (None, ""):
        if not isinstance(municipality, str):
            error("municipality", "moet de naam van een gemeente zijn.")
        elif lookups.municipality(municipality) is None:
            error(
                "municipality",
                f"gemeente '{municipality}' is onbekend (gebruik de naam of de CBS-code, "
                "bijvoorbeeld 'Den Haag' of 'GM0518').",
            )
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
    space = item.get("space")
    if space not in (None, "") and space not in lookups.spaces:
        error("space", f"ruimte '{space}' bestaat niet.")


def _model_problems(item: dict[str, Any], lookups: _Lookups) -> list[tuple[str, str]]:
    """The model's own rules (Case and CaseSource: lengths, choices, clean) on the
    well-formed part of an item, as (field in the file, message)."""
    case = Case(external_id=item.get("external_id"))
    fields = _apply_fields(case, item, lookups) | {"external_id"}
    # Uniqueness is the import's own matter (external_id), and the slug is made on saving;
    # municipality and space were found among the existing rows.
    skip = {f.name for f in Case._meta.fields} - set(fields) | {
        "municipality",
        "space",
        "intervention_databank",
    }
    problems = _clean_problems(
        case, exclude=skip, validate_unique=False, validate_constraints=False
    )
    for source in _sources(item):
        problems += [
            ("sources", f"bron '{source.title}': {message}")
            for _name, message in _clean_problems(source, exclude={"case"})
        ]
    return problems


def _clean_problems(instance: Case | CaseSource, **options: Any) -> list[tuple[str, str]]:
    """The messages of the model's `full_clean(**options)`, by field in the file."""
    try:
        instance.full_clean(**options)
    except ValidationError as error:
        return [
            (MODEL_TO_FILE.get(name, name), message)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


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


def _apply_fields(case: Case, item: dict[str, Any], lookups: _Lookups) -> set[str]:
    """Put a well-formed item's values on the case's own fields (not the external_id, which
    a case keeps); the names of the fields that were set. A title, summary or outcome that
    is not in the item is not set, so that validation can skip it."""
    values: dict[str, Any] = {
        name: item[name].strip() for name in ("title", "summary") if name in item
    }
    if "outcome" in item:
        values["outcome"] = IMPORT_OUTCOMES[item["outcome"]]
    values.update({name: item.get(name, "").strip() for name in OPTIONAL_TEXT})
    municipality, space = item.get("municipality"), item.get("space")
    values["municipality"] = lookups.municipality(municipality) if municipality else None
    values["space"] = lookups.spaces[space] if space else None
    values["neighbourhoods"] = ", ".join(n.strip() for n in item.get("neighbourhoods", []))
    values["period_start"] = item.get("period_start")
    values["period_end"] = item.get("period_end")
    values["evidence_level"] = item.get("evidence_level", EvidenceLevel.PRACTICE)
    values["is_example"] = item.get("example", False)
    values.update(_intervention_values(item.get(INTERVENTION) or {}, lookups))
    for name, value in values.items():
        setattr(case, name, value)
    return set(values)


def _intervention_values(value: dict[str, Any], lookups: _Lookups) -> dict[str, Any]:
    """The model's fields for a well-formed recognised intervention (all empty without one)."""
    relation = value.get("relation") or ""
    recognised_on = value.get("recognised_on") or ""
    return {
        "intervention_databank": lookups.databanks.get(value.get("databank") or ""),
        "intervention_name": (value.get("name") or "").strip(),
        "intervention_url": (value.get("url") or "").strip(),
        "intervention_relation": IMPORT_RELATIONS.get(relation, relation),
        "intervention_level": value.get("level") or "",
        "intervention_recognised_on": _date(recognised_on) if recognised_on else None,
    }


def _sources(item: dict[str, Any]) -> list[CaseSource]:
    return [
        CaseSource(title=source["title"], url=source.get("url") or "", sort_order=order)
        for order, source in enumerate(item.get("sources", []))
    ]


def _apply_item(case: Case, item: dict[str, Any], lookups: _Lookups) -> None:
    """Put a valid item on the case: its fields, its lists and its sources."""
    _apply_fields(case, item, lookups)
    case.topics.set([lookups.topics[name.casefold()] for name in item.get("topics", [])])
    case.domains.set([lookups.domains[slug] for slug in item.get("domains", [])])
    case.target_groups.set(
        [
            lookups.target_groups.get(g) or lookups.target_groups[g.casefold()]
            for g in item.get("target_groups", [])
        ]
    )
    case.tags.set([tag.strip() for tag in item.get("tags", [])])
    case.sources = _sources(item)


# --- merging tags ----------------------------------------------------------------------------

MERGE_TAGS_PERMISSION = "cases.change_case"


@dataclass
class TagMergeReport:
    kept: Tag
    merged: list[str]
    cases: int  # cases that had one of the merged tags


def merge_tags(*, user: AbstractBaseUser, tags: list[Tag], keep: Tag) -> TagMergeReport:
    """Merge `tags` into `keep` ("buurthuizen" into "buurthuis"): every case with one of them
    gets `keep` instead (once), and the merged tags are removed.

    Tags are free words editors type, so the same idea ends up under several spellings and the
    tag filter splits its cases. Only editors who may change cases merge. Nothing changes when
    the choice is refused (ValidationError with a Dutch message)."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm(MERGE_TAGS_PERMISSION):
        raise PermissionDenied
    others = [tag for tag in tags if tag.pk != keep.pk]
    if not others:
        raise ValidationError(_("Kies ten minste één ander trefwoord om samen te voegen."))
    other_ids = [tag.pk for tag in others]
    with transaction.atomic():
        links = TaggedCase.objects.select_for_update().filter(tag_id__in=other_ids)
        case_ids = set(links.values_list("content_object_id", flat=True))
        has_kept = set(
            TaggedCase.objects.filter(tag=keep, content_object_id__in=case_ids).values_list(
                "content_object_id", flat=True
            )
        )
        # One link per case: re-point the first link of a case that lacks `keep`, drop the rest.
        repointed: set[int] = set()
        for link in links.order_by("pk"):
            case_id = link.content_object_id
            if case_id in has_kept or case_id in repointed:
                link.delete()
            else:
                TaggedCase.objects.filter(pk=link.pk).update(tag=keep)
                repointed.add(case_id)
        # Wagtail's images and documents share taggit's tags: a tag they still use stays.
        Tag.objects.filter(pk__in=other_ids, taggit_taggeditem_items__isnull=True).delete()
        # The links changed under the model signals: renew the content state token, and the
        # search index's keywords of the cases concerned.
        content_state.changed()
        for case in Case.objects.filter(pk__in=case_ids):
            index.insert_or_update_object(case)
    logger.info(
        "Tags %s merged into %r by %s: %d cases",
        ", ".join(repr(tag.name) for tag in others),
        keep.name,
        user.get_username(),
        len(case_ids),
    )
    return TagMergeReport(kept=keep, merged=[tag.name for tag in others], cases=len(case_ids))
