"""The exchange workbook: one .xlsx per department per period, issued → filled → merged.

Layout (format version 2)
-------------------------
- ``说明 Instructions`` (visible, first): what to fill in, in Chinese and English.
- ``进度填报 Progress``: row 1 title, row 2 headers (Chinese + English), one row per task from row 3.
  Columns A–E are locked (task code, title, role, target, last period's entry); F–M are editable
  (status, percent, indicator value, narrative, problems, next steps, contact person, phone).
- ``_lists`` (very hidden): the status drop-down, referenced through the defined name ``StatusList``.
- ``_meta`` (very hidden): key/value metadata in columns A/B (format, format version, plan, department,
  period, package id, keyed digest …), then a row marked ``issued_rows`` whose cells B, C, … hold the copy
  of the locked rows as issued: one JSON array ``[[code, title, role, target, last], …]`` cut into pieces
  of at most 16,000 characters (a cell holds at most 32,767) that are joined again on reading. One JSON
  text instead of a sheet row per task makes reading it cheap (``json.loads``); a copy that is not valid
  JSON of that shape is reported as damaged, naming its cell. (Format version 1 kept one sheet row per task;
  it was never released and is refused as unsupported.)

The digest is HMAC-SHA256 (key: the coordinator database's secret) over the format version, package id,
plan id, department code, period code and the locked rows. The issuing database stores it with the
package; a returned workbook is accepted only if the digest recomputed from its ``_meta`` copy equals the
stored one and every visible locked cell equals that copy — so locked cells are compared one by one and
a change is reported with its cell. Sheet and structure protection (password below) are only a deterrent:
authenticity rests on the key, which never leaves the coordinator's database.

Reading rules (returned workbooks; documented acceptance)
--------------------------------------------------------
Workbooks are read with python-calamine (≈15× faster than openpyxl read-only; measured in
tests/bench/test_bench_cycle.py). Values are normalised with Unicode NFKC first (full-width digits and
``％`` become ASCII), and surrounding whitespace is stripped. A row with no status, percent, indicator,
narrative, problems or next steps is "not reported" and changes nothing (contact details alone, which
are pre-filled on issue, do not count).

- Status: the Chinese label (未启动/推进中/已完成/滞后/暂停), the English label or the internal code,
  case-insensitive. Anything else is rejected. A reported row must have a status.
- Percent: a number 0–100, however written: ``85``, ``"85"``, ``"85%"``, ``"８５％"``; a number in a cell
  with a percent number format is scaled (0.85 → 85). The cell is issued text-formatted (``@``) so that
  Excel, WPS and LibreOffice keep a typed ``85%`` as typed (sheet protection would leave a typed 85% as
  0.85 without its percent format). A bare 0 < x ≤ 1 with no percent sign or format is ambiguous and
  refused with a question on the cell (``0.85``: "did you mean 85 %?"); ``0.85%`` is 0.85 %. A decimal
  comma (``8,5``) is refused with the cell named, never read as 85. Words and values outside 0–100 are
  rejected.
- Indicator value: a number; text with thousands separators (``1,234.5``) is accepted; a decimal comma
  (``8,5``), units or words are rejected (put the unit in the narrative).
- Text (narrative, problems, next steps, contact person, phone): at most 2,000 characters after
  removing the characters XML cannot carry (C0 controls, lone surrogates, U+FFFE, U+FFFF; dropped
  silently). Numbers typed into text columns (a phone number) are read as their plain digits.
- Rows are matched to the issued rows by task code (``services.merge_submissions.match_rows``): sorted,
  reordered and hidden rows are fine; a row with no task code and no other locked text (a note) is
  ignored with a warning.
- Formulas: the sheet is scanned once (streaming) for formula cells among the editable columns. In a text
  column the formula's text is stored without its ``=`` and the cell is named in a warning (never the
  error value a spreadsheet shows for ``=已完成初验``); in the status, percent or indicator cell the
  calculated value is used (warning), and a formula without a usable value is refused, naming the cell.
  PeakDesk never writes a formula back.
- Dates typed into a text column are read as ISO text (``2025-10-08``).
- Text is written with Excel's escaping of ``_xHHHH_`` (``_x0020_`` → ``_x005F_x0020_``) and read back
  decoded, so it round-trips byte for byte and the digest is computed over the same text on both sides.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import itertools
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.domain.models import STATUS_LABELS, Status, status_from_label
from desktop_app.errors import InputRejected, Problem
from desktop_app.exchange.safe_xlsx import (
    Screened,
    fit_row_height,
    open_screened_xlsx,
    read_xlsx_bytes,
    text_cell,
)
from desktop_app.messages import Msg, msg
from desktop_app.outputs import atomic_output

FORMAT_NAME = "PeakDesk exchange workbook"
FORMAT_VERSION = 2
SUPPORTED_FORMAT_VERSIONS = frozenset({2})
MAX_TEXT = 2000
# Legacy sheet password: a deterrent against accidental edits, not security (see module docstring).
SHEET_PASSWORD = "peakdesk"

INSTRUCTION_SHEET = "说明 Instructions"
PROGRESS_SHEET = "进度填报 Progress"
LISTS_SHEET = "_lists"
META_SHEET = "_meta"
STATUS_LIST_NAME = "StatusList"

HEADER_ROW = 2
FIRST_ROW = 3
LOCKED_COLUMNS = ("code", "title", "role", "target", "last")
EDITABLE_COLUMNS = ("status", "percent", "indicator", "narrative", "problems", "next_steps",
                    "contact_person", "contact_phone")
COLUMNS = LOCKED_COLUMNS + EDITABLE_COLUMNS
LETTERS = "ABCDEFGHIJKLM"
COL_LETTER = dict(zip(COLUMNS, LETTERS, strict=True))
HEADERS = {
    "code": ("任务编号", "Task code", 10),
    "title": ("任务名称", "Task", 36),
    "role": ("责任角色", "Role", 8),
    "target": ("目标", "Target", 22),
    "last": ("上期填报", "Last period", 26),
    "status": ("推进状态", "Status", 10),
    "percent": ("完成进度(%)", "Percent done", 10),
    "indicator": ("指标值", "Indicator value", 10),
    "narrative": ("进展情况", "Progress", 36),
    "problems": ("存在问题", "Problems", 24),
    "next_steps": ("下步计划", "Next steps", 24),
    "contact_person": ("联系人", "Contact person", 10),
    "contact_phone": ("联系电话", "Phone", 14),
}
TEXT_FIELDS = ("narrative", "problems", "next_steps", "contact_person", "contact_phone")
INSTRUCTION_WIDTH = 120
REPORT_TEXT_FIELDS = ("narrative", "problems", "next_steps")
META_KEYS = ("format", "format_version", "package_id", "plan_id", "plan_title", "department_code",
             "department_name", "period_code", "period_start", "period_end", "due", "issued_at", "rows",
             "digest")
COPY_MARKER = "issued_rows"
COPY_ROW = len(META_KEYS) + 2            # the _meta row holding the JSON copy of the issued locked rows
COPY_CHUNK = 16000                       # characters per cell of that copy (Excel's cell limit is 32,767)
TEXT_FORMAT = "@"                        # Excel/WPS/LibreOffice keep what is typed into such a cell as text

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF): a stored
# one would make the next workbook impossible to write, so they are dropped wherever text is accepted.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel's escape of a character in cell text: ``_xHHHH_``. Readers (Excel, calamine, LibreOffice) decode it,
# so a literal ``_x0020_`` is written as ``_x005F_x0020_`` (the underscore escaped), exactly as Excel does.
# Every underscore that starts such a pattern is escaped, also when it ends another one (``_x005F_x0020_``):
# the lookahead consumes nothing, so overlapping patterns are all found.
_EXCEL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def xml_safe(value: object) -> str:
    """Text as it can be stored and written again: the characters XML cannot carry removed."""
    text = "" if value is None else str(value)
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


def excel_escape(text: str) -> str:
    """Cell text as Excel writes it: every literal ``_xHHHH_`` gets its underscore escaped (``_x005F_``),
    so that a reader's decoding gives back exactly ``text``."""
    return _EXCEL_ESCAPE.sub("_x005F_", text) if "_x" in text or "_X" in text else text


