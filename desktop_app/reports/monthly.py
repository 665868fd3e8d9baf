"""月度调度通报 — the monthly scheduling bulletin.

The body says what a leader needs in words: the month's figures and their change since last month;
who reported on time, who did not (by name, with the 补报 date) and who has been late several
times this year; the red tasks in the bureaus' own words (progress, problems, next steps) with the
整改 date; the tables (submissions, sections, all tasks behind schedule) are in the attachments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from desktop_app.domain.models import join_names
from desktop_app.domain.results import ReportResult
from desktop_app.reports import charts
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder, code_key, num
from desktop_app.reports.data import SUBMISSION_LABELS, MonthlyBulletinData, TaskLine, pick
from desktop_app.reports.quarterly import heading_number


def build_monthly(data: MonthlyBulletinData, out: Path, lang: str = "zh", *,
                  fonts: F.FontSet | None = None,
                  on_progress: Callable[[int], None] | None = None) -> ReportResult:
    b = Builder(lang, fonts)
    story = monthly_story(b, data)
    title = b.t("monthly.title", period_label=b.month_label(data.period))
    return b.write(out, story, title, subject=f"PeakDesk monthly bulletin {data.period}", on_progress=on_progress)


def red_tasks(data: MonthlyBulletinData) -> list[TaskLine]:
    return data.red()


def monthly_story(b: Builder, data: MonthlyBulletinData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    label = b.month_label(data.period)
    title = b.t("monthly.title", period_label=label)
    counts = data.submission_counts()
    story: list[Flowable] = b.header(data.meta, title)
    story.append(ty.p(b.t("monthly.intro", plan=b.plan(data.meta), period_label=label)))

    # 一、总体情况 — the figures and their change since last month
    story += ty.h1(b.t("monthly.h_overview"))
    story.append(ty.p(b.t(
        "monthly.overview", end=b.date(data.end), tasks=data.tasks_total, completed=data.completed,
        in_progress=data.in_progress, delayed=data.delayed, mean=num(data.mean_percent, 1),
        units=len(data.submissions), on_time=counts["on_time"], late=counts["late"],
        missing=counts["missing"], due=b.date(data.due))))
    if data.previous_mean is not None and data.previous_label:
        change = data.mean_percent - data.previous_mean
        story.append(ty.p(b.t(
            "monthly.change", previous=b.month_label(data.previous_label), points=f"{abs(change):.1f}",
            direction=b.t("monthly.up" if change >= 0 else "monthly.down"),
            completed=data.completed - (data.previous_completed or 0))))

    # 二、进展报送情况 — by name, with the 补报 date; repeatedly late units; units to commend
    story += ty.h1(b.t("monthly.h_submissions"))
    late = [s.department.name(lang) for s in data.submissions if s.status == "late"]
    missing = [s.department.name(lang) for s in data.submissions if s.status == "missing"]
    if late:
        story.append(ty.p(b.t("monthly.late_sentence", names=join_names(late, lang), count=len(late))))
    if missing:
        story.append(ty.p(b.t("monthly.missing_sentence", names=join_names(missing, lang), count=len(missing),
                              date=b.date(data.remedy_by or data.meta.date))))
    if not late and not missing:
        story.append(ty.p(b.t("monthly.all_reported")))
    names = {s.department.code: s.department.name(lang) for s in data.submissions}
    repeated = sorted(((n, c) for c, n in data.late_counts.items() if n >= data.repeatedly_late and c in names),
                      key=lambda x: -x[0])
    if repeated:
        listed = join_names((b.t("monthly.unit_times", department=names[c], n=n) for n, c in repeated), lang)
        story.append(ty.p(b.t("monthly.repeated_late", months=data.months_in_year, times=data.repeatedly_late,
                              names=listed)))
    delayed_leads = {d.code for t in data.behind for d in t.lead}
    good = [s.department.name(lang) for s in data.submissions
            if s.status == "on_time" and not data.late_counts.get(s.department.code)
            and s.department.code not in delayed_leads]
    if good:
        story.append(ty.p(b.t("monthly.commend", names=join_names(good, lang), count=len(good))))

    # 三、重点任务推进情况 — the red tasks in the bureaus' own words
    story += ty.h1(b.t("monthly.h_behind"))
    reds = red_tasks(data)
    if data.behind:
        story.append(ty.p(b.t("monthly.behind_intro", count=len(data.behind), red=len(reds))))
        for n, t in enumerate(reds, 1):
            story += ty.h2(b.t("monthly.red_heading", n=heading_number(b, n), code=t.code,
                               task=b.bi(t.title), lead=t.lead_names(lang)))
            story.append(ty.p(red_task_text(b, data, t)))
    else:
        story.append(ty.p(b.t("monthly.behind_none")))

    # 四、下步工作要求 — with the 整改 date
    story += ty.h1(b.t("monthly.h_requirements"))
    story.append(ty.p(b.t("monthly.requirements")))
    if data.behind:
        story.append(ty.p(b.t("monthly.correction", date=b.date(data.correct_by or data.meta.date))))

    attachments = [(b.t("monthly.submissions_caption"), [submissions_table(b, data)]),
                   (b.t("monthly.sections_caption"), sections_annex(b, data))]
    if data.behind:
        attachments.append((b.t("monthly.behind_caption"), [behind_table(b, data)]))
    return b.close(story, data.meta, attachments)


def red_task_text(b: Builder, data: MonthlyBulletinData, t: TaskLine) -> str:
    parts = [b.t("monthly.red_figures", actual=b.pct(t.percent), expected=b.pct(t.expected))]
    before = data.previous_percent.get(t.code)
    if before is not None and t.percent is not None:
        change = round(t.percent - before)
        parts.append(b.t("monthly.red_change", points=f"{change:+d}") if change else b.t("monthly.red_same"))
    if data.red_tasks.get(t.code, 0) >= 2:
        parts.append(b.t("monthly.red_repeat", n=data.red_tasks[t.code]))
    out = (b.t("common.clause_sep")).join(parts) + b.t("common.sentence_end")
    for key, text in (("monthly.quote_progress", t.narrative), ("monthly.quote_problems", t.problems),
                      ("monthly.quote_next", t.next_steps)):
        if text:
            out += b.t(key, text=" ".join(text.split())) + b.chinese_mark(text)
    if not (t.narrative or t.problems):
        out += b.t("monthly.quote_none")
    return out


def submissions_table(b: Builder, data: MonthlyBulletinData) -> Flowable:
    lang = b.lang
    order = {s: i for i, s in enumerate(("missing", "late", "on_time"))}
    rows = sorted(data.submissions, key=lambda s: (order[s.status], s.department.code))
    return b.typo.table(
        b.tl("monthly.submissions_header"),
        [[i, s.department.name(lang), pick(SUBMISSION_LABELS[s.status], lang),
          s.received_at.strftime("%m-%d %H:%M") if s.received_at else "—",
          data.late_counts.get(s.department.code, 0), s.tasks]
         for i, s in enumerate(rows, 1)],
        [0.07, 0.41, 0.11, 0.17, 0.14, 0.1], align="CLCCCC", small=True)


def sections_annex(b: Builder, data: MonthlyBulletinData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    table = ty.table(
        b.tl("monthly.sections_header"),
        [[f"{s.number}{s.title.get(lang)}" if b.zh else b.bi(s.title), s.tasks, s.completed,
          s.in_progress, s.delayed, s.unreported, b.pct(s.mean_percent)] for s in data.sections],
        [0.38, 0.09, 0.09, 0.1, 0.08, 0.11, 0.15], align="LCCCCCC", small=True)
    chart = b.figure(charts.stacked_bars(
        [s.title.get(lang) for s in data.sections], [("bar", "", [s.mean_percent for s in data.sections])],
        ty.font(F.FANGSONG), value_max=100, label_chars=14 if b.zh else 26), "common.chart_sections")
    return [table, chart]


def behind_table(b: Builder, data: MonthlyBulletinData) -> Flowable:
    lang = b.lang
    rows = []
    for t in sorted(data.behind, key=lambda t: code_key(t.code)):
        before = data.previous_percent.get(t.code)
        change = "—" if before is None or t.percent is None else f"{t.percent - before:+.0f}"
        rows.append([t.code, b.bi(t.title), t.lead_names(lang), b.status(t.status), b.pct(t.percent),
                     b.pct(t.expected), change])
    return b.typo.table(b.tl("monthly.behind_header"), rows, [0.08, 0.36, 0.18, 0.1, 0.09, 0.09, 0.1],
                        align="CLLCCCC", small=True)
