"""The Pol.is export: a folder or .zip with summary.csv, comments.csv, votes.csv and
optionally participants-votes.csv (the opinion group of each participant).

Each comment becomes a statement with no question; a participant's last vote on it counts.
Comments the moderator hid, and the votes on them, are left out with a warning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dialogues.importers.cells import Cells, check_columns
from dialogues.importers.data import (
    DialogueData,
    DialogueFileError,
    StatementData,
    refuse_missing,
)
from dialogues.importers.files import (
    Table,
    check_size,
    csv_table,
    is_xlsx,
    is_zip,
    unzip_csv_files,
)

POLIS_FILES = {
    "summary.csv": None,  # key,value rows without a header
    "comments.csv": ["comment-id", "comment-body", "moderated"],
    "votes.csv": ["timestamp", "comment-id", "voter-id", "vote"],
    "participants-votes.csv": ["participant", "group-id"],
}
POLIS_REQUIRED = ["summary.csv", "comments.csv", "votes.csv"]
MAX_TITLE = 200
HIDDEN = "-1"  # the `moderated` value of a comment the moderator hid
# Where a vote (1 agree, -1 disagree, 0 pass) is counted in [agree, disagree, passed].
VOTE_INDEX = {1: 0, -1: 1, 0: 2}


@dataclass
class Votes:
    """What votes.csv says: each participant's last vote per comment, and when voting began."""

    last: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    first_time: int | None = None  # milliseconds since 1970
    unknown: int = 0  # votes on hidden or unknown comments

    @property
    def voters(self) -> set[str]:
        return {voter for voter, _comment in self.last}


def polis_data(source: dict[str, bytes] | bytes, name: str) -> DialogueData:
    """A Pol.is export from a folder's files or the bytes of a .zip."""
    if isinstance(source, bytes):
        check_size(source, name)
        if not source.strip():
            raise DialogueFileError([f"{name}: het bestand is leeg."])
        if not is_zip(source) or is_xlsx(source):
            raise DialogueFileError(
                [
                    f"{name}: dit is geen Pol.is-export. Verwacht: een map of zip-bestand "
                    "met summary.csv, comments.csv en votes.csv."
                ]
            )
        source = unzip_csv_files(source, name)
    return parse_polis(source)


def parse_polis(files: dict[str, bytes]) -> DialogueData:
    refuse_missing(
        POLIS_REQUIRED,
        files,
        "Het bestand {name} ontbreekt in de Pol.is-export.",
        ", ".join(POLIS_REQUIRED) + " (en eventueel participants-votes.csv).",
    )
    tables = _polis_tables(files)
    errors: list[str] = []
    cells = Cells(errors)
    data = DialogueData(source="polis", method="Pol.is")
    summary = _read_summary(tables["summary.csv"], data, errors)
    texts = _read_comments(tables["comments.csv"], cells, data)
    votes = _read_votes(tables["votes.csv"], texts, data, errors)
    groups = _read_groups(tables.get("participants-votes.csv"), cells)
    if errors:
        raise DialogueFileError(errors)
    data.statements = _statements(texts, votes, groups)
    data.opinion_groups = _opinion_groups(groups)
    data.participants = _summary_number(summary, "voters") or len(votes.voters)
    data.messages = len(tables["comments.csv"].rows)
    if votes.first_time is not None:
        data.date = datetime.fromtimestamp(votes.first_time / 1000, tz=UTC).date()
    else:
        errors.append("votes.csv: er staat geen enkele stem in.")
    if not data.statements:
        errors.append("comments.csv: er staat geen enkele (zichtbare) reactie in.")
    if errors:
        raise DialogueFileError(errors)
    return data


def _polis_tables(files: dict[str, bytes]) -> dict[str, Table]:
    """The known files as tables; refuses the export when one lacks a column."""
    tables = {
        name: csv_table(
            name,
            files[name],
            has_header=POLIS_FILES[name] is not None,
            clean=name != "votes.csv",  # 100,000s of numbers: _read_votes strips the ids
        )
        for name in POLIS_FILES
        if name in files
    }
    errors: list[str] = []
    for name, table in tables.items():
        if POLIS_FILES[name]:
            check_columns(table, POLIS_FILES[name], set(), errors)
    if errors:
        raise DialogueFileError(errors)
    return tables


def _read_summary(table: Table, data: DialogueData, errors: list[str]) -> dict[str, str]:
    """The key,value lines of summary.csv; the title, address and description come from it."""
    summary = {
        line[0].strip().lower(): (line[1].strip() if len(line) > 1 else "")
        for _row, line in table.rows
        if line
    }
    data.title = summary.get("topic", "")[:MAX_TITLE]
    if not data.title:
        errors.append(
            "summary.csv: de regel 'topic' ontbreekt of is leeg. Verwacht: topic,<titel>."
        )
    data.source_url = summary.get("url", "")
    data.description = summary.get("conversation-description", "")
    return summary


