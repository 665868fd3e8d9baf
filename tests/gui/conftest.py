"""GUI fixtures: the application configured like ``peakdesk gui``, a main window on a demo copy."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.paths import RESOURCES_DIR

TS = RESOURCES_DIR / "translations" / "peakdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns about a window-manager feature it lacks; that is not a failure.
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def _unfreeze_gc():
    """MainWindow freezes the collector's view after opening a database (a GUI-thread stall otherwise);
    in a test process that would keep every earlier test's windows alive, so thaw after each test."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def compiled_translations() -> Path:
    """`make` builds the .qm; a direct pytest run builds it here when it is missing or stale."""
    if not QM.exists() or QM.stat().st_mtime < TS.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(QM)], check=True)
    return QM


@pytest.fixture
def app(qapp, compiled_translations):
    from desktop_app.ui import settings
    from desktop_app.ui.app import create_application, set_language

    settings.reset_store()  # $PEAKDESK_HOME differs per test
    application = create_application()
    set_language("en", remember=False)
    yield application
    set_language("en", remember=False)
    settings.reset_store()


@pytest.fixture
def demo_path(demo_db_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, target)
    return target


@pytest.fixture
def window(app, qtbot, demo_path):
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(view="ledger")
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(demo_path)
    yield win
    win.close()
