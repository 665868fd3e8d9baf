"""A second process opening and closing the database must never take the WAL away from this one.

On POSIX, closing *any* descriptor of a file drops *all* of this process's fcntl locks on it. When
``open_database`` read the file header with Python's ``open()`` while this process already held a
connection (a background job opening the same file as the window), SQLite's locks were gone: the next
process to close the database believed itself the last user, checkpointed and deleted ``-wal``/``-shm``,
and this process's later commits went into a deleted WAL — the database was destroyed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.store.db import integrity_ok, open_database, write_tx

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock semantics")


def _other_process_opens_and_closes(path: Path) -> None:
    """``peakdesk plan list`` in a process of its own: opens the database, reads, closes."""
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "plan", "list"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def _note(db, text: str) -> None:  # type: ignore[no-untyped-def]
    with write_tx(db):
        db.execute("CREATE TABLE IF NOT EXISTS lock_probe (text TEXT)")
        db.execute("INSERT INTO lock_probe VALUES (?)", [text])


def test_second_open_in_this_process_keeps_the_locks_another_process_respects(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    window = open_database(path)                  # the window's connection, held open throughout
    try:
        _note(window, "before")
        wal = Path(str(path) + "-wal")
        assert wal.exists()
        job = open_database(path)                 # a background operation opens the same file …
        _note(job, "from the job")
        job.close()                               # … and closes it again
        _other_process_opens_and_closes(path)     # `peakdesk plan list` meanwhile
        assert wal.exists(), "another process deleted the WAL while this process held the database open"
        _note(window, "after")                    # the window's later write must persist
    finally:
        window.close()
    db = open_database(path)
    try:
        assert integrity_ok(db)
        assert [r[0] for r in db.execute("SELECT text FROM lock_probe ORDER BY rowid")] == \
            ["before", "from the job", "after"]
        assert db.execute("SELECT count(*) FROM schema_migration").fetchone()[0] > 0
    finally:
        db.close()


def test_checking_the_open_database_as_a_backup_keeps_the_locks(tmp_path: Path) -> None:
    """Choosing the open database itself in the restore dialog: the check reads it through SQLite only."""
    from desktop_app.services.backup import check_backup

    path = tmp_path / "desk #1?.sqlite"            # URI-special characters in the name, too
    window = open_database(path)
    try:
        _note(window, "before")
        check_backup(path)
        _other_process_opens_and_closes(path)
        assert Path(str(path) + "-wal").exists()
        _note(window, "after")
    finally:
        window.close()
    db = open_database(path)
    try:
        assert integrity_ok(db)
        assert [r[0] for r in db.execute("SELECT text FROM lock_probe ORDER BY rowid")] == ["before", "after"]
    finally:
        db.close()
