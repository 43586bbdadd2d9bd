"""The consensus rules (dialogues/consensus.py), at their boundaries."""

import pytest

from dialogues.consensus import Level, agreement, group_consensus, is_polarising, level


@pytest.mark.parametrize(
    ("agree", "disagree", "expected"),
    [
        (91, 9, Level.TOP),  # 91 %
        (9, 1, Level.HIGH),  # exactly 90 % is not *above* 90 %
        (71, 29, Level.HIGH),
        (7, 3, Level.MEDIUM),  # exactly 70 %
        (41, 59, Level.MEDIUM),
        (4, 6, Level.LOW),  # exactly 40 %
        (16, 84, Level.LOW),
        (3, 17, Level.BOTTOM),  # exactly 15 %
        (0, 4, Level.BOTTOM),
        (4, 0, Level.TOP),  # four votes are enough
        (3, 0, None),  # three are not
        (0, 0, None),
    ],
)
def test_levels(agree, disagree, expected):
    assert level(agree, disagree) == expected


def test_passes_do_not_count_towards_agreement():
    assert agreement(3, 1) == 0.75
    assert agreement(0, 0) is None


@pytest.mark.parametrize(
    ("agree", "disagree", "expected"),
    [
        (7, 3, True),  # 30 % disagree
        (3, 7, True),
        (71, 29, False),  # 29 % disagree
        (2, 1, False),  # too few votes
        (2, 2, True),
    ],
)
def test_polarising(agree, disagree, expected):
    assert is_polarising(agree, disagree) is expected


def test_group_informed_consensus_is_the_product_over_groups():
    # Group A: 3 of 4 agree; group B: 1 of 2: (4/6) * (2/4)
    assert group_consensus([(3, 4), (1, 2)]) == pytest.approx(4 / 6 * 2 / 4)
    assert group_consensus([]) is None
