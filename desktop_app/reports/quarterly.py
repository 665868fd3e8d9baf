"""季度预警通报 — the quarterly early-warning circular."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder
from desktop_app.reports.data import LEVEL_LABELS, LEVELS, QuarterlyCircularData, pick
from desktop_app.reports.gbt9704 import LINE

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (for （一） headings)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CHINESE_NUMERALS[tens - 1]) + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def heading_number(b: Builder, n: int) -> str:
    return chinese_number(n) if b.zh else str(n)


def quarter_label(b: Builder, code: str) -> str:
    year, q = code.upper().split("Q")
    return b.t("quarterly.quarter_label", year=year, q=q)


def build_quarterly(data: QuarterlyCircularData, out: Path, lang: str = "zh", *, fonts: F.FontSet | None = None,
                    on_progress: Callable[[int], None] | None = None) -> ReportResult:
    b = Builder(lang, fonts)
    story = quarterly_story(b, data)
    title = b.t("quarterly.title", quarter_label=quarter_label(b, data.quarter))
    return b.write(out, story, title, subject=f"PeakDesk early-warning circular {data.quarter}",
                   on_progress=on_progress)


def quarterly_story(b: Builder, data: QuarterlyCircularData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    label = quarter_label(b, data.quarter)
    counts = data.counts()
    total = sum(counts.values())
    story: list[Flowable] = b.header(data.meta, b.t("quarterly.title", quarter_label=label))
    if not data.published:
        story.append(ty.p(b.t("quarterly.draft_note"), "center"))
    story.append(ty.p(b.t("quarterly.intro", plan=b.plan(data.meta), as_of=b.date(data.as_of))))

    story += ty.h1(b.t("quarterly.h_overview"))
    story.append(ty.p(b.t("quarterly.overview", total=total, red=counts["red"], yellow=counts["yellow"],
                          green=counts["green"])))
    story += b.table_caption(b.t("quarterly.counts_caption"))
    level_colours = {"red": colors.Color(1, 0.85, 0.85), "yellow": colors.Color(1, 0.95, 0.75),
                     "green": colors.Color(0.85, 0.95, 0.85)}
    story.append(ty.table(
        b.tl("quarterly.counts_header"),
        [[pick(LEVEL_LABELS[lv], lang), counts[lv], f"{100 * counts[lv] / total:.1f}%" if total else "—"]
         for lv in LEVELS],
        [0.4, 0.3, 0.3], align="CCC",
        row_styles=[("BACKGROUND", (0, i), (0, i), level_colours[lv]) for i, lv in enumerate(LEVELS, 1)]))

    for level, heading in (("red", "quarterly.h_red"), ("yellow", "quarterly.h_yellow")):
        story += ty.h1(b.t(heading))
        groups = data.by_department(level)
        if not groups:
            story.append(ty.p(b.t("quarterly.level_none")))
            continue
        for n, (dept, items) in enumerate(groups.items(), 1):
            story += ty.h2(b.t("quarterly.dept_heading", n=heading_number(b, n), department=dept.name(lang),
                               count=len(items)))
            story.append(ty.table(
                b.tl("quarterly.list_header"),
                [[w.task_code, w.task_title.get(lang), ("、" if b.zh else "; ").join(
                    d.name(lang) for d in w.cooperating) or "—", w.reason.get(lang),
                  b.t("quarterly.acknowledged") if w.acknowledged else ""] for w in items],
                [0.09, 0.36, 0.2, 0.25, 0.1], align="CLLLC", small=True))
            story.append(Spacer(1, LINE * 0.4))

    story += ty.h1(b.t("quarterly.h_chart"))
    depts = sorted({i.department for i in data.items if i.level != "green"},
                   key=lambda d: (-sum(1 for i in data.items if i.department == d and i.level != "green"), d.code))
    series = [(lv, pick(LEVEL_LABELS[lv], lang),
               [sum(1 for i in data.items if i.department == d and i.level == lv) for d in depts])
              for lv in ("red", "yellow")]
    if depts:
        story.append(b.figure(charts.stacked_bars([d.name(lang) for d in depts], series, ty.font(F.FANGSONG),
                                                  label_chars=10 if b.zh else 22), "common.chart_warnings"))
    else:
        story.append(ty.p(b.t("quarterly.level_none")))

    story += ty.h1(b.t("quarterly.h_ack"))
    raised = [i for i in data.items if i.level != "green"]
    acked = [i for i in raised if i.acknowledged]
    story.append(ty.p(b.t("quarterly.ack_sentence", acked=len(acked), open=len(raised) - len(acked))))
    if acked:
        story.append(ty.table(
            b.tl("quarterly.ack_header"),
            [[w.task_code, w.department.name(lang), pick(LEVEL_LABELS[w.level], lang), w.ack_note or "—"]
             for w in acked],
            [0.12, 0.33, 0.15, 0.4], align="CLCL", small=True))
    else:
        story.append(ty.p(b.t("quarterly.ack_none")))

    story += ty.h1(b.t("quarterly.h_requirements"))
    story.append(ty.p(b.t("quarterly.requirements")))
    return b.close(story, data.meta)
