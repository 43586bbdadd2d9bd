"""Reading dialogues for the report page: a few queries, grouped in Python."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from dialogues import analysis
from dialogues.consensus import Level
from dialogues.figures import Figure, poll_figure, question_figure, top_figure
from dialogues.models import Cluster, Dialogue, Poll, Question, Statement

BEST_STATEMENTS = 3  # quoted per cluster
TOP_STATEMENTS = 10  # for a dialogue without questions


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
    polls: list[Figure] = field(default_factory=list)
    figure: Figure | None = None  # support per statement, to download


@dataclass
class GroupShare:
    label: str
    percent: int  # of the group's votes on the statement (passes included) that agreed
    votes: int


@dataclass
class GroupReport:
    """A Pol.is opinion group and the statements that set it apart."""

    label: str  # A, B, C, ... as Pol.is names them
    participants: int
    representatives: list[analysis.Representative]


@dataclass
class DialogueReport:
    dialogue: Dialogue
    questions: list[QuestionReport]
    polarising: list[Statement]
    top: list[Statement]  # best supported, for a dialogue without questions
    polls: list[Figure]  # polls not tied to a question
    statement_count: int = 0
    high_support: int = 0  # statements with level top or high
    groups: list[GroupReport] = field(default_factory=list)
    consensus: list[Statement] = field(default_factory=list)
    uncertain: list[Statement] = field(default_factory=list)
    top_figure: Figure | None = None


def group_label(position: int) -> str:
    """Pol.is' names for opinion groups: A, B, C, ..."""
    return chr(ord("A") + position) if position < 26 else str(position + 1)


def _group_shares(statement: Statement, labels: list[str]) -> list[GroupShare]:
    shares = []
    for label, (agree, disagree, passed) in zip(labels, statement.group_votes, strict=False):
        seen = agree + disagree + passed
        shares.append(GroupShare(label, round(100 * agree / seen) if seen else 0, seen))
    return shares


def _groups(dialogue: Dialogue, statements: list[Statement]) -> list[GroupReport]:
    groups = dialogue.opinion_groups or []
    labels = [group_label(n) for n in range(len(groups))]
    for statement in statements:
        statement.group_shares = _group_shares(statement, labels)
    chosen = analysis.representative(statements, len(groups))
    return [
        GroupReport(labels[n], group.get("deelnemers", 0), chosen[n])
        for n, group in enumerate(groups)
    ]


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
    polls: dict[int | None, list[Figure]] = defaultdict(list)
    for poll in Poll.objects.filter(dialogue=dialogue).prefetch_related("options"):
        polls[poll.question_id].append(poll_figure(poll))
    in_question: dict[int | None, list[Statement]] = defaultdict(list)
    for statement in statements:
        in_question[statement.question_id].append(statement)
    questions = []
    for question in Question.objects.filter(dialogue=dialogue).order_by("number"):
        reports = [
            ClusterReport(c, by_cluster[c.pk], by_cluster[c.pk][:BEST_STATEMENTS])
            for c in clusters[question.pk]
        ]
        questions.append(
            QuestionReport(
                question,
                reports,
                unclustered[question.pk][:BEST_STATEMENTS],
                polls[question.pk],
                question_figure(question, in_question[question.pk]),
            )
        )
    return DialogueReport(
        dialogue=dialogue,
        questions=questions,
        polarising=[s for s in statements if s.polarising],
        top=[s for s in statements if not s.polarising][:TOP_STATEMENTS],
        polls=polls[None],
        statement_count=len(statements),
        high_support=sum(s.level in (Level.TOP, Level.HIGH) for s in statements),
        groups=_groups(dialogue, statements),
        consensus=analysis.consensus(statements),
        uncertain=analysis.uncertain(statements),
        top_figure=None if questions else top_figure(statements),
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


# The statements page's sort orders: (value in ?sorteer=, label, queryset method).
SORTS = {
    "draagvlak": "by_support",
    "verdeeld": "by_division",
    "stemmen": "by_votes",
}
# Each filter of the statements page with the field its counts group by.
FACETS = {
    "niveau": "level",
    "polariserend": "polarising",
    "vraag": "question__number",
    "cluster": "cluster_id",
}


def sorted_statements(statements: QuerySet, sort: str) -> QuerySet:
    """`statements` in the order asked for, by support when the order is unknown."""
    return getattr(statements, SORTS.get(sort, "by_support"))()


def facet_counts(statements: QuerySet, params: QueryDict, filterset_class) -> dict[str, dict]:
    """Per filter, how many statements each of its values would show, given the other filters
    chosen: what a visitor gets when they tick that value. One query per filter."""
    counts = {}
    for name, field_name in FACETS.items():
        others = params.copy()
        others.pop(name, None)
        others.pop("page", None)
        queryset = filterset_class(others, queryset=statements).qs
        rows = queryset.order_by().values(field_name).annotate(n=Count("pk"))
        counts[name] = {row[field_name]: row["n"] for row in rows}
    return counts
