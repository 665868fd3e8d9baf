"""Read models: the one definition of a task's current status and percent, and the section roll-up.

Every view and document takes these figures from here — the ledger's status column (``ledger_rows``,
``plan show --json``), the dashboard (``section_figures``, ``dashboard --json``), the monthly bulletin,
the department sheets and the Excel exports (``build_report``); the quarterly warnings and the annual
assessment read the same ``PlanFacts.latest`` for each lead unit, so they agree task by task.

**A task's current progress** *measured on* a date ``on`` and *as known on* ``as_of`` (``on <= as_of``;
the ledger and dashboard use ``on = as_of = today``, a monthly bulletin the month's end, the warnings
the quarter's end, the assessment the year's end or the as-of date when earlier):

- it is the **lead unit's latest report** for the task: among the reports of the task's lead units
  (placeholder groups such as 各街镇 expanded to their members) for periods that started by ``on``
  and received by ``as_of``, the newest version of the report for the latest period; when several
  lead units reported for that same period, the first in assignment order;
- cooperating units' reports are listed beside it (``cooperating``), never instead of it — a task
  whose lead has not reported is "no data" even when a cooperating unit has;
- a task with no lead report is **no data** (``status == "no_data"``, ``percent is None``), never
  "on track", whatever its milestones say.

**The section roll-up** counts every task in its own section and in every section above it: tasks,
completed, in progress, delayed, not started, no data, and the mean percent, where a completed task
counts 100 %, a task with no data counts 0 % and the mean is rounded once, to ``PERCENT_DECIMALS``.
Tasks outside any section are rolled up under a section with id ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_app.domain.models import DeptRef, Role, Status
from desktop_app.services.clock import today
from desktop_app.services.plan_facts import PlanFacts
from desktop_app.store import ledger as store_ledger
from desktop_app.store import monitoring as store

NO_DATA = "no_data"
PERCENT_DECIMALS = 1           # section means are rounded to this many decimals, once, here
STATUSES = (*(s.value for s in Status), NO_DATA)


@dataclass(frozen=True)
class ReportRef:
    """One unit's latest report on a task (a cooperating unit's, shown beside the lead's)."""

    department: DeptRef
    period: str
    status: str
    percent: float | None

    def as_json(self) -> dict[str, Any]:
        return {"department": self.department.code, "period": self.period, "status": self.status,
                "percent": self.percent}


@dataclass(frozen=True)
class TaskCurrent:
    task_id: int
    code: str
    status: str                          # a Status value, or "no_data"
    percent: float | None                # None: no data
    period: str | None                   # the period of the lead's report
    reporter: DeptRef | None             # the lead unit whose report it is
    period_id: int | None = None
    reporter_id: int | None = None
    indicator: float | None = None
    cooperating: tuple[ReportRef, ...] = ()
    version: int | None = None            # the version of the lead's report (as known on the as-of date)

    @property
    def reported(self) -> bool:
        return self.status != NO_DATA

    @property
    def status_enum(self) -> Status | None:
        return None if self.status == NO_DATA else Status(self.status)

    @property
    def rollup_percent(self) -> float:
        """What the task adds to its section's mean: completed 100, no data 0, else its percent."""
        if self.status == Status.COMPLETED.value:
            return 100.0
        return float(self.percent or 0.0)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "status": self.status, "percent": self.percent, "period": self.period,
                "reporter": self.reporter.code if self.reporter else None,
                "cooperating": [c.as_json() for c in self.cooperating]}


Latest = Callable[[int, int], "store.ProgressRow | None"]


def current_progress(facts: PlanFacts, on: dt.date, as_of: dt.date,
                     latest: Latest | None = None) -> dict[int, TaskCurrent]:
    """task id → its current progress (see the module docstring), for every task of the plan.

    ``latest(task, department)`` is a unit's latest report; by default ``facts.latest`` (facts loaded
    with their progress), else ``store.latest_progress`` looked up (``load_current``)."""
    if latest is None:
        def latest(task_id: int, dept_id: int) -> store.ProgressRow | None:
            return facts.latest(task_id, dept_id, on, as_of)
    out: dict[int, TaskCurrent] = {}
    for task_id, task in facts.tasks.items():
        best: store.ProgressRow | None = None
        best_end: dt.date | None = None
        for dept_id in facts.holders(task_id, Role.LEAD):
            row = latest(task_id, dept_id)
            if row is None:
                continue
            end = facts.periods[row.period_id].end
            if best_end is None or end > best_end:     # strictly later: the first lead wins a tie
                best, best_end = row, end
        coop = []
        for dept_id in facts.holders(task_id, Role.COOPERATING):
            row = latest(task_id, dept_id)
            if row is not None:
                coop.append(ReportRef(facts.dept(dept_id), facts.periods[row.period_id].code, row.status,
                                      row.percent))
        if best is None:
            out[task_id] = TaskCurrent(task_id, task.code, NO_DATA, None, None, None, cooperating=tuple(coop))
        else:
            out[task_id] = TaskCurrent(task_id, task.code, best.status, best.percent,
                                       facts.periods[best.period_id].code, facts.dept(best.department_id),
                                       best.period_id, best.department_id, best.indicator, tuple(coop),
                                       best.version)
    return out


