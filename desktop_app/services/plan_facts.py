"""What the warning and assessment services know about a plan, loaded once per computation.

"As of" semantics, shared by both services: a computation made *as of* a date sees only reports
received by that date (so re-running it later gives the same answer), and measures expected
progress at the end of the quarter or year, or at the as-of date when that is earlier.

Reporting starts with the task (its start, else the plan's issue date): periods that end before
it are not expected. Reporting timeliness of a department in a reporting period: *missing* when it has no progress rows
for that period received by the as-of date, *late* when its first receipt (the accepted
submission's, or the row's own ``received_at`` for demo/manual entries) is after the period's due
date, else *on time*; a period not yet due by the as-of date is *not_due* unless something came in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils

from desktop_app.domain.calendar import HolidayCalendar, parse_period_code
from desktop_app.domain.expected import Expectation, Milestone, expected_progress
from desktop_app.domain.models import DeptRef, Period, PeriodKind, Role
from desktop_app.domain.warnings import PeriodReport, TargetFacts, TaskFacts
from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.store import monitoring as store
from desktop_app.store.ledger import EffectiveAssignment, SectionRow, effective_assignments, sections
from desktop_app.store.periods import PeriodRow, list_periods


def parse_quarter(code: str) -> Period:
    try:
        period = parse_period_code(code, HolidayCalendar())
    except ValueError as exc:
        raise UsageError(msg("core.not_a_quarter", code=code)) from exc
    if period.kind is not PeriodKind.QUARTER:
        raise UsageError(msg("core.not_a_quarter", code=code))
    return period


def quarters_of_year(year: int) -> list[Period]:
    return [parse_quarter(f"{year}Q{q}") for q in range(1, 5)]


@dataclass
class PlanFacts:
    plan: store.PlanRow
    tasks: dict[int, store.TaskRow]
    depts: dict[int, tuple[DeptRef, str]]
    assignments: list[EffectiveAssignment]
    milestones: dict[int, list[Milestone]]
    targets: dict[int, list[store.TargetRow]]
    periods: dict[int, PeriodRow]
    reporting_kind: str
    by_task_dept: dict[tuple[int, int], list[store.ProgressRow]] = field(default_factory=dict)
    by_dept_period: dict[tuple[int, int], list[store.ProgressRow]] = field(default_factory=dict)
    sections: list[SectionRow] = field(default_factory=list)
    # (task, role) → department ids in assignment order, built once: holders() used to scan every
    # assignment for every task (quadratic: 13 s of warnings at 300 departments × 200 tasks)
    _holders: dict[tuple[int, Role], list[int]] | None = field(default=None, repr=False)
    _reported: dict[int, set[int]] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, db: sqlite_utils.Database, plan_id: int, *, with_progress: bool = True) -> PlanFacts:
        """The plan's facts; ``with_progress=False`` leaves out the progress rows (the read models
        then ask the store for each unit's latest report only)."""
        plan = store.plan(db, plan_id)
        if plan is None:
            raise UsageError(msg("core.store.no_plan", plan=plan_id))
        facts = cls(plan=plan, tasks={t.id: t for t in store.tasks(db, plan_id)},
                    depts=store.departments(db), assignments=effective_assignments(db, plan_id),
                    milestones=store.milestones(db, plan_id), targets=store.targets(db, plan_id),
                    periods={p.id: p for p in list_periods(db, plan_id)},
                    reporting_kind="quarter" if plan.reporting == "quarterly" else "month",
                    sections=sections(db, plan_id))
        by_td: dict[tuple[int, int], list[store.ProgressRow]] = defaultdict(list)
        by_dp: dict[tuple[int, int], list[store.ProgressRow]] = defaultdict(list)
        for row in (store.progress(db, plan_id) if with_progress else ()):
            by_td[(row.task_id, row.department_id)].append(row)
            by_dp[(row.department_id, row.period_id)].append(row)
        facts.by_task_dept, facts.by_dept_period = dict(by_td), dict(by_dp)
        return facts

    # -- who holds what ------------------------------------------------------------------------
    def holders(self, task_id: int, role: Role) -> list[int]:
        """The departments holding ``task_id`` in ``role``, in assignment order (an index lookup)."""
        if self._holders is None:
            index: dict[tuple[int, Role], list[int]] = defaultdict(list)
            for a in self.assignments:
                index[(a.task_id, a.role)].append(a.department_id)
            self._holders = dict(index)
        return self._holders.get((task_id, role), [])

    def reported_in(self, dept_id: int, start: dt.date, end: dt.date, as_of: dt.date) -> bool:
        """Whether the department sent any report for a period within [start, end], received by ``as_of``."""
        if self._reported is None:
            seen: dict[int, set[int]] = defaultdict(set)
            for (dept, period_id), rows in self.by_dept_period.items():
                if rows:
                    seen[dept].add(period_id)
            self._reported = dict(seen)
        for period_id in self._reported.get(dept_id, ()):
            p = self.periods.get(period_id)
            if p is not None and start <= p.start and p.end <= end and any(
                    r.received <= as_of for r in self.by_dept_period[(dept_id, period_id)]):
                return True
        return False

    def dept(self, dept_id: int) -> DeptRef:
        return self.depts[dept_id][0]

    def assessed_departments(self) -> list[int]:
        """Every department holding a task of the plan (placeholder groups already expanded)."""
        ids = {a.department_id for a in self.assignments if self.depts[a.department_id][1] != "placeholder"}
        return sorted(ids, key=lambda i: self.dept(i).code)

    # -- expectations and reports --------------------------------------------------------------
    def expectation(self, task_id: int, on: dt.date) -> Expectation:
        t = self.tasks[task_id]
        return expected_progress(on, start=t.start, due=t.due, plan_issued_on=self.plan.issued_on,
                                 milestones=self.milestones.get(task_id, ()))

    def start_of(self, task_id: int) -> dt.date | None:
        return self.tasks[task_id].start or self.plan.issued_on

    def reporting_periods(self, start: dt.date, end: dt.date) -> list[PeriodRow]:
        return [p for p in self.periods.values()
                if p.kind == self.reporting_kind and p.start >= start and p.end <= end]

    def _visible(self, rows: list[store.ProgressRow], as_of: dt.date) -> list[store.ProgressRow]:
        return [r for r in rows if r.received <= as_of]

    def latest(self, task_id: int, dept_id: int, on: dt.date, as_of: dt.date) -> store.ProgressRow | None:
        """The newest report for the latest period that started by ``on``, received by ``as_of``."""
        rows = [r for r in self._visible(self.by_task_dept.get((task_id, dept_id), []), as_of)
                if self.periods[r.period_id].start <= on]
        if not rows:
            return None
        return max(rows, key=lambda r: (self.periods[r.period_id].end, r.version))

    def latest_indicator(self, task_id: int, dept_id: int, on: dt.date, as_of: dt.date) -> float | None:
        rows = [r for r in self._visible(self.by_task_dept.get((task_id, dept_id), []), as_of)
                if self.periods[r.period_id].start <= on and r.indicator is not None]
        if not rows:
            return None
        return max(rows, key=lambda r: (self.periods[r.period_id].end, r.version)).indicator

    @staticmethod
    def _timeliness(rows: list[store.ProgressRow], period: PeriodRow,
                    as_of: dt.date) -> tuple[str, dt.date | None]:
        seen = [r.received for r in rows if r.received <= as_of]
        first = min(seen) if seen else None
        if first is None:
            return ("not_due" if period.due > as_of else "missing"), None
        return ("late" if first > period.due else "on_time"), first

    def dept_period_status(self, dept_id: int, period: PeriodRow,
                           as_of: dt.date) -> tuple[str, dt.date | None]:
        return self._timeliness(self.by_dept_period.get((dept_id, period.id), []), period, as_of)

    def task_period_status(self, task_id: int, dept_id: int, period: PeriodRow,
                           as_of: dt.date) -> tuple[str, dt.date | None]:
        rows = [r for r in self.by_task_dept.get((task_id, dept_id), []) if r.period_id == period.id]
        return self._timeliness(rows, period, as_of)

    # -- the facts the warning rules look at ---------------------------------------------------
    def task_facts(self, task_id: int, lead_id: int, quarter: Period, as_of: dt.date) -> TaskFacts:
        t = self.tasks[task_id]
        measured = min(as_of, quarter.end)
        latest = self.latest(task_id, lead_id, measured, as_of)
        begin = self.start_of(task_id)
        reports = []
        for p in self.reporting_periods(quarter.start, quarter.end):
            if begin and p.end < begin:
                continue  # nothing to report before the task starts
            status, received = self.task_period_status(task_id, lead_id, p, as_of)
            reports.append(PeriodReport(p.code, p.due, status, received))
        targets = []
        for i, tg in enumerate(self.targets.get(task_id, [])):
            targets.append(TargetFacts(
                metric=tg.metric, unit=tg.unit, direction=tg.direction, baseline=tg.baseline, value=tg.value,
                path_start=dt.date(tg.baseline_year, 12, 31) if tg.baseline_year else begin,
                path_end=dt.date(tg.year, 12, 31) if tg.year else t.due,
                # a report carries one indicator value: it measures the task's first target
                indicator=self.latest_indicator(task_id, lead_id, measured, as_of) if i == 0 else None))
        coop = tuple(self.dept(d) for d in self.holders(task_id, Role.COOPERATING))
        return TaskFacts(
            task_code=t.code, title_zh=t.title_zh, title_en=t.title_en, department=self.dept(lead_id),
            cooperating=coop, quarter=quarter.code, as_of=as_of, measured_on=measured, due=t.due,
            expectation=self.expectation(task_id, measured),
            actual=latest.percent if latest else None,
            actual_period=self.periods[latest.period_id].code if latest else None,
            status=latest.status if latest else None, reports=tuple(reports), targets=tuple(targets))
