"""Following a space, saved searches and unsubscribing by link. Thin: the work is in
`subscriptions`, `saved_searches` and `unsubscribe`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.responses import render_form
from notifications import saved_searches, subscriptions
from notifications.forms import FollowForm, SavedSearchForm, SavedSearchFrequencyForm
from notifications.saved_searches import SavedSearchRefused
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
    return render_form(
        request,
        "notifications/follow.html",
        {"space": space, "form": form, "subscription": current},
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


# Where "Houd me op de hoogte" was pressed, to go back to after saving.
BACK = {"lijst": "cases:list", "zoeken": "search:search"}
MY_SAVED_SEARCHES = "#mijn-zoekopdrachten"


def _back(where: str, query: str) -> str:
    return reverse(BACK.get(where) or "cases:list") + (f"?{query}" if query else "")


@login_required
@require_http_methods(["GET", "POST"])
def save_search(request: HttpRequest) -> HttpResponse:
    """GET (`?<the search>&terug=zoeken`, e.g. after logging in): what will be saved and the
    form. POST (also from the form beside the results): save it and go back to the results."""
    error = None
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        data = QueryDict(request.POST.get("zoekopdracht", "")[:4000])
        if form.is_valid():
            try:
                saved = saved_searches.save_search(
                    user=request.user, data=data, frequency=form.cleaned_data["frequency"]
                )
            except SavedSearchRefused as refused:
                error = refused.message
            else:
                messages.success(
                    request,
                    _(
                        "Bewaard. U krijgt een e-mail als er nieuwe praktijkvoorbeelden bij "
                        "“%(name)s” komen. Bij Mijn kennisplatform kunt u dit veranderen."
                    )
                    % {"name": saved.name},
                )
                return redirect(_back(form.cleaned_data["terug"], saved.query))
    else:
        data = request.GET
        form = SavedSearchForm(initial={"terug": request.GET.get("terug", "lijst")})
    query, name = saved_searches.preview_name(request.user, data)
    if request.method == "GET":
        form.initial["zoekopdracht"] = query
    return render(
        request,
        "notifications/save_search.html",
        {
            "form": form,
            "error": error,
            "name": name,
            "back_url": _back(request.GET.get("terug") or request.POST.get("terug", ""), query),
        },
        status=400 if error or form.errors else 200,
    )


@login_required
@require_http_methods(["POST"])
def saved_search_frequency(request: HttpRequest, pk: int) -> HttpResponse:
    saved = saved_searches.access_saved_search(request.user, pk)
    form = SavedSearchFrequencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies hoe vaak u een e-mail wilt: dagelijks of wekelijks."))
        return redirect(reverse("mijn") + MY_SAVED_SEARCHES)
    saved_searches.set_frequency(
        user=request.user, saved=saved, frequency=form.cleaned_data["frequency"]
    )
    messages.success(
        request,
        _("U krijgt e-mail over “%(name)s” nu %(frequency)s.")
        % {"name": saved.name, "frequency": saved.get_frequency_display()},
    )
    return redirect(reverse("mijn") + MY_SAVED_SEARCHES)


@login_required
@require_http_methods(["POST"])
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = saved_searches.access_saved_search(request.user, pk)
    saved_searches.delete_search(user=request.user, saved=saved)
    messages.success(
        request,
        _("De zoekopdracht “%(name)s” is verwijderd. U krijgt er geen e-mail meer over.")
        % {"name": saved.name},
    )
    return redirect(reverse("mijn") + MY_SAVED_SEARCHES)
