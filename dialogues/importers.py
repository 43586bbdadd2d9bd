"""Reading dialogue files: the workbook and the Pol.is export of DESIGN.md section 6.

A reader turns a file into `DialogueData` or raises `DialogueFileError` with *every* problem it
found, each naming the file or sheet, the row and the column, in Dutch, with what is expected.
Nothing here touches the database: dialogues/services.py saves what a reader returns.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path, PurePosixPath

MAX_FILE_BYTES = 50 * 1024 * 1024  # what may be uploaded or read
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a zip may unpack to
MAX_ZIP_MEMBERS = 50
MAX_ERRORS = 50  # a broken file lists this many problems, then says how many more

WORKBOOK_COLUMNS = {
    "dialoog": ["veld", "waarde"],
    "vragen": ["nr", "sectie", "vraag"],
    "stellingen": [
        "vraag_nr",
        "tekst",
        "eens",
        "oneens",
        "neutraal",
        "cluster",
        "groepsconsensus",
    ],
    "clusters": ["vraag_nr", "naam", "rang", "toelichting"],
    "polls": ["vraag_nr", "poll", "optie", "stemmen"],
}
REQUIRED_SHEETS = ["dialoog", "vragen", "stellingen"]
OPTIONAL_COLUMNS = {
    "vragen": {"sectie"},
    "stellingen": {"cluster", "groepsconsensus"},
    "clusters": {"toelichting"},
}
DIALOGUE_FIELDS = {
    "titel": "de titel van de dialoog (verplicht)",
    "datum": "de datum als JJJJ-MM-DD, bijvoorbeeld 2020-09-17 (verplicht)",
    "opdrachtgever": "wie de dialoog liet houden",
    "methode": "hoe de dialoog gehouden is, bijvoorbeeld Synthetron of Pol.is",
    "beschrijving": "een korte beschrijving",
    "deelnemers": "het aantal deelnemers (een geheel getal)",
    "berichten": "het aantal berichten (een geheel getal)",
    "reacties": "het aantal reacties op berichten (een geheel getal)",
    "illustratief": "ja als de stemmen per stelling een illustratie zijn, anders nee",
    "bron": "het webadres van de dialoog, bijvoorbeeld een Pol.is-gesprek",
}
POLIS_FILES = {
    "summary.csv": None,  # key,value rows without a header
    "comments.csv": ["comment-id", "comment-body", "moderated"],
    "votes.csv": ["timestamp", "comment-id", "voter-id", "vote"],
    "participants-votes.csv": ["participant", "group-id"],
}
POLIS_REQUIRED = ["summary.csv", "comments.csv", "votes.csv"]


class DialogueFileError(Exception):
    """The file was refused; `errors` says where and why, in Dutch. Nothing was changed."""

    def __init__(self, errors: list[str]):
        if len(errors) > MAX_ERRORS:
            errors = errors[:MAX_ERRORS] + [f"... en nog {len(errors) - MAX_ERRORS} fouten."]
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class QuestionData:
    number: int
    section: str
    text: str


@dataclass
class ClusterData:
    question_number: int
    name: str
    rank: int
    explanation: str = ""


@dataclass
class StatementData:
    question_number: int | None
    text: str
    agree: int
    disagree: int
    passed: int
    cluster: str = ""
    external_id: str = ""
    groups: list[tuple[int, int]] = field(default_factory=list)  # (agrees, votes) per group
    group_consensus: float | None = None  # as exported, when the groups themselves are not


@dataclass
class PollData:
    question_number: int | None
    text: str
    options: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class DialogueData:
    source: str
    title: str = ""
    date: date | None = None
    commissioned_by: str = ""
    method: str = ""
    description: str = ""
    participants: int | None = None
    messages: int | None = None
    reactions: int | None = None
    source_url: str = ""
    counts_are_illustrative: bool = False
    questions: list[QuestionData] = field(default_factory=list)
    clusters: list[ClusterData] = field(default_factory=list)
    statements: list[StatementData] = field(default_factory=list)
    polls: list[PollData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- Files to tables -----------------------------------------------------------------------


@dataclass
class Table:
    """One sheet or CSV file: its name for messages, its header and its rows (as text)."""

    label: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the editor sees it, cells)

    def column(self, name: str) -> int:
        return self.header.index(name)


def read_source(path: Path) -> dict[str, bytes] | bytes:
    """A folder's files by name, or a file's bytes; refuses what is too large."""
    if path.is_dir():
        files = {}
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() == ".csv":
                if child.stat().st_size > MAX_FILE_BYTES:
                    raise DialogueFileError([_too_large(child.name)])
                files[child.name.lower()] = child.read_bytes()
        return files
    if not path.is_file():
        raise DialogueFileError([f"{path}: bestand of map niet gevonden."])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DialogueFileError([_too_large(path.name)])
    return path.read_bytes()


def _too_large(name: str) -> str:
    return (
        f"{name}: het bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB. "
        "Verwacht: een kleiner bestand (splits de dialoog of laat bijlagen weg)."
    )


def is_xlsx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


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
        errors = []
        if len(members) > MAX_ZIP_MEMBERS:
            errors.append(f"{name}: het zip-bestand bevat meer dan {MAX_ZIP_MEMBERS} bestanden.")
        for member in members:
            parts = PurePosixPath(member.filename.replace("\\", "/")).parts
            if member.filename.startswith(("/", "\\")) or ".." in parts or ":" in member.filename:
                errors.append(
                    f"{name}: het zip-bestand bevat een onveilig pad ({member.filename}). "
                    "Verwacht: alleen bestandsnamen, eventueel in één map."
                )
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            errors.append(
                f"{name}: uitgepakt is het zip-bestand groter dan "
                f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB."
            )
        if errors:
            raise DialogueFileError(errors)
        files: dict[str, bytes] = {}
        for member in members:
            base = PurePosixPath(member.filename).name.lower()
            if member.is_dir() or not base.endswith(".csv") or base.startswith("."):
                continue
            if base in files:
                raise DialogueFileError([f"{name}: het bestand {base} staat er twee keer in."])
            files[base] = archive.read(member)
        return files


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


# --- Cell values ---------------------------------------------------------------------------


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


def _check_columns(table: Table, expected: list[str], optional: set[str], errors: list[str]):
    missing = [c for c in expected if c not in table.header and c not in optional]
    for column in missing:
        errors.append(
            f"{table.label}: de kolom '{column}' ontbreekt. Verwacht in de eerste rij: "
            + ", ".join(expected)
            + "."
        )
    return not missing


# --- The workbook --------------------------------------------------------------------------


def workbook_data(source: dict[str, bytes] | bytes, name: str) -> DialogueData:
    """A workbook from a folder's files, or from the bytes of an .xlsx or a .zip."""
    if isinstance(source, bytes) and len(source) > MAX_FILE_BYTES:
        raise DialogueFileError([_too_large(name)])
    if isinstance(source, dict):
        tables = {name.removesuffix(".csv"): csv_table(name, data) for name, data in source.items()}
    elif is_xlsx(source):
        tables = xlsx_tables(source, name)
    elif source.startswith(b"PK"):
        files = unzip_csv_files(source, name)
        tables = {name.removesuffix(".csv"): csv_table(name, data) for name, data in files.items()}
    elif not source.strip():
        raise DialogueFileError([f"{name}: het bestand is leeg."])
    else:
        raise DialogueFileError(
            [
                f"{name}: dit is geen werkmap (.xlsx) en geen map of zip-bestand met "
                "CSV-bestanden. Download het sjabloon op de importpagina."
            ]
        )
    return parse_workbook(tables)


