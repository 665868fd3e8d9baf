"""Merge returned workbooks from the dialog: a folder with one bad file, drops, check-only, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QUrl

from desktop_app.exchange.workbook import PROGRESS_SHEET
from desktop_app.services.issue_packages import export_packages
from desktop_app.store.db import open_database
from desktop_app.ui.merge_dialog import MergeDialog, accepts_drop, merge_dropped
from tests.cycle_data import DEMO_TODAY
from tests.gui.cycle_helpers import cycle_db_file, fill_workbook, issue, query

pytestmark = pytest.mark.gui

FILLED = {"status": "推进中", "percent": 40, "narrative": "=1+1 已完成前期调研", "contact_person": "王明"}


def dept_state(path: Path, code: str) -> list[tuple]:
    """Everything the database holds about one department's reporting."""
    return (query(path, "SELECT p.* FROM progress p JOIN department d ON d.id = p.department_id WHERE d.code = ?",
                  [code])
            + query(path, "SELECT s.* FROM submission s JOIN department d ON d.id = s.department_id "
                          "WHERE d.code = ?", [code]))


@pytest.fixture
def returned(tmp_path: Path) -> tuple[Path, Path]:
    """A folder (with a sub-folder) holding two good returned workbooks and one with an edited title."""
    path, plan_id = cycle_db_file(tmp_path)
    files = issue(path, plan_id, tmp_path / "issued", ["FGW", "JW", "JSW"])
    back = tmp_path / "returned"
    (back / "sub").mkdir(parents=True)
    fill_workbook(files["FGW"], FILLED, out=back / files["FGW"].name)
    fill_workbook(files["JW"], {**FILLED, "status": "已完成", "percent": 100}, out=back / "sub" / files["JW"].name)
    bad = fill_workbook(files["JSW"], FILLED, out=back / files["JSW"].name)
    wb = load_workbook(bad)
    wb[PROGRESS_SHEET]["B3"] = "改过的任务名称"
    wb.save(bad)
    (back / "notes.txt").write_text("not a workbook", encoding="utf-8")
    return path, back


def test_merging_a_folder_with_one_bad_file(qtbot, returned: tuple[Path, Path]) -> None:
    path, folder = returned
    before_bad = dept_state(path, "JSW")
    dialog = MergeDialog(path, paths=[folder])
    qtbot.addWidget(dialog)
    assert dialog.paths() == [folder]
    changes = []
    dialog.changed.connect(changes.append)
    op = dialog.start()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert op.state == "succeeded"
    table = dialog.results
    rows = {table.item(r, 2).text().split()[0]: [table.item(r, c).text() for c in range(6)]
            for r in range(table.rowCount())}
    assert set(rows) == {"FGW", "JW", "JSW"}
    assert rows["FGW"][1] == "Accepted" and rows["JW"][1] == "Accepted"
    assert rows["JSW"][1] == "Rejected"
    assert rows["FGW"][3] == "2025-10" and rows["FGW"][4] == "3"
    assert "1 rejected" in dialog.summary.text() and "2 accepted" in dialog.summary.text()
    # the rejected file is selected and its errors are listed as sheet / cell / message
    selected = dialog.results.selectionModel().selectedRows()[0].row()
    assert table.item(selected, 2).text().startswith("JSW")
    errors = [[dialog.errors.item(r, c).text() for c in range(3)] for r in range(dialog.errors.rowCount())]
    assert [PROGRESS_SHEET, "B3"] in [e[:2] for e in errors]
    assert all(e[2] for e in errors)
    # the good ones are in the database, the bad one left it exactly as it was
    assert len(query(path, "SELECT * FROM submission WHERE status = 'accepted'")) == 2
    assert dept_state(path, "JSW") == before_bad == []
    narratives = query(path, "SELECT narrative FROM progress WHERE is_current = 1")
    assert narratives and all(n[0] == "=1+1 已完成前期调研" for n in narratives)
    assert changes and changes[0].progress and changes[0].submissions
    assert dialog.backup is not None and dialog.backup.is_file()


