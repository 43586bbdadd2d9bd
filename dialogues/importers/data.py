"""What every reader returns: a dialogue as plain data, or an error that lists every problem.

A reader (the workbook, the Pol.is export) turns a file into `DialogueData`; nothing in the
readers touches the database. dialogues/services.py saves a `DialogueData` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MAX_ERRORS = 50  # a broken file lists this many problems, then says how many more


class DialogueFileError(Exception):
    """The file was refused; `errors` says where and why, in Dutch. Nothing was changed."""

    def __init__(self, errors: list[str]):
        if len(errors) > MAX_ERRORS:
            errors = errors[:MAX_ERRORS] + [f"... en nog {len(errors) - MAX_ERRORS} fouten."]
        super().__init__("\n".join(errors))
        self.errors = errors


def refuse_missing(required: list[str], present, message: str, expected: str) -> None:
    """Refuse the file when one of the `required` sheets or files is not `present`.

    `message` names the missing one (formatted with `name`); `expected` lists what belongs."""
    missing = [name for name in required if name not in present]
    if missing:
        raise DialogueFileError(
            [f"{message.format(name=name)} Verwacht: {expected}" for name in missing]
        )


@dataclass
class QuestionData:
    number: int
    section: str
    text: str


@dataclass
class ClusterData:
    question_number: int
    name: str
    rank: int
    explanation: str = ""


@dataclass
class StatementData:
    question_number: int | None
    text: str
    agree: int
    disagree: int
    passed: int
    cluster: str = ""
    external_id: str = ""
    # (agree, disagree, passed) per opinion group, in the order of DialogueData.opinion_groups
    groups: list[tuple[int, int, int]] = field(default_factory=list)
    group_consensus: float | None = None  # as exported, when the groups themselves are not


@dataclass
class PollData:
    question_number: int | None
    text: str
    options: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class DialogueData:
    source: str
    title: str = ""
    date: date | None = None
    commissioned_by: str = ""
    method: str = ""
    description: str = ""
    participants: int | None = None
    messages: int | None = None
    reactions: int | None = None
    source_url: str = ""
    counts_are_illustrative: bool = False
    questions: list[QuestionData] = field(default_factory=list)
    clusters: list[ClusterData] = field(default_factory=list)
    statements: list[StatementData] = field(default_factory=list)
    polls: list[PollData] = field(default_factory=list)
    # Pol.is opinion groups: (group id in the export, participants in it), in order.
    opinion_groups: list[tuple[str, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
