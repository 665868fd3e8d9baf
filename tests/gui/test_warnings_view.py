"""Warnings page on the demo: filters, explanations, acknowledging a warning, publishing a quarter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import compute_warnings
from desktop_app.ui import view_kit
from desktop_app.ui.warnings_view import WarningsPage, default_quarter
from tests.gui.page_harness import open_page, plan_id

pytestmark = pytest.mark.gui


def visible(page) -> list:
    return [page.model.row(page.proxy.mapToSource(page.proxy.index(r, 0))) for r in range(page.proxy.rowCount())]


def test_default_quarter_is_the_last_one_ended() -> None:
    import datetime as dt

    qs = [("2025Q1", dt.date(2025, 1, 1), dt.date(2025, 3, 31)), ("2025Q2", dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
          ("2025Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30)), ("2025Q4", dt.date(2025, 10, 1), dt.date(2025, 12, 31))]
    assert default_quarter(qs, dt.date(2025, 10, 20)) == "2025Q3"
    assert default_quarter(qs, dt.date(2025, 2, 1)) == "2025Q1"
    assert default_quarter([], dt.date(2025, 2, 1)) is None


def test_shows_the_quarter_with_counts_and_filters(qtbot, qtmodeltester, demo_db) -> None:
    page, _w = open_page(qtbot, WarningsPage, demo_db)
    qtmodeltester.check(page.model)
    assert page.quarter.currentData() == "2025Q3"
    expected = compute_warnings.compute(demo_db, plan_id(demo_db), "2025Q3")
    assert len(page.model.rows) == len(expected.warnings)
    assert f"Red {expected.counts['red']}" in page.counts.text()
    # sorted red first
    assert [w.level for w in visible(page)][0] == "red"
    page.level.setCurrentIndex(page.level.findData("yellow"))
    assert visible(page) and all(w.level == "yellow" for w in visible(page))
    assert len(visible(page)) == expected.counts["yellow"]
    dept = visible(page)[0].department.code
    page.department.setCurrentIndex(page.department.findData(dept))
    assert visible(page) and all(w.department.code == dept and w.level == "yellow" for w in visible(page))
    page.show_filtered(level="red")
    assert all(w.level == "red" for w in visible(page)) and page.department.currentIndex() == 0


def test_every_warning_is_explained(qtbot, demo_db) -> None:
    page, _w = open_page(qtbot, WarningsPage, demo_db)
    page.level.setCurrentIndex(page.level.findData("red"))
    page.table.selectRow(0)
    w = page.selected_warning()
    text = page.detail.toPlainText()
    assert w.task_code in text and w.reason("en") in text
    assert "Expected progress" in text and "Monthly reports in the quarter" in text
    tip = page.model.data(page.model.index(page.model.rows.index(w), 4), Qt.ItemDataRole.ToolTipRole)
    assert w.reason("en") in tip and "Expected:" in tip


def test_acknowledge_a_warning_with_a_note(qtbot, demo_db, monkeypatch) -> None:
    page, window = open_page(qtbot, WarningsPage, demo_db)
    page.level.setCurrentIndex(page.level.findData("red"))
    page.table.clearSelection()
    assert not page.ack_button.isEnabled()  # nothing to acknowledge without a selection
    page.table.selectRow(0)
    w = page.selected_warning()
    prompts = []
    monkeypatch.setattr(view_kit, "ask_text", lambda parent, title, label, text="": prompts.append(label) or "约谈，月底前补报")
    qtbot.mouseClick(page.ack_button, Qt.MouseButton.LeftButton)
    assert prompts and w.task_code in prompts[0]
    assert window.changes[-1].warnings
    again = compute_warnings.compute(demo_db, plan_id(demo_db), "2025Q3")
    acked = [x for x in again.warnings if x.acknowledged]
    assert [(x.task_code, x.department.code, x.ack_note) for x in acked] == [(w.task_code, w.department.code, "约谈，月底前补报")]
    # the page reloaded, kept the selection and shows the note
    sel = page.selected_warning()
    assert (sel.task_code, sel.acknowledged) == (w.task_code, True)
    assert "约谈，月底前补报" in page.detail.toPlainText()
    row = page.model.rows.index(sel)
    assert page.model.data(page.model.index(row, 5)) == "约谈，月底前补报"


def test_cancelled_acknowledgement_writes_nothing(qtbot, demo_db, monkeypatch) -> None:
    page, window = open_page(qtbot, WarningsPage, demo_db)
    page.table.selectRow(0)
    monkeypatch.setattr(view_kit, "ask_text", lambda *a, **k: None)
    assert not page.acknowledge()
    assert window.changes == []
    assert demo_db.execute("SELECT count(*) FROM warning_ack").fetchone()[0] == 0


def test_publish_freezes_the_quarter(qtbot, demo_db) -> None:
    page, window = open_page(qtbot, WarningsPage, demo_db)
    assert page.publish_button.isEnabled()
    assert page.publish(confirmed=True)
    assert window.changes[-1].warnings
    assert page.result.published and not page.publish_button.isEnabled()
    assert "Published" in page.state.text()
    assert demo_db.execute("SELECT quarter FROM warning_snapshot").fetchall() == [("2025Q3",)]
