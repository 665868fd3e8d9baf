"""Repository for the reporting cycle: periods, packages, submissions, progress versions, the secret."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop_app.domain.calendar import HolidayCalendar
from desktop_app.domain.models import PeriodKind, Role, Status

EXCHANGE_SECRET_KEY = "exchange_secret"


def meta_value(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else None


def exchange_secret(db: sqlite_utils.Database) -> bytes:
    """The key of the workbook digests; created on first use, never written to any file but the DB.

    Call inside a write transaction when the secret may not exist yet.
    """
    value = meta_value(db, EXCHANGE_SECRET_KEY)
    if value is None:
        value = secrets.token_hex(32)
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [EXCHANGE_SECRET_KEY, value])
    return bytes.fromhex(value)


def existing_secret(db: sqlite_utils.Database) -> bytes | None:
    value = meta_value(db, EXCHANGE_SECRET_KEY)
    return bytes.fromhex(value) if value else None


def holiday_calendar(db: sqlite_utils.Database) -> HolidayCalendar:
    """The shipped holiday table, overridden/extended by the database's own ``holiday`` rows."""
    cal = HolidayCalendar.shipped()
    for day, kind, _name in db.execute("SELECT date, kind, name FROM holiday").fetchall():
        d = dt.date.fromisoformat(day)
        cal.holidays.pop(d, None)
        cal.workdays.pop(d, None)
        (cal.holidays if kind == "holiday" else cal.workdays)[d] = _name
    return cal


@dataclass(frozen=True)
class PeriodRow:
    id: int
    plan_id: int
    kind: PeriodKind
    code: str
    start: dt.date
    end: dt.date
    due: dt.date
    closed: bool
    closed_reason: str

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind.value, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "due": self.due.isoformat(), "closed": self.closed,
                "closed_reason": self.closed_reason}


_PERIOD_COLS = "id, plan_id, kind, code, start, end, due, closed, closed_reason"


def _period(row: Any) -> PeriodRow:
    return PeriodRow(int(row[0]), int(row[1]), PeriodKind(row[2]), row[3], dt.date.fromisoformat(row[4]),
                     dt.date.fromisoformat(row[5]), dt.date.fromisoformat(row[6]), bool(row[7]), row[8])


def get_period(db: sqlite_utils.Database, plan_id: int, code: str) -> PeriodRow | None:
    row = db.execute(f"SELECT {_PERIOD_COLS} FROM period WHERE plan_id = ? AND code = ?", [plan_id, code]).fetchone()
    return _period(row) if row else None


def period_by_id(db: sqlite_utils.Database, period_id: int) -> PeriodRow:
    return _period(db.execute(f"SELECT {_PERIOD_COLS} FROM period WHERE id = ?", [period_id]).fetchone())


def list_periods(db: sqlite_utils.Database, plan_id: int) -> list[PeriodRow]:
    return [_period(r) for r in db.execute(
        f"SELECT {_PERIOD_COLS} FROM period WHERE plan_id = ? ORDER BY start, kind", [plan_id]).fetchall()]


def previous_period(db: sqlite_utils.Database, period: PeriodRow) -> PeriodRow | None:
    row = db.execute(f"SELECT {_PERIOD_COLS} FROM period WHERE plan_id = ? AND kind = ? AND start < ? "
                     "ORDER BY start DESC LIMIT 1", [period.plan_id, period.kind.value, period.start.isoformat()]
                     ).fetchone()
    return _period(row) if row else None


@dataclass(frozen=True)
class DeptInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    short_zh: str
    contact_person: str
    contact_phone: str


def departments_by_id(db: sqlite_utils.Database) -> dict[int, DeptInfo]:
    return {int(r[0]): DeptInfo(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in db.execute(
        "SELECT id, code, name_zh, name_en, short_zh, contact_person, contact_phone FROM department").fetchall()}


def held_tasks(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[tuple[int, Role]]]:
    """department id → [(task id, role)] in plan order, placeholder groups expanded to their members."""
    out: dict[int, list[tuple[int, Role]]] = {}
    for task_id, dept_id, role in _effective_assignments(db, plan_id):
        out.setdefault(dept_id, []).append((task_id, role))
    return out


def _effective_assignments(db: sqlite_utils.Database, plan_id: int) -> list[tuple[int, int, Role]]:
    from desktop_app.store.ledger import effective_assignments

    return [(a.task_id, a.department_id, a.role) for a in effective_assignments(db, plan_id)]


@dataclass
class CurrentProgress:
    id: int
    version: int
    status: Status
    percent: float | None
    indicator: float | None
    narrative: str
    problems: str
    next_steps: str
    contact: str
    received_at: str


def current_progress(db: sqlite_utils.Database, period_id: int, department_id: int) -> dict[int, CurrentProgress]:
    """task id → the current progress entry of one department in one period."""
    return {int(r[0]): CurrentProgress(int(r[1]), int(r[2]), Status(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10])
            for r in db.execute(
                "SELECT task_id, id, version, status, percent, indicator, narrative, problems, next_steps, contact, "
                "received_at FROM progress WHERE period_id = ? AND department_id = ? AND is_current = 1",
                [period_id, department_id]).fetchall()}
