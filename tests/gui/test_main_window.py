"""Main window: navigation, demo banner, language switch, layout persistence, backup, screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.ui.names import VIEW_NAMES

pytestmark = pytest.mark.gui


def test_navigation_shows_every_view_and_the_demo_banner(window):
    assert window.nav.count() == len(VIEW_NAMES)
    for key in VIEW_NAMES:
        window.show_view(key)
        assert window.current_view() == key
        assert window.stack.currentWidget() is window.pages[key]
    assert window.banner.isVisibleTo(window) and "2025-10-20" in window.banner.text()
    assert "40 tasks" in window.status_count.text()


def test_language_switch_shows_chinese_labels_and_back(window, qtbot):
    from desktop_app.ui.app import set_language

    page = window.pages["ledger"]
    set_language("zh")  # LanguageChange events are posted: let them arrive
    qtbot.waitUntil(lambda: window.menu_file.title() != "&File", timeout=2000)
    assert window.nav.item(VIEW_NAMES.index("ledger")).text() == "任务台账"
    assert window.menu_file.title() == "文件(&F)"
    assert page.group_box.text() == "按章节分组(&G)"
    assert page.dept_filter.itemText(0) == "全部单位"
    assert window.pages["warnings"].heading.text() == "预警"
    assert "演示数据" in window.banner.text()
    assert window.status_count.text() == "40 项任务"
    title = page.view.model().headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
    assert title == "任务"
    assert window.lang_actions["zh"].isChecked()
    set_language("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File", timeout=2000)
    assert window.nav.item(VIEW_NAMES.index("ledger")).text() == "Ledger"
    assert page.dept_filter.itemText(0) == "All units"


def test_language_setting_is_remembered(app):
    from desktop_app.ui import settings
    from desktop_app.ui.app import resolve_language, set_language

    set_language("zh")
    assert settings.LANGUAGE.get() == "zh"
    assert resolve_language(None) == "zh"
    assert resolve_language("en") == "en"


def test_layout_persists_between_windows(app, qtbot, demo_path):
    from desktop_app.ui.main_window import MainWindow

    first = MainWindow(view="departments")
    qtbot.addWidget(first)
    first.show()
    first.open_database(demo_path)
    first.pages["ledger"].splitter.setSizes([700, 500])
    sizes = first.pages["ledger"].splitter.sizes()
    first.pages["ledger"].group_box.setChecked(False)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.current_view() == "departments"
    assert second.pages["ledger"].splitter.sizes() == sizes
    assert not second.pages["ledger"].group_box.isChecked()
    second.close()


def test_backup_writes_a_copy_in_the_background(window, qtbot):
    from desktop_app.paths import backups_dir
    from desktop_app.store.db import open_database

    op = window.backup_database()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert op.state == "succeeded"
    copy = op.result
    assert copy.parent == backups_dir() and copy.exists()
    db = open_database(copy)
    try:
        assert db.execute("SELECT count(*) FROM task").fetchone()[0] == 40
    finally:
        db.close()


def _variance(path: Path) -> float:
    image = QImage(str(path))
    assert not image.isNull()
    values = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 7)
              for y in range(0, image.height(), 7)]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gui_screenshot_command_writes_a_non_blank_png(demo_path, tmp_path, lang, app):
    out = tmp_path / f"ledger-{lang}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(demo_path), "gui", "--view", "ledger",
         "--lang", lang, "--screenshot", str(out)],
        capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert QImage(str(out)).size().width() == 1366 and QImage(str(out)).size().height() == 768
    assert _variance(out) > 200


def test_pages_off_screen_load_when_first_shown(window):
    departments = window.pages["departments"]
    assert departments.model.rowCount() == 0  # not loaded while the ledger is on screen
    window.show_view("departments")
    assert departments.model.rowCount() > 10


def test_pages_are_built_when_first_shown_and_refresh_only_when_built(app, qtbot, demo_path):
    """Only the page on screen is built at start (the others cost ~200 ms before the first paint); a
    page built later loads its data when shown, and a write does not build the pages not yet shown."""
    from desktop_app.domain.models import ChangeSummary
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(view="ledger")
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(demo_path)
    assert [key for key, _page in win.pages.built()] == ["ledger"]
    assert all(not win.pages.is_built(k) for k in VIEW_NAMES if k != "ledger")
    win.notify(ChangeSummary(tasks=True))
    assert [key for key, _page in win.pages.built()] == ["ledger"]
    win.show_view("departments")
    page = win.pages["departments"]
    assert win.stack.currentWidget() is page and win.stack.count() == len(VIEW_NAMES)
    assert page.model.rowCount() > 0                     # loaded when first shown
    assert win.act_find.isEnabled()
    win.act_find.trigger()                               # a window action reaches a page: the ledger again
    assert win.current_view() == "ledger"
    assert set(win.pages) == set(VIEW_NAMES) and "reports" in win.pages
    win.close()


def test_the_demo_opens_on_the_dashboard(app, qtbot, demo_db_file):
    """A first start shows the dashboard; File → Open the Demo Database shows it too, whatever was last."""
    import shutil

    from desktop_app.paths import demo_db_path
    from desktop_app.ui import settings
    from desktop_app.ui.main_window import MainWindow

    demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db_file, demo_db_path())
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.current_view() == "dashboard"
    first.close()
    settings.LAST_VIEW.set("ledger")
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_demo()
    assert win.current_view() == "dashboard" and win.pages.is_built("dashboard")
    win.close()


def test_page_headings_and_notes_keep_their_look_without_a_window_style_sheet(window, qtbot):
    """The window has no style sheet (it slowed the first paint); headings and notes of pages and of
    dialogs the pages open get theirs."""
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    assert window.styleSheet() == ""
    window.show_view("dashboard")
    notes = [w for w in window.pages["dashboard"].findChildren(QLabel) if w.objectName() == "page-note"]
    assert notes and all("color" in n.styleSheet() for n in notes)
    dialog = QDialog(window.pages["dashboard"])
    note = QLabel("note", dialog)
    note.setObjectName("page-note")
    QVBoxLayout(dialog).addWidget(note)
    qtbot.addWidget(dialog)
    from desktop_app.ui.main_window import dress

    window._dress_focused_window(None, note)          # what focusChanged does when the dialog gets focus
    assert "color" in note.styleSheet()
    dialog.close()
    dress(dialog)                                      # a second pass leaves a styled label alone
    assert note.styleSheet().count("color") == 1
