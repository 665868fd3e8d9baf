"""File → Back Up Database and Restore from Backup, through the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.services import backup as service
from desktop_app.store import meta
from desktop_app.store.db import write_tx
from desktop_app.ui import backup
from tests.gui.cycle_helpers import issue

pytestmark = pytest.mark.gui


def test_back_up_then_restore(qtbot, window) -> None:
    op = backup.back_up_now(window)
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert op.state == "succeeded"
    made = service.backups_of(window.db)
    assert [b.reason for b in made] == ["manual"] and made[0].path == op.result
    assert "Backed up to" in window.statusBar().currentMessage()

    with write_tx(window.db):
        meta.meta_set(window.db, "demo_today", "2030-01-01")
    dialog = backup.RestoreDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.restore(confirmed=True)
    assert meta.meta_get(window.db, "demo_today") == "2025-10-20"  # window reopened the restored file
    assert [b.reason for b in service.backups_of(window.db)] == ["before_restore", "manual"]


def test_keep_set_in_the_window_is_what_peakdesk_merge_and_the_window_merge_keep(app, qtbot, tmp_path: Path,
                                                                                 capsys) -> None:
    """The keep-N shown in Edit → Settings is the database's policy (Desk.backup_keep): `peakdesk merge`
    and the window's merge (in its child process) prune to the number set in the window."""
    from desktop_app.cli import main
    from desktop_app.services.desk import Desk
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.merge_dialog import MergeDialog
    from desktop_app.ui.settings_dialog import SettingsDialog
    from tests.gui.cycle_helpers import cycle_db_file, fill_workbook

    path, plan_id = cycle_db_file(tmp_path)
    codes = ["FGW", "JW", "JSW", "XCL"]
    issued = issue(path, plan_id, tmp_path / "issued", codes)
    filled = {c: fill_workbook(issued[c], {"status": "推进中", "percent": 40, "narrative": "按计划推进"},
                               out=tmp_path / f"back-{c}.xlsx") for c in codes}
    win = MainWindow(view="ledger")
    qtbot.addWidget(win)
    assert win.open_database(path)
    dialog = SettingsDialog(win, db=win.db)
    qtbot.addWidget(dialog)
    assert dialog.keep.isEnabled() and dialog.keep.value() == Desk(win.db).backup_keep
    dialog.keep.setValue(2)
    dialog.accept()
    assert Desk(win.db).backup_keep == 2

    for code in codes[:3]:                 # three merges through the CLI, each backed up first
        assert main(["--lang", "en", "--db", str(path), "merge", str(filled[code])]) == 0
    capsys.readouterr()
    made = service.backups_of(win.db)
    assert [b.reason for b in made] == ["merge", "merge"]

    merge = MergeDialog(path, paths=[filled["XCL"]])   # and one through the window
    qtbot.addWidget(merge)
    op = merge.start()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert op.state == "succeeded" and merge.backup is not None
    after = service.backups_of(win.db)
    assert len(after) == 2 and after[0].path == merge.backup and after[1].path == made[0].path
    assert SettingsDialog(win, db=win.db).keep.value() == 2
    win.close()
