"""Reads the reporting-cycle dialogs need (issue, merge, submissions): which periods can be chosen, which
units hold tasks, which tasks nobody leads. No writes, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop_app.domain.calendar import periods_for_year
from desktop_app.domain.models import PeriodKind
from desktop_app.services import clock
from desktop_app.services.workspace import current_plan_id
from desktop_app.store.db import open_database
from desktop_app.store.ledger import effective_assignments
from desktop_app.store.periods import calendar, list_periods


@dataclass(frozen=True)
class PeriodChoice:
    code: str
    start: dt.date
    end: dt.date
    closed: bool = False
    exists: bool = True


def open_read(path: Path | str) -> sqlite_utils.Database:
    """A connection for a dialog's small reads (the caller closes it)."""
    return open_database(path, create=False)


def newest_plan(db: sqlite_utils.Database) -> int | None:
    return current_plan_id(db)


def plan_reporting_kind(db: sqlite_utils.Database, plan_id: int) -> PeriodKind:
    row = db.execute("SELECT reporting FROM plan WHERE id = ?", [plan_id]).fetchone()
    return PeriodKind.QUARTER if row and row[0] == "quarterly" else PeriodKind.MONTH


def reporting_periods(db: sqlite_utils.Database, plan_id: int, today: dt.date | None = None, *,
                      year: int | None = None) -> list[PeriodChoice]:
    """The periods bureaus report in (months for a monthly plan, quarters for a quarterly one): those the
    database holds, plus the rest of ``year``'s (default: this year; the services create a period when it
    is first used)."""
    kind = plan_reporting_kind(db, plan_id)
    held = {p.code: PeriodChoice(p.code, p.period.start, p.period.end, p.closed)
            for p in list_periods(db, plan_id, kind)}
    year = year or (today or clock.today(None)).year
    for p in periods_for_year(year, kind, calendar(db)):
        held.setdefault(p.code, PeriodChoice(p.code, p.start, p.end, False, exists=False))
    return sorted(held.values(), key=lambda c: c.start)


def holding_departments(db: sqlite_utils.Database, plan_id: int) -> list[tuple[str, str, str, int]]:
    """(code, name_zh, name_en, tasks held) for every department that reports on a task of the plan."""
    counts: dict[int, int] = {}
    for a in effective_assignments(db, plan_id):
        counts[a.department_id] = counts.get(a.department_id, 0) + 1
    if not counts:
        return []
    marks = ",".join("?" * len(counts))
    rows = db.execute(f"SELECT id, code, name_zh, name_en FROM department WHERE id IN ({marks}) ORDER BY code",
                      list(counts)).fetchall()
    return [(str(r[1]), str(r[2]), str(r[3] or ""), counts[r[0]]) for r in rows]


def period_codes(db: sqlite_utils.Database, plan_id: int | None) -> list[tuple[str, str, str]]:
    """(kind, code, end) of every period of the plan, by start."""
    if plan_id is None:
        return []
    return [(str(k), str(c), str(e)) for k, c, e in db.execute(
        "SELECT kind, code, ends_on FROM period WHERE plan_id = ? ORDER BY start", [plan_id]).fetchall()]


def quarters(db: sqlite_utils.Database, plan_id: int | None) -> list[tuple[str, dt.date, dt.date]]:
    """(code, start, end) of the plan's quarters, by start."""
    if plan_id is None:
        return []
    return [(str(c), dt.date.fromisoformat(s), dt.date.fromisoformat(e)) for c, s, e in db.execute(
        "SELECT code, start, ends_on FROM period WHERE plan_id = ? AND kind = 'quarter' ORDER BY start",
        [plan_id]).fetchall()]


def period_years(db: sqlite_utils.Database, plan_id: int | None) -> list[int]:
    if plan_id is None:
        return []
    return [int(r[0]) for r in db.execute(
        "SELECT DISTINCT substr(start, 1, 4) FROM period WHERE plan_id = ? ORDER BY 1", [plan_id]).fetchall()]
