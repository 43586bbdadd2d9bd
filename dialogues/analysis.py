"""What a dialogue's votes say beyond each statement's own support, as Pol.is' report says it.

Three findings, each computed from vote counts only (no database here):

Representative statements per opinion group ("repness"), Pol.is' method
    For a statement and a group, with na agrees, nd disagrees and ns votes seen (passes
    included) in the group, and the same summed over all other groups ("the rest"):

    - pa = (na + 1) / (ns + 2): the group's agree rate, with a prior of one agree in two votes,
      so that 1 of 1 is not "100 %";
    - pat = prop_test(na, ns): is the group's agree rate above one half?
    - ra = pa / pa_rest: how much likelier the group is to agree than the rest;
    - rat = two_prop_test(na, na_rest, ns, ns_rest): is that difference more than chance?
    - the same for disagree (pd, pdt, rd, rdt).

    Both tests add one success and one trial to each count (the pseudocount) before the usual
    z statistic, so a group of three that all agree does not count as certain. A statement
    represents a group when both tests of one direction pass at 90 % one-sided (z > 1.2816).
    Of those, the five with the highest ra * rat * pa * pat, agrees listed before disagrees.
    When none passes, the one with the highest rat or rdt is shown, marked as not significant.
    This follows polismath's repness.clj; its extra "best agree" pick is left out.

Consensus: what most groups agree on
    With groups: Pol.is' group-informed consensus, the product over groups of (na + 1) / (ns + 2)
    (dialogues/consensus.py), highest first. It is high only when every group agrees.
    Without groups (a workbook dialogue), Pol.is' majority test: pa above one half and pat
    significant, ordered by pa * pat; a workbook's own "groepsconsensus" column goes first.

Areas of uncertainty
    As in Pol.is' report: statements that more than 30 % of those who saw them passed on,
    most passes first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from dialogues.consensus import MIN_VOTES

Z_90 = 1.2816  # one-sided 90 % significance, Pol.is' threshold
REPRESENTATIVE = 5  # per group
CONSENSUS = 5
UNCERTAIN = 5
UNCERTAIN_PASS_SHARE = 0.3


def prop_test(successes: int, trials: int) -> float:
    """z of "the rate is above one half", one success and one trial added (Pol.is)."""
    successes, trials = successes + 1, trials + 1
    return 2 * math.sqrt(trials) * (successes / trials - 0.5)


def two_prop_test(success_in: int, success_out: int, trials_in: int, trials_out: int) -> float:
    """z of "the rate in is above the rate out", one success and one trial added to each."""
    success_in, success_out = success_in + 1, success_out + 1
    trials_in, trials_out = trials_in + 1, trials_out + 1
    pooled = (success_in + success_out) / (trials_in + trials_out)
    if pooled >= 1:  # everyone agreed: no difference to test (Pol.is returns 0 as well)
        return 0.0
    rate_in, rate_out = success_in / trials_in, success_out / trials_out
    spread = math.sqrt(pooled * (1 - pooled) * (1 / trials_in + 1 / trials_out))
    return (rate_in - rate_out) / spread


def significant(z: float) -> bool:
    return z > Z_90


def rate(successes: int, trials: int) -> float:
    """The rate with Pol.is' prior of one success in two trials."""
    return (successes + 1) / (trials + 2)


class HasGroupVotes(Protocol):
    agree: int
    disagree: int
    passed: int
    group_votes: list  # [agree, disagree, passed] per group
    group_consensus: float | None


@dataclass(frozen=True)
class GroupStats:
    """One statement in one group against the rest (names as in polismath)."""

    na: int
    nd: int
    ns: int
    rest_na: int
    rest_nd: int
    rest_ns: int

    @property
    def pa(self) -> float:
        return rate(self.na, self.ns)

    @property
    def pd(self) -> float:
        return rate(self.nd, self.ns)

    @property
    def pat(self) -> float:
        return prop_test(self.na, self.ns)

    @property
    def pdt(self) -> float:
        return prop_test(self.nd, self.ns)

    @property
    def ra(self) -> float:
        return self.pa / rate(self.rest_na, self.rest_ns)

    @property
    def rd(self) -> float:
        return self.pd / rate(self.rest_nd, self.rest_ns)

    @property
    def rat(self) -> float:
        return two_prop_test(self.na, self.rest_na, self.ns, self.rest_ns)

    @property
    def rdt(self) -> float:
        return two_prop_test(self.nd, self.rest_nd, self.ns, self.rest_ns)


