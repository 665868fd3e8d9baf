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
- Percent: a number 0–100. Text ``"85"``, ``"85%"``, ``"85.5 %"`` → 85 / 85.5. A numeric cell holding a
  fraction 0–1 is multiplied by 100 **only when the cell has a percent number format** (Excel turns a typed
  ``85%`` into 0.85 formatted ``0%``); otherwise 0.85 means 0.85 %. Words (``八十五``, ``eighty``) and values
  outside 0–100 are rejected.
- Indicator value: a number; text with thousands separators (``1,234.5``) is accepted; units or words
  are rejected (put them in the narrative).
- Text (narrative, problems, next steps, contact person, phone): at most 2,000 characters after
  removing control characters that XML cannot carry (those are dropped silently). Numbers typed into
  text columns (a phone number) are read as their plain digits (``13800000000``, not ``1.38e10``).
- Formulas: a formula cell is read as the value the spreadsheet program last calculated; PeakDesk
  stores that value as plain text/number and never writes a formula back.
- Dates typed into a text column are read as ISO text (``2025-10-08``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import html
import io
import itertools
import json
import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.domain.models import STATUS_LABELS, Status, status_from_label
from desktop_app.errors import InputRejected, Problem
from desktop_app.exchange.safe_xlsx import (
    clean_text,
    fit_row_height,
    open_checked_xlsx,
    read_xlsx_bytes,
    text_cell,
)
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
         meta.period_code, [[_norm(c) if "\r" in c else c.strip() for c in r.cells()] for r in rows]],
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
        "3. 完成进度填 0–100 的数字（如 85 表示 85%）；指标值只填数字，单位写在进展情况中。",
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
        "3. Percent done is a number 0–100 (85 means 85 %); the indicator value is a number only (write "
        "the unit in the progress text).",
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
        c = text_cell(info, i, 1, line)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1 or line in ("填报说明", "Instructions"):
            c.font = Font(bold=True, size=14 if i == 1 else 12)
        info.row_dimensions[i].height = fit_row_height([(line, INSTRUCTION_WIDTH)], line_points=16 if i == 1 else 14.5)
    info.column_dimensions["A"].width = INSTRUCTION_WIDTH
    info.protection.sheet = True
    info.protection.password = SHEET_PASSWORD
    _print_setup(info, title_rows=None)

    ws = wb.create_sheet(PROGRESS_SHEET)
    title = text_cell(ws, 1, 1, f"{meta.department_name} {meta.period_code} 任务进展填报 Progress report "
                                 f"(截止 due {meta.due.isoformat()})")
    title.font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    head_font = Font(bold=True)
    for col, key in enumerate(COLUMNS, start=1):
        zh, en, width = HEADERS[key]
        c = text_cell(ws, HEADER_ROW, col, f"{zh}\n{en}")
        c.font, c.fill, c.border = head_font, _HEAD_FILL, _BORDER
        c.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        ws.column_dimensions[LETTERS[col - 1]].width = width
    ws.row_dimensions[HEADER_ROW].height = 42
    for i, (row, vals) in enumerate(zip(rows, values, strict=True)):
        r = FIRST_ROW + i
        for col, text in enumerate(row.cells(), start=1):
            c = text_cell(ws, r, col, text)
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
            if key in ("percent", "indicator"):
                c = ws.cell(row=r, column=col)
                c.value = value if isinstance(value, int | float) else None
                c.number_format = "0.##" if key == "percent" else "General"
            else:
                c = text_cell(ws, r, col, value or "")
                if not value:
                    c.value = None
            c.fill, c.border, c.alignment, c.protection = _EDIT_FILL, _BORDER, _WRAP, _UNLOCKED
    last = FIRST_ROW + max(len(rows), 1) - 1
    _validations(ws, last)
    ws.freeze_panes = "C3"
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False   # False = allowed: clerks may widen columns / rows
    ws.protection.formatRows = False
    _print_setup(ws, title_rows="1:2")

    lists = wb.create_sheet(LISTS_SHEET)
    for i, text in enumerate(status_labels(), start=1):
        text_cell(lists, i, 1, text)
    lists.sheet_state = "veryHidden"
    lists.protection.sheet = True
    lists.protection.password = SHEET_PASSWORD
    wb.defined_names[STATUS_LIST_NAME] = DefinedName(
        STATUS_LIST_NAME, attr_text=f"'{LISTS_SHEET}'!$A$1:$A${len(status_labels())}")

    m = wb.create_sheet(META_SHEET)
    meta_values = _meta_values(meta, len(rows))
    for i, key in enumerate(META_KEYS, start=1):
        text_cell(m, i, 1, key)
        text_cell(m, i, 2, meta_values[key])
    text_cell(m, COPY_ROW, 1, COPY_MARKER)
    for col, chunk in enumerate(issued_copy_chunks(rows), start=2):
        text_cell(m, COPY_ROW, col, chunk)
    m.sheet_state = "veryHidden"
    m.protection.sheet = True
    m.protection.password = SHEET_PASSWORD

    wb.active = 1
    wb.security = WorkbookProtection(workbookPassword=SHEET_PASSWORD, lockStructure=True)
    with atomic_output(path) as tmp:
        wb.save(tmp)
    return path


