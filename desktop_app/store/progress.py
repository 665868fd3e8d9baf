"""Progress entries: every version kept, the newest one current."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from desktop_app.domain.models import Status


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
    cur = db.execute(
        "INSERT INTO progress (task_id, department_id, period_id, version, is_current, status, percent, indicator, "
        "narrative, problems, next_steps, contact, received_at, source, submission_id) "
        "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [task_id, department_id, period_id, version, Status(entry.status).value, entry.percent, entry.indicator,
         entry.narrative, entry.problems, entry.next_steps, entry.contact,
         received_at.isoformat(timespec="seconds"), source, submission_id])
    return int(cur.lastrowid or 0)


def history(db: sqlite_utils.Database, task_id: int) -> list[dict[str, object]]:
    """Every version for a task, newest first, with department and period codes."""
    return [dict(r) for r in db.execute_returning_dicts(
        "SELECT p.version, p.is_current, p.status, p.percent, p.indicator, p.narrative, p.problems, p.next_steps, "
        "p.contact, p.received_at, p.source, p.submission_id, d.code AS department, pe.code AS period "
        "FROM progress p JOIN department d ON d.id = p.department_id JOIN period pe ON pe.id = p.period_id "
        "WHERE p.task_id = ? ORDER BY pe.start DESC, d.code, p.version DESC", [task_id])]
