"""Ranking a few matches in Python, from their indexed terms (SQLite, models with few entries).

FTS5's bm25() reads the document frequency of every word of the query over the whole index once
per query: for a word that most of 100,000 cases contain, that is most of the time a search of
topics or statements takes, although they have only a handful of matches. Those few matches are
scored here instead, with the same formula (Okapi BM25, title counted five times as body, as
SQLITE_COLUMN_WEIGHTS), from the terms the index stores for them. The document frequency is
taken among the entries of these kinds that match: what distinguishes one topic from another is
how it uses the words of the query, not how often cases use them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

K1 = 1.2  # FTS5's bm25() constants
B = 0.75
TITLE_WEIGHT = 5.0


def bm25_order(rows: Iterable[tuple], terms: Iterable[str]) -> list[tuple]:
    """`rows` of (key..., title, body) best first: the highest score, then the highest key.

    Each row's last two values are its indexed title and body (terms separated by spaces); the
    keys before them are returned as they are, as one tuple per row (or the single key)."""
    wanted = set(terms)
    scored = []
    for row in rows:
        *key, title, body = row
        title_terms, body_terms = (title or "").split(), (body or "").split()
        counts = Counter(term for term in body_terms if term in wanted)
        for term in title_terms:
            if term in wanted:
                counts[term] += TITLE_WEIGHT
        length = len(body_terms) + TITLE_WEIGHT * len(title_terms)
        scored.append((key, counts, length))
    if not scored:
        return []
    total = len(scored)
    average = sum(length for _key, _counts, length in scored) / total or 1.0
    frequency = Counter(term for _key, counts, _length in scored for term in counts)
    idf = {term: math.log((total - n + 0.5) / (n + 0.5) + 1.0) for term, n in frequency.items()}

    def score(counts: Counter, length: float) -> float:
        norm = K1 * (1 - B + B * length / average)
        return sum(idf[term] * tf * (K1 + 1) / (tf + norm) for term, tf in counts.items())

    ranked = sorted(
        ((score(counts, length), key) for key, counts, length in scored),
        key=lambda pair: (-pair[0], -int(pair[1][-1])),
    )
    return [key[0] if len(key) == 1 else tuple(key) for _score, key in ranked]