def issued_copy_chunks(rows: Sequence[LockedRow]) -> list[str]:
    """The JSON copy of the locked rows, cut into cell-sized pieces (cleaned as ``text_cell`` would)."""
    text = json.dumps([[clean_text(c) for c in r.cells()] for r in rows], ensure_ascii=False,
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
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100",
                             allow_blank=True, showErrorMessage=True, errorTitle="完成进度 Percent",
                             error="请填写 0–100 之间的数字。Enter a number from 0 to 100.",
                             showInputMessage=True, promptTitle="完成进度 Percent",
                             prompt="0–100，如 85 表示 85%。0-100; 85 means 85 %.")
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


def _print_setup(ws: Any, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    if title_rows:
        ws.print_title_rows = title_rows


# --- reading ------------------------------------------------------------------------------------

@dataclass
class VisibleRow:
    sheet_row: int
    locked: LockedRow
    raw: dict[str, Any]              # editable cells as read (calamine values)


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


_NEEDS_CLEANING = ILLEGAL_CHARACTERS_RE


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
        return clean_text(value) if _NEEDS_CLEANING.search(value) else value
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
    return clean_text(value)


def read_workbook(path: Path, data: bytes | None = None) -> ReadWorkbook:
    """Read an exchange workbook (checked by ``check_xlsx`` first); raise ``InputRejected`` if it is not one.

    ``data``: the file's bytes when the caller has read them already. The file is read once; the checks,
    the part scans and the grid reader all work on those bytes.
    """
    if data is None:
        data = read_xlsx_bytes(path)
    with open_checked_xlsx(path, data) as zf:
        return _read_workbook(path, zf, data)


def _read_workbook(path: Path, zf: zipfile.ZipFile, data: bytes) -> ReadWorkbook:
    from python_calamine import CalamineError, CalamineWorkbook

    name = path.name
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, OSError, ValueError) as exc:
        raise InputRejected(f"{name}: cannot be read as a workbook ({exc}).",
                            [Problem(f"cannot be read as a workbook ({exc})", file=name)]) from exc
    try:
        sheets = set(wb.sheet_names)
        if META_SHEET not in sheets or PROGRESS_SHEET not in sheets:
            missing = META_SHEET if META_SHEET not in sheets else PROGRESS_SHEET
            raise InputRejected(
                f"{name}: not a PeakDesk exchange workbook (no '{missing}' sheet).",
                [Problem("not a PeakDesk exchange workbook (sheet missing); send the workbook PeakDesk issued",
                         file=name, sheet=missing)])
        parts = _ZipParts(zf)
        for sheet in (META_SHEET, PROGRESS_SHEET):
            _check_extent(name, parts, sheet)
        meta_rows = wb.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
        grid = wb.get_sheet_by_name(PROGRESS_SHEET).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise InputRejected(f"{name}: damaged workbook ({exc}).",
                            [Problem(f"damaged workbook ({exc})", file=name)]) from exc
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
    ambiguous = [r.sheet_row for r in rows
                 if isinstance(r.raw["percent"], int | float) and 0 < r.raw["percent"] <= 1]
    if ambiguous:
        result.percent_formatted = _percent_formatted(parts, PROGRESS_SHEET, COL_LETTER["percent"], set(ambiguous))
    return result


