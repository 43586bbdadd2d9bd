"""Public pages for joining spaces and for their moderators (not the back office).

The space's home page gathers cases and dialogues, so it lives in `pages/`. Every state change
goes through `spaces.services`; these views only read forms and show the outcome.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.responses import render_form
from spaces import services
from spaces.access import access_listed_space, access_moderated_space
from spaces.forms import DecisionForm, InviteForm, JoinRequestForm, MemberActionForm
from spaces.models import JoinRequest, Membership, ModerationLog, Space

LOG_ENTRIES = 200


def space_list(request: HttpRequest) -> HttpResponse:
    spaces = Space.objects.listed_to(request.user)
    if request.user.is_authenticated:
        mine = Membership.objects.active().filter(space=OuterRef("pk"), user=request.user)
        spaces = spaces.annotate(is_mine=Exists(mine))
    return render(request, "spaces/space_list.html", {"spaces": spaces})


def _refused(request: HttpRequest, space: Space, error: services.SpaceActionRefused):
    messages.error(request, error.message)
    return redirect("spaces:home", slug=space.slug)


@require_POST
@login_required
def space_join(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_listed_space(request.user, slug)
    try:
        services.join(user=request.user, space=space)
    except services.SpaceActionRefused as error:
        return _refused(request, space, error)
    messages.success(request, _("U bent nu lid van %(space)s.") % {"space": space.name})
    return redirect("spaces:home", slug=space.slug)


@login_required
def space_request(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_listed_space(request.user, slug)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(
                user=request.user, space=space, message=form.cleaned_data["message"]
            )
        except services.SpaceActionRefused as error:
            return _refused(request, space, error)
        messages.success(
            request,
            _("Uw verzoek is verstuurd. U krijgt een e-mail zodra een moderator beslist."),
        )
        return redirect("spaces:home", slug=space.slug)
    return render_form(request, "spaces/request.html", {"space": space, "form": form})


@require_POST
@login_required
def space_leave(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_listed_space(request.user, slug)
    try:
        services.leave(user=request.user, space=space)
    except services.SpaceActionRefused as error:
        return _refused(request, space, error)
    messages.success(request, _("U bent geen lid meer van %(space)s.") % {"space": space.name})
    if Space.objects.listed_to(request.user).filter(pk=space.pk).exists():
        return redirect("spaces:home", slug=space.slug)
    return redirect("spaces:list")


# --- moderators --------------------------------------------------------------------------------


@login_required
def moderate_requests(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    pending = (
        JoinRequest.objects.filter(space=space, status=JoinRequest.Status.PENDING)
        .select_related("user")
        .order_by("created_at")
    )
    return render(
        request,
        "spaces/moderate_requests.html",
        {"space": space, "pending": pending, "section": "requests"},
    )


@require_POST
@login_required
def moderate_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    join_request = get_object_or_404(JoinRequest, space=space, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "goedkeuren"
        decide = services.approve_request if approve else services.decline_request
        try:
            decide(
                actor=request.user,
                join_request=join_request,
                message=form.cleaned_data["message"],
            )
        except services.SpaceActionRefused as error:
            messages.error(request, error.message)
        else:
            name = services.display_name(join_request.user)
            messages.success(
                request,
                (
                    _("%(name)s is nu lid.")
                    if approve
                    else _("Het verzoek van %(name)s is afgewezen.")
                )
                % {"name": name},
            )
    else:
        messages.error(request, _("Kies goedkeuren of afwijzen."))
    return redirect("spaces:requests", slug=space.slug)


@login_required
def moderate_invite(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(actor=request.user, space=space, email=form.cleaned_data["email"])
        except services.SpaceActionRefused as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("De uitnodiging is verstuurd naar %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("spaces:invite", slug=space.slug)
    invitations = space.invitations.filter(accepted_at__isnull=True).order_by("-created_at")[:50]
    return render_form(
        request,
        "spaces/moderate_invite.html",
        {
            "space": space,
            "form": form,
            "invitations": invitations,
            "section": "invite",
            "now": timezone.now(),
        },
    )


@login_required
def moderate_members(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    members = (
        Membership.objects.active()
        .filter(space=space)
        .select_related("user")
        .order_by("-role", "user__first_name", "user__username")
    )
    return render(
        request,
        "spaces/moderate_members.html",
        {"space": space, "members": members, "section": "members"},
    )


@require_POST
@login_required
def moderate_member(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    membership = get_object_or_404(Membership.objects.active(), space=space, pk=pk)
    form = MemberActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies wat er met dit lid moet gebeuren."))
        return redirect("spaces:members", slug=space.slug)
    action = form.cleaned_data["action"]
    name = services.display_name(membership.user)
    try:
        if action == "verwijderen":
            services.remove_member(actor=request.user, membership=membership)
            done = _("%(name)s is uit de ruimte verwijderd.")
        elif action == "schorsen":
            membership = services.suspend(
                actor=request.user,
                membership=membership,
                until=timezone.now() + timedelta(days=form.cleaned_data["days"] or 7),
                reason=form.cleaned_data["reason"],
            )
            done = _("%(name)s is geschorst tot %(until)s.")
        elif action == "schorsing_opheffen":
            services.unsuspend(actor=request.user, membership=membership)
            done = _("De schorsing van %(name)s is opgeheven.")
        else:
            services.set_role(actor=request.user, membership=membership, role=action)
            done = _("%(name)s is nu %(role)s.")
    except services.SpaceActionRefused as error:
        messages.error(request, error.message)
    else:
        role = Membership.Role(action).label.lower() if action in Membership.Role.values else ""
        until = membership.suspended_until if action == "schorsen" else None
        until_text = date_format(timezone.localtime(until), "j F Y H:i") if until else ""
        messages.success(request, done % {"name": name, "role": role, "until": until_text})
    # Someone who just removed their own moderator role may not see this page any more.
    if services.can_moderate(request.user, space):
        return redirect("spaces:members", slug=space.slug)
    return redirect("spaces:home", slug=space.slug)


@login_required
def moderate_log(request: HttpRequest, slug: str) -> HttpResponse:
    space = access_moderated_space(request.user, slug)
    entries = ModerationLog.objects.filter(space=space).select_related("actor", "subject")[
        :LOG_ENTRIES
    ]
    return render(
        request, "spaces/moderate_log.html", {"space": space, "entries": entries, "section": "log"}
    )


# --- invitations -------------------------------------------------------------------------------


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. Without a login: log in (or sign up) and come back here."""
    try:
        found = services.find_invitation(token)
    except services.SpaceActionRefused as error:
        return render(request, "spaces/invitation.html", {"error": error.message}, status=404)
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "spaces/invitation.html",
            {
                "invitation": found,
                "space": found.space,
                "login_url": resolve_url(settings.LOGIN_URL),
            },
        )
    if request.method == "POST":
        try:
            services.accept_invitation(user=request.user, token=token)
        except services.SpaceActionRefused as error:
            return render(
                request,
                "spaces/invitation.html",
                {"invitation": found, "space": found.space, "error": error.message},
                status=403,
            )
        messages.success(
            request, _("Welkom! U bent nu lid van %(space)s.") % {"space": found.space.name}
        )
        return redirect("spaces:home", slug=found.space.slug)
    return render(request, "spaces/invitation.html", {"invitation": found, "space": found.space})
