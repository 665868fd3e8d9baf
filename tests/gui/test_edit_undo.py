"""Undo in the window goes through the core's edits: a task or department that someone else changed
since (a script, another window) is not written back over; the window says so and drops the step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.services.departments import DeptState
from desktop_app.services.desk import Desk
from desktop_app.services.edits import TaskState, department_list

pytestmark = pytest.mark.gui


def _error_boxes(window) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, "peakdesk-error") if b.isVisible()]


def test_undo_of_a_task_edit_refuses_a_task_changed_since(window, qtbot, demo_path: Path) -> None:
    ledger = window.pages["ledger"]
    task_id = window.db.execute("SELECT id FROM task ORDER BY id LIMIT 1").fetchone()[0]
    assert ledger.edit_fields(task_id, {"title_zh": "窗口改的标题"})
    assert TaskState.read(window.db, task_id).title_zh == "窗口改的标题"
    other = Desk.open(demo_path)                 # a script changes the same task meanwhile
    try:
        other.edit_task(task_id, title_zh="脚本改的标题")
    finally:
        other.close()
    window.undo_stack.undo()
    assert TaskState.read(window.db, task_id).title_zh == "脚本改的标题"   # not written over
    qtbot.waitUntil(lambda: bool(_error_boxes(window)) or bool(_error_boxes(ledger)), timeout=3000)
    assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()


def test_undo_and_redo_of_a_department_edit_and_a_stale_redo(window, qtbot, demo_path: Path) -> None:
    window.show_view("departments")
    page = window.pages["departments"]
    code = department_list(window.db)[0].code
    before = DeptState.read(window.db, code)
    after = dataclasses.replace(before, short_en="Edited in the window")
    assert page.push_edit(before, after)
    assert DeptState.read(window.db, code).short_en == "Edited in the window"
    window.undo_stack.undo()
    assert DeptState.read(window.db, code) == before
    other = Desk.open(demo_path)
    try:
        other.edit_department(code, short_en="Edited by a script")
    finally:
        other.close()
    window.undo_stack.redo()                     # redo would overwrite the script's change: refused
    assert DeptState.read(window.db, code).short_en == "Edited by a script"
    qtbot.waitUntil(lambda: bool(_error_boxes(window)) or bool(_error_boxes(page)), timeout=3000)
    assert not window.undo_stack.canRedo()
