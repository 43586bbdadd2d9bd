"""Errors as application/problem+json (RFC 9457), for every API error the platform answers."""

from http import HTTPStatus

from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"

DUTCH_TITLES = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Formaat van de invoer niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def problem(status: int, detail: str = "", **extra) -> dict:
    body = {
        "type": "about:blank",
        "title": DUTCH_TITLES.get(status, HTTPStatus(status).phrase),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body.update(extra)
    return body


def problem_response(status: int, detail: str = "", **extra) -> JsonResponse:
    """For errors raised outside DRF views (Django's 404 and 500 handlers under /api/)."""
    return JsonResponse(
        problem(status, detail, **extra),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    """Flatten DRF's nested error detail into Logius-style `invalidParams` entries, all at once."""
    params: list[dict] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if not prefix else f"{prefix}.{key}"
            params.extend(_invalid_params(value, name))
    elif isinstance(detail, list):
        for item in detail:
            params.extend(_invalid_params(item, prefix))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's handler500 answers, without a stack trace
    request = context.get("request")
    extra = {"instance": request.path} if request is not None else {}
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            400,
            "Een of meer parameters zijn ongeldig.",
            invalidParams=_invalid_params(exc.detail),
            **extra,
        )
    else:
        if isinstance(exc, Http404):
            # Django's Http404 has no `detail`; say what the site's 404 says (and never the model).
            detail = "Deze bron bestaat niet."
        else:
            detail = exc.detail if isinstance(getattr(exc, "detail", None), str) else ""
        body = problem(response.status_code, str(detail), **extra)
    return Response(
        body,
        status=response.status_code,
        headers={
            k: v for k, v in response.items() if k in ("Allow", "Retry-After", "WWW-Authenticate")
        },
        content_type=PROBLEM_CONTENT_TYPE,
    )
