"""Gather report data from the database and build the PDF or Excel file (one use case per report).

The figures come from the same services the screens use — submission status (``submission_status``),
warnings (``compute_warnings``: the published snapshot when there is one), the assessment
(``run_assessment``: the locked snapshot when there is one) and the plan facts (latest progress,
expected progress) — so a printed report never disagrees with the GUI or the CLI. Everything is
computed *as of* the report date (the demo's pinned today by default), never the wall clock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.config import load_rules
from desktop_app.domain.calendar import HolidayCalendar, parse_period_code
from desktop_app.domain.models import DeptRef, PeriodKind, Role, Status
from desktop_app.domain.results import ReportResult
from desktop_app.domain.warnings import RuleSet
from desktop_app.errors import PeakDeskError, UsageError
from desktop_app.messages import msg
from desktop_app.reports import data as rd
from desktop_app.reports.common import code_key
from desktop_app.reports.docnumber import validate_doc_number
from desktop_app.reports.texts import load_texts
from desktop_app.services import compute_warnings, read_models, report_settings, run_assessment
from desktop_app.services.clock import today
from desktop_app.services.plan_facts import PlanFacts, quarters_of_year
from desktop_app.services.submission_status import period_status
from desktop_app.store import monitoring
from desktop_app.store import periods as store_periods

# A task is "behind schedule" in the bulletin when it is reported as delayed or at least as many points
# behind its expected progress as the lowest enabled `behind` rule of warning_rules.toml.


@dataclass
class ReportOptions:
    """What the coordinator may set on any report: issuing body, document number, date."""

    issuer_zh: str = ""
    issuer_en: str = ""
    doc_number: str = ""
    date: dt.date | None = None
    sealed: bool | None = None         # this report's seal choice; None: the office setting for its kind


def _plan_row(db: sqlite_utils.Database, plan_id: int) -> dict[str, Any]:
    row = db.execute("SELECT title_zh, title_en, region FROM plan WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise UsageError(msg("core.store.no_plan", plan=plan_id))
    return {"title_zh": row[0], "title_en": row[1], "region": row[2]}


_PLACE_WORDS = ("District", "County", "City", "Province", "Municipality", "New Area", "Prefecture")


def english_region(title_en: str) -> str:
    """The place an English plan title names: "Jiading District Carbon Peak …" → "Jiading District"."""
    words = (title_en or "").split()
    for i, w in enumerate(words):
        if w.strip(",") in _PLACE_WORDS and i > 0:
            return " ".join(words[: i + 1]).strip(",")
    return ""


def report_meta(db: sqlite_utils.Database, plan_id: int, opts: ReportOptions | None = None,
                kind: str = "") -> rd.ReportMeta:
    """The document frame from the desk's report settings (services.report_settings), the plan and
    the shipped texts; options given for one report (issuer, number, date, seal) win."""
    opts = opts or ReportOptions()
    plan = _plan_row(db, plan_id)
    desk = report_settings.get_settings(db)
    zh, en = load_texts("zh"), load_texts("en")
    region_en = desk.district_en or english_region(plan["title_en"]) or plan["region"]
    sealed = opts.sealed if opts.sealed is not None else report_settings.is_sealed(desk, kind)
    issuer_zh = opts.issuer_zh or desk.issuer_zh or zh.t("common.issuer", region=plan["region"]).strip()
    issuer_en = opts.issuer_en or desk.issuer_en or en.t("common.issuer", region=region_en).strip()
    doc_number = validate_doc_number(opts.doc_number, desk.abbreviation)

    def pair(zh_value: str, en_value: str, key: str) -> rd.Bilingual:
        return rd.Bilingual(zh_value or (zh.t(key) if key else ""), en_value or (en.t(key) if key else ""))

    return rd.ReportMeta(plan_title=rd.Bilingual(plan["title_zh"], plan["title_en"]),
                         issuer=rd.Bilingual(issuer_zh, issuer_en), date=opts.date or today(db),
                         doc_number=doc_number, region=rd.Bilingual(plan["region"], region_en),
                         recipients=pair(desk.recipients_zh, desk.recipients_en, "common.recipients"),
                         cc=pair(desk.cc_zh, desk.cc_en, "common.cc"),
                         printer=pair(desk.printer_zh, desk.printer_en, "common.printer"),
                         note=pair(desk.note_zh, desk.note_en, "common.note"),
                         contact=pair(desk.contact_zh, desk.contact_en, ""), sealed=sealed)


def printed_defaults(db: sqlite_utils.Database) -> dict[str, str]:
    """What the documents print where an office setting is left empty (the newest plan's region and the
    shipped texts), keyed like ``ReportSettings``: the settings dialog shows these greyed in its fields."""
    row = db.execute("SELECT title_en, region FROM plan WHERE translation_of IS NULL ORDER BY id DESC LIMIT 1"
                     ).fetchone()
    title_en, region_zh = (row[0] or "", row[1] or "") if row else ("", "")
    region_en = english_region(title_en) or region_zh
    zh, en = load_texts("zh"), load_texts("en")
    out = {"issuer_zh": zh.t("common.issuer", region=region_zh).strip(),
           "issuer_en": en.t("common.issuer", region=region_en).strip(), "district_en": region_en}
    for field, key in (("recipients", "common.recipients"), ("cc", "common.cc"), ("printer", "common.printer"),
                       ("note", "common.note")):
        out[f"{field}_zh"], out[f"{field}_en"] = zh.t(key), en.t(key)
    return out


# -- task lines ----------------------------------------------------------------------------------
def _sections(db: sqlite_utils.Database, plan_id: int) -> dict[int, tuple[int, str, rd.Bilingual]]:
    """task id → (section seq, number, title) of the section that holds it."""
    rows = db.execute(
        "SELECT t.id, COALESCE(s.seq, 9999), COALESCE(s.number, ''), COALESCE(s.title_zh, ''), "
        "COALESCE(s.title_en, '') FROM task t LEFT JOIN section s ON s.id = t.section_id WHERE t.plan_id = ?",
        [plan_id]).fetchall()
    return {r[0]: (r[1], r[2], rd.Bilingual(r[3], r[4])) for r in rows}


def _texts_of_current(db: sqlite_utils.Database,
                      plan_id: int) -> dict[tuple[int, int, int], tuple[int, str, str, str]]:
    """(task, department, period) → version, narrative, problems, next steps of the current version."""
    rows = db.execute(
        "SELECT p.task_id, p.department_id, p.period_id, p.version, p.narrative, p.problems, p.next_steps "
        "FROM progress p JOIN task t ON t.id = p.task_id WHERE t.plan_id = ? AND p.is_current = 1",
        [plan_id]).fetchall()
    return {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}


def _texts_of(db: sqlite_utils.Database, texts: dict[tuple[int, int, int], tuple[int, str, str, str]],
              key: tuple[int, int, int], version: int | None) -> tuple[str, str, str]:
    """The texts of the version the figures come from: the current one, or (when a newer version
    arrived after the as-of date) that earlier version, looked up on its own."""
    found = texts.get(key)
    if found is not None and (version is None or found[0] == version):
        return found[1], found[2], found[3]
    row = db.execute("SELECT narrative, problems, next_steps FROM progress WHERE task_id = ? AND "
                     "department_id = ? AND period_id = ? AND version = ?", [*key, version]).fetchone()
    return (row[0], row[1], row[2]) if row else ("", "", "")


def _target_texts(facts: PlanFacts, task_id: int) -> tuple[list[str], list[str], list[str]]:
    texts, units, values = [], [], []
    for t in facts.targets.get(task_id, []):
        value = "" if t.value is None else f"{t.value:g}"
        units.append(t.unit)
        values.append(value)
        year = f"（{t.year}年）" if t.year else ""
        texts.append(f"{t.metric} {value}{t.unit}{year}".strip())
    return texts, units, values


def task_lines(db: sqlite_utils.Database, facts: PlanFacts, on: dt.date, as_of: dt.date,
               dept_id: int | None = None) -> dict[int, rd.TaskLine]:
    """Every task (or a department's tasks) with its current progress measured on ``on``.

    The status and percent are the services' one definition (``read_models.current_progress``: the
    lead unit's latest report, else no data). A department's own sheet shows the department's own
    latest entry, falling back to the task's current (lead's) one.
    """
    sections = _sections(db, facts.plan.id)
    texts = _texts_of_current(db, facts.plan.id)
    current = read_models.current_progress(facts, on, as_of)
    out: dict[int, rd.TaskLine] = {}
    for task_id, task in sorted(facts.tasks.items(), key=lambda kv: kv[1].seq):
        leads = facts.holders(task_id, Role.LEAD)
        coops = facts.holders(task_id, Role.COOPERATING)
        role = None
        cur = current[task_id]
        reporter, period_id, version = cur.reporter_id, cur.period_id, cur.version
        status, percent, indicator = cur.status_enum, cur.percent, cur.indicator
        if dept_id is not None:
            if dept_id not in leads and dept_id not in coops:
                continue
            role = Role.LEAD if dept_id in leads else Role.COOPERATING
            own = facts.latest(task_id, dept_id, on, as_of)
            if own is not None:
                reporter, period_id, version = dept_id, own.period_id, own.version
                status, percent, indicator = Status(own.status), own.percent, own.indicator
        targets, units, values = _target_texts(facts, task_id)
        _seq, number, title = sections.get(task_id, (9999, "", rd.Bilingual("")))
        narrative, problems, next_steps = ("", "", "")
        if period_id is not None and reporter is not None:
            narrative, problems, next_steps = _texts_of(db, texts, (task_id, reporter, period_id), version)
        out[task_id] = rd.TaskLine(
            code=task.code, title=rd.Bilingual(task.title_zh, task.title_en),
            section=rd.Bilingual(f"{number}{title.zh}", title.en), role=role,
            lead=[facts.dept(d) for d in leads], cooperating=[facts.dept(d) for d in coops],
            targets=targets, units=units, target_values=values, start=facts.start_of(task_id), due=task.due,
            period=facts.periods[period_id].code if period_id is not None else "",
            status=status, percent=percent,
            expected=facts.expectation(task_id, on).percent, indicator=indicator,
            narrative=narrative, problems=problems, next_steps=next_steps)
    return out


def _as_of(db: sqlite_utils.Database, opts: ReportOptions | None) -> dt.date:
    return (opts.date if opts and opts.date else None) or today(db)


def _month(code: str) -> tuple[str, dt.date, dt.date]:
    try:
        period = parse_period_code(code, HolidayCalendar())
    except ValueError as exc:
        raise UsageError(msg("core.not_a_month", code=code)) from exc
    if period.kind is not PeriodKind.MONTH:
        raise UsageError(msg("core.not_a_month", code=code))
    return period.code, period.start, period.end


# -- gatherers -------------------------------------------------------------------------------------
def gather_monthly(db: sqlite_utils.Database, plan_id: int, period_code: str,
                   opts: ReportOptions | None = None) -> rd.MonthlyBulletinData:
    code, start, end = _month(period_code)
    as_of = _as_of(db, opts)
    status = period_status(db, plan_id, code)
    facts = PlanFacts.load(db, plan_id)
    lines = list(task_lines(db, facts, end, as_of).values())
    by_code = {ref.code: ref for ref, _kind in facts.depts.values()}
    subs = [rd.SubmissionRow(by_code.get(d.department, DeptRef(d.department, d.department_name)), d.status,
                             dt.datetime.fromisoformat(d.received_at) if d.received_at else None, d.tasks)
            for d in status.departments]
    # the one section roll-up (the dashboard shows the same figures): every section holding tasks
    # directly, with the tasks of its sub-sections counted in
    current = read_models.current_progress(facts, end, as_of)
    sections = [rd.SectionProgress(
        "", rd.Bilingual(f"{f.number}{f.title_zh}", f.title_en), f.tasks, completed=f.completed,
        in_progress=f.counts[Status.IN_PROGRESS.value], delayed=f.counts[Status.DELAYED.value],
        not_started=f.counts[Status.NOT_STARTED.value], unreported=f.no_data, mean_percent=f.mean_percent)
        for f in read_models.section_figures(facts, current) if f.direct_tasks]
    rules = load_rules()
    threshold = behind_threshold(rules)
    behind = [t for t in lines if t.status is not Status.COMPLETED
              and (t.status is Status.DELAYED
                   or (threshold is not None and t.behind_by is not None and t.behind_by >= threshold))]
    behind.sort(key=lambda t: (-(t.behind_by or 0), code_key(t.code)))
    overall = list(current.values())
    data = rd.MonthlyBulletinData(
        report_meta(db, plan_id, opts, "monthly"), code, start, end, status.period.due, subs, sections, behind,
        tasks_total=len(lines), completed=_count(lines, Status.COMPLETED),
        in_progress=_count(lines, Status.IN_PROGRESS), delayed=_count(lines, Status.DELAYED),
        mean_percent=read_models.mean_percent(overall), red_behind_points=rules.red_behind_threshold(),
        repeatedly_late=rules.repeatedly_late)
    _monthly_context(db, plan_id, facts, data, as_of)
    return data


# Working days a bulletin gives for 补报 (late reports) and for written 整改 measures.
REMEDY_WORKING_DAYS = 3
CORRECTION_WORKING_DAYS = 10


def _add_working_days(cal: HolidayCalendar, day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


def _monthly_context(db: sqlite_utils.Database, plan_id: int, facts: PlanFacts, data: rd.MonthlyBulletinData,
                     as_of: dt.date) -> None:
    """What a leader compares: last month's figures, the year's late record, repeated red warnings,
    and concrete dates for 补报 and 整改 counted in working days from the bulletin's date."""
    prev_end = data.start - dt.timedelta(days=1)
    prev_code = f"{prev_end.year}-{prev_end.month:02d}"
    previous = list(task_lines(db, facts, prev_end, as_of).values())
    if previous:
        data.previous_label = prev_code
        data.previous_mean = read_models.mean_percent(list(read_models.current_progress(facts, prev_end, as_of).values()))
        data.previous_completed = _count(previous, Status.COMPLETED)
        data.previous_percent = {t.code: t.percent for t in previous}
    months = [f"{data.end.year}-{m:02d}" for m in range(1, data.end.month + 1)]
    late: dict[str, int] = defaultdict(int)
    counted = 0
    for month in months:
        try:
            st = period_status(db, plan_id, month)
        except PeakDeskError:          # a month before the plan's first period
            continue
        counted += 1
        for d in st.departments:
            if d.status in ("late", "missing"):
                late[d.department] += 1
    data.late_counts = dict(late)
    data.months_in_year = counted
    red: dict[str, int] = defaultdict(int)
    for q in range(1, (data.end.month - 1) // 3 + 2):
        try:
            result = compute_warnings.compute(db, plan_id, f"{data.end.year}Q{q}", as_of)
        except PeakDeskError:
            continue
        for w in result.warnings:
            if w.level == "red":
                red[w.task_code] += 1
    data.red_tasks = dict(red)
    cal = store_periods.calendar(db)
    data.remedy_by = _add_working_days(cal, data.meta.date, REMEDY_WORKING_DAYS)
    data.correct_by = _add_working_days(cal, data.meta.date, CORRECTION_WORKING_DAYS)


def behind_threshold(rules: RuleSet) -> float | None:
    """The bulletin lists a task as behind schedule from the smallest ``min_points`` of the enabled
    "behind" rules of the warning rule file (the yellow line); None when no such rule is enabled."""
    return rules.behind_threshold()


def _count(lines: list[rd.TaskLine], status: Status) -> int:
    return sum(1 for t in lines if t.status is status)


def _warning_item(w: Any) -> rd.WarningItem:
    return rd.WarningItem(w.task_code, rd.Bilingual(w.title_zh, w.title_en), w.department, w.level, w.rule,
                          rd.Bilingual(w.reason_zh, w.reason_en), cooperating=list(w.cooperating),
                          acknowledged=w.acknowledged, ack_note=w.ack_note)


def gather_quarterly(db: sqlite_utils.Database, plan_id: int, quarter: str,
                     opts: ReportOptions | None = None) -> rd.QuarterlyCircularData:
    result = compute_warnings.compute(db, plan_id, quarter, _as_of(db, opts))
    data = rd.QuarterlyCircularData(report_meta(db, plan_id, opts, "quarterly"), result.quarter, result.as_of,
                                    [_warning_item(w) for w in result.warnings], published=result.published)
    year, q = (int(x) for x in result.quarter.upper().split("Q"))
    previous = f"{year}Q{q - 1}" if q > 1 else f"{year - 1}Q4"
    try:
        before = compute_warnings.compute(db, plan_id, previous, _as_of(db, opts))
    except PeakDeskError:            # before the plan's first quarter
        before = None
    if before is not None:
        data.previous_quarter = previous
        data.previous_counts = dict(before.counts)
        data.previous_red = {w.task_code for w in before.warnings if w.level == "red"}
    data.correct_by = _add_working_days(store_periods.calendar(db), data.meta.date, CORRECTION_WORKING_DAYS)
    return data


def gather_annual(db: sqlite_utils.Database, plan_id: int, year: int,
                  opts: ReportOptions | None = None) -> rd.AnnualReportData:
    as_of = _as_of(db, opts)
    result = run_assessment.compute(db, plan_id, year, as_of)
    facts = PlanFacts.load(db, plan_id)
    measured = result.measured_on
    dept_ids = {facts.dept(d).code: d for d in facts.assessed_departments()}
    lines = task_lines(db, facts, measured, result.as_of)
    # warnings of every quarter of the year that has ended or been published, as the scores counted them
    counted = {q["quarter"] for q in result.quarters}
    warnings_by_dept: dict[str, list[tuple[str, rd.WarningItem]]] = defaultdict(list)
    for q in quarters_of_year(year):
        if q.code not in counted:
            continue
        for w in compute_warnings.compute(db, plan_id, q.code, result.as_of).warnings:
            if w.level != "green":
                warnings_by_dept[w.department.code].append((q.code, _warning_item(w)))
    evaluations = monitoring.evaluations(db, plan_id, year)
    adjustments: dict[int, list[rd.Adjustment]] = defaultdict(list)
    for adj in monitoring.adjustments(db, plan_id, year):
        adjustments[adj.department_id].append(rd.Adjustment(adj.points, adj.reason))
    reporting_periods = [p for p in facts.reporting_periods(dt.date(year, 1, 1), dt.date(year, 12, 31))
                         if p.due <= result.as_of]
    held: dict[int, list[tuple[int, Role]]] = defaultdict(list)    # department → its tasks, indexed once
    for tid in sorted(lines, key=lambda t: facts.tasks[t].seq):
        for role in (Role.LEAD, Role.COOPERATING):
            for d in facts.holders(tid, role):
                if all(t != tid for t, _r in held[d][-1:]):
                    held[d].append((tid, role))
    rows, details = [], {}
    for s in sorted(result.departments, key=lambda s: s.rank):
        sc = s.scores
        evaluation = None if "evaluation_missing" in s.flags else sc["evaluation"]
        rows.append(rd.AssessmentRow(s.department, sc["progress"], sc["reporting"], sc["warnings"], evaluation,
                                     sc["adjustments"], s.total, s.grade, s.rank, list(s.flags)))
        dept_id = dept_ids.get(s.department.code)
        if dept_id is None:
            continue
        mine = [rd.TaskLine(**{**lines[tid].__dict__, "role": role})
                for tid, role in held.get(dept_id, []) if tid in lines]
        reporting = []
        for p in reporting_periods:
            state, _received = facts.dept_period_status(dept_id, p, result.as_of)
            if state != "not_due":
                reporting.append(rd.ReportingRecord(p.code, state))
        score, note = evaluations.get(dept_id, (None, ""))
        details[s.department.code] = rd.DepartmentDetail(
            s.department, tasks=mine, reporting=reporting, warnings=warnings_by_dept.get(s.department.code, []),
            evaluation=score, evaluation_note=note, adjustments=adjustments.get(dept_id, []))
    scheme = result.scheme
    maxima = {"progress": scheme.progress_max, "reporting": scheme.reporting_max, "warnings": scheme.warnings_max,
              "evaluation": scheme.evaluation_max, "adjustments": scheme.adjustment_total_limit}
    return rd.AnnualReportData(report_meta(db, plan_id, opts, "annual"), year, result.as_of, rows, details,
                               locked=result.locked, maxima=maxima, decimals=scheme.decimals)


def _department(db: sqlite_utils.Database, code: str) -> tuple[int, DeptRef, str, str]:
    row = db.execute("SELECT id, code, name_zh, name_en, contact_person, contact_phone FROM department "
                     "WHERE upper(code) = upper(?)", [code]).fetchone()
    if row is None:
        raise UsageError(msg("core.store.no_department", code=code))
    return row[0], DeptRef(row[1], row[2], row[3]), row[4], row[5]


def gather_department(db: sqlite_utils.Database, plan_id: int, dept_code: str, period_code: str,
                      opts: ReportOptions | None = None) -> rd.DepartmentSheetData:
    code, _start, end = _month(period_code)
    dept_id, ref, person, phone = _department(db, dept_code)
    facts = PlanFacts.load(db, plan_id)
    lines = list(task_lines(db, facts, end, _as_of(db, opts), dept_id=dept_id).values())
    return rd.DepartmentSheetData(report_meta(db, plan_id, opts, "department"), ref, code, lines, person, phone)


def gather_ledger(db: sqlite_utils.Database, plan_id: int, period_code: str | None = None,
                  opts: ReportOptions | None = None) -> rd.LedgerData:
    as_of = _as_of(db, opts)
    if period_code:
        code, _start, end = _month(period_code)
    else:
        code, end = "", as_of
    facts = PlanFacts.load(db, plan_id)
    lines = list(task_lines(db, facts, end, as_of).values())
    return rd.LedgerData(report_meta(db, plan_id, opts), code or as_of.isoformat(), lines)


# -- one entry point for the CLI and the GUI -------------------------------------------------------
PDF_KINDS = ("monthly", "quarterly", "annual", "department")
EXCEL_KINDS = ("ledger", "summary", "assessment")


def build_pdf_report(db: sqlite_utils.Database, plan_id: int, kind: str, out: Path, lang: str = "zh", *,
                     period: str = "", quarter: str = "", year: int | None = None, dept: str = "",
                     opts: ReportOptions | None = None,
                     on_progress: Callable[[int], None] | None = None) -> ReportResult:
    """Gather and build one PDF report; ``on_progress`` gets page numbers as they are laid out."""
    from desktop_app.reports.annual import build_annual
    from desktop_app.reports.department import build_department
    from desktop_app.reports.monthly import build_monthly
    from desktop_app.reports.quarterly import build_quarterly

    if kind == "monthly":
        return build_monthly(gather_monthly(db, plan_id, _need(period, "--period"), opts), out, lang,
                             on_progress=on_progress)
    if kind == "quarterly":
        return build_quarterly(gather_quarterly(db, plan_id, _need(quarter, "--quarter"), opts), out, lang,
                               on_progress=on_progress)
    if kind == "annual":
        return build_annual(gather_annual(db, plan_id, int(_need(year, "--year")), opts), out, lang,
                            on_progress=on_progress)
    if kind == "department":
        return build_department(gather_department(db, plan_id, _need(dept, "--dept"), _need(period, "--period"),
                                                  opts), out, lang, on_progress=on_progress)
    raise UsageError(msg("core.unknown_report", kind=kind, kinds=", ".join(PDF_KINDS)))


def export_excel(db: sqlite_utils.Database, plan_id: int, kind: str, out: Path, lang: str = "zh", *,
                 period: str = "", year: int | None = None, opts: ReportOptions | None = None) -> Path:
    from desktop_app.reports import excel

    if kind == "ledger":
        return excel.write_ledger(gather_ledger(db, plan_id, period or None, opts), out, lang)
    if kind == "summary":
        return excel.write_monthly_summary(gather_monthly(db, plan_id, _need(period, "--period"), opts), out, lang)
    if kind == "assessment":
        return excel.write_assessment(gather_annual(db, plan_id, int(_need(year, "--year")), opts), out, lang)
    raise UsageError(msg("core.unknown_export", kind=kind, kinds=", ".join(EXCEL_KINDS)))


def _need(value: Any, flag: str) -> Any:
    if value in (None, ""):
        raise UsageError(msg("core.report_needs", flag=flag))
    return value
