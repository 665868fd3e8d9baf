"""The demo database: the Jiading plan with a deterministic 2025 reporting history.

Everything is generated from ``data/jiading_demo.json`` and a fixed random seed, and the database
pins its own "today" (``meta.demo_today`` = 2025-10-20), so every figure the demo shows is the same
on every machine and every day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.domain.calendar import periods_for_year
from desktop_app.domain.models import DeptKind, Direction, PeriodKind, Status, Target
from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, PlanDraft
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.paths import DATA_DIR
from desktop_app.store import departments, ledger, meta, periods
from desktop_app.store import progress as progress_store
from desktop_app.store.db import checkpoint, open_database, write_tx

DEMO_TODAY = dt.date(2025, 10, 20)
DEMO_YEAR = 2025
SEED = 20251020
REPORTED_MONTHS = range(1, 10)       # January–September 2025

Progress = Callable[[int, int, str], None]

SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗"
GIVEN = ["敏", "伟", "静", "磊", "婷", "军", "丽", "强", "芳", "洋", "艳", "杰", "娟", "涛", "霞", "斌"]


def load_demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "jiading_demo.json").read_text(encoding="utf-8"))
    return data


def _draft(data: dict[str, Any]) -> PlanDraft:
    plan = data["plan"]
    depts = {d["code"]: d for d in data["departments"]}
    keys = [s["key"] for s in data["sections"]]
    sections = [DraftSection(number=s["number"], title=s["title_zh"], title_en=s.get("title_en", ""),
                             level=1 if s.get("parent") is None else 2,
                             parent=keys.index(s["parent"]) if s.get("parent") else None)
                for s in data["sections"]]

    def unit(code: str) -> DraftUnit:
        d = depts[code]
        return DraftUnit(name=d["name_zh"], code=code, name_zh=d["name_zh"], name_en=d["name_en"],
                         kind=DeptKind(d["kind"]))

    def target(t: dict[str, Any]) -> Target:
        return Target(value=t.get("value"), unit=t.get("unit", ""), year=t.get("year"),
                      direction=Direction(t.get("direction", "at_least")), text=t.get("text", ""),
                      metric=t.get("metric", ""))

    tasks = []
    for i, t in enumerate(data["tasks"]):
        tasks.append(DraftTask(
            code=t["code"], section=keys.index(t["section"]), title=t["title_zh"], title_en=t.get("title_en", ""),
            text=t.get("text_zh", ""), text_en=t.get("text_en", ""), lead=unit(t["lead"]),
            cooperating=[unit(c) for c in t.get("cooperating", [])], targets=[target(x) for x in t.get("targets", [])],
            start=dt.date(DEMO_YEAR, 1, 1), due=_demo_due(i)))
    return PlanDraft(title=plan["title_zh"], title_en=plan.get("title_en", ""), region=plan.get("region", ""),
                     issuer=plan.get("issuer", ""), issued_on=dt.date.fromisoformat(plan["issued_on"]),
                     sections=sections, tasks=tasks, objectives=[target(o) for o in data.get("objectives", [])],
                     source_name="jiading_demo.json")


def _demo_due(index: int) -> dt.date:
    """The 2025 ledger: most tasks run to year end; a few were due mid-year (some of them overdue now)."""
    if index % 13 == 4:
        return dt.date(DEMO_YEAR, 6, 30)
    if index % 11 == 7:
        return dt.date(DEMO_YEAR, 9, 30)
    return dt.date(DEMO_YEAR, 12, 31)


@dataclass
class DemoResult:
    path: Path
    plan_id: int
    tasks: int
    departments: int
    progress_rows: int


# How departments behave when reporting: (share of months late, months missing).
def _reporting_habit(rng: random.Random) -> tuple[float, set[int]]:
    roll = rng.random()
    if roll < 0.55:
        return 0.0, set()                          # always on time
    if roll < 0.80:
        return 0.25, set()                         # sometimes late
    if roll < 0.92:
        return 0.4, {rng.choice([3, 5, 7])}        # late and one month missing
    return 0.2, {9}                                # has not sent September yet


def _trajectory(rng: random.Random, due: dt.date) -> tuple[str, list[float]]:
    """A task-department's percent at the end of each reported month."""
    roll = rng.random()
    if roll < 0.15:
        profile, final = "ahead", 100.0
    elif roll < 0.62:
        profile, final = "on_track", rng.uniform(68, 82)
    elif roll < 0.80:
        profile, final = "behind", rng.uniform(48, 60)
    elif roll < 0.92:
        profile, final = "far_behind", rng.uniform(15, 40)
    else:
        profile, final = "delayed", rng.uniform(30, 55)
    months = len(REPORTED_MONTHS)
    if profile == "ahead":
        done_month = rng.randint(5, 9)
        values = [min(100.0, 100.0 * m / done_month) for m in range(1, months + 1)]
    else:
        values = [final * m / months for m in range(1, months + 1)]
    jitter = [max(0.0, min(100.0, v + rng.uniform(-3, 3))) for v in values]
    monotone: list[float] = []
    for v in jitter:
        monotone.append(round(max(v, monotone[-1] if monotone else 0.0)))
    if due.month <= 6 and profile in ("on_track", "ahead") and rng.random() < 0.5:
        monotone = [min(100.0, v * 1.4) for v in monotone]
    return profile, monotone


def _status(profile: str, percent: float, month: int) -> Status:
    if percent >= 100:
        return Status.COMPLETED
    if percent == 0:
        return Status.NOT_STARTED
    if profile == "delayed" and month >= 6:
        return Status.DELAYED
    if profile == "far_behind" and month >= 8:
        return Status.DELAYED
    return Status.IN_PROGRESS


