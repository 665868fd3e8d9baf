"""Opening, migrating and guarding the SQLite database.

A PeakDesk database is marked with ``PRAGMA application_id`` and carries its schema version in
``PRAGMA user_version``; ``db/NNNN_name.sql`` files are applied in order, each in its own
transaction, and recorded in ``schema_migration``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop_app.errors import DatabaseBusy, DatabaseError, DatabaseTooNew
from desktop_app.messages import msg
from desktop_app.paths import MIGRATIONS_DIR
from desktop_app.services import clock

APPLICATION_ID = 0x50444B31  # 'PDK1'
BUSY_TIMEOUT_MS = 5000
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs", "fuse.davfs2"}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def foreign_keys_off(self) -> bool:
        """The migration rebuilds tables: it says so with a ``-- peakdesk: foreign_keys=off`` line."""
        return re.search(r"^--\s*peakdesk:\s*foreign_keys\s*=\s*off\s*$", self.sql, re.M) is not None


def migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        m = re.match(r"(\d{4})_(.+)\.sql$", path.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations in {directory} are not numbered 1..N without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(migrations())


def is_network_path(path: Path, mounts_text: str | None = None) -> bool:
    """True when ``path`` is on a network share, where SQLite's WAL mode is unsafe.

    On Linux the mount table is read from ``/proc/mounts``; ``mounts_text`` replaces it (tests).
    """
    p = str(path.resolve())
    if sys.platform == "win32" and mounts_text is None:
        if p.startswith("\\\\"):
            return True
        try:
            import ctypes

            drive = os.path.splitdrive(p)[0] + "\\"
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return False
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return False
    mounts = mounts_text.splitlines()
    best, best_type = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (p == mount_point or p.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) > len(best):
            best, best_type = mount_point, fields[2]
    return best_type in NETWORK_FS


def _connect(path: Path | str, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"file:{urllib.parse.quote(str(Path(path).absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _location_writable(path: Path) -> bool:
    """Can this process write the database and create its ``-wal``/``-shm`` beside it?

    ``os.access`` answers from the file's metadata (it never opens the file: opening and closing a live
    database file by other means than SQLite drops this process's SQLite locks on it, see ``open_database``).
    A read-only file system answers no even for root.
    """
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK | os.X_OK) and (not path.exists() or os.access(path, os.W_OK))


def newest_backup(path: Path) -> Path | None:
    """The newest backup of the database at ``path`` in the backups folder, if there is one."""
    from desktop_app.store.backups import backup_stem, list_backups  # imports this module

    try:
        found = list_backups(backup_stem(path))
    except OSError:
        return None
    return found[0].path if found else None


def _damaged(path: Path, why: str) -> DatabaseError:
    backup = newest_backup(path)
    if backup is None:
        return DatabaseError(msg("safety.db_damaged_no_backup", path=str(path), why=why))
    return DatabaseError(msg("safety.db_damaged", path=str(path), why=why, backup=str(backup)))


def _probe(conn: sqlite3.Connection) -> tuple[int, int, int, int, int]:
    """application_id, user_version, tables, page_count, page_size — read by SQLite itself."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    return int(app_id), int(version), int(tables), int(pages), int(page_size)


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """Wrap a connection. sqlite-utils plugins are not run on PeakDesk's connections: nothing here uses
    them, and finding them scans every installed package's metadata (~30 ms before the window's first
    paint); a plugin installed for another tool must not change how the desk's database behaves."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def open_database(path: Path | str, *, create: bool = True, migrate: bool = True,
                  backup_before_migrate: bool = True, read_only: bool | None = None) -> sqlite_utils.Database:
    """Open (and bring up to date) a PeakDesk database; refuse files that are not ours or too new.

    The file is only ever opened through SQLite. On POSIX, closing *any* descriptor of a file drops *all*
    of the process's locks on it, so reading the header with ``open()`` while this process already holds a
    connection (a background job opening the window's database) let another process checkpoint and delete
    the WAL under it — the database was destroyed. What the header says is asked of SQLite instead.

    ``read_only``: open without writing (``None``: when the file or its folder cannot be written). Reads
    work; a write raises ``DatabaseError`` saying the database is read-only. A damaged file (truncated,
    garbled) is refused as damaged, naming the newest backup of it in the backups folder.
    """
    if str(path) == ":memory:":
        conn = _connect(":memory:")
        db = _database(conn)
        _migrate(db, None)
        return db
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(msg("safety.db_is_folder", path=str(path)))
    if not path.exists() and not create:
        raise DatabaseError(msg("core.store.db_missing", path=str(path)))
    if read_only is None:
        read_only = path.exists() and not _location_writable(path)
    if read_only and not path.exists():
        raise DatabaseError(msg("core.store.db_missing", path=str(path)))
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, read_only=read_only)
    try:
        try:
            app_id, version, tables, pages, page_size = _probe(conn)
        except sqlite3.OperationalError as exc:
            if not read_only or "unable to open" not in str(exc).lower():
                raise
            # A WAL database in a folder this process cannot write: no -shm can be made beside it.
            conn.close()
            conn = _connect(path, read_only=True, immutable=True)
            app_id, version, tables, pages, page_size = _probe(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
            raise _translate(exc, path) from exc
        if "not a database" in text and newest_backup(path) is None:
            raise DatabaseError(msg("safety.db_not_sqlite", path=str(path))) from exc
        raise _damaged(path, str(exc)) from exc
    if tables and app_id != APPLICATION_ID:
        conn.close()
        raise DatabaseError(msg("core.store.db_not_ours", path=str(path)))
    # A file cut short (copied half-way, a full disk): SQLite reads the header and page 1 and only fails
    # later, on a page that is gone. The header's page count says how long the file must be (unless the
    # pages are still in the WAL).
    wal = Path(f"{path}-wal")
    if pages * page_size > path.stat().st_size and not (wal.exists() and wal.stat().st_size > 0):
        conn.close()
        raise _damaged(path, f"the file holds {path.stat().st_size} of {pages * page_size} bytes")
    latest = latest_version()
    if version > latest:
        conn.close()
        raise DatabaseTooNew(msg("core.store.db_too_new", path=str(path), version=version, latest=latest))
    if read_only:
        if version < latest:
            conn.close()
            raise DatabaseError(msg("safety.db_read_only_old", path=str(path), version=version, latest=latest))
        return _database(conn)
    network = is_network_path(path)
    try:
        conn.execute(f"PRAGMA journal_mode = {'DELETE' if network else 'WAL'}")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" in str(exc).lower() or "read-only" in str(exc).lower():
            return open_database(path, create=False, migrate=migrate, read_only=True)
        raise _translate(exc, path) from exc
    db = _database(conn)
    if migrate and version < latest:
        if version > 0 and backup_before_migrate:
            from desktop_app.store.backups import back_up  # imports this module

            back_up(db, "migration")   # in the backups folder: restorable and pruned like the others
        _migrate(db, path)
    return db


def _migrate(db: sqlite_utils.Database, path: Path | None) -> None:
    conn = db.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"
    )
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for mig in migrations():
        if mig.version <= current:
            continue
        # A migration that rebuilds tables runs with foreign keys off (SQLite's documented procedure:
        # a DROP TABLE with them on deletes every referencing row first). The switch only works outside
        # a transaction; the keys are checked before the commit and switched back on afterwards.
        keys_off = mig.foreign_keys_off
        if keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _split_sql(mig.sql):
                conn.execute(statement)
            if keys_off:
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration {mig.version} ({mig.name}) left {len(broken)} rows "
                                       f"with a broken foreign key, first: {broken[0]}")
            conn.execute("INSERT INTO schema_migration VALUES (?, ?, ?)",
                         (mig.version, mig.name, clock.now_stamp()))
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {mig.version}")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise _translate(exc, path or Path(":memory:")) from exc
            raise
        finally:
            if keys_off:
                conn.execute("PRAGMA foreign_keys = ON")
    from desktop_app.store.periods import seed_holidays

    with write_tx(db):
        seed_holidays(db)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip() and not re.fullmatch(r"(\s|--[^\n]*\n?)*", buf):
        statements.append(buf.strip())
    return [s for s in statements if re.sub(r"--[^\n]*", "", s).strip(" \n;")]


def _translate(exc: sqlite3.Error, path: Path | str) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(msg("core.store.db_busy", path=str(path)))
    if "readonly" in text or "read-only" in text:
        return DatabaseError(msg("safety.db_read_only_write", path=str(path)))
    if "malformed" in text or "not a database" in text:
        return _damaged(Path(path), str(exc))
    if "disk is full" in text or "full" in text:
        return DatabaseError(msg("core.store.disk_full", path=str(path)))
    return exc


def db_path(db: sqlite_utils.Database) -> str:
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else ""


@contextlib.contextmanager
def write_tx(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (``BEGIN IMMEDIATE``), or a savepoint inside an open one.

    IMMEDIATE takes the write lock up front so that a second PeakDesk on the same file waits
    (busy timeout) instead of failing half-way through.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _translate(exc, db_path(db)) from exc
    try:
        yield db
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            translated = _translate(exc, db_path(db))
            if translated is not exc:
                raise translated from exc
        raise
    else:
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _translate(exc, db_path(db)) from exc


class BatchedWrites:
    """One write transaction spanning many independent units, committed in batches.

    Every unit runs in its own savepoint (``with batch.unit(): ...``): it is all-or-nothing, and a unit that
    raises is rolled back to its savepoint only — the units before it stay. The transaction (``BEGIN
    IMMEDIATE``) starts with the first unit and is committed after ``max_units`` units or once
    ``max_seconds`` have passed since it began, so the fsync of a commit is paid once per batch and a
    second PeakDesk waiting on the busy timeout gets the lock between batches. ``close()`` (also on leaving
    the ``with`` block, by error or cancel) commits the units completed so far: each of them is whole. A
    process killed mid-batch loses the whole open batch and nothing else. Inside a transaction opened by the
    caller the units are savepoints of it and committing is left to the caller.
    """

    def __init__(self, db: sqlite_utils.Database, *, max_units: int = 50, max_seconds: float = 1.0) -> None:
        self.db = db
        self.nested = db.conn.in_transaction
        self.max_units = max_units
        self.max_seconds = max_seconds
        self.commits = 0
        self._units = 0
        self._began = 0.0

    @contextlib.contextmanager
    def unit(self) -> Iterator[sqlite_utils.Database]:
        conn = self.db.conn
        if not conn.in_transaction:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise _translate(exc, db_path(self.db)) from exc
            self._units, self._began = 0, time.monotonic()
        conn.execute("SAVEPOINT batch_unit")
        try:
            yield self.db
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT batch_unit")
                conn.execute("RELEASE SAVEPOINT batch_unit")
            if isinstance(exc, sqlite3.OperationalError):
                translated = _translate(exc, db_path(self.db))
                if translated is not exc:
                    raise translated from exc
            raise
        conn.execute("RELEASE SAVEPOINT batch_unit")
        self._units += 1
        if self._units >= self.max_units or time.monotonic() - self._began >= self.max_seconds:
            self.commit()

    def commit(self) -> None:
        conn = self.db.conn
        if self.nested or not conn.in_transaction:
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _translate(exc, db_path(self.db)) from exc
        self.commits += 1

    close = commit

    def __enter__(self) -> BatchedWrites:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def backup_to(db: sqlite_utils.Database, target: Path) -> Path:
    """Copy the live database with SQLite's online backup API (safe while it is open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def checkpoint(db: sqlite_utils.Database) -> None:
    """Write the write-ahead log back into the database file and empty it (before the file is moved)."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return bool(db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
