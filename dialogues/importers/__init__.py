"""Reading dialogue files: our workbook, or an export of Pol.is.

A reader turns a file into `DialogueData` or raises `DialogueFileError` with *every* problem it
found, each naming the file or sheet, the row and the column, in Dutch, with what is expected.
Nothing here touches the database: dialogues/services.py saves what a reader returns.

- `files`: folders, .zip archives (with their safety limits), .csv and .xlsx, as tables;
- `cells`: typed values from those tables, with the place of each problem;
- `workbook` and `polis`: the two formats;
- `data`: what a reader returns, and the error it raises.
"""

from __future__ import annotations

from pathlib import Path

from dialogues.importers.data import (
    ClusterData,
    DialogueData,
    DialogueFileError,
    PollData,
    QuestionData,
    StatementData,
)
from dialogues.importers.files import MAX_FILE_BYTES, read_source
from dialogues.importers.polis import polis_data
from dialogues.importers.workbook import DIALOGUE_FIELDS, WORKBOOK_COLUMNS, workbook_data

__all__ = [
    "DIALOGUE_FIELDS",
    "FORMATS",
    "MAX_FILE_BYTES",
    "WORKBOOK_COLUMNS",
    "ClusterData",
    "DialogueData",
    "DialogueFileError",
    "PollData",
    "QuestionData",
    "StatementData",
    "read_path",
    "read_upload",
]

READERS = {"workbook": workbook_data, "polis": polis_data}
FORMATS = list(READERS)


def read_path(path: Path, file_format: str) -> DialogueData:
    """Read a file or folder in `file_format` ("workbook" or "polis")."""
    return READERS[file_format](read_source(path), path.name)


def read_upload(data: bytes, name: str, file_format: str) -> DialogueData:
    return READERS[file_format](data, name)
