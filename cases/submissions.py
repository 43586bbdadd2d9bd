"""Practice cases that members share ("Deel een praktijkvoorbeeld") and their way through the
editors' review.

Who may share: anyone signed in with a confirmed e-mail address. The public knowledge base takes
cases from every signed-in professional, so sharing needs no membership of a space; a case meant
only for one space may go only to a space the person is an active (not suspended) member of.

A shared case is a draft (`live=False`) with the member as `submitted_by`, a revision, and the
review workflow ("Redactionele toets") started on the member's behalf, so it waits in the editors'
review queue in the back office (/beheer/). Only editors publish. The member follows it on
/mijn/ (`submissions_of`): its status, mapped from Wagtail's workflow states, and the editors'
latest comment. When the editors ask for changes the member edits it and sends it again
(`resubmit_case`), which resumes the same workflow.

An anonymous case (only in a closed space) names nobody to the other members; its author is
known to the space's moderators and editors only (`Case.shown_submitter`).

`cases.signals.submission_changed(case, status, comment)` is sent after the commit whenever the
status changes: when the member submits or resubmits (here), and when editors ask for changes,
publish, or stop the review in the back office (the Wagtail signal receivers below).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import published, workflow_cancelled, workflow_rejected

from cases.models import Case, Outcome
from cases.signals import submission_changed
from core.access import Visitor
from spaces.models import Membership, Space

logger = logging.getLogger(__name__)


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "ingediend", gettext_lazy("Ingediend: de redactie bekijkt het")
    CHANGES_REQUESTED = "wijzigingen_gevraagd", gettext_lazy("Wijzigingen gevraagd")
    PUBLISHED = "gepubliceerd", gettext_lazy("Gepubliceerd")
    REJECTED = "afgewezen", gettext_lazy("Afgewezen")


class SubmissionRefused(Exception):
    """The member may not do this; `message` says why, in Dutch. Nothing was stored."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# What a member fills in: the editors' fields, less what editors judge or add themselves
# (evidence level, example, tags, sources, attachments, address).
TEXT_FIELDS = [
    "title",
    "summary",
    "outcome",
    "context",
    "approach",
    "results",
    "what_worked",
    "what_went_wrong",
    "lessons",
    "courses_of_action",
    "neighbourhoods",
]
VALUE_FIELDS = [
    "municipality",
    "period_start",
    "period_end",
    "space",
    "submitted_anonymously",
    "credit_submitter",
]
RELATION_FIELDS = ["topics", "domains", "target_groups"]
SUBMISSION_FIELDS = [*TEXT_FIELDS, *VALUE_FIELDS, *RELATION_FIELDS]
# The failure patterns the member recognises (`data["patterns"]`): suggestions that arrive as the
# draft's pattern links, for the editors to keep, change or remove in their review.
PATTERNS_FIELD = "patterns"


def pattern_link_model():
    """The link between a case and a failure pattern. Patterns stand above cases: this reaches
    them through the relation their app declares on the case (`case.pattern_links`)."""
    return Case._meta.get_field("pattern_links").related_model


def pattern_model():
    """The failure patterns a member may recognise (see `pattern_link_model`)."""
    return pattern_link_model()._meta.get_field("pattern").related_model


@dataclass(frozen=True)
class Submission:
    """A shared case as its member sees it on /mijn/."""

    case: Case
    status: str
    comment: str
    editable: bool

    @property
    def status_label(self) -> str:
        return SubmissionStatus(self.status).label


# --- who may share, and where ----------------------------------------------------------------


def sharing_refusal(user: Visitor) -> str | None:
    """Why `user` may not share a case (a Dutch message), or None if they may."""
    if not (user.is_authenticated and user.is_active):
        return _("Log in om een praktijkvoorbeeld te delen.")
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return _(
            "Bevestig eerst uw e-mailadres. Daarna kunt u een praktijkvoorbeeld delen. "
            "Kijk bij Mijn kennisplatform onder E-mailadressen."
        )
    return None


def submission_spaces(user: Visitor):
    """The spaces `user` may share a case in: those they are an active, not suspended, member
    of."""
    if not user.is_authenticated:
        return Space.objects.none()
    memberships = (
        Membership.objects.active()
        .filter(user=user)
        .filter(Q(suspended_until__isnull=True) | Q(suspended_until__lte=timezone.now()))
    )
    return Space.objects.filter(pk__in=memberships.values("space_id"))


# --- writing ---------------------------------------------------------------------------------