def _summary_number(summary: dict[str, str], key: str) -> int | None:
    value = summary.get(key, "")
    return int(value) if value.isdigit() else None


def _read_comments(table: Table, cells: Cells, data: DialogueData) -> dict[str, str]:
    """The text of each comment the moderator did not hide, by comment id."""
    texts: dict[str, str] = {}
    hidden = 0
    for row, line in table.rows:
        comment = cells.text(table, row, line, "comment-id")
        text = cells.text(table, row, line, "comment-body")
        moderated = cells.text(table, row, line, "moderated", required=False)
        if moderated not in ("", HIDDEN, "0", "1"):
            cells.errors.append(
                f"{cells.where(table, row, 'moderated')}: '{moderated}'. Verwacht: -1, 0 of 1."
            )
        if moderated == HIDDEN:
            hidden += 1
        elif comment and text:
            texts[comment] = text
    if hidden:
        data.warnings.append(
            f"{hidden} reacties zijn door de moderator verborgen en niet geïmporteerd."
        )
    return texts


def _read_votes(
    table: Table, texts: dict[str, str], data: DialogueData, errors: list[str]
) -> Votes:
    columns = [table.column(c) for c in POLIS_FILES["votes.csv"]]
    votes = Votes()
    for row, line in table.rows:
        vote = _vote(row, line, columns, errors)
        if vote is None:
            continue
        moment, comment, voter, value = vote
        if votes.first_time is None or moment < votes.first_time:
            votes.first_time = moment
        if comment not in texts:
            votes.unknown += 1
            continue
        key = (voter, comment)
        previous = votes.last.get(key)
        if previous is None or moment >= previous[0]:  # a participant's last vote counts
            votes.last[key] = (moment, value)
    if votes.unknown:
        data.warnings.append(
            f"{votes.unknown} stemmen op verborgen of onbekende reacties zijn overgeslagen."
        )
    return votes


def _vote(
    row: int, line: list[str], columns: list[int], errors: list[str]
) -> tuple[int, str, str, int] | None:
    """(moment, comment id, voter id, vote) of one row of votes.csv, or None with an error."""
    when_i, comment_i, voter_i, vote_i = columns
    try:
        when, comment, voter, vote = (
            line[when_i],
            line[comment_i].strip(),
            line[voter_i].strip(),
            line[vote_i],
        )
    except IndexError:
        errors.append(f"votes.csv, rij {row}: de rij heeft te weinig kolommen.")
        return None
    try:
        moment, value = int(when), int(vote)
    except ValueError:
        column = "timestamp" if not when.lstrip("-").isdigit() else "vote"
        shown = when if column == "timestamp" else vote
        errors.append(f"votes.csv, rij {row}, kolom '{column}': '{shown}' is geen geheel getal.")
        return None
    if value not in VOTE_INDEX:
        errors.append(
            f"votes.csv, rij {row}, kolom 'vote': {value}. Verwacht: 1 (eens), -1 (oneens) of "
            "0 (neutraal)."
        )
        return None
    return moment, comment, voter, value


def _read_groups(table: Table | None, cells: Cells) -> dict[str, str]:
    """The opinion group of each participant, from participants-votes.csv when it is there."""
    groups: dict[str, str] = {}
    if table is None:
        return groups
    for row, line in table.rows:
        participant = cells.text(table, row, line, "participant")
        group = cells.text(table, row, line, "group-id", required=False)
        if participant and group:
            groups[participant] = group
    return groups


def _statements(texts: dict[str, str], votes: Votes, groups: dict[str, str]) -> list[StatementData]:
    """A statement per visible comment, with its votes counted in total and per group."""
    counts: dict[str, list[int]] = {comment: [0, 0, 0] for comment in texts}
    per_group: dict[str, dict[str, list[int]]] = {comment: {} for comment in texts}
    for (voter, comment), (_moment, value) in votes.last.items():
        counts[comment][VOTE_INDEX[value]] += 1
        group = groups.get(voter)
        if group is not None:
            per_group[comment].setdefault(group, [0, 0, 0])[VOTE_INDEX[value]] += 1
    statements = []
    for comment, text in texts.items():
        agree, disagree, passed = counts[comment]
        by_group = [tuple(per_group[comment].get(group, [0, 0, 0])) for group in _order(groups)]
        statements.append(
            StatementData(None, text, agree, disagree, passed, external_id=comment, groups=by_group)
        )
    return statements


def _order(groups: dict[str, str]) -> list[str]:
    """The group ids in order: numerically when they are numbers (Pol.is' 0, 1, 2, ...)."""
    return sorted(
        set(groups.values()), key=lambda g: (not g.isdigit(), int(g) if g.isdigit() else 0, g)
    )


def _opinion_groups(groups: dict[str, str]) -> list[tuple[str, int]]:
    """Each opinion group with the number of participants in it."""
    sizes = Counter(groups.values())
    return [(group, sizes[group]) for group in _order(groups)]
