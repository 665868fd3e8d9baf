"""The one place that reads the wall clock.

Everything else asks here: "today" (the as-of date of warnings, scores, reports and due dates) and
"now" (the timestamp written into audit entries, receipts, snapshots and backups). The demo database
pins its own date (meta key ``demo_today``) so that its warnings and scores do not drift; everywhere
else it is the calendar date. Tests pin the clock with :func:`frozen`; a test fails if any other
module reads ``date.today()``/``datetime.now()`` (tests/unit/test_clock.py).

This module imports nothing from the store at import time, so the store may take its row
timestamps from :func:`now_stamp` (the one upward import the layer test allows).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

# The source of "now"; replaced by :func:`frozen` in tests and benches.
_source: Callable[[], dt.datetime] = dt.datetime.now


def now() -> dt.datetime:
    """The local wall-clock time (seconds precision)."""
    return _source().replace(microsecond=0)


def now_stamp() -> str:
    """An ISO timestamp for a row written now: ``2025-09-30T14:05:09``."""
    return now().isoformat(timespec="seconds")


def calendar_today() -> dt.date:
    """The calendar date, ignoring any pinned demo date (a new database's default year, file names)."""
    return now().date()


def today(db: Any = None) -> dt.date:
    """The desk's "today": the database's pinned date (the demo) or else the calendar date."""
    if db is not None:
        from desktop_app.store.meta import meta_get

        pinned = meta_get(db, "demo_today")
        if pinned:
            try:
                return dt.date.fromisoformat(pinned[:10])
            except ValueError:
                pass   # a hand-edited, unreadable pin: fall back to the calendar date
    return calendar_today()


def as_of(db: Any, given: dt.date | None) -> dt.date:
    """The as-of date a use case runs at: the one the user named, else :func:`today`."""
    return given if given is not None else today(db)


def received_stamp(day: dt.date) -> str:
    """A receipt timestamp on ``day`` (the current time of day; seconds precision)."""
    return dt.datetime.combine(day, now().time()).isoformat(timespec="seconds")


@contextlib.contextmanager
def frozen(at: dt.datetime) -> Iterator[None]:
    """Pin "now" (tests, benches, reproducible demo builds)."""
    global _source
    previous = _source
    _source = lambda: at  # noqa: E731
    try:
        yield
    finally:
        _source = previous
