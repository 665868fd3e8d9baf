"""Writing output files atomically: reports, exports, issued workbooks, reminders, autosaves.

A file a person opens (a PDF for the leaders, a workbook for a bureau) is either the old one or the
complete new one, never half-written: the writer gets a temporary path in the same folder, and only
when it returns is the file moved into place (``os.replace``, atomic on one file system). On any
error — or a cancelled job — the temporary file is deleted and the old file is left as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_output(path: Path, *, fsync: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    try:
        yield tmp
        if fsync:
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
