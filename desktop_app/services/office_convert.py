"""Returned workbooks that are not .xlsx: what to tell the sender, and a LibreOffice conversion when possible.

Clerks sometimes save the issued workbook as ``.xls`` (Excel 97–2003), WPS ``.et`` or ``.ods``; these are
converted with LibreOffice (``soffice --headless --convert-to xlsx``) when it is installed, and the copy is
merged in place of the original (the submission keeps the original's name and sha256, so merging the
same ``.xls`` again is a duplicate). ``.wps`` (a WPS *text* document) and ``.csv`` cannot carry the
workbook's check data and are only listed with what to do.

The conversion runs in its own LibreOffice profile (so a LibreOffice the user has open is not disturbed)
with a time limit; LibreOffice does not run macros when converting. A file it cannot convert is listed
like any other unsupported return.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CONVERTIBLE = frozenset({".xls", ".et", ".ods"})
UNSUPPORTED_RETURNS = CONVERTIBLE | {".wps", ".csv", ".xlsm", ".xlsb", ".numbers"}
CONVERT_SECONDS = 180


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed (``$PEAKDESK_SOFFICE`` overrides)."""
    explicit = os.environ.get("PEAKDESK_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


@dataclass
class Converted:
    original: Path
    xlsx: Path | None          # the converted copy, or None when LibreOffice could not convert it
    detail: str = ""


def convert_to_xlsx(files: list[Path], out_dir: Path, soffice: str) -> list[Converted]:
    """Convert ``files`` into ``out_dir`` with one LibreOffice start; each result names its copy."""
    if not files:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="peakdesk-lo-"))
    sources = []
    for i, path in enumerate(files):
        source = out_dir / f"return{i}{path.suffix.lower()}"   # plain names: no option-like or odd file names
        shutil.copyfile(path, source)
        sources.append(source)
    detail = ""
    try:
        proc = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), *map(str, sources)],
            stdin=subprocess.DEVNULL, capture_output=True,
            timeout=CONVERT_SECONDS * max(1, len(files) // 20 + 1), check=False)
        detail = (proc.stderr or b"").decode("utf-8", "replace").strip()[-300:]
    except (OSError, subprocess.TimeoutExpired) as exc:
        detail = str(exc)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = []
    for path, source in zip(files, sources, strict=True):
        copy = source.with_suffix(".xlsx")
        ok = copy.is_file() and copy.stat().st_size > 0
        out.append(Converted(path, copy if ok else None, "" if ok else detail))
    return out
