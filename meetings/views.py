"""Meeting pages: the agenda, a meeting, registering and cancelling, its calendar file, and the
organiser's pages (form, report, participants, export, message). Reading goes through
`visible_to` and `access_meeting` (hidden = 404); writing through `meetings.services`."""

from __future__ import annotations

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cases.models import Case
from core.access import Visitor
from core.pagination import paginate
from core.responses import render_form
from dialogues.models import Dialogue, Statement
from discussions.models import Discussion
from meetings import ical, rules, services
from meetings.access import access_meeting
from meetings.forms import FilterForm, MeetingForm, MessageForm, ReportForm
from meetings.models import Meeting, Registration
from meetings.rules import MeetingRefused
from municipalities.models import Municipality
from spaces.models import Space
from spaces.services import display_name
from topics.models import Topic

PER_PAGE = 20


def meeting_list(request: HttpRequest) -> HttpResponse:
    visible = Meeting.objects.visible_to(request.user)
    # The filters offer what the visitor's own meetings have, nothing of hidden ones.
    form = FilterForm(
        request.GET or None,
        topics=Topic.objects.filter(meetings__in=visible).distinct().order_by("name"),
        municipalities=Municipality.objects.filter(meetings__in=visible)
        .distinct()
        .order_by("name"),
    )
    chosen = form.cleaned_data if form.is_valid() else {}
    past = chosen.get("periode") == "voorbij"
    meetings = visible.past() if past else visible.upcoming()
    if chosen.get("thema"):
        meetings = meetings.filter(topics__slug=chosen["thema"])
    if chosen.get("gemeente"):
        meetings = meetings.filter(municipality__slug=chosen["gemeente"])
    if chosen.get("vorm"):
        meetings = meetings.filter(form=chosen["vorm"])
    page = paginate(request, meetings.with_list_data(), PER_PAGE)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page": page,
            "form": form,
            "past": past,
            "invalid": form.is_bound and not form.is_valid(),
            "can_organise": bool(rules.organisable_spaces(request.user).exists())
            or rules.can_organise_in(request.user, None),
        },
    )


def space_meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = Space.objects.visible_to(request.user).filter(slug=slug).first()
    if space is None:
        raise Http404
    meetings = Meeting.objects.visible_to(request.user).filter(space=space).with_list_data()
    return render(
        request,
        "meetings/space_meeting_list.html",
        {
            "space": space,
            "upcoming": meetings.upcoming(),
            "past": meetings.past()[:PER_PAGE],
            "can_organise": rules.can_organise_in(request.user, space),
        },
    )


def _registration_of(user: Visitor, meeting: Meeting) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def _may_register(user: Visitor, meeting: Meeting) -> str | None:
    try:
        rules.require_can_register(user, meeting)
    except MeetingRefused as refused:
        return refused.message
    return None


def _waiting_position(registration: Registration | None) -> int | None:
    if registration is None or registration.status != Registration.Status.WAITING:
        return None
    return (
        Registration.objects.filter(
            meeting_id=registration.meeting_id,
            status=Registration.Status.WAITING,
            created_at__lte=registration.created_at,
        )
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


@never_cache
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    meeting = access_meeting(user, slug)
    registration = _registration_of(user, meeting)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "registration": registration,
            "waiting_position": _waiting_position(registration),
            "show_link": meeting.link_visible_to(user),
            "refusal": _may_register(user, meeting) if registration is None else None,
            "can_organise": rules.can_organise(user, meeting),
            "places_left": meeting.places_left(),
            "topics": meeting.topics.all(),
            "cases": Case.objects.visible_to(user).filter(meetings=meeting).with_card_data(),
            "statements": Statement.objects.visible_to(user)
            .filter(meetings=meeting)
            .select_related("dialogue"),
            "discussions": Discussion.objects.visible_to(user)
            .filter(meetings=meeting)
            .select_related("space"),
            "dialogue": Dialogue.objects.visible_to(user).filter(pk=meeting.dialogue_id).first(),
        },
    )


