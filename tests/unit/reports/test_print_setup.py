"""Workbooks print legibly: A4 landscape, one page wide, title rows repeated, text ≥ 9 pt on paper,
and dates stored as dates."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop_app.exchange.workbook import BASE_FONT_POINTS, printed_scale


def _check(ws, title_rows: bool = True) -> float:
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9       # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    if title_rows:
        assert ws.print_title_rows
    # Excel rounds the fit-to-width scale down to a whole percent
    scale = int(printed_scale(ws) * 100) / 100
    sizes = {c.font.sz or BASE_FONT_POINTS for row in ws.iter_rows() for c in row if c.value is not None}
    assert min(sizes) * scale >= 9.0, (ws.title, scale, min(sizes))
    return scale


@pytest.mark.parametrize(("kind", "args"), [("ledger", []), ("summary", ["--period", "2025-09"]),
                                            ("assessment", ["--year", "2025"])])
def test_exports_print_at_9_points_or_more(kind, args, demo_db, tmp_path):
    from desktop_app.cli import main

    db_file = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / f"{kind}.xlsx"
    assert main(["--db", db_file, "export", kind, *args, "--out", str(out)]) == 0
    ws = openpyxl.load_workbook(out).active
    _check(ws)
    if kind == "ledger":
        dates = [c.value for row in ws.iter_rows(min_row=3) for c in row[8:10] if c.value]
        assert dates and all(isinstance(d, dt.datetime | dt.date) for d in dates)
        assert ws.cell(row=3, column=10).number_format == "yyyy-mm-dd"
    if kind == "summary":
        received = [c.value for row in ws.iter_rows(min_row=3) for c in row[4:5] if c.value]
        assert received and all(isinstance(d, dt.datetime) for d in received)


def test_the_exchange_workbook_prints_at_9_points_or_more(demo_db, tmp_path):
    from desktop_app.services.clock import today
    from desktop_app.services.issue_packages import export_packages

    result = export_packages(demo_db, 1, "2025-10", tmp_path, today=today(demo_db))
    path = next(iter(p for p in tmp_path.glob("*.xlsx")))
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            _check(ws, title_rows=ws.max_column > 1)
    assert result is not None
