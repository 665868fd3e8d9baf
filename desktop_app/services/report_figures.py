"""The figures each printed report shows, as plain JSON (``peakdesk figures KIND --json`` and
``peakdesk report KIND --json``): gathered by the same ``build_report.gather_*`` the PDF is built from,
so a script can check a report's numbers without reading the PDF."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.reports import data as rd
from desktop_app.services import build_report, read_models
from desktop_app.services.build_report import ReportOptions
from desktop_app.services.plan_facts import PlanFacts

KINDS = ("monthly", "quarterly", "annual", "department")


def _status(line: rd.TaskLine) -> str:
    return line.status.value if line.status is not None else read_models.NO_DATA


def task_json(line: rd.TaskLine) -> dict[str, Any]:
    return {"code": line.code, "status": _status(line), "percent": line.percent, "period": line.period or None,
            "expected": None if line.expected is None else round(line.expected, 1)}


def monthly(data: rd.MonthlyBulletinData, lines: list[rd.TaskLine]) -> dict[str, Any]:
    counts = data.submission_counts()
    return {
        "kind": "monthly", "period": data.period, "as_of": data.meta.date.isoformat(),
        "tasks": [task_json(t) for t in lines],
        "sections": [{"title": s.title.zh, "title_en": s.title.en, "tasks": s.tasks, "completed": s.completed,
                      "in_progress": s.in_progress, "delayed": s.delayed, "not_started": s.not_started,
                      "no_data": s.unreported, "mean_percent": s.mean_percent} for s in data.sections],
        "overall": {"tasks": data.tasks_total, "completed": data.completed, "in_progress": data.in_progress,
                    "delayed": data.delayed, "mean_percent": data.mean_percent},
        "submissions": {k: counts.get(k, 0) for k in rd.SUBMISSION_STATES},
        "behind": [t.code for t in data.behind],
        "red": [t.code for t in data.red()],
    }


def quarterly(db: sqlite_utils.Database, plan_id: int, quarter: str, opts: ReportOptions | None) -> dict[str, Any]:
    from desktop_app.services import compute_warnings

    data = build_report.gather_quarterly(db, plan_id, quarter, opts)
    result = compute_warnings.compute(db, plan_id, quarter, data.as_of)
    counts = data.counts()
    return {
        "kind": "quarterly", "quarter": data.quarter, "as_of": data.as_of.isoformat(), "published": data.published,
        "counts": {lv: counts.get(lv, 0) for lv in ("red", "yellow", "green")},
        "warnings": [{"task": w.task_code, "department": w.department.code, "level": w.level, "rule": w.rule,
                      "status": w.explain.get("status") or read_models.NO_DATA,
                      "percent": w.explain.get("actual"), "period": w.explain.get("actual_period")}
                     for w in result.warnings],
    }


def annual(db: sqlite_utils.Database, plan_id: int, year: int, opts: ReportOptions | None) -> dict[str, Any]:
    data = build_report.gather_annual(db, plan_id, year, opts)
    measured = min(data.as_of, dt.date(year, 12, 31))
    facts_lines = build_report.task_lines(db, PlanFacts.load(db, plan_id), measured, data.as_of)
    places = data.decimals
    return {
        "kind": "annual", "year": data.year, "as_of": data.as_of.isoformat(), "locked": data.locked,
        "decimals": places,
        "rows": [{"rank": r.rank, "department": r.department.code, "progress": r.progress,
                  "reporting": r.reporting, "warnings": r.warnings, "evaluation": r.evaluation,
                  "adjustments": r.adjustments, "total": r.total, "total_text": f"{r.total:.{places}f}",
                  "grade": r.grade, "flags": r.flags} for r in data.rows],
        "grades": dict(data.grade_counts()),
        "tasks": [task_json(t) for t in facts_lines.values()],
    }


def department(db: sqlite_utils.Database, plan_id: int, dept: str, period: str,
               opts: ReportOptions | None) -> dict[str, Any]:
    data = build_report.gather_department(db, plan_id, dept, period, opts)
    return {"kind": "department", "department": data.department.code, "period": data.period,
            "tasks": [{**task_json(t), "role": t.role.value if t.role else None} for t in data.tasks]}


def report_figures(db: sqlite_utils.Database, plan_id: int, kind: str, *, period: str = "", quarter: str = "",
                   year: int | None = None, dept: str = "", opts: ReportOptions | None = None) -> dict[str, Any]:
    """The figures the ``kind`` report prints, as JSON-ready data."""
    need = build_report._need
    if kind == "monthly":
        data = build_report.gather_monthly(db, plan_id, need(period, "--period"), opts)
        facts = PlanFacts.load(db, plan_id)
        as_of = (opts.date if opts and opts.date else None) or data.meta.date
        lines = list(build_report.task_lines(db, facts, data.end, as_of).values())
        return monthly(data, lines)
    if kind == "quarterly":
        return quarterly(db, plan_id, need(quarter, "--quarter"), opts)
    if kind == "annual":
        return annual(db, plan_id, int(need(year, "--year")), opts)
    if kind == "department":
        return department(db, plan_id, need(dept, "--dept"), need(period, "--period"), opts)
    raise UsageError(msg("truth.unknown_report", kind=kind, kinds=", ".join(KINDS)))
