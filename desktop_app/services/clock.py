"""The app's "today": the demo database pins its own date (meta key ``demo_today``) so that its
warnings and scores do not drift; everywhere else it is the calendar date."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from desktop_app.store.meta import meta_get


def today(db: sqlite_utils.Database) -> dt.date:
    pinned = meta_get(db, "demo_today")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned[:10])
        except ValueError:
            pass   # a hand-edited, unreadable pin: fall back to the calendar date
    return dt.date.today()


def received_stamp(day: dt.date) -> str:
    """A receipt timestamp on ``day`` (the current time of day; seconds precision)."""
    return dt.datetime.combine(day, dt.datetime.now().time()).isoformat(timespec="seconds")
