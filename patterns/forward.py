"""Vooruit falen (failing forward): the failure patterns that played most in comparable cases.

A professional describes what they plan, in a few sentences, with a topic, target group and
municipality if they like. We look for the comparable cases they may see, count how often each
failure pattern played in them and return the patterns, most frequent first, each with its cases
and its courses of action (the checklist).

Comparable means:

- the description's words, read as the site search reads words (stems, compounds, synonyms,
  typos corrected to public words: textsearch.engine, search.suggest), any of them, ranked by
  the search engine itself (bm25 on SQLite, ts_rank on PostgreSQL);
- sharing the chosen topic, target group or municipality (as `cases.selectors.related_cases`
  scores likeness), which moves a case up or makes it comparable without shared words.

Everything starts from `Case.objects.visible_to(user)`: a draft or a case in a closed space the
person is not in never counts and never shows. Nothing is stored: `forward.services` keeps a
checklist only when a signed-in person asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, Value
from django.urls import reverse
from modelsearch.query import And, Or, PlainText

from cases.models import Case, TargetGroup
from core import state as content_state
from core.access import Visitor
from municipalities.models import Municipality
from patterns.models import CasePattern, FailurePattern
from search.suggest import correct_unknown
from textsearch.analysis import WORD
from textsearch.engine import MAX_CANDIDATES, MAX_QUERY_LENGTH, Concept, concepts
from textsearch.thesaurus import synonyms
from topics.models import Topic

COMPARABLE_CASES = 12  # how many comparable cases the patterns are counted in
MIN_COMPARABLE = 3  # with fewer, the page says so: too few to speak of "often"
MAX_TERMS = 30  # the description's distinct words (concepts) that are searched
TEXT_CANDIDATES = 60  # the best text matches considered
FACET_CANDIDATES = 60  # the newest cases sharing a chosen topic, target group or place
MAX_DESCRIPTION_LENGTH = 2000
# Likeness: a case's place in the text ranking, 1 / (RANK_DAMPING + place), plus a bonus for
# each chosen value it shares. A shared topic weighs as much as a good text match.
RANK_DAMPING = 5
TOPIC_BONUS = 0.1
TARGET_GROUP_BONUS = 0.06
MUNICIPALITY_BONUS = 0.03

CaseTopic = Case.topics.through
CaseTargetGroup = Case.target_groups.through


def pattern_url(slug: str) -> str:
    """The address of a pattern's page."""
    return reverse("patterns:detail", kwargs={"slug": slug})


@dataclass
class PatternMatch:
    """One failure pattern among the comparable cases."""

    pattern: FailurePattern
    cases: list[Case]  # where it played, in the order of likeness
    avoided_in: list[Case] = field(default_factory=list)  # comparable cases that avoided it
    best_place: int = 0  # the place of its most comparable case (0: the most comparable)

    @property
    def count(self) -> int:
        return len(self.cases)

    @property
    def actions(self) -> list[str]:
        return self.pattern.action_list

    @property
    def url(self) -> str | None:
        return pattern_url(self.pattern.slug)

    @property
    def name(self) -> str:
        return self.pattern.name

    @property
    def summary(self) -> str:
        return self.pattern.summary

    @property
    def checklist(self) -> list[dict]:
        """The courses of action as checklist items: key (the checkbox's value), text, done."""
        return [
            {"key": f"{self.pattern.slug}:{index}", "text": text, "done": False}
            for index, text in enumerate(self.actions)
        ]


@dataclass
class ForwardPlan:
    """What the page shows for a description: the comparable cases and the patterns."""

    cases: list[Case]
    patterns: list[PatternMatch]

    @property
    def comparable_count(self) -> int:
        return len(self.cases)

    @property
    def too_few(self) -> bool:
        """Too few comparable cases to say which patterns occur often."""
        return len(self.cases) < MIN_COMPARABLE


def description_concepts(description: str, thesaurus=None) -> list[Concept]:
    """The distinct concepts of a description of several sentences, in order.

    `concepts` reads a search query (at most MAX_QUERY_LENGTH characters); a description is
    longer, so it is read in pieces. Filler words ("project", "aanpak") are left out: in a
    description they are everywhere and say nothing about the plan.
    """
    words = " ".join((description or "").split()).split(" ")
    pieces, piece = [], ""
    for word in words:
        if piece and len(piece) + 1 + len(word) > MAX_QUERY_LENGTH:
            pieces.append(piece)
            piece = ""
        piece = f"{piece} {word}".strip()
    if piece:
        pieces.append(piece)
    found: list[Concept] = []
    seen: set = set()
    for text in pieces:
        for concept in concepts(text, thesaurus):
            if concept.optional or concept.alternatives in seen:
                continue
            seen.add(concept.alternatives)
            found.append(concept)
    return found[:MAX_TERMS]


def _concept_query(concept: Concept):
    alternatives = [
        PlainText(alternative[0])
        if len(alternative) == 1
        else And([PlainText(term) for term in alternative])
        for alternative in concept.alternatives + concept.parts
    ]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def text_ranked_ids(visible, found: list[Concept], limit: int = TEXT_CANDIDATES) -> list[int]:
    """The visible cases that have any of the concepts, best first (the engine's own ranking:
    the more of the words, and the rarer they are, the better)."""
    if not found:
        return []
    queries = [_concept_query(concept) for concept in found]
    search_query = queries[0] if len(queries) == 1 else Or(queries)
    rank_terms = sorted({term for concept in found for term in concept.all_terms})
    results = visible.search(search_query, order_by_relevance=True)
    if hasattr(results, "ranked_ids"):  # our database backends (textsearch/backends.py)
        return results.ranked_ids(
            rank_terms=rank_terms, limit=limit, candidates=max(MAX_CANDIDATES, limit)
        )
    return [case.pk for case in results[:limit]]  # a search server