def parse_workbook(tables: dict[str, Table]) -> DialogueData:
    errors: list[str] = []
    missing = [name for name in REQUIRED_SHEETS if name not in tables]
    if missing:
        raise DialogueFileError(
            [
                f"Het blad of bestand '{name}' ontbreekt. Verwacht: de bladen "
                + ", ".join(WORKBOOK_COLUMNS)
                + " (clusters en polls mogen ontbreken)."
                for name in missing
            ]
        )
    usable = {
        name: table
        for name, table in tables.items()
        if name in WORKBOOK_COLUMNS
        and _check_columns(table, WORKBOOK_COLUMNS[name], OPTIONAL_COLUMNS.get(name, set()), errors)
    }
    if errors:
        raise DialogueFileError(errors)
    cells = Cells(errors)
    data = DialogueData(source="workbook")
    _read_dialogue_sheet(usable["dialoog"], cells, data)
    _read_questions(usable["vragen"], cells, data)
    numbers = {question.number for question in data.questions}
    clusters = _read_clusters(usable.get("clusters"), cells, data, numbers)
    _read_statements(usable["stellingen"], cells, data, numbers, clusters)
    _read_polls(usable.get("polls"), cells, data, numbers)
    if not data.statements and not errors:
        errors.append("Blad 'stellingen': er staat geen enkele stelling in.")
    if errors:
        raise DialogueFileError(errors)
    return data


