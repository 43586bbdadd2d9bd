"""Settings for the benchmarks: the production settings plus one bare view to compare against,
and a Server-Timing header with the time the server spent on each request."""

import os
import time

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # plain HTTP on the loopback interface

from kennisplatform.settings import *  # noqa: E402,F403
from kennisplatform.settings import MIDDLEWARE  # noqa: E402

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}


class ServerTimingMiddleware:
    """`Server-Timing: app;dur=<ms>`: the whole middleware stack, view and template, in ms."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.2f}"
        return response


# Outermost, so that it times everything Django does for the request.
MIDDLEWARE = ["bench.settings.ServerTimingMiddleware", *MIDDLEWARE]
