"""From files to tables: a folder of .csv files, a .zip of them (within safety limits), an
.xlsx workbook, or one .csv file, each read as `Table`s of text cells.

What is too large, unsafe or unreadable is refused with a `DialogueFileError` in Dutch.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from dialogues.importers.data import DialogueFileError

MAX_FILE_BYTES = 50 * 1024 * 1024  # what may be uploaded or read
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a zip may unpack to
MAX_ZIP_MEMBERS = 50


@dataclass
class Table:
    """One sheet or CSV file: its name for messages, its header and its rows (as text)."""

    label: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the editor sees it, cells)

    def column(self, name: str) -> int:
        return self.header.index(name)


# --- Reading what was given ----------------------------------------------------------------


def read_source(path: Path) -> dict[str, bytes] | bytes:
    """A folder's files by name, or a file's bytes; refuses what is too large."""
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.is_file():
        raise DialogueFileError([f"{path}: bestand of map niet gevonden."])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DialogueFileError([too_large(path.name)])
    return path.read_bytes()


def _read_csv_folder(path: Path) -> dict[str, bytes]:
    files = {}
    for child in sorted(path.iterdir()):
        if child.is_file() and child.suffix.lower() == ".csv":
            if child.stat().st_size > MAX_FILE_BYTES:
                raise DialogueFileError([too_large(child.name)])
            files[child.name.lower()] = child.read_bytes()
    return files


def check_size(source: dict[str, bytes] | bytes, name: str) -> None:
    """Refuse uploaded bytes over the limit (a folder's files were checked when read)."""
    if isinstance(source, bytes) and len(source) > MAX_FILE_BYTES:
        raise DialogueFileError([too_large(name)])


def too_large(name: str) -> str:
    return (
        f"{name}: het bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB. "
        "Verwacht: een kleiner bestand (splits de dialoog of laat bijlagen weg)."
    )


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK")


def is_xlsx(data: bytes) -> bool:
    if not is_zip(data):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


# --- Zip archives --------------------------------------------------------------------------


def unzip_csv_files(data: bytes, name: str) -> dict[str, bytes]:
    """The .csv files in a zip, by lower-case file name; refuses unsafe or oversized zips."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DialogueFileError(
            [f"{name}: dit is geen werkmap (.xlsx) en geen zip-bestand met CSV-bestanden."]
        ) from None
    with archive:
        members = archive.infolist()
        errors = _unsafe_zip_problems(members, name)
        if errors:
            raise DialogueFileError(errors)
        return _csv_members(archive, members, name)


def _unsafe_zip_problems(members: list[zipfile.ZipInfo], name: str) -> list[str]:
    """Too many members, paths that climb out of the folder, or too much to unpack."""
    errors = []
    if len(members) > MAX_ZIP_MEMBERS:
        errors.append(f"{name}: het zip-bestand bevat meer dan {MAX_ZIP_MEMBERS} bestanden.")
    for member in members:
        if _is_unsafe_path(member.filename):
            errors.append(
                f"{name}: het zip-bestand bevat een onveilig pad ({member.filename}). "
                "Verwacht: alleen bestandsnamen, eventueel in één map."
            )
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        errors.append(
            f"{name}: uitgepakt is het zip-bestand groter dan "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB."
        )
    return errors


def _is_unsafe_path(filename: str) -> bool:
    parts = PurePosixPath(filename.replace("\\", "/")).parts
    return filename.startswith(("/", "\\")) or ".." in parts or ":" in filename


def _csv_members(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for member in members:
        base = PurePosixPath(member.filename).name.lower()
        if member.is_dir() or not base.endswith(".csv") or base.startswith("."):
            continue
        if base in files:
            raise DialogueFileError([f"{name}: het bestand {base} staat er twee keer in."])
        files[base] = archive.read(member)
    return files


# --- CSV and xlsx --------------------------------------------------------------------------


def csv_table(label: str, data: bytes, has_header: bool = True, clean: bool = True) -> Table:
    """A CSV file as a Table; with `clean`, cells are stripped and blank lines dropped (large
    files of numbers, such as Pol.is votes, skip that and leave it to their reader)."""
    if not data.strip():
        raise DialogueFileError([f"{label}: het bestand is leeg."])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DialogueFileError(
            [f"{label}: het bestand is geen UTF-8-tekst. Verwacht: CSV opgeslagen als UTF-8."]
        ) from None
    first_line = text.split("\n", 1)[0]
    # Dutch spreadsheet programs write CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise DialogueFileError([f"{label}: geen geldige CSV ({exc})."]) from None
    return _table(label, lines, has_header, clean)


def csv_tables(files: dict[str, bytes]) -> dict[str, Table]:
    """Each .csv file as a Table, by its name without `.csv`."""
    return {name.removesuffix(".csv"): csv_table(name, data) for name, data in files.items()}


def _table(label: str, lines: list[list[str]], has_header: bool, clean: bool = True) -> Table:
    if has_header:
        header = [cell.strip().lower() for cell in (lines[0] if lines else [])]
        body = lines[1:]
    else:
        header, body = [], lines
    first = 2 if has_header else 1
    if not clean:
        rows = [(number, cells) for number, cells in enumerate(body, start=first) if cells]
        return Table(label, header, rows)
    rows = []
    strip = str.strip
    for number, cells in enumerate(body, start=first):
        cells = list(map(strip, cells))
        if any(cells):  # a blank line between rows is no row
            rows.append((number, cells))
    return Table(label, header, rows)


def xlsx_tables(data: bytes, name: str) -> dict[str, Table]:
    """Each sheet of a workbook as a Table, by its lower-case title."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise DialogueFileError(
            [f"{name}: de werkmap kan niet worden gelezen. Verwacht: een .xlsx-bestand."]
        ) from None
    tables = {}
    try:
        for sheet in workbook.worksheets:
            lines = [
                [_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)
            ]
            label = f"Blad '{sheet.title}'"
            tables[sheet.title.strip().lower()] = _table(label, lines, has_header=True)
    finally:
        workbook.close()
    return tables


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
