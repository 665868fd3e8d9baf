"""Round trip over the demo database: every department's workbook issued, filled, merged."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.clock import today
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_files
from desktop_app.services.progress_view import list_progress
from desktop_app.services.submission_status import period_status
from desktop_app.store.cycle import held_tasks
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
