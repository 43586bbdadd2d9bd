"""Searching a queryset with Dutch terms: the operations every search page and API uses.

Both start from a queryset the caller built with `visible_to(user)`; search only narrows it.

A query is read as concepts, one per word (or per phrase of the thesaurus), each with its
alternatives: the word's term and the terms of its synonyms (textsearch.models.SynonymGroup),
and, for a compound, its parts ("jongerenoverlast" → "jongeren" and "overlast" both). Ranking is
not all or nothing: the cases with every concept come first, then those that have a compound only
as its parts, then those with at least half of the concepts (MIN_SHARE), each group best first
(bm25 on SQLite, ts_rank on PostgreSQL). Question words and filler ("waarom", "project",
"aanpak") are never required, so they never empty a result.

The parts of a compound are a tier of their own because they are common words ("buurt" and
"huis" are in most texts about neighbourhoods): asked together with the compound, they would make
nearly every text a match of "buurthuis" and every search a ranking of most of the index. A text
that uses the compound itself has its parts too (textsearch/analysis.py indexes both), so it
ranks above a text with only the parts either way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

from django.db.models import QuerySet
from modelsearch.query import And, Or, PlainText

from textsearch.analysis import FILLER_WORDS, STOP_WORDS, WORD, fold, stem
from textsearch.compounds import split

MAX_QUERY_LENGTH = 200
MIN_SHARE = 0.5  # of the concepts of a query of several words, at least this share must match
MAX_CONCEPTS = 6  # a longer query ranks on all its words but requires only its first six
MAX_PHRASE_WORDS = 3
# When only the best few are asked for (`limit`), each tier ranks at most this many of its
# matches: the newest ones. Scoring is the cost of a search that nothing cached (bm25 and
# ts_rank read every match's text statistics), and a common word matches most of the index:
# at 100,000 cases "overlast" matches 50,000. Below this many matches the ranking is exact.
MAX_CANDIDATES = 2000

Alternative = tuple[str, ...]  # search terms that must all match


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for, as typed, with the terms that each would satisfy it."""

    words: str
    alternatives: tuple[Alternative, ...]
    optional: bool = False
    parts: tuple[Alternative, ...] = ()  # a compound's parts, asked in a later tier

    @property
    def all_terms(self) -> set[str]:
        return {term for alternative in self.alternatives + self.parts for term in alternative}


def _compound_parts(word: str) -> list[Alternative]:
    """For a compound, its parts' terms (all of them must match)."""
    parts = tuple(
        stem(part) for part in split(word) if part not in STOP_WORDS and part not in FILLER_WORDS
    )
    return [parts] if len(parts) > 1 else []


def _concept(words: str, alternatives: list[Alternative], parts: list[Alternative], optional=False):
    kept = _dedupe(alternatives)
    # Parts that hold a whole alternative add nothing to what matches.
    parts = [p for p in _dedupe(parts) if not any(set(a) <= set(p) for a in kept)]
    return Concept(words, kept, optional, tuple(parts))


def _phrase_terms(phrase: str) -> Alternative:
    words = [fold(word) for word in WORD.findall(phrase)]
    return tuple(stem(word) for word in words if word not in STOP_WORDS)


def _dedupe(alternatives: list[Alternative]) -> tuple[Alternative, ...]:
    seen, kept = set(), []
    for alternative in alternatives:
        if alternative and alternative not in seen:
            seen.add(alternative)
            kept.append(alternative)
    # An alternative that contains another adds nothing to what matches.
    return tuple(a for a in kept if not any(set(b) < set(a) for b in kept))


