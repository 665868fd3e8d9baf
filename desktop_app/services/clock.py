"""The app's "today": the demo database pins its own date (meta key ``demo_today``) so that its
warnings and scores do not drift; everywhere else it is the calendar date."""

from __future__ import annotations

import datetime as dt

import sqlite_utils


def today(db: sqlite_utils.Database) -> dt.date:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'demo_today'").fetchone()
    except Exception:  # noqa: BLE001 - a database without the meta table has no pinned date
        row = None
    if row and row[0]:
        return dt.date.fromisoformat(str(row[0])[:10])
    return dt.date.today()