def _read_dialogue_sheet(table: Table, cells: Cells, data: DialogueData) -> None:
    values: dict[str, tuple[int, str]] = {}
    for row, line in table.rows:
        name = cells.text(table, row, line, "veld").lower()
        if not name:
            continue
        if name not in DIALOGUE_FIELDS:
            data.warnings.append(
                f"{table.label}, rij {row}: het veld '{name}' is onbekend en overgeslagen."
            )
            continue
        if name in values:
            cells.errors.append(
                f"{table.label}, rij {row}: het veld '{name}' staat er twee keer in."
            )
        values[name] = (row, cells.text(table, row, line, "waarde", required=False))
    for name in ("titel", "datum"):
        if not values.get(name, (0, ""))[1]:
            cells.errors.append(
                f"{table.label}: het veld '{name}' ontbreekt of is leeg. Verwacht: "
                f"{DIALOGUE_FIELDS[name]}."
            )
    row, title = values.get("titel", (0, ""))
    if len(title) > 200:
        cells.errors.append(f"{table.label}, rij {row}: de titel is langer dan 200 tekens.")
    data.title = title
    row, when = values.get("datum", (0, ""))
    if when:
        try:
            data.date = date.fromisoformat(when[:10])
        except ValueError:
            cells.errors.append(
                f"{table.label}, rij {row}, kolom 'waarde': '{when}' is geen datum. "
                "Verwacht: JJJJ-MM-DD, bijvoorbeeld 2020-09-17."
            )
    data.source_url = values.get("bron", (0, ""))[1]
    if data.source_url and not data.source_url.startswith(("https://", "http://")):
        row = values["bron"][0]
        cells.errors.append(
            f"{table.label}, rij {row}, kolom 'waarde' (bron): '{data.source_url}'. "
            "Verwacht: een webadres dat begint met https://."
        )
    data.commissioned_by = values.get("opdrachtgever", (0, ""))[1]
    data.method = values.get("methode", (0, ""))[1]
    data.description = values.get("beschrijving", (0, ""))[1]
    for name, attribute in (
        ("deelnemers", "participants"),
        ("berichten", "messages"),
        ("reacties", "reactions"),
    ):
        row, value = values.get(name, (0, ""))
        if value:
            where = f"{table.label}, rij {row}, kolom 'waarde' ({name})"
            setattr(data, attribute, cells.whole(where, value))
    row, illustrative = values.get("illustratief", (0, "nee"))
    if illustrative.lower() not in ("ja", "nee", ""):
        cells.errors.append(
            f"{table.label}, rij {row}, kolom 'waarde' (illustratief): '{illustrative}'. "
            "Verwacht: ja of nee."
        )
    data.counts_are_illustrative = illustrative.lower() == "ja"


def _read_questions(table: Table, cells: Cells, data: DialogueData) -> None:
    seen: dict[int, int] = {}
    for row, line in table.rows:
        number = cells.number(table, row, line, "nr")
        text = cells.text(table, row, line, "vraag")
        section = cells.text(table, row, line, "sectie", required=False)
        if number is None:
            continue
        if number in seen:
            cells.errors.append(
                f"{cells.where(table, row, 'nr')}: vraag {number} staat er al "
                f"(rij {seen[number]}). Verwacht: elk vraagnummer één keer."
            )
            continue
        seen[number] = row
        data.questions.append(QuestionData(number, section, text))
    data.questions.sort(key=lambda question: question.number)


def _question_ref(table, row, line, cells, numbers, required=True) -> int | None:
    value = cells.text(table, row, line, "vraag_nr", required=required)
    if not value:
        return None
    number = cells.whole(cells.where(table, row, "vraag_nr"), value)
    if number is not None and number not in numbers:
        cells.errors.append(
            f"{cells.where(table, row, 'vraag_nr')}: vraag {number} bestaat niet. Verwacht: een "
            "nummer uit de kolom 'nr' van het blad 'vragen'."
        )
        return None
    return number


def _read_clusters(table, cells: Cells, data: DialogueData, numbers) -> dict[int, set[str]]:
    names: dict[int, set[str]] = defaultdict(set)
    if table is None:
        return names
    ranks: dict[int, dict[int, int]] = defaultdict(dict)
    for row, line in table.rows:
        question = _question_ref(table, row, line, cells, numbers)
        name = cells.text(table, row, line, "naam")
        rank = cells.number(table, row, line, "rang")
        explanation = cells.text(table, row, line, "toelichting", required=False)
        if question is None or not name or rank is None:
            continue
        if name.lower() in {n.lower() for n in names[question]}:
            cells.errors.append(
                f"{cells.where(table, row, 'naam')}: het cluster '{name}' staat al bij vraag "
                f"{question}."
            )
            continue
        if rank in ranks[question]:
            cells.errors.append(
                f"{cells.where(table, row, 'rang')}: rang {rank} is bij vraag {question} al "
                f"gegeven (rij {ranks[question][rank]}). Verwacht: elke rang één keer per vraag."
            )
            continue
        ranks[question][rank] = row
        names[question].add(name)
        data.clusters.append(ClusterData(question, name, rank, explanation))
    return names