def _text(ws: Any, row: int, column: int, value: object) -> Any:
    """A string cell (never a formula) whose text reads back byte for byte."""
    cell = text_cell(ws, row, column, "")
    cell.value = excel_escape(xml_safe(value))
    cell.data_type = "s"
    return cell


@dataclass
class LockedRow:
    """The locked part of one task row, exactly as issued (all text)."""

    code: str
    title: str
    role: str
    target: str = ""
    last: str = ""

    def cells(self) -> list[str]:
        return [self.code, self.title, self.role, self.target, self.last]


@dataclass
class RowValues:
    """The editable part of one task row, as the department filled it in."""

    status: Status | None = None
    percent: float | None = None
    indicator: float | None = None
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    contact_person: str = ""
    contact_phone: str = ""

    def reported(self) -> bool:
        """True when the row reports progress; contact details alone (pre-filled on issue) do not."""
        return (self.status is not None or self.percent is not None or self.indicator is not None
                or any(getattr(self, f) for f in REPORT_TEXT_FIELDS))

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status.value if self.status else None, "percent": self.percent,
                "indicator": self.indicator, **{f: getattr(self, f) for f in TEXT_FIELDS}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowValues:
        status = data.get("status")
        return cls(status=Status(status) if status else None, percent=data.get("percent"),
                   indicator=data.get("indicator"), **{f: str(data.get(f) or "") for f in TEXT_FIELDS})


@dataclass
class PackageMeta:
    package_id: str
    plan_id: int
    plan_title: str
    department_code: str
    department_name: str
    period_code: str
    period_start: dt.date
    period_end: dt.date
    due: dt.date
    issued_at: str
    digest: str = ""
    format_version: int = FORMAT_VERSION


@dataclass
class WorkbookContent:
    meta: PackageMeta
    rows: list[LockedRow]
    values: list[RowValues] = field(default_factory=list)


