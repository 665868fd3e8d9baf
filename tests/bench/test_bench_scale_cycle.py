"""Scale of the reporting cycle: 4× the departments (60 → 240, 100 tasks) costs at most 5× the time to
import the plan, issue the month's workbooks and merge them back (test_bench_truth.py covers the
warnings, the assessment, the summary export and the monthly report on the same shape of plan).

The plan text is generated here: 100 tasks in ten sections, each with one lead unit and the units that
co-operate on it, every department co-operating on 10 tasks (as in test_bench_truth.py), so that a
department's workbook holds about 11 rows at either size and the work grows with the departments.
Everything is timed in CPU seconds, so that other work on a shared 2-core machine does not count: this
process's, plus (for the merge) the reader child processes' that open the workbooks (read from /proc;
where there is none, the merge is timed on the wall clock). Each figure is the best of several runs.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.services import import_plan
from desktop_app.services.desk import Desk
from desktop_app.store import departments
from desktop_app.store.db import open_database, write_tx
from tests.cycle_data import fill_workbook

TASKS = 100
COOPERATING_PER_DEPT = 10
AS_OF = dt.date(2025, 10, 20)
_A = "东南西北中金银铜铁山水林田湖海江河星云月"
_B = "安康宁平泰和丰盛兴昌华瑞祥福嘉德茂源顺达"


def unit_names(n: int) -> list[str]:
    """``n`` (≤ 400) distinct district bureau names: 区东安管理局, 区东康管理局, …"""
    return [f"区{_A[i // len(_B)]}{_B[i % len(_B)]}管理局" for i in range(n)]


def plan_text(n_depts: int) -> str:
    """A plan of ``TASKS`` tasks whose responsible units are written inline, Jiading style."""
    names = unit_names(n_depts)
    holders = {t: [names[t % n_depts]] for t in range(TASKS)}
    for i, name in enumerate(names):
        for k in range(COOPERATING_PER_DEPT):
            task = (i * COOPERATING_PER_DEPT + k) % TASKS
            if name not in holders[task]:
                holders[task].append(name)
    lines = ["某区碳达峰实施方案（规模测试）", "一、主要目标", "到2025年，非化石能源占比达到20%左右。", "二、重点任务"]
    for t in range(TASKS):
        if t % 10 == 0:
            lines.append(f"（{'一二三四五六七八九十'[t // 10]}）第{t // 10 + 1}组重点工作")
        lead, *cooperating = holders[t]
        lines.append(f"{t % 10 + 1}.推进第{t + 1}项工作。持续推进能源结构优化，到2025年新增光伏装机{t + 1}万千瓦。"
                     f"（牵头单位：{lead}；配合单位：{'、'.join(cooperating)}）")
    return "\n".join(lines) + "\n"


def registry(path: Path, n_depts: int) -> None:
    """A database whose department registry already holds the plan's units (as after a first plan)."""
    db = open_database(path)
    with write_tx(db):
        for i, name in enumerate(unit_names(n_depts)):
            departments.upsert(db, f"U{i:03d}", name, f"Unit {i}")
    db.close()


def _reader_children_cpu() -> float | None:
    """CPU seconds used so far by the merge's reader children (``None`` where /proc cannot tell)."""
    from desktop_app.services import reader_process

    total = 0.0
    for child in list(reader_process.pool()._idle):
        try:
            fields = Path(f"/proc/{child.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")   # utime + stime
    return total


def merge_clock() -> float:
    """This process's CPU time plus its reader children's (wall clock where that is unknown)."""
    children = _reader_children_cpu()
    return time.perf_counter() if children is None or not hasattr(os, "sysconf") else time.process_time() + children


def best(run: Callable[[], object], repeat: int, before: Callable[[int], None] | None = None, *,
         clock: Callable[[], float] = time.process_time) -> float:
    """The fastest of ``repeat`` runs on ``clock`` (``before(trial)`` prepares each run, untimed)."""
    times = []
    for trial in range(repeat):
        if before is not None:
            before(trial)
        t0 = clock()
        run()
        times.append(clock() - t0)
    return min(times)


def measure(work: Path, n_depts: int) -> dict[str, float]:
    work.mkdir()
    plan = work / "plan.txt"
    plan.write_text(plan_text(n_depts), encoding="utf-8")
    empty = work / "registry.sqlite"
    registry(empty, n_depts)
    out: dict[str, float] = {}

    # Import (preview + commit) into a fresh copy of the registry each time.
    target = work / "ledger.sqlite"
    state: dict[str, Desk] = {}

    def fresh(_trial: int) -> None:
        if "desk" in state:
            state.pop("desk").close()
        shutil.copy(empty, target)
        state["desk"] = Desk.open(target)

    def do_import() -> None:
        db = state["desk"].db
        result = import_plan.commit(db, import_plan.preview(db, plan))
        assert len(result.draft.tasks) == TASKS

    out["import"] = best(do_import, 5, fresh)
    desk = state.pop("desk")
    with write_tx(desk.db):
        desk.db.execute("INSERT INTO meta (key, value) VALUES ('demo_today', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [AS_OF.isoformat()])
    holders = desk.db.execute("SELECT count(DISTINCT department_id) FROM assignment").fetchone()[0]
    assert holders == n_depts

    # Issue the month's workbooks (each run into a new folder: a re-issue, as the window allows).
    issued: list[Path] = []

    def do_issue() -> None:
        result = desk.issue("2025-10", work / f"issued{len(issued)}")
        assert len(result.packages) == n_depts
        issued.append(result.packages[0].file.parent)

    out["issue"] = best(do_issue, 3)
    desk.close()

    # Merge the last issue's workbooks, filled as a clerk would, into a fresh copy each time.
    filled = work / "filled"
    filled.mkdir()
    for f in sorted(issued[-1].glob("*.xlsx")):
        fill_workbook(f, filled / f.name)
    files = sorted(filled.glob("*.xlsx"))
    merge_state: dict[str, Desk] = {}

    def fresh_issued(trial: int) -> None:
        if "desk" in merge_state:
            merge_state.pop("desk").close()
        copy = work / f"merge{trial}.sqlite"
        shutil.copy(target, copy)
        merge_state["desk"] = Desk.open(copy)

    def do_merge() -> None:
        outcome = merge_state["desk"].merge(files)
        bad = [f.as_json() for f in outcome.result.files if f.status != "accepted"]
        assert not bad, bad[:2]

    out["merge"] = best(do_merge, 5, fresh_issued, clock=merge_clock)
    merge_state.pop("desk").close()
    return out


@pytest.mark.bench
def test_bench_cycle_four_times_the_departments_costs_at_most_five_times(tmp_path: Path) -> None:
    results = {n: measure(tmp_path / f"d{n}", n) for n in (60, 240)}
    print()
    for name in results[60]:
        small, big = results[60][name], results[240][name]
        print(f"{name:>7}: 60 departments {small:.3f} s, 240 departments {big:.3f} s (CPU, best of N), "
              f"ratio {big / small:.2f} (budget 5)")
    for name in results[60]:
        assert results[240][name] <= 5 * results[60][name], name


def test_generated_plan_gives_every_department_its_share_of_tasks() -> None:
    """The generator (not a bench): 240 distinct units, each holding 10 tasks (11 when it also leads one)."""
    text = plan_text(240)
    names = unit_names(240)
    assert len(set(names)) == 240
    assert {text.count(name) for name in names} <= {COOPERATING_PER_DEPT, COOPERATING_PER_DEPT + 1}
