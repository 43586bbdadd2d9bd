"""Editors set up two-factor authentication before they reach anything else.

An editor (see accounts.access.two_factor_required) who is logged in but has no authenticator
app yet is sent to the page that sets one up, from every page of the site and the back office.
Only the account pages themselves (where the setup, the e-mail confirmation and logging out
live) and static files stay reachable. With an authenticator, the login itself asks for the
code (django-allauth's second step).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.access import has_two_factor, two_factor_required

# /account/: django-allauth (login, logout, e-mail, two-factor setup); the API authenticates by
# token, not by the session, and the rest are files and the language switch.
OPEN_PREFIXES = ("/account/", "/static/", "/media/", "/api/", "/taal/")


class EditorTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.two_factor_setup_required = False
        if getattr(settings, "ACCOUNTS_EDITOR_MFA_REQUIRED", True):
            user = request.user
            if two_factor_required(user) and not has_two_factor(user):
                request.two_factor_setup_required = True
                if not request.path.startswith(OPEN_PREFIXES):
                    return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
