"""The submission matrix: departments × periods coloured, counts, reminder list export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop_app.services.submission_status import period_status
from desktop_app.ui.cycle_widgets import BAD_COLOR, LATE_COLOR, OK_COLOR
from desktop_app.ui.submissions_view import PENDING, MatrixRole, SubmissionMatrixModel, SubmissionsPage

pytestmark = pytest.mark.gui


def plan_of(db) -> int:
    return int(db.execute("SELECT id FROM plan ORDER BY id LIMIT 1").fetchone()[0])


def test_matrix_model_matches_the_status_service(qtbot, qtmodeltester, demo_db) -> None:
    plan_id = plan_of(demo_db)
    model = SubmissionMatrixModel()
    model.load(demo_db, plan_id)
    qtmodeltester.check(model)
    periods = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert periods[0] == "2025-01" and periods[-1] == "2025-10"   # demo today is 2025-10-20
    expected = {d.department: d.status for d in period_status(demo_db, plan_id, "2025-09").departments}
    col = periods.index("2025-09")
    got = {model.index(r, col).data(MatrixRole.DEPARTMENT): model.index(r, col).data(MatrixRole.STATUS)
           for r in range(model.rowCount())}
    assert got == expected
    assert {"on_time", "late", "missing"} <= set(got.values())
    colors = {"on_time": OK_COLOR, "late": LATE_COLOR, "missing": BAD_COLOR}
    for r in range(model.rowCount()):
        status = model.index(r, col).data(MatrixRole.STATUS)
        assert model.index(r, col).data(Qt.ItemDataRole.BackgroundRole).color() == colors[status]   # BackgroundRole
    # October is not due yet: nobody is "missing" there, only "not due yet"
    october = {model.index(r, len(periods) - 1).data(MatrixRole.STATUS) for r in range(model.rowCount())}
    assert "missing" not in october and PENDING in october


def test_page_counts_and_reminder_export(qtbot, demo_db, tmp_path: Path) -> None:
    plan_id = plan_of(demo_db)
    page = SubmissionsPage()
    qtbot.addWidget(page)
    page.set_database(demo_db, plan_id)
    assert page.issue_button.isEnabled() and page.merge_button.isEnabled()
    page.period.select("2025-09")
    status = period_status(demo_db, plan_id, "2025-09")
    missing = [d.department for d in status.missing()]
    reported = len(status.departments) - len(missing)
    assert page.counts.text().startswith(f"2025-09: {reported} of {len(status.departments)} departments reported")
    assert page.counts.text().endswith(f"{len(missing)} missing.")
    page.period.select("2025-10")       # not due until 2025-11-07: nobody is missing yet
    assert page.counts.text().endswith("not yet; due 2025-11-07.") and "missing" not in page.counts.text()
    page.period.select("2025-09")
    out = page.export_reminders(tmp_path / "reminders")
    assert out == tmp_path / "reminders.xlsx" and out.is_file()
    ws = load_workbook(out).active
    codes = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
    assert codes == missing and missing
    # clicking a cell picks its period
    page._clicked(page.model.index(0, 0))
    assert page.period.code() == "2025-01"
