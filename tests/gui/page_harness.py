"""A stand-in for the main window so one page can be driven alone: it records change summaries and
passes them back to the page (and to any other page given), as ``MainWindow.notify`` does."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from desktop_app.domain.models import ChangeSummary


class FakeWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Any] = []
        self.changes: list[ChangeSummary] = []
        self.shown: list[tuple[str, dict[str, Any]]] = []
        self.undo_stack = QUndoStack(self)   # pages push their edits here, as on the main window

    def notify(self, changes: ChangeSummary) -> None:
        self.changes.append(changes)
        for page in self.pages:
            page.refresh(changes)
            settle(page)

    def show_view(self, key: str) -> None:
        self.shown.append((key, {}))


def settle(page: Any, timeout_ms: int = 30000) -> None:
    """Wait until a page's background load (``page.loader``) has been applied."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtTest import QTest

    loader = getattr(page, "loader", None)
    deadline = QDeadlineTimer(timeout_ms)
    while loader is not None and loader.busy:
        assert not deadline.hasExpired(), "the page did not finish loading"
        QTest.qWait(5)


def plan_id(db: Any) -> int:
    return int(db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()[0])


def open_page(qtbot: Any, page_cls: Any, db: Any) -> tuple[Any, FakeWindow]:
    window = FakeWindow()
    qtbot.addWidget(window)
    page = page_cls(window)
    window.pages.append(page)
    window.setCentralWidget(page)
    window.resize(1280, 760)
    page.set_database(db, plan_id(db))
    settle(page)
    return page, window
