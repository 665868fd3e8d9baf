"""Guards around spreadsheet files from outside: check before opening, keep text text when writing.

``check_xlsx`` looks at a file *before* any spreadsheet library parses it and refuses, with a plain
message, what PeakDesk will not open:

- not a zip at all: an old ``.xls`` (OLE2), a password-protected/encrypted ``.xlsx`` (also OLE2, with
  an ``EncryptedPackage`` stream), a CSV or other text renamed ``.xlsx``, anything else;
- a truncated or damaged zip;
- a macro-enabled workbook (``.xlsm`` content, ``vbaProject.bin``) renamed ``.xlsx``;
- a file larger than ``MAX_FILE_BYTES`` on disk, more than ``MAX_UNCOMPRESSED_BYTES`` uncompressed in
  all, or any zip member with a compression ratio above ``MAX_RATIO`` (zip bombs) — the sizes come from
  the zip's central directory, and the member reader used afterwards stops at the declared size;
- a zip that is not a workbook (no ``xl/workbook.xml``);
- anything the structural screening (``screen_parts``, below) refuses: parts whose real length, end or
  checksum differ from the directory, duplicate parts, trailing data, DTDs, a far cell in any XML spelling,
  a huge shared-string claim, an element flood.

``text_cell`` writes a value into an openpyxl cell so that it can never become a formula: control
characters that XML cannot carry are removed and the cell's ``data_type`` is forced to ``'s'``.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop_app.errors import InputRejected, Problem
from desktop_app.messages import msg

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024   # small members may compress very well (empty styles); only big ones count

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def clean_text(value: object) -> str:
    """Text safe for a worksheet cell: no XML-illegal control characters."""
    text = "" if value is None else str(value)
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def text_cell(ws: Any, row: int, column: int, value: object) -> Any:
    """Write ``value`` as a string cell (never a formula), returning the cell."""
    cell = ws.cell(row=row, column=column)
    cell.value = clean_text(value)
    cell.data_type = "s"
    return cell


def _reject(path: Path, message: str) -> InputRejected:
    return InputRejected(f"{path.name}: {message}", [Problem(message, file=path.name)])


def _refuse(path: Path, key: str, **params: object) -> InputRejected:
    """A refusal from the catalogue (``safety.*``), in the reader's language, naming the file."""
    reason = msg(key, **params)
    return InputRejected(msg("safety.file_refused", file=path.name, reason=reason), [Problem(reason, file=path.name)])


def check_xlsx(path: Path) -> None:
    """Raise ``InputRejected`` unless ``path`` looks like a plain, reasonably sized .xlsx workbook."""
    open_checked_xlsx(path).close()


