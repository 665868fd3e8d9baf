"""Scale of the one-truth read models: 4× the departments (60 → 240, 100 tasks) costs at most 5× the
time for warnings, the assessment, the monthly summary export and the monthly report.

Each department leads or co-operates on its share of the 100 tasks (every department co-operates on
10), and every holder but one department in seven reports every month January–September, so the
work grows with the departments.
``PlanFacts.holders()`` scanned every assignment for every task (and the assessment called it per
assignment), which made the warnings and the assessment grow with the square of the assignments.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta

from desktop_app.services import compute_warnings, run_assessment
from desktop_app.services.build_report import build_pdf_report, export_excel
from desktop_app.store.db import open_database

TASKS = 100
AS_OF = dt.date(2025, 10, 20)
COOPERATING_PER_DEPT = 10


def build(path: Path, n_depts: int) -> None:
    db = open_database(path)
    conn = db.conn
    with conn:
        plan_id = conn.execute("INSERT INTO plan (title_zh, issued_on, reporting) VALUES ('规模测试', "
                               "'2025-01-01', 'monthly')").lastrowid
        conn.executemany("INSERT INTO department (code, name_zh, name_en, kind) VALUES (?, ?, ?, 'functional')",
                         [(f"D{i:03d}", f"单位{i:03d}", f"Unit {i}") for i in range(n_depts)])
        depts = [r[0] for r in conn.execute("SELECT id FROM department ORDER BY code")]
        sec = conn.execute("INSERT INTO section (plan_id, seq, number, title_zh, title_en) "
                           "VALUES (?, 0, '一、', '重点任务', 'Key tasks')", [plan_id]).lastrowid
        tasks = []
        for t in range(TASKS):
            tasks.append(conn.execute(
                "INSERT INTO task (plan_id, section_id, code, seq, title_zh, title_en, start_date, due_date) "
                "VALUES (?, ?, ?, ?, ?, ?, '2025-01-01', '2025-12-31')",
                [plan_id, sec, f"{t // 10 + 1}.{t % 10 + 1}", t, f"任务{t}", f"Task {t}"]).lastrowid)
        holders: dict[int, list[tuple[int, str]]] = {t: [(depts[i % n_depts], "lead")] for i, t in enumerate(tasks)}
        for i, d in enumerate(depts):
            for k in range(COOPERATING_PER_DEPT):
                task = tasks[(i * COOPERATING_PER_DEPT + k) % TASKS]
                if all(h != d for h, _r in holders[task]):
                    holders[task].append((d, "cooperating"))
        conn.executemany("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?)",
                         [(t, d, role, seq) for t, hs in holders.items() for seq, (d, role) in enumerate(hs)])
        rows = []
        for m in range(1, 13):
            start = dt.date(2025, m, 1)
            end = start + relativedelta(months=1, days=-1)
            due = (start + relativedelta(months=1)).replace(day=10)
            period = conn.execute("INSERT INTO period (plan_id, kind, code, start, ends_on, due) "
                                  "VALUES (?, 'month', ?, ?, ?, ?)",
                                  [plan_id, f"2025-{m:02d}", start.isoformat(), end.isoformat(),
                                   due.isoformat()]).lastrowid
            if m > 9:
                continue
            for t, hs in holders.items():
                for n, (d, _role) in enumerate(hs):
                    if d % 7 == 3:
                        continue          # every seventh department never reports (flagged no_report)
                    late = (t + n + m) % 7 == 0
                    rows.append((t, d, period, 1, 1, "delayed" if (t + n) % 5 == 0 else "in_progress",
                                 min(100, m * 8 + (t % 20)), f"{due + dt.timedelta(days=3 if late else -2)}T09:00:00"))
        for q in range(1, 5):
            start = dt.date(2025, 3 * q - 2, 1)
            end = start + relativedelta(months=3, days=-1)
            conn.execute("INSERT INTO period (plan_id, kind, code, start, ends_on, due) VALUES (?, 'quarter', ?, ?, ?, ?)",
                         [plan_id, f"2025Q{q}", start.isoformat(), end.isoformat(),
                          (end + dt.timedelta(days=15)).isoformat()])
        conn.executemany("INSERT INTO progress (task_id, department_id, period_id, version, is_current, status, "
                         "percent, received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual')", rows)
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_today', '2025-10-20')")
    db.close()


def cpu(run: Callable[[], object], repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        c = time.process_time()
        run()
        best = min(best, time.process_time() - c)
    return best


@pytest.mark.bench
def test_bench_four_times_the_departments_costs_at_most_five_times(tmp_path: Path) -> None:
    results: dict[int, dict[str, float]] = {}
    for n in (60, 240):
        path = tmp_path / f"scale{n}.sqlite"
        build(path, n)
        db = open_database(path)
        ops: dict[str, Callable[[], object]] = {
            "warnings": lambda db=db: compute_warnings.compute(db, 1, "2025Q3", AS_OF),
            "assessment": lambda db=db: run_assessment.compute(db, 1, 2025, AS_OF),
            "summary export": lambda db=db, n=n: export_excel(db, 1, "summary", tmp_path / f"s{n}.xlsx",
                                                              period="2025-09"),
            "monthly report": lambda db=db, n=n: build_pdf_report(db, 1, "monthly", tmp_path / f"m{n}.pdf",
                                                                  period="2025-09"),
        }
        ops["monthly report"]()          # fonts are found and registered once per process
        results[n] = {name: cpu(op) for name, op in ops.items()}
        db.close()
    print()
    for name in results[60]:
        small, big = results[60][name], results[240][name]
        print(f"{name:>15}: 60 departments {small:.3f} s, 240 departments {big:.3f} s (CPU), "
              f"ratio {big / small:.2f}")
    for name in results[60]:
        assert results[240][name] <= 5 * results[60][name], name
