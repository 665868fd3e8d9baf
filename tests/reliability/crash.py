"""Crash-safety harness: SIGKILL a merge, a plan import or an assessment lock at random points.

A *victim* process (``python -m tests.reliability.crash victim-merge|victim-import|victim-lock DB INPUT``)
runs the service. Two ways of choosing the random point, alternating run by run:

- ``timer``: the harness sends SIGKILL after a random delay within the length of an uninterrupted run;
- ``sqlite-step``: the victim sends SIGKILL to itself from SQLite's progress handler after a random number
  of virtual-machine steps (within the number an uninterrupted run takes), so the process dies in the
  middle of an SQL statement — usually inside the write transaction.

Afterwards:

- ``PRAGMA integrity_check`` is ``ok`` (the database is opened again, so a hot WAL/journal is replayed);
- merge: every workbook is fully applied (one accepted submission whose progress rows are exactly the
  workbook's task rows) or not at all (no submission, no progress for that department and period);
- plan import: the plan is absent (no plan, section, task, target or assignment rows from it) or
  complete (the same counts as an uninterrupted import);
- assessment lock: no snapshot and no audit entry, or exactly one complete snapshot (its result equal to
  an uninterrupted lock's) with its audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PERIOD = "2025-10"
SEED = 4242
IMPORT_TITLE = "崩溃测试区碳达峰实施方案"


# --- victims --------------------------------------------------------------------------------------------

STEP = 100                  # SQLite VM instructions between progress-handler calls
CRASH_ENV = "PEAKDESK_CRASH_AT_STEP"


def _arm(db: object) -> list[int]:
    """Count progress-handler calls; SIGKILL this process at call ``$PEAKDESK_CRASH_AT_STEP``."""
    calls = [0]
    crash_at = int(os.environ.get(CRASH_ENV) or 0)

    def handler() -> int:
        calls[0] += 1
        if crash_at and calls[0] >= crash_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    db.conn.set_progress_handler(handler, STEP)  # type: ignore[attr-defined]
    return calls


def victim_merge(db_file: str, folder: str) -> None:
    from desktop_app.services.merge_submissions import merge_files
    from desktop_app.store.db import open_database

    db = open_database(db_file)
    print("WRITING", flush=True)
    calls = _arm(db)
    result = merge_files(db, [Path(folder)], today=dt.date(2025, 10, 20))
    bad = [(f.file, [str(p) for p in f.errors]) for f in result.files if f.status != "accepted"]
    assert not bad, bad
    print(f"STEPS {calls[0]}", flush=True)
    db.close()
    print("DONE", flush=True)


def victim_import(db_file: str, plan_file: str) -> None:
    from desktop_app.services.import_plan import commit, preview
    from desktop_app.store.db import open_database

    db = open_database(db_file)
    pv = preview(db, Path(plan_file))
    print("WRITING", flush=True)
    calls = _arm(db)
    commit(db, pv)
    print(f"STEPS {calls[0]}", flush=True)
    db.close()
    print("DONE", flush=True)


def victim_lock(db_file: str, year: str) -> None:
    from desktop_app.services.run_assessment import lock
    from desktop_app.store.db import open_database

    db = open_database(db_file)
    plan_id = int(db.execute("SELECT id FROM plan ORDER BY id LIMIT 1").fetchone()[0])
    print("WRITING", flush=True)
    calls = _arm(db)
    lock(db, plan_id, int(year))
    print(f"STEPS {calls[0]}", flush=True)
    db.close()
    print("DONE", flush=True)


# --- fixtures: what the victims work on --------------------------------------------------------------------

def fill_workbook(src: Path, dst: Path) -> int:
    """Fill every task row of an issued workbook; returns the number of rows."""
    from openpyxl import load_workbook

    from desktop_app.exchange.workbook import FIRST_ROW, PROGRESS_SHEET

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(src)
        ws = wb[PROGRESS_SHEET]
        n = 0
        while ws.cell(FIRST_ROW + n, 1).value:
            r = FIRST_ROW + n
            ws[f"F{r}"] = "推进中"
            ws[f"G{r}"] = 50 + n % 50
            ws[f"I{r}"] = f"十月进展：完成第{n + 1}项阶段性工作。"
            n += 1
        wb.save(dst)
    return n


@dataclass
class MergeSetup:
    db: Path                                # demo database after issuing (copy it per run)
    folder: Path                            # filled workbooks
    rows: dict[str, tuple[str, int]]        # file name → (department code, task rows)


def setup_merge(work: Path, departments: int | None = None) -> MergeSetup:
    from desktop_app.services.demo import build_demo
    from tests.data.make_corpus import issue_workbooks

    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "merge-base.sqlite"
    build_demo(db_path, force=True)
    packages = sorted(issue_workbooks(db_path, work / "issued"), key=lambda p: p.department)
    folder = work / "filled"
    folder.mkdir(exist_ok=True)
    rows = {}
    if departments:
        packages = packages[:departments]
    for p in packages:
        rows[p.file.name] = (p.department, fill_workbook(p.file, folder / p.file.name))
    return MergeSetup(db_path, folder, rows)


UNITS = ["区发展改革委", "区经委", "区建设管理委", "区生态环境局", "区交通委", "区规划资源局", "区财政局"]
ZH_NUM = "一二三四五六七八九十"


def synthetic_plan(tasks: int = 600, per_section: int = 30) -> str:
    """A Chinese plan text: 一、 sections, numbered tasks with unit markers and quantitative targets."""
    rng = random.Random(SEED)
    lines = [IMPORT_TITLE, "为深入贯彻落实碳达峰碳中和重大战略决策，制定本方案。", "一、总体要求",
             "（一）指导思想", "坚持系统观念，统筹发展和减排。", "二、重点任务"]
    section = 0
    for t in range(tasks):
        if t % per_section == 0:
            section += 1
            label = f"{ZH_NUM[(section - 1) % 10]}" if section <= 10 else f"十{ZH_NUM[(section - 11) % 10]}"
            lines.append(f"（{label}）重点领域第{section}项行动")
        a, b = rng.sample(UNITS, 2)
        n = t % per_section + 1
        lines.append(f"{n}. 推进第{t + 1}项重点工作。到2025年，新增光伏装机{rng.randint(1, 90)}万千瓦，"
                     f"完成节能改造{rng.randint(1, 50)}个。（责任单位：{a}、{b}）")
    lines += ["三、保障措施", "（一）加强组织领导", "1. 健全工作机制，压实各方责任。（责任单位：区发展改革委）"]
    return "\n".join(lines) + "\n"


@dataclass
class ImportSetup:
    db: Path
    plan_file: Path
    counts: dict[str, int]                  # table → rows of the imported plan (uninterrupted import)


def plan_counts(conn: sqlite3.Connection) -> dict[str, int]:
    row = conn.execute("SELECT id FROM plan WHERE title_zh = ?", [IMPORT_TITLE]).fetchone()
    if row is None:
        return {}
    pid = row[0]
    return {
        "plan": 1,
        "section": conn.execute("SELECT count(*) FROM section WHERE plan_id = ?", [pid]).fetchone()[0],
        "task": conn.execute("SELECT count(*) FROM task WHERE plan_id = ?", [pid]).fetchone()[0],
        "target": conn.execute("SELECT count(*) FROM target WHERE plan_id = ?", [pid]).fetchone()[0],
        "assignment": conn.execute("SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                                   "WHERE t.plan_id = ?", [pid]).fetchone()[0],
        "plan_source": conn.execute("SELECT count(*) FROM plan_source WHERE plan_id = ?", [pid]).fetchone()[0],
    }


def setup_import(work: Path, tasks: int = 600) -> ImportSetup:
    from desktop_app.services.demo import build_demo

    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "import-base.sqlite"
    build_demo(db_path, force=True)
    plan_file = work / "crash_plan.txt"
    plan_file.write_text(synthetic_plan(tasks), encoding="utf-8")
    reference = work / "import-reference.sqlite"
    shutil.copy(db_path, reference)
    proc = _spawn("victim-import", reference, plan_file)
    out, err = proc.communicate(timeout=300)
    if proc.returncode != 0 or "DONE" not in out:
        raise RuntimeError(f"reference import failed: {err[-2000:]}")
    conn = sqlite3.connect(reference)
    try:
        counts = plan_counts(conn)
    finally:
        conn.close()
    if not counts or counts["task"] < tasks:
        raise RuntimeError(f"reference import gave {counts}")
    return ImportSetup(db_path, plan_file, counts)


# --- one run ----------------------------------------------------------------------------------------------

def _spawn(kind: str, db: Path, target: Path | str, crash_at: int = 0) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), CRASH_ENV: str(crash_at)}
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.crash", kind, str(db), str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


@dataclass
class RunResult:
    target: str
    run: int
    mode: str                  # 'timer' | 'sqlite-step'
    point: float               # seconds after start (timer) or SQLite step (sqlite-step)
    killed: bool               # False when the victim finished before the kill
    integrity: str
    state: str                 # merge: 'k of n files applied'; import / lock: 'absent' | 'complete'
    partial: bool = False      # merge: the kill landed between files (0 < applied < n)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.integrity == "ok"


def _reopen(db: Path) -> None:
    """Open the database as the next PeakDesk start would (replays a hot WAL / rolls back a journal)."""
    from desktop_app.store.db import open_database

    open_database(db).close()


def _integrity(conn: sqlite3.Connection) -> str:
    return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def check_merge(db: Path, setup: MergeSetup) -> tuple[str, list[str], str, bool]:
    problems: list[str] = []
    _reopen(db)
    conn = sqlite3.connect(db)
    try:
        integrity = _integrity(conn)
        period_ids = [r[0] for r in conn.execute("SELECT id FROM period WHERE code = ?", [PERIOD])]
        pid_sql = ",".join(str(p) for p in period_ids) or "-1"
        applied = 0
        for name, (dept, rows) in setup.rows.items():
            subs = conn.execute("SELECT id FROM submission WHERE file_name = ? AND status = 'accepted'",
                                [name]).fetchall()
            progress = conn.execute(
                f"SELECT count(*) FROM progress p JOIN department d ON d.id = p.department_id "
                f"WHERE d.code = ? AND p.period_id IN ({pid_sql})", [dept]).fetchone()[0]
            if not subs:
                if progress:
                    problems.append(f"{name}: {progress} progress rows without a submission")
                continue
            if len(subs) > 1:
                problems.append(f"{name}: {len(subs)} submissions")
            got = conn.execute("SELECT count(*) FROM progress WHERE submission_id = ?", [subs[0][0]]).fetchone()[0]
            if got != rows or progress != rows:
                problems.append(f"{name}: {got} of {rows} rows applied")
            applied += 1
    finally:
        conn.close()
    return integrity, problems, f"{applied} of {len(setup.rows)} files", 0 < applied < len(setup.rows)


def check_import(db: Path, setup: ImportSetup) -> tuple[str, list[str], str, bool]:
    _reopen(db)
    conn = sqlite3.connect(db)
    try:
        integrity = _integrity(conn)
        counts = plan_counts(conn)
        orphans = conn.execute("SELECT count(*) FROM task WHERE plan_id NOT IN (SELECT id FROM plan)").fetchone()[0]
    finally:
        conn.close()
    problems = []
    if counts and counts != setup.counts:
        problems.append(f"partial plan: {counts} (complete: {setup.counts})")
    if orphans:
        problems.append(f"{orphans} tasks without a plan")
    return integrity, problems, "complete" if counts else "absent", False


@dataclass
class LockSetup:
    db: Path
    year: int
    result: dict[str, object]          # the snapshot's result of an uninterrupted lock (keys and sizes)


def lock_state(conn: sqlite3.Connection, year: int) -> tuple[list[tuple[str, str]], int]:
    snaps = conn.execute("SELECT result_json, scheme_json FROM assessment_snapshot WHERE year = ?", [year]).fetchall()
    audits = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'assessment.lock'").fetchone()[0]
    return snaps, audits


def _shape(result_json: str) -> dict[str, object]:
    data = json.loads(result_json)
    return {k: (len(v) if isinstance(v, list | dict) else type(v).__name__) for k, v in data.items()}


def setup_lock(work: Path, year: int = 2025) -> LockSetup:
    from desktop_app.services.demo import build_demo

    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "lock-base.sqlite"
    build_demo(db_path, force=True)
    reference = work / "lock-reference.sqlite"
    shutil.copy(db_path, reference)
    proc = _spawn("victim-lock", reference, str(year))
    out, err = proc.communicate(timeout=300)
    if proc.returncode != 0 or "DONE" not in out:
        raise RuntimeError(f"reference lock failed: {err[-2000:]}")
    conn = sqlite3.connect(reference)
    try:
        snaps, _audits = lock_state(conn, year)
    finally:
        conn.close()
    return LockSetup(db_path, year, _shape(snaps[0][0]))


def check_lock(db: Path, setup: LockSetup) -> tuple[str, list[str], str, bool]:
    _reopen(db)
    conn = sqlite3.connect(db)
    try:
        integrity = _integrity(conn)
        snaps, audits = lock_state(conn, setup.year)
    finally:
        conn.close()
    problems = []
    if len(snaps) > 1:
        problems.append(f"{len(snaps)} snapshots")
    if audits != len(snaps):
        problems.append(f"{len(snaps)} snapshot(s) but {audits} audit entries")
    if snaps:
        try:
            shape = _shape(snaps[0][0])
            json.loads(snaps[0][1])
        except ValueError as exc:
            problems.append(f"snapshot JSON damaged: {exc}")
        else:
            if shape != setup.result:
                problems.append(f"snapshot differs from an uninterrupted lock: {shape}")
    return integrity, problems, "complete" if snaps else "absent", False


@dataclass
class CrashResults:
    runs: list[RunResult] = field(default_factory=list)
    calibration: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.ok for r in self.runs)

    def table(self) -> list[str]:
        lines = ["target | runs | killed | killed inside SQLite (random step) | partly merged (between files) | "
                 "integrity ok | all-or-nothing held | ok"]
        for target in dict.fromkeys(r.target for r in self.runs):
            rs = [r for r in self.runs if r.target == target]
            lines.append(
                f"{target} | {len(rs)} | {sum(r.killed for r in rs)} | "
                f"{sum(r.killed and r.mode == 'sqlite-step' for r in rs)} | "
                f"{sum(r.partial for r in rs) if target == 'merge' else '-'} | "
                f"{sum(r.integrity == 'ok' for r in rs)}/{len(rs)} | {sum(not r.problems for r in rs)}/{len(rs)} | "
                f"{'ok' if all(r.ok for r in rs) else 'FAIL'}")
        for r in self.runs:
            if not r.ok:
                lines.append(f"  FAIL {r.target} run {r.run} ({r.mode} at {r.point:g}): integrity {r.integrity}; "
                             + "; ".join(r.problems))
        return lines


def _calibrate(kind: str, db: Path, target: Path | str) -> tuple[float, int]:
    """(seconds, SQLite steps while writing) of one uninterrupted victim run."""
    started = time.perf_counter()
    proc = _spawn(kind, db, target)
    out, err = proc.communicate(timeout=300)
    seconds = time.perf_counter() - started
    steps = [int(line.split()[1]) for line in out.splitlines() if line.startswith("STEPS ")]
    if proc.returncode != 0 or not steps:
        raise RuntimeError(f"{kind} failed: {err[-2000:]}")
    return seconds, steps[0]


def _run_target(results: CrashResults, name: str, kind: str, base: Path, target: Path | str, runs: int,
                check: Callable[[Path], tuple[str, list[str], str, bool]], work: Path, rng: random.Random,
                log: Callable[[str], object]) -> None:
    probe = work / f"{kind}-probe.sqlite"
    shutil.copy(base, probe)
    seconds, steps = _calibrate(kind, probe, target)
    probe.unlink()
    results.calibration[name] = f"{seconds:.2f} s, {steps} SQLite progress steps of {STEP} instructions"
    log(f"  {name}: uninterrupted {results.calibration[name]}")
    for i in range(runs):
        db = work / f"{kind}-{i}.sqlite"
        shutil.copy(base, db)
        if i % 2 == 0:
            mode, point = "timer", rng.uniform(0, seconds * 1.05)
            proc = _spawn(kind, db, target)
            time.sleep(point)
            killed = proc.poll() is None
            if killed:
                proc.send_signal(signal.SIGKILL)
        else:
            mode, point = "sqlite-step", float(rng.randint(1, max(1, steps)))
            proc = _spawn(kind, db, target, crash_at=int(point))
        _out, err = proc.communicate(timeout=300)
        if mode == "sqlite-step":
            killed = proc.returncode == -signal.SIGKILL
        integrity, problems, state, partial = check(db)
        if not killed and proc.returncode != 0:
            problems.append(f"victim failed on its own: {err.strip().splitlines()[-1:]}")
        results.runs.append(RunResult(name, i, mode, point, killed, integrity, state, partial, problems))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


def run_crash_suite(work: Path, runs: int = 50, *, merge_departments: int | None = None, import_tasks: int = 600,
                    log: Callable[[str], object] = print) -> CrashResults:
    """``runs`` SIGKILL runs each for merge, plan import and assessment lock."""
    rng = random.Random(SEED)
    results = CrashResults()
    work.mkdir(parents=True, exist_ok=True)
    ms = setup_merge(work / "merge", merge_departments)
    log(f"  merge: {len(ms.rows)} workbooks, {sum(r for _d, r in ms.rows.values())} task rows")
    _run_target(results, "merge", "victim-merge", ms.db, ms.folder, runs, lambda db: check_merge(db, ms),
                work, rng, log)
    imp = setup_import(work / "import", import_tasks)
    log(f"  plan import: {imp.counts['task']} tasks, {imp.counts['target']} targets")
    _run_target(results, "plan import", "victim-import", imp.db, imp.plan_file, runs,
                lambda db: check_import(db, imp), work, rng, log)
    lk = setup_lock(work / "lock")
    _run_target(results, "assessment lock", "victim-lock", lk.db, str(lk.year), runs,
                lambda db: check_lock(db, lk), work, rng, log)
    return results


def main(argv: list[str]) -> int:
    kind, db, target = argv
    {"victim-merge": victim_merge, "victim-import": victim_import, "victim-lock": victim_lock}[kind](db, target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
