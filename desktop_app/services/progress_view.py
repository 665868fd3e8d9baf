"""Read-only progress queries: the current entries of a period/department, and a task's history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass
class ProgressEntry:
    task: str
    department: str
    period: str
    status: str
    percent: float | None
    indicator: float | None
    narrative: str
    problems: str
    next_steps: str
    contact: str
    version: int
    is_current: bool
    received_at: str
    source: str
    submission_id: int | None

    def as_json(self) -> dict[str, Any]:
        return {"task": self.task, "department": self.department, "period": self.period, "status": self.status,
                "percent": self.percent, "indicator": self.indicator, "narrative": self.narrative,
                "version": self.version, "received_at": self.received_at}


_SELECT = ("SELECT t.code, d.code, pe.code, p.status, p.percent, p.indicator, p.narrative, p.problems, p.next_steps, "
           "p.contact, p.version, p.is_current, p.received_at, p.source, p.submission_id FROM progress p "
           "JOIN task t ON t.id = p.task_id JOIN department d ON d.id = p.department_id "
           "JOIN period pe ON pe.id = p.period_id ")


def _entry(r: Any) -> ProgressEntry:
    return ProgressEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], int(r[10]), bool(r[11]),
                         r[12], r[13], r[14])


def list_progress(db: sqlite_utils.Database, plan_id: int, *, period: str | None = None,
                  departments: list[str] | None = None, current_only: bool = True) -> list[ProgressEntry]:
    sql = _SELECT + "WHERE t.plan_id = ?"
    params: list[object] = [plan_id]
    if current_only:
        sql += " AND p.is_current = 1"
    if period:
        sql += " AND pe.code = ?"
        params.append(period)
    if departments:
        sql += f" AND d.code IN ({','.join('?' * len(departments))})"
        params.extend(departments)
    sql += " ORDER BY pe.start, t.seq, d.code, p.version"
    return [_entry(r) for r in db.execute(sql, params).fetchall()]


def task_history(db: sqlite_utils.Database, task_id: int) -> list[ProgressEntry]:
    """Every version of every department's entries for one task, oldest first (the GUI's history pane)."""
    return [_entry(r) for r in db.execute(
        _SELECT + "WHERE p.task_id = ? ORDER BY pe.start, d.code, p.version", [task_id]).fetchall()]