def _issued_copy(name: str, copy: str | None, meta: dict[str, str]) -> list[LockedRow]:
    """The locked rows as issued, from the JSON copy in ``_meta``; [] for another format version (the
    caller rejects those); a damaged copy is rejected here, naming its cell."""
    if _int(meta.get("format_version")) not in SUPPORTED_FORMAT_VERSIONS:
        return []
    try:
        data = json.loads(copy or "")
    except ValueError:
        data = None
    if type(data) is list and all(type(r) is list and len(r) == 5 for r in data) \
            and set(map(type, itertools.chain.from_iterable(data))) <= {str}:
        return [LockedRow(*r) for r in data]
    raise InputRejected(f"{name}: the hidden copy of the issued rows is damaged.", [Problem(
        "the hidden check data was altered (the copy of the issued rows is damaged); ask the coordinator for a "
        "new workbook", file=name, sheet=META_SHEET, cell=f"B{COPY_ROW}")])


# --- editable values ------------------------------------------------------------------------------

_NUM = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _number_text(text: str) -> float | None:
    t = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    return float(t) if _NUM.match(t) else None


def parse_values(row: VisibleRow, percent_formatted: bool = False, *,
                 require_status: bool = True) -> tuple[RowValues, list[Problem]]:
    """Editable cells → ``RowValues`` by the documented rules; problems name the cell.

    ``require_status=False`` (bureau mode, while typing) allows a reported row without a status yet.
    The common cell types (a drop-down label, a number, plain text) take the short paths.
    """
    problems: list[Problem] = []
    raw = row.raw

    def bad(key: str, message: str) -> None:
        problems.append(Problem(message, sheet=PROGRESS_SHEET, cell=f"{COL_LETTER[key]}{row.sheet_row}"))

    status: Status | None = None
    status_raw = raw["status"]
    if type(status_raw) is str and (known := status_from_label(status_raw)) is not None:
        status = known                          # the common case: a label from the drop-down
    elif status_raw is not None:
        text = unicodedata.normalize("NFKC", cell_text(status_raw)).strip()
        if text:
            status = status_from_label(text)
            if status is None:
                bad("status", f"status '{text[:40]}' is not one of {'/'.join(status_labels())}")
    percent: float | None = None
    pct = raw["percent"]
    if pct is not None:
        value: float | None
        if type(pct) is int or type(pct) is float:          # not bool (rejected below)
            value = float(pct) * 100 if percent_formatted and 0 <= pct <= 1 else float(pct)
        elif isinstance(pct, bool):
            value = None
        else:
            text = unicodedata.normalize("NFKC", cell_text(pct)).strip()
            value = _number_text(text[:-1]) if text.endswith("%") else _number_text(text)
            if not text:
                pct = None
        if pct is not None:
            if value is None or not math.isfinite(value):
                bad("percent", f"percent '{cell_text(pct)[:40]}' is not a number; enter a number 0-100 (85 or 85%)")
            elif not 0 <= value <= 100:
                bad("percent", f"percent {value:g} is outside 0-100")
            else:
                percent = round(value, 4)
    indicator: float | None = None
    ind = raw["indicator"]
    if ind is not None:
        if type(ind) is int or type(ind) is float or (isinstance(ind, int | float) and not isinstance(ind, bool)):
            if math.isfinite(float(ind)):
                indicator = float(ind)
            else:
                bad("indicator", "indicator value is not a finite number")
        else:
            text = cell_text(ind).strip()
            if text:
                number = _number_text(text)
                if number is None or not math.isfinite(number):
                    bad("indicator", f"indicator value '{text[:40]}' is not a number; write the number only "
                                     "(put the unit in the narrative)")
                else:
                    indicator = number
    texts: dict[str, str] = {}
    for key in TEXT_FIELDS:
        value_raw = raw[key]
        if value_raw is None:
            continue
        text = value_raw if type(value_raw) is str and not _NEEDS_CLEANING.search(value_raw) \
            else cell_text(value_raw)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        text = text.strip()
        if len(text) > MAX_TEXT:
            bad(key, f"{HEADERS[key][1].lower()} has {len(text)} characters; at most {MAX_TEXT} are allowed")
            continue
        texts[key] = text
    out = RowValues(status, percent, indicator, **texts)
    if require_status and status is None and not problems and out.reported():
        bad("status", "status is empty but the row has other entries; choose a status")
    return out, problems


