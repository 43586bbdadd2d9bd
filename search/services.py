"""Site search: cases and, beside them, the other kinds of content that match the words.

The cases come through the one road to matching cases (cases/search.py). This module adds what
only a page that gathers several kinds needs: the topics, dialogue statements, wijkschakelaars
and discussions that match, the "soort" facet, "did you mean" (search/suggest.py) and
autocomplete. Everything starts from each kind's `visible_to(user)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from cases.facets import Facet, FacetOption
from cases.models import Case
from cases.search import (
    MATCHES_CACHE_SECONDS,
    CaseResults,
    CaseSearch,
    Hit,
    case_search,
    matching_cases,
    shared_cache_key,
)
from connectors.models import Connector
from core import state as content_state
from core.access import Visitor
from dialogues.models import Statement
from discussions.models import Discussion, Post, PostStatus
from meetings.models import Meeting
from search.suggest import complete, correct, correct_unknown
from textsearch.analysis import fold
from textsearch.engine import MAX_QUERY_LENGTH, ranked_ids_together
from textsearch.highlight import best_text, highlight
from topics.models import Topic

# The kinds of content search finds, as the `soort` parameter names them. Adding a kind: a
# searchable model (search_fields with DutchSearchField), a line here and its block on the page.
KINDS = {
    "praktijkvoorbeeld": _("Praktijkvoorbeeld"),
    "thema": _("Thema"),
    "stelling": _("Stelling uit een dialoog"),
    "wijkschakelaar": _("Wijkschakelaar"),
    "discussie": _("Discussie"),
    "bijeenkomst": _("Bijeenkomst"),
}
# The kinds shown beside the cases (on the first page of results).
OTHER_KINDS = ("thema", "stelling", "wijkschakelaar", "discussie", "bijeenkomst")
MAX_TOPIC_HITS = 5
MAX_STATEMENT_HITS = 5
MAX_CONNECTOR_HITS = 5
MAX_DISCUSSION_HITS = 10
MAX_MEETING_HITS = 5
# With fewer matching cases than this, words that match nothing public are corrected and the
# results are those of the corrected words (with a link to the words as typed).
CORRECT_BELOW = 20
LITERAL_PARAMETER = "letterlijk"


@dataclass
class OtherMatches:
    """Up to a few topics, dialogue statements, wijkschakelaars and discussions, best first,
    as keys."""

    topic_ids: list[int]
    statement_ids: list[int]
    connector_ids: list[int]
    discussion_ids: list[int]
    meeting_ids: list[int] = field(default_factory=list)


def matching_others(user: Visitor, query: str, token: str) -> OtherMatches:
    """The visible topics, statements, wijkschakelaars and discussions matching `query`
    (cached for anonymous visitors, as the cases are; what a signed-in user sees never is)."""
    # "beside": the entry holds four kinds (an entry kept under the old name held three).
    key = shared_cache_key("beside-meetings", query, token)
    shared = not user.is_authenticated
    if shared and (cached := cache.get(key)) is not None:
        return OtherMatches(*cached)
    topic_ids, statement_ids, connector_ids, discussion_ids, meeting_ids = ranked_ids_together(
        [
            Topic.objects.visible_to(user),
            Statement.objects.visible_to(user),
            Connector.objects.visible_to(user),
            searchable_discussions(user),
            Meeting.objects.filter(id__in=Meeting.objects.visible_to(user).values("id")),
        ],
        query,
        [
            MAX_TOPIC_HITS,
            MAX_STATEMENT_HITS,
            MAX_CONNECTOR_HITS,
            MAX_DISCUSSION_HITS,
            MAX_MEETING_HITS,
        ],
    )
    matches = OtherMatches(topic_ids, statement_ids, connector_ids, discussion_ids, meeting_ids)
    if shared:
        stored = (
            matches.topic_ids,
            matches.statement_ids,
            matches.connector_ids,
            matches.discussion_ids,
            matches.meeting_ids,
        )
        cache.set(key, stored, timeout=MATCHES_CACHE_SECONDS)
    return matches


def searchable_discussions(user: Visitor):
    """The discussions `user` may read, as a filter the search index can apply (on the id:
    the index holds no copy of what `visible_to` reads, such as authors and reply counts)."""
    return Discussion.objects.filter(id__in=Discussion.objects.visible_to(user).values("id"))


@dataclass
class BesideCases:
    """Topics, dialogue statements, wijkschakelaars and discussions that match, beside the
    cases."""

    topics: list[Topic]
    statements: list[Statement]
    connectors: list[Connector]
    discussions: list[Discussion]
    meetings: list[Meeting] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.topics or self.statements or self.connectors or self.discussions or self.meetings
        )


@dataclass
class SearchPage:
    """What one page of search results shows: its cases with their snippets, the other kinds
    beside them (first page only) and the "soort" facet with the counts the page lists."""

    hits: list[Hit]
    beside: BesideCases
    kind_facet: Facet


@dataclass
class SiteSearch:
    cases: CaseSearch
    chosen_kinds: set[str]
    typed_query: str | None = None  # the words as typed, when the results are for a correction

    @property
    def corrected_query(self) -> str | None:
        """The corrected words the results are for, or None (the words as typed)."""
        return self.cases.query if self.typed_query else None

    @property
    def user(self) -> Visitor:
        return self.cases.user

    @property
    def query(self) -> str:
        return self.cases.query

    @property
    def filterset(self):
        return self.cases.filterset

    @property
    def facets(self) -> list[Facet]:
        return self.cases.facets

    @property
    def has_terms(self) -> bool:
        return self.cases.has_terms

    @property
    def kinds(self) -> set[str]:
        return self.chosen_kinds or set(KINDS)

    @property
    def results(self) -> CaseResults:
        """The matching cases with the filters, best first (newest first without words)."""
        if "praktijkvoorbeeld" not in self.kinds:
            return CaseResults(self.user, [])
        return self.cases.results

    def page(self, cases: list[Case], *, number: int, case_count: int) -> SearchPage:
        """Page `number` of the results, holding `cases` of `case_count` matching cases."""
        beside = self.beside_cases(first_page=number == 1)
        return SearchPage(self.cases.hits(cases), beside, self.kind_facet(case_count, beside))

    def beside_cases(self, first_page: bool) -> BesideCases:
        """The other kinds that match the words, shown beside the cases on the first page;
        none when cases-only filters are chosen or their kind is not."""
        shown = first_page and self.has_terms and not self.cases.has_case_filters
        wanted = {kind for kind in OTHER_KINDS if kind in self.kinds}
        if not shown or not wanted:
            return BesideCases([], [], [], [])
        others = matching_others(self.user, self.query, self.cases.token)

        def load(kind: str, queryset, ids: list[int]) -> list:
            if kind not in wanted:
                return []
            found = queryset.in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]

        statements = load(
            "stelling",
            Statement.objects.visible_to(self.user).select_related("dialogue"),
            others.statement_ids,
        )
        query_terms = self.cases.highlighted_terms
        for statement in statements:
            statement.snippet = highlight(statement.text, query_terms)
        discussions = load(
            "discussie",
            Discussion.objects.visible_to(self.user).select_related("space"),
            others.discussion_ids,
        )
        add_discussion_snippets(discussions, query_terms)
        return BesideCases(
            topics=load("thema", Topic.objects.visible_to(self.user), others.topic_ids),
            statements=statements,
            connectors=load(
                "wijkschakelaar",
                Connector.objects.visible_to(self.user).select_related("municipality"),
                others.connector_ids,
            ),
            discussions=discussions,
            meetings=load(
                "bijeenkomst",
                Meeting.objects.visible_to(self.user).select_related("space"),
                others.meeting_ids,
            ),
        )

    def kind_facet(self, case_count: int, beside: BesideCases) -> Facet:
        counts = {
            "praktijkvoorbeeld": case_count,
            "thema": len(beside.topics),
            "stelling": len(beside.statements),
            "wijkschakelaar": len(beside.connectors),
            "discussie": len(beside.discussions),
            "bijeenkomst": len(beside.meetings),
        }
        options = [
            FacetOption(kind, str(label), counts[kind], kind in self.chosen_kinds)
            for kind, label in KINDS.items()
            if counts[kind] or kind in self.chosen_kinds
        ]
        return Facet("soort", _("Soort"), options)

    def suggestion(self) -> str | None:
        """A corrected query that does find something (ask only when this one finds nothing)."""
        if not self.has_terms:
            return None
        corrected = correct(self.query, self.cases.token)
        if corrected and matching_cases(self.user, corrected, self.cases.token).ids:
            return corrected
        return None


def add_discussion_snippets(discussions: list[Discussion], query_terms: set[str]) -> None:
    """Give each discussion a `snippet`: the words found, marked, in the text of its published
    posts only (one query for them all). A held, hidden or deleted post's text is never shown,
    not even to those who may read it on the discussion's page, and no snippet names an author.
    """
    texts: dict[int, list[str]] = {discussion.pk: [] for discussion in discussions}
    if texts:
        published = Post.objects.filter(discussion__in=list(texts), status=PostStatus.PUBLISHED)
        for discussion_id, body in published.order_by("created_at", "pk").values_list(
            "discussion_id", "body"
        ):
            texts[discussion_id].append(body)
    for discussion in discussions:
        bodies = texts[discussion.pk]
        discussion.snippet = (
            highlight(best_text(bodies, query_terms), query_terms) if bodies else ""
        )


def search_site(*, user: Visitor, data: QueryDict) -> SiteSearch:
    """What `user` may see that matches the words in `data["q"]`, the case filters and the
    kinds in `data["soort"]`.

    When few cases match and a word matches nothing public, the results are those of the
    corrected words ("Resultaten voor ...; zoek in plaats daarvan op ..."), unless
    `data["letterlijk"]` asks for the words as typed."""
    case_data = data.copy()
    chosen_kinds = set(case_data.pop("soort", [])) & set(KINDS)
    literal = case_data.pop(LITERAL_PARAMETER, None)
    cases = case_search(user=user, data=case_data)
    found = len(cases.matches.ids)
    # One word that finds something was no misspelling; with several, one may find nothing.
    several = len(cases.query.split()) > 1
    if literal or not cases.has_terms or found >= CORRECT_BELOW or (found and not several):
        return SiteSearch(cases=cases, chosen_kinds=chosen_kinds)
    corrected = correct_unknown(cases.query, cases.token)
    if corrected:
        corrected_data = case_data.copy()
        corrected_data["q"] = corrected
        better = case_search(user=user, data=corrected_data)
        if better.matches.ids and len(better.matches.ids) >= len(cases.matches.ids):
            return SiteSearch(cases=better, chosen_kinds=chosen_kinds, typed_query=cases.query)
    return SiteSearch(cases=cases, chosen_kinds=chosen_kinds)


MAX_WORD_COMPLETIONS = 3


def autocomplete(*, user: Visitor, prefix: str, limit: int) -> list[str]:
    """What someone is typing completed: its last word to known words ("overl" → "overlast"),
    then topic names and titles of visible cases.

    Word completions come from public content only (search/suggest.py), like corrections."""
    prefix = prefix.strip()[:MAX_QUERY_LENGTH]
    if len(prefix) < 2:
        return []
    names = complete(prefix, content_state.token())[: min(MAX_WORD_COMPLETIONS, limit)]
    topics = Topic.objects.visible_to(user).autocomplete(prefix, operator="and")
    cases = Case.objects.visible_to(user).autocomplete(prefix, operator="and")
    names += [topic.name for topic in topics[: limit - len(names)] if topic.name not in names]
    names += [case.title for case in cases[: max(0, limit - len(names))]]
    unique = {}
    for name in names:  # a word completed and a topic of that name: once, as the topic
        unique.setdefault(fold(name), name)
    for name in names:
        if name[:1].isupper():
            unique[fold(name)] = name
    return list(unique.values())[:limit]
