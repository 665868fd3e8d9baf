"""The submissions page: departments × periods coloured on time / late / missing, plus the cycle's actions.

From here the coordinator issues the period's workbooks, merges the returned ones, and exports the
reminder list (an .xlsx of the departments still missing, with their contact persons).
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.services.database_files import file_of as database_path
from desktop_app.services.unit_lookup import names_by_code
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.cycle_widgets import (
    BAD_COLOR,
    LATE_COLOR,
    NEUTRAL_COLOR,
    OK_COLOR,
    PeriodCombo,
    reporting_periods,
    today_of,
)
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page, view_title
from desktop_app.ui.view_kit import fit_to_screen

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex

PENDING = "pending"  # not received yet, but the period is not due yet either


class MatrixRole(IntEnum):
    STATUS = Qt.ItemDataRole.UserRole + 1      # on_time | late | missing | pending | ''
    DEPARTMENT = Qt.ItemDataRole.UserRole + 2  # department code
    PERIOD = Qt.ItemDataRole.UserRole + 3      # period code


STATUS_COLORS = {"on_time": OK_COLOR, "late": LATE_COLOR, "missing": BAD_COLOR, PENDING: NEUTRAL_COLOR}


def status_label(status: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return {
        "on_time": QCoreApplication.translate("SubmissionMatrixModel", "On time"),
        "late": QCoreApplication.translate("SubmissionMatrixModel", "Late"),
        "missing": QCoreApplication.translate("SubmissionMatrixModel", "Missing"),
        PENDING: QCoreApplication.translate("SubmissionMatrixModel", "Not due yet"),
    }.get(status, "")


class SubmissionMatrixModel(QAbstractTableModel):
    """Rows: departments holding tasks; columns: reporting periods started by today."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.departments: list[tuple[str, str, str, str, str]] = []  # code, name_zh, name_en, person, phone
        self.periods: list[tuple[str, dt.date]] = []                    # code, due
        self.cells: dict[tuple[str, str], tuple[str, str | None]] = {}  # (dept, period) → (status, received)

    def load(self, db: Any, plan_id: int | None) -> None:
        from desktop_app.services.submission_status import periods_status

        self.beginResetModel()
        self.departments, self.periods, self.cells = [], [], {}
        if db is not None and plan_id is not None:
            today = today_of(db)
            codes = [p.code for p in reporting_periods(db, plan_id, today) if p.exists and p.start <= today]
            seen: dict[str, tuple[str, str, str, str, str]] = {}
            en = {code: names[1] for code, names in names_by_code(db).items()}
            for status in periods_status(db, plan_id, codes):
                code = status.period.code
                self.periods.append((code, status.period.due))
                for d in status.departments:
                    seen.setdefault(d.department, (d.department, d.department_name, en.get(d.department, ""),
                                                   d.contact_person, d.contact_phone))
                    value = d.status
                    if value == "missing" and today <= status.period.due:
                        value = PENDING
                    self.cells[(d.department, code)] = (value, d.received_at)
            self.departments = sorted(seen.values())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.departments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.periods)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.departments)) \
                or not (0 <= index.column() < len(self.periods)):
            return None
        dept = self.departments[index.row()]
        period, due = self.periods[index.column()]
        status, received = self.cells.get((dept[0], period), ("", None))
        if role == Qt.ItemDataRole.DisplayRole:
            if status in ("on_time", "late") and received:
                return received[5:10]
            return status_label(status)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = STATUS_COLORS.get(status)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#212529"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self.describe(index.row(), index.column()))
        if role == MatrixRole.STATUS:
            return status
        if role == MatrixRole.DEPARTMENT:
            return dept[0]
        if role == MatrixRole.PERIOD:
            return period
        return None

    def describe(self, row: int, column: int) -> list[str]:
        """The lines telling one cell: department and period, status, received, due, contact."""
        dept = self.departments[row]
        period, due = self.periods[column]
        status, received = self.cells.get((dept[0], period), ("", None))
        lines = [f"{dept[0]} {self._name(dept)} · {period}", status_label(status)]
        if received:
            lines.append(self.tr("Received %1").replace("%1", received.replace("T", " ")))
        lines.append(self.tr("Due %1").replace("%1", due.isoformat()))
        if dept[3] or dept[4]:
            lines.append(self.tr("Contact: %1").replace("%1", " ".join(p for p in dept[3:5] if p)))
        return lines

    def row_of(self, department: str) -> int | None:
        return next((i for i, d in enumerate(self.departments) if d[0] == department), None)

    def column_of(self, period: str) -> int | None:
        return next((i for i, p in enumerate(self.periods) if p[0] == period), None)

    def _name(self, dept: tuple[str, str, str, str, str]) -> str:
        return dept[2] if current_lang() == "en" and dept[2] else dept[1]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical \
                and 0 <= section < len(self.departments):
            dept = self.departments[section]   # the full name when the header is too narrow for it
            return f"{dept[0]}  {self._name(dept)}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.periods):
            return self.periods[section][0]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.departments):
            dept = self.departments[section]
            return f"{dept[0]}  {self._name(dept)}"
        return None

    def counts(self, period: str) -> dict[str, int]:
        out = {"on_time": 0, "late": 0, "missing": 0, PENDING: 0}
        for d in self.departments:
            status = self.cells.get((d[0], period), ("", None))[0]
            if status in out:
                out[status] += 1
        return out

    def retranslate(self) -> None:
        if self.departments and self.periods:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.departments) - 1, len(self.periods) - 1))
        if self.departments:   # an empty range would be an invalid section for the filter proxy (crashes)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.departments) - 1)


