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
from desktop_app.messages import Msg, msg

MAX_TEXT_BYTES = 16 * 1024 * 1024          # a 40-page plan is ~100 KB; 16 MB is not a plan
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024   # .docx/.xlsx: total size once unpacked
MAX_ZIP_RATIO = 100                        # per member: unpacked / packed (zip bombs are ~1000+)
MAX_TABLE_ROWS = 20_000

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
DOCX_SUFFIXES = {".docx"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
PDF_SUFFIXES = {".pdf"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".mht", ".shtml"}
OLD_WORD_SUFFIXES = {".doc", ".wps", ".rtf", ".odt"}
MAX_PDF_PAGES = 500


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


def reject(path: Path | str, reason: Msg, *, sheet: str = "", cell: str = "",
           line: int | None = None) -> InputRejected:
    """An ``InputRejected`` for one problem in ``path`` (a catalogue message, ``importer.read.*``)."""
    name = Path(path).name
    return InputRejected(msg("importer.rejected", name=name),
                         [Problem(reason, file=name, sheet=sheet, cell=cell, line=line)])


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_plan_file(path: Path | str) -> PlanSource:
    """Read any supported plan file; the format is chosen by content first, then by suffix."""
    path = Path(path)
    if not path.is_file():
        raise reject(path, msg("importer.read.not_a_file"))
    size = path.stat().st_size
    if size == 0:
        raise reject(path, msg("importer.read.empty_file"))
    suffix = path.suffix.lower()
    with path.open("rb") as fh:
        head = fh.read(8)
    is_zip = head.startswith(b"PK\x03\x04")
    if suffix in DOCX_SUFFIXES or (is_zip and suffix not in XLSX_SUFFIXES and _zip_has(path, "word/document.xml")):
        return read_docx(path)
    if suffix in XLSX_SUFFIXES or (is_zip and _zip_has(path, "xl/workbook.xml")):
        return read_xlsx(path)
    if head.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        return read_pdf(path)
    if is_zip and suffix == ".odt":
        return read_converted(path)
    if is_zip:
        raise reject(path, msg("importer.read.zip_archive"))
    if suffix in OLD_WORD_SUFFIXES or head.startswith(b"\xd0\xcf\x11\xe0"):
        return read_converted(path)
    if suffix in HTML_SUFFIXES or _looks_html(path):
        return read_html(path)
    return read_text(path)


def _looks_html(path: Path) -> bool:
    with path.open("rb") as fh:
        start = fh.read(2048).lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:512]


# --- PDF (text layer) -------------------------------------------------------------------------------

