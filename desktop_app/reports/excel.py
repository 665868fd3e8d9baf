"""Excel exports: the ledger 台账, the monthly summary and the assessment score sheet.

Every text cell is written as text (``data_type = 's'``) after stripping the control characters
Excel refuses, so a bureau's narrative beginning with ``=`` never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.models import STATUS_LABELS, Status, join_names
from desktop_app.exchange.safe_xlsx import clean_text, fit_row_height
from desktop_app.exchange.workbook import print_setup
from desktop_app.outputs import atomic_output
from desktop_app.reports.data import (
    GRADE_LABELS,
    SUBMISSION_LABELS,
    AnnualReportData,
    LedgerData,
    MonthlyBulletinData,
    pick,
)

STATUS_FILL = {
    Status.COMPLETED: "C6EFCE", Status.IN_PROGRESS: "DDEBF7", Status.DELAYED: "FFC7CE",
    Status.NOT_STARTED: "EDEDED", Status.SUSPENDED: "FFEB9C", None: "F2F2F2",
}
SUBMISSION_FILL = {"on_time": "C6EFCE", "late": "FFEB9C", "missing": "FFC7CE"}
GRADE_FILL = {"excellent": "C6EFCE", "good": "DDEBF7", "pass": "FFEB9C", "fail": "FFC7CE"}
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")

HEADERS = {
    "ledger": (["编号", "所属领域", "任务", "牵头单位", "配合单位", "目标", "单位", "目标值", "开始日期", "完成时限",
                "最新报送期", "状态", "进度(%)", "应达进度(%)", "指标值", "进展情况", "存在问题", "下步计划"],
               ["Code", "Section", "Task", "Lead unit", "Cooperating units", "Targets", "Units", "Target values",
                "Start", "Due", "Latest period", "Status", "Progress (%)", "Expected (%)", "Indicator",
                "Progress narrative", "Problems", "Next steps"]),
    "summary": (["序号", "责任单位", "单位代码", "报送情况", "报送时间", "任务数"],
                ["No.", "Department", "Code", "Submission", "Received", "Tasks"]),
    "assessment": (["名次", "责任单位", "单位代码", "任务进展", "按时报送", "预警", "评价", "加减分", "总分", "等次"],
                   ["Rank", "Department", "Code", "Progress", "Reporting", "Warnings", "Evaluation",
                    "Adjustments", "Total", "Grade"]),
}
TITLES = {
    "ledger": ("{plan}任务台账（{period}）", "{plan}: task ledger ({period})"),
    "summary": ("{period}进展报送汇总", "Submissions summary, {period}"),
    "assessment": ("{year}年度考核得分表", "Assessment scores {year}"),
}


def text(cell: Any, value: object) -> None:
    """Write ``value`` as a text cell (never a formula), without illegal control characters."""
    cell.value = clean_text(value)
    cell.data_type = "s"


def put(ws: Worksheet, row: int, col: int, value: object) -> Any:
    cell = ws.cell(row=row, column=col)
    if value is None or isinstance(value, str):
        text(cell, value)
    elif isinstance(value, bool):
        text(cell, str(value))
    elif isinstance(value, int | float):
        cell.value = value
    elif isinstance(value, dt.datetime):          # real dates: sortable and filterable in Excel/WPS
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    else:
        text(cell, value)
    cell.border = BORDER
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    return cell


def _sheet(wb: Workbook, title: str, headers: Sequence[str], widths: Sequence[float]) -> Worksheet:
    """A sheet with a title row and a header row, printed A4 landscape with both rows repeated."""
    ws = wb.active
    ws.title = "Sheet1"
    text(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    for col, (head, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = put(ws, 2, col, head)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"
    return ws


def _finish(ws: Worksheet, n_rows: int, n_cols: int, out: Path) -> Path:
    """Rows sized to their text, then the print setup (A4 landscape, fit to width, title rows
    repeated, text ≥ 9 pt on paper: the exchange workbook's rule)."""
    last = get_column_letter(n_cols)
    widths = [ws.column_dimensions[get_column_letter(c)].width or 9 for c in range(1, n_cols + 1)]
    for r in range(2, n_rows + 3):   # header and data rows sized to their wrapped text
        texts = ["" if v is None else str(v) for v in next(ws.iter_rows(min_row=r, max_row=r, max_col=n_cols,
                                                                       values_only=True))]
        ws.row_dimensions[r].height = fit_row_height(list(zip(texts, widths, strict=True)))
    ws.auto_filter.ref = f"A2:{last}{max(2, n_rows + 2)}"
    ws.print_area = f"A1:{last}{max(2, n_rows + 2)}"
    print_setup(ws, title_rows="1:2", first_fitted_row=2)
    out = Path(out)
    with atomic_output(out) as tmp:
        ws.parent.save(tmp)
    return out


def write_ledger(data: LedgerData, out: Path, lang: str = "zh") -> Path:
    zh = lang.startswith("zh")
    headers = HEADERS["ledger"][0 if zh else 1]
    wb = Workbook()
    title = pick(TITLES["ledger"], lang).format(plan=data.meta.plan_title.get(lang), period=data.as_of_period)
    ws = _sheet(wb, title, headers, [8, 18, 40, 16, 22, 28, 8, 10, 11, 11, 10, 9, 9, 9, 9, 40, 24, 24])
    ws.title = "台账" if zh else "Ledger"
    for i, t in enumerate(data.tasks, 3):
        values: list[object] = [
            t.code, t.section.get(lang), t.title.get(lang), t.lead_names(lang), t.cooperating_names(lang),
            join_names(t.targets, lang), join_names(t.units, lang), join_names(t.target_values, lang),
            t.start or "", t.due or "", t.period,
            pick(STATUS_LABELS[t.status], lang) if t.status else ("未报送" if zh else "Not reported"),
            t.percent, t.expected, t.indicator, t.narrative, t.problems, t.next_steps]
        for col, value in enumerate(values, 1):
            put(ws, i, col, value)
        ws.cell(row=i, column=12).fill = PatternFill("solid", fgColor=STATUS_FILL[t.status])
        for col in (13, 14):   # one decimal, as the PDF and the dashboard show percents (74.7, not 75)
            ws.cell(row=i, column=col).number_format = "0.0"
    return _finish(ws, len(data.tasks), len(headers), out)


def write_monthly_summary(data: MonthlyBulletinData, out: Path, lang: str = "zh") -> Path:
    zh = lang.startswith("zh")
    headers = HEADERS["summary"][0 if zh else 1]
    wb = Workbook()
    ws = _sheet(wb, pick(TITLES["summary"], lang).format(period=data.period), headers, [6, 36, 12, 10, 18, 8])
    ws.title = "报送汇总" if zh else "Summary"
    for i, s in enumerate(data.submissions, 3):
        for col, value in enumerate([i - 2, s.department.name(lang), s.department.code,
                                     pick(SUBMISSION_LABELS[s.status], lang),
                                     s.received_at.replace(second=0, microsecond=0, tzinfo=None) if s.received_at else "",
                                     s.tasks], 1):
            put(ws, i, col, value)
        ws.cell(row=i, column=4).fill = PatternFill("solid", fgColor=SUBMISSION_FILL[s.status])
    return _finish(ws, len(data.submissions), len(headers), out)


def write_assessment(data: AnnualReportData, out: Path, lang: str = "zh") -> Path:
    zh = lang.startswith("zh")
    headers = HEADERS["assessment"][0 if zh else 1]
    wb = Workbook()
    ws = _sheet(wb, pick(TITLES["assessment"], lang).format(year=data.year), headers,
                [6, 36, 12, 10, 10, 10, 10, 10, 10, 10])
    ws.title = "考核得分" if zh else "Scores"
    for i, r in enumerate(data.rows, 3):
        for col, value in enumerate([r.rank, r.department.name(lang), r.department.code, r.progress, r.reporting,
                                     r.warnings, r.evaluation, r.adjustments, r.total,
                                     pick(GRADE_LABELS[r.grade], lang)], 1):
            put(ws, i, col, value)
        for col in range(4, 10):   # the scheme's rounding, as the screen and the PDF print it
            ws.cell(row=i, column=col).number_format = "0." + "0" * data.decimals if data.decimals else "0"
        ws.cell(row=i, column=10).fill = PatternFill("solid", fgColor=GRADE_FILL[r.grade])
    return _finish(ws, len(data.rows), len(headers), out)

