"""Quarterly early warning: compute, acknowledge, publish (freeze) a quarter.

A published quarter returns the warnings frozen when it was published, so later edits to progress,
rules or the ledger do not rewrite a circular already sent. Acknowledgements are kept beside the
warnings and shown on both live and published quarters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_app.config import load_rules
from desktop_app.domain.models import ChangeSummary, Role
from desktop_app.domain.warnings import LEVELS, RuleSet, TaskWarning, evaluate, level_counts
from desktop_app.errors import PeakDeskError, UsageError
from desktop_app.messages import msg
from desktop_app.services.clock import today
from desktop_app.services.plan_facts import PlanFacts, parse_quarter
from desktop_app.store import audit, departments
from desktop_app.store import monitoring as store
from desktop_app.store.db import write_tx


@dataclass
class WarningsResult:
    plan_id: int
    quarter: str
    as_of: dt.date
    measured_on: dt.date
    warnings: list[TaskWarning]
    rules: dict[str, Any]
    published: bool = False
    published_at: str = ""
    unassigned: list[str] = field(default_factory=list)   # task codes without a lead unit

    @property
    def counts(self) -> dict[str, int]:
        return level_counts(self.warnings)

    def filter(self, level: str | None = None, department: str | None = None) -> list[TaskWarning]:
        return [w for w in self.warnings
                if (level is None or w.level == level) and (department is None or w.department.code == department)]

    def to_json(self, lang: str = "en") -> list[dict[str, Any]]:
        return [w.to_json(lang) for w in self.warnings]


def _sort_key(w: TaskWarning) -> tuple[int, str, str]:
    return (-LEVELS.index(w.level), w.department.code, w.task_code)


def evaluate_quarter(facts: PlanFacts, quarter: str, as_of: dt.date, rules: RuleSet) -> WarningsResult:
    """Live warnings from already-loaded facts (used by the assessment too)."""
    q = parse_quarter(quarter)
    out: list[TaskWarning] = []
    unassigned: list[str] = []
    for task_id, task in facts.tasks.items():
        leads = facts.holders(task_id, Role.LEAD)
        if not leads:
            unassigned.append(task.code)
            continue
        for lead in leads:
            out.append(evaluate(facts.task_facts(task_id, lead, q, as_of), rules))
    out.sort(key=_sort_key)
    return WarningsResult(facts.plan.id, q.code, as_of, min(as_of, q.end), out, rules.to_json(),
                          unassigned=unassigned)


def from_snapshot(plan_id: int, quarter: str, snap: dict[str, Any]) -> WarningsResult:
    result = snap["result"]
    as_of = dt.date.fromisoformat(snap["as_of"])
    return WarningsResult(plan_id, quarter, as_of, dt.date.fromisoformat(result["measured_on"]),
                          [TaskWarning.from_dict(w) for w in result["warnings"]], snap["settings"],
                          published=True, published_at=snap["at"],
                          unassigned=list(result.get("unassigned", [])))


def _overlay_acks(db: sqlite_utils.Database, result: WarningsResult) -> WarningsResult:
    acks = store.acks(db, result.plan_id, result.quarter)
    if not acks:
        return result
    ids = store.task_ids(db, result.plan_id)
    dept_ids = {ref.code: i for i, (ref, _kind) in store.departments(db).items()}
    for w in result.warnings:
        key = (ids.get(w.task_code), dept_ids.get(w.department.code))
        if key[0] is not None and key[1] is not None and key in acks:
            w.acknowledged = True
            w.ack_note, w.acked_at = acks[key]
    return result


def compute(db: sqlite_utils.Database, plan_id: int, quarter: str, as_of: dt.date | None = None, *,
            rules: RuleSet | None = None) -> WarningsResult:
    """The quarter's warnings: its snapshot when published, else computed as of ``as_of`` (default today)."""
    q = parse_quarter(quarter)
    snap = store.warning_snapshot(db, plan_id, q.code)
    if snap is not None:
        return _overlay_acks(db, from_snapshot(plan_id, q.code, snap))
    as_of = as_of or today(db)
    result = evaluate_quarter(PlanFacts.load(db, plan_id), q.code, as_of, rules or load_rules())
    return _overlay_acks(db, result)


def acknowledge(db: sqlite_utils.Database, plan_id: int, quarter: str, task_code: str, department_code: str,
                note: str = "") -> ChangeSummary:
    """Record that the coordinator has seen a warning (again = replace the note)."""
    q = parse_quarter(quarter)
    task_id = store.task_id(db, plan_id, task_code)
    if task_id is None:
        raise UsageError(msg("core.no_task", plan=plan_id, code=task_code))
    dept_id = departments.id_for_code(db, department_code)
    if dept_id is None:
        raise UsageError(msg("core.store.no_department", code=department_code))
    if len(note) > 2000:
        raise UsageError(msg("core.note_too_long"))
    with write_tx(db):
        store.upsert_ack(db, plan_id, q.code, task_id, dept_id, note)
        audit.log(db, "warning.ack", "warning", f"{plan_id}/{q.code}/{task_code}/{department_code}",
                    {"note": note})
    return ChangeSummary(warnings=True, details={"quarter": q.code, "task": task_code,
                                                  "department": department_code})


class AlreadyPublished(PeakDeskError):
    pass


def publish(db: sqlite_utils.Database, plan_id: int, quarter: str, as_of: dt.date | None = None, *,
            rules: RuleSet | None = None) -> tuple[WarningsResult, ChangeSummary]:
    """Freeze the quarter's warnings as they are now; later edits no longer change them."""
    q = parse_quarter(quarter)
    with write_tx(db):
        snap = store.warning_snapshot(db, plan_id, q.code)
        if snap is not None:
            raise AlreadyPublished(msg("core.already_published", quarter=q.code, at=snap["at"]))
        as_of = as_of or today(db)
        result = evaluate_quarter(PlanFacts.load(db, plan_id), q.code, as_of, rules or load_rules())
        payload = {"measured_on": result.measured_on.isoformat(), "counts": result.counts,
                   "unassigned": result.unassigned, "warnings": [w.to_dict() for w in result.warnings]}
        result.published_at = store.insert_warning_snapshot(db, plan_id, q.code, as_of, result.rules, payload)
        result.published = True
        audit.log(db, "warning.publish", "warning_snapshot", f"{plan_id}/{q.code}",
                    {"as_of": as_of.isoformat(), "counts": result.counts})
    return _overlay_acks(db, result), ChangeSummary(warnings=True, details={"quarter": q.code, "published": True})
