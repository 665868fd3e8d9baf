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
- a zip that is not a workbook (no ``xl/workbook.xml``).

``text_cell`` writes a value into an openpyxl cell so that it can never become a formula: control
characters that XML cannot carry are removed and the cell's ``data_type`` is forced to ``'s'``.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop_app.errors import InputRejected, Problem

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


def check_xlsx(path: Path) -> None:
    """Raise ``InputRejected`` unless ``path`` looks like a plain, reasonably sized .xlsx workbook."""
    open_checked_xlsx(path).close()


def open_checked_xlsx(path: Path) -> zipfile.ZipFile:
    """``check_xlsx``, returning the open zip for reading parts of it (the caller closes it)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _reject(path, f"cannot be read ({exc.strerror}).") from exc
    if size > MAX_FILE_BYTES:
        raise _reject(path, f"is {size // (1024 * 1024)} MB; an exchange workbook is far smaller "
                            f"(limit {MAX_FILE_BYTES // (1024 * 1024)} MB). Send the workbook PeakDesk issued.")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTED_MARK in data:
            raise _reject(path, "is password-protected (encrypted). Remove the password to open "
                                "(File → Info → Protect Workbook → Encrypt with Password: clear it) and send it again.")
        raise _reject(path, "is an old Excel 97-2003 (.xls) file. Save it as Excel Workbook (.xlsx) and send it again.")
    if not head.startswith(b"PK"):
        raise _reject(path, "is not an Excel workbook (it looks like "
                            f"{'text or CSV' if _looks_like_text(path) else 'some other kind of file'}). "
                            "Send the .xlsx workbook PeakDesk issued.")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _reject(path, f"is damaged or incomplete (zip error: {exc}). Ask for the file again.") from exc
    try:
        _check_parts(path, zf)
    except BaseException:
        zf.close()
        raise
    return zf


def _check_parts(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    try:
        content_types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _reject(path, f"is damaged or incomplete (zip error: {exc}). Ask for the file again.") from exc
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
    if "xl/vbaProject.bin" in names or b"macroEnabled" in content_types:
        raise _reject(path, "is a macro-enabled workbook (.xlsm). PeakDesk does not open macros; "
                            "save it as Excel Workbook (.xlsx) and send it again.")
    if "xl/workbook.xml" not in names:
        kind = "a Word document" if "word/document.xml" in names else (
            "an OpenDocument file" if "content.xml" in names else "not an Excel workbook")
        raise _reject(path, f"is a zip file but {kind}. Send the .xlsx workbook PeakDesk issued.")


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as fh:
        sample = fh.read(4096)
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
