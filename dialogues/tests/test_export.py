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
    call_command("import_dialogue", str(path), format=source, verbosity=0)
    dialogue = Dialogue.objects.get()
    before = content(dialogue)
    response = client.get(f"/dialogen/{dialogue.slug}/export.{file_format}")
    assert response.status_code == 200
    assert f'filename="{dialogue.slug}.{file_format}"' in response["Content-Disposition"]
    exported = Path(tmp_path / f"export.{file_format}")
    exported.write_bytes(response.content)
    call_command("import_dialogue", str(exported), format="workbook", replace=True, verbosity=0)
    assert content(Dialogue.objects.get()) == before


def test_a_hidden_dialogue_cannot_be_exported(client, closed_space, tmp_path):
    call_command(
        "import_dialogue",
        str(write_csv_folder(tmp_path / "map", WORKBOOK)),
        format="workbook",
        space=closed_space.slug,
        verbosity=0,
    )
    slug = Dialogue.objects.get().slug
    assert client.get(f"/dialogen/{slug}/export.xlsx").status_code == 404
    assert client.get(f"/dialogen/{slug}/export.exe").status_code == 404