def _norm(text: str) -> str:
    """Locked text as compared and digested: line endings unified, outer whitespace dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def compute_digest(secret: bytes, meta: PackageMeta, rows: Sequence[LockedRow]) -> str:
    payload = json.dumps(
        [FORMAT_NAME, meta.format_version, meta.package_id, meta.plan_id, meta.department_code,
         meta.period_code, [[_norm(xml_safe(c)) for c in r.cells()] for r in rows]],
        ensure_ascii=False, separators=(",", ":"))
    return hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()


# --- writing ------------------------------------------------------------------------------------

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_EDIT_FILL = PatternFill("solid", fgColor="FFF9E0")
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
_WRAP = Alignment(wrap_text=True, vertical="top")
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


def status_labels() -> list[str]:
    return [zh for zh, _en in STATUS_LABELS.values()]


def instruction_lines(meta: PackageMeta) -> list[str]:
    due = f"{meta.due.year}年{meta.due.month}月{meta.due.day}日"
    return [
        f"{meta.plan_title}",
        f"{meta.department_name}（{meta.department_code}）  报送期：{meta.period_code}  报送截止：{due}",
        "",
        "填报说明",
        f"1. 请在“{PROGRESS_SHEET}”工作表中，逐项填写本单位牵头或配合任务的本期进展。灰色列（任务编号、任务名称、"
        "责任角色、目标、上期填报）已锁定，请勿修改，也不要增删行。",
        "2. 推进状态请从下拉列表中选择：未启动、推进中、已完成、滞后、暂停。",
        "3. 完成进度填 0–100 的数字或百分数（如 85 或 85%，不要填 0.85）；指标值只填数字，小数用小数点（8.5，"
        "不要写 8,5），单位写在进展情况中。",
        "4. 进展情况、存在问题、下步计划每格不超过 2000 字。请填写联系人及联系电话。",
        "5. 可用 WPS 或 Excel 填写，保存为 .xlsx 格式后原文件名报送；也可在 PeakDesk“部门填报”中打开填写并导出。",
        "6. 本表含校验信息，修改锁定内容或隐藏信息将导致报送被退回。",
        "",
        "Instructions",
        f"1. On the sheet '{PROGRESS_SHEET}', record this period's progress for every task your unit leads "
        "or cooperates on. Grey columns (task code, title, role, target, last period) are locked: do not "
        "change them and do not add or delete rows.",
        "2. Choose a status from the drop-down: 未启动 not started, 推进中 in progress, 已完成 completed, "
        "滞后 delayed, 暂停 suspended.",
        "3. Percent done is a number 0–100 or a percentage (85 or 85%, not 0.85); the indicator value is a "
        "number only, with a decimal point (8.5, not 8,5; write the unit in the progress text).",
        "4. Progress, problems and next steps: at most 2,000 characters per cell. Fill in a contact person "
        "and phone.",
        "5. Fill it in with WPS or Excel and save as .xlsx, or open it in PeakDesk (department mode) and "
        "export. Send it back by the due date.",
        "6. The workbook carries a check code; changes to locked or hidden content make it rejected.",
    ]


def write_workbook(content: WorkbookContent, path: Path) -> Path:
    """Write the exchange workbook to ``path`` (atomically: a temp file then rename)."""
    meta, rows = content.meta, content.rows
    values = content.values or [RowValues() for _ in rows]
    if len(values) != len(rows):
        raise ValueError("values must match rows")
    wb = Workbook()
    info = wb.active
    info.title = INSTRUCTION_SHEET
    for i, line in enumerate(instruction_lines(meta), start=1):
        c = _text(info, i, 1, line)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1 or line in ("填报说明", "Instructions"):
            c.font = Font(bold=True, size=14 if i == 1 else 12)
        info.row_dimensions[i].height = fit_row_height([(line, INSTRUCTION_WIDTH)], line_points=16 if i == 1 else 14.5)
    info.column_dimensions["A"].width = INSTRUCTION_WIDTH
    info.protection.sheet = True
    info.protection.password = SHEET_PASSWORD
    print_setup(info, title_rows=None)

    ws = wb.create_sheet(PROGRESS_SHEET)
    title = _text(ws, 1, 1, f"{meta.department_name} {meta.period_code} 任务进展填报 Progress report "
                                 f"(截止 due {meta.due.isoformat()})")
    title.font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    head_font = Font(bold=True)
    for col, key in enumerate(COLUMNS, start=1):
        zh, en, width = HEADERS[key]
        c = _text(ws, HEADER_ROW, col, f"{zh}\n{en}")
        c.font, c.fill, c.border = head_font, _HEAD_FILL, _BORDER
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        ws.column_dimensions[LETTERS[col - 1]].width = width
    ws.row_dimensions[HEADER_ROW].height = 42
    for i, (row, vals) in enumerate(zip(rows, values, strict=True)):
        r = FIRST_ROW + i
        for col, text in enumerate(row.cells(), start=1):
            c = _text(ws, r, col, text)
            c.fill, c.border, c.alignment, c.protection = _LOCKED_FILL, _BORDER, _WRAP, _LOCKED
        shown = [*row.cells(), *(str(getattr(vals, f) or "") for f in TEXT_FIELDS)]
        widths = [HEADERS[k][2] for k in (*LOCKED_COLUMNS, *TEXT_FIELDS)]
        ws.row_dimensions[r].height = fit_row_height(list(zip(shown, widths, strict=True)), min_lines=2)
        cells: list[tuple[str, object]] = [
            ("status", STATUS_LABELS[vals.status][0] if vals.status else ""),
            ("percent", vals.percent), ("indicator", vals.indicator),
            *((f, getattr(vals, f)) for f in TEXT_FIELDS)]
        for key, value in cells:
            col = COLUMNS.index(key) + 1
            if key == "indicator":
                c = ws.cell(row=r, column=col)
                c.value = value if isinstance(value, int | float) else None
                c.number_format = "General"
            else:
                # Text format: what a clerk types stays as typed in Excel, WPS and LibreOffice: "50%" is not
                # turned into 0.5 (which protection would leave without its percent format), "=..." is not
                # a formula. The percent is written as text with its sign, so it reads back unambiguously.
                if key == "percent":
                    value = percent_text(value) if isinstance(value, int | float) else ""
                c = _text(ws, r, col, value or "")
                if not value:
                    c.value = None
                c.number_format = TEXT_FORMAT
            c.fill, c.border, c.alignment, c.protection = _EDIT_FILL, _BORDER, _WRAP, _UNLOCKED
    last = FIRST_ROW + max(len(rows), 1) - 1
    _validations(ws, last)
    ws.freeze_panes = "C3"
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False   # False = allowed: clerks may widen columns / rows
    ws.protection.formatRows = False
    print_setup(ws, title_rows="1:2", first_fitted_row=HEADER_ROW + 1)

    lists = wb.create_sheet(LISTS_SHEET)
    for i, text in enumerate(status_labels(), start=1):
        _text(lists, i, 1, text)
    lists.sheet_state = "veryHidden"
    lists.protection.sheet = True
    lists.protection.password = SHEET_PASSWORD
    wb.defined_names[STATUS_LIST_NAME] = DefinedName(
        STATUS_LIST_NAME, attr_text=f"'{LISTS_SHEET}'!$A$1:$A${len(status_labels())}")

    m = wb.create_sheet(META_SHEET)
    meta_values = _meta_values(meta, len(rows))
    for i, key in enumerate(META_KEYS, start=1):
        _text(m, i, 1, key)
        _text(m, i, 2, meta_values[key])
    _text(m, COPY_ROW, 1, COPY_MARKER)
    for col, chunk in enumerate(issued_copy_chunks(rows), start=2):
        _text(m, COPY_ROW, col, chunk)
    m.sheet_state = "veryHidden"
    m.protection.sheet = True
    m.protection.password = SHEET_PASSWORD

    wb.active = 1
    wb.security = WorkbookProtection(workbookPassword=SHEET_PASSWORD, lockStructure=True)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return path


def issued_copy_chunks(rows: Sequence[LockedRow]) -> list[str]:
    """The JSON copy of the locked rows, cut into cell-sized pieces (cleaned as ``_text`` would; the cell
    escaping of ``_xHHHH_`` is undone by the reader, so the joined text is this JSON exactly)."""
    text = json.dumps([[xml_safe(c) for c in r.cells()] for r in rows], ensure_ascii=False,
                      separators=(",", ":"))
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + COPY_CHUNK, len(text))
        while start + 1 < end < len(text) and (text[end - 1].isspace() or text[end].isspace()):
            end -= 1                      # never cut next to a space another program might trim
        chunks.append(text[start:end])
        start = end
    return chunks


def _meta_values(meta: PackageMeta, n_rows: int) -> dict[str, str]:
    return {
        "format": FORMAT_NAME, "format_version": str(meta.format_version), "package_id": meta.package_id,
        "plan_id": str(meta.plan_id), "plan_title": meta.plan_title, "department_code": meta.department_code,
        "department_name": meta.department_name, "period_code": meta.period_code,
        "period_start": meta.period_start.isoformat(), "period_end": meta.period_end.isoformat(),
        "due": meta.due.isoformat(), "issued_at": meta.issued_at, "rows": str(n_rows), "digest": meta.digest,
    }


def _validations(ws: Any, last: int) -> None:
    def rng(key: str) -> str:
        letter = COL_LETTER[key]
        return f"{letter}{FIRST_ROW}:{letter}{last}"

    status = DataValidation(type="list", formula1=f"={STATUS_LIST_NAME}", allow_blank=True,
                            showErrorMessage=True, errorTitle="推进状态 Status",
                            error="请从下拉列表中选择。Choose a status from the list.")
    status.add(rng("status"))
    # A text cell: a "decimal" rule would refuse the typed "85%" (text); the reader checks the value.
    percent = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="12",
                             allow_blank=True, showErrorMessage=True, errorTitle="完成进度 Percent",
                             error="请填写 0–100 的数字，如 85 或 85%。Enter 0-100, e.g. 85 or 85%.",
                             showInputMessage=True, promptTitle="完成进度 Percent",
                             prompt="0–100，如 85 或 85%（不要填 0.85）。0-100: 85 or 85% (not 0.85).")
    percent.add(rng("percent"))
    indicator = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                               allow_blank=True, showErrorMessage=True, errorTitle="指标值 Indicator",
                               error="只填数字，单位写在进展情况中。A number only; write the unit in the progress text.")
    indicator.add(rng("indicator"))
    text = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TEXT),
                          allow_blank=True, showErrorMessage=True, errorTitle="文字过长 Too long",
                          error=f"每格不超过 {MAX_TEXT} 字。At most {MAX_TEXT} characters.")
    for key in ("narrative", "problems", "next_steps"):
        text.add(rng(key))
    for dv in (status, percent, indicator, text):
        ws.add_data_validation(dv)


A4_LANDSCAPE_POINTS = 842.0      # 297 mm
PRINT_MARGIN_INCHES = 0.4
MIN_PRINTED_POINTS = 9.0         # text on paper at least this large (the issue measured 5.1 pt)
BASE_FONT_POINTS = 11.0          # the workbook's default font


def column_points(width: float) -> float:
    """A column's printed width: Excel shows ``width`` characters as 7·w + 5 pixels (0.75 pt each)."""
    return 0.75 * (7 * width + 5)


