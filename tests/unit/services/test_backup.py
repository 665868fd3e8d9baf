"""Backups: a real, openable copy; pruning to the last N; restore with a safety copy; bad files refused."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.services import backup
from desktop_app.store import meta
from desktop_app.store.db import open_database, write_tx


def _set(db, key: str, value: str) -> None:
    with write_tx(db):
        meta.meta_set(db, key, value)


def test_backup_is_an_openable_copy_with_the_content(db, tmp_path: Path) -> None:
    _set(db, "marker", "before")
    result = backup.back_up(db, "manual", directory=tmp_path / "b")
    assert result.path.parent == tmp_path / "b"
    assert result.path.name.startswith("test-") and result.path.name.endswith("-manual.sqlite")
    copy = open_database(result.path, create=False)
    try:
        assert meta.meta_get(copy, "marker") == "before"
    finally:
        copy.close()


def test_default_folder_is_the_users_backups_dir(db) -> None:
    from desktop_app.paths import backups_dir

    path = backup.auto_backup(db, "merge")
    assert path.parent == backups_dir()
    assert path.name.endswith("-merge.sqlite")
    assert [b.reason for b in backup.backups_of(db)] == ["merge"]


def test_same_second_does_not_overwrite(db, tmp_path: Path) -> None:
    now = dt.datetime(2025, 10, 20, 9, 30, 0)
    a = backup.back_up(db, "manual", directory=tmp_path, now=now).path
    b = backup.back_up(db, "merge", directory=tmp_path, now=now).path
    assert a != b and a.exists() and b.exists()
    assert [i.path for i in backup.backups_of(db, tmp_path)] == [b, a]


def test_keeps_only_the_newest_n_of_this_database(db, tmp_path: Path) -> None:
    other = tmp_path / "other-20200101-000000-manual.sqlite"
    other.write_bytes(b"x")  # another database's backup is never pruned
    start = dt.datetime(2025, 1, 1, 8, 0, 0)
    made = [backup.back_up(db, "manual", keep=3, directory=tmp_path, now=start + dt.timedelta(minutes=i))
            for i in range(5)]
    left = backup.backups_of(db, tmp_path)
    assert [b.path for b in left] == [m.path for m in made[::-1][:3]]
    assert made[-1].pruned == [made[1].path] and made[-2].pruned == [made[0].path]
    assert other.exists()


def test_set_default_keep_applies_to_auto_backups(db, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("desktop_app.store.backups._keep", backup.DEFAULT_KEEP)
    backup.set_default_keep(2)
    for _ in range(4):
        backup.auto_backup(db, "merge")
    assert len(backup.backups_of(db)) == 2
    assert backup.default_keep() == 2


def test_restore_brings_back_the_content_and_keeps_a_safety_copy(db, tmp_path: Path) -> None:
    _set(db, "marker", "old")
    saved = backup.back_up(db, "manual", directory=tmp_path).path
    _set(db, "marker", "new")
    safety = backup.restore(db, saved)
    assert meta.meta_get(db, "marker") == "old"
    assert safety.path.name.endswith("-before_restore.sqlite")
    copy = open_database(safety.path, create=False)
    try:
        assert meta.meta_get(copy, "marker") == "new"
    finally:
        copy.close()


def test_restore_refuses_files_that_are_not_peakdesk_backups(db, tmp_path: Path) -> None:
    _set(db, "marker", "kept")
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad in (text, foreign, tmp_path / "missing.sqlite"):
        with pytest.raises(backup.BackupError) as info:
            backup.restore(db, bad)
        assert str(bad) in str(info.value) and "Choose another backup" in str(info.value)
        assert info.value.message_zh.endswith("请选择其他备份。")
    assert meta.meta_get(db, "marker") == "kept"


def test_in_memory_database_gives_a_clear_error() -> None:
    mem = open_database(":memory:")
    try:
        with pytest.raises(backup.BackupError):
            backup.back_up(mem)
    finally:
        mem.close()
