"""Read a plan document (.txt/.md, .docx, .xlsx) into lines and tables, refusing what is not one.

Readers only get the words out; ``plan_text`` decides what they mean. Every refusal is an
``InputRejected`` whose problem names the file (and the line, sheet or cell where it applies), so
that a coordinator who picked the wrong file sees why at once.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.errors import InputRejected, Problem

MAX_TEXT_BYTES = 16 * 1024 * 1024          # a 40-page plan is ~100 KB; 16 MB is not a plan
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024   # .docx/.xlsx: total size once unpacked
MAX_ZIP_RATIO = 100                        # per member: unpacked / packed (zip bombs are ~1000+)
MAX_TABLE_ROWS = 20_000

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
DOCX_SUFFIXES = {".docx"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass(frozen=True)
class SourceLine:
    """One paragraph of the document; ``number`` is the 1-based line (or paragraph) it starts on."""

    text: str
    number: int


@dataclass
class SourceTable:
    """A grid of cell texts with merged ranges already filled; ``name`` is the sheet name."""

    name: str
    rows: list[list[str]]
    first_row: int = 1          # spreadsheet row number of rows[0]
    where: str = "sheet"        # 'sheet' (xlsx) or 'table' (docx)


@dataclass
class PlanSource:
    """What a reader got out of a file."""

    path: Path
    sha256: str
    kind: str                                   # 'text' | 'docx' | 'xlsx'
    lines: list[SourceLine] = field(default_factory=list)
    tables: list[SourceTable] = field(default_factory=list)
    encoding: str = ""
    original_lines: list[SourceLine] = field(default_factory=list)   # as in the file, before folding

    @property
    def name(self) -> str:
        return self.path.name


def reject(path: Path | str, message: str, *, zh: str = "", sheet: str = "", cell: str = "",
           line: int | None = None) -> InputRejected:
    """An ``InputRejected`` for one problem in ``path``, bilingual for the UI."""
    name = Path(path).name
    exc = InputRejected(f"{name} cannot be imported as a plan.",
                        [Problem(message, file=name, sheet=sheet, cell=cell, line=line)])
    where = f"（工作表 {sheet}{'!' + cell if cell else ''}）" if sheet else (f"（第 {line} 行）" if line else "")
    exc.message_zh = f"{name} 无法作为方案导入：{zh or message}{where}"
    return exc


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_plan_file(path: Path | str) -> PlanSource:
    """Read any supported plan file; the format is chosen by content first, then by suffix."""
    path = Path(path)
    if not path.is_file():
        raise reject(path, "the file does not exist or is not a regular file.", zh="文件不存在或不是普通文件。")
    size = path.stat().st_size
    if size == 0:
        raise reject(path, "the file is empty.", zh="文件为空。")
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    is_zip = head.startswith(b"PK\x03\x04")
    if suffix in DOCX_SUFFIXES or (is_zip and suffix not in XLSX_SUFFIXES and _zip_has(path, "word/document.xml")):
        return read_docx(path)
    if suffix in XLSX_SUFFIXES or (is_zip and _zip_has(path, "xl/workbook.xml")):
        return read_xlsx(path)
    if is_zip:
        raise reject(path, "this is a zip archive, not a plan document. Choose a .txt, .docx or .xlsx file.",
                     zh="这是压缩包，不是方案文件。请选择 .txt、.docx 或 .xlsx 文件。")
    if suffix and suffix not in TEXT_SUFFIXES and suffix not in {".doc", ".wps"}:
        pass  # unknown suffix: try it as text, the content check below refuses binaries
    if suffix in {".doc", ".wps"}:
        raise reject(path, "old Word/WPS .doc files are not supported. Save it as .docx (Word 2007 or "
                     "later) and import that.", zh="不支持旧版 .doc/.wps 文件。请另存为 .docx 后再导入。")
    return read_text(path)


def _zip_has(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return member in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


# --- plain text ---------------------------------------------------------------------------------

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]


def decode_text(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode plan text: BOM first, then strict UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError as exc:
                raise reject(path, f"the file starts with a {encoding} byte-order mark but is not valid "
                             f"{encoding} (byte {exc.start}).", zh=f"文件带 {encoding} 标记但内容无效。") from exc
    if b"\x00" in data[:65536]:
        raise reject(path, "this is a binary file, not a text document.", zh="这是二进制文件，不是文本文档。")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    line = data[: _first_bad_offset(data)].count(b"\n") + 1
    raise reject(path, "the file is neither UTF-8 nor GB18030/GBK text (it looks binary). Save it as "
                 "UTF-8 text or .docx.", zh="文件既不是 UTF-8 也不是 GB18030/GBK 文本（像是二进制文件）。",
                 line=line)


def _first_bad_offset(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f\v") or 0xE000 <= ord(ch) <= 0xF8FF)
    return controls / len(sample) > 0.01


def read_text(path: Path) -> PlanSource:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise reject(path, f"the file is {size / 1024 / 1024:.0f} MB; a plan document is far smaller "
                     f"(limit {MAX_TEXT_BYTES // 1024 // 1024} MB). Check that this is the right file.",
                     zh=f"文件大小为 {size / 1024 / 1024:.0f} MB，远超方案文档的正常大小"
                        f"（上限 {MAX_TEXT_BYTES // 1024 // 1024} MB）。请确认文件是否正确。")
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    lines = [SourceLine(_clean(raw), i) for i, raw in enumerate(text.splitlines(), start=1)]
    lines = [ln for ln in lines if ln.text]
    if not lines:
        raise reject(path, "the file holds only blank lines.", zh="文件只有空行。")
    return PlanSource(path, sha256_of(data), "text", lines=lines, encoding=encoding)


_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_MD_PREFIX = re.compile(r"^\s*(#{1,6}\s+|>\s*|[*_]{2})")


def _clean(raw: str) -> str:
    text = raw.replace("\ufeff", "").replace("\u200b", "")
    text = _MD_PREFIX.sub("", text)
    text = re.sub(r"(\*\*|__)$", "", text.strip())
    return _SPACES.sub(" ", text).strip()


# --- zip containers -------------------------------------------------------------------------------

def check_zip(path: Path, required: str, what: str) -> None:
    """Refuse zip bombs and files that are not the container they claim to be, before parsing."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            total = 0
            for info in infos:
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO \
                        and info.file_size > 1024 * 1024:
                    raise reject(path, f"{info.filename} inside the file expands {info.file_size // info.compress_size}"
                                 " times; refusing a possible zip bomb.", zh="文件内部压缩比异常，疑似压缩炸弹，已拒绝。")
            if total > MAX_ZIP_UNCOMPRESSED:
                raise reject(path, f"the file unpacks to {total // 1024 // 1024} MB; refusing it.",
                             zh=f"文件解压后达 {total // 1024 // 1024} MB，已拒绝。")
    except zipfile.BadZipFile as exc:
        raise reject(path, f"the file is not a valid {what} file (damaged or not a zip container).",
                     zh=f"文件不是有效的 {what} 文件（已损坏或格式不对）。") from exc
    if required not in names:
        raise reject(path, f"the file is a zip archive but not a {what} file ({required} is missing).",
                     zh=f"文件是压缩包，但不是 {what} 文件（缺少 {required}）。")