@dataclass
class SectionFigures:
    section_id: int | None               # None: the tasks outside any section
    parent_id: int | None
    depth: int                           # 0 = top level
    number: str
    title_zh: str
    title_en: str
    tasks: int = 0
    direct_tasks: int = 0                # tasks placed in this section itself (not in a sub-section)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    mean_percent: float = 0.0            # rounded to PERCENT_DECIMALS
    first_task: int | None = None
    _sum: float = field(default=0.0, repr=False)

    @property
    def completed(self) -> int:
        return self.counts[Status.COMPLETED.value]

    @property
    def no_data(self) -> int:
        return self.counts[NO_DATA]

    @property
    def reported(self) -> int:
        return self.tasks - self.no_data

    def title(self, lang: str) -> str:
        return self.title_en if lang.startswith("en") and self.title_en else self.title_zh

    def as_json(self) -> dict[str, Any]:
        return {"section_id": self.section_id, "parent_id": self.parent_id, "depth": self.depth,
                "number": self.number, "title": self.title_zh, "title_en": self.title_en, "tasks": self.tasks,
                "direct_tasks": self.direct_tasks,
                **{k: v for k, v in self.counts.items()}, "mean_percent": self.mean_percent}


def mean_percent(currents: list[TaskCurrent]) -> float:
    """The one roll-up of several tasks' percents (completed 100, no data 0), rounded once."""
    if not currents:
        return 0.0
    return round(sum(c.rollup_percent for c in currents) / len(currents), PERCENT_DECIMALS)


