"""Periods page: reporting periods with their due dates, close/reopen with a reason, holiday calendar."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.services import period_admin
from desktop_app.services import periods as periods_service
from desktop_app.services.edits import holiday_edit
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page, view_title
from desktop_app.ui.view_kit import SORT_ROLE, Column, RowsModel, keep_on_screen

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


def set_period_closed(db: Any, plan_id: int, code: str, closed: bool, reason: str) -> ChangeSummary:
    return periods_service.set_closed(db, plan_id, code, closed, reason).summary


SIDE_BY_SIDE_WIDTH = 1100    # narrower than this, the holiday calendar stacks under the periods


def weekday_name(iso_day: str) -> str:
    """The short weekday of an ISO date in the window's language (周四 / Thu); Qt's own date format is
    always English."""
    day = QDate.fromString(iso_day, Qt.DateFormat.ISODate)
    lang = QLocale.Language.Chinese if current_lang() == "zh" else QLocale.Language.English
    return QLocale(lang).dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)


class PeriodsPage(Page):
    key = "periods"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.today = view_kit.today(None)

        self.heading = view_kit.heading()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("periods-kind")
        for kind in ("", "month", "quarter", "year"):
            self.kind_filter.addItem("", kind)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._load_periods())
        self.close_button = QPushButton()
        self.close_button.setObjectName("periods-close")
        self.close_button.clicked.connect(lambda: self.set_closed(True))
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("periods-reopen")
        self.reopen_button.clicked.connect(lambda: self.set_closed(False))
        self.create_button = QPushButton()
        self.create_button.setObjectName("periods-create")
        self.create_button.clicked.connect(lambda _c=False: self.create_year())
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("periods-edit")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_period())
        self.empty_note = QLabel()
        self.empty_note.setObjectName("page-note")
        self.empty_note.setWordWrap(True)

        self.model = RowsModel([
            Column("code", lambda p: p.code),
            Column("kind", lambda p: self._kind_label(p.period.kind.value), sort=lambda p: p.period.kind.value),
            Column("start", lambda p: p.period.start.isoformat()),
            Column("end", lambda p: p.period.end.isoformat()),
            Column("due", lambda p: p.period.due.isoformat(), tooltip=self._due_tip,
                   background=lambda p: "#fff3cd" if not p.closed and self._is_upcoming(p) else None),
            Column("state", lambda p: self.tr("Closed") if p.closed else self.tr("Open"),
                   background=lambda p: "#e2e3e5" if p.closed else None),
            Column("reason", lambda p: p.closed_reason),
        ], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = view_kit.table_view(self.proxy, "periods-table")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # double-click edits (due date); closing a period is a deliberate button with a reason
        self.table.doubleClicked.connect(lambda _i: self.edit_period())

        # Holiday calendar editor
        self.holiday_box = QGroupBox()
        self.year = QSpinBox()
        self.year.setObjectName("holiday-year")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.valueChanged.connect(lambda _v: self._load_holidays())
        self.holiday_model = RowsModel([
            Column("date", lambda h: h[0]),
            Column("weekday", lambda h: weekday_name(h[0])),
            Column("kind", lambda h: self.tr("Holiday") if h[1] == "holiday" else self.tr("Working day"),
                   background=lambda h: "#f8d7da" if h[1] == "holiday" else "#cfe2ff"),
            Column("name", lambda h: h[2]),
        ], self)
        self.holiday_table = view_kit.table_view(self.holiday_model, "holiday-table")
        self.holiday_table.selectionModel().selectionChanged.connect(lambda *_: self._holiday_selected())
        self.day = QDateEdit()
        self.day.setObjectName("holiday-date")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.day_kind = QComboBox()
        self.day_kind.setObjectName("holiday-kind")
        self.day_kind.addItem("", "holiday")
        self.day_kind.addItem("", "workday")
        self.day_name = QLineEdit()
        self.day_name.setObjectName("holiday-name")
        self.set_day_button = QPushButton()
        self.set_day_button.setObjectName("holiday-set")
        self.set_day_button.clicked.connect(self.save_holiday)
        self.remove_day_button = QPushButton()
        self.remove_day_button.setObjectName("holiday-remove")
        self.remove_day_button.clicked.connect(self.remove_holiday)
        self.holiday_note = QLabel()
        self.holiday_note.setObjectName("page-note")
        self.holiday_note.setWordWrap(True)
        self.year_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        self.kind_label = QLabel()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_filter)
        top.addWidget(self.create_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.close_button)
        top.addWidget(self.reopen_button)

        hl = QVBoxLayout(self.holiday_box)
        row = QHBoxLayout()
        row.addWidget(self.year_label)
        row.addWidget(self.year)
        row.addStretch(1)
        hl.addLayout(row)
        hl.addWidget(self.holiday_table, 1)
        edit = QHBoxLayout()
        edit.addWidget(self.day)
        edit.addWidget(self.day_kind)
        edit.addWidget(self.day_name, 1)
        edit.addWidget(self.set_day_button)
        edit.addWidget(self.remove_day_button)
        hl.addLayout(edit)
        hl.addWidget(self.holiday_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.empty_note)
        ll.addWidget(self.table)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.holiday_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.kind_filter, self.table)
        QWidget.setTabOrder(self.table, self.year)
        QWidget.setTabOrder(self.year, self.day)
        QWidget.setTabOrder(self.day, self.day_kind)
        QWidget.setTabOrder(self.day_kind, self.day_name)
        QWidget.setTabOrder(self.day_name, self.set_day_button)
        self.retranslate()
        self._update_buttons()

    # --- texts -------------------------------------------------------------------------------------
    def _kind_label(self, kind: str) -> str:
        return {"month": self.tr("Month"), "quarter": self.tr("Quarter"), "year": self.tr("Year")}.get(kind, kind)

    def _is_upcoming(self, p: Any) -> bool:
        return bool(0 <= (p.period.due - self.today).days <= 14)

    def _due_tip(self, p: Any) -> str:
        days = (p.period.due - self.today).days
        if days > 0:
            return self.tr("Due in %n day(s)", "", days)
        if days == 0:
            return self.tr("Due today")
        return self.tr("Was due %n day(s) ago", "", -days)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Side by side on a wide window; on a narrow one (1024 px screens) the holiday calendar goes below
        the periods, so that neither table has to scroll sideways."""
        super().resizeEvent(event)
        wanted = Qt.Orientation.Horizontal if self.width() >= SIDE_BY_SIDE_WIDTH else Qt.Orientation.Vertical
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def retranslate(self) -> None:
        self.holiday_model.layoutChanged.emit()      # weekday names follow the language
        self.heading.setText(view_title("periods"))
        self.kind_label.setText(self.tr("Show:"))
        for i, text in enumerate((self.tr("All periods"), self.tr("Months"), self.tr("Quarters"), self.tr("Years"))):
            self.kind_filter.setItemText(i, text)
        self.close_button.setText(self.tr("&Close Period…"))
        self.close_button.setToolTip(self.tr("A closed period accepts no more workbooks until it is reopened."))
        self.reopen_button.setText(self.tr("&Reopen Period…"))
        self.create_button.setText(self.tr("C&reate Year's Periods…"))
        self.create_button.setToolTip(self.tr("Add a year's reporting periods, its quarters and the year itself, "
                                              "with due dates from the holiday calendar."))
        self.edit_button.setText(self.tr("&Edit Due Date…"))
        self._update_empty_note()
        self.model.set_titles([self.tr("Period"), self.tr("Kind"), self.tr("Start"), self.tr("End"),
                               self.tr("Due date"), self.tr("State"), self.tr("Reason for closing")])
        self.holiday_box.setTitle(self.tr("Holiday calendar"))
        self.year_label.setText(self.tr("Year:"))
        self.holiday_model.set_titles([self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name")])
        self.day_kind.setItemText(0, self.tr("Holiday"))
        self.day_kind.setItemText(1, self.tr("Working day (make-up)"))
        self.day_name.setPlaceholderText(self.tr("Name, e.g. National Day"))
        self.set_day_button.setText(self.tr("&Set Day"))
        self.remove_day_button.setText(self.tr("Re&move Day"))
        self.holiday_note.setText(self.tr(
            "Due dates count working days: public holidays are days off, make-up working days (调休) count "
            "as working days. Changes apply to periods created afterwards."))
        self.model.relabel()
        self.holiday_model.relabel()

    # --- data --------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.today = view_kit.today(db)
        self.year.blockSignals(True)
        self.year.setValue(self.today.year)
        self.year.blockSignals(False)
        self.day.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self._load_periods()
        self._load_holidays()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.periods:
            self._load_periods()
            self._load_holidays()

    def _load_periods(self) -> None:
        if self.db is None or self.plan_id is None:
            self.model.set_rows([])
        else:
            kind = self.kind_filter.currentData()
            from desktop_app.domain.models import PeriodKind

            rows = period_admin.periods(self.db, self.plan_id, PeriodKind(kind) if kind else None)
            self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        self._update_empty_note()

    def _load_holidays(self) -> None:
        if self.db is None:
            self.holiday_model.set_rows([])
            return
        self.holiday_model.set_rows(period_admin.holidays_of_year(self.db, self.year.value()))
        self.holiday_table.resizeColumnsToContents()

    def selected_period(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]))

    def select_period(self, code: str) -> bool:
        return view_kit.select_where(self.table, self.proxy, self.model, lambda p: p.code == code)

    def _selected_closed(self) -> bool:
        p = self.selected_period()
        return p is not None and bool(p.closed)

    def _update_buttons(self) -> None:
        p = self.selected_period()
        self.close_button.setEnabled(p is not None and not p.closed)
        self.reopen_button.setEnabled(p is not None and p.closed)
        self.edit_button.setEnabled(p is not None)
        self.create_button.setEnabled(self.db is not None and self.plan_id is not None)

    def _update_empty_note(self) -> None:
        if self.db is None:
            text = ""
        elif self.plan_id is None:
            text = self.tr("No plan yet: import one on the Plans page, then create its periods here.")
        elif not self.model.rows and not self.kind_filter.currentData():
            text = self.tr("No periods yet. “Create Year's Periods…” adds the months (or quarters) bureaus "
                           "report in, the quarters for early warnings and the year for the assessment. Issuing "
                           "workbooks also creates the period it issues for.")
        else:
            text = ""
        self.empty_note.setText(text)
        self.empty_note.setVisible(bool(text))

    def create_year(self, year: int | None = None) -> bool:
        if self.db is None or self.plan_id is None:
            return False
        if year is None:
            value, ok = QInputDialog.getInt(self, self.tr("Create Year's Periods"), self.tr("Year:"),
                                            self.today.year, 2000, 2100)
            if not ok:
                return False
            year = value
        try:
            result = period_admin.create_year(self.db, self.plan_id, year)
        except PeakDeskError as exc:
            show_error(self, exc, title=view_title("periods"))
            return False
        self.window_.notify(result.summary)
        self.window_.statusBar().showMessage(self.tr("%n period(s) created.", "", len(result.created)), 5000)
        return True

    def edit_period(self, due: dt.date | None = None) -> bool:
        """Change the selected period's due date (a dialog unless ``due`` is given)."""
        p = self.selected_period()
        if p is None or self.db is None or self.plan_id is None:
            return False
        if due is None:
            dialog = PeriodEditDialog(p, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            due = dialog.due()
        try:
            changes = period_admin.set_due(self.db, self.plan_id, p.code, due)
        except PeakDeskError as exc:
            show_error(self, exc, title=view_title("periods"))
            return False
        code = p.code
        self.window_.notify(changes)
        self.select_period(code)
        return True

    # --- actions -------------------------------------------------------------------------------------
    def set_closed(self, closed: bool, reason: str | None = None) -> bool:
        p = self.selected_period()
        if p is None or self.db is None or self.plan_id is None or p.closed == closed:
            return False
        if reason is None:
            title = self.tr("Close Period %1") if closed else self.tr("Reopen Period %1")
            reason = view_kit.ask_text(self, title.replace("%1", p.code), self.tr(
                "Reason (kept in the audit log):"))
            if reason is None:
                return False
        try:
            changes = set_period_closed(self.db, self.plan_id, p.code, closed, reason)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Periods"))
            return False
        code = p.code
        self.window_.notify(changes)
        self.select_period(code)
        return True

    def _holiday_selected(self) -> None:
        rows = self.holiday_table.selectionModel().selectedRows()
        if not rows:
            return
        day, kind, name = self.holiday_model.row(rows[0])
        self.day.setDate(QDate.fromString(day, Qt.DateFormat.ISODate))
        self.day_kind.setCurrentIndex(0 if kind == "holiday" else 1)
        self.day_name.setText(name)

    def _write_holiday(self, kind: str | None) -> None:
        if self.db is None:
            return
        day = self.day.date().toPython()
        assert isinstance(day, dt.date)
        # Through the core, on the undo stack: one transaction with an audit entry (holidays move due dates).
        from desktop_app.ui.task_edit import EditCommand

        cmd = EditCommand(self.db, holiday_edit(self.db, day, kind, self.day_name.text().strip()),
                          self.window_.notify, lambda exc: show_error(self, exc, title=self.tr("Holiday calendar")))
        self.window_.undo_stack.push(cmd)
        if not cmd.failed:
            self.year.setValue(day.year)

    def save_holiday(self) -> None:
        self._write_holiday(self.day_kind.currentData())

    def remove_holiday(self) -> None:
        if self.db is None:
            return
        day = self.day.date().toString(Qt.DateFormat.ISODate)
        if not period_admin.has_holiday(self.db, dt.date.fromisoformat(day)):
            QMessageBox.information(self, self.tr("Holiday calendar"),
                                    self.tr("%1 is not in the calendar.").replace("%1", day))
            return
        self._write_holiday(None)

    def save_state(self) -> None:
        pass


class PeriodEditDialog(QDialog):
    """A period's due date; its start and end follow from its code and are shown for reference."""

    def __init__(self, period: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("period-edit-dialog")
        self.setWindowTitle(self.tr("Period %1").replace("%1", period.code))
        self.edit = QDateEdit()
        self.edit.setObjectName("period-due")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        due = period.due
        self.edit.setDate(QDate(due.year, due.month, due.day))
        end = period.end
        self.edit.setMinimumDate(QDate(end.year, end.month, end.day))
        form = QFormLayout(self)
        form.addRow(self.tr("Period:"), QLabel(f"{period.code}  ({period.start.isoformat()} – {end.isoformat()})"))
        form.addRow(self.tr("&Due date:"), self.edit)
        note = QLabel(self.tr("Workbooks received after the due date count as late. Close the period with "
                              "“Close Period…” when no more workbooks are accepted."))
        note.setWordWrap(True)
        note.setObjectName("page-note")
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        keep_on_screen(self)

    def due(self) -> dt.date:
        value = self.edit.date().toPython()
        assert isinstance(value, dt.date)
        return value
