"""Reading dialogues for the report page: a few queries, grouped in Python."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from dialogues.models import Cluster, Dialogue, Poll, Question, Statement

BEST_STATEMENTS = 3  # quoted per cluster
TOP_STATEMENTS = 10  # for a dialogue without questions


# A poll chart in SVG user units: a label above each bar, the number beside it.
CHART_WIDTH, BAR_SPACE, ROW_HEIGHT, LABEL_CHARS = 600, 480, 46, 72


@dataclass
class Bar:
    label: str
    value: int
    percent: int  # of all votes in the poll
    short_label: str  # what fits in the chart; the table beside it has the whole label
    label_y: int
    bar_y: int
    width: float
    value_x: float


@dataclass
class PollChart:
    poll: Poll
    bars: list[Bar]
    total: int
    width: int = CHART_WIDTH

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.bars) + 4

    @property
    def description(self) -> str:
        return "; ".join(f"{bar.label}: {bar.value} ({bar.percent} %)" for bar in self.bars)


def poll_chart(poll: Poll) -> PollChart:
    options = list(poll.options.all())
    total = sum(option.votes for option in options)
    longest = max((option.votes for option in options), default=0)
    bars = []
    for n, option in enumerate(options):
        width = BAR_SPACE * option.votes / longest if longest else 0
        label = option.text
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1].rstrip() + "…"
        bars.append(
            Bar(
                label=option.text,
                value=option.votes,
                percent=round(100 * option.votes / total) if total else 0,
                short_label=label,
                label_y=n * ROW_HEIGHT + 16,
                bar_y=n * ROW_HEIGHT + 22,
                width=round(max(width, 2), 1),
                value_x=round(max(width, 2) + 8, 1),
            )
        )
    return PollChart(poll, bars, total)


@dataclass
class ClusterReport:
    cluster: Cluster
    statements: list[Statement]
    best: list[Statement]


@dataclass
class QuestionReport:
    question: Question
    clusters: list[ClusterReport] = field(default_factory=list)
    unclustered: list[Statement] = field(default_factory=list)
    polls: list[PollChart] = field(default_factory=list)


@dataclass
class DialogueReport:
    dialogue: Dialogue
    questions: list[QuestionReport]
    polarising: list[Statement]
    top: list[Statement]  # best supported, for a dialogue without questions
    polls: list[PollChart]  # polls not tied to a question


def dialogue_report(dialogue: Dialogue) -> DialogueReport:
    """Per question its clusters by rank with their best supported statements and its polls;
    the polarising statements apart."""
    statements = list(Statement.objects.filter(dialogue=dialogue).by_support())
    by_cluster: dict[int, list[Statement]] = defaultdict(list)
    unclustered: dict[int | None, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.cluster_id:
            by_cluster[statement.cluster_id].append(statement)
        else:
            unclustered[statement.question_id].append(statement)
    clusters: dict[int, list[Cluster]] = defaultdict(list)
    for cluster in Cluster.objects.filter(question__dialogue=dialogue).order_by("rank"):
        clusters[cluster.question_id].append(cluster)
    polls: dict[int | None, list[PollChart]] = defaultdict(list)
    for poll in Poll.objects.filter(dialogue=dialogue).prefetch_related("options"):
        polls[poll.question_id].append(poll_chart(poll))
    questions = []
    for question in Question.objects.filter(dialogue=dialogue).order_by("number"):
        reports = [
            ClusterReport(c, by_cluster[c.pk], by_cluster[c.pk][:BEST_STATEMENTS])
            for c in clusters[question.pk]
        ]
        questions.append(
            QuestionReport(
                question, reports, unclustered[question.pk][:BEST_STATEMENTS], polls[question.pk]
            )
        )
    return DialogueReport(
        dialogue=dialogue,
        questions=questions,
        polarising=[s for s in statements if s.polarising],
        top=[s for s in statements if not s.polarising][:TOP_STATEMENTS],
        polls=polls[None],
    )


def statements_about_topic(topic, user) -> list[Statement]:
    """Visible statements editors linked to `topic`, themselves or through their cluster."""
    linked = Statement.objects.filter(topics=topic).values("pk")
    through_cluster = Statement.objects.filter(cluster__topics=topic).values("pk")
    return list(
        Statement.objects.visible_to(user)
        .filter(Q(pk__in=linked) | Q(pk__in=through_cluster))
        .about_page()
    )
