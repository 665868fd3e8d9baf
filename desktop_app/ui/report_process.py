"""Build a report in a separate process (no Qt here: the child imports only this and the services).

Building a PDF is CPU-bound Python, and reportlab's font checksums run in C for tens of
milliseconds at a time without releasing the GIL: in a thread of the GUI process that stalls the event
loop well beyond 100 ms. A child process (``spawn``, so nothing of Qt is inherited) keeps the window
responsive; it reports laid-out pages through a queue and can be terminated on Cancel.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.errors import PeakDeskError

CHILD_NICENESS = 10


def _child(q: Any, db_path: str, plan_id: int, kind: str, out: str, lang: str, params: dict[str, Any],
           pdf: bool) -> None:
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)   # background work yields the CPU to the window (POSIX; Windows keeps normal)
    try:
        from desktop_app.services import build_report
        from desktop_app.store.db import open_database

        db = open_database(db_path, create=False)
        try:
            if pdf:
                result: Any = build_report.build_pdf_report(
                    db, plan_id, kind, Path(out), lang, period=params["period"], quarter=params["quarter"],
                    year=params["year"], dept=params["dept"], on_progress=lambda page: q.put(("page", int(page))))
            else:
                result = build_report.export_excel(db, plan_id, kind, Path(out), lang, period=params["period"],
                                                   year=params["year"])
        finally:
            db.close()
        q.put(("done", result))
    except PeakDeskError as exc:
        q.put(("error", (exc.message, exc.message_zh, "")))
    except BaseException as exc:  # noqa: BLE001 - a bug: its traceback goes to the GUI
        import traceback

        q.put(("error", ("", "", "".join(traceback.format_exception(exc)))))


class ReportBug(Exception):
    """The report process failed with an unexpected error (the message holds its traceback)."""


def build_in_process(db_path: str, plan_id: int, kind: str, out: Path, lang: str, params: dict[str, Any], *,
                     pdf: bool, on_page: Callable[[int], None], cancelled: Callable[[], bool]) -> Any:
    """Run the build in a child process; returns the ReportResult (PDF) or the Path (Excel).

    ``cancelled()`` is polled; when it turns true the child is terminated and ``None`` returned.
    """
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    proc = ctx.Process(target=_child, args=(q, db_path, plan_id, kind, str(out), lang, params, pdf), daemon=True)
    proc.start()
    try:
        while True:
            if cancelled():
                proc.terminate()
                return None
            try:
                what, value = q.get(timeout=0.05)
            except queue.Empty:
                if not proc.is_alive() and q.empty():
                    raise ReportBug(f"The report process ended unexpectedly (exit code {proc.exitcode}).") from None
                continue
            if what == "page":
                on_page(value)
            elif what == "done":
                return value
            else:
                message, message_zh, trace = value
                if trace:
                    raise ReportBug(trace)
                raise PeakDeskError(message, message_zh=message_zh)
    finally:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        proc.close()
        q.close()
        q.join_thread()
