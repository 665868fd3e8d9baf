"""Every QAction of the main window and every button of every page, on a new database and on the demo.

qutebrowser style: any Python exception in a slot (pytest-qt captures them) or any Qt warning
(``qt_log_level_fail = WARNING``) fails the test. Modal questions and file choosers are answered
"cancel" at once; dialogs an action opens are closed after it, so nothing waits for a person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

pytestmark = pytest.mark.gui

# Actions whose effect ends the test's window or process; they are checked by their own tests.
SKIPPED_ACTIONS = {"action-quit"}
# Page buttons that start a long background job (a report, an export) are still clicked: the job must
# start and be cancellable; buttons inside dialogs are out of scope here.


@pytest.fixture
def cancel_everything(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every question, file chooser and modal dialog with "cancel", and record what was asked."""
    asked: list[str] = []

    def file_cancel(*_a: Any, **_k: Any) -> tuple[str, str]:
        asked.append("file")
        return "", ""

    def dir_cancel(*_a: Any, **_k: Any) -> str:
        asked.append("dir")
        return ""

    def box(*_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append("box")
        return QMessageBox.StandardButton.Cancel

    def box_exec(self: QMessageBox) -> int:
        asked.append("box-exec")
        escape = self.escapeButton()
        if escape is not None:
            escape.click()
        return int(QMessageBox.StandardButton.Cancel.value)

    def dialog_exec(self: QDialog) -> int:
        asked.append(f"exec:{type(self).__name__}")
        self.reject()
        return 0

    def input_cancel(*_a: Any, **_k: Any) -> tuple[Any, bool]:
        asked.append("input")
        return "", False

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(file_cancel))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(dir_cancel))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(box))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *_a, **_k: asked.append("about")))
    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(input_cancel))
    return asked


def close_dialogs(main: QWidget) -> None:
    for _ in range(3):
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if widget is not main and widget.isVisible() and isinstance(widget, QDialog):
                cancel = getattr(widget, "cancel", None)
                if callable(cancel) and getattr(widget, "op", None) is not None:
                    cancel()
                widget.reject()
            elif widget is not main and widget.isVisible() and widget.isWindow():
                widget.close()


def wait_for_pages(window: Any, qtbot: Any) -> None:
    """Let every page load and every job a click started (a report, a backup) end, then close what it showed."""
    qtbot.waitUntil(lambda: not window.running_jobs(), timeout=120000)
    close_dialogs(window)
    for page in window.pages.values():
        loader = getattr(page, "loader", None)
        if loader is not None:
            qtbot.waitUntil(lambda ld=loader: not ld.busy, timeout=30000)


def page_buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton)
            if b.isVisibleTo(page) and b.isEnabled() and b.window() is page.window()]


def trigger_everything(window: Any, qtbot: Any) -> list[str]:
    done: list[str] = []
    action_type = type(window.act_open)
    names = sorted({a.objectName() for a in window.findChildren(action_type)
                    if a.objectName().startswith("action-") and a.objectName() not in SKIPPED_ACTIONS})
    for name in names:
        action = window.findChild(action_type, name)
        if action is None or not action.isEnabled():
            continue
        action.trigger()
        done.append(name)
        close_dialogs(window)
        wait_for_pages(window, qtbot)
    for key, page in list(window.pages.items()):
        window.show_view(key)
        wait_for_pages(window, qtbot)
        for button in page_buttons(page):
            if not button.isVisibleTo(page) or not button.isEnabled():
                continue   # an earlier click may have changed the page
            button.click()
            done.append(f"{key}:{button.objectName() or button.text()}")
            close_dialogs(window)
            wait_for_pages(window, qtbot)
    return done


def test_every_action_and_button_on_a_new_database(app, qtbot, tmp_path: Path, cancel_everything):
    from desktop_app.services.database_files import create_database
    from desktop_app.ui.main_window import MainWindow

    path = create_database(tmp_path / "new.sqlite")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(path)
    done = trigger_everything(win, qtbot)
    assert {"action-merge", "action-issue", "action-import-plan", "action-new-database"} <= set(done)
    assert any(d.startswith("submissions:") for d in done)
    win.close()


def test_every_action_and_button_on_the_demo(window, qtbot, cancel_everything):
    done = trigger_everything(window, qtbot)
    assert "action-merge" in done and any(d.startswith("plans:") for d in done)


def test_merge_from_the_menu_shortcut_and_page_button_opens_the_merge_dialog(window, qtbot):
    from desktop_app.ui.merge_dialog import MergeDialog

    def open_merge_dialogs() -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MergeDialog) and w.isVisible()]

    window.act_merge.trigger()
    qtbot.waitUntil(lambda: len(open_merge_dialogs()) == 1, timeout=3000)
    close_dialogs(window)
    assert window.act_merge.shortcut().toString() == "Ctrl+M"
    window.show_view("submissions")
    window.pages["submissions"].merge_button.click()
    qtbot.waitUntil(lambda: len(open_merge_dialogs()) == 1, timeout=3000)
    close_dialogs(window)
