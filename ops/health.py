"""GET /health/: is this web server able to serve? For a load balancer's health probe.

200 `{"status": "ok", ...}` when the database answers a query on a platform table and the cache
stores and returns a value; otherwise 503 with the check that failed. Never cached, no session,
no cookie; exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT) so a probe may use plain HTTP.
The failure names only the exception's class: details go to the log, not to the network.
"""

from __future__ import annotations

import logging
import secrets
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from core import state

logger = logging.getLogger("ops.health")


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not return 1")
    # One cheap query on a platform table: the schema is migrated and readable.
    state.token()


def check_cache() -> None:
    key = f"health:{secrets.token_hex(8)}"
    value = secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


@require_safe
def health(request):
    checks = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # any failure makes this server unfit for traffic
            logger.error("Health check %s failed", name, exc_info=True)
            checks[name] = {"status": "error", "error": type(error).__name__}
        else:
            checks[name] = {"status": "ok"}
        checks[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    failed = [name for name, result in checks.items() if result["status"] != "ok"]
    body = {"status": "error" if failed else "ok", "checks": checks}
    if failed:
        body["failed"] = failed
    response = JsonResponse(body, status=503 if failed else 200)
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store"
    return response
