"""Issue the period's department workbooks: period, departments, folder → one workbook each.

The writing runs in the background (``services.issue_packages.export_packages`` on the worker's own
connection) with a progress bar and Cancel in the dialog; the result list names every file written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.paths import user_data_dir
from desktop_app.services import bulk_assign, cycle_queries
from desktop_app.ui.app import current_lang
from desktop_app.ui.cycle_widgets import (
    ISSUE_FOLDER,
    BackgroundDialog,
    InlineOp,
    PeriodCombo,
    ReadConnection,
    newest_plan,
    read_only_table,
    reporting_periods,
    set_row,
    today_of,
)
from desktop_app.ui.ops import in_child, show_error


def holding_departments(db: Any, plan_id: int) -> list[tuple[str, str, str, int]]:
    """(code, name_zh, name_en, tasks held) for every department that reports on a task of the plan."""
    return cycle_queries.holding_departments(db, plan_id)


class IssueDialog(BackgroundDialog):
    """Issue workbooks for one period to the checked departments, into a folder."""

    changed = Signal(object)  # ChangeSummary after workbooks were issued

    def __init__(self, db_path: Path | str, parent: QWidget | None = None, *, plan_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issue-dialog")
        self.db_path = Path(db_path)
        self.conn = ReadConnection(self.db_path)
        self.plan_id = plan_id if plan_id is not None else newest_plan(self.conn.db)
        self.result: Any = None

        self.period = PeriodCombo()
        self.year = QSpinBox()
        self.year.setObjectName("issue-year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today_of(self.conn.db).year)
        self.year.valueChanged.connect(lambda _y: self._load_periods())
        self.unassigned: list[tuple[int, str, str, str]] = []
        self.unassigned_label = QLabel()
        self.unassigned_label.setObjectName("issue-unassigned")
        self.unassigned_label.setWordWrap(True)
        self.unassigned_label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.unassigned_label.setVisible(False)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("issue-assign-units")
        self.assign_button.clicked.connect(lambda _c=False: self.assign_first())
        self.assign_button.setVisible(False)
        self.confirmed_unassigned = False
        self.filter = QLineEdit()
        self.filter.setObjectName("department-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.departments = QListWidget()
        self.departments.setObjectName("department-list")
        self.departments.itemChanged.connect(lambda _item: self._update_count())
        self.all_button = QPushButton()
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton()
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.count_label = QLabel()
        self.folder = QLineEdit()
        self.folder.setObjectName("folder-edit")
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.progress = QProgressBar()
        self.progress.setObjectName("issue-progress")
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.results = read_only_table(3, name="issue-results")
        self.results.doubleClicked.connect(lambda _i: self.open_folder())
        self.summary = QLabel()
        self.summary.setObjectName("issue-summary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.issue_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("issue-button")
        self.issue_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancel-button")
        self.cancel_button.setEnabled(False)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.issue_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

        self.form = QFormLayout()
        self.period_label = QLabel()
        self.folder_label = QLabel()
        period_row = QHBoxLayout()
        period_row.addWidget(self.year)
        period_row.addWidget(self.period, 1)
        self.form.addRow(self.period_label, period_row)
        warn_row = QHBoxLayout()
        warn_row.addWidget(self.unassigned_label, 1)
        warn_row.addWidget(self.assign_button)
        self.form.addRow(warn_row)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.form.addRow(self.folder_label, folder_row)
        self.dept_box = QGroupBox()
        dept_layout = QVBoxLayout(self.dept_box)
        dept_layout.addWidget(self.filter)
        dept_layout.addWidget(self.departments, 1)
        check_row = QHBoxLayout()
        check_row.addWidget(self.all_button)
        check_row.addWidget(self.none_button)
        check_row.addStretch(1)
        check_row.addWidget(self.count_label)
        dept_layout.addLayout(check_row)
        self.result_box = QGroupBox()
        result_layout = QVBoxLayout(self.result_box)
        result_layout.addWidget(self.results, 1)
        result_layout.addWidget(self.summary)

        top = QHBoxLayout()
        top.addWidget(self.dept_box, 1)
        top.addWidget(self.result_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(top, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.period, self.folder)
        self.setTabOrder(self.folder, self.browse_button)
        self.setTabOrder(self.browse_button, self.filter)
        self.setTabOrder(self.filter, self.departments)
        self.resize(900, 560)

        self._load()
        self.retranslate()
        # Enter presses Issue (or nothing): a side button that last had the focus was "auto default",
        # so Enter after adding a folder opened the file chooser again (seen under Xvfb)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.issue_button.setDefault(True)

    # --- data ------------------------------------------------------------------------------------
    def _load(self) -> None:
        db = self.conn.db
        if self.plan_id is None:
            self.issue_button.setEnabled(False)
            return
        self._load_periods()
        self.unassigned = bulk_assign.tasks_without_lead(db, self.plan_id)
        lang = current_lang()
        self.departments.blockSignals(True)
        self.departments.clear()
        for code, name_zh, name_en, n in holding_departments(db, self.plan_id):
            name = name_en if lang == "en" and name_en else name_zh
            item = QListWidgetItem(f"{code}  {name}  ({n})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{code} {name_zh} {name_en}".lower())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.departments.addItem(item)
        self.departments.blockSignals(False)
        saved = ISSUE_FOLDER.get()
        self.folder.setText(saved or str(user_data_dir() / "issued"))
        self._update_count()

    def _load_periods(self) -> None:
        """The chosen year's periods (any year: a coordinator may issue last December's late, or plan ahead)."""
        if self.plan_id is None:
            return
        db = self.conn.db
        today = today_of(db)
        year = self.year.value()
        keep = self.period.code()
        periods = [p for p in reporting_periods(db, self.plan_id, today, year=year) if p.start.year == year]
        self.period.load(periods, today if today.year == year else None)
        if keep:
            self.period.select(keep)

    def _show_unassigned(self) -> None:
        n = len(self.unassigned)
        self.unassigned_label.setVisible(n > 0)
        self.assign_button.setVisible(n > 0)
        if not n:
            return
        lang = current_lang()
        names = "、".join(f"{code} {zh if lang == 'zh' else (en or zh)}"[:40] for _i, code, zh, en in self.unassigned[:5])
        more = self.tr(" and %n more", "", n - 5) if n > 5 else ""
        self.unassigned_label.setText(self.tr(
            "%n task(s) have no lead unit and will be in no workbook: %1%2.", "", n)
            .replace("%1", names).replace("%2", more))

    def assign_first(self) -> None:
        """Close and show the tasks without a lead unit in the ledger, ready to be assigned."""
        window = self.parent()
        self.reject()
        navigate = getattr(window, "navigate", None)
        if navigate is None:
            window = getattr(window, "window_", None)
            navigate = getattr(window, "navigate", None)
        if navigate is not None:
            navigate("ledger", {"unassigned": True})

    def ask_about_unassigned(self) -> bool:
        """Before issuing: tasks nobody leads are named, and the coordinator chooses to go on or assign first."""
        if not self.unassigned or self.confirmed_unassigned:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tasks Without a Lead Unit"),
                          self.unassigned_label.text(), parent=self)
        box.setObjectName("issue-unassigned-question")
        box.setInformativeText(self.tr("Nobody will be asked to report on them this period."))
        go = box.addButton(self.tr("Issue &Anyway"), QMessageBox.ButtonRole.AcceptRole)
        assign = box.addButton(self.tr("&Assign Units First"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(assign)
        box.setEscapeButton(assign)
        box.exec()
        if box.clickedButton() is go:
            self.confirmed_unassigned = True
            return True
        if box.clickedButton() is assign:
            self.assign_first()
        return False

    def checked_codes(self) -> list[str]:
        return [str(self.departments.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.departments.count())
                if self.departments.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: list[str]) -> None:
        wanted = set(codes)
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def _check_all(self, on: bool) -> None:
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.departments.count()):
            item = self.departments.item(i)
            item.setHidden(bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1)))

    def _update_count(self) -> None:
        n, total = len(self.checked_codes()), self.departments.count()
        self.count_label.setText(self.tr("%1 of %2 departments").replace("%1", str(n)).replace("%2", str(total)))
        if self.op is None or self.op.done:
            self.issue_button.setEnabled(n > 0 and self.plan_id is not None)

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the workbooks"), self.folder.text())
        if path:
            self.folder.setText(path)

    # --- the background job ------------------------------------------------------------------------
    def start(self) -> InlineOp | None:
        if not self.ask_about_unassigned():
            return None
        codes = self.checked_codes()
        folder = self.folder.text().strip()
        period = self.period.code()
        if not codes or not folder or not period or self.plan_id is None:
            self.summary.setText(self.tr("Choose a period, at least one department and a folder."))
            return None
        out_dir = Path(folder)
        ISSUE_FOLDER.set(folder)
        plan_id = self.plan_id
        every = len(codes) == self.departments.count()

        job = in_child(self.db_path, "issue", plan_id=plan_id, period=period, out_dir=str(out_dir),
                       departments=None if every else codes)
        self.results.setRowCount(0)
        self.summary.clear()
        self._set_running(True)
        return self.run_job(job, self.tr("Issue Workbooks"), len(codes))

    def cancel(self) -> None:
        if self.op is not None and not self.op.done:
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for w in (self.issue_button, self.period, self.departments, self.folder, self.browse_button,
                  self.all_button, self.none_button, self.filter):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _progressed(self, done: int, total: int, label: str) -> None:
        super()._progressed(done, total, label)
        if label:
            self.progress_label.setText(self.tr("Writing the workbook of %1…").replace("%1", label))

    def _show_packages(self, result: Any) -> None:
        packages = list(result.packages)
        self.results.setRowCount(len(packages))
        for row, pkg in enumerate(packages):
            set_row(self.results, row, [f"{pkg.department} {pkg.department_name}", pkg.rows, Path(pkg.file).name],
                    data=str(pkg.file))
        self.results.resizeColumnsToContents()
        self.open_button.setEnabled(bool(packages))

    def _done(self, result: Any) -> None:
        self.result = result
        self._set_running(False)
        self._update_count()
        self.progress_label.clear()
        self._show_packages(result)
        n = len(result.packages)
        if getattr(result, "cancelled", False):
            self.summary.setText(self.tr("Cancelled: %n workbook(s) were written before you cancelled.", "", n))
        else:
            self.summary.setText(self.tr("%n workbook(s) written to %1.", "", n).replace("%1", self.folder.text()))
            self.progress.setValue(self.progress.maximum())
        summary = getattr(result, "summary", None)
        self.changed.emit(summary if isinstance(summary, ChangeSummary) else ChangeSummary(submissions=True))

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self._update_count()
        self.progress.setVisible(False)
        self.progress_label.clear()
        show_error(self, exc, title=self.tr("Issue Workbooks"))

    def _cancelled(self) -> None:
        self._set_running(False)
        self._update_count()
        self.progress_label.clear()
        self.summary.setText(self.tr("Cancelled."))
        self.changed.emit(ChangeSummary(submissions=True))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    # --- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue Department Workbooks"))
        self.period_label.setText(self.tr("&Period:"))
        self.period_label.setBuddy(self.period)
        self.folder_label.setText(self.tr("&Folder:"))
        self.folder_label.setBuddy(self.folder)
        self.browse_button.setText(self.tr("&Browse…"))
        self.filter.setPlaceholderText(self.tr("Filter departments"))
        self.dept_box.setTitle(self.tr("Departments (tasks held)"))
        self.all_button.setText(self.tr("Check &all"))
        self.none_button.setText(self.tr("Check &none"))
        self.result_box.setTitle(self.tr("Workbooks written"))
        self.results.setHorizontalHeaderLabels([self.tr("Department"), self.tr("Tasks"), self.tr("File")])
        self.issue_button.setText(self.tr("&Issue"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.open_button.setText(self.tr("&Open Folder"))
        self.year.setToolTip(self.tr("Year of the period"))
        self.assign_button.setText(self.tr("&Assign Units…"))
        self._show_unassigned()
        self._update_count()

