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
    flat = _flat(pdftools.text(out))
    for row in data.rows:
        assert _flat(row.department.name(lang)) in flat, row.department
    assert pdftools.page_count(out) >= 1


def test_page_numbers_alternate_sides(tmp_path):
    out = tmp_path / "m.pdf"
    build_monthly(sample.monthly(n_depts=30), out, "zh")
    xs = {}
    for page in (1, 2):
        words = pdftools.words(out, page)
        xs[page] = [float(w["x0"]) for w in words if w["text"] == str(page)][-1]
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


def _word_boxes(pdf) -> list[tuple[str, float, float]]:
    return [(w["text"], round(float(w["x0"]), 2), round(float(w["top"]), 2)) for w in pdftools.words(pdf)]


def test_table_string_cells_print_where_reportlab_puts_them(tmp_path, monkeypatch):
    """Our tables write one-line cells through one text object: same place, same text as reportlab's."""
    from reportlab.platypus import Table

    from desktop_app.reports import gbt9704

    ty = Typography("zh", F.default_fonts())
    rows = [[i, "左对齐", "" if i % 3 else "居中", f"{i * 7}%", "内容较长的一段文字" * (1 + i % 3)] for i in range(60)]
    widths = [0.1, 0.2, 0.15, 0.15, 0.4]

    def build(name: str) -> list[tuple[str, float, float]]:
        out = tmp_path / name
        story = [ty.table(["编号", "名称", "空白", "比例", "说明"], rows, widths, align="CLCRL"),
                 ty.table(["编号", "名称", "空白", "比例", "说明"], rows[:5], widths, align="CLCRL", small=True)]
        build_pdf(str(out), ty, story, title="t")
        return _word_boxes(out)

    ours = build("ours.pdf")
    monkeypatch.setattr(gbt9704, "GbtTable", Table)
    assert build("reportlab.pdf") == ours
    words = [w for w, _x, _y in ours]
    assert words.count("左对齐") == 65 and words.count("居中") == 20 + 2 and "413%" in words


def test_page_streams_are_binary_and_the_setting_is_restored(tmp_path, monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 1)
    ty = Typography("zh", F.default_fonts())
    out = tmp_path / "t.pdf"
    build_pdf(str(out), ty, [ty.p("正文")], title="t")
    assert b"ASCII85Decode" not in out.read_bytes()
    assert rl_config.useA85 == 1