def short_status_label(status: str) -> str:
    """What a narrow matrix cell shows (the tooltip and the line below the matrix say it in full)."""
    from PySide6.QtCore import QCoreApplication
    if status == PENDING:
        return QCoreApplication.translate("SubmissionMatrixModel", "Not due")
    return status_label(status)


class _MissingOnly(QSortFilterProxyModel):
    """Rows of the departments that have not reported for one period (missing, or not due yet).

    It is also what the view shows, narrower than the model says it: period headers on two lines
    ("2025" over "01") and a short "not due" label, so a year of monthly columns fits 1024 px."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.period: str | None = None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if orientation == Qt.Orientation.Horizontal and isinstance(model, SubmissionMatrixModel) \
                and 0 <= section < len(model.periods):
            code, due = model.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return code.replace("-", "\n", 1)
            if role == Qt.ItemDataRole.ToolTipRole:
                from PySide6.QtCore import QCoreApplication

                due_text = QCoreApplication.translate("SubmissionMatrixModel", "Due %1")
                return f"{code} · " + due_text.replace("%1", due.isoformat())
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.data(MatrixRole.STATUS) == PENDING:
            return short_status_label(PENDING)
        return super().data(index, role)

    def set_period(self, period: str | None) -> None:
        view_kit.change_filter(self, lambda: setattr(self, "period", period))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if self.period is None or not isinstance(model, SubmissionMatrixModel):
            return True
        dept = model.departments[source_row][0]
        return model.cells.get((dept, self.period), ("", None))[0] in ("missing", PENDING)


class SubmissionsPage(Page):
    """Who has reported for which period, and the actions of the reporting cycle."""

    key = "submissions"
    changed = Signal(object)  # ChangeSummary after issuing or merging from this page

    def __init__(self, window: MainWindow | None = None) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.db: Any = None
        self.db_path: Path | None = None
        self.plan_id: int | None = None
        self.dialog: Any = None

        self.heading = QLabel()
        self.heading.setObjectName("page-heading")
        self.issue_button = QPushButton()
        self.issue_button.setObjectName("issue-workbooks")
        self.issue_button.clicked.connect(lambda _c=False: self.open_issue_dialog())
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("merge-workbooks")
        self.merge_button.clicked.connect(lambda _c=False: self.open_merge_dialog())  # clicked(bool) is not paths
        self.period = PeriodCombo()
        self.period.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period)
        self.reminder_button = QPushButton()
        self.reminder_button.setObjectName("export-reminders")
        self.reminder_button.clicked.connect(self.choose_reminder_file)
        self.counts = QLabel()
        self.counts.setObjectName("submission-counts")
        self.legend = QLabel()
        self.legend.setObjectName("page-note")
        self.legend.setWordWrap(True)   # the window must fit 1024 px
        self.counts.setWordWrap(True)

        self.missing_only = QCheckBox()
        self.missing_only.setObjectName("submission-missing-only")
        self.missing_only.toggled.connect(lambda _on: self._apply_missing_only())

        self.model = SubmissionMatrixModel(self)
        self.proxy = _MissingOnly(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("submission-matrix")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # One line per department: fixed row heights (fitting every row to its contents asks the model for
        # every cell of the matrix on each reset, ~60 ms on the demo).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        # Long English department names would push the periods off the page: the names are cut (full name
        # in the tooltip) so that the year's columns stay in view; see fit_columns.
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.installEventFilter(self)
        self.fit_columns()
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().currentChanged.connect(lambda _c, _p: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("submission-detail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # the buttons sit beside the heading, the period filter on its own row: one row did not fit 1024 px
        actions = QHBoxLayout()
        actions.addWidget(self.heading)
        actions.addStretch(1)
        actions.addWidget(self.issue_button)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.reminder_button)
        filters = QHBoxLayout()
        filters.addWidget(self.period_label)
        filters.addWidget(self.period)
        filters.addWidget(self.missing_only)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.legend)
        self.retranslate()
        self._enable()

    # --- fitting the matrix to the page --------------------------------------------------------------
    def column_width(self) -> int:
        """The narrowest a period column can be: a received date, the short status labels, the year."""
        fm = self.table.fontMetrics()
        texts = ["00-00", "2025", short_status_label("missing"), short_status_label(PENDING)]
        return max(fm.horizontalAdvance(t) for t in texts) + 6

    def fit_columns(self) -> None:
        """Period columns share the width (never below ``column_width``); the department names get what is
        left, between 7 and 26 characters, cut with "…" (full name in the tooltip). At 1024 px a year of
        twelve monthly columns then fits without a sideways scroll bar."""
        header = self.table.horizontalHeader()
        minimum = self.column_width()
        header.setMinimumSectionSize(minimum)
        em = self.table.fontMetrics().horizontalAdvance("M")
        scroll = self.table.verticalScrollBar().sizeHint().width()
        room = self.table.width() - 2 * self.table.frameWidth() - scroll
        left = room - minimum * max(1, self.proxy.columnCount())
        self.table.verticalHeader().setMaximumWidth(max(em * 7, min(em * 26, left)))

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    # --- data ------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.db_path = Path(database_path(db)) if db is not None else None
        self.reload()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.submissions or changes.progress or changes.periods or changes.departments or changes.plans:
            self.reload()

    def reload(self) -> None:
        self.model.load(self.db, self.plan_id)
        self.fit_columns()
        keep = self.period.code()
        if self.db is not None and self.plan_id is not None:
            today = today_of(self.db)
            self.period.load([p for p in reporting_periods(self.db, self.plan_id, today) if p.exists], today)
            if keep:
                self.period.select(keep)
        else:
            self.period.clear()
        self._period_changed()
        self._enable()

    def _enable(self) -> None:
        ready = self.db is not None and self.plan_id is not None
        for w in (self.issue_button, self.merge_button, self.reminder_button, self.period, self.missing_only):
            w.setEnabled(ready)

    def _period_changed(self) -> None:
        self._update_counts()
        self._apply_missing_only()

    def _apply_missing_only(self) -> None:
        self.proxy.set_period(self.period.code() or None if self.missing_only.isChecked() else None)
        self._show_detail()

    def show_filtered(self, *, period: str | None = None, department: str | None = None,
                      missing_only: bool | None = None, **_other: Any) -> None:
        """Used by the dashboard: choose the period, optionally show only who has not reported, and put the
        cursor on a department's cell (its detail below the matrix)."""
        if period:
            self.period.select(period)
        if missing_only is not None:
            self.missing_only.setChecked(missing_only)
        if department:
            self.select_cell(department, period or self.period.code())

    def select_cell(self, department: str, period: str | None) -> bool:
        row = self.model.row_of(department)
        column = self.model.column_of(period) if period else None
        if row is None or column is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():              # hidden by "missing only": show every department again
            self.missing_only.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)
        return True

    def _show_detail(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.detail.setText("")
            return
        source = self.proxy.mapToSource(index)
        self.detail.setText(" · ".join(self.model.describe(source.row(), source.column())))

    def _update_counts(self) -> None:
        code = self.period.code()
        if not code or not self.model.departments:
            self.counts.setText("")
            return
        c = self.model.counts(code)
        total = len(self.model.departments)
        received = c["on_time"] + c["late"]
        if c[PENDING]:   # the period is not due yet: nobody is missing, some have not reported yet
            due = next((d for p, d in self.model.periods if p == code), None)
            text = self.tr("%1: %2 of %3 departments reported (%4 on time, %5 late), %6 not yet; due %7.")
        else:
            due = None
            text = self.tr("%1: %2 of %3 departments reported (%4 on time, %5 late), %6 missing.")
        for k, v in (("%1", code), ("%2", received), ("%3", total), ("%4", c["on_time"]), ("%5", c["late"]),
                     ("%6", c["missing"] + c[PENDING]), ("%7", due.isoformat() if due else "")):
            text = text.replace(k, str(v))
        self.counts.setText(text)

    def _clicked(self, index: QModelIndex) -> None:
        period = index.data(MatrixRole.PERIOD)
        if period:
            self.period.select(str(period))

    # --- actions ---------------------------------------------------------------------------------
    def _notify(self, changes: ChangeSummary) -> None:
        notify = getattr(self.window_, "notify", None)
        if callable(notify):
            notify(changes)  # the main window refreshes every page, this one included
        else:
            self.refresh(changes)
        self.changed.emit(changes)

    def open_issue_dialog(self) -> Any:
        from desktop_app.ui.issue_dialog import IssueDialog

        if self.db_path is None:
            return None
        dialog = IssueDialog(self.db_path, self, plan_id=self.plan_id)
        if self.period.code():
            dialog.period.select(self.period.code())
        dialog.changed.connect(self._notify)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(dialog)
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_merge_dialog(self, paths: Any = ()) -> Any:
        from desktop_app.ui.merge_dialog import MergeDialog

        if self.db_path is None:
            return None
        dialog = MergeDialog(self.db_path, self, paths=paths)
        dialog.changed.connect(self._notify)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(dialog)
        dialog.open()
        self.dialog = dialog
        return dialog

    def choose_reminder_file(self) -> None:
        code = self.period.code()
        if not code:
            return
        suggested = str(Path.home() / self.tr("reminders-%1.xlsx").replace("%1", code))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Reminder List"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_reminders(Path(path))

    def export_reminders(self, path: Path) -> Path | None:
        """Write the reminder list of the selected period (missing departments with contacts)."""
        from desktop_app.services.submission_status import export_reminders

        if self.db is None or self.plan_id is None or not self.period.code():
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            result = export_reminders(self.db, self.plan_id, self.period.code(), path, today=today_of(self.db))
        except Exception as exc:  # noqa: BLE001 - shown to the user (PeakDeskError) or as a bug report
            show_error(self, exc, title=self.tr("Export Reminder List"))
            return None
        self.counts.setText(self.tr("%n missing department(s) written to %1.", "", len(result.missing))
                            .replace("%1", str(result.file)))
        return Path(result.file)

    # --- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(view_title(self.key))
        self.issue_button.setText(self.tr("&Issue Workbooks…"))
        self.merge_button.setText(self.tr("&Merge Returned Workbooks…"))
        self.period_label.setText(self.tr("&Period:"))
        self.reminder_button.setText(self.tr("Export &Reminder List…"))
        self.missing_only.setText(self.tr("&Only departments not yet reported"))
        self.missing_only.setToolTip(self.tr("Show only the departments missing (or not due yet) for the chosen "
                                             "period"))
        self.legend.setText(self.tr("Green: on time (date received) · yellow: late · red: missing after the due "
                                    "date · grey: not due yet. Click a cell to choose its period."))
        self.model.retranslate()
        self.fit_columns()
        self._update_counts()
