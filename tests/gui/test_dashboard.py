"""Dashboard on the demo: submissions x of y and who is missing, warning counts, progress by section,
upcoming due dates — and each a click away from its detail (the navigate signal)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import compute_warnings, submission_status
from desktop_app.ui.dashboard_view import DashboardPage, gather, reporting_period, section_progress
from tests.gui.page_harness import open_page, plan_id

pytestmark = pytest.mark.gui


def test_snapshot_of_the_demo(demo_db) -> None:
    pid = plan_id(demo_db)
    snap = gather(demo_db, pid)
    assert snap.today == dt.date(2025, 10, 20)
    assert snap.period == "2025-09"  # October's report period has not ended yet
    status = submission_status.period_status(demo_db, pid, "2025-09")
    assert snap.expected == len(status.departments) and snap.expected > 0
    assert snap.received == snap.expected - len(status.missing())
    assert [m[0] for m in snap.missing] == [d.department for d in status.missing()]
    assert snap.quarter == "2025Q3"
    assert snap.counts == compute_warnings.compute(demo_db, pid, "2025Q3").counts
    assert len(snap.red) == snap.counts["red"]
    assert snap.upcoming and all(snap.today <= u[0] <= snap.today + dt.timedelta(days=45) for u in snap.upcoming)
    assert [u[0] for u in snap.upcoming] == sorted(u[0] for u in snap.upcoming)


def test_section_progress_counts_every_task_once(demo_db) -> None:
    pid = plan_id(demo_db)
    sections = section_progress(demo_db, pid)
    total = demo_db.execute("SELECT count(*) FROM task WHERE plan_id = ? AND section_id IS NOT NULL", [pid]).fetchone()[0]
    assert sum(s.tasks for s in sections) == total
    assert all(0 <= s.mean_percent <= 100 and s.completed <= s.reported <= s.tasks for s in sections)
    for s in sections:
        if s.children:
            assert sum(c.tasks for c in s.children) <= s.tasks


def test_reporting_period_before_any_has_ended(demo_db) -> None:
    assert reporting_period(demo_db, plan_id(demo_db), dt.date(2025, 1, 15)) is None
    assert reporting_period(demo_db, plan_id(demo_db), dt.date(2025, 2, 1))[0] == "2025-01"


def test_every_figure_navigates_to_its_detail(qtbot, demo_db) -> None:
    page, _w = open_page(qtbot, DashboardPage, demo_db)
    snap = page.snapshot
    assert page.sub_count.text() == f"{snap.received} of {snap.expected} submitted"
    assert page.red_button.text() == f"Red {snap.counts['red']}"
    assert page.missing.count() == len(snap.missing)
    assert page.sections.topLevelItemCount() == len(snap.sections)
    seen = []
    page.navigate.connect(lambda view, filters: seen.append((view, filters)))
    qtbot.mouseClick(page.red_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.yellow_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sub_count, Qt.MouseButton.LeftButton)
    assert seen == [("warnings", {"quarter": "2025Q3", "level": "red"}),
                    ("warnings", {"quarter": "2025Q3", "level": "yellow"}),
                    ("submissions", {"period": "2025-09", "missing_only": bool(snap.missing)})]
    seen.clear()
    if page.missing.count():
        page._item_clicked(page.missing.item(0))
        assert seen[-1] == ("submissions", {"period": "2025-09", "department": snap.missing[0][0]})
    page._item_clicked(page.red_list.item(0))
    assert seen[-1][0] == "warnings" and seen[-1][1]["level"] == "red" and seen[-1][1]["task"] == snap.red[0][0]
    page._item_clicked(page.sections.topLevelItem(0))
    assert seen[-1] == ("ledger", {"task_id": snap.sections[0].first_task, "section_id": snap.sections[0].section_id})
    page._item_clicked(page.upcoming.item(0))
    assert seen[-1][0] in ("periods", "ledger")


def test_refreshes_after_a_warning_change(qtbot, demo_db) -> None:
    from desktop_app.domain.models import ChangeSummary

    page, window = open_page(qtbot, DashboardPage, demo_db)
    before = page.snapshot
    window.notify(ChangeSummary(warnings=True))
    assert page.snapshot is not before
    window.notify(ChangeSummary(assessment=True))  # nothing the dashboard shows
    assert page.snapshot is not None


def test_main_window_follows_dashboard_links(window, qtbot) -> None:
    from tests.gui.page_harness import settle

    window.show_view("dashboard")
    dash = window.pages["dashboard"]
    settle(dash)
    qtbot.mouseClick(dash.red_button, Qt.MouseButton.LeftButton)
    assert window.current_view() == "warnings"
    warnings = window.pages["warnings"]
    settle(warnings)
    assert warnings.level.currentData() == "red" and warnings.quarter.currentData() == "2025Q3"
    window.show_view("dashboard")
    dash._item_clicked(dash.red_list.item(0))
    settle(warnings)
    w = warnings.selected_warning()
    assert w is not None and w.level == "red" and w.task_code == dash.snapshot.red[0][0]
    window.show_view("dashboard")
    dash._item_clicked(dash.upcoming.item(0))
    assert window.current_view() in ("periods", "ledger")


def test_dashboard_links_apply_their_filters(window, qtbot) -> None:
    """A section opens the ledger filtered to that section with its first task shown; the submissions count
    opens the matrix showing only who has not reported; a missing department puts the cursor on its cell."""
    from desktop_app.ui.submissions_view import MatrixRole
    from tests.gui.page_harness import settle

    window.show_view("dashboard")
    dash = window.pages["dashboard"]
    settle(dash)
    snap = dash.snapshot
    ledger = window.pages["ledger"]
    ledger.search.setText("碳")                        # filters a user left behind are cleared
    ledger.apply_filters()
    section = snap.sections[1]
    dash._item_clicked(dash.sections.topLevelItem(1))
    assert window.current_view() == "ledger"
    assert ledger.section_filter.currentData() == section.section_id and ledger.search.text() == ""
    shown = ledger.model.rowCount()
    assert 0 < shown == section.tasks < len(ledger.model.all_rows())
    assert ledger.current_task == section.first_task
    assert ledger.detail.toPlainText()

    window.show_view("dashboard")
    assert snap.missing, "the demo has departments that have not reported"
    qtbot.mouseClick(dash.sub_count, Qt.MouseButton.LeftButton)
    subs = window.pages["submissions"]
    assert window.current_view() == "submissions" and subs.period.code() == snap.period
    assert subs.missing_only.isChecked()
    rows = [subs.proxy.index(r, 0).data(MatrixRole.DEPARTMENT) for r in range(subs.proxy.rowCount())]
    assert rows == sorted(code for code, _zh, _en in snap.missing)

    window.show_view("dashboard")
    code = snap.missing[0][0]
    dash._item_clicked(dash.missing.item(0))
    current = subs.table.currentIndex()
    assert current.data(MatrixRole.DEPARTMENT) == code and current.data(MatrixRole.PERIOD) == snap.period
    assert code in subs.detail.text() and snap.period in subs.detail.text()
    subs.missing_only.setChecked(False)
    assert subs.proxy.rowCount() == len(subs.model.departments) > len(rows)
