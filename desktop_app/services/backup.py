"""Database backups: timestamped copies made with SQLite's online backup API, pruned to the last N.

A backup is ``<backups dir>/<database stem>-<YYYYmmdd-HHMMSS>[-n]-<reason>.sqlite``. Backups are made
by hand (File → Back up database) and automatically before every merge (``auto_backup(db, "merge")``)
and before a restore. Only the newest ``keep`` backups of the same database are kept; the number
is a user setting the GUI passes in (``set_default_keep``), 20 unless changed.

Restoring copies a backup back into the open database with the same backup API, after checking that
the file is a sound PeakDesk database this version can open, and after backing up the current state
(so a restore can itself be undone).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop_app.errors import PeakDeskError
from desktop_app.paths import backups_dir
from desktop_app.store.db import APPLICATION_ID, backup_to, db_path, latest_version

DEFAULT_KEEP = 20
_keep = DEFAULT_KEEP

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9_]+)\.sqlite$")


class BackupError(PeakDeskError):
    """A backup could not be made or restored (the message says why and what to do)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    stem: str
    created: dt.datetime
    reason: str
    size: int

    @property
    def sort_key(self) -> tuple[dt.datetime, int]:
        m = _NAME.match(self.path.name)
        return self.created, int(m.group("n") or 0) if m else 0


@dataclass(frozen=True)
class BackupResult:
    path: Path
    pruned: list[Path]


def set_default_keep(n: int) -> None:
    """How many backups per database to keep when the caller does not say (the GUI's setting)."""
    global _keep
    _keep = max(1, int(n))


def default_keep() -> int:
    return _keep


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "_", reason.strip().lower()).strip("_")
    return slug or "manual"


def _stem_of(db: sqlite_utils.Database) -> str:
    path = db_path(db)
    if not path:
        raise BackupError("An in-memory database cannot be backed up.",
                          message_zh="内存数据库无法备份。")
    return Path(path).stem


def list_backups(stem: str, directory: Path | None = None) -> list[BackupInfo]:
    """The backups of the database named ``stem``, newest first."""
    directory = directory or backups_dir()
    found: list[BackupInfo] = []
    for path in directory.glob("*.sqlite"):
        m = _NAME.match(path.name)
        if not m or m.group("stem") != stem:
            continue
        created = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, stem, created, m.group("reason"), path.stat().st_size))
    found.sort(key=lambda b: b.sort_key, reverse=True)
    return found


def backups_of(db: sqlite_utils.Database, directory: Path | None = None) -> list[BackupInfo]:
    return list_backups(_stem_of(db), directory)


def prune(stem: str, keep: int, directory: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``stem``; returns what was deleted."""
    removed = []
    for info in list_backups(stem, directory)[max(1, keep):]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def back_up(db: sqlite_utils.Database, reason: str = "manual", *, keep: int | None = None,
            directory: Path | None = None, now: dt.datetime | None = None) -> BackupResult:
    """Copy the open database into the backups folder, then prune old backups of the same database."""
    stem = _stem_of(db)
    directory = directory or backups_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    slug = _slug(reason)
    # Two backups in the same second (a manual one right before a merge) get a counter, so they
    # never overwrite each other and still sort in the order they were made.
    same = [b for b in list_backups(stem, directory) if b.created.strftime("%Y%m%d-%H%M%S") == stamp]
    n = 1 + max((b.sort_key[1] or 1 for b in same), default=0)
    target = directory / (f"{stem}-{stamp}-{slug}.sqlite" if n == 1 else f"{stem}-{stamp}-{n}-{slug}.sqlite")
    try:
        backup_to(db, target)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise BackupError(
            f"Could not write the backup {target} ({exc}). Check that the folder is writable and the disk "
            "is not full.",
            message_zh=f"无法写入备份 {target}（{exc}）。请检查文件夹是否可写、磁盘是否已满。") from exc
    return BackupResult(target, prune(stem, keep if keep is not None else _keep, directory))


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
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise bad("it is not an SQLite database", "不是 SQLite 数据库")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as exc:
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
        raise BackupError("The database is in the middle of a change; try again when it has finished.",
                          message_zh="数据库正在写入，请完成后再试。")
    safety = back_up(db, "before_restore", keep=keep)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        src.backup(db.conn)
    except sqlite3.Error as exc:
        raise BackupError(
            f"Restoring {backup} failed ({exc}); the state before is in {safety.path}.",
            message_zh=f"从 {backup} 恢复失败（{exc}）；恢复前的数据在 {safety.path}。") from exc
    finally:
        src.close()
    return safety
