"""The workbook format: our template as .xlsx, or its sheets as .csv files in a folder or .zip.

Sheets: dialoog (field, value), vragen, stellingen, and optionally clusters and polls. The
reader reports every problem at once, each with its sheet, row and column.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from dialogues.importers.cells import Cells, check_columns
from dialogues.importers.data import (
    ClusterData,
    DialogueData,
    DialogueFileError,
    PollData,
    QuestionData,
    StatementData,
    refuse_missing,
)
from dialogues.importers.example import template_problems
from dialogues.importers.files import (
    Table,
    check_size,
    csv_tables,
    is_xlsx,
    is_zip,
    unzip_csv_files,
    xlsx_tables,
)

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
# Fields of the dialoog sheet that are copied as they are, and the counts among them.
TEXT_FIELDS = {
    "opdrachtgever": "commissioned_by",
    "methode": "method",
    "beschrijving": "description",
}
COUNT_FIELDS = {"deelnemers": "participants", "berichten": "messages", "reacties": "reactions"}
MAX_TITLE = 200

# The dialoog sheet as read: its values by field name, each with its row.
FieldValues = dict[str, tuple[int, str]]


def workbook_data(source: dict[str, bytes] | bytes, name: str) -> DialogueData:
    """A workbook from a folder's files, or from the bytes of an .xlsx or a .zip."""
    check_size(source, name)
    return parse_workbook(_workbook_tables(source, name))


def _workbook_tables(source: dict[str, bytes] | bytes, name: str) -> dict[str, Table]:
    if isinstance(source, dict):
        return csv_tables(source)
    if is_xlsx(source):
        return xlsx_tables(source, name)
    if is_zip(source):
        return csv_tables(unzip_csv_files(source, name))
    if not source.strip():
        raise DialogueFileError([f"{name}: het bestand is leeg."])
    raise DialogueFileError(
        [
            f"{name}: dit is geen werkmap (.xlsx) en geen map of zip-bestand met "
            "CSV-bestanden. Download het sjabloon op de importpagina."
        ]
    )


def parse_workbook(tables: dict[str, Table]) -> DialogueData:
    refuse_missing(
        REQUIRED_SHEETS,
        tables,
        "Het blad of bestand '{name}' ontbreekt.",
        "de bladen " + ", ".join(WORKBOOK_COLUMNS) + " (clusters en polls mogen ontbreken).",
    )
    errors: list[str] = []
    usable = _usable_sheets(tables, errors)
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
    if not errors:
        errors.extend(template_problems(data))
    if errors:
        raise DialogueFileError(errors)
    return data


def _usable_sheets(tables: dict[str, Table], errors: list[str]) -> dict[str, Table]:
    """The known sheets that have their columns; other sheets are passed over."""
    return {
        name: table
        for name, table in tables.items()
        if name in WORKBOOK_COLUMNS
        and check_columns(table, WORKBOOK_COLUMNS[name], OPTIONAL_COLUMNS.get(name, set()), errors)
    }


# --- The dialoog sheet ---------------------------------------------------------------------


def _read_dialogue_sheet(table: Table, cells: Cells, data: DialogueData) -> None:
    values = _field_values(table, cells, data)
    _check_required_fields(table, cells, values)
    data.title = _title(table, cells, values)
    data.date = _date(table, cells, values)
    data.source_url = _source_url(table, cells, values)
    for name, attribute in TEXT_FIELDS.items():
        setattr(data, attribute, values.get(name, (0, ""))[1])
    for name, attribute in COUNT_FIELDS.items():
        row, value = values.get(name, (0, ""))
        if value:
            setattr(data, attribute, cells.whole(_where(table, row, name), value))
    data.counts_are_illustrative = _illustrative(table, cells, values)


def _field_values(table: Table, cells: Cells, data: DialogueData) -> FieldValues:
    """The known fields with their row and value; unknown fields are a warning."""
    values: FieldValues = {}
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
    return values


def _where(table: Table, row: int, name: str) -> str:
    """The place of a field's value in the dialoog sheet, for a message."""
    return f"{table.label}, rij {row}, kolom 'waarde' ({name})"


def _check_required_fields(table: Table, cells: Cells, values: FieldValues) -> None:
    for name in ("titel", "datum"):
        if not values.get(name, (0, ""))[1]:
            cells.errors.append(
                f"{table.label}: het veld '{name}' ontbreekt of is leeg. Verwacht: "
                f"{DIALOGUE_FIELDS[name]}."
            )


def _title(table: Table, cells: Cells, values: FieldValues) -> str:
    row, title = values.get("titel", (0, ""))
    if len(title) > MAX_TITLE:
        cells.errors.append(f"{table.label}, rij {row}: de titel is langer dan {MAX_TITLE} tekens.")
    return title


def _date(table: Table, cells: Cells, values: FieldValues) -> date | None:
    row, when = values.get("datum", (0, ""))
    if not when:
        return None
    try:
        return date.fromisoformat(when[:10])
    except ValueError:
        cells.errors.append(
            f"{table.label}, rij {row}, kolom 'waarde': '{when}' is geen datum. "
            "Verwacht: JJJJ-MM-DD, bijvoorbeeld 2020-09-17."
        )
        return None


def _source_url(table: Table, cells: Cells, values: FieldValues) -> str:
    row, url = values.get("bron", (0, ""))
    if url and not url.startswith(("https://", "http://")):
        cells.errors.append(
            f"{_where(table, row, 'bron')}: '{url}'. Verwacht: een webadres dat begint met "
            "https://."
        )
    return url


def _illustrative(table: Table, cells: Cells, values: FieldValues) -> bool:
    row, illustrative = values.get("illustratief", (0, "nee"))
    if illustrative.lower() not in ("ja", "nee", ""):
        cells.errors.append(
            f"{_where(table, row, 'illustratief')}: '{illustrative}'. Verwacht: ja of nee."
        )
    return illustrative.lower() == "ja"


# --- Questions, clusters, statements and polls ---------------------------------------------


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
        _check_cluster(cells.where(table, row, "cluster"), cells, question, cluster, clusters)
        consensus = cells.share(table, row, line, "groepsconsensus")
        if text:
            statement = StatementData(question, text, agree, disagree, passed, cluster)
            statement.group_consensus = consensus
            data.statements.append(statement)


def _check_cluster(where: str, cells: Cells, question, cluster: str, clusters) -> None:
    """A statement's cluster must be one of its question's clusters."""
    if cluster and question is not None and cluster not in clusters.get(question, set()):
        cells.errors.append(
            f"{where}: vraag {question} heeft geen cluster '{cluster}'. Verwacht: een naam uit "
            "het blad 'clusters' bij dezelfde vraag, of leeg."
        )
    if cluster and question is None:
        cells.errors.append(
            f"{where}: een cluster hoort bij een vraag. Verwacht: ook een vraag_nr, of geen "
            "cluster."
        )


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
