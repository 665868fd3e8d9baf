"""Reads and writes for early warning and assessment: plan facts, acknowledgements, snapshots,
evaluations and adjustments. Plain rows in, plain rows out; the services decide."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop_app.domain.expected import Milestone
from desktop_app.domain.models import DeptRef
from desktop_app.services.clock import now_stamp


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


@dataclass(frozen=True)
class PlanRow:
    id: int
    title_zh: str
    issued_on: dt.date | None
    reporting: str            # 'monthly' | 'quarterly'


@dataclass(frozen=True)
class TaskRow:
    id: int
    code: str
    seq: int
    title_zh: str
    title_en: str
    start: dt.date | None
    due: dt.date | None
    section_id: int | None = None


@dataclass(frozen=True)
class TargetRow:
    task_id: int
    metric: str
    unit: str
    baseline: float | None
    baseline_year: int | None
    value: float | None
    year: int | None
    direction: str


@dataclass(frozen=True)
class ProgressRow:
    task_id: int
    department_id: int
    period_id: int
    version: int
    status: str
    percent: float | None
    indicator: float | None
    received: dt.date         # the accepted submission's receipt, else the row's own received_at


def plan(db: sqlite_utils.Database, plan_id: int) -> PlanRow | None:
    row = db.execute("SELECT id, title_zh, issued_on, reporting FROM plan WHERE id = ?", [plan_id]).fetchone()
    return PlanRow(row[0], row[1], _date(row[2]), row[3]) if row else None


def tasks(db: sqlite_utils.Database, plan_id: int) -> list[TaskRow]:
    return [TaskRow(r[0], r[1], r[2], r[3], r[4], _date(r[5]), _date(r[6]), r[7]) for r in db.execute(
        "SELECT id, code, seq, title_zh, title_en, start_date, due_date, section_id FROM task WHERE plan_id = ? "
        "ORDER BY seq, id", [plan_id]).fetchall()]


def milestones(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[Milestone]]:
    out: dict[int, list[Milestone]] = {}
    for task_id, day, pct in db.execute(
            "SELECT m.task_id, m.date, m.expected_percent FROM milestone m JOIN task t ON t.id = m.task_id "
            "WHERE t.plan_id = ? ORDER BY m.task_id, m.date", [plan_id]).fetchall():
        out.setdefault(task_id, []).append(Milestone(dt.date.fromisoformat(day), float(pct)))
    return out


def targets(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[TargetRow]]:
    out: dict[int, list[TargetRow]] = {}
    for r in db.execute(
            "SELECT task_id, metric, unit, baseline, baseline_year, value, year, direction FROM target "
            "WHERE plan_id = ? AND task_id IS NOT NULL ORDER BY task_id, seq, id", [plan_id]).fetchall():
        out.setdefault(r[0], []).append(TargetRow(*r))
    return out


def departments(db: sqlite_utils.Database) -> dict[int, tuple[DeptRef, str]]:
    """id → (reference, kind)."""
    return {r[0]: (DeptRef(r[1], r[2], r[3]), r[4])
            for r in db.execute("SELECT id, code, name_zh, name_en, kind FROM department").fetchall()}


def task_id(db: sqlite_utils.Database, plan_id: int, code: str) -> int | None:
    row = db.execute("SELECT id FROM task WHERE plan_id = ? AND code = ?", [plan_id, code]).fetchone()
    return int(row[0]) if row else None


def task_ids(db: sqlite_utils.Database, plan_id: int) -> dict[str, int]:
    return {r[1]: int(r[0]) for r in db.execute("SELECT id, code FROM task WHERE plan_id = ?", [plan_id])}


def progress(db: sqlite_utils.Database, plan_id: int) -> list[ProgressRow]:
    """Every version of every progress row of the plan, with its receipt date."""
    rows = db.execute(
        "SELECT p.task_id, p.department_id, p.period_id, p.version, p.status, p.percent, p.indicator, "
        "       COALESCE(s.received_at, p.received_at) "
        "FROM progress p JOIN period pe ON pe.id = p.period_id "
        "LEFT JOIN submission s ON s.id = p.submission_id AND s.status = 'accepted' "
        "WHERE pe.plan_id = ?", [plan_id]).fetchall()
    return [ProgressRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], dt.date.fromisoformat(r[7][:10]))
            for r in rows]


def latest_progress(db: sqlite_utils.Database, plan_id: int, on: dt.date,
                    as_of: dt.date) -> dict[tuple[int, int], ProgressRow]:
    """(task, department) → its newest report for the latest period that started by ``on``, among
    the versions received by ``as_of`` — what ``PlanFacts.latest`` picks, chosen inside the database
    (one pass, standard window function) so the ledger does not load every version of every row."""
    rows = db.execute(
        "SELECT task_id, department_id, period_id, version, status, percent, indicator, received FROM ("
        "  SELECT p.task_id, p.department_id, p.period_id, p.version, p.status, p.percent, p.indicator, "
        "         COALESCE(s.received_at, p.received_at) AS received, "
        "         ROW_NUMBER() OVER (PARTITION BY p.task_id, p.department_id "
        "                            ORDER BY pe.ends_on DESC, p.version DESC) AS newest "
        "  FROM progress p JOIN period pe ON pe.id = p.period_id "
        "  LEFT JOIN submission s ON s.id = p.submission_id AND s.status = 'accepted' "
        "  WHERE pe.plan_id = ? AND pe.start <= ? "
        "    AND substr(COALESCE(s.received_at, p.received_at), 1, 10) <= ?"
        ") ranked WHERE newest = 1", [plan_id, on.isoformat(), as_of.isoformat()]).fetchall()
    return {(r[0], r[1]): ProgressRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], dt.date.fromisoformat(r[7][:10]))
            for r in rows}


# -- acknowledgements and snapshots -----------------------------------------------------------

def acks(db: sqlite_utils.Database, plan_id: int, quarter: str) -> dict[tuple[int, int], tuple[str, str]]:
    return {(r[0], r[1]): (r[2], r[3]) for r in db.execute(
        "SELECT task_id, department_id, note, acked_at FROM warning_ack WHERE plan_id = ? AND quarter = ?",
        [plan_id, quarter]).fetchall()}


def upsert_ack(db: sqlite_utils.Database, plan_id: int, quarter: str, task: int, dept: int, note: str) -> None:
    db.execute("INSERT INTO warning_ack (plan_id, quarter, task_id, department_id, note, acked_at) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, quarter, task_id, department_id) "
               "DO UPDATE SET note = excluded.note, acked_at = excluded.acked_at",
               [plan_id, quarter, task, dept, note, now_stamp()])


# A snapshot table: (key column, time column, settings column).
_SNAPSHOTS = {
    "warning_snapshot": ("quarter", "published_at", "rules_json"),
    "assessment_snapshot": ("year", "locked_at", "scheme_json"),
}


def _snapshot(db: sqlite_utils.Database, table: str, plan_id: int, key: object) -> dict[str, Any] | None:
    key_col, at_col, settings_col = _SNAPSHOTS[table]
    row = db.execute(f"SELECT as_of, {at_col}, {settings_col}, result_json FROM {table} "
                     f"WHERE plan_id = ? AND {key_col} = ?", [plan_id, key]).fetchone()
    if not row:
        return None
    return {"as_of": row[0], "at": row[1], "settings": json.loads(row[2]), "result": json.loads(row[3])}


def _insert_snapshot(db: sqlite_utils.Database, table: str, plan_id: int, key: object, as_of: dt.date,
                     settings: dict[str, Any], result: dict[str, Any]) -> str:
    key_col, at_col, settings_col = _SNAPSHOTS[table]
    at = now_stamp()
    db.execute(f"INSERT INTO {table} (plan_id, {key_col}, as_of, {at_col}, {settings_col}, result_json) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               [plan_id, key, as_of.isoformat(), at, json.dumps(settings, ensure_ascii=False),
                json.dumps(result, ensure_ascii=False)])
    return at


def warning_snapshot(db: sqlite_utils.Database, plan_id: int, quarter: str) -> dict[str, Any] | None:
    """A published quarter: as_of, at (published), settings (the rules), result."""
    return _snapshot(db, "warning_snapshot", plan_id, quarter)


def insert_warning_snapshot(db: sqlite_utils.Database, plan_id: int, quarter: str, as_of: dt.date,
                            rules: dict[str, Any], result: dict[str, Any]) -> str:
    return _insert_snapshot(db, "warning_snapshot", plan_id, quarter, as_of, rules, result)


def assessment_snapshot(db: sqlite_utils.Database, plan_id: int, year: int) -> dict[str, Any] | None:
    """A locked year: as_of, at (locked), settings (the scheme), result."""
    return _snapshot(db, "assessment_snapshot", plan_id, year)


def insert_assessment_snapshot(db: sqlite_utils.Database, plan_id: int, year: int, as_of: dt.date,
                               scheme: dict[str, Any], result: dict[str, Any]) -> str:
    return _insert_snapshot(db, "assessment_snapshot", plan_id, year, as_of, scheme, result)


# -- evaluations and adjustments -------------------------------------------------------------

def evaluations(db: sqlite_utils.Database, plan_id: int, year: int) -> dict[int, tuple[float, str]]:
    return {r[0]: (float(r[1]), r[2]) for r in db.execute(
        "SELECT department_id, score, note FROM evaluation WHERE plan_id = ? AND year = ?",
        [plan_id, year]).fetchall()}


def set_evaluation(db: sqlite_utils.Database, plan_id: int, year: int, dept: int, score: float | None,
                   note: str) -> None:
    if score is None:
        db.execute("DELETE FROM evaluation WHERE plan_id = ? AND year = ? AND department_id = ?",
                   [plan_id, year, dept])
        return
    db.execute("INSERT INTO evaluation (plan_id, year, department_id, score, note) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT (plan_id, year, department_id) DO UPDATE SET score = excluded.score, "
               "note = excluded.note", [plan_id, year, dept, score, note])


@dataclass(frozen=True)
class AdjustmentRow:
    id: int
    department_id: int
    points: float
    reason: str
    created_at: str


def adjustments(db: sqlite_utils.Database, plan_id: int, year: int) -> list[AdjustmentRow]:
    return [AdjustmentRow(r[0], r[1], float(r[2]), r[3], r[4]) for r in db.execute(
        "SELECT id, department_id, points, reason, created_at FROM adjustment WHERE plan_id = ? AND year = ? "
        "ORDER BY id", [plan_id, year]).fetchall()]


def adjustment(db: sqlite_utils.Database, adjustment_id: int) -> tuple[int, int, int, float, str] | None:
    """(plan_id, year, department_id, points, reason) of one entry."""
    row = db.execute("SELECT plan_id, year, department_id, points, reason FROM adjustment WHERE id = ?",
                     [adjustment_id]).fetchone()
    return (int(row[0]), int(row[1]), int(row[2]), float(row[3]), row[4]) if row else None


def add_adjustment(db: sqlite_utils.Database, plan_id: int, year: int, dept: int, points: float,
                   reason: str) -> int:
    return int(db.execute("INSERT INTO adjustment (plan_id, year, department_id, points, reason, created_at) "
                          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          [plan_id, year, dept, points, reason, now_stamp()]).fetchone()[0])


def delete_adjustment(db: sqlite_utils.Database, adjustment_id: int) -> None:
    db.execute("DELETE FROM adjustment WHERE id = ?", [adjustment_id])
