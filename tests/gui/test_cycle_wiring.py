"""The main window reaches the cycle dialogs and the submissions page, and merges dropped workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages import ComingPage
from desktop_app.ui.submissions_view import SubmissionsPage
from tests.gui.cycle_helpers import cycle_db_file

pytestmark = pytest.mark.gui


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_menu_actions_pages_and_drops(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # this test is about the cycle wiring: the ledger and departments pages are stood in for
    original = MainWindow._make_page
    monkeypatch.setattr(MainWindow, "_make_page", lambda self, key: ComingPage(self, key)
                        if key in ("ledger", "departments") else original(self, key))
    path, _plan_id = cycle_db_file(tmp_path)
    win = MainWindow(path, view="submissions")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.db is not None, timeout=5000)
    page = win.pages["submissions"]
    assert isinstance(page, SubmissionsPage) and page.issue_button.isEnabled()
    for action in (win.act_import, win.act_issue, win.act_merge):
        assert action in win.menu_file.actions() and action.text()
    issue = win.issue_workbooks()
    assert issue.plan_id == win.plan_id
    issue.reject()
    empty = tmp_path / "empty"
    empty.mkdir()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(empty))])
    from desktop_app.ui.merge_dialog import merge_dropped

    dialog = merge_dropped(win, win.db_path, mime)
    qtbot.waitUntil(lambda: dialog.op is not None and dialog.op.done, timeout=10000)
    assert "No workbooks" in dialog.summary.text()
