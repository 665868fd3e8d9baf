"""Backups as files: timestamped copies of a database made with SQLite's online backup API, pruned to
the newest N per database.

A backup is ``<backups dir>/<database stem>-<YYYYmmdd-HHMMSS>[-n]-<reason>.sqlite``. The store makes one
before migrating a database (``open_database``); the services make them before a merge, a restore or a
department merge, and by hand (File → Back up database). All of them live in one folder and are pruned
together, so every one of them can be restored from the GUI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.paths import backups_dir
from desktop_app.services import clock
from desktop_app.store.db import backup_to, db_path

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
        raise BackupError(msg("core.store.backup_memory"))
    return backup_stem(Path(path))


def backup_stem(path: Path) -> str:
    """How the backups of the database at ``path`` are named: its file stem and a digest of its full
    path, so that two ``peakdesk.sqlite`` in different folders never prune each other's backups."""
    resolved = str(Path(path).resolve())
    return f"{Path(path).stem}-{hashlib.sha256(resolved.encode('utf-8')).hexdigest()[:8]}"


def _stored_keep(db: sqlite_utils.Database) -> int:
    """The desk's keep-N policy, stored in the database (meta ``backup_keep``) so every front end obeys it."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'backup_keep'").fetchone()
        return max(1, int(row[0])) if row else _keep
    except (sqlite3.Error, ValueError):
        return _keep


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
    stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
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
        raise BackupError(msg("core.store.backup_unwritable", target=str(target), why=str(exc))) from exc
    return BackupResult(target, prune(stem, keep if keep is not None else _stored_keep(db), directory))


# --- restoring (SQLite's backup API and PRAGMAs stay in the store) -------------------------------------


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{urllib.parse.quote(str(path.absolute()))}?mode=ro", uri=True)


@dataclass(frozen=True)
class FileProbe:
    """What a database file says about itself, asked of SQLite (never ``open()``: see ``store.db``)."""

    application_id: int
    version: int
    intact: bool


def probe_file(path: Path) -> FileProbe:
    """Application id, schema version and quick check of the database file at ``path`` (read-only).

    Raises ``sqlite3.DatabaseError`` when the file is not an SQLite database or is damaged."""
    conn = _read_only(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return FileProbe(int(app_id), int(version), bool(ok))


def copy_from(source: Path, db: sqlite_utils.Database) -> None:
    """Replace the content of the open database ``db`` with that of the file ``source`` (online backup
    API, in one step). Raises ``sqlite3.Error`` when it fails."""
    src = _read_only(source)
    try:
        src.backup(db.conn)
    finally:
        src.close()
