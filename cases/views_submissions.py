"""Members share a practice case ("Deel een praktijkvoorbeeld") and follow it through the review.

Only the member who shared a case reaches its pages here; for anyone else they answer 404, as
for a case that does not exist. Writes go through `cases.submissions`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cases.forms import FAILURE_OUTCOMES, SubmissionForm
from cases.models import Outcome
from cases.submissions import (
    SubmissionRefused,
    own_submission,
    resubmit_case,
    sharing_refusal,
    submission_status,
    submit_case,
)


def _add_errors(form: SubmissionForm, error: ValidationError) -> None:
    """The service's refusals, by field where the form has that field."""
    for name, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(name if name in form.fields else None, message)


def _initial_outcome(request: HttpRequest) -> dict:
    outcome = request.GET.get("uitkomst", "")
    return {"outcome": outcome} if outcome in Outcome.values else {}


@login_required
def share(request: HttpRequest) -> HttpResponse:
    refusal = sharing_refusal(request.user)
    form = SubmissionForm(
        request.POST or None, user=request.user, initial=_initial_outcome(request)
    )
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            case = submit_case(user=request.user, data=form.cleaned_data)
        except SubmissionRefused as error:
            form.add_error(None, error.message)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("cases:share_sent", pk=case.pk)
    return render(
        request,
        "cases/share.html",
        {"form": form, "refusal": refusal, "failure_outcomes": FAILURE_OUTCOMES},
        status=400 if form.errors else 200,
    )


@login_required
def share_sent(request: HttpRequest, pk: int) -> HttpResponse:
    case = own_submission(request.user, pk)
    return render(request, "cases/share_sent.html", {"case": case})


@login_required
def share_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = own_submission(request.user, pk)
    submission = submission_status(case)
    form = None
    if submission.editable:
        # The form works on its own copy: the page keeps showing the case as it was sent.
        form = SubmissionForm(
            request.POST or None, instance=own_submission(request.user, pk), user=request.user
        )
        if request.method == "POST" and form.is_valid():
            try:
                resubmit_case(user=request.user, case=case, data=form.cleaned_data)
            except SubmissionRefused as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Dank u. De redactie bekijkt uw praktijkvoorbeeld opnieuw."),
                )
                return redirect("mijn")
    elif request.method == "POST":
        messages.error(
            request,
            _(
                "U kunt dit praktijkvoorbeeld nu niet wijzigen: alleen als de redactie om "
                "wijzigingen vraagt."
            ),
        )
        return redirect("cases:share_edit", pk=case.pk)
    return render(
        request,
        "cases/share_edit.html",
        {"case": case, "submission": submission, "form": form},
        status=400 if form is not None and form.errors else 200,
    )
