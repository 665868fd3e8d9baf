"""Periods page: listing with due dates, close and reopen with a reason, holiday calendar edits."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.store import periods as store_periods
from desktop_app.ui import view_kit
from desktop_app.ui.periods_view import PeriodsPage
from tests.gui.page_harness import open_page, plan_id

pytestmark = pytest.mark.gui


def test_lists_every_period_and_filters_by_kind(qtbot, qtmodeltester, demo_db) -> None:
    page, _w = open_page(qtbot, PeriodsPage, demo_db)
    qtmodeltester.check(page.model)
    assert page.proxy.rowCount() == 17  # 12 months, 4 quarters, 1 year in the demo
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("quarter"))
    assert [p.code for p in page.model.rows] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert page.model.data(page.model.index(0, 4)) == store_periods.get_period(demo_db, plan_id(demo_db), "2025Q1").period.due.isoformat()


def test_close_and_reopen_with_reason(qtbot, demo_db, monkeypatch) -> None:
    page, window = open_page(qtbot, PeriodsPage, demo_db)
    pid = plan_id(demo_db)
    assert page.select_period("2025-09")
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    monkeypatch.setattr(view_kit, "ask_text", lambda *a, **k: "All workbooks received")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    row = store_periods.get_period(demo_db, pid, "2025-09")
    assert row.closed and row.closed_reason == "All workbooks received"
    assert window.changes and window.changes[-1].periods
    assert page.selected_period().code == "2025-09" and page.reopen_button.isEnabled()
    assert page.model.data(page.model.index([p.code for p in page.model.rows].index("2025-09"), 5)) == "Closed"
    audit = demo_db.execute("SELECT action FROM audit_log WHERE entity = 'period' ORDER BY id").fetchall()
    assert [a[0] for a in audit][-1] == "close"

    assert page.set_closed(False, "Late correction from 区经委")
    assert not store_periods.get_period(demo_db, pid, "2025-09").closed


def test_empty_reason_is_refused_and_nothing_changes(qtbot, demo_db, monkeypatch) -> None:
    page, window = open_page(qtbot, PeriodsPage, demo_db)
    page.select_period("2025-08")
    shown = []
    monkeypatch.setattr("desktop_app.ui.periods_view.show_error", lambda parent, exc, **k: shown.append(exc))
    assert not page.set_closed(True, "   ")
    assert shown and "reason" in str(shown[0]).lower()
    assert not store_periods.get_period(demo_db, plan_id(demo_db), "2025-08").closed
    assert window.changes == []


def test_holiday_calendar_add_change_remove(qtbot, qtmodeltester, demo_db) -> None:
    page, _w = open_page(qtbot, PeriodsPage, demo_db)
    qtmodeltester.check(page.holiday_model)
    assert page.year.value() == 2025
    assert any(r[0] == "2025-10-01" and r[1] == "holiday" for r in page.holiday_model.rows)
    page.day.setDate(QDate(2025, 12, 31))
    page.day_kind.setCurrentIndex(page.day_kind.findData("holiday"))
    page.day_name.setText("Office closure")
    page.save_holiday()
    assert store_periods.calendar(demo_db).holidays[dt.date(2025, 12, 31)] == "Office closure"
    assert ("2025-12-31", "holiday", "Office closure") in page.holiday_model.rows
    page.day_kind.setCurrentIndex(page.day_kind.findData("workday"))
    page.save_holiday()
    assert dt.date(2025, 12, 31) in store_periods.calendar(demo_db).workdays
    page.remove_holiday()
    cal = store_periods.calendar(demo_db)
    assert dt.date(2025, 12, 31) not in cal.workdays and dt.date(2025, 12, 31) not in cal.holidays
    assert all(r[0] != "2025-12-31" for r in page.holiday_model.rows)
    # every change went through the core: audited, and undoable from the window's undo stack
    from desktop_app.store import audit

    assert [e["action"] for e in audit.entries(demo_db, "holiday", "2025-12-31")] == [
        "holiday.remove", "holiday.set", "holiday.set"]
    _w.undo_stack.undo()
    assert store_periods.calendar(demo_db).workdays[dt.date(2025, 12, 31)] == "Office closure"
