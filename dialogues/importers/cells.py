"""Typed values from a table's cells, and the problems found, each with its sheet, row and
column, in Dutch with what is expected. Shared by the workbook and the Pol.is reader."""

from __future__ import annotations

from dialogues.importers.files import Table


class Cells:
    """Reads typed values from a table's rows and collects the problems with their place."""

    def __init__(self, errors: list[str]):
        self.errors = errors

    def where(self, table: Table, row: int, column: str) -> str:
        return f"{table.label}, rij {row}, kolom '{column}'"

    def text(self, table: Table, row: int, cells: list[str], column: str, required=True) -> str:
        index = table.column(column) if column in table.header else None
        value = cells[index] if index is not None and index < len(cells) else ""
        if required and not value:
            self.errors.append(f"{self.where(table, row, column)}: is leeg. Verwacht: tekst.")
        return value

    def count(self, table: Table, row: int, cells: list[str], column: str) -> int:
        """A whole number of 0 or more; empty counts as 0."""
        value = self.text(table, row, cells, column, required=False)
        if not value:
            return 0
        return self.whole(self.where(table, row, column), value) or 0

    def number(self, table: Table, row: int, cells: list[str], column: str) -> int | None:
        """A required whole number of 0 or more."""
        value = self.text(table, row, cells, column)
        return self.whole(self.where(table, row, column), value) if value else None

    def whole(self, where: str, value: str) -> int | None:
        try:
            number = int(value)
        except ValueError:
            self.errors.append(f"{where}: '{value}' is geen geheel getal. Verwacht: 0, 1, 2, ...")
            return None
        if number < 0:
            self.errors.append(f"{where}: {number} is negatief. Verwacht: 0 of meer.")
            return None
        return number

    def share(self, table: Table, row: int, cells: list[str], column: str) -> float | None:
        """An optional number from 0 to 1; a decimal comma is read as a point."""
        value = self.text(table, row, cells, column, required=False).replace(",", ".")
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0 <= number <= 1:
            self.errors.append(
                f"{self.where(table, row, column)}: '{value}'. "
                "Verwacht: een getal van 0 tot en met 1."
            )
            return None
        return number


def check_columns(table: Table, expected: list[str], optional: set[str], errors: list[str]):
    """Whether every column that is not optional is there; each missing one is an error."""
    missing = [c for c in expected if c not in table.header and c not in optional]
    for column in missing:
        errors.append(
            f"{table.label}: de kolom '{column}' ontbreekt. Verwacht in de eerste rij: "
            + ", ".join(expected)
            + "."
        )
    return not missing
