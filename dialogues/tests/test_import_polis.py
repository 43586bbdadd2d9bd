"""Importing a real Pol.is open-data export (dialogues/tests/data/polis, CC BY 4.0)."""

import csv
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dialogues.consensus import group_consensus
from dialogues.models import Dialogue, Statement

pytestmark = pytest.mark.django_db

# A real export kept in the repository (CC BY 4.0; attribution in data/polis/README.md), so
# that the tests need nothing outside it.
POLIS = Path(__file__).resolve().parent / "data" / "polis" / "london.youth.policing"


def counted_from_votes_csv() -> dict[str, Counter]:
    """Agree/disagree/pass per visible comment, counted here from votes.csv: a participant's
    last vote on a comment counts."""
    with (POLIS / "comments.csv").open(newline="", encoding="utf-8") as handle:
        visible = {row["comment-id"] for row in csv.DictReader(handle) if row["moderated"] != "-1"}
    last: dict[tuple[str, str], tuple[int, str]] = {}
    with (POLIS / "votes.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["voter-id"], row["comment-id"])
            if key not in last or int(row["timestamp"]) >= last[key][0]:
                last[key] = (int(row["timestamp"]), row["vote"])
    counts: dict[str, Counter] = {comment: Counter() for comment in visible}
    for (_voter, comment), (_when, vote) in last.items():
        if comment in visible:
            counts[comment][vote] += 1
    return counts


def test_counts_equal_the_votes_in_the_export():
    call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)
    expected = counted_from_votes_csv()
    statements = {s.external_id: s for s in Statement.objects.all()}
    assert set(statements) == set(expected)
    for comment, counts in expected.items():
        statement = statements[comment]
        assert (statement.agree, statement.disagree, statement.passed) == (
            counts["1"],
            counts["-1"],
            counts["0"],
        ), comment


def test_hidden_comments_are_left_out_and_the_dialogue_is_described():
    call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)
    dialogue = Dialogue.objects.get()
    assert dialogue.title.startswith("What is the best way to engage more young people")
    assert dialogue.source_url == "https://pol.is/9xxwa9jpkm"
    assert dialogue.date.year == 2022
    assert dialogue.statements.count() == 36  # 39 comments, 3 moderated out
    assert dialogue.statements_with_level == dialogue.statements.exclude(level="").count()
    assert dialogue.polarising_statements == dialogue.statements.filter(polarising=True).count()


def test_group_informed_consensus_from_the_participants_groups():
    call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)
    groups = {}
    with (POLIS / "participants-votes.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["group-id"]:
                groups[row["participant"]] = row["group-id"]
    last = {}
    with (POLIS / "votes.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["voter-id"], row["comment-id"])
            if key not in last or int(row["timestamp"]) >= last[key][0]:
                last[key] = (int(row["timestamp"]), int(row["vote"]))
    statement = Statement.objects.order_by("external_id").first()
    tallies = {group: [0, 0] for group in sorted(set(groups.values()))}
    for (voter, comment), (_when, vote) in last.items():
        if comment == statement.external_id and voter in groups:
            tallies[groups[voter]][0] += vote == 1
            tallies[groups[voter]][1] += 1
    expected = group_consensus([tuple(t) for t in tallies.values()])
    assert statement.group_consensus == pytest.approx(expected)


def test_a_zip_of_the_export_imports_the_same(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in POLIS.iterdir():
            zipped.write(file, f"london/{file.name}")
    call_command("import_dialogue", str(archive), format="polis", verbosity=0)
    assert Statement.objects.count() == 36


def test_importing_again_asks_for_confirmation_then_replaces():
    call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)
    first = Dialogue.objects.get()
    with pytest.raises(CommandError, match="al geïmporteerd"):
        call_command("import_dialogue", str(POLIS), format="polis", verbosity=0)
    assert Dialogue.objects.count() == 1
    call_command("import_dialogue", str(POLIS), format="polis", replace=True, verbosity=0)
    again = Dialogue.objects.get()
    assert again.pk != first.pk and again.slug == first.slug
    assert Statement.objects.count() == 36


def test_an_export_without_votes_changes_nothing(tmp_path):
    broken = tmp_path / "export"
    shutil.copytree(POLIS, broken)
    (broken / "votes.csv").unlink()
    with pytest.raises(CommandError, match="votes.csv ontbreekt"):
        call_command("import_dialogue", str(broken), format="polis", verbosity=0)
    assert not Dialogue.objects.exists()


def test_a_bad_vote_is_named_by_row_and_column(tmp_path):
    broken = tmp_path / "export"
    shutil.copytree(POLIS, broken)
    lines = (broken / "votes.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ",2"
    (broken / "votes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_dialogue", str(broken), format="polis", verbosity=0)
    assert "votes.csv, rij 4, kolom 'vote': 2" in str(error.value)
    assert not Dialogue.objects.exists()
