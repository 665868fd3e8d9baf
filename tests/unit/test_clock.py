"""One clock: only desktop_app/services/clock.py reads the wall clock; everything else asks it."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from desktop_app.services import clock
from desktop_app.store.meta import meta_set

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"
CLOCK = PACKAGE / "services" / "clock.py"

DATE_TYPES = {"date", "datetime"}
DATE_READS = {"today", "now", "utcnow"}
QT_READS = {"currentDate", "currentDateTime", "currentTime", "currentMSecsSinceEpoch", "currentSecsSinceEpoch"}
TIME_READS = {"time", "time_ns", "localtime", "gmtime", "ctime", "strftime"}


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def wall_clock_reads(source: str) -> list[int]:
    """Line numbers where ``source`` reads the wall clock (called or passed on as a function)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        base = _last_name(node.value)
        if ((node.attr in DATE_READS and base in DATE_TYPES)
                or (node.attr in QT_READS and base in {"QDate", "QDateTime", "QTime"})
                or (node.attr in TIME_READS and base == "time")):
            lines.append(node.lineno)
    return lines


def test_only_the_clock_reads_the_wall_clock():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == CLOCK:
            continue
        for line in wall_clock_reads(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE)}:{line}")
    assert offenders == []


def test_the_scan_sees_every_spelling():
    source = "\n".join([
        "import datetime as dt", "from datetime import date, datetime", "import time",
        "a = dt.date.today()", "b = datetime.now()", "c = date.today()", "d = time.time()",
        "e = QDate.currentDate()", "f = dt.datetime.now", "g = time.monotonic()",
    ])
    assert sorted(wall_clock_reads(source)) == [4, 5, 6, 7, 8, 9]
    assert wall_clock_reads(CLOCK.read_text(encoding="utf-8"))  # the clock itself does read it


def test_frozen_clock_drives_today_now_and_stamps():
    at = dt.datetime(2025, 9, 30, 14, 5, 9, 123456)
    with clock.frozen(at):
        assert clock.now() == at.replace(microsecond=0)
        assert clock.now_stamp() == "2025-09-30T14:05:09"
        assert clock.today() == dt.date(2025, 9, 30)
        assert clock.received_stamp(dt.date(2025, 10, 8)) == "2025-10-08T14:05:09"
        assert clock.as_of(None, dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert clock.now() != at.replace(microsecond=0)


def test_pinned_demo_date_wins_over_the_calendar(db):
    with clock.frozen(dt.datetime(2026, 3, 1, 9, 0)):
        assert clock.today(db) == dt.date(2026, 3, 1)
        meta_set(db, "demo_today", "2025-10-15")
        assert clock.today(db) == dt.date(2025, 10, 15)
        assert clock.as_of(db, None) == dt.date(2025, 10, 15)
        assert clock.calendar_today() == dt.date(2026, 3, 1)
        meta_set(db, "demo_today", "garbled")
        assert clock.today(db) == dt.date(2026, 3, 1)


def test_audit_entries_take_the_clock_time(db):
    from desktop_app.store import audit

    with clock.frozen(dt.datetime(2025, 1, 2, 3, 4, 5)):
        audit.log(db, "test", "thing", 1)
    assert audit.entries(db, "thing")[0]["at"] == "2025-01-02T03:04:05"
