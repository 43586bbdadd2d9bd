"""Importing the workbook: .xlsx, a folder of .csv files or a .zip of them. All or nothing."""

import copy
import zipfile

import pytest
from django.core.management import CommandError, call_command

from dialogues.consensus import Level
from dialogues.importers import files as importer_files
from dialogues.models import Cluster, Dialogue, Poll, Question, Statement
from dialogues.tests.factories import WORKBOOK, write_csv_folder, write_xlsx

pytestmark = pytest.mark.django_db


def run(path, *extra):
    call_command("import_dialogue", str(path), "--format", "workbook", *extra, verbosity=0)


def refused(path) -> str:
    """The command's message for a refused file; and nothing was saved."""
    with pytest.raises(CommandError) as error:
        run(path)
    assert not Dialogue.objects.exists()
    assert not Statement.objects.exists()
    return str(error.value)


def sheets(**changes):
    changed = copy.deepcopy(WORKBOOK)
    for name, rows in changes.items():
        if rows is None:
            del changed[name]
        else:
            changed[name] = rows
    return changed


def assert_imported():
    dialogue = Dialogue.objects.get()
    assert dialogue.title == "Dialoog over de wijk"
    assert dialogue.participants == 155 and dialogue.counts_are_illustrative
    assert list(Question.objects.values_list("number", "section")) == [
        (1, "Successen"),
        (2, ""),
    ]
    assert list(Cluster.objects.values_list("name", "rank")) == [
        ("Vertrouwen", 1),
        ("Lange adem", 2),
    ]
    trust = Statement.objects.get(text="Bewoners weten wat er speelt.")
    assert (trust.agree, trust.disagree, trust.passed, trust.level) == (46, 2, 3, Level.TOP)
    assert trust.cluster.name == "Vertrouwen"
    assert Statement.objects.get(text__startswith="Noem ze").polarising
    poll = Poll.objects.get()
    assert [(o.text, o.votes) for o in poll.options.all()] == [("Goed", 12), ("Matig", 30)]
    assert poll.question.number == 2


def test_a_folder_of_csv_files(tmp_path):
    run(write_csv_folder(tmp_path / "map", WORKBOOK))
    assert_imported()


def test_an_xlsx_workbook(tmp_path):
    run(write_xlsx(tmp_path / "dialoog.xlsx", WORKBOOK))
    assert_imported()


def test_a_zip_of_csv_files(tmp_path):
    folder = write_csv_folder(tmp_path / "map", WORKBOOK)
    archive = tmp_path / "dialoog.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in folder.iterdir():
            zipped.write(file, file.name)
    run(archive)
    assert_imported()


