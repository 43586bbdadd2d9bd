"""Headers every API response carries (the Dutch API Design Rules, docs/architecture.md)."""

from django.conf import settings
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe

from core.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and response.get("Content-Type") != PROBLEM_CONTENT_TYPE:
            # With DEBUG on, Django answers an unknown path with its HTML page before handler404
            # is asked; the API's 404 is a problem always.
            response = problem_response(
                404, detail="Deze bron bestaat niet.", instance=request.path
            )
        # What the caller gets depends on who they are (token, session) and their language.
        patch_vary_headers(response, ("Accept", "Authorization", "Cookie", "Accept-Language"))
        response = conditional(request, response)  # a 304 gets the headers below too
        response["API-Version"] = settings.API_VERSION  # /core/version-header
        response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
        if request.path.startswith(f"{API_PREFIX}v1/docs"):
            # The human-readable reference page loads its own script and styles.
            response["Content-Security-Policy"] = (
                "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; "
                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src blob:; "
                "frame-ancestors 'none'"
            )
        if "HTTP_AUTHORIZATION" in request.META:
            # What a token holder sees depends on who they are: never store it anywhere.
            patch_cache_control(response, no_store=True, private=True)
        else:
            # Read-only anonymous endpoints are open to every origin (/core/transport/cors).
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "API-Version, ETag, Last-Modified"
        return response


def conditional(request, response):
    """ETag on every successful read, and 304 Not Modified for If-None-Match (and
    If-Modified-Since where the view sent Last-Modified: resource details only).

    The ETag is a hash of the body as this caller gets it, so it is right for every list and
    every caller: a change, a hidden or removed item, or another caller's view of the same
    list gives another ETag. It is the authority; If-Modified-Since counts only where the
    response has a Last-Modified and no If-None-Match was sent (RFC 9110)."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if response.streaming:
        return response
    if not response.has_header("ETag"):
        set_response_etag(response)
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )
