"""Run a long job in a child process, so the window's Python thread keeps the GIL to itself.

A job in a thread of the GUI process shares the interpreter lock with the event loop: every call from
Qt into Python (a slot, a model's ``data()``) waits for the lock while the job holds it, and a window
that is painted for the first time while a CPU-bound job runs can stall for well over 100 ms. In a
child process the job has a lock of its own; the GUI-side thread only waits on a queue.

No Qt here: the child (``spawn``, so nothing of Qt is inherited) imports this module and the services.

    run_in_child("merge", {"paths": […], "dry_run": False}, db_path=…,
                 progress=progress, cancelled=cancelled)      # → ("done", result) or ("cancelled", None)

A job is ``fn(db, progress, cancelled, **kwargs)`` with its own database connection, like an ``Op``
job. ``progress(done, total, label)`` is forwarded (at most every 30 ms, and always the last step).
Cancel sets an event the job sees through ``cancelled()`` and through ``progress()``, which then
raises; a job that does not stop within ``CANCEL_GRACE_S`` is terminated (each job keeps its writes
in transactions, so a terminated job leaves the database as its last commit left it).
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import os
import pickle
import queue
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.domain import results  # noqa: F401 - the job results' classes, imported before they arrive
from desktop_app.errors import PeakDeskError

# What starting a child and reading its queue import, imported with this module (on the GUI thread)
# rather than on first use by the waiting thread, where module code would compete with painting.
for _name in ("connection", "queues", "synchronize", "spawn", "reduction", "resource_tracker",
              "popen_spawn_win32" if os.name == "nt" else "popen_spawn_posix"):
    importlib.import_module(f"multiprocessing.{_name}")

CHILD_NICENESS = 10          # background work yields the CPU to the window (POSIX; Windows keeps normal)
NICENESS_ENV = "PEAKDESK_JOB_NICENESS"   # overrides it (`make test` uses 0: see child_niceness)
PROGRESS_EVERY_S = 0.03
CANCEL_GRACE_S = 10.0

ProgressFn = Callable[[int, int, str], None]


class ChildCancelled(Exception):
    """Raised inside the child by ``progress()`` once the user has pressed Cancel."""


class ChildBug(Exception):
    """The job failed with an unexpected error, or its process died (the message holds the traceback)."""


# --- the jobs (module-level, so the child can import them by name) ----------------------------------

def issue_job(db: Any, progress: ProgressFn, cancelled: Callable[[], bool], *, plan_id: int, period: str,
              out_dir: str, departments: list[str] | None) -> Any:
    """Issue workbooks: the core's use case (``Desk.issue``), as ``peakdesk issue`` runs it."""
    from desktop_app.services.desk import Desk

    return Desk(db).issue(period, Path(out_dir), plan_id=plan_id, departments=departments, progress=progress,
                          cancelled=cancelled)


def merge_job(db: Any, progress: ProgressFn, cancelled: Callable[[], bool], *, paths: list[str], dry_run: bool,
              convert: bool = True) -> Any:
    """Merge through the core (``Desk.merge``, as ``peakdesk merge`` does): the database is backed up just
    before the first write under the desk's own keep-N policy, stored in the database; returns
    (MergeResult, backup path or None)."""
    from desktop_app.services.desk import Desk

    outcome = Desk(db).merge([Path(p) for p in paths], dry_run=dry_run, convert=convert, progress=progress,
                             cancelled=cancelled)
    return outcome.result, outcome.backup


def report_job(db: Any, progress: ProgressFn, cancelled: Callable[[], bool], *, plan_id: int, kind: str, out: str,
               lang: str, params: dict[str, Any], pdf: bool) -> Any:
    """A PDF report (progress: the page being laid out) or an Excel export, through the core as `peakdesk
    report` / `peakdesk export` build it (written atomically: the old file stays until the new one is whole);
    returns its result."""
    from desktop_app.services.desk import Desk

    desk = Desk(db)
    if pdf:
        return desk.report(kind, Path(out), lang, plan_id=plan_id, period=params["period"],
                           quarter=params["quarter"], year=params["year"], dept=params["dept"],
                           on_progress=lambda page: progress(int(page), 0, ""))
    return desk.export(kind, Path(out), lang, plan_id=plan_id, period=params["period"], year=params["year"])