def concepts(query: str, synonyms: dict[Alternative, list[str]] | None = None) -> list[Concept]:
    """The concepts of `query`, in order (see the module docstring).

    `synonyms` maps the terms of a word or phrase to its equivalents (textsearch.thesaurus).
    """
    synonyms = synonyms or {}
    words = [fold(word) for word in WORD.findall((query or "")[:MAX_QUERY_LENGTH])]
    words = [word for word in words if word not in STOP_WORDS]
    found: list[Concept] = []
    position = 0
    while position < len(words):
        matched = None
        for size in range(min(MAX_PHRASE_WORDS, len(words) - position), 0, -1):
            key = tuple(stem(word) for word in words[position : position + size])
            if key in synonyms:
                matched = size, synonyms[key]
                break
        if matched:
            size, equivalents = matched
            phrase = words[position : position + size]
            alternatives = [tuple(stem(word) for word in phrase)]
            parts = _compound_parts(phrase[0]) if size == 1 else []
            for equivalent in equivalents:
                alternatives.append(_phrase_terms(equivalent))
                equivalent_words = WORD.findall(fold(equivalent))
                if len(equivalent_words) == 1:
                    parts += _compound_parts(equivalent_words[0])
            found.append(_concept(" ".join(phrase), alternatives, parts))
            position += size
            continue
        word = words[position]
        found.append(
            _concept(word, [(stem(word),)], _compound_parts(word), optional=word in FILLER_WORDS)
        )
        position += 1
    if found and all(concept.optional for concept in found):
        found = [Concept(c.words, c.alternatives, False, c.parts) for c in found]
    return found


def search_terms(query: str) -> str:
    """The query's own terms (the key under which its results are cached, with the thesaurus
    state): empty when there is nothing to search for."""
    return " ".join(" ".join(c.alternatives[0]) for c in concepts(query))


def _concept_query(concept: Concept, with_parts: bool):
    chosen = concept.alternatives + (concept.parts if with_parts else ())
    alternatives = [
        PlainText(alternative[0])
        if len(alternative) == 1
        else And([PlainText(term) for term in alternative])
        for alternative in chosen
    ]
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def _all(parts: list) -> object:
    return parts[0] if len(parts) == 1 else And(parts)


def tier_queries(found: list[Concept]) -> list:
    """The modelsearch queries of the tiers: every required concept; every required concept,
    a compound also as its parts (when there is one); then at least MIN_SHARE of them, parts
    included (when there are several)."""
    required = [concept for concept in found if not concept.optional][:MAX_CONCEPTS]
    if not required:
        return []
    queries = [_all([_concept_query(concept, with_parts=False) for concept in required])]
    if any(concept.parts for concept in required):
        queries.append(_all([_concept_query(concept, with_parts=True) for concept in required]))
    if len(required) > 1:
        needed = max(1, math.ceil(len(required) * MIN_SHARE))
        if needed < len(required):
            groups = [
                _all([_concept_query(concept, with_parts=True) for concept in group])
                for group in combinations(required, needed)
            ]
            queries.append(groups[0] if len(groups) == 1 else Or(groups))
    return queries


def _rank_terms(found: list[Concept]) -> list[str]:
    """Every term the concepts can match by, for the backends that rank on them (PostgreSQL)."""
    return sorted({term for concept in found for term in concept.all_terms})


def _ranked_ids(
    queryset: QuerySet, search_query, rank_terms: list[str], limit: int | None, candidates=None
):
    results = queryset.search(search_query, order_by_relevance=True)
    if hasattr(results, "ranked_ids"):  # our database backends (textsearch/backends.py)
        if candidates is None and limit:
            candidates = max(MAX_CANDIDATES, limit)
        return results.ranked_ids(rank_terms=rank_terms, limit=limit, candidates=candidates)
    return [obj.pk for obj in (results[:limit] if limit else results)]  # a search server


def ranked_tiers(
    queryset: QuerySet, found: list[Concept], limit: int | None = None, parts_apart=False
) -> list[list]:
    """The primary keys of everything in `queryset` that matches the concepts, as tiers
    (every concept; at least MIN_SHARE of them), each best first, at most `limit` in all.

    One query per tier, however many match: facets and counts are computed from these lists.
    With `parts_apart`, when nothing matches, the parts of a compound are searched as words of
    their own.
    """
    tiers = _tiers(queryset, found, limit)
    if (
        parts_apart
        and not any(tiers)
        and any(len(c.words.split()) == 1 and split(c.words) for c in found)
    ):
        # Nothing has a compound or all of its parts: each part becomes a word of its own
        # ("drugsoverlast" → cases about drugs, or about overlast, with both first).
        tiers = _tiers(queryset, _parts_apart(found), limit)
    return tiers


