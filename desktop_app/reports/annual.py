"""年度考核结果通报 — the annual assessment: results table, units named by grade, short notes per unit,
and the per-department details as tables in the attachments (compact: 40 units in about 10 pages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable

from desktop_app.domain.models import Role, join_names
from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder, code_key, num, signed
from desktop_app.reports.data import GRADE_LABELS, GRADES, AnnualReportData, AssessmentRow, pick
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
    story: list[Flowable] = b.header(data.meta, b.t("annual.title", year=data.year), draft=not data.locked)
    story.append(ty.p(b.t("annual.intro", plan=b.plan(data.meta), as_of=b.date(data.as_of), approver=b.approver(data.meta), year=data.year)))

    story += ty.h1(b.t("annual.h_overview"))
    story.append(ty.p(b.t("annual.overview", units=len(data.rows), **{g: grades[g] for g in GRADES})))
    for g in GRADES:
        named = [r for r in data.rows if r.grade == g]
        if named and g in ("excellent", "fail"):
            story.append(ty.p(b.t(f"annual.named_{g}", names=join_names(
                (r.department.name(lang) for r in named), lang))))
    story += b.table_caption(b.t("annual.scores_caption"))
    story.append(score_table(b, data))
    notes = [] if b.zh else [b.t("annual.scores_note")]
    if any(r.evaluation is None for r in data.rows):
        notes.append("* " + b.t("annual.evaluation_missing"))
    for note in notes:
        story.append(ty.p(note, "body_noindent"))
    story.append(b.figure(charts.simple_bars([pick(GRADE_LABELS[g], lang) for g in GRADES],
                                             [grades[g] for g in GRADES], ty.font(F.FANGSONG),
                                             colour_keys=GRADES), "common.chart_grades"))

    story += ty.h1(b.t("annual.h_details"))
    n = 0
    for g in GRADES:
        rows = [r for r in data.rows if r.grade == g]
        if not rows:
            continue
        n += 1
        story += ty.h2(b.t("annual.grade_heading", n=heading_number(b, n), grade=pick(GRADE_LABELS[g], lang),
                           count=len(rows)))
        sep = "、" if b.zh else "; "
        story.append(ty.p(b.t("annual.grade_units", units=sep.join(r.department.name(lang) for r in rows),
                              low=num(min(r.total for r in rows), data.decimals),
                              high=num(max(r.total for r in rows), data.decimals))))
        issues = [text for r in rows if (text := unit_issues(b, data, r))] if g in ("pass", "fail") else []
        if issues:
            story.append(ty.p(b.t("annual.grade_issues", issues=("；" if b.zh else "; ").join(issues))))

    story += ty.h1(b.t("annual.h_signature"))
    story.append(ty.p(b.t("annual.signature_text")))
    attachments = [(b.t("annual.annex_details"), [detail_table(b, data)])]
    return b.close(story, data.meta, attachments)


def unit_issues(b: Builder, data: AnnualReportData, r: AssessmentRow) -> str:
    """What cost a unit points, in one clause ("" when nothing did)."""
    lang = b.lang
    d = data.details.get(r.department.code)
    if d is None:
        return ""
    parts = []
    late = sum(1 for x in d.reporting if x.status == "late")
    missing = sum(1 for x in d.reporting if x.status == "missing")
    red = sum(1 for _q, w in d.warnings if w.level == "red")
    yellow = sum(1 for _q, w in d.warnings if w.level == "yellow")
    behind = [t for t in d.tasks if t.role is Role.LEAD and t.status is not None and t.status.value == "delayed"]
    if late:
        parts.append(b.t("annual.issue_late", n=late))
    if missing:
        parts.append(b.t("annual.issue_missing", n=missing))
    if red:
        parts.append(b.t("annual.issue_red", n=red))
    if yellow:
        parts.append(b.t("annual.issue_yellow", n=yellow))
    if behind:
        parts.append(b.t("annual.issue_delayed", codes=", ".join(t.code for t in behind[:4]), n=len(behind[:4])))
    for a in d.adjustments:
        parts.append(b.t("annual.adjustment_item", points=signed(a.points), reason=a.reason))
    if not parts:
        return ""
    return b.t("annual.issue_unit", department=r.department.name(lang),
               issues=("、" if b.zh else ", ").join(parts))


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
                        [0.07, 0.27, 0.09, 0.08, 0.08, 0.08, 0.09, 0.1, 0.14] if b.zh else
                        [0.07, 0.35, 0.08, 0.07, 0.08, 0.07, 0.07, 0.08, 0.13],
                        align="CLCCCCCCC", small=True, row_styles=styles)


def detail_table(b: Builder, data: AnnualReportData) -> Flowable:
    """附件: per unit, in rank order: reporting record, warnings, adjustments, and its tasks (lead
    tasks with status and percent, cooperating tasks by code)."""
    lang = b.lang
    sep = "；" if b.zh else "; "
    rows: list[list[object]] = []
    for r in data.rows:
        d = data.details.get(r.department.code)
        if d is None:
            rows.append([r.rank, r.department.name(lang), "—", "—", "—", "—", "—"])
            continue
        on_time = sum(1 for x in d.reporting if x.status == "on_time")
        late = sum(1 for x in d.reporting if x.status == "late")
        missing = sum(1 for x in d.reporting if x.status == "missing")
        red = sum(1 for _q, w in d.warnings if w.level == "red")
        yellow = sum(1 for _q, w in d.warnings if w.level == "yellow")
        adjust = sep.join(f"{signed(a.points)} {a.reason}" for a in d.adjustments) or "—"
        tasks = sorted(d.tasks, key=lambda t: code_key(t.code))
        lead = sep.join(f"{t.code} {b.status(t.status)} {b.pct(t.percent)}" for t in tasks if t.role is Role.LEAD) or "—"
        coop = ("、" if b.zh else ", ").join(t.code for t in tasks if t.role is not Role.LEAD) or "—"
        rows.append([r.rank, r.department.name(lang), f"{on_time}/{late}/{missing}", f"{red}/{yellow}",
                     adjust, lead, coop])
    widths = [0.07, 0.16, 0.1, 0.08, 0.1, 0.31, 0.18] if b.zh else [0.07, 0.22, 0.1, 0.09, 0.1, 0.27, 0.15]
    return b.typo.table(b.tl("annual.annex_details_header"), rows, widths,
                        align="CLCCLLL", small=True)
