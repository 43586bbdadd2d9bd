"""Settings for `make bench`: the production settings plus one bare view to compare against."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # plain HTTP on the loopback interface

from kennisplatform.settings import *  # noqa: E402,F403

ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
