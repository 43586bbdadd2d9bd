"""The pages about the platform itself: privacy statement, accessibility statement, colofon.

The texts are ours, in the templates; what only the operator of an install knows (who they are,
how to reach them, the facts of the accessibility statement) comes from `OperatorSettings`,
editable in the back office, and shows as a marked blank until it is filled in."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from pages.models import OperatorSettings

# Facts the privacy statement states, from the code, so that text and code say one thing.
SESSION_DAYS = settings.SESSION_COOKIE_AGE // (24 * 60 * 60)
LANGUAGE_COOKIE_DAYS = settings.LANGUAGE_COOKIE_AGE // (24 * 60 * 60)


def _render(request: HttpRequest, template: str, **context) -> HttpResponse:
    return render(request, template, {"operator": OperatorSettings.current(), **context})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "trust/privacy.html",
        session_days=SESSION_DAYS,
        language_cookie_days=LANGUAGE_COOKIE_DAYS,
    )


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return _render(request, "trust/accessibility.html")


@require_safe
def colofon(request: HttpRequest) -> HttpResponse:
    return _render(request, "trust/colofon.html")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # At request time: the hashed name of the file is known only after collectstatic.
    return HttpResponsePermanentRedirect(static("favicon.ico"))
