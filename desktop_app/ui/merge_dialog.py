"""Merge returned department workbooks: files or folders (or dropped on the window) → one result per file.

Each file is merged on its own, all-or-nothing (``services.merge_submissions.merge_files`` in the
background, on the worker's own connection); the table shows every file's result and, for the selected
file, its errors as sheet / cell / message. A database backup is taken before a real merge.

The main window calls ``accepts_drop(mime)`` from ``dragEnterEvent`` and ``merge_dropped(parent,
db_path, mime_or_paths)`` from ``dropEvent``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.services import office_convert
from desktop_app.services.unit_lookup import names_by_code
from desktop_app.ui.app import current_lang
from desktop_app.ui.cycle_widgets import (
    BAD_COLOR,
    LATE_COLOR,
    MERGE_FOLDER,
    NEUTRAL_COLOR,
    OK_COLOR,
    BackgroundDialog,
    InlineOp,
    ReadConnection,
    read_only_table,
    set_row,
)
from desktop_app.ui.ops import in_child, show_error

RETURN_SUFFIXES = frozenset({".xlsx"}) | office_convert.UNSUPPORTED_RETURNS


def dropped_paths(source: QMimeData | Iterable[Path | str]) -> list[Path]:
    """The returns and folders among dropped URLs (or paths): .xlsx, and the formats a clerk may have saved
    a return as (.xls, .et, .ods, .wps, .csv …) so that the result names them with what to do."""
    if isinstance(source, QMimeData):
        raw = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()] if source.hasUrls() else []
    else:
        raw = [Path(p) for p in source]
    return [p for p in raw if p.is_dir() or p.suffix.lower() in RETURN_SUFFIXES]


def accepts_drop(mime: QMimeData) -> bool:
    return bool(dropped_paths(mime))


class MergeDialog(BackgroundDialog):
    """Choose returned workbooks (files, folders, drops), merge them in the background, show the results."""

    changed = Signal(object)  # ChangeSummary after a merge that accepted something

    def __init__(self, db_path: Path | str, parent: QWidget | None = None, *,
                 paths: Iterable[Path | str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("merge-dialog")
        self.setAcceptDrops(True)
        self.db_path = Path(db_path)
        self.conn = ReadConnection(self.db_path)
        self.names = names_by_code(self.conn.db)
        self.result: Any = None
        self.backup: Path | None = None

        self.sources = QListWidget()
        self.sources.setObjectName("merge-sources")
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton()
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button = QPushButton()
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.dry_run = QCheckBox()
        self.dry_run.setObjectName("dry-run")
        # .xls/.et/.ods returns are converted with LibreOffice when it is installed (offered, on by default)
        self.soffice = office_convert.find_soffice()
        self.convert = QCheckBox()
        self.convert.setObjectName("convert")
        self.convert.setChecked(self.soffice is not None)
        self.convert.setEnabled(self.soffice is not None)
        self.hint = QLabel()
        self.hint.setObjectName("page-note")
        self.hint.setWordWrap(True)
        self.results = read_only_table(6, name="merge-results")
        self.results.itemSelectionChanged.connect(self._show_errors)
        self.errors = read_only_table(3, name="merge-errors")
        self.error_title = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("merge-summary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("merge-progress")
        self.progress.setVisible(False)
        self.progress_label = QLabel()

        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge-button")
        self.merge_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancel-button")
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.merge_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        self.source_box = QGroupBox()
        source_layout = QVBoxLayout(self.source_box)
        source_layout.addWidget(self.sources, 1)
        row = QHBoxLayout()
        for w in (self.add_files_button, self.add_folder_button, self.remove_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.convert)
        row.addWidget(self.dry_run)
        source_layout.addLayout(row)
        source_layout.addWidget(self.hint)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.results, 3)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.error_title)
        lower_layout.addWidget(self.errors, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.source_box)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(960, 640)
        self.retranslate()
        self.add_paths(paths)
        # Enter presses Merge (or nothing): a side button that last had the focus was "auto default",
        # so Enter after adding a folder opened the file chooser again (seen under Xvfb)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.merge_button.setDefault(True)

    # --- sources -----------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def add_paths(self, paths: Iterable[Path | str]) -> None:
        have = set(self.paths())
        for p in dropped_paths(paths):
            if p not in have:
                self.sources.addItem(str(p))
                have.add(p)
        self._update_buttons()

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Returned workbooks"), MERGE_FOLDER.get(),
            self.tr("Excel workbooks (*.xlsx);;Other spreadsheet files (*.xls *.et *.ods *.wps *.csv)"))
        if files:
            MERGE_FOLDER.set(str(Path(files[0]).parent))
            self.add_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of returned workbooks"), MERGE_FOLDER.get())
        if folder:
            MERGE_FOLDER.set(folder)
            self.add_paths([folder])

    def remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self.op is None or self.op.done
        self.merge_button.setEnabled(idle and self.sources.count() > 0)
        self.remove_button.setEnabled(idle and self.sources.count() > 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if accepts_drop(event.mimeData()) and (self.op is None or self.op.done):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.add_paths(dropped_paths(event.mimeData()))
        event.acceptProposedAction()

    # --- the background job ------------------------------------------------------------------------
    def start(self) -> InlineOp | None:
        paths = self.paths()
        if not paths or (self.op is not None and not self.op.done):
            return None
        dry_run = self.dry_run.isChecked()

        job = in_child(self.db_path, "merge", paths=[str(p) for p in paths], dry_run=dry_run,
                       convert=self.convert.isChecked())
        self.results.setRowCount(0)
        self.errors.setRowCount(0)
        self.summary.clear()
        self._set_running(True)
        return self.run_job(job, self.tr("Merge Workbooks"), 0)

    def cancel(self) -> None:
        if self.op is not None and not self.op.done:
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling after the current file…"))

    def _set_running(self, running: bool) -> None:
        for w in (self.sources, self.add_files_button, self.add_folder_button, self.dry_run):
            w.setEnabled(not running)
        self.convert.setEnabled(not running and self.soffice is not None)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        if running:
            self.merge_button.setEnabled(False)
            self.remove_button.setEnabled(False)
        else:
            self._update_buttons()

    def _progressed(self, done: int, total: int, label: str) -> None:
        super()._progressed(done, total, label)
        if label:
            self.progress_label.setText(self.tr("Checking %1…").replace("%1", label))

    def status_text(self, status: str, dry_run: bool = False) -> str:
        if status == "accepted":
            return self.tr("Would be accepted") if dry_run else self.tr("Accepted")
        if status == "duplicate":
            return self.tr("Duplicate (already merged)")
        return self.tr("Rejected")

    def department_text(self, code: str | None) -> str:
        if not code:
            return ""
        zh, en = self.names.get(code, ("", ""))
        name = en if current_lang() == "en" and en else zh
        return f"{code} {name}".strip()

    def _done(self, outcome: Any) -> None:
        result, self.backup = outcome
        self.result = result
        self._set_running(False)
        self.progress_label.clear()
        self.progress.setVisible(False)
        self._render()
        if not result.dry_run and any(f.status == "accepted" for f in result.files):
            self.changed.emit(result.summary)

    def _render(self) -> None:
        result = self.result
        files = list(result.files)
        self.results.setRowCount(len(files))
        for row, f in enumerate(files):
            color = {"accepted": OK_COLOR, "duplicate": NEUTRAL_COLOR}.get(f.status, BAD_COLOR)
            if f.status == "accepted" and f.late:
                color = LATE_COLOR
            set_row(self.results, row, [
                Path(f.file).name, self.status_text(f.status, result.dry_run), self.department_text(f.department),
                f.period or "", f.rows, self.tr("Late") if f.late else ""], background=color, data=row)
            self.results.item(row, 0).setToolTip(f.file)
            if f.warnings:
                self.results.item(row, 1).setToolTip(self.tr("(%n note(s))", "", len(f.warnings)))
        self.results.resizeColumnsToContents()
        counts = {s: sum(f.status == s for f in files) for s in ("accepted", "duplicate", "rejected")}
        text = self.tr("%1 accepted, %2 duplicate, %3 rejected.")
        if result.dry_run:
            text = self.tr("Check only, nothing was written: %1 would be accepted, %2 duplicate, %3 rejected.")
        text = (text.replace("%1", str(counts["accepted"])).replace("%2", str(counts["duplicate"]))
                .replace("%3", str(counts["rejected"])))
        if not files:
            text = self.tr("No workbooks were found in what you chose.")
        if result.cancelled:
            text += " " + self.tr("Cancelled: the remaining files were not merged.")
        self.summary.setText(text)
        noted = sum(1 for f in files if f.status == "accepted" and f.warnings)
        if noted:
            text += " " + self.tr("%n accepted file(s) have notes (remarks on values); select one to see them.",
                                  "", noted)
        if self.backup is not None:
            text += " " + self.tr("A backup was made before writing: %1").replace("%1", self.backup.name)
        first_bad = next((i for i, f in enumerate(files) if f.status == "rejected"), 0 if files else -1)
        if first_bad >= 0:
            self.results.selectRow(first_bad)

    def _show_errors(self) -> None:
        self.errors.setRowCount(0)
        rows = self.results.selectionModel().selectedRows() if self.results.selectionModel() else []
        if not rows or self.result is None:
            self.error_title.setText(self.tr("Errors of the selected file"))
            return
        f = self.result.files[rows[0].row()]
        lang = current_lang()
        if f.errors:
            self.error_title.setText(self.tr("Errors in %1").replace("%1", Path(f.file).name))
        else:
            self.error_title.setText(self.tr("Notes on %1 (accepted; worth a look)").replace("%1", Path(f.file).name))
        shown = [(p, BAD_COLOR) for p in f.errors] + [(p, LATE_COLOR) for p in f.warnings]
        self.errors.setRowCount(len(shown))
        for i, (p, color) in enumerate(shown):
            set_row(self.errors, i, [p.sheet, p.cell, p.text(lang)], background=color)
        self.errors.resizeColumnToContents(0)
        self.errors.resizeColumnToContents(1)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        self.progress_label.clear()
        show_error(self, exc, title=self.tr("Merge Workbooks"))

    def _cancelled(self) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        self.progress_label.clear()
        self.summary.setText(self.tr("Cancelled. Files merged before you cancelled stay merged; the file "
                                     "being merged was not."))
        self.changed.emit(ChangeSummary(progress=True, submissions=True))

    # --- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge Returned Workbooks"))
        self.source_box.setTitle(self.tr("Workbooks and folders to merge"))
        self.add_files_button.setText(self.tr("Add &Files…"))
        self.add_folder_button.setText(self.tr("Add F&older…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.dry_run.setText(self.tr("&Check only (write nothing)"))
        self.convert.setText(self.tr("Con&vert .xls/.et/.ods with LibreOffice"))
        self.convert.setToolTip(self.tr("Returns saved as .xls, .et or .ods are converted to .xlsx with LibreOffice "
                                        "and merged; the original file is recorded.") if self.soffice else
                                self.tr("LibreOffice is not installed: returns saved as .xls, .et or .ods are "
                                        "listed with what the sender should do."))
        self.hint.setText(self.tr("You can also drop workbooks or folders here. Folders are searched for .xlsx "
                                  "files, including sub-folders; files saved in another format (.xls, .et, .ods, "
                                  ".wps, .csv) are listed with what to do. Each file is merged whole or not at "
                                  "all."))
        self.results.setHorizontalHeaderLabels([self.tr("File"), self.tr("Status"), self.tr("Department"),
                                                self.tr("Period"), self.tr("Rows"), self.tr("Late")])
        self.errors.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Cell"), self.tr("Message")])
        self.error_title.setText(self.tr("Errors of the selected file"))
        self.merge_button.setText(self.tr("&Merge"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.result is not None:
            self._render()



def merge_dropped(parent: QWidget | None, db_path: Path | str,
                  source: QMimeData | Iterable[Path | str]) -> MergeDialog | None:
    """What the main window does with dropped workbooks/folders: show the merge dialog and start at once."""
    paths = dropped_paths(source)
    if not paths:
        return None
    dialog = MergeDialog(db_path, parent, paths=paths)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.start()
    return dialog
