"""Pieces the reporting-cycle dialogs share: an inline background op, a period picker, small tables.

``InlineOp`` is the project's ``Op`` with its progress shown inside the dialog that started it (a
progress bar and a Cancel button the dialog owns) instead of a separate progress window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.services import clock, cycle_queries
from desktop_app.services.cycle_queries import PeriodChoice, open_read
from desktop_app.ui.ops import Op
from desktop_app.ui.settings import Option
from desktop_app.ui.view_kit import keep_on_screen

OK_COLOR = QColor("#d1e7dd")
LATE_COLOR = QColor("#fff3cd")
BAD_COLOR = QColor("#f8d7da")
NEUTRAL_COLOR = QColor("#e9ecef")


class InlineOp(Op):
    """An ``Op`` whose progress goes to ``progress_changed`` (for a bar in the dialog), with no pop-up."""

    progress_changed = Signal(int, int, str)

    def _show_dialog(self) -> None:  # the owning dialog shows progress itself
        return

    def _progressed(self, done: int, total: int, label: str) -> None:
        super()._progressed(done, total, label)
        self.progress_changed.emit(done, total, label)


def newest_plan(db: Any) -> int | None:
    return cycle_queries.newest_plan(db)


def today_of(db: Any) -> dt.date:
    """The date every figure is computed for: the demo database pins its own."""
    return clock.today(db)


class ReadConnection:
    """A short-lived GUI-thread connection for the small reads a dialog needs (closed with the dialog)."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(db_path)
        self.db: Any = open_read(self.path)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def reporting_periods(db: Any, plan_id: int, today: dt.date | None = None, *,
                      year: int | None = None) -> list[PeriodChoice]:
    return cycle_queries.reporting_periods(db, plan_id, today, year=year)


def current_period_index(periods: list[PeriodChoice], today: dt.date) -> int:
    """The period holding ``today``, else the last one that started before it, else the first."""
    best = 0
    for i, p in enumerate(periods):
        if p.start <= today:
            best = i
        if p.start <= today <= p.end:
            return i
    return best


class PeriodCombo(QComboBox):
    """Pick a reporting period by code; ``code()`` is what services take."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("period-combo")
        self.periods: list[PeriodChoice] = []

    def load(self, periods: list[PeriodChoice], today: dt.date | None = None) -> None:
        self.clear()
        self.periods = periods
        for p in periods:
            closed = self.tr(" (closed)") if p.closed else ""
            self.addItem(f"{p.code}{closed}", p.code)
        if periods:
            self.setCurrentIndex(current_period_index(periods, today or clock.today(None)))

    def code(self) -> str:
        return str(self.currentData() or "")

    def select(self, code: str) -> None:
        i = self.findData(code)
        if i >= 0:
            self.setCurrentIndex(i)


def read_only_table(columns: int, parent: QWidget | None = None, name: str = "") -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    if name:
        table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def set_row(table: QTableWidget, row: int, values: list[Any], *, background: QColor | None = None,
            data: Any = None) -> None:
    for col, value in enumerate(values):
        item = QTableWidgetItem("" if value is None else str(value))
        if isinstance(value, int | float) and not isinstance(value, bool):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if background is not None:
            item.setBackground(background)
        if col == 0 and data is not None:
            item.setData(Qt.ItemDataRole.UserRole, data)
        table.setItem(row, col, item)


# Folders remembered between sessions (declared here, once, like every other setting).
ISSUE_FOLDER = Option[str]("cycle/issue_folder", str, "", "folder the last workbooks were issued into")
MERGE_FOLDER = Option[str]("cycle/merge_folder", str, "", "folder returned workbooks were last merged from")
BUREAU_FOLDER = Option[str]("cycle/bureau_folder", str, "", "folder a department workbook was last opened from")


class BackgroundDialog(QDialog):
    """A dialog that runs one background job at a time and cannot be closed while it runs.

    Subclasses set ``self.conn`` (a ``ReadConnection``), implement ``retranslate`` and the
    ``_done`` / ``_failed`` / ``_cancelled`` callbacks, and own ``progress`` (a QProgressBar).
    """

    conn: ReadConnection
    progress: QProgressBar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op: InlineOp | None = None
        keep_on_screen(self)

    def running(self) -> bool:
        return self.op is not None and not self.op.done

    def run_job(self, job: Any, title: str, maximum: int = 0) -> InlineOp:
        """Run ``job`` (an ``ops.in_child`` job: it opens its own connection in the child process)."""
        self.progress.setRange(0, maximum)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.op = InlineOp(self, None, job, title=title)
        self.op.progress_changed.connect(self._progressed)
        self.op.success(self._done).failure(self._failed).on_cancelled(self._cancelled).run()
        return self.op

    def _progressed(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _done(self, result: Any) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _cancelled(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self.running():
            return  # finish or cancel the job first
        self.conn.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.running():
            event.ignore()
            return
        super().closeEvent(event)
