"""Whole responses for anonymous visitors, kept in Django's cache under the content state token.

Anonymous visitors all see the same, so the first one's page can serve the next: at 10,000 cases
the case list costs a dozen queries and the facet counts; a kept page costs one query (the
token) and a cache read. A change to anything visitors can see renews the token in the same
transaction (core/state.py), so the next request on every server computes the page afresh:
nobody gets a page from before a publish.

Only what is certainly the same for every anonymous visitor is kept: GET requests that carry no
cookie but the language choice and no Authorization header, answered with 200, no cookie, not
`private` or `no-store`, and not streamed. Anything a logged-in user or a member sees has a
session cookie and is never looked up here, nor stored.

On with `PAGE_CACHE=1` (the default with `DEBUG=0`); off in development, where a changed
template must show at once.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from core import state

CACHE_SECONDS = 10 * 60
MAX_BYTES = 512 * 1024
SKIPPED_PREFIXES = ("/beheer/", "/documenten/")
HEADER = "X-Paginacache"


def _anonymous_and_plain(request: HttpRequest) -> bool:
    if not settings.PAGE_CACHE or request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME}:
        return False
    return not request.path.startswith(SKIPPED_PREFIXES)


def _key(request: HttpRequest, token: str) -> str:
    meta = request.META
    parts = (
        request.build_absolute_uri(),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
        meta.get("HTTP_ACCEPT", ""),
        "gzip" if "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "") else "",
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{token}:{digest}"


def _storable(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and len(response.content) <= MAX_BYTES
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _anonymous_and_plain(request):
            return self.get_response(request)
        token = state.token()
        key = _key(request, token)
        kept = cache.get(key)
        if kept is not None:
            content, status, headers = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return _conditional(request, response)
        with state.known(token):  # the page is computed from this state: no second read
            response = self.get_response(request)
        if _storable(response):
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            cache.set(key, (response.content, response.status_code, headers), CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A kept response with an ETag (the API's) answers If-None-Match with 304, as it did when
    it was computed; the 304 carries the kept headers but none about the body."""
    if not response.has_header("ETag"):
        return response
    last_modified = response.get("Last-Modified")
    answer = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )
    if answer is not response:
        for name, value in response.items():
            if name.lower() not in ("content-type", "content-length", "content-encoding"):
                answer[name] = value
    return answer
