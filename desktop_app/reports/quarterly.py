"""季度预警通报 — the quarterly early-warning circular."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from desktop_app.domain.models import join_names
from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder
from desktop_app.reports.data import LEVEL_LABELS, QuarterlyCircularData, pick

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
    """The circular: figures and change since last quarter, the red-warned tasks by lead unit with
    the reason and whether the warning repeats, yellow ones in one paragraph, who has confirmed the
    correction and who has not, a dated 整改 requirement; the full lists in the attachments."""
    ty, lang = b.typo, b.lang
    label = quarter_label(b, data.quarter)
    counts = data.counts()
    total = sum(counts.values())
    story: list[Flowable] = b.header(data.meta, b.t("quarterly.title", quarter_label=label),
                                     draft=not data.published)
    story.append(ty.p(b.t("quarterly.intro", plan=b.plan(data.meta), as_of=b.date(data.as_of), approver=b.approver(data.meta))))

    story += ty.h1(b.t("quarterly.h_overview"))
    story.append(ty.p(b.t("quarterly.overview", total=total, red=counts["red"], yellow=counts["yellow"],
                          green=counts["green"])))
    if data.previous_quarter:
        story.append(ty.p(b.t("quarterly.change", previous=quarter_label(b, data.previous_quarter),
                              red=data.previous_counts.get("red", 0), yellow=data.previous_counts.get("yellow", 0))))
    depts = sorted({i.department for i in data.items if i.level != "green"},
                   key=lambda d: (-sum(1 for i in data.items if i.department == d and i.level != "green"), d.code))
    if depts:
        series = [(lv, pick(LEVEL_LABELS[lv], lang),
                   [sum(1 for i in data.items if i.department == d and i.level == lv) for d in depts])
                  for lv in ("red", "yellow")]
        story.append(b.figure(charts.stacked_bars([d.name(lang) for d in depts], series, ty.font(F.FANGSONG),
                                                  label_chars=10 if b.zh else 22), "common.chart_warnings"))

    story += ty.h1(b.t("quarterly.h_red"))
    groups = data.by_department("red")
    if not groups:
        story.append(ty.p(b.t("quarterly.level_none")))
    for n, (dept, items) in enumerate(groups.items(), 1):
        story += ty.h2(b.t("quarterly.dept_heading", n=heading_number(b, n), department=dept.name(lang),
                           count=len(items)))
        sep = "；" if b.zh else "; "
        story.append(ty.p(sep.join(
            b.t("quarterly.red_item", code=w.task_code, task=b.bi(w.task_title), reason=b.bi(w.reason))
            + (b.t("quarterly.repeated") if w.task_code in data.previous_red else "")
            for w in items) + b.t("common.sentence_end")))

    story += ty.h1(b.t("quarterly.h_yellow"))
    yellow = data.by_department("yellow")
    if yellow:
        story.append(ty.p(b.t("quarterly.yellow_units", names=join_names(
            (b.t("quarterly.unit_codes", department=d.name(lang), codes=", ".join(w.task_code for w in ws))
             for d, ws in yellow.items()), lang))))
    else:
        story.append(ty.p(b.t("quarterly.level_none")))

    story += ty.h1(b.t("quarterly.h_ack"))
    raised = [i for i in data.items if i.level != "green"]
    acked = [i for i in raised if i.acknowledged]
    story.append(ty.p(b.t("quarterly.ack_sentence", acked=len(acked), open=len(raised) - len(acked))))
    waiting = sorted({i.department for i in raised if not i.acknowledged and i.level == "red"}, key=lambda d: d.code)
    if waiting:
        story.append(ty.p(b.t("quarterly.ack_waiting", names=join_names((d.name(lang) for d in waiting), lang))))

    story += ty.h1(b.t("quarterly.h_requirements"))
    story.append(ty.p(b.t("quarterly.requirements", date=b.date(data.correct_by or data.meta.date))))

    attachments = []
    for level, key in (("red", "quarterly.annex_red"), ("yellow", "quarterly.annex_yellow")):
        items = [w for w in data.items if w.level == level]
        if items:
            attachments.append((b.t(key), [warning_table(b, data, items)]))
    return b.close(story, data.meta, attachments)


def warning_table(b: Builder, data: QuarterlyCircularData, items: list) -> Flowable:  # type: ignore[type-arg]
    lang = b.lang
    rows = [[w.task_code, b.bi(w.task_title), w.department.name(lang), b.bi(w.reason),
             b.t("quarterly.yes") if w.task_code in data.previous_red else "",
             (b.t("quarterly.acknowledged") + (f"：{w.ack_note}" if b.zh and w.ack_note else
                                                (f": {w.ack_note}" if w.ack_note else "")))
             if w.acknowledged else b.t("quarterly.not_acknowledged")] for w in items]
    return b.typo.table(b.tl("quarterly.list_header"), rows, [0.07, 0.24, 0.16, 0.33, 0.08, 0.12],
                        align="CLLLCC", small=True)