def read_xlsx_bytes(path: Path) -> bytes:
    """The file's bytes, read at once after its size was checked against ``MAX_FILE_BYTES``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(path, size)
        return path.read_bytes()
    except OSError as exc:
        raise _reject(path, f"cannot be read ({exc.strerror}).") from exc


def _too_big(path: Path, size: int) -> InputRejected:
    return _reject(path, f"is {size // (1024 * 1024)} MB; an exchange workbook is far smaller "
                         f"(limit {MAX_FILE_BYTES // (1024 * 1024)} MB). Send the workbook PeakDesk issued.")


def open_checked_xlsx(path: Path, data: bytes | None = None) -> zipfile.ZipFile:
    """``check_xlsx``, returning the zip for reading parts of it (the caller closes it).

    The file is read into memory once (``data``: its bytes when the caller has read them already) and the
    zip is opened over those bytes, so reading its parts makes no further system calls.
    """
    return open_screened_xlsx(path, data)[0]


def open_screened_xlsx(path: Path, data: bytes | None = None, *,
                       watch_column: int | None = None) -> tuple[zipfile.ZipFile, Screened]:
    """``open_checked_xlsx`` and what the structural screening learned (``screen_parts``)."""
    if data is None:
        data = read_xlsx_bytes(path)
    elif len(data) > MAX_FILE_BYTES:
        raise _too_big(path, len(data))
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise _reject(path, "is password-protected (encrypted). Remove the password to open "
                                "(File → Info → Protect Workbook → Encrypt with Password: clear it) and send it again.")
        raise _reject(path, "is an old Excel 97-2003 (.xls) file. Save it as Excel Workbook (.xlsx) and send it again.")
    if not data.startswith(b"PK"):
        raise _reject(path, "is not an Excel workbook (it looks like "
                            f"{'text or CSV' if _looks_like_text(data) else 'some other kind of file'}). "
                            "Send the .xlsx workbook PeakDesk issued.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _reject(path, f"is damaged or incomplete (zip error: {exc}). Ask for the file again.") from exc
    try:
        _check_directory(path, zf)
        screened = screen_parts(path, data, zf, watch_column=watch_column)
        _check_content(path, zf)
    except BaseException:
        zf.close()
        raise
    return zf, screened


def _check_directory(path: Path, zf: zipfile.ZipFile) -> None:
    """What the zip directory declares (nothing is decompressed yet)."""
    infos = zf.infolist()
    if any(i.flag_bits & 0x1 for i in infos):
        raise _reject(path, "contains encrypted parts. Remove the password and send it again.")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _reject(path, f"looks like a zip bomb: part {info.filename} unpacks to "
                                f"{info.file_size // (1024 * 1024)} MB from {info.compress_size} bytes. Not opened.")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _reject(path, f"unpacks to {total // (1024 * 1024)} MB, more than the "
                            f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB an exchange workbook can be. Not opened.")


def _check_content(path: Path, zf: zipfile.ZipFile) -> None:
    """Macros and the kind of document (after screening: every part's length is what it declares)."""
    names = {i.filename for i in zf.infolist()}
    try:
        content_types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _reject(path, f"is damaged or incomplete (zip error: {exc}). Ask for the file again.") from exc
    if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
        raise _reject(path, "is a macro-enabled workbook (.xlsm). PeakDesk does not open macros; "
                            "save it as Excel Workbook (.xlsx) and send it again.")
    if "xl/workbook.xml" not in names:
        kind = "a Word document" if "word/document.xml" in names else (
            "an OpenDocument file" if "content.xml" in names else "not an Excel workbook")
        raise _reject(path, f"is a zip file but {kind}. Send the .xlsx workbook PeakDesk issued.")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            sample.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


_WIN_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_WIN_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_file_name(stem: str, suffix: str = ".xlsx", max_len: int = 120) -> str:
    """A file name that Windows, macOS and Linux all accept (no reserved names, no bad characters)."""
    text = unicodedata.normalize("NFC", stem)
    text = _WIN_BAD.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(". ")
    if not text or text.split(".")[0].upper() in _WIN_RESERVED:
        text = f"_{text}"
    return text[: max_len - len(suffix)].rstrip(". ") + suffix


# --- row heights ----------------------------------------------------------------------------------
# Spreadsheet programs do not re-measure wrapped text in rows of a file they open (LibreOffice shows
# such rows one line high, the text overlapping), so rows are written with a height that fits them.

LINE_POINTS = 14.5      # one line of 11 pt text
MAX_ROW_POINTS = 409    # Excel's limit


def display_width(text: str) -> int:
    """Width in column units: CJK characters take two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, column_width: float) -> int:
    usable = max(column_width - 1, 1)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in (text or "").split("\n"))


def fit_row_height(cells: Sequence[tuple[str, float]], *, min_lines: int = 1, line_points: float = LINE_POINTS) -> float:
    """Height in points for a row whose wrapped cells are ``(text, column width)``."""
    lines = max([min_lines, *(wrapped_lines(text, width) for text, width in cells if text)])
    return min(MAX_ROW_POINTS, round(lines * line_points + 4, 1))


# --- structural screening -------------------------------------------------------------------------
# python-calamine (Rust) aborts the whole process — no exception — when a sheet's cells claim a far
# extent (it allocates the grid up to the last cell) or sharedStrings.xml claims billions of strings
# (it reserves them at open). What it will read is therefore read first, by a real XML parser (expat,
# linear, DTDs and entities refused) over each part decompressed in bounded chunks, in every spelling
# calamine accepts: references in lower case, with leading zeros or missing (a cell without ``r`` takes
# the next column, a row without ``r`` the next row), attributes in single quotes, any namespace prefix,
# parts found case-insensitively. Every part a relationship points to is screened, not just the sheets
# PeakDesk means to read, and every part's real length must equal what the zip directory declares.

MAX_SHEET_COLUMNS = 64
MAX_SHEET_ROWS = 200_000
MAX_SHEET_CELLS = 3_000_000
MAX_SHARED_STRINGS = 1_000_000
MAX_ELEMENTS = 1_500_000        # XML elements in all parts (an exchange workbook has a few thousand)
_CHUNK = 1 << 20
_U32 = 0xFFFFFFFF
_MEDIA_RELATIONSHIPS = {"image", "oleObject", "package", "vbaProject", "printerSettings", "audio", "video",
                        "media", "hdphoto", "thumbnail", "customXmlProps", "customXml"}
_BUILTIN_PERCENT = {9, 10}


def calamine_position(ref: str) -> tuple[int, int | None] | None:
    """(row, column), 0-based, as calamine reads a reference — letters of either case, leading zeros, u32
    arithmetic that wraps as in a release build; column ``None`` when there are no letters; ``None`` when
    calamine refuses the reference (it then fails with an error, which is harmless)."""
    col = row = 0
    i, n = 0, len(ref)
    while i < n:
        ch = ref[i]
        if "A" <= ch <= "Z":
            col = (col * 26 + ord(ch) - 64) & _U32
        elif "a" <= ch <= "z":
            col = (col * 26 + ord(ch) - 96) & _U32
        elif "0" <= ch <= "9":
            row = ord(ch) - 48
            i += 1
            break
        else:
            return None
        i += 1
    else:
        return None
    while i < n:
        ch = ref[i]
        if not "0" <= ch <= "9":
            return None
        row = (row * 10 + ord(ch) - 48) & _U32
        i += 1
    if row == 0:
        return None
    return row - 1, (col - 1 if col else None)


def column_letters(col: int) -> str:
    """0-based column number → letters (A, …, Z, AA, …)."""
    out = ""
    n = col + 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Refused(Exception):
    """Raised from inside the XML scan; turned into ``InputRejected`` by the caller."""

    def __init__(self, message: str, sheet: str = "", cell: str = "") -> None:
        super().__init__(message)
        self.message, self.sheet, self.cell = message, sheet, cell


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


_LOCAL_CACHE: dict[str, str] = {}
_INTERESTING = frozenset({"c", "row", "sst", "Relationship", "sheet", "numFmt", "cellXfs", "xf"})
_PLAIN_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})\Z")
_COLUMNS: dict[str, int] = {}


def _fast_position(ref: str) -> tuple[int, int | None] | None:
    """``calamine_position`` for the usual spelling (``G12``), with the column numbers cached."""
    m = _PLAIN_REF.match(ref)
    if m is None:
        return calamine_position(ref)
    letters = m.group(1)
    col = _COLUMNS.get(letters)
    if col is None:
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        col -= 1
        _COLUMNS[letters] = col
    return int(m.group(2)) - 1, col


class _PartScan:
    """What one XML part holds that matters: its furthest cell as calamine places it, shared-string
    claims, relationships, sheets, number formats and cell styles, and the style of the cells of one
    watched column. One pass, constant work per element."""

    def __init__(self, watch_column: int | None, element_budget: int = MAX_ELEMENTS) -> None:
        self.watch_column = watch_column
        self.element_budget = element_budget
        self.elements = 0
        self.next_row = 0
        self.row_index = 0
        self.col_index = 0
        self.max_row = -1
        self.max_col = -1
        self.far_ref = ""
        self.cells = 0
        self.relationships: list[tuple[str, str, str]] = []     # id, type, target
        self.sheets: list[tuple[str, str]] = []                 # name, relationship id
        self.num_fmts: dict[int, str] = {}
        self.xf_fmt: list[int] = []
        self.watched: dict[int, int] = {}                       # 1-based row → style index
        self.unique_count = 0
        self._in_xfs = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > self.element_budget:
            raise _Refused("elements")
        tag = _LOCAL_CACHE.get(name)
        if tag is None:
            tag = _local(name)
            if len(_LOCAL_CACHE) < 4096:
                _LOCAL_CACHE[name] = tag
        if tag not in _INTERESTING:
            return
        if tag == "c":
            ref = attrs.get("r")
            if ref is None:
                for key, value in attrs.items():
                    if _local(key) == "r":
                        ref = value
            if ref is not None:
                pos = _fast_position(ref)
                if pos is None or pos[1] is None:
                    self.col_index = (self.col_index + 1) & _U32
                    return
                row, col = pos[0], pos[1]
                self.col_index = col
            else:
                row, col = self.row_index, self.col_index
            self.col_index = (self.col_index + 1) & _U32
            self.cells += 1
            if row > self.max_row or col > self.max_col:
                self.max_row, self.max_col = max(row, self.max_row), max(col, self.max_col)
                if (self.max_row + 1 > MAX_SHEET_ROWS or self.max_col + 1 > MAX_SHEET_COLUMNS
                        or (self.max_row + 1) * (self.max_col + 1) > MAX_SHEET_CELLS):
                    self.far_ref = f"{column_letters(col)}{row + 1}"
                    raise _Refused("far")
            if col == self.watch_column:
                style = attrs.get("s", "0").strip()
                self.watched[row + 1] = int(style) if style.isdigit() and len(style) < 10 else 0
        elif tag == "row":
            # calamine moves to the next row at </row>; done here at the next <row> (no end events for
            # sheets: half the calls). A cell between </row> and the next <row> is then placed one row up
            # and further right — the column check is only stricter for it.
            ref = attrs.get("r")
            row = None
            if ref is not None:
                if ref.isdigit() and len(ref) < 8 and ref[0] != "0":
                    row = int(ref) - 1
                elif (pos := calamine_position(ref)) is not None:
                    row = pos[0]
            self.row_index = self.next_row if row is None else row
            self.next_row = (self.row_index + 1) & _U32
            self.col_index = 0
        elif tag == "sst":
            for key, value in attrs.items():
                if _local(key) == "uniqueCount":
                    text = value.strip().lstrip("+")
                    if text.isdigit() and (len(text) > 12 or int(text) > MAX_SHARED_STRINGS):
                        self.unique_count = int(text)
                        raise _Refused("sst")
        elif tag == "Relationship":
            self.relationships.append((attrs.get("Id", ""), attrs.get("Type", ""), attrs.get("Target", "")))
        elif tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            self.sheets.append((attrs.get("name", ""), rid))
        elif tag == "numFmt":
            fmt_id = attrs.get("numFmtId", "").strip()
            if fmt_id.isdigit() and len(fmt_id) < 10:
                self.num_fmts[int(fmt_id)] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            self._in_xfs += 1
        elif tag == "xf" and self._in_xfs:
            fmt_id = attrs.get("numFmtId", "0").strip()
            self.xf_fmt.append(int(fmt_id) if fmt_id.isdigit() and len(fmt_id) < 10 else 0)

    def end(self, name: str) -> None:
        """End events are asked for in the styles part only (where the cellXfs list ends)."""
        if self._in_xfs and (name == "cellXfs" or name.endswith(":cellXfs")):
            self._in_xfs -= 1


# Characters XML 1.0 cannot hold but calamine's reader takes as text (C0 controls, U+FFFE, U+FFFF): the
# accepting rules decide what becomes of them, so the screening reads them as spaces (same byte length;
# in UTF-8 these bytes never occur inside another character).
_CONTROLS = bytes(range(0x20)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"")
_TOLERANT = bytes.maketrans(_CONTROLS, b" " * len(_CONTROLS))


def _xml_tolerant(data: bytes) -> bytes:
    data = data.translate(_TOLERANT)
    if b"\xef\xbf" in data:
        data = data.replace(b"\xef\xbf\xbe", b"   ").replace(b"\xef\xbf\xbf", b"   ")
    return data


def _forbid(*_args: object) -> int:
    raise _Refused("dtd")


def _member_chunks(path: Path, data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's content in chunks of at most ``_CHUNK`` bytes, decompressed from its raw bytes with a
    bounded output per step; refuses a member whose real length, end or checksum differs from what the
    zip directory declares (calamine's zip reader trusts the stream, Python's zipfile the directory)."""
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26) \
        if info.header_offset + 30 <= len(data) else (0, 0)
    if data[info.header_offset:info.header_offset + 4] != b"PK\x03\x04":
        raise _refuse(path, "safety.part_missing", part=info.filename)
    start = info.header_offset + 30 + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        raise _refuse(path, "safety.part_missing", part=info.filename)
    crc = 0
    produced = 0

    def lying() -> InputRejected:
        return _refuse(path, "safety.zip_lies", part=info.filename, declared=info.file_size)

    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise lying()
        for pos in range(0, len(raw), _CHUNK):
            chunk = bytes(raw[pos:pos + _CHUNK])
            crc = zlib.crc32(chunk, crc)
            yield chunk
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        pending = bytes(raw)
        while True:
            try:
                chunk = inflater.decompress(pending, _CHUNK)
            except zlib.error as exc:
                raise _refuse(path, "safety.part_damaged", part=info.filename, why=str(exc)) from exc
            pending = inflater.unconsumed_tail
            if chunk:
                produced += len(chunk)
                if produced > info.file_size:
                    raise lying()
                crc = zlib.crc32(chunk, crc)
                yield chunk
            if inflater.eof or (not chunk and not pending):
                break
        if not inflater.eof:
            raise _refuse(path, "safety.part_missing", part=info.filename)
        if produced != info.file_size:
            raise lying()
    else:
        raise _refuse(path, "safety.compression", method=info.compress_type, part=info.filename)
    if crc != info.CRC:
        raise _refuse(path, "safety.part_damaged", part=info.filename, why="CRC-32")


