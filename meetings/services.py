"""Writing meetings and registrations.

Registering and cancelling lock the meeting's row (`select_for_update`), so two people taking
the last place at once cannot both get it, and a cancellation moves the first person on the
waiting list up in the same transaction. Every change that concerns a person sends them an
e-mail after the commit (`meetings.mail`).

Cancelling stays possible after the registration deadline, until the meeting starts: a place
given back late still goes to the waiting list, whose people asked for it in time.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.access import Visitor
from meetings import mail
from meetings.models import Meeting, Registration
from meetings.rules import MeetingRefused, can_organise, can_organise_in, require_can_register

logger = logging.getLogger(__name__)

Status = Registration.Status

MEETING_FIELDS = (
    "space",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "form",
    "address",
    "online_url",
    "capacity",
    "registration_deadline",
    "municipality",
)
REPORT_FIELDS = ("report", "dialogue")


def unique_slug(title: str, starts_at, exclude_pk: int | None = None) -> str:
    base = slugify(f"{title} {timezone.localtime(starts_at):%Y-%m-%d}")[:170] or "bijeenkomst"
    slug, n = base, 2
    while Meeting.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def save_meeting(*, user: Visitor, data: dict[str, Any], meeting: Meeting | None = None) -> Meeting:
    """Create a meeting (organised by `user`) or change one. `data` holds MEETING_FIELDS and
    `topics`. Raises MeetingRefused when `user` may not organise there, ValidationError for
    invalid data (nothing is stored)."""
    space = data.get("space", meeting.space if meeting else None)
    if meeting is None:
        allowed = can_organise_in(user, space)
    else:
        # The organiser keeps their meeting where it is; moving it needs a right in the new place.
        allowed = can_organise(user, meeting) and (
            space == meeting.space or can_organise_in(user, space)
        )
    if not allowed:
        raise MeetingRefused(_("U kunt hier geen bijeenkomst organiseren."))
    is_new = meeting is None
    if is_new:
        meeting = Meeting(organiser=user)
    for field in MEETING_FIELDS:
        setattr(meeting, field, data.get(field, getattr(meeting, field)))
    if meeting.form == Meeting.Form.PHYSICAL:
        meeting.online_url = ""
    if is_new or not meeting.slug:
        meeting.slug = unique_slug(meeting.title, meeting.starts_at)
    meeting.full_clean()
    meeting.save()
    if "topics" in data:
        meeting.topics.set(data["topics"])
    if not is_new:
        _fill_free_places(meeting)
    logger.info("Meeting %s %s by user %s", meeting.pk, "created" if is_new else "changed", user.pk)
    return meeting


@transaction.atomic
def save_report(*, user: Visitor, meeting: Meeting, data: dict[str, Any]) -> Meeting:
    """The report afterwards, with the cases, statements and discussions it touched."""
    if not can_organise(user, meeting):
        raise MeetingRefused(_("Alleen de organisator schrijft het verslag."))
    for field in REPORT_FIELDS:
        if field in data:
            setattr(meeting, field, data[field])
    meeting.full_clean()
    meeting.save()
    for field, relation in (
        ("cases", meeting.report_cases),
        ("statements", meeting.report_statements),
        ("discussions", meeting.report_discussions),
    ):
        if field in data:
            relation.set(data[field])
    logger.info("Report of meeting %s saved by user %s", meeting.pk, user.pk)
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    # of=self: PostgreSQL locks no row of the (nullable, outer-joined) space.
    return (
        Meeting.objects.select_for_update(of=("self",)).select_related("space").get(pk=meeting.pk)
    )


@transaction.atomic
def register(*, user: Visitor, meeting: Meeting) -> Registration:
    """Register `user`: a place while there is one, else the waiting list."""
    meeting = _locked(meeting)
    require_can_register(user, meeting)
    registration = Registration.objects.filter(meeting=meeting, user=user).first()
    if registration is not None and registration.status != Status.CANCELLED:
        raise MeetingRefused(_("U bent al aangemeld voor deze bijeenkomst."))
    full = meeting.capacity is not None and meeting.registered_count() >= meeting.capacity
    if registration is None:
        registration = Registration(meeting=meeting, user=user)
    registration.status = Status.WAITING if full else Status.REGISTERED
    registration.created_at = timezone.now()  # back of the queue when registering again
    registration.cancelled_at = None
    registration.save()
    template = "waiting" if full else "registered"
    transaction.on_commit(lambda: mail.send_about(registration.pk, template))
    logger.info("User %s %s for meeting %s", user.pk, registration.status, meeting.pk)
    return registration


@transaction.atomic
def cancel(*, user: Visitor, meeting: Meeting) -> Registration:
    """Cancel `user`'s registration or place on the waiting list; a freed place goes to the
    first on the waiting list."""
    meeting = _locked(meeting)
    registration = (
        Registration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Status.CANCELLED)
        .first()
        if user.is_authenticated
        else None
    )
    if registration is None:
        raise MeetingRefused(_("U bent niet aangemeld voor deze bijeenkomst."))
    if meeting.has_started():
        raise MeetingRefused(_("De bijeenkomst is al begonnen; afmelden kan niet meer."))
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    transaction.on_commit(lambda: mail.send_about(registration.pk, "cancelled"))
    _fill_free_places(meeting)
    logger.info("User %s cancelled for meeting %s", user.pk, meeting.pk)
    return registration


def _fill_free_places(meeting: Meeting) -> list[Registration]:
    """Move people up from the waiting list while there are places (none once it started)."""
    if meeting.has_started():
        return []
    waiting = Registration.objects.filter(meeting=meeting, status=Status.WAITING).order_by(
        "created_at", "pk"
    )
    free = meeting.places_left()
    moved = list(waiting if free is None else waiting[:free])
    for registration in moved:
        registration.status = Status.REGISTERED
        registration.save(update_fields=["status"])
        transaction.on_commit(lambda pk=registration.pk: mail.send_about(pk, "moved_up"))
        logger.info("Registration %s moved up for meeting %s", registration.pk, meeting.pk)
    return moved


def mail_participants(
    *, user: Visitor, meeting: Meeting, subject: str, body: str, include_waiting: bool
) -> int:
    """The organiser writes to the participants (and the waiting list, when chosen): one mail
    per person, with the organiser's text only (never the online link, which a person on the
    waiting list may not have)."""
    if not can_organise(user, meeting):
        raise MeetingRefused(_("Alleen de organisator kan deelnemers mailen."))
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValidationError(_("Vul een onderwerp en een bericht in."))
    statuses = [Status.REGISTERED, Status.WAITING] if include_waiting else [Status.REGISTERED]
    registrations = meeting.registrations.filter(status__in=statuses).select_related("user")
    sent = 0
    for registration in registrations:
        if mail.send_message(registration, subject=subject, body=body, sender=user):
            sent += 1
    logger.info("Organiser %s mailed %d people about meeting %s", user.pk, sent, meeting.pk)
    return sent
