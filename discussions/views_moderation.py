"""Pages for reporting posts and for the moderators of a space: the queue, hiding, restoring
and approving posts, closing and reopening discussions.

Like the moderator pages of `spaces`, a space the visitor does not moderate answers 404 (the
same as a missing one), and so does a post they may not see. Every action is a POST form with
a button; where a reason is needed, GET shows the form first. Changes go through
`discussions.moderation`; these views only read forms and show the outcome.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from discussions import moderation
from discussions.forms_moderation import (
    ActionForm,
    HideForm,
    HoldFirstPostsForm,
    LockForm,
    ReportForm,
    RestoreForm,
)
from discussions.models import Discussion, Post
from discussions.rules import DiscussionRefused
from spaces.access import access_moderated_space
from spaces.models import Space


def _data(request: HttpRequest):
    """The submitted form, also when it is empty (an unticked box sends nothing)."""
    return request.POST if request.method == "POST" else None


def _post_in(user, space_filter: dict, post_pk: int) -> Post:
    posts = Post.objects.visible_to(user).select_related("discussion__space", "author")
    return get_object_or_404(posts, pk=post_pk, **space_filter)


def _moderated_post(request: HttpRequest, slug: str, post_pk: int) -> tuple[Space, Post]:
    space = access_moderated_space(request.user, slug)
    return space, _post_in(request.user, {"discussion__space": space}, post_pk)


def _queue_url(space: Space) -> str:
    return reverse("discussions:moderation", kwargs={"slug": space.slug})


def _place_of(obj, space: Space) -> str:
    """The page of a post or discussion, or the space's home while that has no page."""
    return moderation.target_url(obj) or reverse("spaces:home", kwargs={"slug": space.slug})


def _next(request: HttpRequest, fallback: str) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return fallback


# --- the queue -------------------------------------------------------------------------------


@login_required
def moderation_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """Open reports grouped by post and held posts; POST switches holding first posts."""
    space = access_moderated_space(request.user, slug)
    settings_form = HoldFirstPostsForm(
        _data(request), initial={"hold_first_posts": space.hold_first_posts}
    )
    if request.method == "POST" and settings_form.is_valid():
        hold = settings_form.cleaned_data["hold_first_posts"]
        try:
            moderation.set_hold_first_posts(actor=request.user, space=space, hold=hold)
        except DiscussionRefused as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Eerste berichten van nieuwe accounts worden nu eerst nagekeken.")
                if hold
                else _("Berichten van nieuwe accounts verschijnen nu meteen."),
            )
        return redirect(_queue_url(space))
    return render(
        request,
        "discussions/moderation_queue.html",
        {
            "space": space,
            "section": "queue",
            "settings_form": settings_form,
            **moderation.queue(spaces=[space]),
        },
    )


# --- reporting -------------------------------------------------------------------------------


@login_required
def report_post(request: HttpRequest, slug: str, post_pk: int) -> HttpResponse:
    post = _post_in(request.user, {"discussion__space__slug": slug}, post_pk)
    space = post.discussion.space
    back = _place_of(post, space)
    form = ReportForm(_data(request), initial={"next": request.GET.get("next", "")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation.report_post(
                    user=request.user, post=post, reason=form.cleaned_data["reason"]
                )
            except DiscussionRefused as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Dank u. De moderatoren van deze ruimte kijken naar uw melding."),
                )
                return redirect(_next(request, back))
        status = 400
    return render(
        request,
        "discussions/moderation_report.html",
        {"space": space, "post": post, "form": form, "back": _next(request, back)},
        status=status,
    )


# --- posts -----------------------------------------------------------------------------------


def _confirm(request, *, space, post=None, discussion=None, form, template_context, status=200):
    return render(
        request,
        "discussions/moderation_confirm.html",
        {
            "space": space,
            "post": post,
            "discussion": discussion or (post.discussion if post else None),
            "form": form,
            "back": _next(request, _queue_url(space)),
            **template_context,
        },
        status=status,
    )


def _post_action(request, slug, post_pk, *, form_class, act, done, context):
    space, post = _moderated_post(request, slug, post_pk)
    form = form_class(_data(request), initial={"next": request.GET.get("next", "")})
    if request.method == "POST":
        if form.is_valid():
            try:
                act(post, form.cleaned_data.get("reason", ""))
            except DiscussionRefused as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, done)
                return redirect(_next(request, _queue_url(space)))
        return _confirm(
            request, space=space, post=post, form=form, template_context=context, status=400
        )
    return _confirm(request, space=space, post=post, form=form, template_context=context)


