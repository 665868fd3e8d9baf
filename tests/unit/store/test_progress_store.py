"""Progress versions: a merged workbook's statements find their rows through indexes, not by scanning."""

from __future__ import annotations

from desktop_app.domain.models import Status
from desktop_app.store.db import open_database, write_tx
from desktop_app.store.progress import Entry, add_entries, current_entries
from tests.cycle_data import build_bench_db


def test_adding_a_departments_entries_reads_progress_by_index_only(tmp_path):
    db = open_database(tmp_path / "p.sqlite")
    plan_id = build_bench_db(db, departments=4, per_department=6)
    from desktop_app.services.periods import ensure_period

    period = ensure_period(db, plan_id, "2025-10")
    dept_id, tasks = db.execute("SELECT department_id, group_concat(task_id) FROM assignment GROUP BY department_id "
                                "LIMIT 1").fetchone()
    task_ids = [int(t) for t in tasks.split(",")]
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    entry = Entry(Status.IN_PROGRESS, 40.0, None, "推进中", "", "", "")
    for _ in range(2):                    # a second workbook: new versions on top of the current ones
        with write_tx(db):
            add_entries(db, dept_id, period.id, [(t, entry) for t in task_ids], received_at="2025-10-20T09:00:00",
                        source="workbook")
    db.conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "progress" in s]
    assert reads
    for sql in reads:
        plan = " ".join(str(row[3]) for row in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
        assert "SCAN progress" not in plan, (sql, plan)
    current = current_entries(db, period.id, dept_id)
    assert sorted(current) == sorted(task_ids) and {c.version for c in current.values()} == {2}
