"""Annual assessment: compute a year as of a date, enter evaluations and adjustments, lock the year.

A locked year returns its snapshot (with the scheme it was computed with) and refuses edits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_app.config import load_rules, load_scheme
from desktop_app.domain.models import ChangeSummary, Role, Status
from desktop_app.domain.scoring import (
    AdjustmentItem,
    DepartmentInput,
    DepartmentScore,
    ReportingPeriod,
    Scheme,
    TaskProgress,
    WarningItem,
    assess,
    grade_distribution,
)
from desktop_app.domain.warnings import RuleSet
from desktop_app.errors import PeakDeskError, UsageError
from desktop_app.messages import msg
from desktop_app.services.clock import today
from desktop_app.services.compute_warnings import evaluate_quarter, from_snapshot
from desktop_app.services.plan_facts import PlanFacts, quarters_of_year
from desktop_app.store import audit, departments
from desktop_app.store import monitoring as store
from desktop_app.store.db import write_tx


class YearLocked(PeakDeskError):
    pass


@dataclass
class AssessmentResult:
    plan_id: int
    year: int
    as_of: dt.date
    measured_on: dt.date
    departments: list[DepartmentScore]
    scheme: Scheme
    quarters: list[dict[str, Any]] = field(default_factory=list)   # which quarters' warnings counted
    locked: bool = False
    locked_at: str = ""

    @property
    def distribution(self) -> dict[str, int]:
        return grade_distribution(self.departments, self.scheme)

    def department(self, code: str) -> DepartmentScore | None:
        return next((d for d in self.departments if d.department.code == code), None)

    def to_json(self, lang: str = "en") -> list[dict[str, Any]]:
        return [d.to_json(lang) for d in self.departments]

    def to_dict(self) -> dict[str, Any]:
        return {"measured_on": self.measured_on.isoformat(), "quarters": self.quarters,
                "departments": [d.to_dict() for d in self.departments]}


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise UsageError(msg("core.assessment_year", year=year))


def gather_inputs(db: sqlite_utils.Database, facts: PlanFacts, year: int, as_of: dt.date,
                  rules: RuleSet) -> tuple[list[DepartmentInput], list[dict[str, Any]]]:
    """Everything the scheme scores, per department, as of ``as_of``."""
    plan_id = facts.plan.id
    measured = min(as_of, dt.date(year, 12, 31))
    inputs = {d: DepartmentInput(facts.dept(d)) for d in facts.assessed_departments()}
    # a department that sent no report for the year is flagged and ranks after those that did
    for dept_id, inp in inputs.items():
        inp.reported = facts.reported_in(dept_id, dt.date(year, 1, 1), dt.date(year, 12, 31), as_of)

    # progress: every task the department holds, at the measuring date
    for a in facts.assignments:
        if a.department_id not in inputs:
            continue
        expectation = facts.expectation(a.task_id, measured)
        own = facts.latest(a.task_id, a.department_id, measured, as_of)
        row, source = own, "own"
        if row is None and a.role == Role.COOPERATING:
            leads = facts.holders(a.task_id, Role.LEAD)
            row = next((r for r in (facts.latest(a.task_id, lead, measured, as_of) for lead in leads) if r), None)
            source = "lead"
        inputs[a.department_id].tasks.append(TaskProgress(
            task_code=facts.tasks[a.task_id].code, role=a.role.value, actual=row.percent if row else None,
            expected=expectation.percent, completed=bool(row and row.status == Status.COMPLETED.value),
            source=source if row else "none"))

    # reporting: every reporting period of the year that was due by the as-of date, from the
    # earliest start among the department's tasks
    first_start: dict[int, dt.date | None] = {}
    for a in facts.assignments:
        start = facts.start_of(a.task_id)
        known = first_start.get(a.department_id, start)
        first_start[a.department_id] = min(start, known) if start and known else None
    for p in facts.reporting_periods(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        if p.due > as_of:
            continue
        for dept_id, inp in inputs.items():
            begin = first_start.get(dept_id)
            if begin and p.end < begin:
                continue
            status, _received = facts.dept_period_status(dept_id, p, as_of)
            inp.reporting.append(ReportingPeriod(p.code, status))

    # warnings: lead tasks in each quarter that has ended by the as-of date (or been published)
    quarters: list[dict[str, Any]] = []
    dept_by_code = {facts.dept(d).code: d for d in inputs}
    for q in quarters_of_year(year):
        snap = store.warning_snapshot(db, plan_id, q.code)
        if snap is not None:
            result = from_snapshot(plan_id, q.code, snap)
        elif q.end <= as_of:
            result = evaluate_quarter(facts, q.code, as_of, rules)
        else:
            continue
        quarters.append({"quarter": q.code, "published": snap is not None, "counts": result.counts})
        for w in result.warnings:
            holder = dept_by_code.get(w.department.code)
            if holder is not None:
                inputs[holder].warnings.append(WarningItem(q.code, w.task_code, w.level))

    for dept_id, (score, note) in store.evaluations(db, plan_id, year).items():
        if dept_id in inputs:
            inputs[dept_id].evaluation, inputs[dept_id].evaluation_note = score, note
    for adj in store.adjustments(db, plan_id, year):
        if adj.department_id in inputs:
            inputs[adj.department_id].adjustments.append(AdjustmentItem(adj.id, adj.points, adj.reason))
    return list(inputs.values()), quarters


def _from_snapshot_year(plan_id: int, year: int, snap: dict[str, Any]) -> AssessmentResult:
    r = snap["result"]
    return AssessmentResult(plan_id, year, dt.date.fromisoformat(snap["as_of"]),
                            dt.date.fromisoformat(r["measured_on"]),
                            [DepartmentScore.from_dict(d) for d in r["departments"]],
                            Scheme.from_json(snap["settings"]), r["quarters"], locked=True,
                            locked_at=snap["at"])


def compute(db: sqlite_utils.Database, plan_id: int, year: int, as_of: dt.date | None = None, *,
            scheme: Scheme | None = None, rules: RuleSet | None = None) -> AssessmentResult:
    """The year's assessment: its snapshot when locked, else computed as of ``as_of`` (default today)."""
    _check_year(year)
    snap = store.assessment_snapshot(db, plan_id, year)
    if snap is not None:
        return _from_snapshot_year(plan_id, year, snap)
    return _compute_live(db, plan_id, year, as_of or today(db), scheme or load_scheme(), rules or load_rules())