@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={meeting.get_absolute_url()}")
    try:
        registration = services.register(user=request.user, meeting=meeting)
    except MeetingRefused as refused:
        messages.error(request, refused.message)
    else:
        if registration.status == Registration.Status.WAITING:
            messages.info(
                request,
                _("De bijeenkomst is vol. U staat op de wachtlijst; u krijgt bericht per e-mail."),
            )
        else:
            messages.success(request, _("U bent aangemeld. U krijgt een bevestiging per e-mail."))
    return redirect(meeting)


@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={meeting.get_absolute_url()}")
    try:
        services.cancel(user=request.user, meeting=meeting)
    except MeetingRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("U bent afgemeld."))
    return redirect(meeting)


def _login_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def _ics_response(body: str, filename: str, *, private: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    return response


def meeting_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """One meeting for one's calendar; the online link only for participants (never cached)."""
    meeting = access_meeting(request.user, slug)
    event = ical.event_for(meeting, with_link=meeting.link_visible_to(request.user))
    body = ical.calendar([event], name=meeting.title)
    return _ics_response(body, f"{meeting.slug}.ics", private=True)


def _organised(request: HttpRequest, slug: str) -> Meeting:
    meeting = access_meeting(request.user, slug)
    if not rules.can_organise(request.user, meeting):
        raise PermissionDenied
    return meeting


@login_required
def meeting_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    meeting = _organised(request, slug) if slug else None
    if meeting is None and not rules.organisable_spaces(request.user).exists():
        if not rules.can_organise_in(request.user, None):
            raise PermissionDenied
    initial = {}
    if meeting is None and (space_slug := request.GET.get("ruimte")):
        initial["space"] = rules.organisable_spaces(request.user).filter(slug=space_slug).first()
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data}
        try:
            meeting = services.save_meeting(user=request.user, data=data, meeting=meeting)
        except MeetingRefused as refused:
            form.add_error(None, refused.message)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect(meeting)
    return render_form(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def report_form(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _organised(request, slug)
    form = ReportForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        services.save_report(user=request.user, meeting=meeting, data=form.cleaned_data)
        messages.success(request, _("Het verslag is opgeslagen."))
        return redirect(meeting)
    return render_form(request, "meetings/report_form.html", {"form": form, "meeting": meeting})


@login_required
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _organised(request, slug)
    registrations = meeting.registrations.select_related("user").order_by("created_at", "pk")
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = services.mail_participants(
            user=request.user,
            meeting=meeting,
            subject=data["subject"],
            body=data["body"],
            include_waiting=data["include_waiting"],
        )
        messages.success(request, _("Uw bericht gaat naar %(count)d personen.") % {"count": sent})
        return redirect("meetings:participants", slug=meeting.slug)
    rows = [(r, display_name(r.user)) for r in registrations]
    return render_form(
        request,
        "meetings/participants.html",
        {
            "meeting": meeting,
            "registered": [row for row in rows if row[0].status == Registration.Status.REGISTERED],
            "waiting": [row for row in rows if row[0].status == Registration.Status.WAITING],
            "cancelled": [row for row in rows if row[0].status == Registration.Status.CANCELLED],
            "form": form,
        },
    )


def safe_cell(value: str) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection, OWASP): a value that
    starts with = + - @ or a tab or carriage return is prefixed with an apostrophe."""
    value = str(value)
    if value and value[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@login_required
def participants_csv(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = _organised(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="deelnemers-{meeting.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel reads UTF-8 with a byte order mark
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Naam"), _("E-mailadres"), _("Status"), _("Aangemeld op")])
    registrations = meeting.registrations.exclude(status=Registration.Status.CANCELLED)
    for registration in registrations.select_related("user").order_by("created_at", "pk"):
        writer.writerow(
            [
                safe_cell(display_name(registration.user)),
                safe_cell(registration.user.email),
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response