def group_stats(group_votes: Sequence[Sequence[int]], group: int) -> GroupStats:
    agree, disagree, passed = group_votes[group]
    rest = [votes for n, votes in enumerate(group_votes) if n != group]
    return GroupStats(
        na=agree,
        nd=disagree,
        ns=agree + disagree + passed,
        rest_na=sum(v[0] for v in rest),
        rest_nd=sum(v[1] for v in rest),
        rest_ns=sum(sum(v) for v in rest),
    )


@dataclass(frozen=True)
class Representative:
    """A statement that sets a group apart: its members agree (or disagree) more than the rest."""

    statement: HasGroupVotes
    direction: str  # "eens" or "oneens"
    stats: GroupStats
    significant: bool

    @property
    def repness(self) -> float:
        return self.stats.ra if self.direction == "eens" else self.stats.rd

    @property
    def repness_test(self) -> float:
        return self.stats.rat if self.direction == "eens" else self.stats.rdt

    @property
    def metric(self) -> float:
        s = self.stats
        if self.direction == "eens":
            return s.ra * s.rat * s.pa * s.pat
        return s.rd * s.rdt * s.pd * s.pdt

    @property
    def group_percent(self) -> int:
        """The share of the group's votes (passes included) in this direction, as shown."""
        s = self.stats
        count = s.na if self.direction == "eens" else s.nd
        return round(100 * count / s.ns) if s.ns else 0

    @property
    def rest_percent(self) -> int:
        s = self.stats
        count = s.rest_na if self.direction == "eens" else s.rest_nd
        return round(100 * count / s.rest_ns) if s.rest_ns else 0


def _candidate(statement: HasGroupVotes, group: int) -> Representative:
    stats = group_stats(statement.group_votes, group)
    direction = "eens" if stats.rat > stats.rdt else "oneens"
    passes = (significant(stats.rat) and significant(stats.pat)) or (
        significant(stats.rdt) and significant(stats.pdt)
    )
    return Representative(statement, direction, stats, passes)


def representative(
    statements: Sequence[HasGroupVotes], groups: int, limit: int = REPRESENTATIVE
) -> list[list[Representative]]:
    """Per group, the statements that represent it (see the module's description)."""
    result = []
    voted = [s for s in statements if len(s.group_votes) == groups]
    for group in range(groups):
        candidates = [_candidate(s, group) for s in voted if sum(s.group_votes[group])]
        sufficient = [c for c in candidates if c.significant]
        if sufficient:
            best = sorted(sufficient, key=lambda c: -c.metric)[:limit]
            result.append(
                [c for c in best if c.direction == "eens"]
                + [c for c in best if c.direction == "oneens"]
            )
        elif candidates:
            result.append([max(candidates, key=lambda c: c.repness_test)])
        else:
            result.append([])
    return result


def consensus(statements: Sequence[HasGroupVotes], limit: int = CONSENSUS) -> list:
    """The statements most participants, or all groups, agree on (see the description)."""
    with_groups = [s for s in statements if s.group_consensus is not None]
    if with_groups:
        return sorted(with_groups, key=lambda s: -s.group_consensus)[:limit]
    majority = []
    for s in statements:
        seen = s.agree + s.disagree + s.passed
        if rate(s.agree, seen) > 0.5 and significant(prop_test(s.agree, seen)):
            majority.append((rate(s.agree, seen) * prop_test(s.agree, seen), s))
    return [s for _metric, s in sorted(majority, key=lambda pair: -pair[0])][:limit]


def pass_share(statement: HasGroupVotes) -> float:
    seen = statement.agree + statement.disagree + statement.passed
    return statement.passed / seen if seen else 0.0


def uncertain(statements: Sequence[HasGroupVotes], limit: int = UNCERTAIN) -> list:
    """Statements more than 30 % passed on, with at least a few votes; most passes first."""
    found = [
        s
        for s in statements
        if s.agree + s.disagree + s.passed >= MIN_VOTES and pass_share(s) > UNCERTAIN_PASS_SHARE
    ]
    return sorted(found, key=lambda s: (-pass_share(s), -s.passed))[:limit]
