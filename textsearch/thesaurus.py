"""The thesaurus as the engine reads it: for each term (or phrase) its equivalents.

Read from textsearch.models.SynonymGroup once per content state (core/state.py): a change to a
group renews the token, so every process reads the groups again at its next search. Applied at
query time only, so a change needs no reindex.
"""

from __future__ import annotations

from django.core.cache import cache

from textsearch.analysis import STOP_WORDS, WORD, fold, stem
from textsearch.models import SynonymGroup, split_terms

CACHE_SECONDS = 60 * 60 * 24
_memo: dict[str, dict] = {}


def _key(term: str) -> tuple[str, ...]:
    return tuple(
        stem(word) for word in (fold(w) for w in WORD.findall(term)) if word not in STOP_WORDS
    )


def build() -> dict[tuple[str, ...], list[str]]:
    mapping: dict[tuple[str, ...], list[str]] = {}
    for text in SynonymGroup.objects.values_list("terms", flat=True):
        terms = split_terms(text)
        for term in terms:
            key = _key(term)
            if key:
                others = mapping.setdefault(key, [])
                others += [other for other in terms if other != term and other not in others]
    return mapping


def synonyms(token: str) -> dict[tuple[str, ...], list[str]]:
    """The thesaurus for content state `token` (kept in this process and in the cache)."""
    if token in _memo:
        return _memo[token]
    key = f"search:thesaurus:{token}"
    mapping = cache.get(key)
    if mapping is None:
        mapping = build()
        cache.set(key, mapping, timeout=CACHE_SECONDS)
    _memo.clear()
    _memo[token] = mapping
    return mapping
