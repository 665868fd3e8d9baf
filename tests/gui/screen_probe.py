"""Open every dialog the window can show on a screen of a given size and report the ones that do not fit.

Run in its own process (the screen size is fixed when Qt starts), on the offscreen platform with a
configured screen: ``QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.gui.screen_probe
DB LANG``. Every dialog, message box and file chooser that appears — modal or not — is measured while
shown and then closed; one JSON line per dialog goes to stdout.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SCREEN_CONFIG = '{"screens": [{"name": "probe", "x": 0, "y": 0, "width": %d, "height": %d, "logicalDpi": 96}]}'


def config_text(width: int, height: int) -> str:
    return SCREEN_CONFIG % (width, height)


class Inspector(QObject):
    """Measures and closes every visible dialog, every few milliseconds (also inside a modal loop)."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self.main = main
        self.seen: list[dict[str, Any]] = []
        self.timer = QTimer(self)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self.sweep)
        self.timer.start()
        # A dialog that something else closes between two sweeps (the every-action walk closes what a click
        # opened) is measured as it hides: on a loaded machine the sweep alone could miss it.
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog) and watched is not self.main \
                and watched.isWindow():
            self.measure(watched)
        return False

    def measure(self, widget: QDialog) -> None:
        screen = widget.screen() or QApplication.primaryScreen()
        avail = screen.availableGeometry()
        frame = widget.frameGeometry()
        hint = widget.minimumSizeHint()
        self.seen.append({
            "dialog": type(widget).__name__, "name": widget.objectName(), "title": widget.windowTitle(),
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "min_hint": [hint.width(), hint.height()], "avail": [avail.width(), avail.height()],
            "fits": avail.contains(frame) and hint.width() <= avail.width() and hint.height() <= avail.height(),
        })

    def sweep(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is self.main or not widget.isVisible() or not isinstance(widget, QDialog):
                continue
            QApplication.processEvents()
            if not widget.isVisible():
                continue
            op = getattr(widget, "op", None)
            if op is not None and callable(getattr(widget, "cancel", None)):
                widget.cancel()
            widget.reject()


class _Bot:
    """The part of qtbot the every-action walk uses."""

    @staticmethod
    def waitUntil(condition: Any, timeout: int = 5000) -> None:  # noqa: N802 - mirrors pytest-qt
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met")
            QApplication.processEvents()
            time.sleep(0.005)


def main(argv: list[str]) -> int:
    from desktop_app.ui import settings
    from desktop_app.ui.app import create_application, set_language
    from desktop_app.ui.main_window import MainWindow
    from tests.gui.test_every_action import trigger_everything

    db, lang = Path(argv[0]), argv[1]
    settings.reset_store()
    app = create_application()
    set_language(lang, remember=False)
    win = MainWindow()
    win.show()
    if not win.open_database(db):
        return 2
    inspector = Inspector(win)
    extra = [win.open_settings, win.about]
    for opener in extra:
        opener()
        app.processEvents()
    for key, openers in (("ledger", ("edit_current", "assign_units")), ("departments", ("new_department",)),
                         ("periods", ("edit_period",))):
        win.show_view(key)
        page = win.pages[key]
        loader = getattr(page, "loader", None)
        if loader is not None:
            _Bot.waitUntil(lambda ld=loader: not ld.busy, 30000)
        if hasattr(page, "select_first_task"):
            page.select_first_task()
        elif hasattr(page, "table"):
            page.table.selectRow(0)
        for name in openers:
            getattr(page, name)()
            app.processEvents()
    trigger_everything(win, _Bot())
    inspector.sweep()
    win.close()
    for entry in inspector.seen:
        print(json.dumps(entry, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
