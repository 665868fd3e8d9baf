"""Reporting calendar: periods and due dates on China's working-day calendar.

Due dates default to "the 5th working day of the following month". Weekends are days off unless a
make-up working day (调休) says otherwise; public holidays are days off. The table is data the user
can extend, seeded from ``data/holidays_cn.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, YEARLY, rrule

from desktop_app.domain.models import Period, PeriodKind

DEFAULT_DUE_WORKING_DAY = 5


@dataclass
class HolidayCalendar:
    holidays: dict[dt.date, str] = field(default_factory=dict)
    workdays: dict[dt.date, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: Mapping[str, Mapping[str, str]]) -> HolidayCalendar:
        """From the shipped table's layout ``{"holiday": {date: name}, "workday": {date: name}}``
        (read by ``store.periods.shipped_calendar``; the domain reads no files)."""
        return cls.from_rows(
            [(d, "holiday", n) for d, n in raw["holiday"].items()]
            + [(d, "workday", n) for d, n in raw["workday"].items()]
        )

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str | dt.date, str, str]]) -> HolidayCalendar:
        cal = cls()
        for day, kind, name in rows:
            d = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
            (cal.holidays if kind == "holiday" else cal.workdays)[d] = name
        return cal

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def nth_working_day(self, year: int, month: int, n: int) -> dt.date:
        """The n-th working day of a month (n ≥ 1)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        day = dt.date(year, month, 1)
        count = 0
        while True:
            if self.is_working_day(day):
                count += 1
                if count == n:
                    return day
            day += dt.timedelta(days=1)
            if day.month != month:
                raise ValueError(f"{year}-{month:02d} has fewer than {n} working days")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(i)))


def due_after(end: dt.date, cal: HolidayCalendar, working_day: int = DEFAULT_DUE_WORKING_DAY) -> dt.date:
    """Due date for a period ending on ``end``: the n-th working day of the following month."""
    nxt = end + relativedelta(days=1)
    return cal.nth_working_day(nxt.year, nxt.month, working_day)


def month_period(year: int, month: int, cal: HolidayCalendar,
                 working_day: int = DEFAULT_DUE_WORKING_DAY) -> Period:
    start = dt.date(year, month, 1)
    end = start + relativedelta(months=1, days=-1)
    return Period(PeriodKind.MONTH, f"{year}-{month:02d}", start, end, due_after(end, cal, working_day))


def quarter_period(year: int, quarter: int, cal: HolidayCalendar,
                   working_day: int = DEFAULT_DUE_WORKING_DAY) -> Period:
    if not 1 <= quarter <= 4:
        raise ValueError("quarter must be 1..4")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = start + relativedelta(months=3, days=-1)
    return Period(PeriodKind.QUARTER, f"{year}Q{quarter}", start, end, due_after(end, cal, working_day))


def year_period(year: int, cal: HolidayCalendar, working_day: int = DEFAULT_DUE_WORKING_DAY) -> Period:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Period(PeriodKind.YEAR, str(year), start, end, due_after(end, cal, working_day))


def periods_for_year(year: int, kind: PeriodKind, cal: HolidayCalendar,
                     working_day: int = DEFAULT_DUE_WORKING_DAY) -> list[Period]:
    """All periods of one kind in a year, generated with dateutil's rrule."""
    if kind is PeriodKind.YEAR:
        return [year_period(d.year, cal, working_day)
                for d in rrule(YEARLY, dtstart=dt.date(year, 1, 1), count=1)]
    step = 1 if kind is PeriodKind.MONTH else 3
    starts = rrule(MONTHLY, interval=step, dtstart=dt.date(year, 1, 1), until=dt.date(year, 12, 31))
    if kind is PeriodKind.MONTH:
        return [month_period(d.year, d.month, cal, working_day) for d in starts]
    return [quarter_period(d.year, (d.month - 1) // 3 + 1, cal, working_day) for d in starts]


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_period_code(code: str, cal: HolidayCalendar | None = None) -> Period:
    """'2025-10' → month, '2025Q3' → quarter, '2025' → year; ValueError with a clear message."""
    cal = cal if cal is not None else HolidayCalendar()
    text = code.strip()
    if m := _MONTH.match(text):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"'{code}': month must be 01-12")
        return month_period(int(m.group(1)), month, cal)
    if m := _QUARTER.match(text):
        return quarter_period(int(m.group(1)), int(m.group(2)), cal)
    if m := _YEAR.match(text):
        return year_period(int(m.group(1)), cal)
    raise ValueError(f"'{code}' is not a period: use 2025-10 (month), 2025Q3 (quarter) or 2025 (year)")


def months_of(period: Period) -> list[str]:
    """Codes of the months inside a period ('2025Q3' → 2025-07, 2025-08, 2025-09)."""
    out = []
    d = period.start
    while d <= period.end:
        out.append(f"{d.year}-{d.month:02d}")
        d += relativedelta(months=1)
    return out


def format_date_zh(d: dt.date) -> str:
    """GB/T 9704 dates: 2025年10月20日 (no leading zeros)."""
    return f"{d.year}年{d.month}月{d.day}日"
