"""Mijn kennisplatform (/mijn/): one page that gathers what a person keeps on the platform.

It stands on the roof because it gathers several kinds: the account (e-mail addresses, two-factor
authentication, API token, e-mail settings: accounts/), a linked wijkschakelaar profile
(connectors/) and, later, the person's spaces, requests and invitations (spaces/).
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import has_two_factor, two_factor_required
from accounts.forms import EmailPreferencesForm
from accounts.services import email_preferences, token_prefix
from cases.submissions import submissions_of
from connectors.models import Connector
from core.access import ANONYMOUS, is_editor
from forward.services import checklists_of
from notifications.saved_searches import saved_searches_of
from notifications.subscriptions import followed_spaces
from spaces.selectors import personal_overview


def space_sections(request: HttpRequest) -> list:
    """Sections about the person's spaces, requests and invitations, each a dict with a
    `template` and its `context`."""
    return [
        {"template": "spaces/_my_spaces.html", "context": personal_overview(request.user)},
        {
            "template": "notifications/_my_subscriptions.html",
            "context": followed_spaces(request.user),
        },
        {
            "template": "notifications/_my_saved_searches.html",
            "context": saved_searches_of(request.user),
        },
        {"template": "patterns/forward_mine.html", "context": checklists_of(request.user)},
    ]


@login_required
def personal_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    connector = Connector.objects.filter(user=user).select_related("municipality").first()
    return render(
        request,
        "mijn/index.html",
        {
            "emails": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
            "has_two_factor": has_two_factor(user),
            "two_factor_required": two_factor_required(user),
            "is_editor": is_editor(user),
            "token_prefix": token_prefix(user),
            "preferences_form": EmailPreferencesForm(instance=email_preferences(user)),
            "connector": connector,
            "connector_public": connector is not None
            and Connector.objects.visible_to(ANONYMOUS).filter(pk=connector.pk).exists(),
            "space_sections": space_sections(request),
            "case_submissions": submissions_of(user),
        },
    )
