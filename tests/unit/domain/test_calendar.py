import datetime as dt

import pytest

from desktop_app.domain.calendar import (
    HolidayCalendar,
    format_date_zh,
    month_period,
    months_of,
    parse_period_code,
    periods_for_year,
    quarter_period,
)
from desktop_app.domain.models import PeriodKind
from desktop_app.store.periods import shipped_calendar

CAL = shipped_calendar()


def test_fifth_working_day_of_october_2025_skips_national_day_and_counts_makeup_saturday():
    # Oct 1-8 off; 9, 10 work; Sat 11 is a make-up working day; 13, 14 work.
    assert CAL.nth_working_day(2025, 10, 5) == dt.date(2025, 10, 14)
    assert CAL.is_working_day(dt.date(2025, 10, 11))          # Saturday 调休
    assert not CAL.is_working_day(dt.date(2025, 10, 8))       # holiday on a Wednesday


def test_september_2025_report_is_due_on_the_fifth_working_day_of_october():
    assert month_period(2025, 9, CAL).due == dt.date(2025, 10, 14)


def test_spring_festival_2026_pushes_january_report_due_date():
    # Feb 2026: 2,3,4,5,6 are working days -> 5th is Feb 6 (festival starts Feb 15).
    assert month_period(2026, 1, CAL).due == dt.date(2026, 2, 6)
    # March 2026 report due April: Apr 1,2,3 work; 4-6 Qingming; 7,8 -> Apr 8.
    assert month_period(2026, 3, CAL).due == dt.date(2026, 4, 8)


def test_without_holidays_only_weekends_are_off():
    plain = HolidayCalendar()
    assert plain.nth_working_day(2025, 10, 5) == dt.date(2025, 10, 7)


def test_user_can_extend_the_table():
    cal = HolidayCalendar.from_rows([("2027-10-01", "holiday", "国庆节"), ("2027-10-09", "workday", "调休")])
    assert not cal.is_working_day(dt.date(2027, 10, 1))
    assert cal.is_working_day(dt.date(2027, 10, 9))


def test_periods_for_year_cover_the_year_without_gaps():
    months = periods_for_year(2025, PeriodKind.MONTH, CAL)
    assert [p.code for p in months][:3] == ["2025-01", "2025-02", "2025-03"] and len(months) == 12
    for a, b in zip(months, months[1:], strict=False):
        assert b.start == a.end + dt.timedelta(days=1)
    quarters = periods_for_year(2025, PeriodKind.QUARTER, CAL)
    assert [q.code for q in quarters] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert quarters[2].end == dt.date(2025, 9, 30)
    assert periods_for_year(2025, PeriodKind.YEAR, CAL)[0].end == dt.date(2025, 12, 31)


def test_parse_period_codes():
    assert parse_period_code("2025-10").kind is PeriodKind.MONTH
    assert parse_period_code("2025q3", CAL) == quarter_period(2025, 3, CAL)
    assert months_of(parse_period_code("2025Q3")) == ["2025-07", "2025-08", "2025-09"]
    assert parse_period_code("2025").kind is PeriodKind.YEAR
    with pytest.raises(ValueError, match="not a period"):
        parse_period_code("Oct 2025")
    with pytest.raises(ValueError, match="month must be"):
        parse_period_code("2025-13")


def test_nth_working_day_rejects_impossible_requests():
    with pytest.raises(ValueError):
        CAL.nth_working_day(2025, 10, 0)
    with pytest.raises(ValueError, match="fewer than"):
        CAL.nth_working_day(2025, 10, 25)


def test_chinese_date_format_has_no_leading_zeros():
    assert format_date_zh(dt.date(2025, 9, 3)) == "2025年9月3日"
