"""Every PDF report builds from plain data in both languages and prints correctly."""

from __future__ import annotations

import re

import pytest

from desktop_app.reports import fonts as F
from desktop_app.reports.annual import build_annual
from desktop_app.reports.department import build_department
from desktop_app.reports.gbt9704 import Typography, build_pdf, format_date
from desktop_app.reports.monthly import build_monthly
from desktop_app.reports.quarterly import build_quarterly, chinese_number
from tests.unit.reports import pdftools, sample

BUILDERS = {
    "monthly": (build_monthly, sample.monthly, "关于2025年9月碳达峰重点任务推进情况的调度通报",
                "Monthly Scheduling Bulletin"),
    "quarterly": (build_quarterly, sample.quarterly, "关于2025年第3季度碳达峰重点任务预警情况的通报",
                  "Early-Warning Circular"),
    "annual": (build_annual, sample.annual, "2025年度碳达峰目标任务考核报告", "Annual Assessment Report"),
    "department": (build_department, sample.department_sheet, "区发展改革委碳达峰重点任务清单",
                   "Key Carbon Peaking Tasks of"),
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", list(BUILDERS))
def test_report_builds_and_prints(kind, lang, tmp_path):
    build, make, title_zh, title_en = BUILDERS[kind]
    out = tmp_path / f"{kind}_{lang}.pdf"
    result = build(make(), out, lang)
    assert out.stat().st_size > 5000 and result.pages >= 1
    pdftools.assert_printable(out)
    text = pdftools.text(out)
    if lang == "zh":
        assert title_zh in _flat(text)
        assert "— 1 —" in text
    else:
        assert title_en in " ".join(text.split())
    info = pdftools.metadata(out)
    assert "PeakDeskFonts" in info and result.substitutes.split(":")[0] in " ".join(info.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_annual_names_every_department(lang, tmp_path):
    data = sample.annual(n_depts=15)
    out = tmp_path / "annual.pdf"
    build_annual(data, out, lang)
    # hyphens left out on both sides: a name hyphenated at a line's end (Com-/mission) still counts
    flat = _flat(pdftools.text(out, raw=True)).replace("-", "")
    for row in data.rows:
        assert _flat(row.department.name(lang)).replace("-", "") in flat, row.department


def test_page_numbers_alternate_sides(tmp_path):
    import pdfplumber

    out = tmp_path / "m.pdf"
    build_monthly(sample.monthly(n_depts=30), out, "zh")
    with pdfplumber.open(out) as pdf:
        xs = {n: min(c["x0"] for c in pdf.pages[n - 1].chars if c["top"] > pdftools.BLOCK_BOTTOM + 2) for n in (1, 2)}
    assert xs[1] > 400 > xs[2]  # odd right, even left


def test_closing_punctuation_never_starts_a_line(tmp_path):
    ty = Typography("zh", F.default_fonts())
    # 27 characters fill a 16 pt line: put a comma (and other closers) exactly where a line would start
    paragraphs = [ty.p("测" * n + "，" + "试" * 40 + "。" + "验" * 26 + "：" + "字" * 30, "body_noindent")
                  for n in range(24, 30)]
    out = tmp_path / "punct.pdf"
    build_pdf(str(out), ty, paragraphs, title="t")
    assert pdftools.bad_line_starts(out) == []


def test_table_header_repeats_on_every_page(tmp_path):
    ty = Typography("zh", F.default_fonts())
    table = ty.table(["编号", "内容"], [[i, "内容" * 20] for i in range(120)], [0.2, 0.8])
    out = tmp_path / "table.pdf"
    doc = build_pdf(str(out), ty, [table], title="t")
    assert doc.page >= 3
    pages = pdftools.text(out).split("\f")
    assert all("编号" in p for p in pages if p.strip())


def test_dates_and_numerals():
    import datetime as dt

    assert format_date(dt.date(2025, 10, 20), "zh") == "2025年10月20日"
    assert format_date(dt.date(2025, 9, 3), "zh") == "2025年9月3日"
    assert format_date(dt.date(2025, 9, 3), "en") == "3 September 2025"
    assert [chinese_number(n) for n in (1, 10, 11, 20, 25)] == ["一", "十", "十一", "二十", "二十五"]


def test_table_cells_and_titles_break_between_words(tmp_path):
    """`碳达峰重/点`, `实际进/度` or `2025-12-3/1` never happen: cells and titles break between words."""
    ty = Typography("zh", F.default_fonts())
    rows = [[i, "推动碳达峰重点任务落实落细加快推进实际进度", "2025-12-31", "实际进度"] for i in range(8)]
    # the date column is wide enough for the date
    out = tmp_path / "cells.pdf"
    build_pdf(str(out), ty, [ty.table(["编号", "任务", "完成时限", "进度"], rows, [0.1, 0.22, 0.2, 0.08])],
              title="t")
    lines = pdftools.text(out).splitlines()
    for line in lines:
        assert not line.endswith(("碳达", "碳达峰重", "实际进", "2025-12-3")), line
        assert not line.startswith(("峰", "点", "度")), line
    assert "2025-12-31" in lines


def test_page_streams_are_binary_and_the_setting_is_restored(tmp_path, monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 1)
    ty = Typography("zh", F.default_fonts())
    out = tmp_path / "t.pdf"
    build_pdf(str(out), ty, [ty.p("正文")], title="t")
    assert b"ASCII85Decode" not in out.read_bytes()
    assert rl_config.useA85 == 1


def test_english_chart_labels_are_never_cut_inside_a_word():
    """The annual's grade chart printed "Excelle…" and the monthly's section chart "low-ca…"."""
    from desktop_app.reports.charts import _shorten

    assert _shorten("Excellent", 8) == "Excellent"
    assert _shorten("Advocate green and low-carbon living", 10) == "Advocate green and…"
    assert _shorten("区发展和改革委员会", 8) == "区发展和改革委…"
