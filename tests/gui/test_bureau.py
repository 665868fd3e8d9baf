"""Bureau mode: a clerk fills in an issued workbook as a form and as a table, autosaved, exported, merged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.exchange.workbook import read_workbook
from desktop_app.services.bureau import BureauSession
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_files
from desktop_app.store.db import open_database
from desktop_app.ui.bureau_window import COLUMNS, BureauWindow
from tests.cycle_data import DEMO_TODAY
from tests.gui.cycle_helpers import cycle_db_file, query

pytestmark = pytest.mark.gui
TODAY = dt.date.fromisoformat(DEMO_TODAY)


@pytest.fixture
def issued(tmp_path: Path) -> tuple[Path, Path]:
    path, plan_id = cycle_db_file(tmp_path)
    db = open_database(path)
    try:
        result = export_packages(db, plan_id, "2025-10", tmp_path / "issued", today=TODAY, departments=["FGW"])
    finally:
        db.close()
    return path, Path(result.packages[0].file)


def test_fill_as_form_and_table_then_export_and_merge(qtbot, issued: tuple[Path, Path], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db_path, workbook = issued
    win = BureauWindow(workbook)
    qtbot.addWidget(win)
    # only this department's tasks: FGW leads 1.1 and 2.2 and cooperates on 1.3
    assert [r.locked.code for r in win.session.rows] == ["1.1", "1.3", "2.2"]
    assert win.tasks.count() == 3 and win.model.rowCount() == 3
    assert "区发展改革委" in win.header.text() and "2025-10" in win.header.text()

    # the form: task 1.1
    win.tasks.setCurrentRow(0)
    win.status.setCurrentIndex(win.status.findData("in_progress"))
    win.fields["percent"].setText("60%")
    win.fields["narrative"].setPlainText("已完成屋顶光伏选址，=HYPERLINK(\"x\") 不是公式")
    win.fields["indicator"].setText("150")
    win.fields["percent"].editingFinished.emit()
    assert win.problem_label.text() == ""
    assert win.session.rows[0].values.percent == 60.0
    assert win.session.autosave_path.is_file()
    assert win.saved_label.text().startswith("Saved automatically at")

    # an impossible percent is refused where it was typed, and nothing is changed
    win.fields["percent"].setText("150")
    assert win.apply_form() is False
    assert win.problem_label.text().startswith("Percent done (G3): ")
    assert win.session.rows[0].values.percent == 60.0
    win.fields["percent"].setText("60")
    assert win.apply_form()

    # the table: task 1.3 and 2.2; the table and the form show the same data
    win.tabs.setCurrentIndex(1)
    model = win.model
    assert model.setData(model.index(1, COLUMNS.index("status")), "completed")
    assert model.setData(model.index(1, COLUMNS.index("percent")), "100")
    assert model.setData(model.index(2, COLUMNS.index("status")), "滞后")
    assert model.setData(model.index(2, COLUMNS.index("problems")), "资金未到位")
    assert not model.setData(model.index(2, COLUMNS.index("percent")), "八十")
    # a refused entry keeps the row from counting as done until the field is typed again (issue #17 item 8)
    assert win.session.rows[2].state == "invalid"
    assert any(p.cell == "G5" for p in win.session.problems())
    assert model.setData(model.index(2, COLUMNS.index("percent")), "80%")
    assert win.session.rows[2].state == "done"
    assert not model.flags(model.index(0, COLUMNS.index("title"))) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, COLUMNS.index("percent")).data() == "60"
    win.tabs.setCurrentIndex(0)
    win.tasks.setCurrentRow(2)
    assert win.status.currentData() == "delayed"
    assert win.fields["problems"].toPlainText() == "资金未到位"

    out = win.export(tmp_path / "back" / "filled.xlsx")
    assert out is not None and out.is_file()
    # merged by the coordinator like any returned workbook
    db = open_database(db_path)
    try:
        result = merge_files(db, [out], today=TODAY)
    finally:
        db.close()
    assert [f.status for f in result.files] == ["accepted"], result.files[0].errors
    rows = dict(query(db_path, "SELECT t.code, p.status || '|' || ifnull(p.percent, '') || '|' || p.narrative "
                               "FROM progress p JOIN task t ON t.id = p.task_id WHERE p.is_current = 1"))
    assert rows["1.1"] == "in_progress|60.0|已完成屋顶光伏选址，=HYPERLINK(\"x\") 不是公式"
    assert rows["1.3"].startswith("completed|100.0")
    assert rows["2.2"].startswith("delayed|")


def test_work_in_progress_survives_closing_and_is_restored(qtbot, issued: tuple[Path, Path]) -> None:
    _db_path, workbook = issued
    win = BureauWindow(workbook)
    qtbot.addWidget(win)
    win.tasks.setCurrentRow(1)
    win.status.setCurrentIndex(win.status.findData("in_progress"))
    win.fields["next_steps"].setPlainText("十一月底前完成验收")
    win.close()  # the last typing is applied and autosaved on close
    again = BureauWindow(workbook)
    qtbot.addWidget(again)
    assert again.session.restored and again.notice.isVisibleTo(again)
    assert again.session.rows[1].values.next_steps == "十一月底前完成验收"
    again.tasks.setCurrentRow(1)
    assert again.fields["next_steps"].toPlainText() == "十一月底前完成验收"
    # the entries live in the autosave; the issued workbook itself was never written to
    assert all(r.raw["status"] is None and not r.raw["next_steps"] for r in read_workbook(workbook).rows)
    assert BureauSession.open(workbook).rows[1].values.status is not None


def test_export_refused_while_a_reported_row_has_no_status(qtbot, issued: tuple[Path, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _db_path, workbook = issued
    win = BureauWindow(workbook)
    qtbot.addWidget(win)
    shown = []
    monkeypatch.setattr("desktop_app.ui.bureau_window.show_error", lambda *a, **k: shown.append(a[1]))
    win.fields["narrative"].setPlainText("写了进展但没有选状态")
    assert win.apply_form()
    assert win.export(tmp_path / "x.xlsx") is None
    assert shown and "F3" in str(shown[0])
    assert not (tmp_path / "x.xlsx").exists()


def test_check_counts_blank_and_refused_rows_truthfully_in_chinese(qtbot, issued: tuple[Path, Path]) -> None:
    """Issue #17 item 8: with 2 of 3 tasks blank the check does not say everything is filled in; a row
    whose percent was refused has no ✓; the reasons are Chinese in the Chinese window."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.app import current_lang, set_language

    _db_path, workbook = issued
    before = current_lang()
    set_language("zh", remember=False)
    try:
        win = BureauWindow(workbook)
        qtbot.addWidget(win)
        win.tasks.setCurrentRow(0)
        win.status.setCurrentIndex(win.status.findData("in_progress"))
        win.fields["percent"].setText("0.85")
        assert win.apply_form() is False
        assert "是否指 85%" in win.problem_label.text()
        assert win.session.rows[0].state == "invalid" and win.tasks.item(0).text().startswith("✗")
        win.check()
        box = win.findChild(QMessageBox, "bureau-check")
        text = box.text()
        assert "3 项任务中还有 2 项未填写" in text and "是否指 85%" in text
        assert "Everything is filled in" not in text and win.last_check.blank == [1, 2]
        box.close()
        win.fields["percent"].setText("85")
        assert win.apply_form()
        assert win.tasks.item(0).text().startswith("✓")
    finally:
        set_language(before, remember=False)
