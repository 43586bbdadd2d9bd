"""Figures of a dialogue that a professional can reuse: drawn on the server as SVG, with their
data as CSV (no JavaScript anywhere).

Two kinds:

- `poll`: a bar per answer, its votes and share;
- `support`: a stacked bar per statement, the shares that agreed, passed and disagreed.

A figure is named by a key in its download address: `vraag-3` (the statements of question 3),
`stellingen` (the best supported statements of a dialogue without questions) and `poll-2` (the
poll at position 2). The same template draws the figure on the report page and in the download
(dialogues/templates/dialogues/figure.svg): colours are SVG attributes, so a downloaded file
looks the same outside the site; on the page the site's CSS classes apply.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from dialogues.exporters import csv_safe
from dialogues.models import Dialogue, Poll, Statement

WIDTH, BAR_SPACE, ROW_HEIGHT, LABEL_CHARS = 600, 480, 46, 72
TOP = 28  # room for the legend of a support figure
SUPPORT_STATEMENTS = 12  # per question figure


def short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


@dataclass
class Segment:
    x: float
    width: float
    kind: str  # eens / neutraal / oneens


@dataclass
class Row:
    label: str
    values: list[int]  # poll: [votes]; support: [agree, passed, disagree]
    percents: list[int]
    label_y: int = 0
    bar_y: int = 0
    width: float = 0  # poll bar
    value_x: float = 0
    segments: list[Segment] = field(default_factory=list)

    @property
    def short_label(self) -> str:
        return short(self.label)

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class Figure:
    key: str
    kind: str  # poll / support
    title: str
    rows: list[Row]
    width: int = WIDTH

    @property
    def top(self) -> int:
        return TOP if self.kind == "support" else 0

    @property
    def height(self) -> int:
        return self.top + ROW_HEIGHT * len(self.rows) + 4

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    @property
    def description(self) -> str:
        """The figure's numbers in words, for a screen reader and the SVG's <desc>."""
        if self.kind == "poll":
            return "; ".join(f"{r.label}: {r.values[0]} ({r.percents[0]} %)" for r in self.rows)
        return "; ".join(
            _("%(label)s: %(agree)s %% eens, %(passed)s %% neutraal, %(disagree)s %% oneens")
            % {
                "label": r.label,
                "agree": r.percents[0],
                "passed": r.percents[1],
                "disagree": r.percents[2],
            }
            for r in self.rows
        )

    def csv_header(self) -> list[str]:
        if self.kind == "poll":
            return [_("antwoord"), _("stemmen"), _("aandeel (%)")]
        return [_("stelling"), _("eens"), _("neutraal"), _("oneens"), _("eens (%)")]

    def csv_rows(self) -> list[list]:
        if self.kind == "poll":
            return [[r.label, r.values[0], r.percents[0]] for r in self.rows]
        return [[r.label, r.values[0], r.values[1], r.values[2], r.percents[0]] for r in self.rows]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def poll_figure(poll: Poll) -> Figure:
    """A bar per answer, the longest bar for the most votes; uses `poll.options` as prefetched."""
    options = list(poll.options.all())
    total = sum(option.votes for option in options)
    longest = max((option.votes for option in options), default=0)
    rows = []
    for n, option in enumerate(options):
        width = round(max(BAR_SPACE * option.votes / longest if longest else 0, 2), 1)
        rows.append(
            Row(
                label=option.text,
                values=[option.votes],
                percents=[_percent(option.votes, total)],
                label_y=n * ROW_HEIGHT + 16,
                bar_y=n * ROW_HEIGHT + 22,
                width=width,
                value_x=round(width + 8, 1),
            )
        )
    return Figure(f"poll-{poll.position}", "poll", poll.text, rows)


def support_figure(key: str, title: str, statements: list[Statement]) -> Figure:
    """A stacked bar per statement: agreed, passed, disagreed, as shares of its votes."""
    rows = []
    for n, statement in enumerate(statements):
        values = [statement.agree, statement.passed, statement.disagree]
        total = sum(values)
        y = TOP + n * ROW_HEIGHT
        segments, x = [], 0.0
        for value, kind in zip(values, ("eens", "neutraal", "oneens"), strict=True):
            width = round(BAR_SPACE * value / total, 1) if total else 0
            if width:
                segments.append(Segment(round(x, 1), width, kind))
            x += width
        rows.append(
            Row(
                label=statement.text,
                values=values,
                percents=[_percent(value, total) for value in values],
                label_y=y + 16,
                bar_y=y + 22,
                value_x=BAR_SPACE + 8,
                segments=segments,
            )
        )
    return Figure(key, "support", title, rows)


def figure_csv(figure: Figure) -> str:
    """The figure's data; a text a spreadsheet program would run as a formula is defused."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(figure.csv_header())
    writer.writerows([csv_safe(value) for value in row] for row in figure.csv_rows())
    return text.getvalue()


def dialogue_figure(dialogue: Dialogue, key: str) -> Figure | None:
    """The figure named `key` of a dialogue the caller may see, or None."""
    kind, _sep, number = key.partition("-")
    if kind == "poll" and number.isdigit():
        poll = (
            Poll.objects.filter(dialogue=dialogue, position=int(number))
            .prefetch_related("options")
            .first()
        )
        return poll_figure(poll) if poll else None
    statements = Statement.objects.filter(dialogue=dialogue).by_support()
    if kind == "vraag" and number.isdigit():
        question = dialogue.questions.filter(number=int(number)).first()
        if question is None:
            return None
        chosen = list(statements.filter(question=question)[:SUPPORT_STATEMENTS])
        return question_figure(question, chosen)
    if key == "stellingen":
        return top_figure(list(statements[:SUPPORT_STATEMENTS]))
    return None


def question_figure(question, statements: list[Statement]) -> Figure:
    return support_figure(
        f"vraag-{question.number}",
        _("Vraag %(number)s: %(text)s") % {"number": question.number, "text": question.text},
        statements[:SUPPORT_STATEMENTS],
    )


def top_figure(statements: list[Statement]) -> Figure:
    return support_figure(
        "stellingen", _("Stellingen met het meeste draagvlak"), statements[:SUPPORT_STATEMENTS]
    )
