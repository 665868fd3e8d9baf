"""The Periods page's use cases: create a year's periods, change a due date, edit the holiday calendar.

Closing and reopening is ``services.periods.set_closed`` (a reason goes to the audit log). Every write is
one transaction and is audited; the change summary tells the window what to refresh.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils

from desktop_app.domain.calendar import periods_for_year
from desktop_app.domain.models import ChangeSummary, PeriodKind
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services.periods import reporting_kind
from desktop_app.store import audit
from desktop_app.store.db import write_tx
from desktop_app.store.periods import (
    PeriodRow,
    calendar,
    get_period,
    insert_period,
    list_periods,
    require_period,
)


@dataclass
class CreatedPeriods:
    created: list[str] = field(default_factory=list)
    summary: ChangeSummary = field(default_factory=ChangeSummary)


def create_year(db: sqlite_utils.Database, plan_id: int, year: int) -> CreatedPeriods:
    """The year's reporting periods (months or quarters, as the plan reports), its quarters (warnings) and
    the year itself (assessment); existing ones are kept as they are."""
    kinds = [reporting_kind(db, plan_id), PeriodKind.QUARTER, PeriodKind.YEAR]
    cal = calendar(db)
    created: list[str] = []
    with write_tx(db):
        for kind in dict.fromkeys(kinds):
            for p in periods_for_year(year, kind, cal):
                if get_period(db, plan_id, p.code) is None:
                    insert_period(db, plan_id, p)
                    created.append(p.code)
        if created:
            audit.log(db, "create", "period", "", {"plan_id": plan_id, "year": year, "codes": created})
    return CreatedPeriods(created, ChangeSummary(periods=bool(created)))


def set_due(db: sqlite_utils.Database, plan_id: int, code: str, due: dt.date) -> ChangeSummary:
    """Move a period's due date (not before the period ends: reports cannot be due before it is over)."""
    period = require_period(db, plan_id, code)
    if due < period.end:
        raise PeakDeskError(msg("window.due_before_end", period=code, end=period.end.isoformat()))
    if due == period.due:
        return ChangeSummary()
    with write_tx(db):
        db.execute("UPDATE period SET due = ? WHERE id = ?", [due.isoformat(), period.id])
        audit.log(db, "due", "period", period.id, {"code": code, "before": period.due.isoformat(),
                                                    "after": due.isoformat()})
    return ChangeSummary(periods=True, submissions=True, warnings=True, details={"period": code})


def periods(db: sqlite_utils.Database, plan_id: int, kind: PeriodKind | None = None) -> list[PeriodRow]:
    return list_periods(db, plan_id, kind)


def holidays_of_year(db: sqlite_utils.Database, year: int) -> list[tuple[str, str, str]]:
    """(date, kind 'holiday'|'workday', name) of the year's calendar rows, by date."""
    return [(str(d), str(k), str(n or "")) for d, k, n in db.execute(
        "SELECT date, kind, name FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date",
        [f"{year}-01-01", f"{year}-12-31"]).fetchall()]


def has_holiday(db: sqlite_utils.Database, day: dt.date) -> bool:
    return db.execute("SELECT 1 FROM holiday WHERE date = ?", [day.isoformat()]).fetchone() is not None