@login_required
def hide_post(request: HttpRequest, slug: str, post_pk: int) -> HttpResponse:
    return _post_action(
        request,
        slug,
        post_pk,
        form_class=HideForm,
        act=lambda post, reason: moderation.hide_post(actor=request.user, post=post, reason=reason),
        done=_("Het bericht is verborgen. De schrijver ziet de reden."),
        context={
            "title": _("Bericht verbergen"),
            "intro": _(
                "Anderen zien dan alleen dat een moderator het bericht heeft verborgen. De "
                "schrijver ziet het bericht met uw reden. Openstaande meldingen worden "
                "afgehandeld."
            ),
            "button": _("Verberg bericht"),
        },
    )


@login_required
def restore_post(request: HttpRequest, slug: str, post_pk: int) -> HttpResponse:
    return _post_action(
        request,
        slug,
        post_pk,
        form_class=RestoreForm,
        act=lambda post, reason: moderation.restore_post(
            actor=request.user, post=post, reason=reason
        ),
        done=_("Het bericht staat weer zichtbaar en de meldingen zijn afgehandeld."),
        context={
            "title": _("Bericht herstellen of laten staan"),
            "intro": _(
                "Een verborgen bericht wordt weer voor iedereen zichtbaar. Een gemeld bericht "
                "blijft staan. Openstaande meldingen worden afgehandeld."
            ),
            "button": _("Herstel bericht"),
        },
    )


@require_POST
@login_required
def approve_post(request: HttpRequest, slug: str, post_pk: int) -> HttpResponse:
    space, post = _moderated_post(request, slug, post_pk)
    form = ActionForm(request.POST)
    form.is_valid()
    try:
        moderation.approve_post(actor=request.user, post=post)
    except DiscussionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Het bericht is goedgekeurd en voor iedereen zichtbaar."))
    return redirect(_next(request, _queue_url(space)))


# --- discussions -----------------------------------------------------------------------------


def _moderated_discussion(request, slug, pk) -> tuple[Space, Discussion]:
    space = access_moderated_space(request.user, slug)
    discussions = Discussion.objects.visible_to(request.user).select_related("space", "author")
    return space, get_object_or_404(discussions, space=space, pk=pk)


@login_required
def lock_discussion(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space, discussion = _moderated_discussion(request, slug, pk)
    back = _place_of(discussion, space)
    form = LockForm(_data(request), initial={"next": request.GET.get("next", "")})
    context = {
        "title": _("Discussie sluiten"),
        "intro": _(
            "Niemand kan dan nog reageren. Iedereen kan de discussie blijven lezen en ziet uw "
            "reden. U kunt de discussie later weer openen."
        ),
        "button": _("Sluit discussie"),
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation.lock_discussion(
                    actor=request.user, discussion=discussion, reason=form.cleaned_data["reason"]
                )
            except DiscussionRefused as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("De discussie is gesloten voor nieuwe reacties."))
                return redirect(_next(request, back))
        return _confirm(
            request,
            space=space,
            discussion=discussion,
            form=form,
            template_context=context,
            status=400,
        )
    return _confirm(
        request, space=space, discussion=discussion, form=form, template_context=context
    )


@require_POST
@login_required
def unlock_discussion(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space, discussion = _moderated_discussion(request, slug, pk)
    try:
        moderation.unlock_discussion(actor=request.user, discussion=discussion)
    except DiscussionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De discussie is weer open voor reacties."))
    return redirect(_next(request, _place_of(discussion, space)))