def printed_scale(ws: Any) -> float:
    """The scale "fit to width" gives this sheet on A4 landscape (≤ 1)."""
    last = ws.max_column
    total = sum(column_points(ws.column_dimensions[get_column_letter(c)].width or 8.43) for c in range(1, last + 1))
    usable = A4_LANDSCAPE_POINTS - 2 * 72 * PRINT_MARGIN_INCHES
    return min(1.0, usable / total) if total else 1.0


def print_setup(ws: Any, title_rows: str | None, *, first_fitted_row: int = 1) -> None:
    """A4 landscape, fit to one page wide, title rows repeated, and text on paper ≥ 9 pt: when the
    columns are too wide for that, they are narrowed in proportion and the rows from
    ``first_fitted_row`` on are made tall enough for their wrapped text again."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = PRINT_MARGIN_INCHES
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    if title_rows:
        ws.print_title_rows = title_rows
    need = MIN_PRINTED_POINTS / BASE_FONT_POINTS * 1.04      # Excel rounds the scale down to a whole percent
    scale = printed_scale(ws)
    if scale >= need:
        return
    letters = [get_column_letter(c) for c in range(1, ws.max_column + 1)]
    old = {col: ws.column_dimensions[col].width or 8.43 for col in letters}
    usable = A4_LANDSCAPE_POINTS - 2 * 72 * PRINT_MARGIN_INCHES
    target = usable / need                                     # total printed width allowed, in points
    fixed = 0.75 * 5 * len(letters)
    factor = (target - fixed) / (sum(0.75 * 7 * w for w in old.values()))
    for col, width in old.items():
        ws.column_dimensions[col].width = max(4.0, round(width * factor, 1))
    for row in ws.iter_rows(min_row=first_fitted_row):
        cells = [("" if c.value is None else str(c.value), ws.column_dimensions[c.column_letter].width)
                 for c in row if getattr(c, "column_letter", None)]
        if not any(text for text, _w in cells):
            continue
        height = ws.row_dimensions[row[0].row].height
        fitted = fit_row_height(cells)
        if height is None or fitted > height:
            ws.row_dimensions[row[0].row].height = fitted


# --- reading ------------------------------------------------------------------------------------

@dataclass
class VisibleRow:
    sheet_row: int
    locked: LockedRow
    raw: dict[str, Any]              # editable cells as read (calamine values)
    formulas: dict[str, str] = field(default_factory=dict)   # editable key → formula text (without '=')


@dataclass
class ReadWorkbook:
    """A returned workbook as read, before any check against the database."""

    file: Path
    meta: dict[str, str]
    issued: list[LockedRow]          # the copy in _meta
    rows: list[VisibleRow]           # the progress sheet's task rows (trailing empty rows dropped)
    percent_formatted: set[int] = field(default_factory=set)   # sheet rows whose percent cell is %-formatted

    def package_meta(self) -> PackageMeta:
        m = self.meta
        return PackageMeta(
            package_id=m.get("package_id", ""), plan_id=_int(m.get("plan_id")), plan_title=m.get("plan_title", ""),
            department_code=m.get("department_code", ""), department_name=m.get("department_name", ""),
            period_code=m.get("period_code", ""), period_start=_date(m.get("period_start")),
            period_end=_date(m.get("period_end")), due=_date(m.get("due")), issued_at=m.get("issued_at", ""),
            digest=m.get("digest", ""), format_version=_int(m.get("format_version")))


_NEEDS_CLEANING = XML_ILLEGAL


def _int(text: str | None) -> int:
    try:
        return int(float(text or ""))
    except (ValueError, OverflowError):   # 'INF' parses as a float but has no int
        return -1


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return dt.date.min


def cell_text(value: Any) -> str:
    """Any calamine value as text: floats without a spurious '.0', dates as ISO."""
    if type(value) is str:
        return xml_safe(value) if _NEEDS_CLEANING.search(value) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return str(value.isoformat() if hasattr(value, "isoformat") else value)
    return xml_safe(value)


def read_workbook(path: Path, data: bytes | None = None) -> ReadWorkbook:
    """Read an exchange workbook (checked by ``check_xlsx`` first); raise ``InputRejected`` if it is not one.

    ``data``: the file's bytes when the caller has read them already. The file is read once; the checks,
    the part scans and the grid reader all work on those bytes.
    """
    if data is None:
        data = read_xlsx_bytes(path)
    zf, screened = open_screened_xlsx(path, data, watch_column=LETTERS.index(COL_LETTER["percent"]))
    with zf:
        return _read_workbook(path, zf, screened, data)


def _read_workbook(path: Path, zf: zipfile.ZipFile, screened: Screened, data: bytes) -> ReadWorkbook:
    from python_calamine import CalamineError, CalamineWorkbook

    name = path.name
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, OSError, ValueError) as exc:
        raise InputRejected(msg("merge.file_unreadable", file=name, detail=str(exc)),
                            [Problem(msg("merge.unreadable", detail=str(exc)), file=name)]) from exc
    try:
        sheets = set(wb.sheet_names)
        if META_SHEET not in sheets or PROGRESS_SHEET not in sheets:
            missing = META_SHEET if META_SHEET not in sheets else PROGRESS_SHEET
            raise InputRejected(
                msg("merge.file_not_exchange", file=name, sheet=missing),
                [Problem(msg("merge.not_exchange_sheet"), file=name, sheet=missing)])
        meta_rows = wb.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
        grid = wb.get_sheet_by_name(PROGRESS_SHEET).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise InputRejected(msg("merge.file_damaged", file=name, detail=str(exc)),
                            [Problem(msg("merge.damaged", detail=str(exc)), file=name)]) from exc
    finally:
        wb.close()
    meta: dict[str, str] = {}
    copy: str | None = None
    for row in meta_rows:
        key = cell_text(row[0]) if row else ""
        if key == COPY_MARKER:
            copy = "".join(cell_text(v) for v in row[1:])
            break
        if key:
            meta[key] = cell_text(row[1]) if len(row) > 1 else ""
    issued = _issued_copy(name, copy, meta)
    rows: list[VisibleRow] = []
    width = len(COLUMNS)
    editable = tuple(enumerate(EDITABLE_COLUMNS, start=len(LOCKED_COLUMNS)))
    for index in range(HEADER_ROW, len(grid)):      # grid index 2 = sheet row 3
        cells = grid[index]
        if len(cells) < width:
            cells = list(cells) + [""] * (width - len(cells))
        locked = [v if type(v) is str else cell_text(v) for v in cells[:5]]
        if _NEEDS_CLEANING.search("".join(locked)):
            locked = [cell_text(v) for v in locked]
        raw = {key: (None if (v := cells[i]) == "" else v) for i, key in editable}
        rows.append(VisibleRow(index + 1, LockedRow(*locked), raw))
    while rows and not any(rows[-1].locked.cells()) and all(v is None for v in rows[-1].raw.values()):
        rows.pop()
    result = ReadWorkbook(path, meta, issued, rows)
    numeric = {r.sheet_row for r in rows if isinstance(r.raw["percent"], int | float)
               and not isinstance(r.raw["percent"], bool) and r.raw["percent"] != 0}
    if numeric:      # from the structural screening: linear, before the grid reader ran
        result.percent_formatted = screened.percent_rows(PROGRESS_SHEET, numeric)
    sheet_xml = _sheet_xml(zf, screened, PROGRESS_SHEET)
    has_formulas = _FORMULA_TAG.search(sheet_xml) is not None
    if has_formulas:
        _styles, formulas = _scan_editable_cells(sheet_xml, want_formulas=True)
        if formulas:
            key_of = {COL_LETTER[k]: k for k in EDITABLE_COLUMNS}
            by_row = {r.sheet_row: r for r in rows}
            for ref, text in formulas.items():
                m = _SPLIT_REF.match(ref)
                if m and (vrow := by_row.get(int(m.group(2)))) is not None:
                    vrow.formulas[key_of[m.group(1)]] = text
    return result


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SPLIT_REF = re.compile(r"^([A-Z]+)([0-9]+)$")


def _sheet_xml(zf: zipfile.ZipFile, screened: Screened, sheet_name: str) -> bytes:
    """The sheet's XML as the screening resolved it (its length was checked against the zip directory)."""
    try:
        part = screened.sheets.get(sheet_name)
        return zf.read(part) if part else b""
    except (KeyError, zipfile.BadZipFile, ValueError, OSError):
        return b""