@dataclass
class Screened:
    """What the screening learned: sheets by name (as calamine resolves them), and cell styles."""

    sheets: dict[str, str] = field(default_factory=dict)           # sheet name → zip member
    percent_xf: tuple[bool, ...] = ()                              # per cellXfs entry: a percent format?
    watched: dict[str, dict[int, int]] = field(default_factory=dict)   # member → {row: style index}

    def percent_rows(self, sheet_name: str, rows: set[int]) -> set[int]:
        """Rows among ``rows`` whose watched-column cell of ``sheet_name`` has a percent number format."""
        styles = self.watched.get(self.sheets.get(sheet_name, ""), {})
        xf = self.percent_xf
        return {r for r in rows if (s := styles.get(r, 0)) < len(xf) and xf[s]}


def _percent_code(code: str) -> bool:
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


def screen_parts(path: Path, data: bytes, zf: zipfile.ZipFile, *, watch_column: int | None = None) -> Screened:
    """Screen every part calamine (or openpyxl) may read; raise ``InputRejected`` naming the file (and the
    sheet and cell of a far cell). ``watch_column`` (0-based): record the style of that column's cells."""
    infos = zf.infolist()
    by_lower: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        key = info.filename.lower()
        if key in by_lower:
            raise _refuse(path, "safety.part_twice", part=info.filename)
        by_lower[key] = info
    eocd = data[-22:]
    if not (eocd[:4] == b"PK\x05\x06" and eocd[20:22] == b"\0\0"):
        raise _refuse(path, "safety.not_plain_zip")
    scans: dict[str, _PartScan] = {}
    total = 0

    def scan(key: str, as_xml: bool) -> _PartScan | None:
        nonlocal total
        if key in scans or key not in by_lower:
            return scans.get(key)
        info = by_lower[key]
        part = _PartScan(watch_column, MAX_ELEMENTS - sum(p.elements for p in scans.values()))
        scans[key] = part
        parser = expat.ParserCreate() if as_xml else None
        if parser is not None:
            parser.StartElementHandler = part.start
            if key == styles_key:
                parser.EndElementHandler = part.end
            parser.StartDoctypeDeclHandler = _forbid
            parser.EntityDeclHandler = _forbid
            parser.ExternalEntityRefHandler = _forbid
        carry = b""
        try:
            for chunk in _member_chunks(path, data, info):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED_BYTES:
                    raise _refuse(path, "safety.unpacks_too_big", mb=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
                if parser is not None:
                    buf = carry + chunk
                    carry = buf[-2:]
                    parser.Parse(_xml_tolerant(buf[:-2]), False)
            if parser is not None:
                parser.Parse(_xml_tolerant(carry), True)
        except _Refused as refused:
            raise _refusal(path, info.filename, part, refused, sheet_names) from None
        except expat.ExpatError as exc:
            raise _refuse(path, "safety.not_xml", part=info.filename, why=str(exc)) from None
        except RecursionError:
            raise _refuse(path, "safety.not_xml", part=info.filename, why="nested too deeply") from None
        return part

    sheet_names: dict[str, str] = {}        # member (lower case) → sheet name, for messages
    styles_key = ""
    root = scan("_rels/.rels", True)
    xl_path = "xl/"
    for _rid, rtype, target in root.relationships if root else []:
        if rtype.endswith("/relationships/officeDocument") and target:
            cut = target.rfind("/")
            xl_path = target[: cut + 1].removeprefix("/") if cut >= 0 else ""
            break
    styles_key = f"{xl_path}styles.xml".lower()
    rels = scan(f"{xl_path}_rels/workbook.xml.rels".lower(), True)
    targets: dict[str, tuple[str, str]] = {}
    for rid, rtype, target in rels.relationships if rels else []:
        targets.setdefault(rid, (target, rtype))
    book = scan(f"{xl_path}workbook.xml".lower(), True)
    result = Screened()
    for name, rid in book.sheets if book else []:
        target = targets.get(rid, ("", ""))[0]
        if not target:
            continue
        member = target[1:] if target.startswith("/") else f"{xl_path}{target}"
        found = by_lower.get(member.lower())
        if found is not None:
            result.sheets.setdefault(name, found.filename)
            sheet_names.setdefault(member.lower(), name)
    # Every .rels part, then every part a relationship points to (unless it is media) and every .xml part.
    for key in sorted(k for k in by_lower if k.endswith(".rels")):
        scan(key, True)
    must_parse: set[str] = set()
    for key, part in list(scans.items()):
        if not key.endswith(".rels"):
            continue
        base = key[: key.rfind("_rels/")] if "_rels/" in key else ""
        for _rid, rtype, target in part.relationships:
            if rtype.rsplit("/", 1)[-1] in _MEDIA_RELATIONSHIPS or not target:
                continue
            must_parse.add((target[1:] if target.startswith("/") else f"{xl_path}{target}").lower())
            must_parse.add(posixpath.normpath(posixpath.join(base, target)).lstrip("/").lower())
    for key in by_lower:
        scan(key, key in must_parse or key.endswith((".xml", ".rels", ".vml")))
    styles = scans.get(f"{xl_path}styles.xml".lower())
    if styles is not None:
        percent_ids = set(_BUILTIN_PERCENT) | {i for i, code in styles.num_fmts.items() if _percent_code(code)}
        result.percent_xf = tuple(f in percent_ids for f in styles.xf_fmt)
    if watch_column is not None:
        result.watched = {by_lower[k].filename: p.watched for k, p in scans.items() if p.watched}
    return result


def _refusal(path: Path, member: str, part: _PartScan, refused: _Refused,
             sheet_names: dict[str, str]) -> InputRejected:
    if refused.message == "far":
        sheet = sheet_names.get(member.lower(), member)
        far = part.far_ref
        return InputRejected(msg("safety.far_cell_summary", file=path.name, sheet=sheet, cell=far),
                             [Problem(msg("safety.far_cell", cell=far), file=path.name, sheet=sheet, cell=far)])
    if refused.message == "sst":
        return _refuse(path, "safety.shared_strings", part=member, count=f"{part.unique_count:,}")
    if refused.message == "elements":
        return _refuse(path, "safety.too_many_elements", part=member, limit=f"{MAX_ELEMENTS:,}")
    return _refuse(path, "safety.dtd", part=member)
