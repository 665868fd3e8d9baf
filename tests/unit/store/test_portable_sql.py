"""Portable SQL: ids come back with RETURNING, upserts say ON CONFLICT, timestamps come from the app's
clock (not the engine's), and no query relies on SQLite's bare column beside an aggregate."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop_app.services import clock
from desktop_app.store import departments
from tests.unit.services.plan_builder import PlanBuilder

PACKAGE = Path(__file__).resolve().parents[3] / "desktop_app"
# Connection set-up, PRAGMAs and the backup API are the store's engine-specific interface.
ENGINE_FILES = {"store/db.py", "store/backups.py"}
SQLITE_ONLY = [r"\.lastrowid\b", r"INSERT\s+OR\s+(IGNORE|REPLACE)", r"(?<![.\w])strftime\(", r"'now'"]


def test_no_sqlite_only_sql_outside_the_engine_files():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ENGINE_FILES:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in SQLITE_ONLY:
            for m in re.finditer(pattern, text):
                offenders.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_created_at_comes_from_the_clock(db):
    with clock.frozen(dt.datetime(2024, 2, 3, 4, 5, 6)):
        dept_id = departments.upsert(db, "X1", "测试局", "Test Bureau")
    assert db.execute("SELECT created_at FROM department WHERE id = ?", [dept_id]).fetchone()[0] == "2024-02-03T04:05:06"


def test_newest_contact_on_a_tie_is_the_entry_written_last(db):
    from desktop_app.services.submission_status import _newest_contacts

    plan = PlanBuilder(db)
    dept = plan.dept("A")
    plan.task("1.1", "A")
    plan.task("1.2", "A")
    period = plan.period("2025-09", dt.date(2025, 9, 1), dt.date(2025, 9, 30), dt.date(2025, 10, 10))
    for task, contact in ((plan.tasks["1.1"], "张三 021-1"), (plan.tasks["1.2"], "李四 021-2")):
        db.execute("INSERT INTO progress (task_id, department_id, period_id, version, status, contact, received_at) "
                   "VALUES (?, ?, ?, 1, 'in_progress', ?, '2025-10-01T09:00:00')", [task, dept, period, contact])
    assert _newest_contacts(db) == {dept: "李四 021-2"}
