"""Vooruit falen (/vooruit-falen/): describe a plan, get the failure patterns of comparable
cases as a checklist; print it or keep it on the personal page.

The plan is sent by POST and answered with the results directly (no redirect with the words in
the address), and the answer is never cached. Nothing is stored unless a signed-in person
presses "Bewaar" (forward.services.checklist_save).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from forward import services
from patterns.forward import COMPARABLE_CASES, MIN_COMPARABLE, pattern_url, plan_failure_patterns
from patterns.forward_forms import PlanForm

MY_CHECKLISTS = "#mijn-checklists"


def _results(request: HttpRequest, form: PlanForm, *, error: str = "", ticked=()) -> HttpResponse:
    data = form.cleaned_data
    plan = plan_failure_patterns(
        description=data["description"],
        user=request.user,
        topic=data.get("topic"),
        target_group=data.get("target_group"),
        municipality=data.get("municipality"),
    )
    return render(
        request,
        "patterns/forward_results.html",
        {
            "form": form,
            "plan": plan,
            "data": data,
            "ticked": set(ticked),
            "error": error,
            "comparable_limit": COMPARABLE_CASES,
            "min_comparable": MIN_COMPARABLE,
        },
        status=400 if error else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the patterns of comparable cases, as a checklist."""
    if request.method == "POST":
        form = PlanForm(request.POST, user=request.user)
        if form.is_valid():
            return _results(request, form)
        status = 400
    else:
        form = PlanForm(user=request.user)
        status = 200
    return render(request, "patterns/forward.html", {"form": form}, status=status)


@never_cache
@login_required
@require_http_methods(["POST"])
def save(request: HttpRequest) -> HttpResponse:
    """Keep the checklist (and what was ticked) on the personal page."""
    form = PlanForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "patterns/forward.html", {"form": form}, status=400)
    ticked = request.POST.getlist("ticked")
    data = form.cleaned_data
    found = plan_failure_patterns(
        description=data["description"],
        user=request.user,
        topic=data.get("topic"),
        target_group=data.get("target_group"),
        municipality=data.get("municipality"),
    )
    try:
        checklist = services.checklist_save(
            user=request.user,
            plan=found,
            description=data["description"],
            topic=data.get("topic"),
            target_group=data.get("target_group"),
            municipality=data.get("municipality"),
            ticked=set(ticked),
        )
    except services.ChecklistRefused as refused:
        return _results(request, form, error=refused.message, ticked=ticked)
    messages.success(request, _("Uw checklist is bewaard op Mijn kennisplatform."))
    return redirect(checklist.get_absolute_url())


@never_cache
@login_required
@require_http_methods(["GET"])
def saved(request: HttpRequest, pk: int) -> HttpResponse:
    checklist = services.checklist_for(user=request.user, pk=pk)
    items = services.saved_items(checklist, request.user)
    for item in items:
        item.url = pattern_url(item.slug)
    return render(request, "patterns/forward_saved.html", {"checklist": checklist, "items": items})


@login_required
@require_http_methods(["POST"])
def saved_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.checklist_delete(user=request.user, pk=pk)
    messages.success(request, _("De checklist is verwijderd."))
    return redirect(reverse("mijn") + MY_CHECKLISTS)


@login_required
@require_http_methods(["POST"])
def saved_tick(request: HttpRequest, pk: int) -> HttpResponse:
    checklist = services.checklist_tick(
        user=request.user, pk=pk, ticked=set(request.POST.getlist("ticked"))
    )
    messages.success(request, _("De vinkjes zijn bewaard."))
    return redirect(checklist.get_absolute_url())
