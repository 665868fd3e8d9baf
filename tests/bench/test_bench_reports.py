"""Annual report for 60 departments and 300 tasks: ≤ 3 s and within 1.5× a bare reportlab document."""

from __future__ import annotations

import time

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from desktop_app.reports import fonts as F
from desktop_app.reports.annual import build_annual
from tests.unit.reports import sample


def _bare(data, out, font):  # same tables and text, no styling
    style = ParagraphStyle("p", fontName=font, fontSize=10.5, leading=14, wordWrap="CJK")
    story = [Paragraph(data.meta.plan_title.zh, style)]
    story.append(Table([[r.rank, Paragraph(r.department.name_zh, style), r.progress, r.reporting, r.warnings,
                         r.evaluation, r.adjustments, r.total, r.grade] for r in data.rows], repeatRows=1))
    for r in data.rows:
        d = data.details[r.department.code]
        story += [PageBreak(), Paragraph(r.department.name_zh, style)]
        story.append(Table([[t.code, Paragraph(t.title.zh, style), str(t.role), str(t.status), t.percent]
                            for t in d.tasks] or [[""]], repeatRows=1))
        story += [Paragraph(text, style) for text in (
            f"{r.total} {r.rank} {r.grade}", " ".join(f"{x.period} {x.status}" for x in d.reporting),
            " ".join(f"{q} {w.level}" for q, w in d.warnings), f"{d.evaluation} {d.evaluation_note}",
            *(f"{a.points} {a.reason}" for a in d.adjustments))]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


@pytest.mark.bench
def test_bench_annual_report(tmp_path):
    data = sample.annual(n_depts=60, n_tasks=300)
    fonts = F.default_fonts()              # font discovery and registration happen once per process
    build_annual(data, tmp_path / "warm.pdf", "zh", fonts=fonts)
    _bare(data, tmp_path / "warm-bare.pdf", fonts.name(F.FANGSONG))

    def best(fn, n=3):
        times = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    ours = best(lambda: build_annual(data, tmp_path / "annual.pdf", "zh", fonts=fonts))
    bare = best(lambda: _bare(data, tmp_path / "bare.pdf", fonts.name(F.FANGSONG)))
    ratio = ours / bare
    print(f"\nannual report, 60 departments × 300 tasks: PeakDesk {ours:.2f} s, bare reportlab {bare:.2f} s, "
          f"ratio {ratio:.2f}")
    assert ours <= 3.0
    assert ratio <= 1.5