def _apply(case: Case, data: dict[str, Any]) -> dict[str, list]:
    """Put the member's values on the case; the relations to set (saved with the case)."""
    for name in TEXT_FIELDS:
        setattr(case, name, (data.get(name) or "").strip())
    for name in VALUE_FIELDS:
        setattr(case, name, data.get(name))
    case.submitted_anonymously = bool(case.submitted_anonymously)
    case.credit_submitter = bool(case.credit_submitter)
    return {name: list(data.get(name) or []) for name in RELATION_FIELDS}


def _validate(user, case: Case) -> None:
    """The model's own rules (those of the back office) plus: only one's own spaces."""
    errors: dict[str, list] = {}
    if case.space is not None and not submission_spaces(user).filter(pk=case.space.pk).exists():
        errors["space"] = [
            _("U kunt alleen delen in een ruimte waar u lid van bent. Kies een van uw ruimtes.")
        ]
    try:
        case.full_clean(exclude=["slug"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _set_relations(case: Case, relations: dict[str, list]) -> None:
    # Parental relations: kept on the instance, written when the case is saved.
    for name, values in relations.items():
        getattr(case, name).set(values)


def _suggest_patterns(case: Case, patterns) -> None:
    """The member's suggested failure patterns as the case's pattern links (kept on the
    instance, written with the case). On a success a recognised pattern is one that was avoided.
    A pattern already linked keeps its link (an editor may have marked it); one left unticked
    goes."""
    if patterns is None:
        return
    wanted = {pattern.pk: pattern for pattern in patterns}
    kept = [link for link in case.pattern_links.all() if link.pattern_id in wanted]
    have = {link.pattern_id for link in kept}
    avoided = case.outcome == Outcome.SUCCESS
    for link in kept:
        if avoided:
            link.avoided = True
    new = [
        pattern_link_model()(pattern=pattern, avoided=avoided)
        for pk, pattern in wanted.items()
        if pk not in have
    ]
    case.pattern_links = [*kept, *new]


def _send_after_commit(case: Case, status: str, comment: str = "") -> None:
    def send():
        submission_changed.send(sender=Case, case=case, status=status, comment=comment)

    transaction.on_commit(send)


@transaction.atomic
def submit_case(*, user: Visitor, data: dict[str, Any]) -> Case:
    """Share a case: a draft with a revision, in the editors' review workflow.

    `data` holds the values of SUBMISSION_FIELDS (model instances for the relations) and may
    hold PATTERNS_FIELD, the failure patterns the member recognises. Raises
    SubmissionRefused (may not share) or ValidationError (by field, in Dutch); nothing is stored
    then.
    """
    refusal = sharing_refusal(user)
    if refusal:
        raise SubmissionRefused(refusal)
    case = Case(live=False, submitted_by=user)
    relations = _apply(case, data)
    _validate(user, case)
    _set_relations(case, relations)
    _suggest_patterns(case, data.get(PATTERNS_FIELD))
    # The member has no back-office permissions: this service checked what they may do.
    case = CreateAction(case, user=user).execute(skip_permission_checks=True)
    workflow = case.get_workflow()
    if workflow is None:  # the set-up is made after every migrate; never expected
        raise SubmissionRefused(_("Delen kan nu even niet. Probeer het later opnieuw."))
    workflow.start(case, user)
    logger.info("Case %s shared by user %s for review", case.pk, user.pk)
    _send_after_commit(case, SubmissionStatus.SUBMITTED)
    return case


@transaction.atomic
def resubmit_case(*, user: Visitor, case: Case, data: dict[str, Any]) -> Case:
    """The member changes the case the editors asked changes to, and sends it back for review
    (the same workflow resumes). Raises SubmissionRefused or ValidationError; nothing is stored
    then."""
    refusal = sharing_refusal(user)
    if refusal:
        raise SubmissionRefused(refusal)
    case = Case.objects.select_for_update().filter(pk=case.pk, submitted_by=user).first()
    if case is None:
        raise Http404
    state = _latest_state(case)
    if case.live or state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        raise SubmissionRefused(
            _(
                "U kunt dit praktijkvoorbeeld nu niet wijzigen: alleen als de redactie om "
                "wijzigingen vraagt."
            )
        )
    lock = case.get_lock()
    if lock is not None and lock.for_user(user):
        raise SubmissionRefused(
            _("Een redacteur werkt nu aan dit praktijkvoorbeeld. Probeer het later opnieuw.")
        )
    relations = _apply(case, data)
    _validate(user, case)
    _set_relations(case, relations)
    _suggest_patterns(case, data.get(PATTERNS_FIELD))
    case = EditAction(case, user=user).execute(skip_permission_checks=True)
    state.resume(user=user)
    logger.info("Case %s changed and sent back for review by user %s", case.pk, user.pk)
    _send_after_commit(case, SubmissionStatus.SUBMITTED)
    return case


# --- reading ---------------------------------------------------------------------------------


def own_submission(user: Visitor, pk: int) -> Case:
    """The case `pk` that `user` shared; anyone else's (or none) is 404."""
    if not user.is_authenticated:
        raise Http404
    case = Case.objects.filter(pk=pk, submitted_by=user).select_related("space").first()
    if case is None:
        raise Http404
    return case


def _states(cases: list[Case]) -> dict[int, WorkflowState]:
    """The latest workflow state of each case, by case id."""
    if not cases:
        return {}
    latest: dict[int, WorkflowState] = {}
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Case),
        object_id__in=[str(case.pk) for case in cases],
    ).order_by("created_at", "id")
    for state in states:
        latest[int(state.object_id)] = state
    return latest


