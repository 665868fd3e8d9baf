"""One rounding rule for the assessment: the screen (the assessment page's model), the printed PDF
(pdfplumber) and the Excel export show the same rounded totals and the same shared ranks."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from desktop_app.paths import TEMPLATES_DIR, user_templates_dir
from desktop_app.services import run_assessment
from desktop_app.services.build_report import build_pdf_report, export_excel
from desktop_app.ui.assessment_view import AssessmentPage
from tests.gui.page_harness import open_page, plan_id
from tests.unit.reports import pdftools

pytestmark = pytest.mark.gui

ROW = re.compile(r"^\s*(\d+)\s+(\S+)\s+.*?\s(\d+(?:\.\d+)?)\s+(优秀|良好|合格|不合格)\s*$")


def _excel_text(value: float, number_format: str) -> str:
    places = len(number_format.split(".")[1]) if "." in number_format else 0
    return f"{value:.{places}f}"


@pytest.mark.parametrize("decimals", [1, 2])
def test_screen_pdf_and_excel_show_the_same_rounded_totals_and_ranks(qtbot, demo_db, tmp_path, decimals) -> None:
    if decimals != 1:   # the user's copy of the scheme asks for another rounding: everything follows it
        text = (TEMPLATES_DIR / "assessment_scheme.toml").read_text(encoding="utf-8")
        user = user_templates_dir() / "assessment_scheme.toml"
        user.parent.mkdir(parents=True, exist_ok=True)
        user.write_text(re.sub(r"(?m)^decimals = 1", f"decimals = {decimals}", text), encoding="utf-8")
    pid = plan_id(demo_db)
    result = run_assessment.compute(demo_db, pid, 2025)
    places = result.scheme.decimals
    assert places == decimals
    page, _window = open_page(qtbot, AssessmentPage, demo_db)
    screen = {d.department.name("zh"): (d.rank, float(page.model.data(page.model.index(i, 7))))
              for i, d in enumerate(page.model.rows)}
    page.deleteLater()            # no hidden page left to answer a later test's language change
    qtbot.wait(10)

    pdf = tmp_path / "annual.pdf"
    build_pdf_report(demo_db, pid, "annual", pdf, "zh", year=2025)
    text = pdftools.layout_text(pdf)
    printed = {m.group(2): (int(m.group(1)), float(m.group(3)))
               for m in (ROW.match(line) for line in text.splitlines()) if m}

    xlsx = tmp_path / "scores.xlsx"
    export_excel(demo_db, pid, "assessment", xlsx, "zh", year=2025)
    ws = load_workbook(xlsx).active
    exported = {}
    for row in ws.iter_rows(min_row=3):
        if isinstance(row[0].value, int):
            cell = row[8]
            exported[row[1].value] = (row[0].value, float(_excel_text(cell.value, cell.number_format)))

    assert screen and screen == printed == exported
    for _rank, total in screen.values():
        assert total == round(total, places)
    # the demo's 53.22 and 53.19 both print 53.2 and now share a rank (they ranked 38 and 39); the
    # three 90.0 share rank 1 at any rounding
    ranks = [r for r, _t in screen.values()]
    assert ranks.count(1) == 3
    if decimals == 1:
        assert sorted(t for r, t in screen.values() if r == 38) == [53.2, 53.2]