def _compute_live(db: sqlite_utils.Database, plan_id: int, year: int, as_of: dt.date, scheme: Scheme,
                  rules: RuleSet) -> AssessmentResult:
    facts = PlanFacts.load(db, plan_id)
    inputs, quarters = gather_inputs(db, facts, year, as_of, rules)
    return AssessmentResult(plan_id, year, as_of, min(as_of, dt.date(year, 12, 31)), assess(inputs, scheme),
                            scheme, quarters)


def _refuse_if_locked(db: sqlite_utils.Database, plan_id: int, year: int) -> None:
    snap = store.assessment_snapshot(db, plan_id, year)
    if snap is not None:
        raise YearLocked(msg("core.year_locked", year=year, at=snap["at"]))


def _dept_id(db: sqlite_utils.Database, code: str) -> int:
    dept_id = departments.id_for_code(db, code)
    if dept_id is None:
        raise UsageError(msg("core.store.no_department", code=code))
    return dept_id


def set_evaluation(db: sqlite_utils.Database, plan_id: int, year: int, department_code: str,
                   score: float | None, note: str = "", *, scheme: Scheme | None = None) -> ChangeSummary:
    """Enter (or with ``score=None`` clear) the coordinator's evaluation of a department."""
    _check_year(year)
    scheme = scheme or load_scheme()
    if score is not None and not 0 <= score <= scheme.evaluation_max:
        raise UsageError(msg("core.evaluation_range", max=f"{scheme.evaluation_max:g}", score=f"{score:g}"))
    dept_id = _dept_id(db, department_code)
    with write_tx(db):
        _refuse_if_locked(db, plan_id, year)
        store.set_evaluation(db, plan_id, year, dept_id, score, note)
        audit.log(db, "assessment.evaluate", "evaluation", f"{plan_id}/{year}/{department_code}",
                    {"score": score, "note": note})
    return ChangeSummary(assessment=True, details={"year": year, "department": department_code})


def add_adjustment(db: sqlite_utils.Database, plan_id: int, year: int, department_code: str, points: float,
                   reason: str, *, scheme: Scheme | None = None) -> tuple[int, ChangeSummary]:
    """An itemised bonus (positive) or deduction (negative) with its reason."""
    _check_year(year)
    scheme = scheme or load_scheme()
    limit = scheme.adjustment_item_limit
    if not -limit <= points <= limit or points == 0:
        raise UsageError(msg("core.adjustment_range", limit=f"{limit:g}", points=f"{points:g}"))
    if not reason.strip():
        raise UsageError(msg("core.adjustment_reason"))
    dept_id = _dept_id(db, department_code)
    with write_tx(db):
        _refuse_if_locked(db, plan_id, year)
        new_id = store.add_adjustment(db, plan_id, year, dept_id, points, reason.strip())
        audit.log(db, "assessment.adjust", "adjustment", str(new_id),
                    {"year": year, "department": department_code, "points": points, "reason": reason})
    return new_id, ChangeSummary(assessment=True, details={"year": year, "adjustment": new_id})


def remove_adjustment(db: sqlite_utils.Database, adjustment_id: int) -> ChangeSummary:
    row = store.adjustment(db, adjustment_id)
    if row is None:
        raise UsageError(msg("core.no_adjustment", id=adjustment_id))
    plan_id, year, _dept, points, reason = row
    with write_tx(db):
        _refuse_if_locked(db, plan_id, year)
        store.delete_adjustment(db, adjustment_id)
        audit.log(db, "assessment.adjust.remove", "adjustment", str(adjustment_id),
                    {"year": year, "points": points, "reason": reason})
    return ChangeSummary(assessment=True, details={"year": year, "adjustment": adjustment_id})


def lock(db: sqlite_utils.Database, plan_id: int, year: int, as_of: dt.date | None = None, *,
         scheme: Scheme | None = None, rules: RuleSet | None = None) -> tuple[AssessmentResult, ChangeSummary]:
    """Freeze the year's scores together with the scheme that produced them."""
    _check_year(year)
    with write_tx(db):
        _refuse_if_locked(db, plan_id, year)
        result = _compute_live(db, plan_id, year, as_of or today(db), scheme or load_scheme(),
                               rules or load_rules())
        result.locked_at = store.insert_assessment_snapshot(db, plan_id, year, result.as_of,
                                                            result.scheme.to_json(), result.to_dict())
        result.locked = True
        audit.log(db, "assessment.lock", "assessment_snapshot", f"{plan_id}/{year}",
                    {"as_of": result.as_of.isoformat(), "distribution": result.distribution})
    return result, ChangeSummary(assessment=True, details={"year": year, "locked": True})
