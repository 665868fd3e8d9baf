"""Round trip over the demo database: every department's workbook issued, filled, merged."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.clock import today
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_files
from desktop_app.services.progress_view import list_progress
from desktop_app.services.submission_status import period_status
from desktop_app.store.cycle import held_task_ids, held_tasks
from desktop_app.store.db import integrity_ok
from tests.cycle_data import fill_workbook


def test_demo_round_trip_every_department(demo_db, tmp_path: Path):
    db = demo_db
    plan_id = db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    as_of = today(db)
    holders = held_tasks(db, plan_id)
    issued = export_packages(db, plan_id, "2025-11", tmp_path / "issued", today=as_of)
    assert len(issued.packages) == len(holders) > 0
    filled = [fill_workbook(p.file, tmp_path / "filled" / p.file.name if (tmp_path / "filled").mkdir(exist_ok=True)
                            is None else None) for p in issued.packages]
    result = merge_files(db, filled, today=as_of)
    bad = [(f.file, f.errors[:3]) for f in result.files if f.status != "accepted"]
    assert not bad
    entries = list_progress(db, plan_id, period="2025-11")
    assert len(entries) == sum(len(t) for t in holders.values())
    assert {s.status for s in period_status(db, plan_id, "2025-11").departments} == {"on_time"}
    assert integrity_ok(db)


def test_held_task_ids_are_the_sets_of_held_tasks(demo_db):
    """The merge checks rows against ``held_task_ids``; it must hold exactly what ``held_tasks`` lists
    (placeholder groups expanded, a direct assignment and a group one counted once)."""
    db = demo_db
    placeholders = db.execute("SELECT count(*) FROM placeholder_member").fetchone()[0]
    assert placeholders > 0            # the demo has groups to expand
    for (plan_id,) in db.execute("SELECT id FROM plan").fetchall():
        expected = {dept: {task for task, _role in tasks} for dept, tasks in held_tasks(db, plan_id).items()}
        assert held_task_ids(db, plan_id) == expected
