"""Writes to dialogues: importing one (all or nothing), replacing one on purpose.

An import is a draft with a first revision: an editor previews it, submits it for review or
publishes it, as with a case. Only a scripted import (`import_dialogue --publiceer`, the demo
loader) publishes at once.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log

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
    """The earlier import of the same dialogue: the same Pol.is address, or title and date.

    The published version first; a draft replacement of it is not "the" dialogue."""
    found = Dialogue.objects.none()
    if data.source_url:
        found = Dialogue.objects.filter(source_url=data.source_url)
    if not found.exists():
        found = Dialogue.objects.filter(title=data.title, date=data.date)
    return found.order_by("-live", "replaces_id", "-pk").first()


def _free_slug(title: str) -> str:  # also takes a slug
    base = slugify(title)[:180] or "dialoog"
    slug, n = base, 1
    while Dialogue.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def dialogue_import(
    *,
    data: DialogueData,
    space: Space | None = None,
    replace: bool = False,
    user=None,
    live: bool = True,
) -> Dialogue:
    """Save a dialogue read by dialogues/importers/, with its consensus computed.

    `live=False` saves it as a draft with a first revision, seen only by editors until one
    publishes it (the back office's import and the command do that, so an upload is checked
    before the public sees it). `live=True` publishes at once; a `user` needs the right to
    publish dialogues for that.

    The same dialogue again raises DialogueExists unless `replace`. A draft replacing a
    published dialogue is a new dialogue that `replaces` it: the published one stays online
    until the replacement is published (`replacement_published`). Otherwise the old one (a
    draft, or a published one when publishing at once), with its links to topics and cases,
    is removed and the new one takes its address. An earlier replacement that was never
    published is removed either way.
    """
    if live and user is not None and not user.has_perm("dialogues.publish_dialogue"):
        raise PermissionDenied
    old = existing_dialogue(data)
    if old is not None and not replace:
        raise DialogueExists(old)
    replaces = None
    if old is not None:
        Dialogue.objects.filter(replaces=old, live=False).delete()
    if old is not None and old.live and not live:
        replaces, slug = old, _free_slug(data.title)
    elif old is not None:
        replaces, slug = old.replaces, old.slug
        old.delete()
    else:
        slug = _free_slug(data.title)
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
        replaces=replaces,
        live=False,
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
    log(instance=dialogue, action="wagtail.create", user=user)
    revision = dialogue.save_revision(user=user)
    if live:
        revision.publish(user=user, skip_permission_checks=True)
    # Off the request path with the database task backend; within it in development.
    index_statements.enqueue(dialogue.pk)
    logger.info(
        "Dialogue %s%s %s by %s: %d questions, %d statements, %d polls",
        "imported" if old is None else "replaced",
        "" if live else " as a draft",
        dialogue.slug,
        getattr(user, "username", None) or "command line",
        len(data.questions),
        len(data.statements),
        len(data.polls),
    )
    return dialogue


@transaction.atomic
def replacement_published(*, dialogue: Dialogue) -> None:
    """A replacement went live (Wagtail's `published` signal): the version it replaces goes
    offline and hands over its address, so links to the dialogue keep working. The old version
    stays in the back office (under a new address) until an editor removes it."""
    old = dialogue.replaces
    if old is None or not old.live:
        return
    address = old.slug
    old.unpublish(log_action=True)
    old.slug = _free_slug(f"{address}-vorige-versie")
    old.save(update_fields=["slug"])
    Dialogue.objects.filter(pk=dialogue.pk).update(slug=address)
    dialogue.slug = address
    # Publishing a revision restores every field from it: the revisions keep the address too.
    for revision in dialogue.revisions.all():
        revision.content["slug"] = address
        revision.save(update_fields=["content"])
    logger.info("Dialogue %s replaced by dialogue %s at %s", old.pk, dialogue.pk, address)


class ReviewError(Exception):
    """The dialogue cannot take this step now; the message says why, in Dutch."""


@transaction.atomic
def dialogue_submit_for_review(*, dialogue: Dialogue, user) -> None:
    """Start the review workflow ("Redactionele toets") on the dialogue's latest revision."""
    if not user.has_perm("dialogues.change_dialogue"):
        raise PermissionDenied
    if dialogue.workflow_in_progress:
        raise ReviewError("Deze dialoog wacht al op beoordeling.")
    workflow = dialogue.get_workflow()
    if workflow is None:
        raise ReviewError("Er is geen beoordeling ingesteld voor dialogen.")
    if dialogue.latest_revision is None:
        dialogue.save_revision(user=user)
    workflow.start(dialogue, user)
    logger.info("Dialogue %s submitted for review by %s", dialogue.slug, user.username)


@transaction.atomic
def dialogue_publish(*, dialogue: Dialogue, user) -> None:
    """Publish the dialogue's latest revision (a review in progress ends with it)."""
    if not user.has_perm("dialogues.publish_dialogue"):
        raise PermissionDenied
    revision = dialogue.latest_revision or dialogue.save_revision(user=user)
    revision.publish(user=user)
    logger.info("Dialogue %s published by %s", dialogue.slug, user.username)
