"""Writing a dialogue back to the workbook format (.xlsx, or a .zip of .csv files).

What is exported re-imports to the same dialogue (dialogues/importers/), Pol.is dialogues
included: their statements have no question, and their group-informed consensus is kept in the
column `groepsconsensus`. A statement's label goes back in front of its text as the hashtag it
came from (dialogues/hashtags.py). The votes per opinion group are not in the workbook format:
a re-imported Pol.is dialogue keeps its group-informed consensus, not its representative
statements per group.

Statements, clusters and polls are written by participants, so a text may look like a
spreadsheet formula (`=HYPERLINK(...)`). No export lets a spreadsheet program run it:

- .xlsx: every text is stored as a text cell, never as a formula; it re-imports exactly.
- .csv: a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a single
  quote in front (OWASP's advice for CSV injection). The quote stays on re-import: such a text
  comes back as `'=...`. Ordinary text is unchanged both ways.
"""

from __future__ import annotations

import csv
import io
import zipfile

from dialogues.hashtags import restore
from dialogues.importers import WORKBOOK_COLUMNS
from dialogues.models import Cluster, Dialogue, Poll, Question, Statement

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A text cell that no spreadsheet program reads as a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def workbook_rows(dialogue: Dialogue) -> dict[str, list[list]]:
    """The sheets of the workbook, each a header row and then its rows."""
    fields = [
        ("titel", dialogue.title),
        ("datum", dialogue.date.isoformat()),
        ("opdrachtgever", dialogue.commissioned_by),
        ("methode", dialogue.method),
        ("beschrijving", dialogue.description),
        ("deelnemers", dialogue.participants),
        ("berichten", dialogue.messages),
        ("reacties", dialogue.reactions),
        ("illustratief", "ja" if dialogue.counts_are_illustrative else "nee"),
        ("bron", dialogue.source_url),
    ]
    sheets: dict[str, list[list]] = {name: [columns] for name, columns in WORKBOOK_COLUMNS.items()}
    sheets["dialoog"] += [[name, "" if value is None else value] for name, value in fields]
    for question in Question.objects.filter(dialogue=dialogue).order_by("number"):
        sheets["vragen"].append([question.number, question.section, question.text])
    clusters = Cluster.objects.filter(question__dialogue=dialogue).select_related("question")
    for cluster in clusters.order_by("question__number", "rank"):
        sheets["clusters"].append(
            [cluster.question.number, cluster.name, cluster.rank, cluster.explanation]
        )
    statements = Statement.objects.filter(dialogue=dialogue).select_related("question", "cluster")
    for statement in statements.order_by("pk"):
        sheets["stellingen"].append(
            [
                statement.question.number if statement.question else "",
                restore(statement.text, statement.label),
                statement.agree,
                statement.disagree,
                statement.passed,
                statement.cluster.name if statement.cluster else "",
                "" if statement.group_consensus is None else statement.group_consensus,
            ]
        )
    polls = Poll.objects.filter(dialogue=dialogue).select_related("question")
    for poll in polls.prefetch_related("options"):
        for option in poll.options.all():
            sheets["polls"].append(
                [
                    poll.question.number if poll.question else "",
                    poll.text,
                    option.text,
                    option.votes,
                ]
            )
    return sheets


def export_xlsx(dialogue: Dialogue) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in workbook_rows(dialogue).items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    # openpyxl makes a formula of any text that starts with "=".
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_csv_zip(dialogue: Dialogue) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, rows in workbook_rows(dialogue).items():
            text = io.StringIO()
            csv.writer(text, lineterminator="\n").writerows(
                [csv_safe(value) for value in row] for row in rows
            )
            archive.writestr(f"{name}.csv", text.getvalue())
    return buffer.getvalue()