def _scan_editable_cells(xml: bytes, *, want_formulas: bool) -> tuple[dict[str, int], dict[str, str]]:
    """One streaming pass over the progress sheet: the style index of every editable cell (columns F–M),
    and the formula text of those holding a formula. Linear in the sheet's size (iterparse, each element
    cleared when done); a sheet that does not parse gives nothing here (the grid reader has read it)."""
    from defusedxml.ElementTree import iterparse

    editable = {COL_LETTER[k] for k in EDITABLE_COLUMNS}
    styles: dict[str, int] = {}
    formulas: dict[str, str] = {}
    try:
        for _event, elem in iterparse(io.BytesIO(xml), events=("end",)):
            tag = elem.tag.rpartition("}")[2]
            if tag == "c":
                ref = (elem.get("r") or "").upper().lstrip("$")
                m = _SPLIT_REF.match(ref)
                if m and m.group(1) in editable:
                    ref = f"{m.group(1)}{int(m.group(2))}"
                    style = elem.get("s")
                    if style and style.isdigit():
                        styles[ref] = int(style)
                    if want_formulas:
                        for child in elem:
                            if child.tag.rpartition("}")[2] == "f":
                                formulas[ref] = xml_safe(child.text or "")
                elem.clear()
            elif tag == "row":
                elem.clear()
    except Exception:    # noqa: BLE001 - ParseError or a defusedxml refusal: no formats/formulas known
        return styles, formulas
    return styles, formulas