def _parts_apart(found: list[Concept]) -> list[Concept]:
    apart = []
    for concept in found:
        parts = split(concept.words) if len(concept.words.split()) == 1 else ()
        if not parts:
            apart.append(concept)
            continue
        for part in parts:
            if part not in STOP_WORDS:
                apart.append(
                    _concept(part, [(stem(part),)], _compound_parts(part), part in FILLER_WORDS)
                )
    if apart and all(concept.optional for concept in apart):
        apart = [Concept(c.words, c.alternatives, False, c.parts) for c in apart]
    return apart


def _tiers(queryset: QuerySet, found: list[Concept], limit: int | None) -> list[list]:
    rank_terms = _rank_terms(found)
    tiers: list[list] = []
    seen: set = set()
    for search_query in tier_queries(found):
        room = None if limit is None else limit - len(seen)
        if room is not None and room <= 0:
            break
        # A later tier holds the earlier ones: ask for enough to fill the room after them.
        asked = None if room is None else room + len(seen)
        ids = [
            pk for pk in _ranked_ids(queryset, search_query, rank_terms, asked) if pk not in seen
        ]
        if room is not None:
            ids = ids[:room]
        seen.update(ids)
        tiers.append(ids)
    return tiers


def ranked(queryset: QuerySet, query: str, synonyms=None):
    """`queryset` searched for every word of `query` (the first tier), best first: a
    sliceable modelsearch result, for a page of objects."""
    queries = tier_queries(concepts(query, synonyms))
    if not queries:
        return queryset.none()
    return queryset.search(queries[0], order_by_relevance=True)


def ranked_ids(queryset: QuerySet, query: str, synonyms=None, limit: int | None = None) -> list:
    """The primary keys of everything in `queryset` that matches `query`, best first."""
    return [pk for tier in ranked_tiers(queryset, concepts(query, synonyms), limit) for pk in tier]


def ranked_ids_together(querysets: list[QuerySet], query: str, limits: list[int]) -> list[list]:
    """For each of `querysets` (models with few entries: topics, statements, ...), the primary
    keys of its matches for `query`, best first, at most its limit: as `ranked_ids` gives them,
    but in one query per tier for them all where the backend can (SQLite)."""
    found = concepts(query)
    rank_terms = _rank_terms(found)
    kept: list[list] = [[] for _ in querysets]
    for search_query in tier_queries(found):
        open_ = [i for i, ids in enumerate(kept) if len(ids) < limits[i]]
        if not open_:
            break
        asked = [querysets[i] for i in open_]
        results = asked[0].search(search_query, order_by_relevance=True)
        together = getattr(results, "ranked_ids_together", None)
        answers = together(asked, max(limits), rank_terms) if together else None
        if answers is None:
            answers = [
                _ranked_ids(queryset, search_query, rank_terms, limits[i])
                for i, queryset in zip(open_, asked, strict=True)
            ]
        for i, ids in zip(open_, answers, strict=True):
            seen = set(kept[i])
            kept[i] += [pk for pk in ids if pk not in seen][: limits[i] - len(kept[i])]
    return kept


def has_match(queryset: QuerySet, query: str) -> bool:
    """Whether anything in `queryset` matches `query` (all of its words; a compound also as
    its parts)."""
    found = concepts(query)
    queries = tier_queries(found)
    if not queries:
        return False
    every = [queries[0]]
    if any(concept.parts for concept in found if not concept.optional):
        every.append(queries[1])
    # With the terms, PostgreSQL looks the match up from the index entries (through the GIN
    # index for a rare word) rather than joining every visible object to its entry first.
    terms = _rank_terms(found)
    return any(_ranked_ids(queryset, tier, terms, 1, candidates=1) for tier in every)
