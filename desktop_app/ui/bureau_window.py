"""Bureau mode: a department clerk fills in the workbook the coordinator issued, inside PeakDesk.

File → Open department workbook… opens a ``BureauWindow`` on an issued .xlsx: only that department's
tasks, as a form (one task at a time) and as a table (all at once). Every accepted change is written
at once to the autosave file by ``services.bureau.BureauSession`` (see that module for where it lives);
opening the same workbook again restores the work in progress. "Export for return" writes the filled
workbook, which the coordinator merges like one filled in Excel or WPS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import STATUS_LABELS, Status, label
from desktop_app.errors import PeakDeskError, Problem
from desktop_app.exchange.workbook import COL_LETTER, EDITABLE_COLUMNS, LOCKED_COLUMNS, RowValues
from desktop_app.messages import msg
from desktop_app.services import clock
from desktop_app.services.bureau import BureauSession
from desktop_app.ui.app import app_icon, current_lang
from desktop_app.ui.cycle_widgets import BUREAU_FOLDER, LATE_COLOR
from desktop_app.ui.ops import show_error

Index = QModelIndex | QPersistentModelIndex
COLUMNS = LOCKED_COLUMNS + EDITABLE_COLUMNS
TEXT_AREAS = ("narrative", "problems", "next_steps")


def column_title(key: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return {
        "code": QCoreApplication.translate("BureauModel", "Code"), "title": QCoreApplication.translate("BureauModel", "Task"), "role": QCoreApplication.translate("BureauModel", "Role"),
        "target": QCoreApplication.translate("BureauModel", "Target"), "last": QCoreApplication.translate("BureauModel", "Last period"),
        "status": QCoreApplication.translate("BureauModel", "Status"), "percent": QCoreApplication.translate("BureauModel", "Percent done"),
        "indicator": QCoreApplication.translate("BureauModel", "Indicator value"), "narrative": QCoreApplication.translate("BureauModel", "Progress"),
        "problems": QCoreApplication.translate("BureauModel", "Problems"), "next_steps": QCoreApplication.translate("BureauModel", "Next steps"),
        "contact_person": QCoreApplication.translate("BureauModel", "Contact person"), "contact_phone": QCoreApplication.translate("BureauModel", "Phone"),
    }[key]


def value_text(values: RowValues, key: str) -> str:
    """An editable value as the clerk would type it."""
    if key == "status":
        return label(STATUS_LABELS, values.status, current_lang()) if values.status else ""
    value = getattr(values, key)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def problems_text(problems: list[Problem]) -> str:
    """Problems named by the field the clerk sees (and the workbook cell, for the table and Excel users)."""
    by_letter = {letter: key for key, letter in COL_LETTER.items()}
    lines = []
    lang = current_lang()
    for p in problems:
        key = by_letter.get(p.cell.rstrip("0123456789")) if p.cell else None
        text = p.text(lang)          # the catalogue's reason in the window's language
        lines.append(f"{column_title(key)} ({p.cell}): {text}" if key else
                     f"{p.cell}: {text}" if p.cell else text)
    return "\n".join(lines)


class BureauModel(QAbstractTableModel):
    """The session's rows as a table; editable columns go through ``BureauSession.update``."""

    rejected = Signal(str)   # why an edit was refused
    edited = Signal(int)     # row index changed

    def __init__(self, session: BureauSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.session.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in EDITABLE_COLUMNS:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.session.rows)):
            return None
        row = self.session.rows[index.row()]
        key = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if key in LOCKED_COLUMNS:
                return getattr(row.locked, key)
            if role == Qt.ItemDataRole.EditRole and key == "status":
                return row.values.status.value if row.values.status else ""
            return value_text(row.values, key)
        if role == Qt.ItemDataRole.BackgroundRole and key in LOCKED_COLUMNS:
            return QBrush(QColor("#f1f3f5"))
        if role == Qt.ItemDataRole.BackgroundRole and key == "status" and not row.values.status \
                and row.values.reported():
            return QBrush(LATE_COLOR)  # progress written but no status yet: needed before export
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = COLUMNS[index.column()]
        if key not in EDITABLE_COLUMNS:
            return False
        text = "" if value is None else str(value).strip() if key not in TEXT_AREAS else str(value)
        problems = self.session.update(index.row(), **{key: text})
        if problems:
            self.rejected.emit(problems_text(problems))
            return False
        self.row_changed(index.row())
        self.edited.emit(index.row())
        return True

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.session.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.session.rows) - 1, len(COLUMNS) - 1))