def _issued_copy(name: str, copy: str | None, meta: dict[str, str]) -> list[LockedRow]:
    """The locked rows as issued, from the JSON copy in ``_meta``; [] for another format version (the
    caller rejects those); a damaged copy is rejected here, naming its cell."""
    if _int(meta.get("format_version")) not in SUPPORTED_FORMAT_VERSIONS:
        return []
    try:
        data = json.loads(copy or "")
    except (ValueError, RecursionError):    # RecursionError: JSON nested thousands deep
        data = None
    if type(data) is list and all(type(r) is list and len(r) == 5 for r in data) \
            and set(map(type, itertools.chain.from_iterable(data))) <= {str}:
        return [LockedRow(*r) for r in data]
    raise InputRejected(msg("merge.file_copy_damaged", file=name), [Problem(
        msg("merge.copy_damaged"), file=name, sheet=META_SHEET, cell=f"B{COPY_ROW}")])


# --- editable values ------------------------------------------------------------------------------

_NUM = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _number_text(text: str) -> float | None:
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if "," in t:
        if not _THOUSANDS.match(t):
            return None
        t = t.replace(",", "")
    return float(t) if _NUM.match(t) else None


def _decimal_comma(text: str) -> bool:
    """"8,5" or "0,85": a comma used as the decimal mark (WPS/Excel in many locales) — never read as 85."""
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "").rstrip("%")
    return "," in t and _NUM.match(t.replace(",", ".", 1)) is not None and not _THOUSANDS.match(t)