NARRATIVES = [
    "按计划推进，本月完成阶段性工作。", "已召开专题推进会，细化分解任务。", "项目前期手续办理中。",
    "配合市级部门开展调研，形成工作方案。", "已完成年度目标的主要工作量。", "组织重点企业开展节能诊断。",
]
PROBLEMS = ["资金落实进度偏慢。", "项目审批周期较长。", "用地指标尚未落实。", "跨部门协调难度较大。"]
NEXT_STEPS = ["加快推进项目建设。", "加强与市级部门对接。", "下月完成验收。", "开展督导检查。"]


def build_demo(path: Path | str, *, force: bool = False, progress: Progress | None = None) -> DemoResult:
    """Create the demo database at ``path`` (refusing to overwrite unless ``force``)."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        if not force:
            raise PeakDeskError(msg("core.demo_exists", path=str(path)))
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    tmp = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    db = open_database(tmp)
    try:
        result = _populate(db, progress)
        checkpoint(db)
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    result.path = path
    return result


def _populate(db: sqlite_utils.Database, report: Progress | None) -> DemoResult:
    data = load_demo_data()
    rng = random.Random(SEED)
    with write_tx(db):
        for d in data["departments"]:
            dept_id = departments.upsert(
                db, d["code"], d["name_zh"], d["name_en"], kind=d["kind"], short_zh=d.get("short_zh", ""),
                short_en=d.get("short_en", ""),
                contact_person="" if d["kind"] == "placeholder" else rng.choice(SURNAMES) + rng.choice(GIVEN)
                + (rng.choice(GIVEN) if rng.random() < 0.5 else ""),
                contact_phone="" if d["kind"] == "placeholder" else f"021-{rng.randint(59000000, 69999999)}")
            for a in d.get("aliases", []):
                departments.add_alias(db, dept_id, a["alias"], a.get("lang", "zh"))
        for d in data["departments"]:
            if d.get("members"):
                departments.set_members(db, departments.id_for_code(db, d["code"]) or 0,
                                        [departments.id_for_code(db, m) or 0 for m in d["members"]])
        plan_id = ledger.save_plan_draft(db, _draft(data))
        # Creation stamps on the demo's own clock, so two builds are identical byte for byte.
        db.execute("UPDATE plan SET created_at = ?", [f"{DEMO_YEAR}-01-02T09:00:00"])
        db.execute("UPDATE department SET created_at = ?", [f"{DEMO_YEAR}-01-02T09:00:00"])
        meta.meta_set(db, "demo_today", DEMO_TODAY.isoformat())
        meta.meta_set(db, "demo", "1")
        cal = periods.calendar(db)
        month_ids: dict[int, tuple[int, dt.date]] = {}
        for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
            for p in periods_for_year(DEMO_YEAR, kind, cal):
                pid = periods.insert_period(db, plan_id, p)
                if kind is PeriodKind.MONTH:
                    month_ids[p.start.month] = (pid, p.due)
        tasks = {r[0]: dt.date.fromisoformat(r[1]) for r in db.execute(
            "SELECT id, due_date FROM task WHERE plan_id = ? ORDER BY seq", [plan_id]).fetchall()}
        assignments = ledger.effective_assignments(db, plan_id)
        by_dept: dict[int, list[int]] = {}
        for a in assignments:
            by_dept.setdefault(a.department_id, []).append(a.task_id)
        total = len(by_dept) * len(REPORTED_MONTHS)
        done = rows = 0
        for dept_id in sorted(by_dept):
            late_share, missing = _reporting_habit(rng)
            trajectories = {t: _trajectory(rng, tasks[t]) for t in by_dept[dept_id]}
            for month in REPORTED_MONTHS:
                done += 1
                if report:
                    report(done, total, f"{dept_id}/{month}")
                if month in missing:
                    continue
                period_id, due = month_ids[month]
                late = rng.random() < late_share
                day = due + dt.timedelta(days=rng.randint(1, 6)) if late else due - dt.timedelta(days=rng.randint(0, 5))
                received = dt.datetime.combine(day, dt.time(9 + rng.randint(0, 8), rng.randint(0, 59)))
                if received.date() > DEMO_TODAY:
                    continue
                sha = hashlib.sha256(f"demo-{dept_id}-{month}".encode()).hexdigest()
                cur = db.execute(
                    "INSERT INTO submission (department_id, period_id, file_name, sha256, received_at, status, late, row_count) "
                    "VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?) RETURNING id",
                    [dept_id, period_id, f"demo-{DEMO_YEAR}-{month:02d}-{dept_id}.xlsx", sha,
                     received.isoformat(timespec="seconds"), int(late), len(by_dept[dept_id])])
                submission_id = int(cur.fetchone()[0])
                for task_id in by_dept[dept_id]:
                    profile, values = trajectories[task_id]
                    pct = values[month - 1]
                    status = _status(profile, pct, month)
                    entry = progress_store.Entry(
                        status=status, percent=pct,
                        narrative=rng.choice(NARRATIVES),
                        problems=rng.choice(PROBLEMS) if profile in ("behind", "far_behind", "delayed") else "",
                        next_steps=rng.choice(NEXT_STEPS), contact="")
                    progress_store.add_entry(db, task_id, dept_id, period_id, entry, received_at=received,
                                             source="demo", submission_id=submission_id)
                    rows += 1
    n_depts = db.execute("SELECT count(*) FROM department").fetchone()[0]
    return DemoResult(path=Path(), plan_id=plan_id, tasks=len(tasks), departments=n_depts, progress_rows=rows)
