"""Snippets with the matched words marked, for search results.

The text is escaped piece by piece and only our own <mark> elements are added, so user content
never becomes HTML.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from textsearch.analysis import STOP_WORDS, WORD, fold, stem

SNIPPET_WORDS = 32


def _matches(text: str, query_terms: set[str]) -> list[tuple[int, int, bool]]:
    """(start, end, matched) for every word in the text."""
    spans = []
    for match in WORD.finditer(text):
        word = fold(match.group())
        matched = word not in STOP_WORDS and stem(word) in query_terms
        spans.append((match.start(), match.end(), matched))
    return spans


def best_text(texts: list[str], query_terms: set[str]) -> str:
    """Of several texts (summary first), the one with the most matched words."""
    best, best_count = texts[0] if texts else "", 0
    for text in texts:
        count = sum(1 for _, _, matched in _matches(text, query_terms) if matched)
        if count > best_count:
            best, best_count = text, count
    return best


def highlight(text: str, query_terms: set[str], words: int = SNIPPET_WORDS) -> SafeString:
    """A window of about `words` words around the first match, matches in <mark>."""
    spans = _matches(text, query_terms)
    if not spans:
        return mark_safe("")  # noqa: S308 (empty)
    first = next((i for i, (_, _, matched) in enumerate(spans) if matched), 0)
    start_index = max(0, min(first - words // 4, len(spans) - words))
    window = spans[start_index : start_index + words]
    start, end = window[0][0], window[-1][1]
    if start_index == 0:
        start = 0
    parts = ["…" if start > 0 else ""]
    position = start
    for word_start, word_end, matched in window:
        parts.append(escape(text[position:word_start]))
        word = escape(text[word_start:word_end])
        parts.append(f"<mark>{word}</mark>" if matched else word)
        position = word_end
    if end < len(text):
        parts.append(escape(text[position:end]) + "…")
    else:
        parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text above is escaped)
