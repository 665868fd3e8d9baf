"""Reads the dashboard gathers besides the section figures: the period being reported, quarters, what is
due soon, and task ids by code (for "open task" from a warning)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils


def reporting_period(db: sqlite_utils.Database, plan_id: int, today: dt.date) -> tuple[str, dt.date] | None:
    """The period being reported now: the latest reporting period (month, else quarter) that has ended."""
    for kind in ("month", "quarter"):
        row = db.execute("SELECT code, due FROM period WHERE plan_id = ? AND kind = ? AND ends_on < ? "
                         "ORDER BY ends_on DESC LIMIT 1", [plan_id, kind, today.isoformat()]).fetchone()
        if row:
            return str(row[0]), dt.date.fromisoformat(row[1])
    return None


def upcoming_periods(db: sqlite_utils.Database, plan_id: int, today: dt.date,
                     horizon: dt.date) -> list[tuple[str, str, dt.date]]:
    """(code, kind, due) of open periods due between today and ``horizon``."""
    return [(str(c), str(k), dt.date.fromisoformat(d)) for c, k, d in db.execute(
        "SELECT code, kind, due FROM period WHERE plan_id = ? AND due >= ? AND due <= ? AND closed = 0 "
        "ORDER BY due", [plan_id, today.isoformat(), horizon.isoformat()]).fetchall()]


def upcoming_tasks(db: sqlite_utils.Database, plan_id: int, today: dt.date,
                   horizon: dt.date) -> list[tuple[int, str, str, str, dt.date]]:
    """(id, code, title_zh, title_en, due) of tasks due between today and ``horizon``."""
    return [(int(i), str(c), str(zh), str(en or ""), dt.date.fromisoformat(d)) for i, c, zh, en, d in db.execute(
        "SELECT id, code, title_zh, title_en, due_date FROM task WHERE plan_id = ? AND due_date >= ? "
        "AND due_date <= ? ORDER BY due_date, seq", [plan_id, today.isoformat(), horizon.isoformat()]).fetchall()]


def task_ids_by_code(db: sqlite_utils.Database, plan_id: int) -> dict[str, int]:
    return {str(c): int(i) for i, c in db.execute("SELECT id, code FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
