"""Writes to dialogues: importing one (all or nothing), replacing one on purpose."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils.text import slugify

from dialogues import consensus, hashtags
from dialogues.importers import DialogueData
from dialogues.models import Cluster, Dialogue, Poll, PollOption, Question, Statement
from dialogues.tasks import index_statements
from spaces.models import Space

logger = logging.getLogger(__name__)


class DialogueExists(Exception):
    """The same dialogue was imported before; import again with `replace=True` to replace it."""

    def __init__(self, dialogue: Dialogue):
        super().__init__(
            f"Deze dialoog is al geïmporteerd: '{dialogue.title}' van {dialogue.date:%d-%m-%Y}. "
            "Bevestig dat u hem wilt vervangen (opdrachtregel: --vervang)."
        )
        self.dialogue = dialogue


def existing_dialogue(data: DialogueData) -> Dialogue | None:
    """The earlier import of the same dialogue: the same Pol.is address, or title and date."""
    if data.source_url:
        found = Dialogue.objects.filter(source_url=data.source_url).first()
        if found:
            return found
    return Dialogue.objects.filter(title=data.title, date=data.date).first()


def _free_slug(title: str) -> str:
    base = slugify(title)[:180] or "dialoog"
    slug, n = base, 1
    while Dialogue.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def dialogue_import(
    *, data: DialogueData, space: Space | None = None, replace: bool = False, user=None
) -> Dialogue:
    """Save a dialogue read by dialogues/importers/, with its consensus computed.

    The same dialogue again raises DialogueExists unless `replace`: then the old one (with
    its links to topics and cases) is removed and the new one takes its address.
    """
    old = existing_dialogue(data)
    if old is not None and not replace:
        raise DialogueExists(old)
    slug = old.slug if old is not None else _free_slug(data.title)
    if old is not None:
        old.delete()
    support = consensus.support(data.statements)
    dialogue = Dialogue.objects.create(
        title=data.title,
        slug=slug,
        date=data.date,
        commissioned_by=data.commissioned_by,
        method=data.method,
        description=data.description,
        participants=data.participants,
        messages=data.messages,
        reactions=data.reactions,
        statements_with_level=support.with_level,
        polarising_statements=support.polarising_count,
        source=data.source,
        source_url=data.source_url,
        counts_are_illustrative=data.counts_are_illustrative,
        opinion_groups=[{"id": group, "deelnemers": size} for group, size in data.opinion_groups],
        space=space,
    )
    questions = {
        q.number: q
        for q in Question.objects.bulk_create(
            Question(dialogue=dialogue, number=q.number, section=q.section, text=q.text)
            for q in data.questions
        )
    }
    clusters = {
        (c.question.number, c.name): c
        for c in Cluster.objects.bulk_create(
            Cluster(
                question=questions[c.question_number],
                name=c.name,
                rank=c.rank,
                explanation=c.explanation,
            )
            for c in data.clusters
        )
    }
    Statement.objects.bulk_create(
        (
            Statement(
                dialogue=dialogue,
                question=questions.get(s.question_number),
                cluster=clusters.get((s.question_number, s.cluster)),
                external_id=s.external_id,
                text=text,
                label=label,
                agree=s.agree,
                disagree=s.disagree,
                passed=s.passed,
                agreement=consensus.agreement(s.agree, s.disagree),
                level=level or "",
                polarising=is_polarising,
                group_consensus=consensus.group_consensus((a, a + d + p) for a, d, p in s.groups)
                if s.groups
                else s.group_consensus,
                group_votes=[list(votes) for votes in s.groups],
            )
            for s, level, is_polarising, (text, label) in zip(
                data.statements,
                support.levels,
                support.polarising,
                (hashtags.clean(s.text) for s in data.statements),
                strict=True,
            )
        ),
        batch_size=2000,
    )
    for position, poll_data in enumerate(data.polls):
        poll = Poll.objects.create(
            dialogue=dialogue,
            question=questions.get(poll_data.question_number),
            text=poll_data.text,
            position=position,
        )
        PollOption.objects.bulk_create(
            PollOption(poll=poll, text=text, votes=votes, position=n)
            for n, (text, votes) in enumerate(poll_data.options)
        )
    # Off the request path with the database task backend; within it in development.
    index_statements.enqueue(dialogue.pk)
    logger.info(
        "Dialogue %s %s by %s: %d questions, %d statements, %d polls",
        "replaced" if old else "imported",
        dialogue.slug,
        getattr(user, "username", None) or "command line",
        len(data.questions),
        len(data.statements),
        len(data.polls),
    )
    return dialogue
