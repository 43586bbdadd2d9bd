"""`make bench-import`: importing a large Pol.is export, against merely parsing its CSV files.

Generates a Pol.is export (var/bench_import/: summary.csv, comments.csv, votes.csv and
participants-votes.csv) with BENCH_PARTICIPANTS (2,000) participants in three opinion groups,
BENCH_COMMENTS (1,000) comments and BENCH_VOTES (100,000) votes, some of them changed votes.
Then, in this process and the same run, it times

- the baseline: reading the same files with Python's csv module into lists of rows;
- the import: `import_dialogue --format polis` does the same work (read, validate, count the
  last vote per participant and comment, compute levels and group consensus, save in one
  transaction) into a database without that dialogue (deleted, untimed, before each round);
- and, reported apart, the import with `--vervang` over the earlier import.

Each is run BENCH_ROUNDS (5) times; the medians and their ratio are reported, against the target
(import at most 5 times the parsing). The database is var/bench_import.sqlite3, or DATABASE_URL.
"""

from __future__ import annotations

import csv
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, bench_env, engine_name, prepare, setup_django  # noqa: E402

PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "2000"))
COMMENTS = int(os.environ.get("BENCH_COMMENTS", "1000"))
VOTES = int(os.environ.get("BENCH_VOTES", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
TARGET_RATIO = 5
EXPORT = ROOT / "var" / "bench_import"
ENV = bench_env("bench_import.sqlite3")
START_MS = 1_658_930_000_000  # July 2022, like the open-data example


def write_export() -> None:
    """A Pol.is export shaped like the real one in dialogues/tests/data/polis."""
    rng = random.Random(2022)
    EXPORT.mkdir(parents=True, exist_ok=True)
    groups = [rng.choice([0, 1, 2]) for _ in range(PARTICIPANTS)]
    # Each group leans a way per comment, so there is consensus and division to find.
    lean = [[rng.uniform(-1, 1) for _ in range(COMMENTS)] for _ in range(3)]
    with (EXPORT / "summary.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerows(
            [
                ["topic", "Hoe maken we de wijk samen veiliger? (benchmark)"],
                ["url", "https://pol.is/benchmark"],
                ["voters", PARTICIPANTS],
                ["comments", COMMENTS],
                ["groups", 3],
            ]
        )
    with (EXPORT / "comments.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
            ]  # fmt: skip
        )
        for comment in range(COMMENTS):
            moderated = -1 if comment % 97 == 0 else 1
            writer.writerow(
                [
                    START_MS + comment * 1000,
                    "",
                    comment,
                    rng.randrange(PARTICIPANTS),
                    0,
                    0,
                    moderated,
                    f"Stelling {comment}: meer {rng.choice(WORDS)} in de wijk.",
                ]  # fmt: skip
            )
    chosen: dict[tuple[int, int], int] = {}
    with (EXPORT / "votes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        for n in range(VOTES):
            voter, comment = rng.randrange(PARTICIPANTS), rng.randrange(COMMENTS)
            leaning = lean[groups[voter]][comment]
            roll = rng.random() * 2 - 1
            vote = 0 if abs(roll - leaning) < 0.3 else (1 if roll < leaning else -1)
            chosen[(voter, comment)] = vote
            writer.writerow([START_MS + 60_000 + n * 50, "", comment, voter, vote])
    with (EXPORT / "participants-votes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant", "xid", "group-id", "n-comments", "n-votes"])
        for voter in range(PARTICIPANTS):
            writer.writerow([voter, "", groups[voter], 0, 0])


WORDS = ["buurtkamers", "wijkagenten", "jongerenwerk", "licht", "groen", "toezicht", "overleg"]


def parse_only() -> int:
    """The baseline: every file read with csv.reader into a list of rows."""
    rows = 0
    for path in sorted(EXPORT.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            rows += len(list(csv.reader(handle)))
    return rows


def import_once(replace: bool = False) -> None:
    from django.core.management import call_command

    call_command(
        "import_dialogue", str(EXPORT), format="polis", replace=replace, stdout=io.StringIO()
    )


def forget_dialogue() -> None:
    from dialogues.models import Dialogue

    Dialogue.objects.filter(source_url="https://pol.is/benchmark").delete()


def timed(run, before=None) -> list[float]:
    """Seconds of `run()`, ROUNDS times after a warm-up; `before()` runs untimed each time."""
    if before:
        before()
    run()  # warm-up: imports, caches
    timings = []
    for _ in range(ROUNDS):
        if before:
            before()
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    prepare(ENV)
    setup_django(ENV)
    start = time.perf_counter()
    write_export()
    print(
        f"\nPol.is export: {PARTICIPANTS} participants, {COMMENTS} comments, {VOTES} votes "
        f"(written in {time.perf_counter() - start:.1f} s to {EXPORT.relative_to(ROOT)})"
    )
    parsing = timed(parse_only)
    importing = timed(import_once, before=forget_dialogue)
    replacing = timed(lambda: import_once(replace=True))
    from dialogues.models import Dialogue

    dialogue = Dialogue.objects.get(source_url="https://pol.is/benchmark")
    parse_ms = statistics.median(parsing) * 1000
    import_ms = statistics.median(importing) * 1000
    ratio = import_ms / parse_ms
    print(f"On {engine_name(ENV)}, median of {ROUNDS} rounds after a warm-up:\n")
    print(f"  parse the CSV files (csv.reader)   {parse_ms:8.0f} ms   1.00")
    print(f"  import_dialogue --format polis     {import_ms:8.0f} ms   {ratio:.2f}")
    replace_ms = statistics.median(replacing) * 1000
    print(
        f"  the same with --vervang            {replace_ms:8.0f} ms   {replace_ms / parse_ms:.2f}"
        "   (also deletes the earlier import)"
    )
    print(
        f"\nImported: {dialogue.statements.count()} statements, "
        f"{dialogue.statements_with_level} with a level, {dialogue.polarising_statements} "
        f"polarising. Target: import ≤ {TARGET_RATIO}× parsing: "
        f"{'met' if ratio <= TARGET_RATIO else 'MISSED'}."
    )


if __name__ == "__main__":
    main()