def read_pdf(path: Path) -> PlanSource:
    """The text layer of a PDF, page by page (pypdfium2: PDFium's own text extraction, fast and
    maintained; a scanned PDF without text is refused with a message)."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise reject(path, msg("importer.read.not_pdf"))
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise reject(path, msg("importer.read.pdf_unreadable", error=str(exc))) from exc
    lines: list[SourceLine] = []
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise reject(path, msg("importer.read.pdf_too_long", pages=len(pdf), limit=MAX_PDF_PAGES))
        number = 0
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_bounded()
            finally:
                textpage.close()
                page.close()
            for raw in text.splitlines():
                number += 1
                cleaned = _clean(raw)
                if cleaned:
                    lines.append(SourceLine(cleaned, number))
    finally:
        pdf.close()
    if not lines:
        raise reject(path, msg("importer.read.pdf_scanned"))
    return PlanSource(path, sha256_of(data), "pdf", lines=lines)


# --- saved web pages ----------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
               "ul", "ol", "dd", "dt", "blockquote", "pre", "header", "footer", "td", "th", "title"}


def read_html(path: Path) -> PlanSource:
    """A saved web page: its visible text in reading order, one block per line, tables as tables
    (lxml's HTML parser: maintained, tolerant of broken markup, already a dependency of python-docx)."""
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise reject(path, msg("importer.read.page_too_large"))
    import lxml.html

    text, encoding = _decode_html(data, path)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError for empty or broken documents
        raise reject(path, msg("importer.read.page_unreadable", error=str(exc))) from exc
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head/*[not(self::title)]"):
        bad.drop_tree()
    chunks: list[str] = []
    tables: list[SourceTable] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            rows = []
            for tr in el.iter("tr"):
                rows.append([_clean(" ".join(td.itertext())) for td in tr if td.tag in ("td", "th")])
            if rows:
                tables.append(SourceTable(f"table {len(tables) + 1}", rows, where="table"))
                for row in rows:
                    chunks.append("\n" + " ".join(c for c in row if c) + "\n")
            if el.tail:
                chunks.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            chunks.append("\n")
        if el.text:
            chunks.append(el.text)
        for child in el:
            walk(child)
        if block:
            chunks.append("\n")
        if el.tail:
            chunks.append(el.tail)

    walk(root)
    lines = [SourceLine(c, i) for i, c in enumerate((_clean(x) for x in "".join(chunks).split("\n")), start=1) if c]
    if not lines and not tables:
        raise reject(path, msg("importer.read.page_empty"))
    return PlanSource(path, sha256_of(data), "html", lines=lines, tables=tables, encoding=encoding)


def _decode_html(data: bytes, path: Path) -> tuple[str, str]:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, path)


# --- old Word / WPS through LibreOffice ------------------------------------------------------------------

def read_converted(path: Path) -> PlanSource:
    """.doc/.wps/.rtf/.odt: converted to .docx by LibreOffice when it is installed, else a message."""
    import shutil
    import subprocess
    import tempfile

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise reject(path, msg("importer.read.no_libreoffice"))
    with tempfile.TemporaryDirectory(prefix="peakdesk-doc-") as out:
        try:
            subprocess.run([office, "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to",
                            "docx", "--outdir", out, str(path)], check=True, capture_output=True, timeout=120)
        except (subprocess.SubprocessError, OSError) as exc:
            raise reject(path, msg("importer.read.convert_failed", error=str(exc))) from exc
        converted = Path(out) / (path.stem + ".docx")
        if not converted.is_file():
            raise reject(path, msg("importer.read.convert_no_docx"))
        source = read_docx(converted)
    source.path = path
    source.sha256 = sha256_of(path.read_bytes())
    return source


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
                raise reject(path, msg("importer.read.bad_bom", encoding=encoding, byte=exc.start)) from exc
    if b"\x00" in data[:65536]:
        raise reject(path, msg("importer.read.binary"))
    for encoding in ("utf-8", _legacy_chinese(data)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, encoding
    line = data[: _first_bad_offset(data)].count(b"\n") + 1
    raise reject(path, msg("importer.read.not_text"), line=line)


def _legacy_chinese(data: bytes) -> str:
    """GB18030 (a superset of GBK/GB2312) unless the bytes read better as Big5 (traditional plans from
    Taiwan/Hong Kong sites): GB18030 decodes almost any byte pairs, so charset-normalizer judges."""
    try:
        import charset_normalizer
    except ImportError:
        return "gb18030"
    sample = data[:200_000]
    try:
        sample.decode("utf-8")
        return "gb18030"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(sample, cp_isolation=["gb18030", "big5"]).best()
    return "big5" if best is not None and best.encoding == "big5" else "gb18030"


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
        raise reject(path, msg("importer.read.text_too_large", size=f"{size / 1024 / 1024:.0f}",
                                 limit=MAX_TEXT_BYTES // 1024 // 1024))
    data = path.read_bytes()
    text, encoding = decode_text(data, path)
    lines = [SourceLine(_clean(raw), i) for i, raw in enumerate(text.splitlines(), start=1)]
    lines = [ln for ln in lines if ln.text]
    if not lines:
        raise reject(path, msg("importer.read.blank"))
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
                    raise reject(path, msg("importer.read.zip_bomb", member=info.filename,
                                                  ratio=info.file_size // info.compress_size))
            if total > MAX_ZIP_UNCOMPRESSED:
                raise reject(path, msg("importer.read.zip_too_large", size=total // 1024 // 1024))
    except zipfile.BadZipFile as exc:
        raise reject(path, msg("importer.read.bad_zip", what=what)) from exc
    if required not in names:
        raise reject(path, msg("importer.read.zip_missing_part", what=what, required=required))


# --- Word -----------------------------------------------------------------------------------------

def read_docx(path: Path) -> PlanSource:
    with path.open("rb") as fh:
        data = fh.read()
    if not data.startswith(b"PK\x03\x04"):
        raise reject(path, msg("importer.read.not_docx"))
    check_zip(path, "word/document.xml", "Word .docx")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for broken packages
        raise reject(path, msg("importer.read.docx_unreadable", error=str(exc))) from exc
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
        raise reject(path, msg("importer.read.docx_empty"))
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
        raise reject(path, msg("importer.read.not_xlsx"))
    check_zip(path, "xl/workbook.xml", "Excel .xlsx")
    import openpyxl

    try:
        # not read-only: merged ranges are only known in normal mode; task tables are small.
        wb = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken packages
        raise reject(path, msg("importer.read.xlsx_unreadable", error=str(exc))) from exc
    tables: list[SourceTable] = []
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            if ws.max_row > MAX_TABLE_ROWS:
                raise reject(path, msg("importer.read.sheet_too_long", rows=ws.max_row, limit=MAX_TABLE_ROWS), sheet=ws.title)
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
        raise reject(path, msg("importer.read.no_sheet"))
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
