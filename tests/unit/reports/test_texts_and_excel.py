"""Report texts come from editable TOML; Excel exports keep every text cell as text."""

from __future__ import annotations

import openpyxl
import pytest

from desktop_app import paths
from desktop_app.reports import excel
from desktop_app.reports.monthly import build_monthly
from desktop_app.reports.texts import TemplateInvalid, load_texts
from tests.unit.reports import pdftools, sample


def test_user_copy_wins_key_by_key(tmp_path):
    user = paths.user_templates_dir()
    user.mkdir(parents=True, exist_ok=True)
    (user / "report_texts.toml").write_text('[zh.monthly]\ntitle = "{period_label}工作简报"\n', encoding="utf-8")
    texts = load_texts("zh")
    assert texts.t("monthly.title", period_label="2025年9月") == "2025年9月工作简报"
    assert texts.t("monthly.h_overview") == "一、总体情况"          # not in the user copy: shipped text
    out = tmp_path / "m.pdf"
    build_monthly(sample.monthly(), out, "zh")
    assert "2025年9月工作简报" in "".join(pdftools.text(out).split())


def test_invalid_user_copy_names_the_line():
    user = paths.user_templates_dir()
    user.mkdir(parents=True, exist_ok=True)
    (user / "report_texts.toml").write_text('[zh.monthly]\ntitle = "unterminated\n', encoding="utf-8")
    with pytest.raises(TemplateInvalid, match="line 2"):
        load_texts("zh")


def test_unknown_placeholder_is_a_clear_error():
    user = paths.user_templates_dir()
    user.mkdir(parents=True, exist_ok=True)
    (user / "report_texts.toml").write_text('[en.monthly]\ntitle = "{nope}"\n', encoding="utf-8")
    with pytest.raises(TemplateInvalid, match="placeholder"):
        load_texts("en").t("monthly.title", period_label="x")


def test_ledger_keeps_formula_like_text_as_text(tmp_path):
    data = sample.ledger()
    data.tasks[1].narrative = "=1+1"
    data.tasks[2].problems = "=HYPERLINK(\"http://x\")\x07bell"
    out = excel.write_ledger(data, tmp_path / "ledger.xlsx", "zh")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    headers = [c.value for c in ws[2]]
    narrative_col = headers.index("进展情况") + 1
    problems_col = headers.index("存在问题") + 1
    cell = ws.cell(row=4, column=narrative_col)
    assert cell.value == "=1+1" and cell.data_type == "s"
    bad = ws.cell(row=5, column=problems_col)
    assert bad.data_type == "s" and "\x07" not in bad.value and bad.value.endswith("bell")
    assert ws.cell(row=3, column=narrative_col).value.startswith("=1+1 ")   # sample's own narrative
    for row in ws.iter_rows(min_row=3):
        for c in row:
            if isinstance(c.value, str):
                assert c.data_type == "s"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref.startswith("A2:")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows.replace("$", "") == "1:2"
    assert ws.max_row == len(data.tasks) + 2


def test_ledger_rows_are_as_tall_as_their_wrapped_text(tmp_path):
    """Spreadsheet programs do not re-measure rows on open; a long narrative must not overlap the next row."""
    data = sample.ledger()
    data.tasks[0].narrative = "本月推进重点项目建设，完成年度目标的阶段性工作量。" * 8
    data.tasks[1].narrative = "短"
    out = excel.write_ledger(data, tmp_path / "ledger.xlsx", "zh")
    ws = openpyxl.load_workbook(out).active
    long_row, short_row = ws.row_dimensions[3].height, ws.row_dimensions[4].height
    assert long_row is not None and short_row is not None
    assert long_row >= 4 * short_row / 2 and long_row > short_row


def test_summary_and_assessment_sheets(tmp_path):
    month = sample.monthly()
    ws = openpyxl.load_workbook(excel.write_monthly_summary(month, tmp_path / "s.xlsx", "en")).active
    assert [c.value for c in ws[2]][:2] == ["No.", "Department"]
    assert ws.max_row == len(month.submissions) + 2
    annual = sample.annual()
    ws = openpyxl.load_workbook(excel.write_assessment(annual, tmp_path / "a.xlsx", "zh")).active
    assert ws.cell(row=3, column=1).value == 1
    assert ws.cell(row=3, column=9).value == annual.rows[0].total
    assert ws.cell(row=3, column=2).data_type == "s"


def test_english_counts_of_one_are_singular():
    """"1 missing reports, 1 red warnings" printed in the annual's notes: an English text may give
    ``one`` and ``other`` forms, chosen by ``n``; Chinese texts stay single strings."""
    from desktop_app.reports.texts import load_texts

    en, zh = load_texts("en"), load_texts("zh")
    assert en.t("annual.issue_missing", n=1) == "1 missing report"
    assert en.t("annual.issue_red", n=2) == "2 red warnings"
    assert en.t("annual.issue_delayed", codes="7.3", n=1) == "lead task 7.3 delayed"
    assert en.t("monthly.red_repeat", n=1) == "red-warned once this year"
    assert zh.t("annual.issue_missing", n=1) == "未报送1次"
