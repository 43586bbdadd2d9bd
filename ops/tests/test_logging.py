"""Log records as JSON lines in production; plain text in development."""

import json
import logging
import os
import subprocess
import sys

from django.conf import settings
from django.test import RequestFactory

from ops.logging import JsonFormatter


def record(name, level, message, *args, **extra) -> logging.LogRecord:
    logger = logging.getLogger(name)
    return logger.makeRecord(name, level, __file__, 1, message, args, None, extra=extra)


def test_a_request_record_renders_as_one_json_line():
    request = RequestFactory().get("/praktijkvoorbeelden/bestaat-niet/?q=x")
    line = JsonFormatter().format(
        record(
            "django.request",
            logging.WARNING,
            "Not Found: %s",
            request.path,
            request=request,
            status_code=404,
        )
    )

    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "WARNING"
    assert data["logger"] == "django.request"
    assert data["message"] == "Not Found: /praktijkvoorbeelden/bestaat-niet/"
    assert data["path"] == "/praktijkvoorbeelden/bestaat-niet/"
    assert data["method"] == "GET"
    assert data["status"] == 404
    assert data["timestamp"].startswith("20") and data["timestamp"].endswith("+00:00")
    assert "request" not in data  # the request object itself is not dumped


def test_an_exception_keeps_its_traceback():
    try:
        raise ValueError("kapot")
    except ValueError:
        logger = logging.getLogger("cases")
        line = JsonFormatter().format(
            logger.makeRecord(
                "cases", logging.ERROR, __file__, 1, "Import failed", (), sys.exc_info()
            )
        )

    data = json.loads(line)
    assert data["message"] == "Import failed"
    assert "ValueError: kapot" in data["exc_info"]


def test_a_gunicorn_access_line_gets_its_fields():
    atoms = {
        "h": "203.0.113.7",
        "m": "GET",
        "U": "/zoeken/",
        "q": "q=buurthuis",
        "s": "200",
        "B": 5120,
        "a": "curl/8.0",
        "D": 12345,
        "r": "GET /zoeken/?q=buurthuis HTTP/1.1",
    }
    access = logging.getLogger("gunicorn.access").makeRecord(
        "gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(r)s" %(s)s', (atoms,), None
    )

    data = json.loads(JsonFormatter().format(access))

    assert data["message"] == '203.0.113.7 "GET /zoeken/?q=buurthuis HTTP/1.1" 200'
    assert data["path"] == "/zoeken/"
    assert data["query"] == "q=buurthuis"
    assert data["status"] == 200
    assert data["duration_ms"] == 12.3
    assert data["remote"] == "203.0.113.7"


def run_logging(**env) -> subprocess.CompletedProcess:
    clean_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **env}
    if os.environ.get("DATABASE_URL"):
        clean_env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    code = "import logging; logging.getLogger('dialogues').warning('Stelling %s', 7)"
    return subprocess.run(  # noqa: S603 (our own manage.py, with fixed arguments)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=settings.BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_logs_json_lines_on_stdout():
    result = run_logging(DEBUG="0", SECRET_KEY="x" * 64, ALLOWED_HOSTS="kennisplatform.example.nl")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert (data["level"], data["logger"], data["message"]) == (
        "WARNING",
        "dialogues",
        "Stelling 7",
    )


def test_development_logs_plain_text():
    result = run_logging(DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "Stelling 7"
    assert result.stdout.strip() == ""
