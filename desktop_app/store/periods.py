"""Reporting periods and the holiday table they are computed with."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop_app.domain.calendar import HolidayCalendar
from desktop_app.domain.models import Period, PeriodKind
from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.paths import DATA_DIR
from desktop_app.store import meta


def shipped_calendar() -> HolidayCalendar:
    """The holiday table shipped with PeakDesk (public holidays and make-up working days)."""
    return HolidayCalendar.from_json(json.loads((DATA_DIR / "holidays_cn.json").read_text(encoding="utf-8")))


def seed_holidays(db: sqlite_utils.Database) -> None:
    """Load the shipped holiday table once; later edits by the user are never overwritten."""
    if meta.meta_get(db, "holidays_seeded"):
        return
    cal = shipped_calendar()
    rows = [(d.isoformat(), "holiday", n) for d, n in cal.holidays.items()]
    rows += [(d.isoformat(), "workday", n) for d, n in cal.workdays.items()]
    db.conn.executemany("INSERT INTO holiday (date, kind, name) VALUES (?, ?, ?) ON CONFLICT (date) DO NOTHING", rows)
    meta.meta_set(db, "holidays_seeded", "1")


def calendar(db: sqlite_utils.Database) -> HolidayCalendar:
    return HolidayCalendar.from_rows(db.execute("SELECT date, kind, name FROM holiday").fetchall())


def set_holiday(db: sqlite_utils.Database, day: dt.date, kind: str | None, name: str = "") -> None:
    """kind 'holiday' / 'workday' adds or changes a day; None removes it (back to the weekday rule)."""
    if kind is None:
        db.execute("DELETE FROM holiday WHERE date = ?", [day.isoformat()])
    else:
        db.execute("INSERT INTO holiday (date, kind, name) VALUES (?, ?, ?) "
                   "ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
                   [day.isoformat(), kind, name])


@dataclass
class PeriodRow:
    id: int
    plan_id: int
    period: Period
    closed: bool
    closed_reason: str

    @property
    def code(self) -> str:
        return self.period.code

    @property
    def kind(self) -> PeriodKind:
        return self.period.kind

    @property
    def start(self) -> dt.date:
        return self.period.start

    @property
    def end(self) -> dt.date:
        return self.period.end

    @property
    def due(self) -> dt.date:
        return self.period.due

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "kind": self.kind.value, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "due": self.due.isoformat(), "closed": self.closed,
                "closed_reason": self.closed_reason}


def _row(r: tuple) -> PeriodRow:  # type: ignore[type-arg]
    return PeriodRow(r[0], r[1], Period(PeriodKind(r[2]), r[3], dt.date.fromisoformat(r[4]),
                                        dt.date.fromisoformat(r[5]), dt.date.fromisoformat(r[6])),
                     bool(r[7]), r[8])


_COLS = "id, plan_id, kind, code, start, ends_on, due, closed, closed_reason"


def insert_period(db: sqlite_utils.Database, plan_id: int, period: Period) -> int:
    """Add a period (or return the existing one with the same code)."""
    row = db.execute("SELECT id FROM period WHERE plan_id = ? AND code = ?", [plan_id, period.code]).fetchone()
    if row:
        return int(row[0])
    return int(db.execute(
        "INSERT INTO period (plan_id, kind, code, start, ends_on, due) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [plan_id, period.kind.value, period.code, period.start.isoformat(), period.end.isoformat(),
         period.due.isoformat()]).fetchone()[0])


def list_periods(db: sqlite_utils.Database, plan_id: int, kind: PeriodKind | None = None) -> list[PeriodRow]:
    sql = f"SELECT {_COLS} FROM period WHERE plan_id = ?"
    params: list[object] = [plan_id]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind.value)
    return [_row(r) for r in db.execute(sql + " ORDER BY start, kind", params).fetchall()]


def get_period(db: sqlite_utils.Database, plan_id: int, code: str) -> PeriodRow | None:
    r = db.execute(f"SELECT {_COLS} FROM period WHERE plan_id = ? AND code = ?", [plan_id, code.strip()]).fetchone()
    return _row(r) if r else None


def require_period(db: sqlite_utils.Database, plan_id: int, code: str) -> PeriodRow:
    row = get_period(db, plan_id, code)
    if row is None:
        raise UsageError(msg("core.store.no_period", plan=plan_id, code=code))
    return row


def period_by_id(db: sqlite_utils.Database, period_id: int) -> PeriodRow:
    return _row(db.execute(f"SELECT {_COLS} FROM period WHERE id = ?", [period_id]).fetchone())


def set_due(db: sqlite_utils.Database, period_id: int, due: dt.date) -> None:
    db.execute("UPDATE period SET due = ? WHERE id = ?", [due.isoformat(), period_id])


def previous_period(db: sqlite_utils.Database, period: PeriodRow) -> PeriodRow | None:
    """The period of the same kind just before ``period`` (for last period's entries)."""
    r = db.execute(f"SELECT {_COLS} FROM period WHERE plan_id = ? AND kind = ? AND start < ? "
                   "ORDER BY start DESC LIMIT 1", [period.plan_id, period.kind.value, period.start.isoformat()]
                   ).fetchone()
    return _row(r) if r else None
