"""Import → review → commit in the dialog, and the same file again offered as an update with a diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.store import ledger
from desktop_app.store.db import open_database
from desktop_app.ui.import_dialog import ImportDialog
from tests.gui.cycle_helpers import query

pytestmark = pytest.mark.gui

PLAN = """某区碳达峰实施方案
一、主要目标
到2025年，非化石能源占比达到20%左右。
二、重点任务
（一）能源
1.发展光伏。“十四五”期间新增光伏29.4万千瓦。（责任单位：区发展改革委、区经委）
2.建设加氢站。到2025年建成加氢站6座。（责任单位：区经委、安亭镇）
3.推进储能示范。（责任单位：区经委）
4.推动充电设施建设。（责任单位：区建管委）
（二）节能
1.数据中心节能。新建数据中心PUE不高于1.3。（区科委牵头，某某新设办公室按职责分工负责）
2.开展节能诊断。
"""


def preview(qtbot, dialog: ImportDialog) -> None:
    op = dialog.next_step()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "succeeded", op.error
    assert dialog.pages.currentIndex() == 1


def test_import_review_and_commit(qtbot, tmp_path: Path) -> None:
    db_path = tmp_path / "plan.sqlite"
    open_database(db_path).close()
    doc = tmp_path / "plan.txt"
    doc.write_bytes(PLAN.encode("gb18030"))
    dialog = ImportDialog(db_path)
    qtbot.addWidget(dialog)
    assert not dialog.next_button.isEnabled()
    dialog.file_edit.setText(str(doc))
    preview(qtbot, dialog)
    draft = dialog.draft
    assert [t.code for t in draft.tasks] == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2"]
    # warnings are highlighted: 2.2 has no unit, 2.1 names an unknown office
    no_unit = dialog.find_item("task", 5)
    assert no_unit is not None and no_unit.toolTip(1) == "No responsible unit"
    unknown = dialog.find_item("task", 4)
    assert "某某新设办公室" in unknown.toolTip(1)
    assert dialog.find_item("task", 0).toolTip(1) == ""
    assert dialog.warnings.count() >= 1
    assert "6 tasks" in dialog.review_summary.text()

    # 1.3 is really a heading over 1.4: make it a section
    dialog.select("task", 2)
    assert dialog.promote_button.isEnabled()
    dialog.promote_button.click()
    assert len(dialog.draft.tasks) == 5
    assert any(s.title == "推进储能示范" for s in dialog.draft.sections)
    # undo, then merge 1.3 and 1.4 instead
    dialog.undo_button.click()
    assert len(dialog.draft.tasks) == 6
    dialog.select("task", 2)
    dialog.merge_button.click()
    assert [t.code for t in dialog.draft.tasks] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    merged = dialog.draft.tasks[2]
    assert "储能" in merged.text and "充电" in merged.text
    # split 1.1 where its second sentence starts
    dialog.select("task", 0)
    text = dialog.draft.tasks[0].text
    cursor = dialog.text_view.textCursor()
    cursor.setPosition(text.index("“十四五”"))
    dialog.text_view.setTextCursor(cursor)
    dialog.split_button.click()
    assert len(dialog.draft.tasks) == 6 and dialog.draft.tasks[1].text.startswith("“十四五”")
    dialog.undo_button.click()
    # give 2.2 (now index 4) a lead unit from the department picker
    dialog.select("task", 4)
    assert "No responsible unit" in dialog.task_problems.text()
    dialog.set_lead("区发展改革委")
    assert dialog.draft.tasks[4].lead is not None
    assert dialog.find_item("task", 4).toolTip(1) == ""
    # correct a target: 6 stations become 8
    dialog.select("task", 1)
    assert dialog.targets.rowCount() == 1 and dialog.targets.item(0, 0).text() == "6"
    dialog.edit_target(0, "value", "8")
    assert dialog.draft.tasks[1].targets[0].value == 8.0
    dialog.edit_target(0, "year", "soon")
    assert "not a valid year" in dialog.task_problems.text()
    assert dialog.draft.tasks[1].targets[0].year == 2025

    changes = []
    dialog.changed.connect(changes.append)
    op = dialog.next_step()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "succeeded", op.error
    assert dialog.result.created and changes and changes[0].tasks
    db = open_database(db_path)
    try:
        rows = ledger.ledger_rows(db, dialog.result.plan_id)
        assert [r.code for r in rows] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
        assert rows[4].lead is not None and rows[4].lead.name_zh == "区发展改革委"
        assert rows[1].targets[0].value == 8.0
        assert db.execute("SELECT count(*) FROM plan").fetchone()[0] == 1
    finally:
        db.close()

    # the same file again is offered as an update of that plan, with the diff against the ledger
    again = ImportDialog(db_path, path=doc)
    qtbot.addWidget(again)
    preview(qtbot, again)
    assert again.preview.existing_plan_id == dialog.result.plan_id
    assert again.update_box.isVisibleTo(again) and "imported from the same file" in again.update_box.text()
    assert again.diff_list.count() >= 1
    op = again.next_step()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "succeeded", op.error
    assert not again.result.created and again.result.plan_id == dialog.result.plan_id
    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM plan").fetchone()[0] == 1
    finally:
        db.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_bad_file_shows_a_message_and_writes_nothing(qtbot, tmp_path: Path) -> None:
    db_path = tmp_path / "plan.sqlite"
    open_database(db_path).close()
    bad = tmp_path / "garbage.docx"
    bad.write_bytes(b"\x00\x01 not a word file")
    dialog = ImportDialog(db_path, path=bad)
    qtbot.addWidget(dialog)
    op = dialog.next_step()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "failed" and dialog.pages.currentIndex() == 0
    box = dialog.findChild(QMessageBox, "peakdesk-error")
    assert box is not None and "garbage.docx" in box.text()
    assert query(db_path, "SELECT count(*) FROM plan") == [(0,)]
    assert dialog.next_button.isEnabled()


NO_UNITS = """某县节能方案
一、重点任务
1.推广屋顶光伏。新增装机2万千瓦。
2.淘汰燃煤锅炉。淘汰锅炉10台。
3.推进节能诊断。
"""


def choice(dialog: ImportDialog, name: str) -> int:
    return next((i for i, u in enumerate(dialog.unit_choices) if u.name == name), -1)


def test_units_on_a_new_database_typed_and_created_inline(qtbot, tmp_path: Path) -> None:
    """Issue 17 item 3: a plan that names no unit, on a new database: typed names become units."""
    db_path = tmp_path / "new.sqlite"
    open_database(db_path).close()
    doc = tmp_path / "plan.txt"
    doc.write_text(NO_UNITS, encoding="utf-8")
    dialog = ImportDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(doc))
    preview(qtbot, dialog)
    assert dialog.lead.count() == 0                      # nothing to pick yet: registry and plan are empty
    dialog.select("task", 0)
    dialog.lead.setEditText("县发改局")                   # typed, confirmed with Enter
    dialog.lead.lineEdit().returnPressed.emit()
    assert dialog.draft.tasks[0].lead is not None and dialog.draft.tasks[0].lead.name == "县发改局"
    assert choice(dialog, "县发改局") >= 0                # now a choice for every other task
    dialog.select("task", 1)
    dialog.lead.setCurrentIndex(choice(dialog, "县发改局"))
    dialog.apply_units()
    dialog.add_unit.setEditText("县生态环境分局")
    dialog.add_unit_button.click()
    assert [u.name for u in dialog.draft.tasks[1].cooperating] == ["县生态环境分局"]
    dialog.select("task", 2)
    unit = dialog.new_unit_as_lead("县机关事务服务中心")     # New Unit… button
    assert unit is not None and dialog.draft.tasks[2].lead.name == "县机关事务服务中心"
    # match the unknown cooperating unit to another one, then commit
    dialog.select("task", 1)
    dialog.cooperating.setCurrentRow(0)
    dialog.add_unit.setCurrentIndex(choice(dialog, "县机关事务服务中心"))
    dialog.replace_unit_button.click()
    assert [u.name for u in dialog.draft.tasks[1].cooperating] == ["县机关事务服务中心"]
    op = dialog.next_step()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    db = open_database(db_path)
    try:
        names = {r[0] for r in db.execute("SELECT name_zh FROM department").fetchall()}
        assert names == {"县发改局", "县机关事务服务中心"}
        rows = ledger.ledger_rows(db, dialog.result.plan_id)
        assert [r.lead.name_zh if r.lead else None for r in rows] == ["县发改局", "县发改局", "县机关事务服务中心"]
    finally:
        db.close()


def test_escape_with_edits_asks_before_discarding(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17 item 6: Escape or Cancel in the review throws nothing away without asking."""
    db_path = tmp_path / "plan.sqlite"
    open_database(db_path).close()
    doc = tmp_path / "plan.txt"
    doc.write_text(NO_UNITS, encoding="utf-8")
    dialog = ImportDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(doc))
    preview(qtbot, dialog)
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(True) or False)
    dialog.reject()                                     # no edit yet: closes without asking … re-open below
    assert asked == [] and not dialog.isVisible()
    dialog.show()
    dialog.select("task", 0)
    dialog.new_unit_as_lead("县发改局")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()        # "keep editing" answered: still open, edit kept
    assert dialog.draft.tasks[0].lead.name == "县发改局"
    dialog.close()
    assert asked == [True, True] and dialog.isVisible()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_unknown_units_matched_or_dropped_and_an_unknown_column_mapped(qtbot, tmp_path: Path) -> None:
    """What was not understood is shown with an action: unknown units (match / drop), a proposed match
    for another spelling of a registered unit, a table column the importer did not know."""
    import openpyxl

    from desktop_app.store import departments

    db_path = tmp_path / "plan.sqlite"
    db = open_database(db_path)
    departments.upsert(db, "M-DRC", "市发展改革委", "Municipal Development and Reform Commission")
    db.close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "重点任务", "经办科室", "配合单位", "完成时限"])
    ws.append(["1", "推进光伏开发，新增装机5万千瓦。", "市发改委", "市某某新设中心", "2025年底"])
    ws.append(["2", "推进储能建设。", "市能源局", "市某某新设中心、市财政局", "2025年底"])
    path = tmp_path / "table.xlsx"
    wb.save(path)
    dialog = ImportDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(path))
    preview(qtbot, dialog)
    kinds = {w.kind for w in dialog.draft.warnings}
    assert "unmapped_column" in kinds                          # 经办科室 is not a known column name
    assert dialog.draft.tasks[0].lead.name == "市某某新设中心"   # so the cooperating column led
    op = dialog.map_column("经办科室", "lead")                   # the chooser's answer: read the file again
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert [t.lead.name for t in dialog.draft.tasks] == ["市发改委", "市能源局"]
    proposed = [w for w in dialog.draft.warnings if w.kind == "unit_match_proposed"]
    assert proposed and proposed[0].data == {"name": "市发改委", "code": "M-DRC", "registry_name": "市发展改革委"}
    assert dialog.draft.tasks[0].lead.code is None               # proposed, not applied: the plan's own name
    assert dialog.match_unit_everywhere("市发改委", "M-DRC") == 1
    assert dialog.draft.tasks[0].lead.code == "M-DRC"
    assert dialog.drop_unit_everywhere("市某某新设中心") == 2
    assert [[u.name for u in t.cooperating] for t in dialog.draft.tasks] == [[], ["市财政局"]]
    assert dialog.has_edits()
