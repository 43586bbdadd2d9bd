"""The workbook template editors download from the import page."""

from __future__ import annotations

import io

from dialogues.importers import DIALOGUE_FIELDS, WORKBOOK_COLUMNS
from dialogues.importers.example import EXAMPLE_ROWS


def template_workbook(column_help: dict[str, dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    explanation = workbook.active
    explanation.title = "uitleg"
    explanation.append(["blad", "kolom", "wat erin hoort"])
    explanation.append(["", "", "Vervang de voorbeeldregels door uw eigen gegevens."])
    for name, text in DIALOGUE_FIELDS.items():
        explanation.append(["dialoog", f"veld: {name}", text])
    for sheet, columns in column_help.items():
        for column, text in columns.items():
            explanation.append([sheet, column, text])
    for name, columns in WORKBOOK_COLUMNS.items():
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for row in EXAMPLE_ROWS[name]:
            sheet.append(row)
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
