"""The "as of" date every service works with.

The demo database pins its own today (meta key ``demo_today``) so that its story — who is late, what
is due — stays the same whenever it is opened; any other database uses the real date.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils

DEMO_TODAY_KEY = "demo_today"


def today(db: sqlite_utils.Database) -> dt.date:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [DEMO_TODAY_KEY]).fetchone()
    if row and row[0]:
        try:
            return dt.date.fromisoformat(str(row[0])[:10])
        except ValueError:
            pass
    return dt.date.today()


def received_stamp(day: dt.date) -> str:
    """A receipt timestamp on ``day`` (the current time of day; seconds precision)."""
    return dt.datetime.combine(day, dt.datetime.now().time()).isoformat(timespec="seconds")