def _latest_state(case: Case) -> WorkflowState | None:
    return _states([case]).get(case.pk)


def _comments(states: list[WorkflowState]) -> dict[int, str]:
    """The editors' latest comment in each workflow state, by workflow state id."""
    comments: dict[int, str] = {}
    task_states = (
        TaskState.objects.filter(workflow_state__in=states)
        .exclude(comment="")
        .order_by("finished_at", "id")
    )
    for task_state in task_states:
        comments[task_state.workflow_state_id] = task_state.comment
    return comments


def _status(case: Case, state: WorkflowState | None) -> str:
    if case.live:
        return SubmissionStatus.PUBLISHED
    if state is None or state.status == WorkflowState.STATUS_IN_PROGRESS:
        return SubmissionStatus.SUBMITTED
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return SubmissionStatus.CHANGES_REQUESTED
    if state.status == WorkflowState.STATUS_APPROVED and case.first_published_at is None:
        return SubmissionStatus.SUBMITTED  # approved, its publication is scheduled
    # Review stopped by the editors, or published once and taken offline.
    return SubmissionStatus.REJECTED


def _submissions(cases: list[Case]) -> list[Submission]:
    states = _states(cases)
    comments = _comments(list(states.values()))
    found = []
    for case in cases:
        state = states.get(case.pk)
        status = _status(case, state)
        found.append(
            Submission(
                case=case,
                status=status,
                comment=comments.get(state.pk, "") if state else "",
                editable=status == SubmissionStatus.CHANGES_REQUESTED,
            )
        )
    return found


def submission_status(case: Case) -> Submission:
    """Where the case stands in the editors' review, with their latest comment."""
    return _submissions([case])[0]


def submissions_of(user: Visitor) -> list[Submission]:
    """The cases `user` shared, newest first, each with its status and the editors' comment (a
    fixed number of queries however many)."""
    if not user.is_authenticated:
        return []
    cases = list(Case.objects.filter(submitted_by=user).order_by("-created_at", "-pk"))
    return _submissions(cases)


# --- what editors do in the back office ------------------------------------------------------


def _shared_case(workflow_state: WorkflowState) -> Case | None:
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Case).pk:
        return None
    case = Case.objects.filter(pk=workflow_state.object_id).first()
    if case is None or case.submitted_by_id is None:
        return None
    return case


def on_workflow_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """The editors asked for changes ("Wijzigingen vragen", with a comment)."""
    case = _shared_case(instance)
    if case is None:
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    logger.info("Editor %s asked for changes to shared case %s", getattr(user, "pk", None), case.pk)
    _send_after_commit(case, SubmissionStatus.CHANGES_REQUESTED, comment)


def on_workflow_cancelled(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """The editors stopped the review of a shared case without publishing it. (Publishing
    cancels a running workflow too; the case is live by then, and `on_published` tells.)"""
    case = _shared_case(instance)
    if case is None or case.live:
        return
    if case.revisions.filter(approved_go_live_at__isnull=False).exists():
        return  # published at a set moment: not refused
    comment = _comments([instance]).get(instance.pk, "")
    logger.info(
        "Editor %s stopped the review of shared case %s", getattr(user, "pk", None), case.pk
    )
    _send_after_commit(case, SubmissionStatus.REJECTED, comment)


def on_published(sender, instance: Case, revision=None, **kwargs) -> None:
    """A shared case went live for the first time (approved in the workflow, or published)."""
    if instance.submitted_by_id is None or not instance.live:
        return
    if instance.first_published_at != instance.last_published_at:
        return  # a later publication of an already published case changes no status
    state = _latest_state(instance)
    comment = _comments([state]).get(state.pk, "") if state else ""
    _send_after_commit(instance, SubmissionStatus.PUBLISHED, comment)


def connect() -> None:
    workflow_rejected.connect(on_workflow_rejected, dispatch_uid="cases.submission.rejected")
    workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="cases.submission.cancelled")
    published.connect(on_published, sender=Case, dispatch_uid="cases.submission.published")
