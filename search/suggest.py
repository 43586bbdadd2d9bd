""" "Bedoelde u ...?": a correction for a query with a misspelled word.

Corrections come only from words anyone may see (titles and tags of public cases, topic and
municipality names), so a suggestion never reveals hidden content. The word list lives in
Django's cache under the content state token (core/state.py), so every web server builds it
anew after a case is published, unpublished, changed or deleted.
"""

from __future__ import annotations

import difflib
import hashlib

from django.core.cache import cache

from cases.models import Case, TaggedCase
from cases.search import OUTCOME_BY_WORD
from core.access import ANONYMOUS
from municipalities.models import Municipality
from textsearch.analysis import FILLER_WORDS, STOP_WORDS, WORD, fold, stem
from textsearch.engine import has_match
from topics.models import Topic

CACHE_KEY = "search:vocabulary"
MIN_WORD_LENGTH = 4
SIMILARITY = 0.75


def _build_vocabulary() -> dict[str, str]:
    """Every word of public content → its search term."""
    public = Case.objects.visible_to(ANONYMOUS)
    texts = list(public.order_by().values_list("title", flat=True).distinct())
    texts += (
        TaggedCase.objects.filter(content_object__in=public)
        .values_list("tag__name", flat=True)
        .distinct()
    )
    texts += Topic.objects.values_list("name", flat=True)
    texts += Municipality.objects.values_list("name", flat=True)
    words = {
        word
        for text in texts
        for word in (fold(w) for w in WORD.findall(text))
        if len(word) >= MIN_WORD_LENGTH and word not in STOP_WORDS and not word.isdigit()
    }
    return {word: stem(word) for word in words}


_memo: dict[str, dict[str, str]] = {}


def vocabulary(token: str) -> dict[str, str]:
    """The public words for search state `token`: built once per state, kept in the cache and
    in this process (like the facet index: a new token, after any change, builds it anew)."""
    if token in _memo:
        return _memo[token]
    key = f"{CACHE_KEY}:{token}"
    words = cache.get(key)
    if words is None:
        words = _build_vocabulary()
        cache.set(key, words, timeout=60 * 60 * 24)
    _memo.clear()
    _memo[token] = words
    return words


def _unknown(word: str, known_terms: set[str]) -> bool:
    """A word of the query that no public case contains (one indexed lookup)."""
    if (
        len(word) < MIN_WORD_LENGTH
        or word in STOP_WORDS
        or word in FILLER_WORDS
        or word in OUTCOME_BY_WORD
        or word.isdigit()
        or stem(word) in known_terms
    ):
        return False
    return not has_match(Case.objects.visible_to(ANONYMOUS), word)


def correct_unknown(query: str, token: str) -> str | None:
    """The query with each word that matches no public case replaced by the closest public
    word, or None (nothing to correct, or nothing close)."""
    key = f"{CACHE_KEY}:unknown:{token}:{hashlib.sha256(query.encode()).hexdigest()}"
    answer = cache.get(key)
    if answer is None:
        words = vocabulary(token)
        known_terms = set(words.values())
        typed = query.split()
        if any(_unknown(fold(word), known_terms) for word in typed):
            answer = _correct(query, words, only=lambda w: _unknown(w, known_terms)) or ""
        else:
            answer = ""
        cache.set(key, answer, timeout=60 * 60)
    return answer or None


MAX_COMPLETIONS = 10


def complete(prefix: str, token: str) -> list[str]:
    """The prefix with its last word completed to public words, shortest first:
    "overl" → ["overlast", ...], "jongeren overl" → ["jongeren overlast", ...]."""
    head, _, last = prefix.rpartition(" ")
    last = fold(last)
    if len(last) < 3:
        return []
    found = sorted((w for w in vocabulary(token) if w.startswith(last) and w != last), key=len)
    start = f"{head} " if head else ""
    return [start + word for word in found[:MAX_COMPLETIONS]]


def correct(query: str, token: str) -> str | None:
    """The query with each unknown word replaced by the closest known word, or None.

    Kept per search state (`token`): the words come from public content only, so one answer
    serves every visitor.
    """
    key = f"{CACHE_KEY}:correct:{token}:{hashlib.sha256(query.encode()).hexdigest()}"
    answer = cache.get(key)
    if answer is None:
        answer = _correct(query, vocabulary(token)) or ""
        cache.set(key, answer, timeout=60 * 60)
    return answer or None


def _correct(query: str, words: dict[str, str], only=None) -> str | None:
    known = set(words.values())
    by_first_letter: dict[str, list[str]] = {}
    for word in words:
        by_first_letter.setdefault(word[0], []).append(word)
    corrected, changed = [], False
    for word in query.split():
        folded = fold(word)
        if len(folded) < MIN_WORD_LENGTH or folded in STOP_WORDS or stem(folded) in known:
            corrected.append(word)
            continue
        if only is not None and not only(folded):
            corrected.append(word)
            continue
        candidates = [
            w for w in by_first_letter.get(folded[0], []) if abs(len(w) - len(folded)) <= 2
        ]
        match = difflib.get_close_matches(folded, candidates, n=1, cutoff=SIMILARITY)
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
