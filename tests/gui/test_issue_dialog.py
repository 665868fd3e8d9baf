"""Issue workbooks from the dialog: period, department checklist, folder, background job, result list."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.store.db import open_database
from desktop_app.ui.issue_dialog import IssueDialog
from tests.cycle_data import build_bench_db
from tests.gui.cycle_helpers import cycle_db_file, query

pytestmark = pytest.mark.gui


def test_issue_workbooks_for_checked_departments(qtbot, tmp_path: Path) -> None:
    path, plan_id = cycle_db_file(tmp_path)
    dialog = IssueDialog(path, plan_id=plan_id)
    qtbot.addWidget(dialog)
    assert dialog.period.code() == "2025-10"          # the period holding the database's today
    codes = [dialog.departments.item(i).data(0x100) for i in range(dialog.departments.count())]
    assert codes == ["FGW", "JDZ", "JSW", "JW", "NX", "XCL"]   # HB holds no task; 各街镇 expands
    dialog.set_checked(["FGW", "JW", "JDZ"])
    assert dialog.count_label.text().startswith("3 of 6")
    out = tmp_path / "out"
    dialog.folder.setText(str(out))
    op = dialog.start()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "succeeded"
    files = sorted(p.name for p in out.glob("*.xlsx"))
    assert len(files) == 3 and all(name.startswith("2025-10_") for name in files)
    assert dialog.results.rowCount() == 3
    shown = {dialog.results.item(r, 0).text().split()[0] for r in range(3)}
    assert shown == {"FGW", "JW", "JDZ"}
    assert query(path, "SELECT count(*) FROM package")[0][0] == 3
    assert "3 workbook" in dialog.summary.text()
    assert dialog.issue_button.isEnabled()


def test_cancel_stops_part_way_and_keeps_what_was_written(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "bench.sqlite"
    db = open_database(path)
    plan_id = build_bench_db(db, departments=40, per_department=60)
    db.close()
    dialog = IssueDialog(path, plan_id=plan_id)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    op = dialog.start()
    assert op is not None and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=20000)
    dialog.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    written = list((tmp_path / "out").glob("*.xlsx"))
    packages = query(path, "SELECT count(*) FROM package")[0][0]
    assert 0 < len(written) < 40
    assert packages == len(written)                  # a package row exactly for each file written
    assert not dialog.cancel_button.isEnabled() and dialog.issue_button.isEnabled()
