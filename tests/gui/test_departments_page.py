"""The departments page: edit with undo/redo written to the database, new department, merge, to-check filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.domain.models import DeptKind
from desktop_app.services import backup
from desktop_app.store import departments
from desktop_app.store.db import write_tx
from desktop_app.ui.dept_edit import DeptEditDialog, MergeDeptDialog
from desktop_app.ui.models.departments_model import DeptRole

pytestmark = pytest.mark.gui


@pytest.fixture
def page(window):
    window.show_view("departments")
    return window.pages["departments"]


def _codes_shown(page) -> list[str]:
    return [page.proxy.index(r, 0).data(DeptRole.CODE) for r in range(page.proxy.rowCount())]


def _assignments(db, code) -> int:
    return db.execute("SELECT count(*) FROM assignment a JOIN department d ON d.id = a.department_id "
                      "WHERE d.code = ?", [code]).fetchone()[0]


def test_edit_names_and_alias_then_undo_and_redo(window, page, qtbot, monkeypatch):
    dept = departments.list_departments(window.db)[3]
    before = departments.get(window.db, dept.code)
    assert page.select_code(dept.code)

    def fill(dialog: DeptEditDialog) -> int:
        assert dialog.before is not None and dialog.code.isReadOnly()
        dialog.name_zh.setText("区生态环境局（新）")
        dialog.name_en.setText("District Ecology Bureau")
        dialog.show()
        dialog.new_alias.setFocus()
        dialog.new_alias.setText("生态环境局")
        qtbot.keyClick(dialog.new_alias, Qt.Key.Key_Return)   # adds the alias, keeps the dialog open
        assert dialog.isVisible() and dialog.new_alias.text() == ""
        dialog.new_alias.setText("Eco Bureau")
        dialog.new_alias_lang.setCurrentIndex(dialog.new_alias_lang.findData("en"))
        dialog.add_alias_button.click()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DeptEditDialog, "exec", fill)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)   # Enter opens the editor
    after = departments.get(window.db, dept.code)
    assert (after.name_zh, after.name_en) == ("区生态环境局（新）", "District Ecology Bureau")
    assert ("生态环境局", "zh") in after.aliases and ("Eco Bureau", "en") in after.aliases
    assert departments.find(window.db, "eco bureau").code == dept.code
    row = page.model.row_of(dept.code)
    assert page.model.index(row, 1).data() == "区生态环境局（新）"
    assert window.undo_stack.undoText().endswith(dept.code)
    assert window.db.execute("SELECT action FROM audit_log WHERE entity = 'department' AND entity_id = ? "
                             "ORDER BY id DESC", [dept.code]).fetchone()[0] == "update"

    window.act_undo.trigger()
    restored = departments.get(window.db, dept.code)
    assert restored == before
    assert departments.find(window.db, "Eco Bureau") is None
    assert page.model.index(page.model.row_of(dept.code), 1).data() == before.name_zh
    window.act_redo.trigger()
    assert departments.get(window.db, dept.code).name_en == "District Ecology Bureau"
    assert page.current_code() == dept.code


def test_double_click_opens_editor_and_remove_alias(window, page, qtbot, monkeypatch):
    dept = departments.list_departments(window.db)[0]
    with write_tx(window.db):
        departments.add_alias(window.db, dept.id, "旧称", "zh")
    page.set_database(window.db, window.plan_id)
    seen = []

    def fill(dialog: DeptEditDialog) -> int:
        seen.append(dialog)
        row = next(r for r in range(dialog.aliases.rowCount()) if dialog.aliases.item(r, 0).text() == "旧称")
        dialog.aliases.selectRow(row)
        dialog.remove_alias_button.click()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DeptEditDialog, "exec", fill)
    page.select_code(dept.code)
    index = page.table.currentIndex()
    page.table.doubleClicked.emit(index)
    assert seen
    assert departments.find(window.db, "旧称") is None
    window.undo_stack.undo()
    assert departments.find(window.db, "旧称").code == dept.code


def test_new_department_undo_removes_it(window, page, monkeypatch):
    members = [d.code for d in departments.list_departments(window.db) if d.kind != DeptKind.PLACEHOLDER][:2]

    def fill(dialog: DeptEditDialog) -> int:
        assert dialog.before is None
        dialog.code.setText("CN-CENTER")
        dialog.name_zh.setText("区碳中和促进中心")
        dialog.name_en.setText("District Carbon Neutrality Centre")
        dialog.kind.setCurrentIndex(dialog.kind.findData(DeptKind.PLACEHOLDER.value))
        assert dialog.members_box.isVisibleTo(dialog)
        for i in range(dialog.members.count()):
            if dialog.members.item(i).data(Qt.ItemDataRole.UserRole) in members:
                dialog.members.item(i).setCheckState(Qt.CheckState.Checked)
        dialog.contact_person.setText("王伟")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DeptEditDialog, "exec", fill)
    n = page.model.rowCount()
    page.new_button.click()
    created = departments.get(window.db, "CN-CENTER")
    assert created is not None and created.contact_person == "王伟" and created.members == members
    assert page.model.rowCount() == n + 1 and page.current_code() == "CN-CENTER"
    window.undo_stack.undo()
    assert departments.get(window.db, "CN-CENTER") is None
    assert page.model.rowCount() == n
    window.undo_stack.redo()
    assert departments.get(window.db, "CN-CENTER").name_zh == "区碳中和促进中心"


def test_merge_moves_assignments_and_hides_the_merged_one(window, page, monkeypatch):
    rows = window.db.execute(
        "SELECT d.code, count(*) FROM assignment a JOIN department d ON d.id = a.department_id "
        "GROUP BY d.code ORDER BY count(*) DESC, d.code LIMIT 2").fetchall()
    (dst, n_dst), (src, n_src) = rows
    src_name = departments.get(window.db, src).name_zh
    shared = window.db.execute(
        "SELECT count(*) FROM assignment a JOIN assignment b ON a.task_id = b.task_id "
        "JOIN department s ON s.id = a.department_id JOIN department t ON t.id = b.department_id "
        "WHERE s.code = ? AND t.code = ?", [src, dst]).fetchone()[0]
    window.undo_stack.push(_noop_command())
    dialogs = []

    def choose(dialog: MergeDeptDialog) -> int:
        dialogs.append(dialog)
        assert "cannot be undone" in dialog.warning.text()
        assert not dialog.merge_button.isEnabled() or dialog.target_code() is not None
        dialog.search.setText(dst)
        assert dialog.target_code() == dst and dialog.merge_button.isEnabled()
        dialog.merge_button.click()
        return dialog.result()

    monkeypatch.setattr(MergeDeptDialog, "exec", choose)
    assert page.select_code(src)
    assert page.merge_button.isEnabled(), (page.current_code(), page.db)
    page.merge_button.click()
    assert dialogs
    assert _assignments(window.db, src) == 0
    assert _assignments(window.db, dst) == n_dst + n_src - shared
    assert departments.find(window.db, src_name).code == dst
    assert src not in _codes_shown(page) and dst in _codes_shown(page)
    assert page.current_code() == dst
    assert window.undo_stack.count() == 0
    assert [b for b in backup.backups_of(window.db) if b.reason == "merge_departments"]
    assert dst in page.message.text() and page.message.isVisibleTo(page)


def test_to_check_rows_are_highlighted_and_filterable(window, page):
    codes = [d.code for d in departments.list_departments(window.db)[:2]]
    with write_tx(window.db):
        window.db.execute(f"UPDATE department SET to_check = 1 WHERE code IN ({','.join('?' * len(codes))})", codes)
    page.set_database(window.db, window.plan_id)
    row = page.model.row_of(codes[0])
    assert page.model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.index(page.model.row_of(codes[0]) + 2, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "2 to check" in page.count.text()
    page.only_to_check.setChecked(True)
    assert sorted(_codes_shown(page)) == sorted(codes)
    page.only_to_check.setChecked(False)
    assert len(_codes_shown(page)) == page.model.rowCount()


def test_saving_clears_the_to_check_flag(window, page, monkeypatch):
    code = departments.list_departments(window.db)[1].code
    with write_tx(window.db):
        window.db.execute("UPDATE department SET to_check = 1 WHERE code = ?", [code])
    page.set_database(window.db, window.plan_id)
    page.select_code(code)
    monkeypatch.setattr(DeptEditDialog, "exec",
                        lambda dialog: (dialog.check_note.isVisibleTo(dialog) and dialog.accept(), dialog.result())[1])
    page.edit_current()
    assert not departments.get(window.db, code).to_check
    window.undo_stack.undo()
    assert departments.get(window.db, code).to_check


def test_model_passes_qtmodeltester(window, qtmodeltester):
    from desktop_app.ui.models.departments_model import DepartmentsModel

    model = DepartmentsModel()
    model.load(window.db)
    qtmodeltester.check(model)


def _noop_command():
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("noop")
