"""Progress entries: every version kept, the newest one current."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from desktop_app.domain.models import Status


def join_contact(person: str, phone: str) -> str:
    """progress.contact holds 'person / phone' (either part may be empty)."""
    return " / ".join(p for p in (person.strip(), phone.strip()) if p)


def split_contact(contact: str) -> tuple[str, str]:
    person, sep, phone = contact.partition(" / ")
    if not sep and any(ch.isdigit() for ch in person) and not any("\u4e00" <= ch <= "\u9fff" for ch in person):
        return "", person
    return person, phone


@dataclass
class Entry:
    status: Status
    percent: float | None = None
    indicator: float | None = None
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    contact: str = ""

    def same_content(self, other: Entry) -> bool:
        return (self.status, self.percent, self.indicator, self.narrative, self.problems, self.next_steps,
                self.contact) == (other.status, other.percent, other.indicator, other.narrative, other.problems,
                                  other.next_steps, other.contact)


@dataclass
class CurrentEntry:
    """The current version of one task's entry (of one department in one period)."""

    id: int
    version: int
    received_at: str
    entry: Entry


def current_entries(db: sqlite_utils.Database, period_id: int, department_id: int) -> dict[int, CurrentEntry]:
    """task id → the current entry of one department in one period."""
    return {int(r[0]): CurrentEntry(int(r[1]), int(r[2]), r[3], Entry(Status(r[4]), *r[5:]))
            for r in db.execute(
                "SELECT task_id, id, version, received_at, status, percent, indicator, narrative, problems, "
                "next_steps, contact FROM progress WHERE period_id = ? AND department_id = ? AND is_current = 1",
                [period_id, department_id]).fetchall()}


def current_entry(db: sqlite_utils.Database, task_id: int, department_id: int, period_id: int) -> Entry | None:
    r = db.execute(
        "SELECT status, percent, indicator, narrative, problems, next_steps, contact FROM progress "
        "WHERE task_id = ? AND department_id = ? AND period_id = ? AND is_current = 1",
        [task_id, department_id, period_id]).fetchone()
    return Entry(Status(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) if r else None


def add_entry(db: sqlite_utils.Database, task_id: int, department_id: int, period_id: int, entry: Entry, *,
              received_at: dt.datetime, source: str = "manual", submission_id: int | None = None) -> int:
    """Record a new version; the previous current version stays in history. Caller holds the transaction."""
    version = db.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM progress WHERE task_id = ? AND department_id = ? AND period_id = ?",
        [task_id, department_id, period_id]).fetchone()[0]
    db.execute("UPDATE progress SET is_current = 0 WHERE task_id = ? AND department_id = ? AND period_id = ? "
               "AND is_current = 1", [task_id, department_id, period_id])
    return int(db.execute(_INSERT + _INSERT_VALUES + " RETURNING id", _insert_row(
        task_id, department_id, period_id, version, entry, received_at.isoformat(timespec="seconds"), source,
        submission_id)).fetchone()[0])


def add_entries(db: sqlite_utils.Database, department_id: int, period_id: int, entries: Sequence[tuple[int, Entry]],
                *, received_at: str, source: str, submission_id: int | None = None,
                current: dict[int, CurrentEntry] | None = None) -> int:
    """``add_entry`` for many tasks of one department and period in a few statements (a merged workbook).

    ``current``: ``current_entries`` as read in the caller's transaction, if it has them. Caller holds the
    transaction. Returns the number of versions written.
    """
    if current is None:
        current = current_entries(db, period_id, department_id)
    # Newest version per task, by the tasks' own keys: the UNIQUE (task, department, period, version) index
    # answers each with a seek (filtering by period and department alone scanned the whole index).
    task_ids = list(dict.fromkeys(task_id for task_id, _e in entries))
    versions: dict[int, int] = {}
    for start in range(0, len(task_ids), _ROWS_PER_STATEMENT):
        some = task_ids[start:start + _ROWS_PER_STATEMENT]
        versions.update(db.conn.execute(
            f"SELECT task_id, max(version) FROM progress WHERE task_id IN ({','.join('?' * len(some))}) "
            "AND department_id = ? AND period_id = ? GROUP BY task_id", [*some, department_id, period_id]).fetchall())
    retired = [current[task_id].id for task_id, _e in entries if task_id in current]
    for start in range(0, len(retired), _ROWS_PER_STATEMENT):
        ids = retired[start:start + _ROWS_PER_STATEMENT]
        db.conn.execute(f"UPDATE progress SET is_current = 0 WHERE id IN ({','.join('?' * len(ids))})", ids)
    rows = [_insert_row(task_id, department_id, period_id, int(versions.get(task_id) or 0) + 1, entry, received_at,
                        source, submission_id) for task_id, entry in entries]
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start:start + _ROWS_PER_STATEMENT]
        db.conn.execute(_INSERT + ", ".join([_INSERT_VALUES] * len(chunk)), [v for row in chunk for v in row])
    return len(entries)


_INSERT = ("INSERT INTO progress (task_id, department_id, period_id, version, is_current, status, percent, indicator, "
           "narrative, problems, next_steps, contact, received_at, source, submission_id) VALUES ")
_INSERT_VALUES = "(?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
# Rows per multi-row statement: one statement (one step, one release of the GIL) per merged workbook
# instead of one per row; 64 × 14 parameters stay below SQLite's oldest variable limit (999).
_ROWS_PER_STATEMENT = 64


def _insert_row(task_id: int, department_id: int, period_id: int, version: int, entry: Entry, received_at: str,
                source: str, submission_id: int | None) -> tuple[object, ...]:
    return (task_id, department_id, period_id, version, Status(entry.status).value, entry.percent, entry.indicator,
            entry.narrative, entry.problems, entry.next_steps, entry.contact, received_at, source, submission_id)


def history(db: sqlite_utils.Database, task_id: int) -> list[dict[str, object]]:
    """Every version for a task, newest first, with department and period codes."""
    return [dict(r) for r in db.execute_returning_dicts(
        "SELECT p.version, p.is_current, p.status, p.percent, p.indicator, p.narrative, p.problems, p.next_steps, "
        "p.contact, p.received_at, p.source, p.submission_id, d.code AS department, pe.code AS period "
        "FROM progress p JOIN department d ON d.id = p.department_id JOIN period pe ON pe.id = p.period_id "
        "WHERE p.task_id = ? ORDER BY pe.start DESC, d.code, p.version DESC", [task_id])]
