"""Database messages: a read-only location opens read-only; a damaged file says so and names the newest backup."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.errors import DatabaseError
from desktop_app.store.backups import back_up
from desktop_app.store.db import open_database, write_tx

ROOT = Path(__file__).resolve().parents[3]


def _make(path: Path, backups: Path | None = None) -> Path | None:
    db = open_database(path)
    try:
        with write_tx(db):
            db.execute("INSERT INTO department (code, name_zh, name_en, kind) VALUES ('X1', '甲局', 'Bureau A', "
                       "'functional')")
        saved = back_up(db, "manual", directory=backups).path if backups else None
    finally:
        db.close()
    return saved


@pytest.fixture
def backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setattr("desktop_app.store.backups.backups_dir", lambda: folder)
    return folder


def test_truncated_database_is_called_damaged_and_names_the_newest_backup(tmp_path: Path, backups: Path) -> None:
    path = tmp_path / "desk.sqlite"
    saved = _make(path, backups)
    assert saved is not None
    data = path.read_bytes()                       # no connection is open in this process now
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    text = info.value.message
    assert "damaged" in text and saved.name in text, text
    assert "不是 PeakDesk" not in info.value.message_zh and "已损坏" in info.value.message_zh
    assert path.read_bytes() == data[: len(data) // 2]        # untouched


def test_header_cut_off_is_damaged_when_backups_exist(tmp_path: Path, backups: Path) -> None:
    path = tmp_path / "desk.sqlite"
    saved = _make(path, backups)
    assert saved is not None
    path.write_bytes(path.read_bytes()[:60])
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "damaged" in info.value.message and saved.name in info.value.message


def test_text_file_is_not_sqlite(tmp_path: Path, backups: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("hello, not a database\n" * 50)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert "not an SQLite file" in info.value.message


def test_explicit_read_only_reads_and_refuses_writes_saying_why(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    _make(path)
    db = open_database(path, read_only=True)
    try:
        assert db.execute("SELECT code FROM department WHERE code = 'X1'").fetchone()[0] == "X1"
        with pytest.raises(DatabaseError) as info, write_tx(db):
            db.execute("DELETE FROM department")
        assert "read-only" in info.value.message
    finally:
        db.close()
    db = open_database(path)
    try:
        assert db.execute("SELECT count(*) FROM department WHERE code = 'X1'").fetchone()[0] == 1
    finally:
        db.close()


@contextlib.contextmanager
def _read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for this process: permissions, or a read-only bind mount when root."""
    folder.chmod(0o555)
    for f in folder.iterdir():
        f.chmod(0o444)
    mounted = False
    try:
        if os.access(folder, os.W_OK):                    # root ignores permissions
            if sys.platform != "linux" or shutil.which("mount") is None:
                pytest.skip("cannot make a read-only location here")
            ok = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
            ok = ok and subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)],
                                       capture_output=True).returncode == 0
            mounted = ok
            if not ok or os.access(folder, os.W_OK):
                pytest.skip("cannot make a read-only location here")
        yield
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
        folder.chmod(0o755)


def test_read_only_location_opens_read_only_and_cli_reads_work(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "desk.sqlite"
    _make(path)
    with _read_only_folder(folder):
        db = open_database(path)
        try:
            assert db.execute("SELECT count(*) FROM department WHERE code = 'X1'").fetchone()[0] == 1
            with pytest.raises(DatabaseError) as info, write_tx(db):
                db.execute("DELETE FROM department")
            assert "read-only" in info.value.message
        finally:
            db.close()
        proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "plan", "list"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "not a PeakDesk database" not in proc.stderr
