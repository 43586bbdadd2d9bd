"""A wijkschakelaar keeps their own profile from "Mijn kennisplatform": edit it, give or
withdraw consent. Only the person whose account is linked to the profile reaches these pages
(any other visitor gets 404, as for a profile that does not exist)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from connectors.forms_self import OwnProfileForm
from connectors.models import Connector
from connectors.services import (
    consent_give_by_owner,
    consent_withdraw_by_owner,
    profile_update_by_owner,
)
from core.responses import render_form


def _own_profile(request: HttpRequest) -> Connector:
    connector = Connector.objects.filter(user=request.user).first()
    if connector is None:
        raise Http404
    return connector


@login_required
def own_profile_edit(request: HttpRequest) -> HttpResponse:
    connector = _own_profile(request)
    form = OwnProfileForm(request.POST or None, instance=connector)
    if request.method == "POST" and form.is_valid():
        profile_update_by_owner(connector=connector, user=request.user, changes=form.cleaned_data)
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("mijn")
    return render_form(
        request, "connectors/own_profile.html", {"connector": connector, "form": form}
    )


@login_required
@require_POST
def own_consent_give(request: HttpRequest) -> HttpResponse:
    connector = _own_profile(request)
    consent_give_by_owner(connector=connector, user=request.user)
    messages.success(request, _("Dank u. Uw profiel is nu zichtbaar op het kennisplatform."))
    return redirect("mijn")


@login_required
@require_POST
def own_consent_withdraw(request: HttpRequest) -> HttpResponse:
    connector = _own_profile(request)
    consent_withdraw_by_owner(connector=connector, user=request.user)
    messages.success(
        request,
        _("Uw toestemming is ingetrokken. Uw profiel is niet meer te zien op het platform."),
    )
    return redirect("mijn")