# --- percent formats (only read when a fraction 0-1 makes the format matter) -------------------------

_BUILTIN_PERCENT = {9, 10}
_ATTR = re.compile(rb'(\w+)\s*=\s*"([^"]*)"')   # attribute name without its namespace prefix


def _percent_formatted(parts: _ZipParts, sheet_name: str, letter: str, rows: set[int]) -> set[int]:
    """Rows among ``rows`` whose cell in column ``letter`` has a percent number format.

    Byte-level scans of styles.xml and a ``bytes.find`` of each wanted cell's start tag in the sheet: far
    cheaper than parsing them; the sizes were bounded by check_xlsx.
    """
    try:
        sheet_path = parts.sheet_part(sheet_name)
        if not sheet_path:
            return set()
        styles = parts.read("xl/styles.xml") if "xl/styles.xml" in parts.zf.NameToInfo else b""
        xf_percent = _percent_styles_cached(styles) if len(styles) <= 65536 else _percent_styles(styles)
        data = parts.read(sheet_path)
        found: set[int] = set()
        for row in rows:
            cell = _cell_tag(data, f'r="{letter}{row}"'.encode())
            style = int(cell.get(b"s", b"0")) if cell else 0
            if style < len(xf_percent) and xf_percent[style]:
                found.add(row)
        return found
    except (KeyError, zipfile.BadZipFile, ValueError):
        return set()


