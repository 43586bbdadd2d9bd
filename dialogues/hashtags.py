"""Synthetron hashtags out of statement text.

In a Synthetron session the moderator asks for answers that start with a hashtag, so the
answers can be grouped: "#Barrière is dat ...", "#Advies: zorg dat ...". On a report page,
the statements page and in search results the raw "#" is noise. The leading hashtag becomes the
statement's label; the text keeps reading as a sentence:

- "#Advies: zorg dat ..."      -> label "Advies", text "Zorg dat ..."  (the tag stood apart)
- "#Barrière is dat ..."       -> label "Barrière", text "Barrière is dat ..."  (the tag is a word
  of the sentence: only the "#" goes)
- a hashtag later in the text loses its "#" only.

A "#" before a digit ("nummer #1") is left alone. The import cleans new statements
(dialogues/services.py); migration 0003 cleaned the ones already imported, with a copy of these
rules (a migration must not change when this module does).
"""

from __future__ import annotations

import re

LABEL_LENGTH = 50
# A hashtag: "#" not inside a word, followed by a letter.
HASHTAG = re.compile(r"(?<![\w&#])#(?=[^\W\d_])")
LEADING = re.compile(r"^\s*#([^\W\d_][\w-]*)(\s*:\s*)?")


def clean(text: str) -> tuple[str, str]:
    """(text without hashtags, the leading hashtag's word or "")."""
    label = ""
    match = LEADING.match(text)
    if match:
        label = match.group(1)[:LABEL_LENGTH]
        rest = text[match.end() :]
        if match.group(2) and rest:
            text = rest[0].upper() + rest[1:]  # "#Advies: zorg" -> "Zorg"
    return HASHTAG.sub("", text).strip(), label


def restore(text: str, label: str) -> str:
    """The text as the source had it, so that an export re-imports with the same label:
    `clean(restore(text, label)) == (text, label)` for what `clean` made."""
    if not label:
        return text
    if text.startswith(label) and not text[len(label) : len(label) + 1].isalnum():
        return "#" + text
    return f"#{label}: {text}"
