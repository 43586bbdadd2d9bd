"""Site search: ranked, Dutch-aware, faceted, and always starting from `visible_to(user)`.

The engine is modelsearch (Wagtail's search): SQLite FTS5 or PostgreSQL full text. What it lacks,
this module adds in a thin layer: Dutch terms (search/analysis.py), facets over the matching
visible cases, highlighted snippets (search/highlight.py) and "did you mean" (search/suggest.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from cases.filters import CaseFilter, Facet, FacetOption, case_facets
from cases.models import Case
from search.analysis import terms
from search.engine import MAX_QUERY_LENGTH, matching, ranked, search_terms
from search.highlight import best_text, highlight
from search.suggest import correct
from topics.models import Topic


@dataclass
class Hit:
    case: Case
    snippet: SafeString


# The kinds of content search finds, as the `soort` parameter names them. Adding a kind: a
# searchable model (search_fields with DutchSearchField), a line here and its block on the page.
KINDS = {"praktijkvoorbeeld": _("Praktijkvoorbeeld"), "thema": _("Thema")}
MAX_TOPIC_HITS = 5


@dataclass
class CaseSearch:
    user: object
    query: str
    filterset: CaseFilter
    facets: list[Facet]
    chosen_kinds: set[str]

    @property
    def kinds(self) -> set[str]:
        return self.chosen_kinds or set(KINDS)

    def topics(self) -> list[Topic]:
        """Topics that match the words, unless cases-only filters or kinds rule them out."""
        case_filters = any(self.filterset.data.getlist(name) for name in self.filterset.filters)
        if not self.has_terms or case_filters or "thema" not in self.kinds:
            return []
        return list(ranked(Topic.objects.visible_to(self.user), self.query)[:MAX_TOPIC_HITS])

    def kind_facet(self, case_count: int, topic_count: int) -> Facet:
        counts = {"praktijkvoorbeeld": case_count, "thema": topic_count}
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
        corrected = correct(self.query)
        if corrected and matching(Case.objects.visible_to(self.user), corrected).exists():
            return corrected
        return None

    @property
    def results(self):
        if "praktijkvoorbeeld" not in self.kinds:
            return Case.objects.none()
        if self.has_terms:
            # ranked() matches the words itself: give it the visible cases with the filters, not
            # filterset.qs, which already holds the match (each query would run it twice).
            visible = Case.objects.visible_to(self.user).with_card_data()
            return ranked(self.filterset.apply(visible), self.query)
        return self.filterset.qs.with_card_data().recent()

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


def search_cases(*, user, data: QueryDict) -> CaseSearch:
    """The cases `user` may see that match the words in `data["q"]` and its filters."""
    query = (data.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    filter_data = data.copy()
    filter_data.pop("q", None)  # the words are searched, not filtered on
    chosen_kinds = set(filter_data.pop("soort", [])) & set(KINDS)
    base = matching(Case.objects.visible_to(user), query)
    filterset = CaseFilter(filter_data, queryset=base)
    return CaseSearch(
        user=user,
        query=query,
        filterset=filterset,
        facets=case_facets(filterset),
        chosen_kinds=chosen_kinds,
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
