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
import urllib.parse
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
    default_keep,
    list_backups,
    prune,
    set_default_keep,
)
from desktop_app.store.db import APPLICATION_ID, latest_version

__all__ = ["DEFAULT_KEEP", "BackupError", "BackupInfo", "BackupResult", "auto_backup", "back_up", "backup_stem", "backups_of",
           "check_backup", "default_keep", "list_backups", "prune", "restore", "set_default_keep"]

def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{urllib.parse.quote(str(path.absolute()))}?mode=ro", uri=True)


def auto_backup(db: sqlite_utils.Database, reason: str) -> Path:
    """The automatic backup before a risky write (``reason``: 'merge', 'restore', …); returns its path."""
    return back_up(db, reason).path


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound PeakDesk database this version can open."""
    def bad(why_en: str, why_zh: str) -> BackupError:
        return BackupError(f"{path} cannot be restored: {why_en}. Choose another backup.",
                           message_zh=f"{path} 无法恢复：{why_zh}。请选择其他备份。")

    if not path.is_file():
        raise bad("the file does not exist", "文件不存在")
    # Only SQLite opens the file (never open()): the file chosen may be a database this process has open,
    # and closing another descriptor of it would drop this process's SQLite locks on it.
    conn = _read_only(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise bad("it is not an SQLite database", "不是 SQLite 数据库") from exc
        raise bad(f"it is damaged ({exc})", f"文件已损坏（{exc}）") from exc
    finally:
        conn.close()
    if app_id != APPLICATION_ID:
        raise bad("it is not a PeakDesk database", "不是 PeakDesk 数据库")
    if version > latest_version():
        raise bad(f"it was written by a newer PeakDesk (schema {version})",
                  f"由更新版本的 PeakDesk 写入（结构版本 {version}）")
    if not ok:
        raise bad("its integrity check failed", "完整性检查未通过")


def restore(db: sqlite_utils.Database, backup: Path, *, keep: int | None = None) -> BackupResult:
    """Replace the open database's content with ``backup``; the current state is backed up first.

    Returns the safety backup of the state before the restore. The caller reopens the database
    (migrations bring an older backup up to date).
    """
    check_backup(backup)
    if db.conn.in_transaction:
        raise BackupError(msg("core.restore_busy"))
    safety = back_up(db, "before_restore", keep=keep)
    src = _read_only(backup)
    try:
        src.backup(db.conn)
    except sqlite3.Error as exc:
        raise BackupError(msg("core.restore_failed", backup=str(backup), why=str(exc), before=str(safety.path))) from exc
    finally:
        src.close()
    return safety
