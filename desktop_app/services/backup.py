"""Database backups: timestamped copies made with SQLite's online backup API, pruned to the last N.

A backup is ``<backups dir>/<database stem>-<YYYYmmdd-HHMMSS>[-n]-<reason>.sqlite`` (the file mechanics
are ``store.backups``). Backups are made by hand (File → Back up database) and automatically before
every merge (``auto_backup(db, "merge")``), before a restore and before a migration (by
``store.db.open_database``). Only the newest ``keep`` backups of the same database are kept; the number
is a user setting the GUI passes in (``set_default_keep``), 20 unless changed.

Restoring copies a backup back into the open database with the same backup API, after checking that
the file is a sound PeakDesk database this version can open, and after backing up the current state
(so a restore can itself be undone).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from desktop_app.messages import msg
from desktop_app.store.backups import (
    DEFAULT_KEEP,
    BackupError,
    BackupInfo,
    BackupResult,
    back_up,
    backup_stem,
    backups_of,
    copy_from,
    default_keep,
    list_backups,
    probe_file,
    prune,
    set_default_keep,
)
from desktop_app.store.db import APPLICATION_ID, latest_version

__all__ = ["DEFAULT_KEEP", "BackupError", "BackupInfo", "BackupResult", "auto_backup", "back_up", "backup_stem", "backups_of",
           "check_backup", "default_keep", "list_backups", "prune", "restore", "set_default_keep"]


def auto_backup(db: sqlite_utils.Database, reason: str) -> Path:
    """The automatic backup before a risky write (``reason``: 'merge', 'restore', …); returns its path."""
    return back_up(db, reason).path


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound PeakDesk database this version can open."""
    def bad(why: str, **params: object) -> BackupError:
        return BackupError(msg("core.restore_refused", path=str(path), why=msg(f"core.restore_why.{why}", **params)))

    if not path.is_file():
        raise bad("missing")
    # Only SQLite opens the file (never open()): the file chosen may be a database this process has open,
    # and closing another descriptor of it would drop this process's SQLite locks on it.
    try:
        probe = probe_file(path)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise bad("not_sqlite") from exc
        raise bad("damaged", error=str(exc)) from exc
    if probe.application_id != APPLICATION_ID:
        raise bad("not_ours")
    if probe.version > latest_version():
        raise bad("too_new", version=probe.version)
    if not probe.intact:
        raise bad("integrity")


def restore(db: sqlite_utils.Database, backup: Path, *, keep: int | None = None) -> BackupResult:
    """Replace the open database's content with ``backup``; the current state is backed up first.

    Returns the safety backup of the state before the restore. The caller reopens the database
    (migrations bring an older backup up to date).
    """
    check_backup(backup)
    if db.conn.in_transaction:
        raise BackupError(msg("core.restore_busy"))
    safety = back_up(db, "before_restore", keep=keep)
    try:
        copy_from(backup, db)
    except sqlite3.Error as exc:
        raise BackupError(msg("core.restore_failed", backup=str(backup), why=str(exc), before=str(safety.path))) from exc
    return safety
