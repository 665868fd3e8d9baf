"""The desk: the one application object both front ends work through (cf. Anki's ``Collection``).

A :class:`Desk` owns the database connection, the clock (today, timestamps, the as-of date), the
current plan and the desk's policies (how many backups to keep — stored in the database, so the CLI
and the window obey the same number —, where user templates live, atomic output). Use cases are its
methods; each is a transaction boundary and returns its result and/or a ``ChangeSummary`` that the
windows refresh from. Undoable edits go through :attr:`history` (services/edits.py), which refuses to
write over a row that changed since.

The window and the CLI call this object, ``domain`` and ``errors``; neither touches the store or
the wall clock directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, Target
from desktop_app.errors import UsageError
from desktop_app.messages import msg
from desktop_app.outputs import atomic_output
from desktop_app.services import clock
from desktop_app.services.edits import (
    Edit,
    History,
    TaskState,
    department_edit,
    holiday_edit,
    period_due_edit,
    task_edit,
)
from desktop_app.store.meta import meta_get, meta_set

BACKUP_KEEP_KEY = "backup_keep"


@dataclass
class MergeOutcome:
    """A merge and the backup made before it (None for a dry run)."""

    result: Any                     # services.merge_submissions.MergeResult
    backup: Path | None
    changes: ChangeSummary = field(default_factory=ChangeSummary)


class Desk:
    """One open database and everything the desk does with it."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self.history = History()

    @classmethod
    def open(cls, path: Path) -> Desk:
        from desktop_app.store.db import open_database

        return cls(open_database(path), path)

    def close(self) -> None:
        self.db.close()

    # --- the clock ------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return clock.today(self.db)

    def as_of(self, given: dt.date | None = None) -> dt.date:
        return clock.as_of(self.db, given)

    def now_stamp(self) -> str:
        return clock.now_stamp()

    # --- the plan -------------------------------------------------------------------------------
    def plan_id(self, given: int | None = None) -> int:
        """The plan a use case works on: ``given``, else the newest plan that is not a translation."""
        where = self.path or ""
        if given is not None:
            if not self.db.execute("SELECT 1 FROM plan WHERE id = ?", [given]).fetchone():
                raise UsageError(msg("core.no_plan", plan=given, path=where))
            return given
        row = self.db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()
        if not row:
            raise UsageError(msg("core.no_plan_yet", path=where))
        return int(row[0])

    def plans(self) -> list[Any]:
        from desktop_app.store import ledger

        return ledger.list_plans(self.db)

    def plan_json(self, plan_id: int) -> dict[str, Any]:
        """The ledger with each task's current status and percent (the one read model's)."""
        from desktop_app.services.read_models import plan_json

        return plan_json(self.db, plan_id)

    def departments(self) -> list[Any]:
        from desktop_app.store import departments

        return departments.list_departments(self.db)

    def task_id(self, plan_id: int, code: str) -> int:
        row = self.db.execute("SELECT id FROM task WHERE plan_id = ? AND code = ?", [plan_id, code.strip()]).fetchone()
        if not row:
            raise UsageError(msg("core.no_task", plan=plan_id, code=code))
        return int(row[0])

    # --- policies -------------------------------------------------------------------------------
    @property
    def backup_keep(self) -> int:
        """How many backups of this database to keep (stored in the database; default 20)."""
        from desktop_app.store.backups import default_keep

        stored = meta_get(self.db, BACKUP_KEEP_KEY)
        try:
            return max(1, int(stored)) if stored else default_keep()
        except ValueError:
            return default_keep()

    def set_backup_keep(self, keep: int) -> ChangeSummary:
        if keep < 1:
            raise UsageError(msg("core.keep_range", keep=keep))
        from desktop_app.store.db import write_tx

        with write_tx(self.db):
            meta_set(self.db, BACKUP_KEEP_KEY, str(int(keep)))
        return ChangeSummary()

    @staticmethod
    def templates_dir() -> Path:
        """The user's edited copies of report_templates/ (they win over the shipped ones)."""
        from desktop_app.paths import user_data_dir

        return user_data_dir() / "templates"

    # --- backups --------------------------------------------------------------------------------
    def backup(self, reason: str = "manual") -> Any:
        from desktop_app.services.backup import back_up

        return back_up(self.db, reason, keep=self.backup_keep)

    def backups(self) -> list[Any]:
        from desktop_app.services.backup import backups_of

        return backups_of(self.db)

    def restore(self, backup: Path) -> Any:
        """Replace the database's content with ``backup`` (the state before is backed up first)."""
        from desktop_app.services.backup import restore

        safety = restore(self.db, backup, keep=self.backup_keep)
        self.history.clear()
        return safety

    # --- the reporting cycle --------------------------------------------------------------------
    def issue(self, period: str, out_dir: Path, *, plan_id: int | None = None, as_of: dt.date | None = None,
              departments: Sequence[str] | None = None, progress: Any = None, cancelled: Any = None) -> Any:
        from desktop_app.services.issue_packages import export_packages

        return export_packages(self.db, self.plan_id(plan_id), period, out_dir, today=self.as_of(as_of),
                               departments=departments, progress=progress, cancelled=cancelled)

    def merge(self, paths: Sequence[Path], *, as_of: dt.date | None = None, dry_run: bool = False,
              convert: bool = True, progress: Any = None, cancelled: Any = None) -> MergeOutcome:
        """Merge returned workbooks (files or folders). The database is backed up once, just before the
        first write: a dry run, or a run where nothing is accepted, makes no backup."""
        from desktop_app.services.merge_submissions import merge_files

        saved: list[Path] = []
        result = merge_files(self.db, list(paths), today=self.as_of(as_of), dry_run=dry_run,
                             before_write=lambda: saved.append(self.backup("merge").path),
                             convert=convert, progress=progress, cancelled=cancelled)
        changes = ChangeSummary() if dry_run else ChangeSummary(progress=True, submissions=True, periods=True)
        return MergeOutcome(result, saved[0] if saved else None, changes)

    def report(self, kind: str, out: Path, lang: str = "zh", *, plan_id: int | None = None, **params: Any) -> Any:
        """A printed PDF report, written atomically (the old file stays until the new one is whole)."""
        from desktop_app.services.build_report import build_pdf_report

        with atomic_output(out) as tmp:
            result = build_pdf_report(self.db, self.plan_id(plan_id), kind, tmp, lang, **params)
        result.path = Path(out)
        return result

    def export(self, kind: str, out: Path, lang: str = "zh", *, plan_id: int | None = None, **params: Any) -> Path:
        from desktop_app.services.build_report import export_excel

        with atomic_output(out) as tmp:
            export_excel(self.db, self.plan_id(plan_id), kind, tmp, lang, **params)
        return Path(out)

    # --- undoable edits -------------------------------------------------------------------------
    def do(self, edit: Edit) -> ChangeSummary:
        return self.history.do(self.db, edit)

    def undo(self) -> ChangeSummary:
        return self.history.undo(self.db)

    def redo(self) -> ChangeSummary:
        return self.history.redo(self.db)

    def task_state(self, task_id: int) -> TaskState:
        return TaskState.read(self.db, task_id)

    def edit_task(self, task_id: int, *, title_zh: str | None = None, title_en: str | None = None,
                  text_zh: str | None = None, text_en: str | None = None,
                  due_date: dt.date | None | str = "", lead: str | None | bool = False,
                  cooperating: Sequence[str] | None = None, targets: Sequence[Target] | None = None) -> ChangeSummary:
        """Change the given fields of one task (undoable). ``due_date=None`` clears the due date;
        ``lead=None`` removes the lead unit; an omitted field stays as it is."""
        before = TaskState.read(self.db, task_id)
        changes: dict[str, Any] = {}
        for name, value in (("title_zh", title_zh), ("title_en", title_en), ("text_zh", text_zh),
                            ("text_en", text_en)):
            if value is not None:
                changes[name] = value
        if due_date != "":
            changes["due_date"] = due_date
        if lead is not False:
            changes["lead"] = lead
        if cooperating is not None:
            changes["cooperating"] = tuple(c for c in cooperating if c != changes.get("lead", before.lead))
        if targets is not None:
            changes["targets"] = tuple(targets)
        return self.do(task_edit(self.db, task_id, before.with_fields(**changes), before))

    def save_department(self, before: Any, after: Any) -> ChangeSummary:
        """Create (``before`` None), edit, or remove a just-created department (``after`` None); undoable."""
        return self.do(department_edit(self.db, before, after))

    def edit_department(self, code: str, **fields: Any) -> ChangeSummary:
        import dataclasses

        from desktop_app.services.departments import DeptState

        before = DeptState.read(self.db, code)
        return self.save_department(before, dataclasses.replace(before, **fields))

    def merge_departments(self, source: str, target: str) -> Any:
        """Merge two departments (after a backup; not undoable, so the history is cleared)."""
        from desktop_app.services.departments import merge_departments

        result = merge_departments(self.db, source, target)
        self.history.clear()
        return result

    def set_holiday(self, day: dt.date, kind: str | None, name: str = "") -> ChangeSummary:
        """Mark a day as a holiday or a make-up working day, or remove it (kind None); undoable, audited."""
        return self.do(holiday_edit(self.db, day, kind, name))

    def holidays(self, year: int) -> list[tuple[str, str, str]]:
        return [(str(r[0]), str(r[1]), str(r[2])) for r in self.db.execute(
            "SELECT date, kind, name FROM holiday WHERE date BETWEEN ? AND ? ORDER BY date",
            [f"{year}-01-01", f"{year}-12-31"]).fetchall()]

    # --- periods --------------------------------------------------------------------------------
    def periods(self, plan_id: int | None = None, year: int | None = None) -> list[Any]:
        from desktop_app.services.periods import ensure_periods
        from desktop_app.store.periods import list_periods

        pid = self.plan_id(plan_id)
        if year:
            ensure_periods(self.db, pid, year)
        return list_periods(self.db, pid)

    def create_period(self, code: str, *, plan_id: int | None = None) -> Any:
        from desktop_app.services.periods import create_period

        return create_period(self.db, self.plan_id(plan_id), code)

    def set_period_due(self, code: str, due: dt.date, *, plan_id: int | None = None) -> ChangeSummary:
        from desktop_app.store.periods import require_period

        period = require_period(self.db, self.plan_id(plan_id), code)
        return self.do(period_due_edit(self.db, period.id, due))

    def set_period_closed(self, code: str, closed: bool, reason: str, *, plan_id: int | None = None) -> Any:
        from desktop_app.services.periods import set_closed

        return set_closed(self.db, self.plan_id(plan_id), code, closed, reason)
