"""The one road from words and filters to matching cases: the case list, the site search,
`/api/v1/_zoek` and `/api/v1/praktijkvoorbeelden?q=` all take it.

One query ranks every visible matching case (textsearch.engine.ranked_ids); filters narrow that
list and facets count it through in-memory bitsets (cases/facets.py). For anonymous visitors,
who all see the same, the ranked list is kept in Django's cache under the content state token
(core/state.py), so a change in the database is seen at the next request on every server.
Logged-in users never get a cached list: what they see depends on who they are.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.http import QueryDict
from django.utils.safestring import SafeString

from cases.facets import FACETS, Facet, from_bits, to_bits
from cases.facets import facet_index as facets_for
from cases.filters import CaseFilter
from cases.models import Case
from core import state as content_state
from core.access import Visitor
from textsearch.analysis import terms
from textsearch.engine import MAX_QUERY_LENGTH, ranked_ids, search_terms
from textsearch.highlight import best_text, highlight

MAX_CACHED_MATCHES = 500_000
MATCHES_CACHE_SECONDS = 60 * 60


@dataclass
class Hit:
    case: Case
    snippet: SafeString


class CaseResults(Sequence):
    """Cases by primary key, in the given order, loaded a page at a time.

    Paginators slice it; a slice loads its cases through `visible_to(user)` again, so a case
    hidden since the ids were gathered is left out rather than shown.
    """

    def __init__(self, user: Visitor, ids: list[int]):
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
class CaseMatches:
    """The visible cases the words find, best first (newest first without words)."""

    ids: list[int]
    bits: int


def shared_cache_key(kind: str, query: str, token: str) -> str:
    """The cache key for what anonymous visitors get for `query`."""
    digest = hashlib.sha256(search_terms(query).encode()).hexdigest()
    return f"search:{kind}:{token}:{digest}"


def matching_cases(user: Visitor, query: str, token: str) -> CaseMatches:
    """The visible cases matching `query`; for anonymous visitors (all alike) from the cache."""
    key = shared_cache_key("cases", query, token)
    shared = not user.is_authenticated
    if shared and (cached := cache.get(key)) is not None:
        ids, bits = cached
        return CaseMatches(array("q", ids).tolist(), bits)
    visible = Case.objects.visible_to(user)
    if search_terms(query):
        ids = ranked_ids(visible, query)
    else:
        ids = list(visible.recent().values_list("pk", flat=True))
    matches = CaseMatches(ids, to_bits(ids))
    if shared and len(ids) <= MAX_CACHED_MATCHES:
        cache.set(key, (array("q", ids).tobytes(), matches.bits), timeout=MATCHES_CACHE_SECONDS)
    return matches


@dataclass
class CaseSearch:
    user: Visitor
    query: str
    filterset: CaseFilter
    facets: list[Facet]
    matches: CaseMatches
    case_ids: list[int]
    token: str

    @cached_property
    def has_terms(self) -> bool:
        return bool(search_terms(self.query))

    @property
    def results(self) -> CaseResults:
        """The matching cases with the filters, best first (newest first without words)."""
        return CaseResults(self.user, self.case_ids)

    @property
    def has_case_filters(self) -> bool:
        return any(self.filterset.data.getlist(name) for name in self.filterset.filters)

    def hits(self, cases) -> list[Hit]:
        """Each case with the piece of its text where the words stand, highlighted."""
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


def case_search(*, user: Visitor, data: QueryDict) -> CaseSearch:
    """The cases `user` may see that match the words in `data["q"]` and its filters."""
    query = (data.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    filter_data = CaseFilter.canonical(data)  # ?gemeente=GM0363 shows as the chosen Amsterdam
    filter_data.pop("q", None)  # the words are searched, not filtered on
    filterset = CaseFilter(filter_data, queryset=Case.objects.visible_to(user))
    token = content_state.token()
    matches = matching_cases(user, query, token)
    facet_index = facets_for(token)
    chosen = _chosen_values(filterset)
    shown = {name: set(filter_data.getlist(name)) for name in FACETS}
    case_ids = matches.ids
    if chosen:
        keep = from_bits(facet_index.narrowed(matches.bits, chosen))
        case_ids = [pk for pk in case_ids if pk in keep]
    return CaseSearch(
        user=user,
        query=query,
        filterset=filterset,
        facets=facet_index.facets(matches.bits, chosen, shown),
        matches=matches,
        case_ids=case_ids,
        token=token,
    )
