"""Reports page: build a PDF and an Excel export in the background, show fonts, open the result."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui import reports_view
from desktop_app.ui.reports_view import KINDS, ReportsPage
from tests.gui.page_harness import open_page

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(monkeypatch) -> list:
    urls: list = []
    monkeypatch.setattr(reports_view.QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def choose(page: ReportsPage, kind: str) -> None:
    page.kinds.setCurrentRow(list(KINDS).index(kind))


def test_options_follow_the_report_kind(qtbot, demo_db) -> None:
    page, _w = open_page(qtbot, ReportsPage, demo_db)
    choose(page, "monthly")
    assert page.period.isVisibleTo(page) and not page.quarter.isVisibleTo(page) and not page.dept.isVisibleTo(page)
    assert page.period.currentData() == "2025-09" and page.out.text().endswith(".pdf")
    choose(page, "department")
    assert page.dept.isVisibleTo(page) and page.period.isVisibleTo(page) and page.dept.count() > 10
    choose(page, "quarterly")
    assert page.quarter.currentData() == "2025Q3"
    choose(page, "assessment")
    assert page.year.isVisibleTo(page) and page.year.currentData() == 2025 and page.out.text().endswith(".xlsx")


def test_export_a_pdf_report_in_the_background(qtbot, demo_db, tmp_path: Path, opened) -> None:
    page, _w = open_page(qtbot, ReportsPage, demo_db)
    choose(page, "monthly")
    page.lang.setCurrentIndex(page.lang.findData("zh"))
    target = tmp_path / "out" / "bulletin.pdf"
    page.out.setText(str(target))
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    op = page.op
    assert op is not None and not page.build_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert op.state == "succeeded", op.error
    assert target.read_bytes()[:5] == b"%PDF-"
    assert not list(target.parent.glob(".*part*"))  # no temporary file left behind
    assert page.result_box.isVisibleTo(page) and str(target) in page.result_text.text()
    assert page.last_result.pages >= 1 and "page" in page.result_text.text()
    assert page.last_result.substitutes in page.fonts_text.text()
    head = page.last_result.substitutes.split("：")[0].split(":")[0]       # "替代字体" / "substitute fonts"
    assert page.fonts_text.text().count(head) == 1, page.fonts_text.text()   # not "替代字体：替代字体：…"
    assert opened == [str(target)]
    assert page.build_button.isEnabled() and not page.progress.isVisibleTo(page)


def test_export_the_ledger_workbook(qtbot, demo_db, tmp_path: Path, opened) -> None:
    page, _w = open_page(qtbot, ReportsPage, demo_db)
    choose(page, "ledger")
    page.open_when_done.setChecked(False)
    target = tmp_path / "ledger.xlsx"
    page.out.setText(str(target))
    op = page.build()
    qtbot.waitUntil(lambda: op.done, timeout=60000)
    assert op.state == "succeeded", op.error
    assert zipfile.is_zipfile(target)
    assert opened == []
    assert page.open_folder() and opened == [str(tmp_path)]


def test_a_failure_is_reported_and_the_page_recovers(qtbot, demo_db, tmp_path: Path, opened, monkeypatch) -> None:
    page, _w = open_page(qtbot, ReportsPage, demo_db)
    choose(page, "department")
    page.dept.clear()  # no department chosen: the service says which option is missing
    page.out.setText(str(tmp_path / "sheet.pdf"))
    shown = []
    monkeypatch.setattr("desktop_app.ui.ops.show_error", lambda parent, exc, trace="", **k: shown.append(exc))
    op = page.build()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert op.state == "failed" and shown and "--dept" in str(shown[0])
    assert page.build_button.isEnabled() and not (tmp_path / "sheet.pdf").exists() and opened == []


def test_cancel_leaves_no_file_behind(qtbot, demo_db, tmp_path: Path, opened) -> None:
    """Cancelling a report stops its process; neither the report nor its partial file is left."""
    page, _w = open_page(qtbot, ReportsPage, demo_db)
    choose(page, "annual")
    out = tmp_path / "reports" / "annual.pdf"
    page.out.setText(str(out))
    op = page.build()
    assert op is not None and page.cancel_button.isEnabled()
    page.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert op.state == "cancelled"
    assert list(out.parent.iterdir()) == [] and opened == []
    assert page.build_button.isEnabled() and not page.cancel_button.isEnabled()
