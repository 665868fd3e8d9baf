"""Reporting periods of a plan: created from the calendar, closed and reopened with a reason.

Due dates are the 5th working day after the period ends (domain/calendar.py), on the shipped holiday
table extended by the database's ``holiday`` rows. A closed period accepts no workbooks until reopened;
both actions are written to the audit log with their reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlite_utils

from desktop_app.domain.calendar import parse_period_code, periods_for_year
from desktop_app.domain.models import ChangeSummary, PeriodKind
from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.store import audit
from desktop_app.store.db import write_tx
from desktop_app.store.periods import (
    PeriodRow,
    calendar,
    get_period,
    insert_period,
    list_periods,
    period_by_id,
    require_period,
    set_due,
)


@dataclass
class PeriodsResult:
    periods: list[PeriodRow]
    created: list[str] = field(default_factory=list)
    summary: ChangeSummary = field(default_factory=ChangeSummary)


def reporting_kind(db: sqlite_utils.Database, plan_id: int) -> PeriodKind:
    row = db.execute("SELECT reporting FROM plan WHERE id = ?", [plan_id]).fetchone()
    if not row:
        raise UsageError(msg("core.store.no_plan", plan=plan_id))
    return PeriodKind.QUARTER if row[0] == "quarterly" else PeriodKind.MONTH


def ensure_periods(db: sqlite_utils.Database, plan_id: int, year: int) -> PeriodsResult:
    """Create the year's reporting periods (monthly or quarterly, as the plan reports) that are missing."""
    kind = reporting_kind(db, plan_id)
    created = []
    with write_tx(db):
        for p in periods_for_year(year, kind, calendar(db)):
            if get_period(db, plan_id, p.code) is None:
                insert_period(db, plan_id, p)
                created.append(p.code)
    return PeriodsResult([p for p in list_periods(db, plan_id) if p.start.year == year], created,
                         ChangeSummary(periods=bool(created)))


def ensure_period(db: sqlite_utils.Database, plan_id: int, code: str) -> PeriodRow:
    """The period ``code`` of the plan, created from the calendar if it does not exist yet."""
    existing = get_period(db, plan_id, code)
    if existing:
        return existing
    try:
        p = parse_period_code(code, calendar(db))
    except ValueError as exc:
        raise UsageError(msg("core.not_a_period", code=code)) from exc
    kind = reporting_kind(db, plan_id)
    if p.kind is not kind:
        example = "2025-10" if kind is PeriodKind.MONTH else "2025Q3"
        raise UsageError(msg("core.monthly_period" if kind is PeriodKind.MONTH else "core.quarterly_period",
                             plan=plan_id, code=code, example=example))
    with write_tx(db):
        insert_period(db, plan_id, p)
    return require_period(db, plan_id, p.code)


def _audit(db: sqlite_utils.Database, action: str, period: PeriodRow, reason: str) -> None:
    audit.log(db, action, "period", period.id, {"plan_id": period.plan_id, "code": period.code, "reason": reason})


def set_closed(db: sqlite_utils.Database, plan_id: int, code: str, closed: bool, reason: str) -> PeriodsResult:
    """Close (lock) or reopen a period; a reason is required and goes to the audit log."""
    reason = reason.strip()
    if not reason:
        raise UsageError(msg("core.period_reason"))
    period = require_period(db, plan_id, code)
    with write_tx(db):
        db.execute("UPDATE period SET closed = ?, closed_reason = ? WHERE id = ?",
                   [int(closed), reason if closed else "", period.id])
        _audit(db, "close" if closed else "reopen", period, reason)
    return PeriodsResult([require_period(db, plan_id, code)], [], ChangeSummary(periods=True))


def write_due(db: sqlite_utils.Database, period_id: int, old: dt.date, new: dt.date) -> ChangeSummary:
    """Move a period's due date (on-time/late is judged against it), with an audit entry."""
    period = period_by_id(db, period_id)
    if new < period.end:
        raise UsageError(msg("core.due_before_end", code=period.code, due=new.isoformat(),
                             end=period.end.isoformat()))
    with write_tx(db):
        set_due(db, period_id, new)
        audit.log(db, "due", "period", period_id, {"plan_id": period.plan_id, "code": period.code,
                                                   "before": old.isoformat(), "after": new.isoformat()})
    return ChangeSummary(periods=True, submissions=True, details={"period": period.code})


def create_period(db: sqlite_utils.Database, plan_id: int, code: str) -> PeriodsResult:
    """Create one reporting period from the calendar (a no-op when it exists)."""
    existed = get_period(db, plan_id, code) is not None
    row = ensure_period(db, plan_id, code)
    return PeriodsResult([row], [] if existed else [row.code], ChangeSummary(periods=not existed))
