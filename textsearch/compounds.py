"""Dutch compounds: "jongerenoverlast" is "jongeren" + "overlast", "veiligheidsgevoel" is
"veiligheid" + s + "gevoel".

Dutch writes compounds as one word, people search for them either way ("overlast van
jongeren"). A word is split where every part is a Dutch word of OpenTaal's spelling dictionary
(textsearch/data/opentaal: the hunspell files, BSD or CC BY 3.0, see LICENSE.md there), with the
linking letters Dutch puts between parts (-s-, -e-, -en-, -n-). The parts are indexed beside the
compound and searched as an alternative to it, at index and query time alike, so both engines
give the same answers.

The dictionary's word list is read once per process (its stems, without hunspell's affix
rules: our own stemmer handles plurals and verb forms, `is_word`): about 0.3 s and 15 MB,
where loading it with a full hunspell reader (spylls) takes 8 s and 180 MB. Splits are
cached per word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DICTIONARY = Path(__file__).parent / "data" / "opentaal" / "nl.dic"
MIN_WORD_LENGTH = 8  # shorter words are no compounds worth splitting
MIN_PART_LENGTH = 4
MAX_PARTS = 3
# Heads that are prefixes or particles rather than words of their own ("overlast" is no
# "over" + "last", "ondermijning" no "onder" + "mijning").
NOT_A_HEAD = frozenset(
    """
    aan achter af bij binnen boven buiten door hoofd langs mede mee midden min na naast neer
    niet om onder ont op over rond samen tegen terug toe tussen uit veel ver voor voorbij weder
    weer weg zelf
    """.split()
)
# Tails that are suffixes rather than words ("eenzaamheid" is no "eenzaam" + "heid").
NOT_A_TAIL = frozenset(
    "heid heden schap schappen baar loos achtig lijk lijke tjes ling lingen".split()
)
# A word the dictionary knows whole is split only into parts of five letters or more, or these
# short words that often begin or end a compound: so "wijkagent" is split, "gemeente" (no
# "geme" + "ente") and "verslaving" (no "vers" + "laving") are not.
SHORT_PARTS = frozenset(
    """
    arts auto boom club dier dorp drug flat gas geld hal hang hond huis huur jeugd kerk kind
    koop land lijn moes pand park plan raad rust spel stad taal team tuin vuil weg werk wijk
    woon zorg
    """.split()
)
_ENTRY = re.compile(r"^([a-zà-ÿĳ]+)(?=/|$)", re.MULTILINE)
_DOUBLED_CONSONANT = re.compile(r"([bdfgklmnprst])\1$")
_CLOSED_SYLLABLE = re.compile(r"^(.*[^aeiou])([aeou])([^aeiouy])$")


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """The dictionary's words in lower case (folded), without names and abbreviations."""
    # Import here: analysis imports this module for `split`.
    from textsearch.analysis import fold

    text = DICTIONARY.read_text(encoding="utf-8")
    entries = _ENTRY.findall(text)
    return frozenset(
        entry if entry.isascii() else fold(entry) for entry in entries if len(entry) >= 3
    )


def is_word(word: str) -> bool:
    """A Dutch word, or a plural or inflected form of one ("schulden", "budgetten", "straten")."""
    known = words()
    if word in known:
        return True
    candidates = []
    if word.endswith("en"):
        base = word[:-2]
        candidates.append(base)
        if _DOUBLED_CONSONANT.search(base):  # budgetten → budget
            candidates.append(base[:-1])
        if closed := _CLOSED_SYLLABLE.match(base):  # straten → straat
            candidates.append(closed.group(1) + closed.group(2) * 2 + closed.group(3))
    if word.endswith(("s", "e")):  # bewoners → bewoner, jongere
        candidates.append(word[:-1])
    return any(candidate in known for candidate in candidates)


def _head_forms(head: str) -> list[str]:
    """The head as written and without a linking letter (veiligheid-s-, jongere-n-, ...)."""
    forms = [head]
    if head.endswith("s"):
        forms.append(head[:-1])
    if head.endswith("en"):
        forms.append(head[:-2])
    if head.endswith("n"):
        forms.append(head[:-1])
    if head.endswith("e"):
        forms.append(head[:-1])
    return [form for form in forms if len(form) >= MIN_PART_LENGTH - 1]


def _good_head(head: str) -> str | None:
    """The head without its linking letter when that is a word, else as written."""
    forms = [f for f in _head_forms(head) if f not in NOT_A_HEAD and len(f) >= MIN_PART_LENGTH]
    known = words()
    return next((f for f in forms if f in known), None) or next(
        (f for f in forms if is_word(f)), None
    )


def _long_enough(parts: tuple[str, ...]) -> bool:
    return all(len(part) >= MIN_PART_LENGTH + 1 or part in SHORT_PARTS for part in parts)


@lru_cache(maxsize=100_000)
def split(word: str, parts: int = MAX_PARTS) -> tuple[str, ...]:
    """The parts of a compound (folded word), or () when it is none.

    The split with the fewest parts wins; between splits into two, the one whose shorter part
    is longest, then the one with the longer head: "buurthuis" is "buurt" + "huis", not
    "buur" + "thuis"; "moestuinproject" → ("moes", "tuin", "project").
    """
    if len(word) < MIN_WORD_LENGTH or parts < 2:
        return ()
    whole_known = word in words()
    pairs: list[tuple[str, str]] = []
    longer: tuple[str, ...] = ()
    for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
        tail = word[cut:]
        if tail in NOT_A_TAIL or not is_word(tail):
            continue
        head = _good_head(word[:cut])
        if head:
            if not whole_known or _long_enough((head, tail)):
                pairs.append((head, tail))
        elif parts > 2 and not longer and not pairs:
            inner = split(word[:cut], parts - 1)
            if inner and (not whole_known or _long_enough((*inner, tail))):
                longer = (*inner, tail)
    if pairs:
        return max(pairs, key=lambda pair: (min(len(pair[0]), len(pair[1])), len(pair[0])))
    return longer
