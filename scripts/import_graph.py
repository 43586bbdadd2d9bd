"""The import graph of the project's own packages, checked against the floors.

Run: `python scripts/import_graph.py`. Exits non-zero when an app imports an app on a higher
floor, when two apps import each other (directly or through others), or when an import inside a
function (other than `AppConfig.ready`) reaches another app without a reason on the line before
it (`# import here: ...`).
The floors are described in docs/architecture.md.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. An app may import apps on its own floor's list before it, and lower floors.
FLOORS: list[list[str]] = [
    ["core"],
    ["textsearch"],
    ["spaces", "municipalities", "topics", "accounts"],
    ["cases"],
    ["patterns", "dialogues", "connectors", "discussions", "meetings"],
    ["notifications", "search", "pages", "embeds", "api", "ops", "opendata", "kennisplatform"],
]
RANK = {app: (floor, n) for floor, apps in enumerate(FLOORS) for n, app in enumerate(apps)}
SKIP_PARTS = {"tests", "migrations", ".venv", "bench", "scripts"}


def own_files():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if len(parts) < 2 or SKIP_PARTS & set(parts):
            continue
        if parts[0] in RANK:
            yield path


def imports(path: Path):
    """(imported app, line, in a function, reason given) for each import of another app."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        in_function, parent = False, parents.get(node)
        while parent is not None:
            # AppConfig.ready() is where Django wants models imported: not hiding anything.
            if (
                isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef)
                and parent.name != "ready"
            ):
                in_function = True
            parent = parents.get(parent)
        previous = lines[node.lineno - 2] if node.lineno >= 2 else ""
        reason = "# import here:" in previous
        for name in names:
            app = name.split(".")[0]
            if app in RANK:
                yield app, node.lineno, in_function, reason


def main() -> int:
    problems = []
    edges: dict[str, set[str]] = defaultdict(set)
    for path in own_files():
        app = path.relative_to(ROOT).parts[0]
        for target, line, in_function, reason in imports(path):
            if target == app:
                continue
            edges[app].add(target)
            where = f"{path.relative_to(ROOT)}:{line}"
            if RANK[target] > RANK[app]:
                problems.append(f"{where}: {app} imports {target}, which stands above it")
            if in_function and not reason:
                problems.append(f"{where}: import of {target} inside a function, with no reason")
    for problem in problems:
        print(problem)
    print(
        f"{len(problems)} problem(s); app edges: "
        + "; ".join(
            f"{app} -> {', '.join(sorted(targets))}" for app, targets in sorted(edges.items())
        )
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
