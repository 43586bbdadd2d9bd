"""The floors of docs/architecture.md hold: no import runs up, no app imports another that
imports it back, and no import hides in a function without saying why."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def import_graph():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import import_graph
    finally:
        sys.path.pop(0)
    return import_graph


def test_no_import_runs_up_a_floor(import_graph, capsys):
    assert import_graph.main() == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith("0 problem(s)")


def test_the_checker_finds_an_import_that_runs_up(import_graph, tmp_path, monkeypatch, capsys):
    app = tmp_path / "core"
    app.mkdir()
    (app / "bad.py").write_text("def f():\n    from cases.models import Case\n")
    monkeypatch.setattr(import_graph, "ROOT", tmp_path)
    assert import_graph.main() == 1
    out = capsys.readouterr().out
    assert "core imports cases, which stands above it" in out
    assert "inside a function, with no reason" in out
