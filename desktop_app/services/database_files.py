"""Creating and opening database files for the window (File → New / Open / recent, the first start).

Opening never creates: a name that does not exist is an error the person can act on, and a new
database is made only by ``create_database`` (so a mistyped path cannot silently start an empty desk).
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.store.db import open_database


def open_existing(path: Path | str) -> sqlite_utils.Database:
    """Open (and migrate) an existing PeakDesk database; a missing file is refused, not created."""
    path = Path(path)
    if not path.is_file():
        raise PeakDeskError(msg("window.db_missing", path=str(path)))
    return open_database(path, create=False)


def create_database(path: Path | str) -> Path:
    """Create a new, empty PeakDesk database at ``path`` (refuses to overwrite an existing file)."""
    path = Path(path)
    if path.suffix.lower() not in (".sqlite", ".db"):
        path = path.with_name(path.name + ".sqlite")
    if path.exists():
        raise PeakDeskError(msg("window.db_exists", path=str(path)))
    open_database(path, create=True).close()
    return path


def remember_recent(recent: list[str], path: Path | str, limit: int = 8) -> list[str]:
    """The recent-files list with ``path`` first, no duplicates, files that vanished dropped."""
    first = str(Path(path))
    rest = [p for p in recent if p != first and Path(p).is_file()]
    return [first, *rest][:limit]


def connect(path: Path | str) -> sqlite_utils.Database:
    """A worker's (or a child process's) own connection to an existing database."""
    return open_database(path, create=False)


def file_of(db: sqlite_utils.Database) -> str:
    """The file a connection is open on ("" for an in-memory database)."""
    from desktop_app.store.db import db_path

    return db_path(db)
