"""Dialogues for tests, made the way editors make them: through the import service."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from dialogues.importers import (
    ClusterData,
    DialogueData,
    PollData,
    QuestionData,
    StatementData,
)
from dialogues.services import dialogue_import


def dialogue_data(**overrides) -> DialogueData:
    """A small workbook-like dialogue: two questions, clusters, a polarising statement, a poll."""
    data = DialogueData(
        source="workbook",
        title="Dialoog over de wijk",
        date=datetime.date(2020, 9, 17),
        commissioned_by="Ministerie van BZK",
        method="Synthetron",
        description="Een online dialoog over leefbaarheid.",
        participants=155,
        messages=2831,
        reactions=334,
        questions=[
            QuestionData(1, "Successen", "Wat werkt in de wijk?"),
            QuestionData(2, "Samenwerking", "Welke schotten hinderen u?"),
        ],
        clusters=[
            ClusterData(1, "Vertrouwen", 1, "Vertrouwen in bewoners."),
            ClusterData(1, "Lange adem", 2, ""),
        ],
        statements=[
            StatementData(1, "Bewoners weten wat er speelt.", 46, 2, 3, "Vertrouwen"),
            StatementData(1, "Geef initiatieven de ruimte.", 30, 8, 1, "Vertrouwen"),
            StatementData(1, "Beleid moet jaren meegaan.", 20, 6, 0, "Lange adem"),
            StatementData(2, "Financiering is te versnipperd.", 25, 1, 0),
            StatementData(2, "Noem ze geen kwetsbare wijken.", 9, 7, 2),
            StatementData(2, "Te weinig stemmen.", 2, 1, 0),
        ],
        polls=[PollData(2, "Hoe werkt de samenwerking?", [("Goed", 12), ("Matig", 30)])],
    )
    for name, value in overrides.items():
        setattr(data, name, value)
    return data


def make_dialogue(space=None, **overrides):
    return dialogue_import(data=dialogue_data(**overrides), space=space)


WORKBOOK = {
    "dialoog": [
        ["veld", "waarde"],
        ["titel", "Dialoog over de wijk"],
        ["datum", "2020-09-17"],
        ["opdrachtgever", "Ministerie van BZK"],
        ["methode", "Synthetron"],
        ["deelnemers", "155"],
        ["berichten", "2831"],
        ["illustratief", "ja"],
    ],
    "vragen": [["nr", "sectie", "vraag"], ["1", "Successen", "Wat werkt?"], ["2", "", "Wat niet?"]],
    "clusters": [
        ["vraag_nr", "naam", "rang", "toelichting"],
        ["1", "Vertrouwen", "1", "Vertrouwen in bewoners."],
        ["1", "Lange adem", "2", ""],
    ],
    "stellingen": [
        ["vraag_nr", "tekst", "eens", "oneens", "neutraal", "cluster"],
        ["1", "Bewoners weten wat er speelt.", "46", "2", "3", "Vertrouwen"],
        ["1", "Beleid moet jaren meegaan.", "20", "6", "0", "Lange adem"],
        ["2", "Noem ze geen kwetsbare wijken.", "9", "7", "2", ""],
    ],
    "polls": [
        ["vraag_nr", "poll", "optie", "stemmen"],
        ["2", "Hoe werkt de samenwerking?", "Goed", "12"],
        ["2", "Hoe werkt de samenwerking?", "Matig", "30"],
    ],
}


def write_csv_folder(folder: Path, sheets: dict[str, list[list[str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    return folder


def write_xlsx(path: Path, sheets: dict[str, list[list[str]]], numbers: bool = True) -> Path:
    """An .xlsx with one sheet per entry; with `numbers`, digit cells are stored as numbers
    (as a spreadsheet program does)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([int(v) if numbers and v.isdigit() else v for v in row])
    workbook.save(path)
    return path
