"""Gunicorn settings for the platform (`gunicorn -c deploy/gunicorn.conf.py kennisplatform.wsgi`).

Every value can be overridden on the command line or with GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Requests wait on the database more than on the CPU: the usual 2 x cores + 1, at most 12.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12)))
timeout = 30  # a request that takes longer is stuck: the worker is restarted
graceful_timeout = 30
keepalive = 5  # behind a proxy that keeps connections open
max_requests = 2000  # restart workers now and then, spread out by the jitter
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'
# The proxy in front (on this machine) tells whether the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

if os.environ.get("LOG_FORMAT", "text" if os.environ.get("DEBUG") == "1" else "json") == "json":
    # The same JSON lines as the application's logs (ops/logging.py), on stdout.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"level": "WARNING", "handlers": ["stdout"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
