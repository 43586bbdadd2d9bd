"""`make bench`: requests per second of the site's main pages with 10,000 cases, beside a
bare Django view measured in the same run (the ratio is what counts). Repeated requests show
what anonymous visitors get from the page cache; the "cold" rows ask each page once.

Runs the site under gunicorn (production settings, DEBUG=0) on the loopback interface and sends
a fixed number of requests from a few client threads. The database is var/bench.sqlite3, or
DATABASE_URL when set (for PostgreSQL use a database of its own: the benchmark fills it).
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    bench_env,
    engine_name,
    fetch,
    gunicorn,
    link_topics_and_tags,
    municipalities,
    prepare,
    setup_django,
)

CASES = int(os.environ.get("BENCH_CASES", "10000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))

ENV = bench_env("bench.sqlite3")


def generate() -> tuple[str, list[str], str]:
    """Fill the database with CASES live cases; return the slug of one in the middle, the
    slugs of REQUESTS others, and the slug of a topic."""
    setup_django(ENV)
    import random

    from django.utils import timezone
    from taggit.models import Tag

    from cases.models import Case, Outcome
    from topics.models import Topic

    if Case.objects.count() >= CASES:
        return _picked()
    Case.objects.all().delete()
    rng = random.Random(2020)
    places = municipalities([f"Gemeente {i}" for i in range(40)])
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
                municipality=rng.choice(places),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Case.objects.bulk_create(batch, batch_size=1000)
    ids = list(Case.objects.values_list("pk", flat=True))
    link_topics_and_tags(ids, rng, topics, tags)
    from core.state import changed

    changed()  # bulk_create sends no signals: tell the caches
    return _picked()


def _picked() -> tuple[str, list[str], str]:
    from cases.models import Case
    from topics.models import Topic

    slugs = list(Case.objects.order_by("pk").values_list("slug", flat=True)[: REQUESTS + 1])
    middle = Case.objects.order_by("pk")[CASES // 2].slug
    return middle, [slug for slug in slugs if slug != middle][:REQUESTS], Topic.objects.first().slug


def measure(port: int, path: str | list[str]) -> float:
    """Requests per second for `path`, or for a list of distinct paths asked once each (a long
    tail that no cache has seen: what a visitor with a new question gets)."""
    paths = path if isinstance(path, list) else [path] * REQUESTS
    if not isinstance(path, list):
        for _ in range(10):  # warm-up
            assert fetch(port, path) == 200, path
    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = list(pool.map(lambda p: fetch(port, p), paths))
    elapsed = time.perf_counter() - start
    assert all(status == 200 for status in statuses), paths[0]
    return len(paths) / elapsed


def main() -> None:
    prepare(ENV)
    slug, others, topic = generate()
    pages_of_list = max(1, CASES // 20)
    with gunicorn(ENV, WORKERS) as port:
        pages = {
            "bare Django view": "/bench/bare",
            "home page": "/",
            "case list (filters, counts)": "/praktijkvoorbeelden/",
            "case list, filtered": "/praktijkvoorbeelden/?uitkomst=mislukt&thema=veiligheid",
            "case page": f"/praktijkvoorbeelden/{slug}/",
            "topic page": f"/themas/{topic}/",
            "API list": "/api/v1/praktijkvoorbeelden",
            # Cold: each request a page nobody asked for before.
            "cold: case pages, each new": [f"/praktijkvoorbeelden/{s}/" for s in others],
            "cold: list pages, each new": [
                f"/praktijkvoorbeelden/?pagina={1 + n % pages_of_list}&uitkomst="
                f"{('geslaagd', 'mislukt', 'gemengd')[n // pages_of_list % 3]}"
                for n in range(REQUESTS)
            ],
        }
        results = {name: measure(port, path) for name, path in pages.items()}
    baseline = results["bare Django view"]
    print(
        f"\n{CASES} cases on {engine_name(ENV)}; {REQUESTS} requests each, {CLIENTS} clients, "
        f"gunicorn with {WORKERS} workers\n"
    )
    print(f"{'page':32} {'req/s':>8} {'ratio to bare':>14}")
    for name, rate in results.items():
        print(f"{name:32} {rate:8.1f} {rate / baseline:14.3f}")


if __name__ == "__main__":
    main()