def test_check_only_writes_nothing_and_a_second_merge_is_duplicate(qtbot, returned: tuple[Path, Path]) -> None:
    path, folder = returned
    dialog = MergeDialog(path, paths=[folder])
    qtbot.addWidget(dialog)
    dialog.dry_run.setChecked(True)
    op = dialog.start()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert "nothing was written" in dialog.summary.text()
    assert dialog.results.item(0, 1).text() in ("Would be accepted", "Rejected")
    assert query(path, "SELECT count(*) FROM submission")[0][0] == 0
    assert query(path, "SELECT count(*) FROM progress")[0][0] == 0
    dialog.dry_run.setChecked(False)
    op = dialog.start()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    op = dialog.start()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    statuses = sorted(dialog.results.item(r, 1).text() for r in range(dialog.results.rowCount()))
    assert statuses == ["Duplicate (already merged)", "Duplicate (already merged)", "Rejected"]
    assert query(path, "SELECT count(*) FROM submission")[0][0] == 2


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform says so when a dialog is shown
def test_dropping_files_starts_a_merge(qtbot, returned: tuple[Path, Path]) -> None:
    path, folder = returned
    mime = QMimeData()
    good = next(folder.glob("*FGW*.xlsx"))
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(folder / "notes.txt"))])
    assert accepts_drop(mime)
    text_only = QMimeData()
    text_only.setUrls([QUrl.fromLocalFile(str(folder / "notes.txt"))])
    assert not accepts_drop(text_only)
    dialog = merge_dropped(None, path, mime)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.paths() == [good]
    qtbot.waitUntil(lambda: dialog.op is not None and dialog.op.done, timeout=30000)
    assert dialog.results.rowCount() == 1 and dialog.results.item(0, 1).text() == "Accepted"


def test_cancel_stops_after_the_current_file_and_keeps_whole_files(qtbot, tmp_path: Path) -> None:
    """Cancel part-way through a large folder: the job (in its own process) stops; every file merged before
    the cancel is complete, and none after it was touched."""
    import datetime as dt

    from tests.cycle_data import build_bench_db

    path = tmp_path / "bench.sqlite"
    db = open_database(path)
    plan_id = build_bench_db(db, departments=100, per_department=30)
    result = export_packages(db, plan_id, "2025-10", tmp_path / "issued", today=dt.date.fromisoformat(DEMO_TODAY))
    db.close()
    back = tmp_path / "returned"
    back.mkdir()
    for p in result.packages:
        fill_workbook(Path(p.file), FILLED, out=back / Path(p.file).name)
    dialog = MergeDialog(path, paths=[back])
    qtbot.addWidget(dialog)
    op = dialog.start()
    assert op is not None and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=30000)
    dialog.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert op.state == "cancelled"
    accepted = query(path, "SELECT id, row_count FROM submission WHERE status = 'accepted'")
    assert 0 < len(accepted) < 100
    for sub_id, rows in accepted:     # each merged file entirely: one progress version per task it reported
        assert query(path, "SELECT count(*) FROM progress WHERE submission_id = ?", [sub_id])[0][0] == rows == 30
    assert query(path, "SELECT count(*) FROM progress WHERE submission_id IS NULL AND source = 'workbook'")[0][0] == 0
    assert dialog.merge_button.isEnabled() or dialog.close_button.isEnabled()


def test_reasons_in_the_window_language_and_other_formats_listed(qtbot, tmp_path: Path) -> None:
    """Chinese UI: every reason and note of the result is shown in Chinese; a return saved as .xls is listed
    with what to do (conversion switched off here)."""
    from desktop_app.ui.app import current_lang, set_language

    path, plan_id = cycle_db_file(tmp_path)
    files = issue(path, plan_id, tmp_path / "issued", ["FGW", "JW"])
    back = tmp_path / "returned"
    back.mkdir()
    fill_workbook(files["FGW"], {**FILLED, "percent": 0.85}, out=back / files["FGW"].name)
    (back / "JW_filled.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    before = current_lang()
    set_language("zh", remember=False)
    try:
        dialog = MergeDialog(path, paths=[back])
        qtbot.addWidget(dialog)
        dialog.convert.setChecked(False)
        dialog.dry_run.setChecked(True)
        op = dialog.start()
        qtbot.waitUntil(lambda: op.done, timeout=30000)
        names = sorted(dialog.results.item(r, 0).text() for r in range(dialog.results.rowCount()))
        assert names == sorted([files["FGW"].name, "JW_filled.xls"])
        for r in range(dialog.results.rowCount()):
            dialog.results.selectRow(r)
            messages = [dialog.errors.item(i, 2).text() for i in range(dialog.errors.rowCount())]
            assert messages and all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in messages), messages
        assert dialog.backup is None
    finally:
        set_language(before, remember=False)
