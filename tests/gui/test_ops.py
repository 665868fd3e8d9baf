"""The background-operation helper: own connection, GUI-thread callbacks, delayed dialog, cancel, errors."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop_app.errors import PeakDeskError
from desktop_app.ui import ops
from desktop_app.ui.ops import Op

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(app, qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def _wait(qtbot, op):
    qtbot.waitUntil(lambda: op.done, timeout=5000)


def _boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_job_gets_its_own_connection_and_success_runs_on_gui_thread(parent, qtbot, demo_path):
    seen = {}

    def job(db, progress, cancelled):
        seen["thread"] = threading.get_ident()
        progress(1, 2, "counting")
        return db.execute("SELECT count(*) FROM task").fetchone()[0]

    results = []
    op = Op(parent, demo_path, job).success(lambda r: results.append((r, threading.get_ident()))).run()
    _wait(qtbot, op)
    assert op.state == "succeeded"
    assert results == [(40, threading.get_ident())]
    assert seen["thread"] != threading.get_ident()
    assert op.dialog is None  # fast job: no dialog ever shown


def test_dialog_appears_only_for_slow_jobs_and_cancel_stops_the_job(parent, qtbot, monkeypatch):
    monkeypatch.setattr(ops, "DIALOG_DELAY_MS", 100)
    steps = []

    def job(db, progress, cancelled):
        for i in range(200):
            progress(i, 200, f"step {i}")
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    cancelled = []
    op = Op(parent, None, job, title="Slow").on_cancelled(lambda: cancelled.append(True)).run()
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: op.dialog.value() > 0, timeout=3000)
    qtbot.mouseClick(op.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the Cancel button
    _wait(qtbot, op)
    assert op.state == "cancelled" and cancelled == [True]
    assert len(steps) < 200
    assert op.dialog is None


def test_user_error_is_a_plain_message(parent, qtbot):
    def job(db, progress, cancelled):
        raise PeakDeskError("The workbook is locked.")

    op = Op(parent, None, job).run()
    _wait(qtbot, op)
    boxes = _boxes()
    assert op.state == "failed" and len(boxes) == 1
    assert boxes[0].text() == "The workbook is locked." and not boxes[0].detailedText()
    boxes[0].close()


def test_bug_shows_the_traceback_and_failure_callback_runs(parent, qtbot):
    def job(db, progress, cancelled):
        return 1 / 0

    errors = []
    op = Op(parent, None, job).failure(errors.append, show=True).run()
    _wait(qtbot, op)
    boxes = _boxes()
    assert isinstance(errors[0], ZeroDivisionError)
    assert len(boxes) == 1 and "ZeroDivisionError" in boxes[0].detailedText()
    assert "Traceback" in boxes[0].detailedText()
    boxes[0].close()


def test_failed_write_rolls_back(parent, qtbot, demo_path):
    from desktop_app.store.db import open_database, write_tx

    def job(db, progress, cancelled):
        with write_tx(db):
            db.execute("UPDATE task SET title_en = 'half-written'")
            raise PeakDeskError("stop")

    op = Op(parent, demo_path, job).failure(lambda exc: None).run()
    _wait(qtbot, op)
    check = open_database(demo_path)
    try:
        assert check.execute("SELECT count(*) FROM task WHERE title_en = 'half-written'").fetchone()[0] == 0
    finally:
        check.close()


def test_background_job_niceness_comes_from_the_environment(monkeypatch):
    """A job yields the CPU (nice 10) unless $PEAKDESK_JOB_NICENESS says otherwise; nonsense keeps 10."""
    from desktop_app.ui import child_jobs

    monkeypatch.delenv(child_jobs.NICENESS_ENV, raising=False)
    assert child_jobs.child_niceness() == child_jobs.CHILD_NICENESS == 10
    for raw, expected in (("0", 0), ("5", 5), ("40", 19), ("-3", 0), ("x", 10), (" ", 10)):
        monkeypatch.setenv(child_jobs.NICENESS_ENV, raw)
        assert child_jobs.child_niceness() == expected, raw
