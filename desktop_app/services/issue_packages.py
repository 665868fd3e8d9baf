"""Issue the period's exchange workbooks: one per department that holds tasks (lead or cooperating).

Placeholder groups (各街镇) are expanded to their member departments, so every street/town gets its own
workbook. Each workbook is recorded as a ``package`` (random id + keyed digest) in the same transaction
that writes the file, so a package row exists exactly for the workbooks that were written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import sqlite_utils

from desktop_app.domain.models import ROLE_LABELS, STATUS_LABELS, ChangeSummary
from desktop_app.domain.results import ExportResult, IssuedPackage
from desktop_app.errors import UsageError
from desktop_app.exchange.safe_xlsx import safe_file_name
from desktop_app.exchange.workbook import (
    LockedRow,
    PackageMeta,
    RowValues,
    WorkbookContent,
    compute_digest,
    write_workbook,
)
from desktop_app.messages import msg
from desktop_app.outputs import remove_partial_files
from desktop_app.services import clock
from desktop_app.services.periods import ensure_period
from desktop_app.store.cycle import departments_by_id, exchange_secret, held_tasks
from desktop_app.store.db import write_tx
from desktop_app.store.departments import Department
from desktop_app.store.periods import PeriodRow, previous_period
from desktop_app.store.progress import current_entries

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

_SIGN = {"at_least": "≥", "at_most": "≤", "reduce_by": "降低", "increase_by": "提高", "about": "约"}


def plan_title(db: sqlite_utils.Database, plan_id: int) -> str:
    row = db.execute("SELECT title_zh, title_en FROM plan WHERE id = ?", [plan_id]).fetchone()
    return str(row[0] or row[1]) if row else ""


def target_texts(db: sqlite_utils.Database, plan_id: int) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for task_id, metric, value, unit, year, direction, text in db.execute(
            "SELECT task_id, metric, value, unit, year, direction, text FROM target "
            "WHERE plan_id = ? AND task_id IS NOT NULL ORDER BY task_id, seq", [plan_id]).fetchall():
        if value is None and text:
            item = text
        else:
            number = "" if value is None else f"{value:g}"
            item = f"{metric} {_SIGN.get(direction, '')}{number}{unit}".strip() + (f"（{year}年）" if year else "")
        out.setdefault(int(task_id), []).append(item)
    return {k: "；".join(v) for k, v in out.items()}


def last_entry_text(period: PeriodRow, status: str, percent: float | None, narrative: str) -> str:
    label = STATUS_LABELS[status][0] if status in STATUS_LABELS else status  # type: ignore[index]
    pct = f" {percent:g}%" if percent is not None else ""
    text = narrative.strip().replace("\n", " ")
    if len(text) > 120:
        text = text[:119] + "…"
    return f"{period.code}：{label}{pct}" + (f"；{text}" if text else "")


def package_file_name(period_code: str, dept: Department) -> str:
    return safe_file_name(f"{period_code}_{dept.code}_{dept.short_zh or dept.name_zh}_进度填报")


def export_packages(db: sqlite_utils.Database, plan_id: int, period_code: str, out_dir: Path, *,
                    today: dt.date, departments: Sequence[str] | None = None,
                    progress: Progress | None = None, cancelled: Cancelled | None = None) -> ExportResult:
    """Write one workbook per department holding tasks (or the given department codes) into ``out_dir``.

    Partial files an interrupted export left in ``out_dir`` are removed first (``remove_partial_files``)."""
    remove_partial_files(Path(out_dir))
    period = ensure_period(db, plan_id, period_code)
    holders = held_tasks(db, plan_id)
    depts = departments_by_id(db)
    by_code = {d.code: d for d in depts.values()}
    if departments:
        unknown = [c for c in departments if c not in by_code]
        empty = [c for c in departments if c in by_code and by_code[c].id not in holders]
        if unknown or empty:
            if unknown and empty:
                raise UsageError(msg("core.issue_unknown_and_empty", unknown=", ".join(unknown), plan=plan_id,
                                     empty=", ".join(empty)))
            if unknown:
                raise UsageError(msg("core.issue_unknown", unknown=", ".join(unknown)))
            raise UsageError(msg("core.issue_empty", plan=plan_id, empty=", ".join(empty)))
        chosen = [by_code[c].id for c in dict.fromkeys(departments)]
    else:
        chosen = sorted(holders, key=lambda i: depts[i].code)
    tasks = {int(r[0]): (r[1], r[2] or r[3]) for r in db.execute(
        "SELECT id, code, title_zh, title_en FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
    targets = target_texts(db, plan_id)
    prev = previous_period(db, period)
    title = plan_title(db, plan_id)
    result = ExportResult(period.code)
    with write_tx(db):
        secret = exchange_secret(db)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = len(chosen)
    for i, dept_id in enumerate(chosen):
        if cancelled and cancelled():
            result.cancelled = True
            break
        dept = depts[dept_id]
        if progress:
            progress(i, total, dept.name_zh)
        last = current_entries(db, prev.id, dept_id) if prev else {}
        rows = []
        for task_id, role in holders[dept_id]:
            code, task_title = tasks[task_id]
            entry = last[task_id].entry if task_id in last else None
            rows.append(LockedRow(
                code=code, title=task_title, role=ROLE_LABELS[role][0], target=targets.get(task_id, ""),
                last=last_entry_text(prev, entry.status, entry.percent, entry.narrative) if prev and entry else ""))
        meta = PackageMeta(
            package_id=uuid.uuid4().hex, plan_id=plan_id, plan_title=title, department_code=dept.code,
            department_name=dept.name_zh, period_code=period.code, period_start=period.start,
            period_end=period.end, due=period.due, issued_at=clock.received_stamp(today))
        meta.digest = compute_digest(secret, meta, rows)
        values = [RowValues(contact_person=dept.contact_person, contact_phone=dept.contact_phone) for _ in rows]
        path = out_dir / package_file_name(period.code, dept)
        with write_tx(db):
            db.execute("INSERT INTO package (id, plan_id, department_id, period_id, issued_at, file_name, digest, row_count) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [meta.package_id, plan_id, dept_id, period.id, meta.issued_at, path.name, meta.digest, len(rows)])
            write_workbook(WorkbookContent(meta, rows, values), path)
        result.packages.append(IssuedPackage(dept.code, dept.name_zh, path, meta.package_id, len(rows)))
    if progress and not result.cancelled:
        progress(total, total, "")
    result.summary = ChangeSummary(periods=True, submissions=True, details={"packages": len(result.packages)})
    return result