class StatusDelegate(QStyledItemDelegate):
    """The status column is edited with the same drop-down the workbook has."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:  # noqa: N802 - Qt API
        combo = QComboBox(parent)
        fill_status_combo(combo)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(0, i))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802 - Qt API
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def fill_status_combo(combo: QComboBox) -> None:
    keep = combo.currentData()
    combo.clear()
    combo.addItem("", "")
    lang = current_lang()
    for status in Status:
        combo.addItem(label(STATUS_LABELS, status, lang), status.value)
    if keep is not None:
        combo.setCurrentIndex(max(0, combo.findData(keep)))


class BureauWindow(QMainWindow):
    """One department's issued workbook, filled in as a form or a table, autosaved, exported for return."""

    exported = Signal(object)  # Path of the workbook written for return

    def __init__(self, path: Path | str, parent: QWidget | None = None, *,
                 session: BureauSession | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bureau-window")
        self.setWindowIcon(app_icon())
        self.path = Path(path)
        self.session = session or BureauSession.open(self.path)
        self.current = -1
        self.last_check: Any = None      # the last BureauCheck (tests and the status bar read it)
        self._loading = False
        self.last_saved: str = ""
        self.model = BureauModel(self.session, self)
        self.model.rejected.connect(self._show_problem)
        self.model.edited.connect(self._table_edited)

        # header ------------------------------------------------------------------------------------
        self.header = QLabel()
        self.header.setObjectName("page-heading")
        self.header.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("bureau-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")

        # form --------------------------------------------------------------------------------------
        self.tasks = QListWidget()
        self.tasks.setObjectName("bureau-tasks")
        self.tasks.currentRowChanged.connect(self.show_task)
        self.locked_box = QGroupBox()
        locked = QFormLayout(self.locked_box)
        self.locked_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in LOCKED_COLUMNS:
            name, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"locked-{key}")
            locked.addRow(name, value)
            self.locked_labels[key] = (name, value)
        self.edit_box = QGroupBox()
        form = QFormLayout(self.edit_box)
        self.status = QComboBox()
        self.status.setObjectName("field-status")
        fill_status_combo(self.status)
        self.fields: dict[str, QWidget] = {"status": self.status}
        for key in EDITABLE_COLUMNS[1:]:
            w: QWidget
            if key in TEXT_AREAS:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMaximumHeight(90)
            else:
                w = QLineEdit()
            w.setObjectName(f"field-{key}")
            self.fields[key] = w
        self.field_labels: dict[str, QLabel] = {}
        for key in EDITABLE_COLUMNS:
            lab = QLabel()
            lab.setBuddy(self.fields[key])
            self.field_labels[key] = lab
            form.addRow(lab, self.fields[key])
        self.problem_label = QLabel()
        self.problem_label.setObjectName("bureau-problems")
        self.problem_label.setStyleSheet("color: #b02a37;")
        self.problem_label.setWordWrap(True)
        form.addRow(self.problem_label)
        # Apply what is typed shortly after typing stops, and at once when leaving a task or exporting.
        self.apply_timer = QTimer(self)
        self.apply_timer.setSingleShot(True)
        self.apply_timer.setInterval(600)
        self.apply_timer.timeout.connect(self.apply_form)
        self.status.currentIndexChanged.connect(lambda _i: self._form_changed(immediate=True))
        for w in self.fields.values():
            if isinstance(w, QLineEdit):
                w.textEdited.connect(lambda _t: self._form_changed())
                w.editingFinished.connect(self.apply_form)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._form_changed)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.locked_box)
        right_layout.addWidget(self.edit_box, 1)
        form_page = QSplitter()
        form_page.addWidget(self.tasks)
        form_page.addWidget(right)
        form_page.setStretchFactor(1, 2)
        form_page.setSizes([300, 700])

        # table -------------------------------------------------------------------------------------
        self.table = QTableView()
        self.table.setObjectName("bureau-table")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COLUMNS.index("status"), StatusDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for key, width in (("code", 60), ("title", 220), ("role", 50), ("target", 140), ("last", 160),
                           ("status", 80), ("percent", 70), ("indicator", 80), ("narrative", 220)):
            self.table.setColumnWidth(COLUMNS.index(key), width)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("bureau-tabs")
        self.tabs.addTab(form_page, "")
        self.tabs.addTab(self.table, "")
        self.tabs.currentChanged.connect(lambda _i: self.apply_form())

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)

        # actions -----------------------------------------------------------------------------------
        self.act_export = QAction(self)
        self.act_export.setObjectName("action-export")
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.triggered.connect(self.choose_export)
        self.act_check = QAction(self)
        self.act_check.setObjectName("action-check")
        self.act_check.setShortcut(QKeySequence("F7"))
        self.act_check.triggered.connect(self.check)
        self.act_close = QAction(self)
        self.act_close.setShortcut(QKeySequence.StandardKey.Close)
        self.act_close.triggered.connect(self.close)
        self.menu_file = self.menuBar().addMenu("")
        self.menu_file.addActions([self.act_export, self.act_check])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_close)
        toolbar = self.addToolBar("bureau")
        toolbar.setObjectName("bureau-toolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.act_export, self.act_check])

        self._fill_task_list()
        self.retranslate()
        if self.session.rows:
            self.tasks.setCurrentRow(0)
        self.resize(1200, 760)

    # --- form ------------------------------------------------------------------------------------
    def _fill_task_list(self) -> None:
        current = self.tasks.currentRow()
        self.tasks.blockSignals(True)
        self.tasks.clear()
        for row in self.session.rows:
            mark = "✓ " if row.values.status else "· "
            item = QListWidgetItem(f"{mark}{row.locked.code}  {row.locked.title}")
            item.setToolTip(row.locked.title)
            self.tasks.addItem(item)
        self.tasks.setCurrentRow(current)
        self.tasks.blockSignals(False)

    def _update_task_item(self, index: int) -> None:
        row = self.session.rows[index]
        item = self.tasks.item(index)
        if item is not None:
            mark = {"done": "✓ ", "invalid": "✗ ", "partial": "… "}.get(row.state, "· ")
            item.setText(f"{mark}{row.locked.code}  {row.locked.title}")

    def show_task(self, index: int) -> None:
        if self.current >= 0 and self.current != index:
            self.apply_form()
        self.current = index
        if not (0 <= index < len(self.session.rows)):
            return
        row = self.session.rows[index]
        self._loading = True
        for key in LOCKED_COLUMNS:
            self.locked_labels[key][1].setText(getattr(row.locked, key) or "—")
        self.status.setCurrentIndex(max(0, self.status.findData(row.values.status.value if row.values.status else "")))
        for key in EDITABLE_COLUMNS[1:]:
            w = self.fields[key]
            text = value_text(row.values, key)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(text)
            elif isinstance(w, QLineEdit):
                w.setText(text)
        self.problem_label.clear()
        self._loading = False

    def form_values(self) -> dict[str, str]:
        out: dict[str, str] = {"status": str(self.status.currentData() or "")}
        for key in EDITABLE_COLUMNS[1:]:
            w = self.fields[key]
            out[key] = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text().strip()  # type: ignore[attr-defined]
        return out

    def _form_changed(self, immediate: bool = False) -> None:
        if self._loading:
            return
        if immediate:
            self.apply_form()
        else:
            self.apply_timer.start()

    def apply_form(self) -> bool:
        """Hand the form's values to the session (which checks and autosaves them). False if refused."""
        self.apply_timer.stop()
        index = self.current
        if self._loading or not (0 <= index < len(self.session.rows)):
            return True
        values = self.form_values()
        row = self.session.rows[index]
        if all(values[k] == value_text(row.values, k) if k != "status"
               else values[k] == (row.values.status.value if row.values.status else "") for k in values):
            self.session.clear_invalid(index)     # the form shows the stored, valid values again
            self._update_task_item(index)
            self.problem_label.clear()
            return True
        problems = self.session.update(index, **values)
        if problems:
            self.problem_label.setText(problems_text(problems))
            self._update_task_item(index)         # ✗: the row is not done while an entry is refused
            return False
        self.problem_label.clear()
        self.model.row_changed(index)
        self._update_task_item(index)
        self._saved()
        return True

    def _table_edited(self, index: int) -> None:
        self._update_task_item(index)
        if index == self.current:
            self.show_task(index)
        self._saved()

    def _show_problem(self, text: str) -> None:
        """A refused table edit: said in the status bar and under the form, without a modal box."""
        self.statusBar().showMessage(self.tr("Entry not accepted:") + " " + text.replace("\n", "; "), 15000)
        self.problem_label.setText(text)
        for i in range(len(self.session.rows)):
            self._update_task_item(i)

    def _saved(self) -> None:
        self.last_saved = clock.now().strftime("%H:%M:%S")
        self._update_saved_label()

    def _update_saved_label(self) -> None:
        if self.last_saved:
            self.saved_label.setText(self.tr("Saved automatically at %1").replace("%1", self.last_saved))
            self.saved_label.setToolTip(str(self.session.autosave_path))
        else:
            self.saved_label.setText(self.tr("Changes are saved automatically"))

    # --- check and export ----------------------------------------------------------------------------
    def check(self) -> list[Problem]:
        self.apply_form()
        for i in range(len(self.session.rows)):
            self._update_task_item(i)
        result = self.session.check()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Check"), "", parent=self)
        box.setObjectName("bureau-check")
        parts = []
        if result.problems:
            parts.append(self.tr("Still to do before export:") + "\n" + problems_text(result.problems[:30]))
        if result.blank:
            parts.append(msg("bureau.blank_tasks", blank=len(result.blank), total=result.total)
                         .render(current_lang()) + "\n" + "\n".join(
                             f"· {self.session.rows[i].locked.code}  {self.session.rows[i].locked.title}"
                             for i in result.blank[:15]))
        if result.remarks:
            parts.append(self.tr("Please look again at:") + "\n" + problems_text(result.remarks[:15]))
        if not result.problems and not result.blank:
            parts.insert(0, self.tr("Everything is filled in. Export the workbook and send it back."))
        box.setText("\n\n".join(parts))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_check = result
        return result.problems

    def default_export_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}{self.tr('_filled')}.xlsx")

    def choose_export(self) -> Path | None:
        if not self.apply_form():
            return None
        start = str(self.default_export_path())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Filled Workbook"), start,
                                              self.tr("Excel workbooks (*.xlsx)"))
        return self.export(Path(path)) if path else None

    def export(self, path: Path) -> Path | None:
        """Write the filled workbook for return (refused, with the reasons shown, while entries are missing)."""
        if not self.apply_form():
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        if path.resolve() == self.path.resolve():
            self.statusBar().showMessage(
                self.tr("Choose a new file name: the issued workbook is kept as it is."), 15000)
            return None
        try:
            written = self.session.export(path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Export Filled Workbook"))
            return None
        self.statusBar().showMessage(self.tr("Exported to %1. Send this file back to the coordinator.")
                                     .replace("%1", str(written)), 15000)
        self.exported.emit(Path(written))
        return Path(written)

    # --- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        m = self.session.meta
        self.setWindowTitle(self.tr("%1 — %2 — PeakDesk department workbook")
                            .replace("%1", m.department_name).replace("%2", m.period_code))
        self.header.setText(self.tr("%1 · %2 · period %3 · due %4 · %n task(s)", "", len(self.session.rows))
                            .replace("%1", m.plan_title).replace("%2", m.department_name)
                            .replace("%3", m.period_code).replace("%4", m.due.isoformat()))
        notes = []
        if self.session.restored:
            notes.append(self.tr("Your unfinished entries from last time were restored."))
        if self.session.load_problems:
            notes.append(self.tr("Some cells in the workbook could not be read and were left empty:") + " "
                         + "; ".join(f"{p.cell} {p.text(current_lang())}" for p in self.session.load_problems[:5]))
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self.tabs.setTabText(0, self.tr("&Form"))
        self.tabs.setTabText(1, self.tr("&Table"))
        self.locked_box.setTitle(self.tr("Task (set by the coordinator)"))
        self.edit_box.setTitle(self.tr("Your report"))
        for key in LOCKED_COLUMNS:
            self.locked_labels[key][0].setText(column_title(key) + ":")
        for key in EDITABLE_COLUMNS:
            self.field_labels[key].setText(column_title(key) + ":")
        self._loading = True
        fill_status_combo(self.status)
        self._loading = False
        self.fields["percent"].setToolTip(self.tr("A number from 0 to 100, e.g. 85 or 85%"))
        self.fields["indicator"].setToolTip(self.tr("A number only; put units and words in the progress text"))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_export.setText(self.tr("&Export for Return…"))
        self.act_check.setText(self.tr("&Check Entries"))
        self.act_close.setText(self.tr("&Close"))
        self.model.retranslate()
        self._update_saved_label()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.apply_form()  # whatever was typed last is autosaved too
        super().closeEvent(event)


def open_department_workbook(parent: QWidget | None = None, path: Path | str | None = None) -> BureauWindow | None:
    """File → Open department workbook…: choose an issued workbook and show it in bureau mode."""
    from PySide6.QtCore import QCoreApplication
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("BureauWindow", "Open Department Workbook"),
                                                BUREAU_FOLDER.get(), QCoreApplication.translate("BureauWindow", "Excel workbooks (*.xlsx)"))
        if not chosen:
            return None
        path = chosen
    path = Path(path)
    BUREAU_FOLDER.set(str(path.parent))
    try:
        window = BureauWindow(path, parent)
    except PeakDeskError as exc:
        show_error(parent, exc, title=QCoreApplication.translate("BureauWindow", "Open Department Workbook"))
        return None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
