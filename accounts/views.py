"""The account actions on "Mijn kennisplatform" (the page itself gathers several kinds and
lives in pages/). Each one is a POST that calls a service."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import services
from accounts.forms import ConfirmPasswordForm, EmailPreferencesForm


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    key = services.token_create(user=request.user)
    # Shown this once, never stored anywhere but in DRF's own table; responses for logged-in
    # users are never cached (kennisplatform.middleware.UserDependentCacheMiddleware).
    return render(request, "accounts/token_created.html", {"key": key})


@login_required
@require_POST
def token_revoke(request: HttpRequest) -> HttpResponse:
    if services.token_revoke(user=request.user):
        messages.success(request, _("Uw API-sleutel is ingetrokken. Hij werkt niet meer."))
    return redirect("mijn")


@login_required
@require_POST
def email_preferences(request: HttpRequest) -> HttpResponse:
    form = EmailPreferencesForm(request.POST)
    if form.is_valid():
        services.email_preferences_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Uw e-mailinstellingen zijn opgeslagen."))
    return redirect("mijn")


@login_required
def account_close(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ConfirmPasswordForm(request.POST or None, user=user)
    cannot_close = services.may_not_close(user)
    context = {"form": form, "cannot_close": cannot_close}
    if request.method == "POST" and not cannot_close:
        # Asking for the password is a way to guess it: the same limit as reauthenticating.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            context["rate_limited"] = get_adapter().error_messages["rate_limited"]
            return render(request, "accounts/account_close.html", context, status=429)
        if form.is_valid():
            services.account_close(user=user)
            logout(request)
            return render(request, "accounts/account_closed.html")
    status = 400 if form.errors else 200
    return render(request, "accounts/account_close.html", context, status=status)