# --- Word -----------------------------------------------------------------------------------------

def read_docx(path: Path) -> PlanSource:
    with path.open("rb") as fh:
        data = fh.read()
    if not data.startswith(b"PK\x03\x04"):
        raise reject(path, "the file is named .docx but is not a Word document. Open it in Word/WPS and "
                     "save it as .docx.", zh="文件扩展名为 .docx，但不是 Word 文档。请用 Word/WPS 另存为 .docx。")
    check_zip(path, "word/document.xml", "Word .docx")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise reject(path, f"Word could not read the document: {exc}.", zh=f"无法读取 Word 文档：{exc}。") from exc
    lines: list[SourceLine] = []
    tables: list[SourceTable] = []
    number = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            text = _clean(Paragraph(child, document).text)
            if text:
                lines.append(SourceLine(text, number))
        elif tag == "tbl":
            table = Table(child, document)
            rows = _docx_rows(table)
            tables.append(SourceTable(f"table {len(tables) + 1}", rows, where="table"))
            # keep table text visible to the text parser too (a plan may be a one-column table)
            for row in rows:
                number += 1
                cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
                if cells:
                    lines.append(SourceLine(" ".join(cells), number))
    if not lines and not tables:
        raise reject(path, "the Word document holds no text.", zh="Word 文档中没有文字。")
    return PlanSource(path, sha256_of(data), "docx", lines=lines, tables=tables)


def _docx_rows(table: Any) -> list[list[str]]:
    """Cell texts row by row; python-docx repeats a merged cell in every grid slot it covers."""
    rows: list[list[str]] = []
    for row in table.rows:
        rows.append([_clean(cell.text.replace("\n", " ")) for cell in row.cells])
    return rows


# --- Excel ----------------------------------------------------------------------------------------

def read_xlsx(path: Path) -> PlanSource:
    with path.open("rb") as fh:
        data = fh.read()
    if not data.startswith(b"PK\x03\x04"):
        raise reject(path, "the file is named .xlsx but is not an Excel workbook. Save it as .xlsx.",
                     zh="文件扩展名为 .xlsx，但不是 Excel 工作簿。请另存为 .xlsx。")
    check_zip(path, "xl/workbook.xml", "Excel .xlsx")
    import openpyxl

    try:
        # not read-only: merged ranges are only known in normal mode; task tables are small.
        wb = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken packages
        raise reject(path, f"Excel could not read the workbook: {exc}.", zh=f"无法读取 Excel 工作簿：{exc}。") from exc
    tables: list[SourceTable] = []
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            if ws.max_row > MAX_TABLE_ROWS:
                raise reject(path, f"the sheet has {ws.max_row} rows; a task-division table has far fewer "
                             f"(limit {MAX_TABLE_ROWS}).", zh=f"工作表有 {ws.max_row} 行，超过上限。", sheet=ws.title)
            grid = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
            for merged in ws.merged_cells.ranges:
                value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else ""
                for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                    for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                        grid[r][c] = value
            while grid and not any(grid[-1]):
                grid.pop()
            if grid:
                tables.append(SourceTable(ws.title, grid, first_row=1))
    finally:
        wb.close()
    if not tables:
        raise reject(path, "the workbook has no visible sheet with data.", zh="工作簿中没有含数据的可见工作表。")
    return PlanSource(path, sha256_of(data), "xlsx", tables=tables)


def _cell_text(value: object) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value).replace("\n", " "))


def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