def test_semicolon_csv_from_a_dutch_spreadsheet(tmp_path):
    folder = write_csv_folder(tmp_path / "map", WORKBOOK)
    for file in folder.iterdir():
        file.write_text(file.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    run(folder)
    assert_imported()


def test_a_missing_sheet(tmp_path):
    message = refused(write_xlsx(tmp_path / "d.xlsx", sheets(stellingen=None)))
    assert "Het blad of bestand 'stellingen' ontbreekt" in message


def test_a_missing_column(tmp_path):
    rows = [row[:3] + row[4:] for row in WORKBOOK["stellingen"]]  # no "oneens"
    message = refused(write_xlsx(tmp_path / "d.xlsx", sheets(stellingen=rows)))
    assert "Blad 'stellingen': de kolom 'oneens' ontbreekt" in message


def test_text_in_a_number_column_and_negative_counts_all_at_once(tmp_path):
    rows = copy.deepcopy(WORKBOOK["stellingen"])
    rows[1][2] = "veel"
    rows[2][3] = "-3"
    message = refused(write_xlsx(tmp_path / "d.xlsx", sheets(stellingen=rows), numbers=False))
    assert "Blad 'stellingen', rij 2, kolom 'eens': 'veel' is geen geheel getal" in message
    assert "Blad 'stellingen', rij 3, kolom 'oneens': -3 is negatief. Verwacht: 0 of meer" in (
        message
    )


def test_a_statement_for_a_question_that_does_not_exist(tmp_path):
    rows = copy.deepcopy(WORKBOOK["stellingen"])
    rows[3][0] = "7"
    message = refused(write_csv_folder(tmp_path / "map", sheets(stellingen=rows)))
    assert "stellingen.csv, rij 4, kolom 'vraag_nr': vraag 7 bestaat niet" in message


def test_duplicate_question_numbers(tmp_path):
    rows = copy.deepcopy(WORKBOOK["vragen"]) + [["2", "", "Nog een vraag 2"]]
    message = refused(write_xlsx(tmp_path / "d.xlsx", sheets(vragen=rows)))
    assert "Blad 'vragen', rij 4, kolom 'nr': vraag 2 staat er al (rij 3)" in message


def test_an_unknown_cluster_and_a_bad_date(tmp_path):
    rows = copy.deepcopy(WORKBOOK["stellingen"])
    rows[1][5] = "Bestaat niet"
    dialogue = [r if r[0] != "datum" else ["datum", "17 september"] for r in WORKBOOK["dialoog"]]
    message = refused(write_xlsx(tmp_path / "d.xlsx", sheets(stellingen=rows, dialoog=dialogue)))
    assert "kolom 'cluster': vraag 1 heeft geen cluster 'Bestaat niet'" in message
    assert "'17 september' is geen datum. Verwacht: JJJJ-MM-DD" in message


def test_an_empty_file(tmp_path):
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    assert "leeg.xlsx: het bestand is leeg." in refused(empty)


def test_a_file_that_is_not_a_workbook(tmp_path):
    text = tmp_path / "notities.xlsx"
    text.write_text("Dit is een gewone tekst.", encoding="utf-8")
    assert "dit is geen werkmap (.xlsx)" in refused(text)


def test_a_damaged_xlsx(tmp_path):
    damaged = tmp_path / "kapot.xlsx"
    good = write_xlsx(tmp_path / "goed.xlsx", WORKBOOK).read_bytes()
    with zipfile.ZipFile(damaged, "w") as zipped:
        zipped.writestr("xl/workbook.xml", good[:100])
    assert "kapot.xlsx: de werkmap kan niet worden gelezen" in refused(damaged)


def test_a_zip_with_a_path_out_of_the_folder(tmp_path):
    archive = tmp_path / "dialoog.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("../x", "boem")
        zipped.writestr("dialoog.csv", "veld,waarde\n")
    message = refused(archive)
    assert "het zip-bestand bevat een onveilig pad (../x)" in message


def test_a_very_large_file_is_refused_with_a_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_files, "MAX_FILE_BYTES", 1000)
    big = write_xlsx(tmp_path / "groot.xlsx", WORKBOOK)
    assert big.stat().st_size > 1000
    assert "groot.xlsx: het bestand is groter dan" in refused(big)


def test_a_zip_that_unpacks_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_files, "MAX_UNPACKED_BYTES", 10_000)
    archive = tmp_path / "bom.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("stellingen.csv", "a" * 50_000)
    assert "uitgepakt is het zip-bestand groter dan" in refused(archive)


def test_the_same_dialogue_again_only_with_confirmation(tmp_path):
    folder = write_csv_folder(tmp_path / "map", WORKBOOK)
    run(folder)
    with pytest.raises(CommandError, match="al geïmporteerd"):
        run(folder)
    assert Dialogue.objects.count() == 1
    run(folder, "--vervang")
    assert Dialogue.objects.count() == 1
    assert Statement.objects.count() == 3


def test_an_unknown_space_is_refused(tmp_path):
    with pytest.raises(CommandError, match="geen ruimte met de korte naam 'nergens'"):
        run(write_csv_folder(tmp_path / "map", WORKBOOK), "--space", "nergens")
    assert not Dialogue.objects.exists()


def test_into_a_closed_space(tmp_path, closed_space):
    run(write_csv_folder(tmp_path / "map", WORKBOOK), "--space", closed_space.slug)
    assert Dialogue.objects.get().space == closed_space
