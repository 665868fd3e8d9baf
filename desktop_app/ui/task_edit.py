"""Editing a task: the undoable command (each redo/undo writes the database) and the edit dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import ChangeSummary, Direction, Target
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services import clock
from desktop_app.services.edits import Edit, TaskState, department_list, task_code, task_edit
from desktop_app.ui.app import current_lang

__all__ = ["EditCommand", "EditTaskCommand", "TaskEditDialog", "TaskState"]


class EditCommand(QUndoCommand):
    """The one undo command: a core ``Edit`` (services/edits.py) on the window's undo stack.

    redo() writes the edit's ``after``, undo() its ``before``; the core refuses either when the row
    changed since (``StaleEdit``). ``written(changes)`` refreshes the views. When a write is refused the
    command makes itself obsolete, so the undo stack drops it (it can no longer be undone or redone
    without overwriting someone else's change), and ``on_error`` shows the problem.
    """

    def __init__(self, db: Any, edit: Edit, written: Callable[[ChangeSummary], object],
                 on_error: Callable[[BaseException], object]) -> None:
        super().__init__(edit.label.render(current_lang()))
        self.db, self.edit = db, edit
        self.written, self.on_error = written, on_error
        self.failed = False
        self._done_once = False

    def _run(self, write: Callable[[Any], ChangeSummary]) -> None:
        try:
            changes = write(self.db)
        except PeakDeskError as exc:
            self.failed = not self._done_once
            self.setObsolete(True)
            self.on_error(exc)
            return
        self._done_once = True
        self.written(changes)

    def redo(self) -> None:
        self._run(self.edit.apply)

    def undo(self) -> None:
        self._run(self.edit.revert)


def EditTaskCommand(db: Any, task_id: int, code: str, before: TaskState, after: TaskState,  # noqa: N802
                    written: Callable[[int], None], on_error: Callable[[BaseException], None]) -> EditCommand:
    """A task edit on the undo stack (``written`` gets the task id, as the ledger page expects)."""
    return EditCommand(db, task_edit(db, task_id, after, before), lambda _changes: written(task_id), on_error)


DIRECTIONS = [d.value for d in Direction]


def direction_label(value: str) -> str:
    return {
        "at_least": QCoreApplication.translate("TaskEdit", "at least"),
        "at_most": QCoreApplication.translate("TaskEdit", "at most"),
        "reduce_by": QCoreApplication.translate("TaskEdit", "reduce by"),
        "increase_by": QCoreApplication.translate("TaskEdit", "increase by"),
        "about": QCoreApplication.translate("TaskEdit", "about"),
    }[value]


class TaskEditDialog(QDialog):
    """Title, text, due date, targets, lead and cooperating units of one task."""

    TARGET_COLUMNS = 6

    def __init__(self, db: Any, task_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task-edit-dialog")
        self.db, self.task_id = db, task_id
        self.before = TaskState.read(db, task_id)
        lang = current_lang()
        self.setWindowTitle(self.tr("Edit Task %1").replace("%1", task_code(db, task_id)))
        self.resize(760, 560)

        self.title_zh = QLineEdit(self.before.title_zh)
        self.title_zh.setObjectName("title_zh")
        self.title_en = QLineEdit(self.before.title_en)
        self.title_en.setObjectName("title_en")
        self.text_zh = QPlainTextEdit(self.before.text_zh)
        self.text_zh.setObjectName("text_zh")
        self.text_en = QPlainTextEdit(self.before.text_en)
        self.text_en.setObjectName("text_en")
        self.has_due = QCheckBox(self.tr("Due by"))
        self.has_due.setObjectName("has_due")
        self.due = QDateEdit()
        self.due.setObjectName("due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        due = self.before.due_date
        self.has_due.setChecked(due is not None)
        shown = due or clock.today(db)
        self.due.setDate(QDate(shown.year, shown.month, shown.day))
        self.due.setEnabled(due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)

        depts = department_list(db)
        self.lead = QComboBox()
        self.lead.setObjectName("lead")
        self.lead.addItem(self.tr("(none)"), None)
        for d in depts:
            self.lead.addItem(f"{d.name(lang)}  [{d.code}]", d.code)
        self.lead.setCurrentIndex(max(self.lead.findData(self.before.lead), 0))
        self.lead.setEditable(False)
        self.cooperating = QListWidget()
        self.cooperating.setObjectName("cooperating")
        for d in depts:
            item = QListWidgetItem(f"{d.name(lang)}  [{d.code}]")
            item.setData(Qt.ItemDataRole.UserRole, d.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.code in self.before.cooperating
                               else Qt.CheckState.Unchecked)
            self.cooperating.addItem(item)
        self.coop_filter = QLineEdit()
        self.coop_filter.setPlaceholderText(self.tr("Filter units…"))
        self.coop_filter.setClearButtonEnabled(True)
        self.coop_filter.textChanged.connect(self._filter_units)

        self.targets = QTableWidget(0, self.TARGET_COLUMNS)
        self.targets.setObjectName("targets")
        self.targets.setHorizontalHeaderLabels([
            self.tr("Metric"), self.tr("Direction"), self.tr("Value"), self.tr("Unit"), self.tr("Year"),
            self.tr("Source text")])
        self.targets.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.targets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for t in self.before.targets:
            self._add_target_row(t)
        add = QPushButton(self.tr("&Add Target"))
        add.clicked.connect(lambda: self._add_target_row(Target(value=None)))
        remove = QPushButton(self.tr("&Remove Target"))
        remove.clicked.connect(self._remove_target_rows)

        tabs = QTabWidget()
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("Title (Chinese):"), self.title_zh)
        form.addRow(self.tr("Title (English):"), self.title_en)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        form.addRow(self.tr("Due date:"), due_row)
        form.addRow(self.tr("Text (Chinese):"), self.text_zh)
        form.addRow(self.tr("Text (English):"), self.text_en)
        tabs.addTab(general, self.tr("&Task"))
        units = QWidget()
        uform = QFormLayout(units)
        uform.addRow(self.tr("Lead unit:"), self.lead)
        uform.addRow(self.tr("Cooperating units:"), self.coop_filter)
        uform.addRow("", self.cooperating)
        tabs.addTab(units, self.tr("&Units"))
        tpage = QWidget()
        tlay = QVBoxLayout(tpage)
        tlay.addWidget(self.targets)
        brow = QHBoxLayout()
        brow.addWidget(add)
        brow.addWidget(remove)
        brow.addStretch(1)
        tlay.addLayout(brow)
        tabs.addTab(tpage, self.tr("Tar&gets"))
        self.tabs = tabs

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.setTabOrder(self.title_zh, self.title_en)
        self.setTabOrder(self.title_en, self.has_due)
        self.setTabOrder(self.has_due, self.due)
        self.setTabOrder(self.due, self.text_zh)
        self.setTabOrder(self.text_zh, self.text_en)
        self.title_zh.setFocus()

    def _filter_units(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.cooperating.count()):
            item = self.cooperating.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _add_target_row(self, t: Target) -> None:
        row = self.targets.rowCount()
        self.targets.insertRow(row)
        self.targets.setItem(row, 0, QTableWidgetItem(t.metric))
        combo = QComboBox()
        for value in DIRECTIONS:
            combo.addItem(direction_label(value), value)
        combo.setCurrentIndex(DIRECTIONS.index(Direction(t.direction).value))
        self.targets.setCellWidget(row, 1, combo)
        self.targets.setItem(row, 2, QTableWidgetItem("" if t.value is None else f"{t.value:g}"))
        self.targets.setItem(row, 3, QTableWidgetItem(t.unit))
        self.targets.setItem(row, 4, QTableWidgetItem("" if t.year is None else str(t.year)))
        item = QTableWidgetItem(t.text)
        item.setData(Qt.ItemDataRole.UserRole, (t.baseline, t.baseline_year))
        self.targets.setItem(row, 5, item)

    def _remove_target_rows(self) -> None:
        for row in sorted({i.row() for i in self.targets.selectedIndexes()}, reverse=True):
            self.targets.removeRow(row)

    def _cell(self, row: int, col: int) -> str:
        item = self.targets.item(row, col)
        return item.text().strip() if item else ""

    def read_targets(self) -> tuple[Target, ...]:
        out = []
        for row in range(self.targets.rowCount()):
            value_text, year_text = self._cell(row, 2), self._cell(row, 4)
            try:
                value = float(value_text) if value_text else None
                year = int(year_text) if year_text else None
            except ValueError as exc:
                raise PeakDeskError(msg("uicore.target_not_number", row=row + 1)) from exc
            combo = self.targets.cellWidget(row, 1)
            direction = Direction(combo.currentData()) if isinstance(combo, QComboBox) else Direction.AT_LEAST
            text_item = self.targets.item(row, 5)
            baseline, baseline_year = (text_item.data(Qt.ItemDataRole.UserRole) or (None, None)) if text_item \
                else (None, None)
            out.append(Target(value=value, unit=self._cell(row, 3), year=year, direction=direction,
                              text=self._cell(row, 5), metric=self._cell(row, 0), baseline=baseline,
                              baseline_year=baseline_year))
        return tuple(out)

    def state(self) -> TaskState:
        """What the dialog holds now (raises PeakDeskError for values that are not numbers)."""
        lead = self.lead.currentData()
        coop = tuple(self.cooperating.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.cooperating.count())
                     if self.cooperating.item(i).checkState() == Qt.CheckState.Checked
                     and self.cooperating.item(i).data(Qt.ItemDataRole.UserRole) != lead)
        # keep the original order of units that stay, new ones after
        kept = tuple(c for c in self.before.cooperating if c in coop)
        coop = kept + tuple(c for c in coop if c not in kept)
        return TaskState(
            title_zh=self.title_zh.text().strip(), title_en=self.title_en.text().strip(),
            text_zh=self.text_zh.toPlainText(), text_en=self.text_en.toPlainText(),
            due_date=_qdate(self.due.date()) if self.has_due.isChecked() else None,
            lead=lead, cooperating=coop, targets=self.read_targets())

    def accept(self) -> None:
        from desktop_app.ui.ops import show_error

        try:
            state = self.state()
        except PeakDeskError as exc:
            show_error(self, exc)
            return
        if not state.title_zh:
            show_error(self, PeakDeskError(msg("core.task_title_empty")))
            return
        self.after = state
        super().accept()


def _qdate(value: QDate) -> dt.date:
    date = value.toPython()
    assert isinstance(date, dt.date)
    return date