def _facet_filter(topic, target_group, municipality) -> Q | None:
    """Cases sharing any of the chosen values, through the link tables' indexes."""
    parts = []
    if topic is not None:
        parts.append(Q(pk__in=CaseTopic.objects.filter(topic=topic).values("case_id")))
    if target_group is not None:
        parts.append(
            Q(pk__in=CaseTargetGroup.objects.filter(targetgroup=target_group).values("case_id"))
        )
    if municipality is not None:
        parts.append(Q(municipality=municipality))
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def comparable_case_ids(
    *,
    user: Visitor,
    description: str,
    topic: Topic | None = None,
    target_group: TargetGroup | None = None,
    municipality: Municipality | None = None,
    limit: int = COMPARABLE_CASES,
) -> list[int]:
    """The keys of the visible cases most like the plan, most comparable first."""
    visible = Case.objects.visible_to(user)
    token = content_state.token()
    # Typos as on the search page: a word that no public case has is also searched as the
    # closest word that one has (public words only, so a correction reveals nothing hidden;
    # the word as typed is kept, for the cases of a closed space the person is in).
    words = " ".join(WORD.findall(description or ""))
    corrected = correct_unknown(words, token)
    if corrected:
        words = f"{words} {corrected}"
    found = description_concepts(words, synonyms(token))
    text_ids = text_ranked_ids(visible, found)
    candidates = set(text_ids)
    facets = _facet_filter(topic, target_group, municipality)
    if facets is not None:
        candidates |= set(
            visible.filter(facets).recent().values_list("pk", flat=True)[:FACET_CANDIDATES]
        )
    if not candidates:
        return []
    place = {pk: position for position, pk in enumerate(text_ids)}
    shared = {pk: 0.0 for pk in candidates}
    if facets is not None:
        rows = (
            Case.objects.filter(pk__in=candidates)
            .annotate(
                has_topic=Exists(CaseTopic.objects.filter(case_id=OuterRef("pk"), topic=topic))
                if topic is not None
                else Value(False),
                has_group=Exists(
                    CaseTargetGroup.objects.filter(case_id=OuterRef("pk"), targetgroup=target_group)
                )
                if target_group is not None
                else Value(False),
            )
            .values_list("pk", "has_topic", "has_group", "municipality_id")
        )
        for pk, has_topic, has_group, municipality_id in rows:
            shared[pk] = (
                TOPIC_BONUS * bool(has_topic)
                + TARGET_GROUP_BONUS * bool(has_group)
                + MUNICIPALITY_BONUS
                * (municipality is not None and municipality_id == municipality.pk)
            )

    def likeness(pk: int) -> tuple:
        text = 1 / (RANK_DAMPING + place[pk]) if pk in place else 0.0
        # Equal likeness: the better text match, then the newer case (the larger key).
        return (-(text + shared[pk]), place.get(pk, len(place)), -pk)

    return sorted(candidates, key=likeness)[:limit]


def plan_failure_patterns(
    *,
    description: str,
    user: Visitor,
    topic: Topic | None = None,
    target_group: TargetGroup | None = None,
    municipality: Municipality | None = None,
    limit: int = COMPARABLE_CASES,
) -> ForwardPlan:
    """The failure patterns that played most in the visible cases most like the plan.

    Patterns are ordered by the number of comparable cases in which they played (a case that
    avoided a pattern does not count for it, but is listed as such), ties by the place of their
    most comparable case. Reads only; stores nothing.
    """
    description = (description or "")[:MAX_DESCRIPTION_LENGTH]
    ids = comparable_case_ids(
        user=user,
        description=description,
        topic=topic,
        target_group=target_group,
        municipality=municipality,
        limit=limit,
    )
    if not ids:
        return ForwardPlan([], [])
    # Loaded through visible_to again: what is shown is what may be seen now.
    loaded = Case.objects.visible_to(user).with_card_data().in_bulk(ids)
    cases = [loaded[pk] for pk in ids if pk in loaded]
    place = {case.pk: position for position, case in enumerate(cases)}
    matches: dict[int, PatternMatch] = {}
    links = (
        CasePattern.objects.filter(case_id__in=list(place))
        .select_related("pattern")
        .order_by("pattern__sort_order", "pattern__name", "pk")
    )
    ordered_links = sorted(links, key=lambda link: place[link.case_id])
    for link in ordered_links:
        match = matches.get(link.pattern_id)
        if match is None:
            match = matches[link.pattern_id] = PatternMatch(link.pattern, [], best_place=len(cases))
        case = cases[place[link.case_id]]
        if link.avoided:
            match.avoided_in.append(case)
        else:
            match.cases.append(case)
            match.best_place = min(match.best_place, place[link.case_id])
    played = [match for match in matches.values() if match.cases]
    played.sort(
        key=lambda m: (-m.count, m.best_place, m.pattern.sort_order, m.pattern.name.casefold())
    )
    return ForwardPlan(cases, played)
