"""File → Back Up Database and Restore from Backup, through the real main window."""

from __future__ import annotations

import pytest

from desktop_app.services import backup as service
from desktop_app.store import meta
from desktop_app.store.db import write_tx
from desktop_app.ui import backup

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


def test_keep_setting_reaches_the_service(app, monkeypatch) -> None:
    monkeypatch.setattr("desktop_app.store.backups._keep", service.DEFAULT_KEEP)
    backup.BACKUP_KEEP.set(5)
    backup.apply_keep_setting()
    assert service.default_keep() == 5
