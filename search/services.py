"""Site search: ranked, Dutch-aware, faceted, and always starting from `visible_to(user)`.

The engine is modelsearch (Wagtail's search): SQLite FTS5 or PostgreSQL full text. What it lacks,
this module adds in a thin layer: Dutch terms (search/analysis.py), facets over the matching
visible cases, highlighted snippets (search/highlight.py) and "did you mean" (search/suggest.py).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache
from django.http import QueryDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from cases.filters import CaseFilter
from cases.models import Case
from connectors.models import Connector
from dialogues.models import Statement
from search import state as search_state
from search.analysis import terms
from search.engine import MAX_QUERY_LENGTH, ranked_ids, search_terms
from search.facets import FACETS, Facet, FacetOption, from_bits, to_bits
from search.facets import facet_index as facets_for
from search.highlight import best_text, highlight
from search.suggest import correct
from topics.models import Topic


@dataclass
class Hit:
    case: Case
    snippet: SafeString


# The kinds of content search finds, as the `soort` parameter names them. Adding a kind: a
# searchable model (search_fields with DutchSearchField), a line here and its block on the page.
KINDS = {
    "praktijkvoorbeeld": _("Praktijkvoorbeeld"),
    "thema": _("Thema"),
    "stelling": _("Stelling uit een dialoog"),
    "wijkschakelaar": _("Wijkschakelaar"),
}
MAX_TOPIC_HITS = 5
MAX_STATEMENT_HITS = 5
MAX_CONNECTOR_HITS = 5
MAX_CACHED_MATCHES = 500_000
MATCHES_CACHE_SECONDS = 60 * 60


class CaseResults(Sequence):
    """Cases by primary key, in the given order, loaded a page at a time.

    Paginators slice it; a slice loads its cases through `visible_to(user)` again, so a case
    hidden since the ids were gathered is left out rather than shown.
    """

    def __init__(self, user, ids: list[int]):
        self.user = user
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        keys = self.ids[index]
        if not keys:
            return []
        cases = Case.objects.visible_to(self.user).with_card_data().in_bulk(keys)
        return [cases[key] for key in keys if key in cases]


@dataclass
class Matches:
    """What the words find among what a visitor may see: cases best first (newest first
    without words), up to MAX_TOPIC_HITS topics and MAX_STATEMENT_HITS dialogue statements
    best first, as primary keys."""

    case_ids: list[int]
    case_bits: int
    topic_ids: list[int]
    statement_ids: list[int]
    connector_ids: list[int]


def find(user, query: str, token: str) -> Matches:
    """The visible matches for `query`; for anonymous visitors (all alike) from the cache.

    One query ranks every visible matching case; facets and counts come from that list, so the
    words are matched once per request, or once per search state for anonymous visitors.
    """
    analysed = search_terms(query)
    key = f"search:matches:{token}:{hashlib.sha256(analysed.encode()).hexdigest()}"
    shared = not getattr(user, "is_authenticated", False)
    if shared and (cached := cache.get(key)) is not None:
        case_ids, case_bits, *others = cached
        return Matches(array("q", case_ids).tolist(), case_bits, *others)
    visible = Case.objects.visible_to(user)
    if analysed:
        case_ids = ranked_ids(visible, query)
        topic_ids = ranked_ids(Topic.objects.visible_to(user), query)[:MAX_TOPIC_HITS]
        statements = Statement.objects.visible_to(user)
        statement_ids = ranked_ids(statements, query)[:MAX_STATEMENT_HITS]
        connectors = Connector.objects.visible_to(user)
        connector_ids = ranked_ids(connectors, query)[:MAX_CONNECTOR_HITS]
    else:
        case_ids = list(visible.recent().values_list("pk", flat=True))
        topic_ids, statement_ids, connector_ids = [], [], []
    matches = Matches(case_ids, to_bits(case_ids), topic_ids, statement_ids, connector_ids)
    if shared and len(case_ids) <= MAX_CACHED_MATCHES:
        case_bytes = array("q", case_ids).tobytes()
        stored = (case_bytes, matches.case_bits, topic_ids, statement_ids, connector_ids)
        cache.set(key, stored, timeout=MATCHES_CACHE_SECONDS)
    return matches


@dataclass
class BesideCases:
    """Topics, dialogue statements and wijkschakelaars that match, beside the cases."""

    topics: list[Topic]
    statements: list[Statement]
    connectors: list[Connector]

    def __bool__(self) -> bool:
        return bool(self.topics or self.statements or self.connectors)


@dataclass
class CaseSearch:
    user: object
    query: str
    filterset: CaseFilter
    facets: list[Facet]
    chosen_kinds: set[str]
    matches: Matches
    case_ids: list[int]
    token: str

    @property
    def kinds(self) -> set[str]:
        return self.chosen_kinds or set(KINDS)

    def beside_cases(self, first_page: bool) -> BesideCases:
        """The other kinds that match the words, shown beside the cases on the first page;
        none when cases-only filters are chosen or their kind is not."""
        case_filters = any(self.filterset.data.getlist(name) for name in self.filterset.filters)
        shown = first_page and self.has_terms and not case_filters

        def matching(kind: str, queryset, ids: list[int]) -> list:
            if not shown or kind not in self.kinds:
                return []
            found = queryset.in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]

        statements = matching(
            "stelling",
            Statement.objects.visible_to(self.user).select_related("dialogue"),
            self.matches.statement_ids,
        )
        query_terms = set(terms(self.query))
        for statement in statements:
            statement.snippet = highlight(statement.text, query_terms)
        return BesideCases(
            topics=matching("thema", Topic.objects.visible_to(self.user), self.matches.topic_ids),
            statements=statements,
            connectors=matching(
                "wijkschakelaar",
                Connector.objects.visible_to(self.user).select_related("municipality"),
                self.matches.connector_ids,
            ),
        )

    def kind_facet(self, case_count: int, beside: BesideCases) -> Facet:
        counts = {
            "praktijkvoorbeeld": case_count,
            "thema": len(beside.topics),
            "stelling": len(beside.statements),
            "wijkschakelaar": len(beside.connectors),
        }
        options = [
            FacetOption(kind, str(label), counts[kind], kind in self.chosen_kinds)
            for kind, label in KINDS.items()
            if counts[kind] or kind in self.chosen_kinds
        ]
        return Facet("soort", _("Soort"), options)

    @property
    def has_terms(self) -> bool:
        return bool(search_terms(self.query))

    def suggestion(self) -> str | None:
        """A corrected query that does find something (ask only when this one finds nothing)."""
        if not self.has_terms:
            return None
        corrected = correct(self.query, self.token)
        if corrected and find(self.user, corrected, self.token).case_ids:
            return corrected
        return None

    @property
    def results(self) -> CaseResults:
        """The matching cases with the filters, best first (newest first without words)."""
        if "praktijkvoorbeeld" not in self.kinds:
            return CaseResults(self.user, [])
        return CaseResults(self.user, self.case_ids)

    def hits(self, cases) -> list[Hit]:
        query_terms = set(terms(self.query))
        hits = []
        for case in cases:
            texts = [
                case.summary,
                case.what_went_wrong,
                case.what_worked,
                case.approach,
                case.context,
                case.results,
                case.lessons,
            ]
            hits.append(Hit(case, highlight(best_text(texts, query_terms), query_terms)))
        return hits


def _chosen_values(filterset: CaseFilter) -> dict[str, set[str]]:
    """The filter values that narrow the results: the valid ones, as facet values."""
    if not filterset.is_bound or not filterset.form.is_valid():
        return {}
    chosen = {}
    for name, value in filterset.form.cleaned_data.items():
        if name in FACETS and value:
            chosen[name] = {getattr(item, "slug", item) for item in value}
    return chosen


def search_cases(*, user, data: QueryDict) -> CaseSearch:
    """The cases `user` may see that match the words in `data["q"]` and its filters."""
    query = (data.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    filter_data = data.copy()
    filter_data.pop("q", None)  # the words are searched, not filtered on
    chosen_kinds = set(filter_data.pop("soort", [])) & set(KINDS)
    filterset = CaseFilter(filter_data, queryset=Case.objects.visible_to(user))
    token = search_state.token()
    matches = find(user, query, token)
    facet_index = facets_for(token)
    chosen = _chosen_values(filterset)
    shown = {name: set(filter_data.getlist(name)) for name in FACETS}
    case_ids = matches.case_ids
    if chosen:
        keep = from_bits(facet_index.narrowed(matches.case_bits, chosen))
        case_ids = [pk for pk in case_ids if pk in keep]
    return CaseSearch(
        user=user,
        query=query,
        filterset=filterset,
        facets=facet_index.facets(matches.case_bits, chosen, shown),
        chosen_kinds=chosen_kinds,
        matches=matches,
        case_ids=case_ids,
        token=token,
    )


def autocomplete(*, user, prefix: str, limit: int) -> list[str]:
    """Topic names and titles of visible cases for what someone is typing."""
    prefix = prefix.strip()[:MAX_QUERY_LENGTH]
    if len(prefix) < 2:
        return []
    topics = Topic.objects.visible_to(user).autocomplete(prefix, operator="and")
    cases = Case.objects.visible_to(user).autocomplete(prefix, operator="and")
    names = [topic.name for topic in topics[:limit]]
    names += [case.title for case in cases[: limit - len(names)]]
    return names
