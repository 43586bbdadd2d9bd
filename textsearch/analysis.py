"""Dutch text analysis for search: the same terms for what we index and what people type.

PostgreSQL's `dutch` configuration stems Dutch, SQLite's FTS5 does not. So that both engines (and
their results) are the same, we stem in Python with the Snowball Dutch stemmer and hand the index
plain terms (PostgreSQL then uses the `simple` configuration, which leaves them as they are).
On top of Snowball, one derivation rule: a person doing something ("jongerenwerker",
"signaleerder") is found by the activity ("jongerenwerk") and the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from textsearch.compounds import split

WORD = re.compile(r"\w+", re.UNICODE)

# Common Dutch function words: they carry no meaning for search.
STOP_WORDS = frozenset(
    """
    aan al alle als bij dan dat de den der des deze die dit door dus een en er haar had heb
    hebben heeft hem het hier hij hoe hun ik in is je jij kan kon maar me meer men met mij mijn
    na naar niet niets nog nu of om omdat ons onze ook op over te tegen toch toen tot u uit van
    veel voor waar wanneer want was wat we wel werd wie wij wil wordt worden zal ze zelf zich
    zij zijn zo zonder zou
    waarom welk welke hoeveel waarmee waardoor kun kunt kunnen moet moeten ging gaat gaan doe
    doet doen jullie krijg krijgt krijgen iets zit zitten
    """.split()
)
# Words people put around what they look for ("waarom werkt een project niet", "aanpak van
# ..."): searched, and ranked on, but never required, so they never empty a result.
FILLER_WORDS = frozenset(
    """
    project projecten aanpak aanpakken werkt werken werkte werkten les lessen ervaring
    ervaringen voorbeeld voorbeelden praktijk praktijkvoorbeeld praktijkvoorbeelden tips tip
    manier manieren gebrek helpt helpen help organiseer organiseren pak pakken voorkom
    voorkomen oplossing oplossingen idee ideeen goede goed beste
    """.split()
)

_stemmer = snowballstemmer.stemmer("dutch")
AGENT_SUFFIX_MIN_LENGTH = 7
DOUBLE_VOWEL = re.compile(r"([aeou])\1")


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """Lower case without accents: "Continuïteit" and "continuiteit" are the same word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The search term for one word (already folded)."""
    term = _stemmer.stemWord(word)
    if term.endswith("er") and len(term) >= AGENT_SUFFIX_MIN_LENGTH:
        term = term[:-2]
    # Open and closed syllables spell one vowel twice or once: "signaal"/"signalen",
    # "straat"/"straten". One spelling for both.
    return DOUBLE_VOWEL.sub(r"\1", term)


def terms(text: str) -> list[str]:
    """The search terms of a text, in order, without stop words."""
    words = (fold(match) for match in WORD.findall(text or ""))
    return [stem(word) for word in words if word not in STOP_WORDS]


COMPOUND_MIN_LENGTH = 9
COMPOUND_PART_MIN_LENGTH = 5


def compound_parts(term: str) -> list[str]:
    """The possible heads of a Dutch compound: "vroegsignal" → [..., "signal", "ignal"].

    Dutch writes compounds as one word ("vroegsignalering", "buurthuiskamer"); indexing the
    tails lets "signaleren" find "vroegsignalering". Tails that are no word harm nobody: no
    one searches for them.
    """
    if len(term) < COMPOUND_MIN_LENGTH:
        return []
    return [term[i:] for i in range(3, len(term) - COMPOUND_PART_MIN_LENGTH + 1)]


def part_terms(word: str) -> list[str]:
    """The terms of the parts of a compound (folded word), by the Dutch dictionary."""
    return [stem(part) for part in split(word) if part not in STOP_WORDS]


def analyse(text: str, compounds: bool = False) -> str:
    """A text as the index stores it: its terms separated by spaces, and after each compound
    the terms of its parts ("jongerenoverlast" is found by "overlast van jongeren").

    With `compounds`, the tails of compound words too (for short fields such as titles).
    """
    words = [
        word
        for word in (fold(match) for match in WORD.findall(text or ""))
        if word not in STOP_WORDS
    ]
    found = []
    for word in words:
        found.append(stem(word))
        found += part_terms(word)
    if compounds:
        found += [part for word in words for part in compound_parts(stem(word))]
    return " ".join(found)
