"""Facet counts over a set of matching cases, from bitsets in memory.

Counting in the database means one GROUP BY per facet over every match: about 2 s for a word in
most of 100,000 cases. Here each facet value holds the set of cases that have it as a Python
integer used as a bitset (bit n = case with primary key n), built once per process and content
state (core/state.py). A count is then `(matches & value).bit_count()`: microseconds.

The bitsets say which cases *have* a value, hidden ones included; they are only ever combined
with matches that came from `visible_to(user)`, so hidden cases count nowhere.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from cases.models import Case, Domain, EvidenceLevel, Outcome, TaggedCase, TargetGroup
from municipalities.models import Municipality
from topics.models import Topic

# The case filters, in the order the page shows them, with their labels.
FACETS = {
    "thema": _("Thema"),
    "uitkomst": _("Uitkomst"),
    "faalpatroon": _("Faalpatroon"),
    "gemeente": _("Gemeente"),
    "domein": _("Betrokken domein"),
    "doelgroep": _("Doelgroep"),
    "bewijsniveau": _("Bewijsniveau"),
    "tag": _("Trefwoord"),
}
MAX_TAGS = 20


def pattern_models() -> tuple[type[models.Model], type[models.Model]]:
    """The failure patterns app's link and pattern models (`CasePattern`, `FailurePattern`).

    That app stands above cases (it declares the link, `Case.pattern_links`), so cases reach
    it through that relation instead of importing it (docs/architecture.md, the floors)."""
    link = Case._meta.get_field("pattern_links").related_model
    return link, link._meta.get_field("pattern").related_model


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


def to_bits(ids: Iterable[int]) -> int:
    """A bitset with bit n set for every n in `ids`."""
    ids = ids if isinstance(ids, list) else list(ids)
    if not ids:
        return 0
    buffer = bytearray((max(ids) >> 3) + 1)
    for n in ids:
        buffer[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buffer, "little")


def from_bits(bits: int) -> set[int]:
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    return {
        index * 8 + bit
        for index, byte in enumerate(data)
        if byte
        for bit in range(8)
        if byte >> bit & 1
    }


@dataclass
class FacetIndex:
    """Per facet: its values in display order, their labels and their bitsets."""

    token: str
    order: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    bits: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def build(cls, token: str) -> FacetIndex:
        index = cls(token)
        members: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in FACETS}
        for pk, outcome, evidence, municipality in Case.objects.order_by().values_list(
            "pk", "outcome", "evidence_level", "municipality_id"
        ):
            members["uitkomst"][outcome].append(pk)
            members["bewijsniveau"][evidence].append(pk)
            if municipality is not None:
                members["gemeente"][municipality].append(pk)
        case_pattern, failure_pattern = pattern_models()
        links = {
            "thema": Case.topics.through.objects.values_list("topic_id", "case_id"),
            "domein": Case.domains.through.objects.values_list("domain_id", "case_id"),
            "doelgroep": Case.target_groups.through.objects.values_list(
                "targetgroup_id", "case_id"
            ),
            "tag": TaggedCase.objects.values_list("tag_id", "content_object_id"),
            # A failure pattern's cases are those where it played, not those that avoided it
            # (a success that shows how to prevent it): its facet finds where things went wrong.
            "faalpatroon": case_pattern.objects.filter(avoided=False).values_list(
                "pattern_id", "case_id"
            ),
        }
        for name, rows in links.items():
            for term, pk in rows:
                members[name][term].append(pk)
        terms = {
            "thema": Topic.objects.order_by("sort_order", "name"),
            "faalpatroon": failure_pattern.objects.order_by("sort_order", "name"),
            "gemeente": Municipality.objects.order_by("name"),
            "domein": Domain.objects.order_by("sort_order", "name"),
            "doelgroep": TargetGroup.objects.order_by("sort_order", "name"),
            "tag": Tag.objects.order_by("name"),
        }
        for name, queryset in terms.items():
            rows = list(queryset.values_list("pk", "slug", "name"))
            index.order[name] = [slug for _pk, slug, _name in rows]
            index.labels[name] = {slug: label for _pk, slug, label in rows}
            index.bits[name] = {slug: to_bits(members[name].get(pk, [])) for pk, slug, _ in rows}
        choices = {"uitkomst": Outcome.choices, "bewijsniveau": EvidenceLevel.choices}
        for name, options in choices.items():
            index.order[name] = [value for value, _label in options]
            index.labels[name] = {value: str(label) for value, label in options}
            index.bits[name] = {
                value: to_bits(members[name].get(value, [])) for value in index.order[name]
            }
        return index

    def narrowed(self, matches: int, chosen: dict[str, set[str]], excluding: str | None = None):
        """`matches` narrowed by the chosen values: OR within a facet, AND across facets."""
        for name, values in chosen.items():
            if name != excluding and values:
                either = 0
                for value in values:
                    either |= self.bits[name].get(value, 0)
                matches &= either
        return matches

    def facets(self, matches: int, chosen: dict[str, set[str]], shown: dict[str, set[str]]):
        """The facets beside a result list, each counted over the matches narrowed by the
        *other* facets' chosen values. `shown` are the values in the URL (kept visible, even
        at 0 or when unknown)."""
        facets = []
        for name, label in FACETS.items():
            base = self.narrowed(matches, chosen, excluding=name)
            selected = shown.get(name, set())
            options = []
            for value in self.order[name]:
                count = (base & self.bits[name][value]).bit_count()
                if count or value in selected:
                    # A chosen value that was refused (e.g. a tag of hidden cases only) shows
                    # as typed, like one that does not exist: its name would tell too much.
                    known = count or value in chosen.get(name, ())
                    shown_as = self.labels[name][value] if known else value
                    options.append(FacetOption(value, shown_as, count, value in selected))
            if name == "tag":
                options.sort(key=lambda option: (-option.count, option.label))
                options = options[:MAX_TAGS] + [
                    option for option in options[MAX_TAGS:] if option.selected
                ]
            known = {option.value for option in options}
            options += [FacetOption(value, value, 0, True) for value in sorted(selected - known)]
            if options:
                facets.append(Facet(name, label, options))
        return facets


_lock = threading.Lock()
_current: FacetIndex | None = None


def facet_index(token: str) -> FacetIndex:
    """This process's facet index for the content state `token`, built when it changed."""
    global _current
    with _lock:
        if _current is None or _current.token != token:
            _current = FacetIndex.build(token)
        return _current


def forget() -> None:
    """Drop this process's facet index (tests start each with none)."""
    global _current
    with _lock:
        _current = None
