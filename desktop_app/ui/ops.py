"""The one helper for work that must not run on the GUI thread (cf. Anki's ``CollectionOp``).

    Op(parent, db_path, job, title=...).success(on_done).failure(on_error).run()

``job(db, progress, cancelled)`` runs in a worker thread with its OWN database connection (opened
with ``open_database(db_path)`` and closed afterwards); it must not touch widgets. It reports with
``progress(done, total, label)`` and checks ``cancelled()``; once the user has pressed Cancel,
``progress`` raises ``OperationCancelled`` so a job that only reports still stops (and its write
transaction rolls back). A progress dialog appears only when the job runs longer than
``DIALOG_DELAY_MS``. The success / failure / cancelled callbacks run on the GUI thread. A
``PeakDeskError`` is shown as a plain message; anything else is a bug and shows its traceback.

CPU-heavy jobs (issuing, merging, reports) run in a child process instead: ``in_child(db_path, name, …)``
makes a job whose thread only waits for ``child_jobs.run_in_child`` and relays progress, so the window's
thread never competes with the job for the interpreter lock.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop_app.errors import PeakDeskError
from desktop_app.services.database_files import connect

DIALOG_DELAY_MS = 500

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
Job = Callable[[Any, ProgressFn, CancelledFn], Any]


class OperationCancelled(Exception):
    """Raised inside a job by ``progress()`` after the user pressed Cancel."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runner(QRunnable):
    def __init__(self, op: Op) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:  # worker thread: no widgets here
        op = self._op
        signals = op._signals
        db = None

        def cancelled() -> bool:
            return op._cancel.is_set()

        def progress(done: int, total: int, label: str = "") -> None:
            if op._cancel.is_set():
                raise OperationCancelled()
            signals.progressed.emit(int(done), int(total), str(label))

        try:
            db = connect(op.db_path) if op.db_path is not None else None
            result = op.job(db, progress, cancelled)
        except OperationCancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread
            if op._cancel.is_set():
                signals.cancelled.emit()
            else:
                signals.failed.emit(exc, traceback.format_exc())
        else:
            if op._cancel.is_set():
                signals.cancelled.emit()
            else:
                signals.succeeded.emit(result)
        finally:
            if db is not None:
                db.close()


def in_child(db_path: Path | str, name: str, **kwargs: Any) -> Job:
    """An ``Op`` job that runs ``child_jobs.JOBS[name]`` in a child process with its own connection to
    ``db_path`` (make the ``Op`` with ``db_path=None``: its worker thread only waits and relays progress)."""
    from desktop_app.ui.child_jobs import run_in_child

    def job(_db: Any, progress: ProgressFn, cancelled: CancelledFn) -> Any:
        state, value = run_in_child(name, kwargs, db_path=db_path, progress=progress, cancelled=cancelled)
        if state == "cancelled":
            raise OperationCancelled()
        return value

    return job


class Op(QObject):
    """A background job with delayed progress dialog, cancel, and GUI-thread callbacks."""

    finished = Signal()  # after whichever callback ran

    _running: set[Op] = set()  # keep Python wrappers alive until the job ends

    def __init__(self, parent: QWidget | None, db_path: Path | str | None, job: Job, *,
                 title: str = "", cancellable: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.db_path = db_path
        self.job = job
        self.title = title or self.tr("Working…")
        self.cancellable = cancellable
        self.result: Any = None
        self.error: BaseException | None = None
        self.state = "new"  # new → running → succeeded | failed | cancelled
        self._cancel = threading.Event()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        self._show_errors = True
        self._dialog: QProgressDialog | None = None
        self._last = (0, 0, "")
        self._signals = _Signals()
        self._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    # --- fluent set-up ---------------------------------------------------------------------------
    def success(self, fn: Callable[[Any], None]) -> Op:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None], *, show: bool = False) -> Op:
        """Handle errors yourself; the default message box is still shown when ``show``."""
        self._on_failure = fn
        self._show_errors = show
        return self

    def on_cancelled(self, fn: Callable[[], None]) -> Op:
        self._on_cancelled = fn
        return self

    def run(self) -> Op:
        self.state = "running"
        Op._running.add(self)
        self._timer.start(DIALOG_DELAY_MS)
        QThreadPool.globalInstance().start(_Runner(self))
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def done(self) -> bool:
        return self.state in ("succeeded", "failed", "cancelled")

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    # --- GUI thread --------------------------------------------------------------------------------
    def _show_dialog(self) -> None:
        if self.done:
            return
        dlg = QProgressDialog(self.parent_widget)
        dlg.setWindowTitle(self.title)
        dlg.setLabelText(self._last[2] or self.title)
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        if self.cancellable:
            dlg.setCancelButtonText(self.tr("Cancel"))
            dlg.canceled.connect(self.cancel)
        else:
            dlg.setCancelButton(None)
        self._dialog = dlg
        self._apply_progress()
        dlg.show()

    def _apply_progress(self) -> None:
        if self._dialog is None:
            return
        done, total, label = self._last
        if total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))
        else:
            self._dialog.setRange(0, 0)  # busy indicator
        if label:
            self._dialog.setLabelText(label)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self._last = (done, total, label or self._last[2])
        self._apply_progress()

    def _finish(self, state: str) -> None:
        self.state = state
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.blockSignals(True)  # closing must not count as Cancel
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _succeeded(self, result: object) -> None:
        self._finish("succeeded")
        self.result = result
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self._end()

    def _failed(self, exc: BaseException, trace: str) -> None:
        self._finish("failed")
        self.error = exc
        try:
            if self._show_errors:
                show_error(self.parent_widget, exc, trace, title=self.title)
            if self._on_failure is not None:
                self._on_failure(exc)
        finally:
            self._end()

    def _cancelled(self) -> None:
        self._finish("cancelled")
        try:
            if self._on_cancelled is not None:
                self._on_cancelled()
        finally:
            self._end()

    def _end(self) -> None:
        Op._running.discard(self)
        self.finished.emit()


def error_text(exc: BaseException) -> str:
    from desktop_app.ui.app import current_lang

    if isinstance(exc, PeakDeskError):
        return exc.localized(current_lang())
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException, trace: str = "", *, title: str = "") -> QMessageBox:
    """User-fixable problems get their message; bugs get a box with the traceback to copy."""
    box = QMessageBox(parent)
    box.setWindowTitle(title or "PeakDesk")
    if isinstance(exc, PeakDeskError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(error_text(exc))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(QCoreApplication.translate(
            "Op", "PeakDesk ran into an unexpected error. Please send the details below to support."))
        box.setInformativeText(error_text(exc))
        box.setDetailedText(trace or "".join(traceback.format_exception(exc)))
    box.setObjectName("peakdesk-error")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

