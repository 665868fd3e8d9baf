"""Editing the ledger in the window: undo/redo writes the database each time; filters and search."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from desktop_app.store import ledger
from desktop_app.store.search import search_tasks
from desktop_app.ui.models.ledger_model import Column
from desktop_app.ui.task_edit import TaskEditDialog

pytestmark = pytest.mark.gui


def _title_in_db(window, task_id):
    return window.db.execute("SELECT title_zh, title_en, due_date FROM task WHERE id = ?", [task_id]).fetchone()


def test_inline_edit_undo_redo_is_written_each_time(window, qtbot):
    page = window.pages["ledger"]
    page.group_box.setChecked(False)  # flat table
    task = page.model.task_at(0)
    assert page.select_task(task.id)
    idx = page.view_index_for_task(task.id, Column.TITLE)
    old_en = task.title_en
    assert page.view.model().setData(idx, "Grow non-fossil energy faster", Qt.ItemDataRole.EditRole)
    assert _title_in_db(window, task.id)[1] == "Grow non-fossil energy faster"
    assert page.view_index_for_task(task.id, Column.TITLE).data() == "Grow non-fossil energy faster"

    window.act_undo.trigger()
    assert _title_in_db(window, task.id)[1] == old_en
    assert page.view_index_for_task(task.id, Column.TITLE).data() == old_en
    window.act_redo.trigger()
    assert _title_in_db(window, task.id)[1] == "Grow non-fossil energy faster"

    due_idx = page.view_index_for_task(task.id, Column.DUE)
    assert page.view.model().setData(due_idx, QDate(2026, 3, 31), Qt.ItemDataRole.EditRole)
    assert _title_in_db(window, task.id)[2] == "2026-03-31"
    assert "2026-03-31" in page.detail.toPlainText()
    window.undo_stack.undo()
    assert _title_in_db(window, task.id)[2] == (task.due.isoformat() if task.due else None)


def test_dialog_edit_of_text_units_and_targets_with_undo(window, qtbot, monkeypatch):
    page = window.pages["ledger"]
    task = page.model.task_at(5)
    page.select_task(task.id)
    before = ledger.task_detail(window.db, task.id)

    def fill(dialog: TaskEditDialog) -> int:
        dialog.title_zh.setText("加强节能工作精细化管理（修订）")
        dialog.text_zh.setPlainText("新的任务正文：推进重点用能单位节能诊断。")
        # a different lead, and no cooperating units
        lead_index = next(i for i in range(1, dialog.lead.count()) if dialog.lead.itemData(i) != dialog.before.lead)
        dialog.lead.setCurrentIndex(lead_index)
        for i in range(dialog.cooperating.count()):
            dialog.cooperating.item(i).setCheckState(Qt.CheckState.Unchecked)
        dialog._add_target_row(ledger.Target(value=12.5, unit="万吨", year=2025, metric="节能量"))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TaskEditDialog, "exec", fill)
    page.edit_current()
    after = ledger.task_detail(window.db, task.id)
    assert after.title_zh == "加强节能工作精细化管理（修订）"
    assert after.text_zh.startswith("新的任务正文")
    assert after.lead != before.lead and after.cooperating == []
    assert any(t.metric == "节能量" and t.value == 12.5 for t in after.targets)
    assert window.windowTitle().startswith("demo.sqlite *")

    window.undo_stack.undo()
    restored = ledger.task_detail(window.db, task.id)
    assert (restored.title_zh, restored.text_zh, restored.lead, restored.cooperating, restored.targets) == \
        (before.title_zh, before.text_zh, before.lead, before.cooperating, before.targets)
    window.undo_stack.redo()
    assert ledger.task_detail(window.db, task.id).title_zh == "加强节能工作精细化管理（修订）"


def test_keyboard_shortcuts_undo_and_redo(window, qtbot):
    page = window.pages["ledger"]
    task = page.model.task_at(1)
    page.edit_fields(task.id, {"due_date": dt.date(2027, 1, 1)})
    assert _title_in_db(window, task.id)[2] == "2027-01-01"
    page.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _title_in_db(window, task.id)[2] != "2027-01-01"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _title_in_db(window, task.id)[2] == "2027-01-01"


def test_search_box_is_debounced_and_uses_chinese_search(window, qtbot):
    page = window.pages["ledger"]
    page.search.setText("氢能")  # two characters: the LIKE fallback
    assert page.model.rowCount() == 40  # not yet: debounced
    qtbot.waitUntil(lambda: page.model.rowCount() < 40, timeout=2000)
    expected = search_tasks(window.db, window.plan_id, "氢能")
    assert expected and sorted(r.id for r in page.model.visible_rows()) == sorted(expected)
    page.search.setText("新能源汽车")
    page.apply_filters()
    assert sorted(r.id for r in page.model.visible_rows()) == sorted(search_tasks(window.db, window.plan_id, "新能源汽车"))
    page.search.clear()
    page.apply_filters()
    assert page.model.rowCount() == 40


def test_filter_combos_narrow_the_ledger(window):
    page = window.pages["ledger"]
    page.status_filter.setCurrentIndex(page.status_filter.findData("delayed"))
    rows = page.model.visible_rows()
    assert 0 < len(rows) < 40 and all(r.status and r.status.value == "delayed" for r in rows)
    page.status_filter.setCurrentIndex(0)
    page.dept_filter.setCurrentIndex(1)
    code = page.dept_filter.currentData()
    assert all(code in ([r.lead.code] if r.lead else []) + [c.code for c in r.cooperating]
               for r in page.model.visible_rows())
    assert page.count_label.text().endswith("of 40 tasks")
