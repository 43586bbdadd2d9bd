"""`make bench`: requests per second of the case list and a case page with 10,000 cases,
beside a bare Django view measured in the same run (the ratio is what counts).

Runs the site under gunicorn (production settings, DEBUG=0) on the loopback interface and sends
a fixed number of requests from a few client threads. The database is var/bench.sqlite3, or
DATABASE_URL when set (for PostgreSQL use a database of its own: the benchmark fills it).
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("BENCH_CASES", "10000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}",
}


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def generate() -> str:
    """Fill the database with CASES live cases; return the slug of one in the middle."""
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import random

    from django.utils import timezone
    from taggit.models import Tag

    from cases.models import Case, Outcome, TaggedCase
    from municipalities.models import Municipality
    from topics.models import Topic

    if Case.objects.count() >= CASES:
        return Case.objects.order_by("pk")[CASES // 2].slug
    Case.objects.all().delete()
    rng = random.Random(2020)
    municipalities = [
        Municipality.objects.get_or_create(
            cbs_code=f"GM{9000 + i:04d}", defaults={"name": f"Gemeente {i}", "slug": f"gem-{i}"}
        )[0]
        for i in range(40)
    ]
    topics = list(Topic.objects.all())
    tags = [
        Tag.objects.get_or_create(name=f"trefwoord{i}", slug=f"trefwoord{i}")[0] for i in range(60)
    ]
    words = (
        "buurthuis jongerenwerk wijkagent buurtkamer schuldhulp vroegsignalering "
        "bewoners corporatie veiligheid ontmoeting overlast eenzaamheid"
    ).split()
    now = timezone.now()
    batch = []
    for i in range(CASES):
        title = f"{rng.choice(words).capitalize()} en {rng.choice(words)} {i}"
        batch.append(
            Case(
                title=title,
                slug=f"bench-{i}",
                summary=" ".join(rng.choices(words, k=25)),
                outcome=rng.choice(Outcome.values),
                context=" ".join(rng.choices(words, k=80)),
                approach=" ".join(rng.choices(words, k=80)),
                what_went_wrong=" ".join(rng.choices(words, k=40)),
                municipality=rng.choice(municipalities),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Case.objects.bulk_create(batch, batch_size=1000)
    ids = list(Case.objects.values_list("pk", flat=True))
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
    return Case.objects.order_by("pk")[CASES // 2].slug


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def measure(port: int, path: str) -> float:
    for _ in range(10):  # warm-up
        assert fetch(port, path) == 200, path
    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = list(pool.map(lambda _: fetch(port, path), range(REQUESTS)))
    elapsed = time.perf_counter() - start
    assert all(status == 200 for status in statuses), path
    return REQUESTS / elapsed


def main() -> None:
    (ROOT / "var").mkdir(exist_ok=True)
    manage("migrate", "--no-input", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    slug = generate()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kennisplatform.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    try:
        for _ in range(100):
            try:
                fetch(port, "/bench/bare")
                break
            except OSError:
                time.sleep(0.1)
        pages = {
            "bare Django view": "/bench/bare",
            "case list (filters, counts)": "/praktijkvoorbeelden/",
            "case list, filtered": "/praktijkvoorbeelden/?uitkomst=mislukt&thema=veiligheid",
            "case page": f"/praktijkvoorbeelden/{slug}/",
            "API list": "/api/v1/praktijkvoorbeelden",
        }
        results = {name: measure(port, path) for name, path in pages.items()}
    finally:
        server.terminate()
        server.wait(10)
    baseline = results["bare Django view"]
    engine = "PostgreSQL" if ENV["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(
        f"\n{CASES} cases on {engine}; {REQUESTS} requests each, {CLIENTS} clients, "
        f"gunicorn with {WORKERS} workers\n"
    )
    print(f"{'page':32} {'req/s':>8} {'ratio to bare':>14}")
    for name, rate in results.items():
        print(f"{name:32} {rate:8.1f} {rate / baseline:14.3f}")


if __name__ == "__main__":
    main()