def _read_statements(table, cells: Cells, data: DialogueData, numbers, clusters) -> None:
    for row, line in table.rows:
        # A statement may belong to no question (a Pol.is conversation has none).
        question = _question_ref(table, row, line, cells, numbers, required=False)
        text = cells.text(table, row, line, "tekst")
        agree = cells.count(table, row, line, "eens")
        disagree = cells.count(table, row, line, "oneens")
        passed = cells.count(table, row, line, "neutraal")
        cluster = cells.text(table, row, line, "cluster", required=False)
        if cluster and question is not None and cluster not in clusters.get(question, set()):
            cells.errors.append(
                f"{cells.where(table, row, 'cluster')}: vraag {question} heeft geen cluster "
                f"'{cluster}'. Verwacht: een naam uit het blad 'clusters' bij dezelfde vraag, "
                "of leeg."
            )
        if cluster and question is None:
            cells.errors.append(
                f"{cells.where(table, row, 'cluster')}: een cluster hoort bij een vraag. "
                "Verwacht: ook een vraag_nr, of geen cluster."
            )
        consensus = _share(table, row, line, cells, "groepsconsensus")
        if text:
            statement = StatementData(question, text, agree, disagree, passed, cluster)
            statement.group_consensus = consensus
            data.statements.append(statement)


def _share(table, row, line, cells: Cells, column: str) -> float | None:
    value = cells.text(table, row, line, column, required=False).replace(",", ".")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        cells.errors.append(
            f"{cells.where(table, row, column)}: '{value}'. Verwacht: een getal van 0 tot en met 1."
        )
        return None
    return number


def _read_polls(table, cells: Cells, data: DialogueData, numbers) -> None:
    if table is None:
        return
    polls: dict[tuple[int | None, str], PollData] = {}
    for row, line in table.rows:
        question = _question_ref(table, row, line, cells, numbers, required=False)
        text = cells.text(table, row, line, "poll")
        option = cells.text(table, row, line, "optie")
        votes = cells.number(table, row, line, "stemmen")
        if not text or not option or votes is None:
            continue
        poll = polls.setdefault((question, text), PollData(question, text))
        poll.options.append((option, votes))
    data.polls = list(polls.values())


# --- The Pol.is export ---------------------------------------------------------------------


def polis_data(source: dict[str, bytes] | bytes, name: str) -> DialogueData:
    """A Pol.is export from a folder's files or the bytes of a .zip."""
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            raise DialogueFileError([_too_large(name)])
        if not source.strip():
            raise DialogueFileError([f"{name}: het bestand is leeg."])
        if not source.startswith(b"PK") or is_xlsx(source):
            raise DialogueFileError(
                [
                    f"{name}: dit is geen Pol.is-export. Verwacht: een map of zip-bestand "
                    "met summary.csv, comments.csv en votes.csv."
                ]
            )
        source = unzip_csv_files(source, name)
    return parse_polis(source)