def _percent_styles(styles: bytes) -> tuple[bool, ...]:
    """For each cell style (``cellXfs`` entry) of styles.xml: does its number format show a percent?"""
    percent_fmt_ids = set(_BUILTIN_PERCENT)
    for attrs in _tags(styles, b"numFmt"):
        code = re.sub(r'"[^"]*"|&quot;.*?&quot;|\\.', "", attrs.get(b"formatCode", b"").decode("utf-8", "replace"))
        if "%" in code:
            percent_fmt_ids.add(int(attrs.get(b"numFmtId", b"-1")))
    section = re.search(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", styles, re.S)
    return tuple(int(attrs.get(b"numFmtId", b"0")) in percent_fmt_ids
                 for attrs in _tags(section.group(1) if section else b"", b"xf"))


# Workbooks issued together share their styles part: the answer for a (small) one is kept for the next.
_percent_styles_cached = functools.lru_cache(maxsize=16)(_percent_styles)

_KEEP_PART_BYTES = 8 * 1024 * 1024


class _ZipParts:
    """The zip members a reading needs, each decompressed once: workbook.xml and its relationships are
    parsed on first use, and a member read for one check (the extent scan) is kept for the next (the
    percent formats)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self._data: dict[str, bytes] = {}
        self._sheets: dict[str, str] | None = None

    def read(self, member: str) -> bytes:
        data = self._data.get(member)
        if data is None:
            data = self.zf.read(member)
            if len(data) <= _KEEP_PART_BYTES:      # a huge part is read again rather than held while reading
                self._data[member] = data
        return data

    def sheet_part(self, sheet_name: str) -> str | None:
        """The zip member holding the worksheet called ``sheet_name`` (via workbook.xml and its relationships)."""
        if self._sheets is None:
            self._sheets = _sheet_parts(self.zf)
        return self._sheets.get(sheet_name)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member, for every sheet of workbook.xml whose relationship names a target (the
    first sheet of a name and the first relationship of an id win)."""
    targets: dict[bytes, str] = {}
    for a in _tags(zf.read("xl/_rels/workbook.xml.rels"), b"Relationship"):
        if b"Target" in a and a.get(b"Id") is not None:
            targets.setdefault(a[b"Id"], a[b"Target"].decode("utf-8", "replace"))
    out: dict[str, str] = {}
    for a in _tags(zf.read("xl/workbook.xml"), b"sheet"):
        name = html.unescape(a.get(b"name", b"").decode("utf-8", "replace"))
        if name in out:
            continue
        rid = a.get(b"id")
        target = targets.get(rid) if rid else None
        if target:
            target = target.lstrip("/")
            out[name] = target if target.startswith("xl/") else f"xl/{target}"
        else:
            out[name] = ""
    return {k: v for k, v in out.items() if v}


# A sheet is read as a full grid up to its last cell: one cell at XFD1048576 would make the reader
# allocate hundreds of GB and abort the process. Cell and row references are checked first.
MAX_SHEET_COLUMNS = 64
MAX_SHEET_ROWS = 200_000
MAX_SHEET_CELLS = 3_000_000
# Any attribute ending in "r" whose value looks like a reference (cells r="G3", rows r="3"), in any
# spacing or quoting XML allows; a stray match (header="0") can only make the check stricter.
_REF = re.compile(rb"""r\s*=\s*["']([A-Z]{0,3})([0-9]{1,7})["']""")
# The same references, matched only when they may be far: a column beyond BL (64) or a row of five
# digits or more. A sheet without one is within every limit (≤ 64 columns × 9,999 rows), which one
# scan without captures settles; only a sheet with one is looked at reference by reference.
assert MAX_SHEET_COLUMNS == 64 and 9_999 <= MAX_SHEET_ROWS and 64 * 9_999 <= MAX_SHEET_CELLS
_MAYBE_FAR = re.compile(rb"""r\s*=\s*["'](?:(?:[A-Z]{3}|[C-Z][A-Z]|B[M-Z])[0-9]|[A-Z]{0,3}[0-9]{5})""")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_extent(name: str, zf: zipfile.ZipFile | _ZipParts, sheet_name: str) -> None:
    parts = zf if isinstance(zf, _ZipParts) else _ZipParts(zf)
    try:
        part = parts.sheet_part(sheet_name)
        data = parts.read(part) if part else b""
    except (KeyError, zipfile.BadZipFile, ValueError, OSError):
        return      # the reader itself reports a damaged workbook
    if _MAYBE_FAR.search(data) is None:
        return
    refs = _REF.findall(data)
    max_row = max(map(int, set(map(itemgetter(1), refs))), default=0)
    max_col = max(map(_column_number, set(map(itemgetter(0), refs))), default=0)
    if max_col > MAX_SHEET_COLUMNS or max_row > MAX_SHEET_ROWS or max_row * max(max_col, 1) > MAX_SHEET_CELLS:
        far = ""
        for letters, digits in refs:   # name the first reference that reaches furthest
            if int(digits) == max_row or _column_number(letters) == max_col:
                far = ((letters or b"A") + digits).decode()   # a <row r="N"> counts as its column A
                if (int(digits), _column_number(letters)) == (max_row, max_col):
                    break
        raise InputRejected(
            f"{name}: sheet '{sheet_name}' has a cell at {far}, far outside an exchange workbook; "
            "do not add rows or columns — fill in the rows PeakDesk issued and send the file again.",
            [Problem(f"a cell at {far} is far outside the exchange workbook's area; do not add rows or columns",
                     file=name, sheet=sheet_name, cell=far)])


_CELL_START = re.compile(rb"<(?:\w+:)?c\s")


def _cell_tag(xml: bytes, ref_attr: bytes) -> dict[bytes, bytes] | None:
    """The attributes of the cell start tag carrying ``ref_attr`` (``r="G3"``); found with ``bytes.find``
    (text content cannot hold a literal ``"``: it is written as ``&quot;``)."""
    pos = xml.find(ref_attr)
    while pos > 0:
        start = xml.rfind(b"<", 0, pos)
        end = xml.find(b">", pos)
        if start >= 0 and end > 0 and _CELL_START.match(xml, start) and xml[pos - 1:pos].isspace():
            return dict(_ATTR.findall(xml, start, end))
        pos = xml.find(ref_attr, pos + 1)
    return None


def _tags(xml: bytes, name: bytes) -> list[dict[bytes, bytes]]:
    """The attributes (namespace prefixes dropped) of every ``<name …>`` start tag in ``xml``."""
    return [dict(_ATTR.findall(m.group(1)))
            for m in re.finditer(rb"<(?:\w+:)?" + name + rb"\s([^>]*)>", xml)]
