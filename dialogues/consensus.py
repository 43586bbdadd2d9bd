"""How much support a statement has: its level, whether it polarises, group consensus.

The levels are the Synthetron scale from the 2020 report; group-informed consensus is Pol.is'.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_VOTES = 4  # agree-or-disagree votes before a statement gets a level
POLARISING_SHARE = 0.3


class Level(models.TextChoices):
    TOP = "top", _("top")
    HIGH = "hoog", _("hoog")
    MEDIUM = "midden", _("midden")
    LOW = "laag", _("laag")
    BOTTOM = "bodem", _("bodem")


# (lowest agreement share that is *exceeded*, level), highest first.
THRESHOLDS = [(0.9, Level.TOP), (0.7, Level.HIGH), (0.4, Level.MEDIUM), (0.15, Level.LOW)]


def agreement(agree: int, disagree: int) -> float | None:
    """The share of agree among agree-or-disagree votes (passes do not count), or None."""
    votes = agree + disagree
    return agree / votes if votes else None


def level(agree: int, disagree: int) -> Level | None:
    """Top above 90 %, high above 70 %, medium above 40 %, low above 15 %, else bottom;
    no level with fewer than 4 agree-or-disagree votes."""
    if agree + disagree < MIN_VOTES:
        return None
    share = agree / (agree + disagree)
    for threshold, name in THRESHOLDS:
        if share > threshold:
            return name
    return Level.BOTTOM


def is_polarising(agree: int, disagree: int) -> bool:
    """A "bipotron": at least 4 agree-or-disagree votes, each side at least 30 %."""
    votes = agree + disagree
    return votes >= MIN_VOTES and min(agree, disagree) / votes >= POLARISING_SHARE


def group_consensus(groups: Iterable[tuple[int, int]]) -> float | None:
    """Pol.is' group-informed consensus: the product over opinion groups of
    (agrees in the group + 1) / (votes in the group + 2), passes counted as votes.

    `groups` holds (agrees, votes) per group; None when there are no groups."""
    groups = list(groups)
    if not groups:
        return None
    product = 1.0
    for agrees, votes in groups:
        product *= (agrees + 1) / (votes + 2)
    return product


class HasVotes(Protocol):
    agree: int
    disagree: int


@dataclass(frozen=True)
class Support:
    """The level of each statement and whether it polarises, in the order given."""

    levels: list[Level | None]
    polarising: list[bool]

    @property
    def with_level(self) -> int:
        """How many statements have a level (enough agree-or-disagree votes)."""
        return sum(level is not None for level in self.levels)

    @property
    def polarising_count(self) -> int:
        return sum(self.polarising)


def support(statements: Iterable[HasVotes]) -> Support:
    """The levels and polarisation of a dialogue's statements, and the counts a dialogue
    shows: the one computation for the import preview and the import itself."""
    statements = list(statements)
    return Support(
        levels=[level(s.agree, s.disagree) for s in statements],
        polarising=[is_polarising(s.agree, s.disagree) for s in statements],
    )