def parse_polis(files: dict[str, bytes]) -> DialogueData:
    missing = [name for name in POLIS_REQUIRED if name not in files]
    if missing:
        raise DialogueFileError(
            [
                f"Het bestand {name} ontbreekt in de Pol.is-export. Verwacht: "
                + ", ".join(POLIS_REQUIRED)
                + " (en eventueel participants-votes.csv)."
                for name in missing
            ]
        )
    errors: list[str] = []
    tables = {
        name: csv_table(
            name,
            files[name],
            has_header=POLIS_FILES[name] is not None,
            clean=name != "votes.csv",  # 100,000s of numbers: the loop below strips ids
        )
        for name in POLIS_FILES
        if name in files
    }
    for name, table in tables.items():
        if POLIS_FILES[name]:
            _check_columns(table, POLIS_FILES[name], set(), errors)
    if errors:
        raise DialogueFileError(errors)
    cells = Cells(errors)
    data = DialogueData(source="polis", method="Pol.is")
    summary = {
        line[0].strip().lower(): (line[1].strip() if len(line) > 1 else "")
        for _row, line in tables["summary.csv"].rows
        if line
    }
    data.title = summary.get("topic", "")[:200]
    if not data.title:
        errors.append(
            "summary.csv: de regel 'topic' ontbreekt of is leeg. Verwacht: topic,<titel>."
        )
    data.source_url = summary.get("url", "")
    data.description = summary.get("conversation-description", "")

    comments = tables["comments.csv"]
    texts: dict[str, str] = {}
    hidden = 0
    for row, line in comments.rows:
        comment = cells.text(comments, row, line, "comment-id")
        text = cells.text(comments, row, line, "comment-body")
        moderated = cells.text(comments, row, line, "moderated", required=False)
        if moderated not in ("", "-1", "0", "1"):
            errors.append(
                f"{cells.where(comments, row, 'moderated')}: '{moderated}'. Verwacht: -1, 0 of 1."
            )
        if moderated == "-1":
            hidden += 1
        elif comment and text:
            texts[comment] = text
    if hidden:
        data.warnings.append(
            f"{hidden} reacties zijn door de moderator verborgen en niet geïmporteerd."
        )

    votes = tables["votes.csv"]
    when_i, comment_i, voter_i, vote_i = (votes.column(c) for c in POLIS_FILES["votes.csv"])
    last: dict[tuple[str, str], tuple[int, int]] = {}
    first_time = None
    unknown = 0
    for row, line in votes.rows:
        try:
            when, comment, voter, vote = (
                line[when_i],
                line[comment_i].strip(),
                line[voter_i].strip(),
                line[vote_i],
            )
        except IndexError:
            errors.append(f"votes.csv, rij {row}: de rij heeft te weinig kolommen.")
            continue
        try:
            moment, value = int(when), int(vote)
        except ValueError:
            column = "timestamp" if not when.lstrip("-").isdigit() else "vote"
            shown = when if column == "timestamp" else vote
            errors.append(
                f"votes.csv, rij {row}, kolom '{column}': '{shown}' is geen geheel getal."
            )
            continue
        if value not in (-1, 0, 1):
            errors.append(
                f"votes.csv, rij {row}, kolom 'vote': {value}. Verwacht: 1 (eens), -1 (oneens) of "
                "0 (neutraal)."
            )
            continue
        if first_time is None or moment < first_time:
            first_time = moment
        if comment not in texts:
            unknown += 1
            continue
        key = (voter, comment)
        previous = last.get(key)
        if previous is None or moment >= previous[0]:  # a participant's last vote counts
            last[key] = (moment, value)
    if unknown:
        data.warnings.append(
            f"{unknown} stemmen op verborgen of onbekende reacties zijn overgeslagen."
        )

    groups: dict[str, str] = {}
    if "participants-votes.csv" in tables:
        table = tables["participants-votes.csv"]
        for row, line in table.rows:
            participant = cells.text(table, row, line, "participant")
            group = cells.text(table, row, line, "group-id", required=False)
            if participant and group:
                groups[participant] = group
    if errors:
        raise DialogueFileError(errors)

    counts: dict[str, list[int]] = {comment: [0, 0, 0] for comment in texts}
    per_group: dict[str, dict[str, list[int]]] = {comment: {} for comment in texts}
    group_names = sorted(set(groups.values()))
    for (voter, comment), (_moment, value) in last.items():
        counts[comment][{1: 0, -1: 1, 0: 2}[value]] += 1
        group = groups.get(voter)
        if group is not None:
            tally = per_group[comment].setdefault(group, [0, 0])
            tally[0] += value == 1
            tally[1] += 1
    for comment, text in texts.items():
        agree, disagree, passed = counts[comment]
        by_group = [tuple(per_group[comment].get(group, [0, 0])) for group in group_names]
        data.statements.append(
            StatementData(None, text, agree, disagree, passed, external_id=comment, groups=by_group)
        )
    voters = {voter for voter, _comment in last}
    data.participants = _summary_number(summary, "voters") or len(voters)
    data.messages = len(comments.rows)
    if first_time is not None:
        data.date = datetime.fromtimestamp(first_time / 1000, tz=UTC).date()
    else:
        errors.append("votes.csv: er staat geen enkele stem in.")
    if not data.statements:
        errors.append("comments.csv: er staat geen enkele (zichtbare) reactie in.")
    if errors:
        raise DialogueFileError(errors)
    return data


def _summary_number(summary: dict[str, str], key: str) -> int | None:
    value = summary.get(key, "")
    return int(value) if value.isdigit() else None


READERS = {"workbook": workbook_data, "polis": polis_data}
FORMATS = list(READERS)


def read_path(path: Path, file_format: str) -> DialogueData:
    """Read a file or folder in `file_format` ("workbook" or "polis")."""
    return READERS[file_format](read_source(path), path.name)


def read_upload(data: bytes, name: str, file_format: str) -> DialogueData:
    return READERS[file_format](data, name)
