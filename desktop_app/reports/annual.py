"""年度考核报告 — the annual assessment report: scores, grades, ranking, one page per department."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak

from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder, code_key, num, signed
from desktop_app.reports.data import (
    GRADE_LABELS,
    GRADES,
    SUBMISSION_STATES,
    AnnualReportData,
    AssessmentRow,
    pick,
)
from desktop_app.reports.gbt9704 import signature_block
from desktop_app.reports.quarterly import heading_number

GRADE_COLOURS = {"excellent": colors.Color(0.85, 0.95, 0.85), "fail": colors.Color(1, 0.85, 0.85)}


def build_annual(data: AnnualReportData, out: Path, lang: str = "zh", *, fonts: F.FontSet | None = None,
                 on_progress: Callable[[int], None] | None = None) -> ReportResult:
    b = Builder(lang, fonts)
    title = b.t("annual.title", year=data.year)
    return b.write(out, annual_story(b, data), title, subject=f"PeakDesk annual assessment {data.year}",
                   on_progress=on_progress)


def annual_story(b: Builder, data: AnnualReportData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    grades = data.grade_counts()
    story: list[Flowable] = b.header(data.meta, b.t("annual.title", year=data.year))
    if not data.locked:
        story.append(ty.p(b.t("annual.unlocked_note"), "center"))
    story.append(ty.p(b.t("annual.intro", plan=b.plan(data.meta), as_of=b.date(data.as_of), year=data.year)))

    story += ty.h1(b.t("annual.h_overview"))
    story.append(ty.p(b.t("annual.overview", units=len(data.rows), **{g: grades[g] for g in GRADES})))
    story += b.table_caption(b.t("annual.scores_caption"))
    story.append(score_table(b, data))
    if any(r.evaluation is None for r in data.rows):
        story.append(ty.p("* " + b.t("annual.evaluation_missing"), "body_noindent"))

    story += ty.h1(b.t("annual.h_distribution"))
    story.append(b.figure(charts.simple_bars([pick(GRADE_LABELS[g], lang) for g in GRADES],
                                             [grades[g] for g in GRADES], ty.font(F.FANGSONG),
                                             colour_keys=GRADES), "common.chart_grades"))

    story += ty.h1(b.t("annual.h_details"))
    for n, row in enumerate(data.rows, 1):
        if n > 1:
            story.append(PageBreak())
        story += department_page(b, data, row, n)

    story.append(PageBreak())
    story += ty.h1(b.t("annual.h_signature"))
    story.append(ty.p(b.t("annual.signature_text")))
    story.append(signature_block(ty, b.issuer(data.meta), data.meta.date, seal_note=b.t("common.seal"),
                                 signers=b.tl("annual.signers")))
    return story


def score_table(b: Builder, data: AnnualReportData) -> Flowable:
    lang = b.lang
    m = data.maxima
    rows: list[list[object]] = [[b.t("annual.maxima_row"), "", num(m["progress"]), num(m["reporting"]),
                                 num(m["warnings"]), num(m["evaluation"]), f"±{num(m['adjustments'])}", "100", ""]]
    styles: list[tuple[object, ...]] = [("SPAN", (0, 1), (1, 1)), ("BACKGROUND", (0, 1), (-1, 1),
                                                                    colors.Color(0.96, 0.96, 0.96))]
    p = data.decimals                      # the scheme's one rounding (screen and Excel print the same)
    for i, r in enumerate(data.rows, 2):
        rows.append([r.rank, r.department.name(lang), num(r.progress, p), num(r.reporting, p), num(r.warnings, p),
                     num(r.evaluation, p) + ("*" if r.evaluation is None else ""),
                     signed(r.adjustments) if r.adjustments else "0",
                     num(r.total, p), pick(GRADE_LABELS[r.grade], lang)])
        if r.grade in GRADE_COLOURS:
            styles.append(("BACKGROUND", (8, i), (8, i), GRADE_COLOURS[r.grade]))
    return b.typo.table(b.tl("annual.scores_header"), rows,
                        [0.07, 0.27, 0.09, 0.08, 0.08, 0.08, 0.09, 0.1, 0.14 - 0.0],
                        align="CLCCCCCCC", small=True, row_styles=styles)


def department_page(b: Builder, data: AnnualReportData, row: AssessmentRow, n: int) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    detail = data.details.get(row.department.code)
    out: list[Flowable] = ty.h2(b.t("annual.dept_heading", n=heading_number(b, n), department=row.department.name(lang)))
    out.append(ty.p(b.t("annual.dept_summary", total=num(row.total, data.decimals), rank=row.rank,
                        grade=pick(GRADE_LABELS[row.grade], lang))))
    if detail is None:
        return out
    if detail.tasks:
        tasks = sorted(detail.tasks, key=lambda t: (t.role is None or t.role.value != "lead", code_key(t.code)))
        out.append(ty.table(b.tl("annual.tasks_header"),
                            [[t.code, t.title.get(lang), b.role(t.role), b.status(t.status), b.pct(t.percent)]
                             for t in tasks],
                            [0.1, 0.54, 0.1, 0.13, 0.13], align="CLCCC", small=True))
    counts = {s: sum(1 for r in detail.reporting if r.status == s) for s in SUBMISSION_STATES}
    out.append(ty.p(b.t("annual.reporting_line", **counts)))
    bad = [r.period for r in detail.reporting if r.status != "on_time"]
    if bad:
        out.append(ty.p(b.t("annual.reporting_detail", periods=("、" if b.zh else ", ").join(bad))))
    red = sum(1 for _q, w in detail.warnings if w.level == "red")
    yellow = sum(1 for _q, w in detail.warnings if w.level == "yellow")
    out.append(ty.p(b.t("annual.warnings_line", red=red, yellow=yellow) if red or yellow
                    else b.t("annual.warnings_none")))
    if detail.evaluation is None:
        out.append(ty.p(b.t("annual.evaluation_missing")))
    else:
        out.append(ty.p(b.t("annual.evaluation_line", score=num(detail.evaluation), note=detail.evaluation_note)))
    if detail.adjustments:
        out.append(ty.p(b.t("annual.adjustments_line")))
        for a in detail.adjustments:
            out.append(ty.p(b.t("annual.adjustment_item", points=signed(a.points), reason=a.reason)))
    else:
        out.append(ty.p(b.t("annual.adjustments_none")))
    return out
