"""Following a space and unsubscribing by link. Thin: the work is in `subscriptions` and
`unsubscribe`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import subscriptions
from notifications.forms import FollowForm
from notifications.unsubscribe import BadToken, read_token
from notifications.unsubscribe import unsubscribe as apply_unsubscribe

CONFIRMATIONS = {
    "direct": _("U krijgt nu een e-mail bij elke nieuwe discussie in %(space)s."),
    "dagelijks": _(
        "U krijgt nu één keer per dag een overzicht van nieuwe discussies in %(space)s."
    ),
    "nooit": _("U krijgt geen e-mails meer over nieuwe discussies in %(space)s."),
}


@login_required
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the form on its own page; POST (also from the form on the space's home page): save
    and go back to the space."""
    space = subscriptions.access_followable_space(request.user, slug)
    current = subscriptions.subscription_for(request.user, space)
    initial = {"frequency": current.frequency if current else None}
    form = FollowForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        frequency = form.cleaned_data["frequency"]
        subscriptions.follow(user=request.user, space=space, frequency=frequency)
        messages.success(request, CONFIRMATIONS[frequency] % {"space": space.name})
        return redirect("spaces:home", slug=space.slug)
    return render(
        request,
        "notifications/follow.html",
        {"space": space, "form": form, "subscription": current},
        status=400 if form.errors else 200,
    )


@csrf_exempt  # the signed token is the protection; RFC 8058 mail programs send no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: what stops, and one button. POST (that button, or a mail program's one-click
    `List-Unsubscribe=One-Click`): stop it. No login needed."""
    try:
        what = read_token(token)
    except BadToken as error:
        return render(
            request, "notifications/unsubscribe.html", {"error": error.message}, status=400
        )
    if request.method == "POST":
        apply_unsubscribe(what)
        return render(request, "notifications/unsubscribe.html", {"what": what, "done": True})
    return render(request, "notifications/unsubscribe.html", {"what": what, "done": False})
