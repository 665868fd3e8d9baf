"""Writing output files atomically: reports, exports, issued workbooks, reminders, autosaves.

A file a person opens (a PDF for the leaders, a workbook for a bureau) is either the old one or the
complete new one, never half-written: the writer gets a temporary path in the same folder, and only
when it returns is the file moved into place (``os.replace``, atomic on one file system). On any
error — or a cancelled job — the temporary file is deleted and the old file is left as it was.

The temporary file's name cannot pass for an output (hidden, no .xlsx/.pdf ending), so a clerk's inbox
or a merge never takes one for a returned workbook; what a killed process left is removed by
``remove_partial_files`` the next time that folder is written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

PARTIAL_PREFIX = ".peakdesk-partial-"
PARTIAL_SUFFIX = ".incomplete"


def partial_name(name: str) -> str:
    return f"{PARTIAL_PREFIX}{name}{PARTIAL_SUFFIX}"


def remove_partial_files(folder: Path) -> list[Path]:
    """Delete what an interrupted write left in ``folder`` (also the older ``.NAME.xlsx.tmp`` spelling)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for pattern in (f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}", ".*.xlsx.tmp"):
        for stale in folder.glob(pattern):
            if stale.is_file():
                stale.unlink(missing_ok=True)
                removed.append(stale)
    return removed


@contextlib.contextmanager
def atomic_output(path: Path, *, fsync: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(partial_name(path.name))
    try:
        yield tmp
        if fsync:
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
