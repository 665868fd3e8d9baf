"""月度调度通报 — the monthly scheduling bulletin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder
from desktop_app.reports.data import SUBMISSION_LABELS, SUBMISSION_STATES, MonthlyBulletinData, pick


def build_monthly(data: MonthlyBulletinData, out: Path, lang: str = "zh", *,
                  fonts: F.FontSet | None = None,
                  on_progress: Callable[[int], None] | None = None) -> ReportResult:
    b = Builder(lang, fonts)
    story = monthly_story(b, data)
    title = b.t("monthly.title", period_label=b.month_label(data.period))
    return b.write(out, story, title, subject=f"PeakDesk monthly bulletin {data.period}", on_progress=on_progress)


def monthly_story(b: Builder, data: MonthlyBulletinData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    label = b.month_label(data.period)
    title = b.t("monthly.title", period_label=label)
    counts = data.submission_counts()
    story: list[Flowable] = b.header(data.meta, title)
    story.append(ty.p(b.t("monthly.intro", plan=b.plan(data.meta), period_label=label)))

    story += ty.h1(b.t("monthly.h_overview"))
    story.append(ty.p(b.t(
        "monthly.overview", end=b.date(data.end), tasks=data.tasks_total, completed=data.completed,
        in_progress=data.in_progress, delayed=data.delayed, mean=f"{data.mean_percent:.0f}",
        units=len(data.submissions), on_time=counts["on_time"], late=counts["late"],
        missing=counts["missing"], due=b.date(data.due))))

    story += ty.h1(b.t("monthly.h_submissions"))
    missing = [s.department.name(lang) for s in data.submissions if s.status == "missing"]
    sep = "、" if b.zh else ", "
    story.append(ty.p(b.t("monthly.missing_sentence", names=sep.join(missing)) if missing
                      else b.t("monthly.all_reported")))
    order = {s: i for i, s in enumerate(("missing", "late", "on_time"))}
    rows = sorted(data.submissions, key=lambda s: (order[s.status], s.department.code))
    story += b.table_caption(b.t("monthly.submissions_caption"))
    story.append(ty.table(
        b.tl("monthly.submissions_header"),
        [[i, s.department.name(lang), pick(SUBMISSION_LABELS[s.status], lang),
          s.received_at.strftime("%Y-%m-%d %H:%M") if s.received_at else "—", s.tasks]
         for i, s in enumerate(rows, 1)],
        [0.08, 0.38, 0.14, 0.28, 0.12], align="CLCCC"))
    story.append(b.figure(charts.simple_bars(
        [pick(SUBMISSION_LABELS[k], lang) for k in SUBMISSION_STATES], [counts[k] for k in SUBMISSION_STATES],
        ty.font(F.FANGSONG), colour_keys=SUBMISSION_STATES), "common.chart_submissions"))

    story += ty.h1(b.t("monthly.h_sections"))
    story += b.table_caption(b.t("monthly.sections_caption"))
    story.append(ty.table(
        b.tl("monthly.sections_header"),
        [[f"{s.number}{s.title.get(lang)}" if b.zh else s.title.get(lang), s.tasks, s.completed,
          s.in_progress, s.delayed, s.unreported, b.pct(s.mean_percent)] for s in data.sections],
        [0.38, 0.09, 0.09, 0.1, 0.08, 0.11, 0.15], align="LCCCCCC", small=True))
    story.append(b.figure(charts.stacked_bars(
        [s.title.get(lang) for s in data.sections], [("bar", "", [s.mean_percent for s in data.sections])],
        ty.font(F.FANGSONG), value_max=100, label_chars=14 if b.zh else 26), "common.chart_sections"))

    story += ty.h1(b.t("monthly.h_behind"))
    if data.behind:
        story.append(ty.p(b.t("monthly.behind_intro", count=len(data.behind))))
        story += b.table_caption(b.t("monthly.behind_caption"))
        story.append(ty.table(
            b.tl("monthly.behind_header"),
            [[t.code, t.title.get(lang), t.lead_names(lang), b.status(t.status), b.pct(t.percent),
              b.pct(t.expected)] for t in data.behind],
            [0.09, 0.41, 0.2, 0.1, 0.1, 0.1], align="CLLCCC", small=True))
    else:
        story.append(ty.p(b.t("monthly.behind_none")))

    story += ty.h1(b.t("monthly.h_requirements"))
    story.append(ty.p(b.t("monthly.requirements")))
    return b.close(story, data.meta)