JOBS: dict[str, Callable[..., Any]] = {"issue": issue_job, "merge": merge_job, "report": report_job}


# --- the child --------------------------------------------------------------------------------------

def child_niceness() -> int:
    """How much a background job yields the CPU: ``CHILD_NICENESS`` unless ``$PEAKDESK_JOB_NICENESS`` says
    otherwise (0..19). At 10 a job gets about a tenth of a core that ordinary programs keep busy, which
    keeps the window first; the test suite runs its jobs at 0 so that a machine busy with other work
    slows it down but does not starve it (its checks are about results, not about who gets the CPU)."""
    raw = os.environ.get(NICENESS_ENV, "")
    try:
        return min(19, max(0, int(raw))) if raw.strip() else CHILD_NICENESS
    except ValueError:
        return CHILD_NICENESS


def _child(q: Any, cancel: Any, db_path: str, name: str, kwargs: dict[str, Any]) -> None:
    if hasattr(os, "nice"):
        os.nice(child_niceness())
    last = [0.0]

    def cancelled() -> bool:
        return bool(cancel.is_set())

    def progress(done: int, total: int, label: str = "") -> None:
        if cancel.is_set():
            raise ChildCancelled()
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_S or (total and done >= total):
            last[0] = now
            q.put(("progress", (int(done), int(total), str(label))))

    try:
        from desktop_app.services.database_files import connect

        db = connect(db_path)
        try:
            result = JOBS[name](db, progress, cancelled, **kwargs)
        finally:
            db.close()
        q.put(("cancelled", None) if cancel.is_set() else ("done", result))
    except ChildCancelled:
        q.put(("cancelled", None))
    except PeakDeskError as exc:
        try:
            pickle.loads(pickle.dumps(exc))
            q.put(("error", exc))
        except Exception:  # noqa: BLE001 - an error that does not pickle still reaches the user
            q.put(("error", PeakDeskError.relayed(exc)))
    except BaseException as exc:  # noqa: BLE001 - a bug: its traceback goes to the GUI
        import traceback

        q.put(("bug", "".join(traceback.format_exception(exc))))


# --- the GUI side (runs in an Op's worker thread, which only waits) --------------------------------

def run_in_child(name: str, kwargs: dict[str, Any], *, db_path: Path | str, progress: ProgressFn,
                 cancelled: Callable[[], bool]) -> tuple[str, Any]:
    """Run job ``name`` of ``JOBS`` in a child process; returns ("done", result) or ("cancelled", None).

    Raises the job's ``PeakDeskError`` as it is, and ``ChildBug`` for anything else.
    """
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    cancel = ctx.Event()
    proc = ctx.Process(target=_child, args=(q, cancel, str(db_path), name, kwargs), daemon=True)
    proc.start()
    asked_at: float | None = None
    try:
        while True:
            if asked_at is None and cancelled():
                cancel.set()
                asked_at = time.monotonic()
            if asked_at is not None and time.monotonic() - asked_at > CANCEL_GRACE_S:
                proc.terminate()
                return "cancelled", None
            try:
                what, value = q.get(timeout=0.02)
            except queue.Empty:
                if not proc.is_alive() and q.empty():
                    raise ChildBug(f"The background process ended unexpectedly (exit code {proc.exitcode}).") \
                        from None
                continue
            if what == "progress":
                if asked_at is None:
                    progress(*value)
            elif what in ("done", "cancelled"):
                return what, value
            elif what == "error":
                raise value
            else:
                raise ChildBug(value)
    finally:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        proc.close()
        q.close()
        q.join_thread()