def percent_text(value: float) -> str:
    """A percent as written into a workbook: ``85%`` — with its sign, so 0.5 % never reads as 50 %."""
    return f"{value:g}%"


FIELD_NAMES = {key: msg(f"merge.field.{key}") for key in EDITABLE_COLUMNS}


@dataclass
class ParsedRow:
    values: RowValues
    problems: list[Problem]          # the row is refused while any is left
    warnings: list[Problem]          # accepted, but worth a look (a formula stored as its text, …)


def parse_values(row: VisibleRow, percent_formatted: bool = False, *,
                 require_status: bool = True) -> tuple[RowValues, list[Problem]]:
    """Editable cells → ``RowValues`` by the documented rules; problems name the cell."""
    parsed = parse_row(row, percent_formatted, require_status=require_status)
    return parsed.values, parsed.problems


def parse_row(row: VisibleRow, percent_formatted: bool = False, *, require_status: bool = True) -> ParsedRow:
    """Editable cells → ``RowValues`` by the documented rules; problems and warnings name the cell.

    ``require_status=False`` (bureau mode, while typing) allows a reported row without a status yet.
    The common cell types (a drop-down label, a number, plain text) take the short paths.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    raw = row.raw

    def bad(key: str, message: Msg) -> None:
        problems.append(Problem(message, sheet=PROGRESS_SHEET, cell=f"{COL_LETTER[key]}{row.sheet_row}"))

    def note(key: str, message: Msg) -> None:
        warnings.append(Problem(message, sheet=PROGRESS_SHEET, cell=f"{COL_LETTER[key]}{row.sheet_row}"))

    for key, formula in row.formulas.items():
        if key in TEXT_FIELDS:
            continue                               # handled with the texts below
        value = raw.get(key)
        if key != "status" and isinstance(value, int | float) and not isinstance(value, bool):
            note(key, msg("merge.formula_value_used", formula=_short_text(formula), value=f"{value:g}"))
        elif key == "status" and type(value) is str and status_from_label(value) is not None:
            note(key, msg("merge.formula_value_used", formula=_short_text(formula), value=value))
        else:
            bad(key, msg("merge.formula_in_number", formula=_short_text(formula)))
            raw = {**raw, key: None}

    status: Status | None = None
    status_raw = raw["status"]
    if type(status_raw) is str and (known := status_from_label(status_raw)) is not None:
        status = known                          # the common case: a label from the drop-down
    elif status_raw is not None:
        text = unicodedata.normalize("NFKC", cell_text(status_raw)).strip()
        if text:
            status = status_from_label(text)
            if status is None:
                bad("status", msg("merge.status_unknown", value=_short_text(text), labels="/".join(status_labels())))
    percent: float | None = None
    if raw["percent"] is not None:
        percent, problem = read_percent(raw["percent"], percent_formatted)
        if problem is not None:
            bad("percent", problem)
    indicator: float | None = None
    ind = raw["indicator"]
    if ind is not None:
        if isinstance(ind, int | float) and not isinstance(ind, bool):
            if math.isfinite(float(ind)):
                indicator = float(ind)
            else:
                bad("indicator", msg("merge.indicator_not_finite"))
        else:
            text = cell_text(ind).strip()
            if text:
                number = _number_text(text)
                if _decimal_comma(text):
                    bad("indicator", msg("merge.decimal_comma", value=_short_text(text),
                                         fixed=unicodedata.normalize("NFKC", text).strip().replace(",", ".", 1)))
                elif number is None or not math.isfinite(number):
                    bad("indicator", msg("merge.indicator_not_number", value=_short_text(text)))
                else:
                    indicator = number
    texts: dict[str, str] = {}
    for key in TEXT_FIELDS:
        value_raw: Any = raw[key]
        text_formula = row.formulas.get(key)
        if text_formula is not None:
            # A formula typed into a text column ("=已完成初验" in a program that made it one): its text is
            # stored as typed, without the "=", and the cell is named in a warning — never its error value.
            value_raw = text_formula
            note(key, msg("merge.formula_as_text", formula=_short_text(text_formula)))
        if value_raw is None:
            continue
        text = value_raw if type(value_raw) is str and not _NEEDS_CLEANING.search(value_raw) \
            else cell_text(value_raw)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        text = text.strip()
        if len(text) > MAX_TEXT:
            bad(key, msg("merge.text_too_long", field=FIELD_NAMES[key], length=len(text), limit=MAX_TEXT))
            continue
        texts[key] = text
    out = RowValues(status, percent, indicator, **texts)
    if require_status and status is None and not problems and out.reported():
        bad("status", msg("merge.status_missing"))
    return ParsedRow(out, problems, warnings)


def read_percent(value: Any, percent_formatted: bool = False) -> tuple[float | None, Msg | None]:
    """A percent cell → (percent 0–100, None) or (None, the reason it cannot be taken).

    ``85``, ``"85"``, ``"85%"``, ``"８５％"``, 0.85 in a percent-formatted cell → 85. A bare 0 < x ≤ 1 with
    no percent sign or format is ambiguous (0.85 % or 85 %?) and is asked about, never guessed; a decimal
    comma ("8,5") is refused, never read as 85.
    """
    if isinstance(value, bool):
        return None, msg("merge.percent_not_number", value=cell_text(value))
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number):
            return None, msg("merge.percent_not_number", value=cell_text(value))
        if percent_formatted:
            number *= 100
        elif 0 < number <= 1:
            return None, msg("merge.percent_ambiguous", value=f"{number:g}", percent=f"{number * 100:g}")
    else:
        text = unicodedata.normalize("NFKC", cell_text(value)).strip().replace(" ", "")
        if not text:
            return None, None
        signed = text.endswith("%")
        body = text[:-1] if signed else text
        if _decimal_comma(text):
            return None, msg("merge.decimal_comma", value=_short_text(text), fixed=text.replace(",", ".", 1))
        parsed = _number_text(body) if "," not in body else None
        if parsed is None or not math.isfinite(parsed):
            return None, msg("merge.percent_not_number", value=_short_text(cell_text(value)))
        number = parsed
        if not signed and 0 < number <= 1:
            return None, msg("merge.percent_ambiguous", value=f"{number:g}", percent=f"{number * 100:g}")
    if not 0 <= number <= 100:
        return None, msg("merge.percent_range", value=f"{number:g}")
    return round(number, 4), None


def _short_text(text: str, n: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def consistency_remarks(status: Status | None, percent: float | None, last_percent: float | None) -> list[Msg]:
    """Remarks on an accepted entry that a reader should look at (never a reason to refuse it)."""
    out: list[Msg] = []
    if status is Status.COMPLETED and percent is not None and percent < 100:
        out.append(msg("merge.remark_done_below_100", percent=f"{percent:g}"))
    if status is Status.NOT_STARTED and percent is not None and percent > 0:
        out.append(msg("merge.remark_not_started_with_percent", percent=f"{percent:g}"))
    if percent is not None and last_percent is not None and percent < last_percent:
        out.append(msg("merge.remark_percent_fell", percent=f"{percent:g}", last=f"{last_percent:g}"))
    return out


_LAST_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def last_percent_of(last: str) -> float | None:
    """The percent in a locked "last period" text (``2025-09：推进中 40%；…``), if it shows one."""
    head = last.split("；", 1)[0]
    m = _LAST_PERCENT.search(head)
    return float(m.group(1)) if m else None


# --- percent formats and the far-cell guard ------------------------------------------------------------
# Both come from the structural screening of ``safe_xlsx.screen_parts``: one linear XML pass over every part
# before calamine sees the file (the percent formats of the watched column, and the furthest cell of every
# sheet as calamine would place it).
