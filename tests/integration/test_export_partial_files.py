"""`package export` killed half-way: its partial files cannot pass for returns and the next run removes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.outputs import partial_name
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import collect_xlsx


def test_next_export_removes_partial_files_and_they_are_never_merged(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    stale_old = out / ".2025-10_ARA_某局_进度填报.xlsx.tmp"          # what an older version left
    stale_new = out / partial_name("2025-10_ARA_某局_进度填报.xlsx")
    for f in (stale_old, stale_new):
        f.write_bytes(b"PK\x03\x04 half a workbook")
    assert not partial_name("x.xlsx").endswith(".xlsx")
    assert collect_xlsx([out]) == []                                      # never mistaken for a return
    db = demo_db
    plan_id = int(db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0])
    dept = str(db.execute("SELECT d.code FROM department d JOIN assignment a ON a.department_id = d.id "
                          "JOIN task t ON t.id = a.task_id WHERE t.plan_id = ? AND d.kind != 'placeholder' "
                          "ORDER BY d.code LIMIT 1", [plan_id]).fetchone()[0])
    result = export_packages(db, plan_id, "2025-10", out, today=dt.date(2025, 10, 20), departments=[dept])
    assert not stale_old.exists() and not stale_new.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.file.name for p in result.packages)
