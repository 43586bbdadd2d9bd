"""What the benchmarks share: the environment, Django set-up, gunicorn on the loopback interface,
plain HTTP requests and the reference data that generated cases link to."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_env(sqlite_name: str) -> dict[str, str]:
    """Production settings (DEBUG=0) with bench/settings.py; DATABASE_URL or var/<sqlite_name>."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / sqlite_name}",
    }


def engine_name(env: dict[str, str]) -> str:
    return "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict[str, str]) -> None:
    """Migrate the benchmark's database and collect static files (production settings)."""
    (ROOT / "var").mkdir(exist_ok=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")


def setup_django(env: dict[str, str]) -> None:
    """Configure Django in this process with the benchmark's settings and database."""
    os.environ.update(env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def municipalities(names: list[str]) -> list:
    """Municipalities with made-up CBS codes (GM9000 and up), created when missing."""
    from django.utils.text import slugify

    from municipalities.models import Municipality

    # Real names are known already (every Dutch municipality is loaded by a migration).
    return [
        Municipality.objects.find(name)
        or Municipality.objects.get_or_create(
            cbs_code=f"GM{9000 + i:04d}", defaults={"name": name, "slug": slugify(name)}
        )[0]
        for i, name in enumerate(names)
    ]


def link_topics_and_tags(ids: list[int], rng, topics: list, tags: list) -> None:
    """Two topics and three tags per case, in bulk."""
    from cases.models import Case, TaggedCase

    Case.topics.through.objects.bulk_create(
        [
            Case.topics.through(case_id=pk, topic_id=t.pk)
            for pk in ids
            for t in rng.sample(topics, 2)
        ],
        batch_size=2000,
    )
    TaggedCase.objects.bulk_create(
        [TaggedCase(content_object_id=pk, tag_id=t.pk) for pk in ids for t in rng.sample(tags, 3)],
        batch_size=2000,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, timeout: float = 60) -> tuple[int, http.client.HTTPMessage]:
    """GET one path on a fresh connection; the status and the response headers."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        connection.close()


def fetch(port: int, path: str) -> int:
    return get(port, path)[0]


@contextmanager
def gunicorn(
    env: dict[str, str], workers: int, timeout: int = 30, log: Path | None = None
) -> Iterator[int]:
    """The site under gunicorn on a free loopback port, ready to answer; yields the port.

    A worker that spends more than `timeout` seconds on one request is aborted (gunicorn's own
    limit). With `log`, gunicorn's and Django's error output goes there instead of stderr.
    """
    port = free_port()
    errors = log.open("w") if log else None
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kennisplatform.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            str(timeout),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stderr=errors,
    )
    try:
        for _ in range(100):
            try:
                fetch(port, "/bench/bare")
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(10)
        if errors:
            errors.close()
