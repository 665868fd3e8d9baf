"""The departments page: the registry (bilingual names, kinds, aliases, placeholder members)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.services.departments import DeptState, merge_departments
from desktop_app.ui import settings
from desktop_app.ui.dept_edit import DeptEditDialog, EditDeptCommand, MergeDeptDialog
from desktop_app.ui.models.departments_model import DepartmentsModel, DepartmentsProxy, DeptColumn, DeptRole
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page
from desktop_app.ui.view_kit import keep_on_screen

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class DepartmentsPage(Page):
    key = "departments"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.model = DepartmentsModel(self)
        self.proxy = DepartmentsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setObjectName("departments-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.count = QLabel()
        self.only_to_check = QCheckBox()
        self.only_to_check.setObjectName("departments-to-check")
        self.only_to_check.toggled.connect(self._to_check_toggled)
        self.new_button = QPushButton()
        self.new_button.setObjectName("department-new")
        self.new_button.clicked.connect(self.new_department)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("department-edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("department-merge")
        self.merge_button.clicked.connect(self.merge_current)
        self.import_button = QPushButton()
        self.import_button.setObjectName("department-import-list")
        self.import_button.clicked.connect(lambda _c=False: self.choose_list())
        self.message = QLabel()
        self.message.setObjectName("departments-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.table = QTableView()
        self.table.setObjectName("departments-view")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DeptColumn.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        header = self.table.horizontalHeader()
        state = settings.DEPARTMENTS_HEADER.get()
        if state.isEmpty() or not header.restoreState(state):
            # at 1024 px the columns (90+220+300+130+220 px and the members) ran past the page's right edge:
            # narrower starts, and the English name takes what the others leave (cut with "…" there)
            em = self.table.fontMetrics().horizontalAdvance("M")
            for col, chars in ((DeptColumn.CODE, 7), (DeptColumn.NAME_ZH, 16), (DeptColumn.KIND, 8),
                               (DeptColumn.ALIASES, 14), (DeptColumn.MEMBERS, 10)):
                header.resizeSection(col, em * chars)
            header.setStretchLastSection(False)
            header.setSectionResizeMode(DeptColumn.NAME_EN, QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(em * 4)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.only_to_check)
        bar.addWidget(self.count)
        bar.addSpacing(12)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.merge_button)
        bar.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        for first, second in ((self.filter, self.only_to_check), (self.only_to_check, self.table),
                              (self.table, self.new_button), (self.new_button, self.edit_button),
                              (self.edit_button, self.merge_button)):
            self.setTabOrder(first, second)
        self.retranslate()
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_code():
            self.edit_current()
            return True
        return super().eventFilter(watched, event)

    # --- selection -------------------------------------------------------------------------------
    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        code = index.siblingAtColumn(0).data(DeptRole.CODE)
        return str(code) if code else None

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        has = self.db is not None and self.current_code() is not None
        self.edit_button.setEnabled(has)
        self.merge_button.setEnabled(has)
        self.new_button.setEnabled(self.db is not None)

    def _to_check_toggled(self, on: bool) -> None:
        self.proxy.set_only_to_check(on)
        self._update_count()

    # --- editing ---------------------------------------------------------------------------------
    def new_department(self) -> None:
        if self.db is None:
            return
        dialog = keep_on_screen(DeptEditDialog(self.db, None, self))
        if dialog.exec() == DeptEditDialog.DialogCode.Accepted and dialog.after is not None:
            if self.push_edit(None, dialog.after):
                self.select_code(dialog.after.code)

    def edit_current(self) -> None:
        code = self.current_code()
        if code is None or self.db is None:
            return
        dialog = keep_on_screen(DeptEditDialog(self.db, code, self))
        if dialog.exec() == DeptEditDialog.DialogCode.Accepted:
            self.push_edit(dialog.before, dialog.after)

    def push_edit(self, before: DeptState | None, after: DeptState | None) -> bool:
        """Save through the main window's undo stack; False when nothing changed or the write failed."""
        if before == after:
            return False
        cmd = EditDeptCommand(self.db, before, after, self._written, lambda exc: show_error(self, exc))
        self.window_.undo_stack.push(cmd)
        return not cmd.failed

    def _written(self, changes: ChangeSummary) -> None:
        code = self.current_code()
        self.window_.notify(changes)
        if code:
            self.select_code(code)

    def merge_current(self) -> None:
        code = self.current_code()
        if code is None or self.db is None:
            return
        dialog = keep_on_screen(MergeDeptDialog(self.db, code, self))
        if dialog.exec() != MergeDeptDialog.DialogCode.Accepted:
            return
        target = dialog.target_code()
        if target is None:
            return
        try:
            result = merge_departments(self.db, code, target)
        except PeakDeskError as exc:
            show_error(self, exc)
            return
        # Older undo steps may refer to the merged department; a merge is undone by restoring the backup.
        self.window_.undo_stack.clear()
        self.window_.notify(result.changes)
        self.select_code(target)
        self.message.setText(self.tr("%1 was merged into %2 (%3 task assignments moved). Backup: %4")
                             .replace("%1", code).replace("%2", target)
                             .replace("%3", str(result.moved_assignments)).replace("%4", str(result.backup)))
        self.message.show()

    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db = db
        self.model.load(db)
        self._update_count()
        self._update_buttons()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.departments and not changes.details.get("task_id") and self.db is not None:
            code = self.current_code()
            self.model.load(self.db)
            if code:
                self.select_code(code)
            self._update_count()
            self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 units").replace("%1", str(total)) if shown == total else \
            self.tr("%1 of %2 units").replace("%1", str(shown)).replace("%2", str(total))
        flagged = self.model.to_check_count()
        if flagged:
            text += " · " + self.tr("%1 to check").replace("%1", str(flagged))
        self.count.setText(text)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def save_state(self) -> None:
        settings.DEPARTMENTS_HEADER.set(self.table.horizontalHeader().saveState())

    def choose_list(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Department List"), "",
                                              self.tr("Department lists (*.xlsx *.txt);;All files (*)"))
        if path:
            self.import_list(path)

    def import_list(self, path: Any) -> Any:
        """Add the listed units (names, English names, aliases, contacts) in one transaction."""
        from desktop_app.services.bulk_assign import import_department_list

        if self.db is None:
            return None
        try:
            result = import_department_list(self.db, path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Import Department List"))
            return None
        self.window_.notify(result.summary)
        self.message.setText(self.tr("%1 units added, %2 already known, %3 other names recorded.")
                             .replace("%1", str(len(result.created))).replace("%2", str(len(result.updated)))
                             .replace("%3", str(result.aliases_added)))
        self.message.show()
        return result

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Name, alias or code…"))
        self.only_to_check.setText(self.tr("Only &to check"))
        self.only_to_check.setToolTip(self.tr("Departments a plan import created from names it did not know"))
        self.new_button.setText(self.tr("&New Department…"))
        self.edit_button.setText(self.tr("E&dit…"))
        self.merge_button.setText(self.tr("&Merge Into…"))
        self.import_button.setText(self.tr("&Import List…"))
        self.import_button.setToolTip(self.tr(
            "Add many units at once from an .xlsx sheet (columns 名称/Name, 英文名称/English name, 别名/Aliases, "
            "联系人/Contact, 电话/Phone) or a .txt file (one unit a line: name, a tab or |, English name, "
            "a tab or |, aliases separated by ；)."))
        self.model.retranslate()
        self._update_count()
