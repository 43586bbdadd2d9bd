"""Site search: ranked, Dutch-aware, faceted, and always starting from `visible_to(user)`.

The engine is modelsearch (Wagtail's search): SQLite FTS5 or PostgreSQL full text. What it lacks,
this module adds in a thin layer: Dutch terms (search/analysis.py), facets over the matching
visible cases, highlighted snippets (search/highlight.py) and "did you mean" (search/suggest.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.safestring import SafeString

from cases.filters import CaseFilter, Facet, case_facets
from cases.models import Case
from search.analysis import terms
from search.engine import MAX_QUERY_LENGTH, matching, ranked, search_terms
from search.highlight import best_text, highlight
from search.suggest import correct


@dataclass
class Hit:
    case: Case
    snippet: SafeString


@dataclass
class CaseSearch:
    user: object
    query: str
    filterset: CaseFilter
    facets: list[Facet]

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
        queryset = self.filterset.qs.with_card_data()
        if self.has_terms:
            return ranked(queryset, self.query)
        return queryset.recent()

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
    base = matching(Case.objects.visible_to(user), query)
    filterset = CaseFilter(filter_data, queryset=base)
    return CaseSearch(user=user, query=query, filterset=filterset, facets=case_facets(filterset))
