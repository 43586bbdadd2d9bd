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

from cases.facets import FACETS, Facet, FacetIndex, from_bits, to_bits
from cases.facets import facet_index as facets_for
from cases.filters import CaseFilter
from cases.models import Case
from core import state as content_state
from core.access import Visitor
from textsearch.analysis import WORD, fold
from textsearch.engine import MAX_QUERY_LENGTH, concepts, ranked_tiers, search_terms
from textsearch.highlight import best_text, highlight
from textsearch.thesaurus import synonyms

MAX_CACHED_MATCHES = 500_000
MATCHES_CACHE_SECONDS = 60 * 60
# Above this many matches we rank only the best MAX_RANKED and say "meer dan" on the page:
# an exact order and count over tens of thousands of matches is not worth a slow page.
MAX_RANKED = 1000

# Words for an outcome: in a query they favour the cases with that outcome instead of being
# required in the text ("mislukte projecten jongeren").
OUTCOME_WORDS = {
    "mislukt": """mislukt mislukte mislukken mislukking mislukkingen gefaald gefaalde faalde
        faalt falen misging misgegaan mis fout fouten""",
    "geslaagd": """geslaagd geslaagde slaagde succes succesvol succesvolle successen gelukt
        gelukte""",
    "gemengd": "gemengd gemengde",
}
OUTCOME_BY_WORD = {word: value for value, words in OUTCOME_WORDS.items() for word in words.split()}
# Facets whose values, named in the words, favour their cases (and are offered as a filter).
NAMED_FACETS = ("gemeente", "thema", "doelgroep")


@dataclass(frozen=True)
class FacetHint:
    """A facet value the words name: its cases come first, and one click filters on it."""

    facet: str
    value: str
    label: str


def named_facets(query: str, index: FacetIndex) -> tuple[str, list[FacetHint]]:
    """The words without those that name an outcome or municipality, and the values named.

    Topic and target-group names stay in the words (they are in the text too) but also favour
    their cases."""
    words = [fold(word) for word in WORD.findall(query)]
    hints: list[FacetHint] = []
    kept = list(words)
    for name in NAMED_FACETS:
        for value, label in index.labels.get(name, {}).items():
            label_words = [fold(word) for word in WORD.findall(label)]
            size = len(label_words)
            for start in range(len(words) - size + 1):
                if words[start : start + size] == label_words:
                    hints.append(FacetHint(name, value, label))
                    if name == "gemeente":
                        kept[start : start + size] = [""] * size
                    break
    for position, word in enumerate(words):
        if word in OUTCOME_BY_WORD:
            value = OUTCOME_BY_WORD[word]
            hint = FacetHint("uitkomst", value, index.labels["uitkomst"].get(value, value))
            if hint not in hints:
                hints.append(hint)
            kept[position] = ""
    return " ".join(word for word in kept if word), hints


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
    """The visible cases the words find, best first (newest first without words).

    `capped`: there were more than MAX_RANKED matches; `ids` are the best of them.
    """

    ids: list[int]
    bits: int
    capped: bool = False
    hints: list[FacetHint] = ()


def shared_cache_key(kind: str, query: str, token: str) -> str:
    """The cache key for what anonymous visitors get for `query`."""
    digest = hashlib.sha256(search_terms(query).encode()).hexdigest()
    return f"search:{kind}:{token}:{digest}"


def _favoured(tiers: list[list[int]], hints: list[FacetHint], index: FacetIndex) -> list[int]:
    """The tiers in order, within each the cases with more of the named values first."""
    if not hints:
        return [pk for tier in tiers for pk in tier]
    bits = [index.bits[hint.facet].get(hint.value, 0) for hint in hints]

    def favour(pk: int) -> int:
        return -sum(1 for value in bits if value >> pk & 1)

    return [pk for tier in tiers for pk in sorted(tier, key=favour)]


def _search(user: Visitor, query: str, token: str) -> CaseMatches:
    visible = Case.objects.visible_to(user)
    if not search_terms(query):
        ids = list(visible.recent().values_list("pk", flat=True))
        return CaseMatches(ids, to_bits(ids))
    index = facets_for(token)
    words, hints = named_facets(query, index)
    thesaurus = synonyms(token)
    found = concepts(words, thesaurus) if words else []
    if found:
        tiers = ranked_tiers(visible, found, limit=MAX_RANKED + 1, parts_apart=True)
    elif any(hint.facet == "uitkomst" for hint in hints):
        # Only an outcome (and a place): its cases, newest first.
        wanted = [hint for hint in hints if hint.facet in ("uitkomst", "gemeente")]
        recent = list(visible.recent().values_list("pk", flat=True))
        chosen = {}
        for hint in wanted:
            chosen.setdefault(hint.facet, set()).add(hint.value)
        keep = index.narrowed(to_bits(recent), chosen)
        tiers = [[pk for pk in recent if keep >> pk & 1][: MAX_RANKED + 1]]
        hints = []
    else:  # only the name of a place: search for it as words (cases name their municipality)
        tiers = ranked_tiers(visible, concepts(query, thesaurus), limit=MAX_RANKED + 1)
    ids = _favoured(tiers, hints, index)
    capped = len(ids) > MAX_RANKED
    ids = ids[:MAX_RANKED]
    return CaseMatches(ids, to_bits(ids), capped, hints)


def matching_cases(user: Visitor, query: str, token: str) -> CaseMatches:
    """The visible cases matching `query`; for anonymous visitors (all alike) from the cache."""
    key = shared_cache_key("cases", query, token)
    shared = not user.is_authenticated
    if shared and (cached := cache.get(key)) is not None:
        ids, bits, capped, hints = cached
        return CaseMatches(array("q", ids).tolist(), bits, capped, hints)
    matches = _search(user, query, token)
    if shared and len(matches.ids) <= MAX_CACHED_MATCHES:
        stored = (array("q", matches.ids).tobytes(), matches.bits, matches.capped, matches.hints)
        cache.set(key, stored, timeout=MATCHES_CACHE_SECONDS)
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

    @cached_property
    def highlighted_terms(self) -> set[str]:
        """Every term the words were searched with: their own, compound parts, synonyms."""
        found = concepts(self.query, synonyms(self.token))
        return {term for concept in found for term in concept.all_terms}

    @property
    def capped(self) -> bool:
        """More cases match than were ranked (MAX_RANKED): counts are "more than"."""
        return self.matches.capped

    @property
    def hints(self) -> list[FacetHint]:
        """Facet values the words name, not chosen as a filter yet (one click to choose)."""
        chosen = self.filterset.data
        return [h for h in self.matches.hints if h.value not in chosen.getlist(h.facet)]

    @property
    def has_case_filters(self) -> bool:
        return any(self.filterset.data.getlist(name) for name in self.filterset.filters)

    def hits(self, cases) -> list[Hit]:
        """Each case with the piece of its text where the words stand, highlighted."""
        query_terms = self.highlighted_terms
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
