"""Who has reported for a period: on time, late or missing, and a reminder list for the missing.

A department is expected for a period when it holds tasks in the plan (placeholder groups expanded).
Its status comes from its *first* accepted workbook for the period (a later, superseding workbook does
not turn an on-time report into a late one); ``received_at`` is that first receipt. Progress entered
without a workbook (in PeakDesk itself, or demo data) counts as a report at its ``received_at``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.domain.models import ChangeSummary
from desktop_app.outputs import atomic_output
from desktop_app.store.cycle import departments_by_id, held_tasks
from desktop_app.store.periods import PeriodRow, calendar, require_period
from desktop_app.store.progress import split_contact


@dataclass
class DeptStatus:
    department: str
    department_name: str
    status: str                      # on_time | late | missing
    received_at: str | None
    contact_person: str = ""
    contact_phone: str = ""
    tasks: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"department": self.department, "department_name": self.department_name, "status": self.status,
                "received_at": self.received_at}


@dataclass
class PeriodStatus:
    period: PeriodRow
    departments: list[DeptStatus] = field(default_factory=list)

    def missing(self) -> list[DeptStatus]:
        return [d for d in self.departments if d.status == "missing"]


def _first_receipts(db: sqlite_utils.Database, period_ids: list[int]) -> dict[tuple[int, int], str]:
    """(period id, department id) → first receipt, for all the given periods in one pass each."""
    first: dict[tuple[int, int], str] = {}
    marks = ", ".join("?" * len(period_ids))
    for sql in (f"SELECT period_id, department_id, min(received_at) FROM submission WHERE period_id IN ({marks}) "
                "AND status = 'accepted' GROUP BY period_id, department_id",
                f"SELECT period_id, department_id, min(received_at) FROM progress WHERE period_id IN ({marks}) "
                "AND submission_id IS NULL GROUP BY period_id, department_id"):
        for period_id, dept_id, received in db.execute(sql, period_ids).fetchall():
            key = (int(period_id), int(dept_id))
            if key not in first or str(received) < first[key]:
                first[key] = str(received)
    return first


def period_status(db: sqlite_utils.Database, plan_id: int, period_code: str) -> PeriodStatus:
    return periods_status(db, plan_id, [period_code])[0]


def periods_status(db: sqlite_utils.Database, plan_id: int, period_codes: list[str]) -> list[PeriodStatus]:
    """Status of several periods, sharing the department, task and receipt look-ups."""
    periods = [require_period(db, plan_id, code) for code in period_codes]
    if not periods:
        return []
    depts = departments_by_id(db)
    holders = held_tasks(db, plan_id)
    first = _first_receipts(db, [p.id for p in periods])
    contacts = _newest_contacts(db)
    return [_status(period, depts, holders, {d: r for (p, d), r in first.items() if p == period.id}, contacts)
            for period in periods]


def _status(period: PeriodRow, depts: dict[int, Any], holders: dict[int, Any], first: dict[int, str],
            contacts: dict[int, str]) -> PeriodStatus:
    out = PeriodStatus(period)
    for dept_id in sorted(holders, key=lambda i: depts[i].code):
        d = depts[dept_id]
        received = first.get(dept_id)
        if received is None:
            status = "missing"
        else:
            status = "late" if dt.date.fromisoformat(received[:10]) > period.due else "on_time"
        person, phone = d.contact_person, d.contact_phone
        if not (person or phone) and dept_id in contacts:
            # No contact on record: use the newest one written in any of the department's workbooks.
            person, phone = split_contact(contacts[dept_id])
        out.departments.append(DeptStatus(d.code, d.name_zh, status, received, person, phone, len(holders[dept_id])))
    return out


def _newest_contacts(db: sqlite_utils.Database) -> dict[int, str]:
    """department id → the contact of its newest progress entry that has one (one pass over progress)."""
    # Ranked explicitly: a bare column beside max() is SQLite-only and picks an arbitrary row on a tie;
    # here a tie on received_at goes to the entry written last (the higher id).
    return {int(dept_id): str(contact) for dept_id, contact in db.execute(
        "SELECT department_id, contact FROM (SELECT department_id, contact, ROW_NUMBER() OVER ("
        "PARTITION BY department_id ORDER BY received_at DESC, id DESC) AS newest "
        "FROM progress WHERE contact <> '') ranked WHERE newest = 1").fetchall()}


@dataclass
class ReminderResult:
    file: Path
    missing: list[DeptStatus]
    summary: ChangeSummary = field(default_factory=ChangeSummary)


def export_reminders(db: sqlite_utils.Database, plan_id: int, period_code: str, out: Path, *,
                     today: dt.date) -> ReminderResult:
    """An .xlsx listing the departments that have not reported for the period, with their contacts."""
    # openpyxl is imported on first use: the window's pages import this module before their first paint.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from desktop_app.exchange.safe_xlsx import text_cell

    status = period_status(db, plan_id, period_code)
    missing = status.missing()
    p = status.period
    wb = Workbook()
    ws = wb.active
    ws.title = "催报名单 Reminders"
    text_cell(ws, 1, 1, f"{p.code} 未报送单位催报名单 Departments that have not reported "
                        f"(截止 due {p.due.isoformat()}，统计日 as of {today.isoformat()})").font = Font(bold=True, size=13)
    heads = ["单位代码 Code", "单位名称 Department", "任务数 Tasks", "联系人 Contact person", "联系电话 Phone",
             "逾期工作日 Working days overdue"]
    for col, h in enumerate(heads, start=1):
        c = text_cell(ws, 3, col, h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True)

    overdue = max(0, calendar(db).working_days_between(p.due, today))
    for r, d in enumerate(missing, start=4):
        for col, value in enumerate([d.department, d.department_name], start=1):
            text_cell(ws, r, col, value)
        ws.cell(row=r, column=3, value=d.tasks)
        text_cell(ws, r, 4, d.contact_person)
        text_cell(ws, r, 5, d.contact_phone)
        ws.cell(row=r, column=6, value=overdue)
    for letter, width in zip("ABCDEF", (12, 30, 10, 16, 18, 14), strict=True):
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return ReminderResult(out, missing)