def status_counts(currents: list[TaskCurrent]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for c in currents:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def section_figures(facts: PlanFacts, current: dict[int, TaskCurrent]) -> list[SectionFigures]:
    """Every section of the plan (in plan order) with its roll-up; sections without tasks are kept."""
    nodes: dict[int | None, SectionFigures] = {}
    parents: dict[int, int | None] = {s.id: s.parent_id for s in facts.sections}
    for s in facts.sections:
        depth, p, guard = 0, s.parent_id, 0
        while p is not None and p in parents and guard < 50:
            depth, p, guard = depth + 1, parents[p], guard + 1
        nodes[s.id] = SectionFigures(s.id, s.parent_id, depth, s.number, s.title_zh, s.title_en)
    for task_id, task in sorted(facts.tasks.items(), key=lambda kv: (kv[1].seq, kv[0])):
        cur = current[task_id]
        sid = task.section_id if task.section_id in nodes else None
        if sid is None and None not in nodes:
            nodes[None] = SectionFigures(None, None, 0, "", "", "")
        nodes[sid].direct_tasks += 1
        chain: list[int | None] = [sid]
        guard = 0
        while chain[-1] is not None and parents.get(chain[-1]) is not None and guard < 50:
            chain.append(parents[chain[-1]])
            guard += 1
        for node_id in chain:
            node = nodes[node_id]
            node.tasks += 1
            node.counts[cur.status] = node.counts.get(cur.status, 0) + 1
            node._sum += cur.rollup_percent
            if node.first_task is None:
                node.first_task = task_id
    for node in nodes.values():
        node.mean_percent = round(node._sum / node.tasks, PERCENT_DECIMALS) if node.tasks else 0.0
    ordered = [nodes[s.id] for s in facts.sections]
    if None in nodes:
        ordered.append(nodes[None])
    return ordered


def load_current(db: sqlite_utils.Database, plan_id: int, on: dt.date,
                 as_of: dt.date) -> tuple[PlanFacts, dict[int, TaskCurrent]]:
    """The plan's facts (without progress rows) and every task's current progress, each unit's
    latest report chosen by the store in one query: the same answer as ``current_progress`` on fully
    loaded facts (a test checks it), without reading every version of every report."""
    facts = PlanFacts.load(db, plan_id, with_progress=False)
    rows = store.latest_progress(db, plan_id, on, as_of)
    return facts, current_progress(facts, on, as_of, lambda t, d: rows.get((t, d)))


# -- the ledger --------------------------------------------------------------------------------------
def ledger_current(db: sqlite_utils.Database, plan_id: int,
                   as_of: dt.date | None = None) -> dict[int, TaskCurrent]:
    as_of = as_of or today(db)
    return load_current(db, plan_id, as_of, as_of)[1]


def ledger_rows(db: sqlite_utils.Database, plan_id: int,
                as_of: dt.date | None = None) -> list[store_ledger.LedgerRow]:
    """The ledger's rows with each task's current status and percent (as of today by default)."""
    current = ledger_current(db, plan_id, as_of)
    return store_ledger.ledger_rows(db, plan_id, current={
        k: (c.status_enum, c.percent, c.period) for k, c in current.items() if c.reported})


def plan_json(db: sqlite_utils.Database, plan_id: int, as_of: dt.date | None = None) -> dict[str, Any]:
    """``plan show --json``: the plan with each task's current status, percent and the lead's period."""
    data = store_ledger.plan_json(db, plan_id)
    by_code = {c.code: c for c in ledger_current(db, plan_id, as_of).values()}
    for task in data["tasks"]:
        cur = by_code.get(task["code"])
        if cur is not None:
            task.update({"status": cur.status, "percent": cur.percent, "period": cur.period,
                         "reporter": cur.reporter.code if cur.reporter else None,
                         "cooperating_reports": [r.as_json() for r in cur.cooperating]})
    return data


# -- the dashboard ------------------------------------------------------------------------------------
def reporting_period(db: sqlite_utils.Database, plan_id: int, on: dt.date) -> tuple[str, dt.date] | None:
    """The period being reported now: the latest reporting period (month, else quarter) that has ended."""
    for kind in ("month", "quarter"):
        row = db.execute("SELECT code, due FROM period WHERE plan_id = ? AND kind = ? AND ends_on < ? "
                         "ORDER BY ends_on DESC LIMIT 1", [plan_id, kind, on.isoformat()]).fetchone()
        if row:
            return str(row[0]), dt.date.fromisoformat(row[1])
    return None


def default_quarter(quarters: list[tuple[str, dt.date, dt.date]], on: dt.date) -> str | None:
    """The latest quarter that has ended by ``on`` (the one to warn about), else the current one."""
    ended = [code for code, _start, end in quarters if end < on]
    if ended:
        return ended[-1]
    started = [code for code, start, _end in quarters if start <= on]
    return started[-1] if started else (quarters[0][0] if quarters else None)


def plan_quarters(db: sqlite_utils.Database, plan_id: int) -> list[tuple[str, dt.date, dt.date]]:
    return [(c, dt.date.fromisoformat(s), dt.date.fromisoformat(e)) for c, s, e in db.execute(
        "SELECT code, start, ends_on FROM period WHERE plan_id = ? AND kind = 'quarter' ORDER BY start",
        [plan_id]).fetchall()]


@dataclass
class DashboardFigures:
    """What the dashboard shows, computed once (the window and ``dashboard --json`` read this)."""

    today: dt.date
    tasks: list[TaskCurrent]
    sections: list[SectionFigures]
    overall: dict[str, Any]
    period: str | None = None
    period_due: dt.date | None = None
    expected: int = 0
    received: int = 0
    late: int = 0
    missing: list[str] = field(default_factory=list)        # department codes
    quarter: str | None = None
    warning_counts: dict[str, int] = field(default_factory=dict)
    red: list[tuple[str, str]] = field(default_factory=list)  # (task, department code)
    missing_depts: list[DeptRef] = field(default_factory=list, repr=False)     # for the window's names
    red_warnings: list[Any] = field(default_factory=list, repr=False)          # TaskWarning, for its titles

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "tasks": [t.as_json() for t in self.tasks],
            "sections": [s.as_json() for s in self.sections],
            "overall": self.overall,
            "submissions": {"period": self.period, "due": self.period_due.isoformat() if self.period_due else None,
                            "expected": self.expected, "received": self.received, "late": self.late,
                            "missing": self.missing},
            "warnings": {"quarter": self.quarter, "counts": self.warning_counts,
                         "red": [{"task": t, "department": d} for t, d in self.red]},
        }


def dashboard(db: sqlite_utils.Database, plan_id: int, on: dt.date | None = None, *,
              with_warnings: bool = True) -> DashboardFigures:
    from desktop_app.services import compute_warnings, submission_status

    on = on or today(db)
    facts, current = load_current(db, plan_id, on, on)
    ordered = [current[t] for t, _ in sorted(facts.tasks.items(), key=lambda kv: (kv[1].seq, kv[0]))]
    figures = DashboardFigures(on, ordered, section_figures(facts, current),
                               {"tasks": len(ordered), **status_counts(ordered),
                                "mean_percent": mean_percent(ordered)})
    period = reporting_period(db, plan_id, on)
    if period is not None:
        figures.period, figures.period_due = period
        status = submission_status.period_status(db, plan_id, figures.period)
        figures.expected = len(status.departments)
        figures.received = sum(1 for d in status.departments if d.status != "missing")
        figures.late = sum(1 for d in status.departments if d.status == "late")
        figures.missing = [d.department for d in status.missing()]
        by_code = {ref.code: ref for ref, _kind in facts.depts.values()}
        figures.missing_depts = [by_code.get(d.department, DeptRef(d.department, d.department_name))
                                 for d in status.missing()]
    figures.quarter = default_quarter(plan_quarters(db, plan_id), on)
    if with_warnings and figures.quarter:
        result = compute_warnings.compute(db, plan_id, figures.quarter, on)
        figures.warning_counts = result.counts
        figures.red_warnings = [w for w in result.warnings if w.level == "red"]
        figures.red = [(w.task_code, w.department.code) for w in figures.red_warnings]
    return figures
