"""Undoable edits of the ledger and registry, kept in the core.

One command type for every undoable edit: an :class:`Edit` names what it edits (a task, a
department, a holiday, a period's due date), the state before and the state after. Doing it writes
``after``; undoing writes ``before`` back. Either direction first reads the row as it is now and
refuses (:class:`StaleEdit`) when it is no longer the state the edit expects — someone else (another
window, a merge, a script) changed it since, and writing back blindly would lose their change.

Every write is one transaction with an audit entry and returns a ``ChangeSummary`` the windows
refresh from. :class:`History` is the undo/redo stack; front ends show its labels (the window puts
each edit on its ``QUndoStack`` through one wrapper command).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, Target
from desktop_app.errors import PeakDeskError
from desktop_app.messages import Msg, msg
from desktop_app.store import audit, ledger
from desktop_app.store.db import write_tx

TEXT_FIELDS = ("title_zh", "title_en", "text_zh", "text_en")


class StaleEdit(PeakDeskError):
    """The row changed since the edit was made; nothing was written."""


@dataclass(frozen=True)
class TaskState:
    """Everything the ledger lets a user edit about one task."""

    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    due_date: dt.date | None
    lead: str | None
    cooperating: tuple[str, ...]
    targets: tuple[Target, ...]

    @classmethod
    def read(cls, db: sqlite_utils.Database, task_id: int) -> TaskState:
        d = ledger.task_detail(db, task_id)
        return cls(d.title_zh, d.title_en, d.text_zh, d.text_en, d.due, d.lead.code if d.lead else None,
                   tuple(c.code for c in d.cooperating), tuple(d.targets))

    def with_fields(self, **changes: Any) -> TaskState:
        return dataclasses.replace(self, **changes)

    def changed_fields(self, other: TaskState) -> list[str]:
        return [f.name for f in dataclasses.fields(self) if getattr(self, f.name) != getattr(other, f.name)]


def check_task_state(state: TaskState) -> None:
    if not state.title_zh.strip():
        raise PeakDeskError(msg("core.task_title_empty"))


def write_task_state(db: sqlite_utils.Database, task_id: int, old: TaskState, new: TaskState) -> ChangeSummary:
    """Write what differs between ``old`` and ``new`` in one transaction (no staleness check)."""
    check_task_state(new)
    fields = {f: getattr(new, f) for f in (*TEXT_FIELDS, "due_date") if getattr(new, f) != getattr(old, f)}
    changes = ChangeSummary(tasks=True, details={"task_id": task_id})
    with write_tx(db):
        if fields:
            ledger.update_task(db, task_id, **fields)
        if (new.lead, new.cooperating) != (old.lead, old.cooperating):
            changes = changes | ledger.set_assignments(db, task_id, new.lead, list(new.cooperating))
        if new.targets != old.targets:
            ledger.set_targets(db, task_id, list(new.targets))
    return changes


@dataclass(frozen=True)
class HolidayState:
    """One day of the reporting calendar: 'holiday', 'workday', or absent (kind None)."""

    kind: str | None
    name: str = ""

    @classmethod
    def read(cls, db: sqlite_utils.Database, day: dt.date) -> HolidayState:
        row = db.execute("SELECT kind, name FROM holiday WHERE date = ?", [day.isoformat()]).fetchone()
        return cls(row[0], row[1]) if row else cls(None)


def write_holiday(db: sqlite_utils.Database, day: dt.date, old: HolidayState, new: HolidayState) -> ChangeSummary:
    """Set or remove one calendar day, with an audit entry (the day moves due dates)."""
    from desktop_app.store.periods import set_holiday

    if new.kind not in (None, "holiday", "workday"):
        raise PeakDeskError(msg("core.holiday_kind", kind=new.kind))
    with write_tx(db):
        set_holiday(db, day, new.kind, new.name.strip())
        audit.log(db, "holiday.remove" if new.kind is None else "holiday.set", "holiday", day.isoformat(),
                  {"before": dataclasses.asdict(old), "after": dataclasses.asdict(new)})
    return ChangeSummary(periods=True, details={"holiday": day.isoformat()})


@dataclass(frozen=True)
class DueState:
    """A period's due date."""

    due: dt.date


def _department_io() -> tuple[Callable[..., Any], Callable[..., ChangeSummary]]:
    from desktop_app.services.departments import DeptState, save_department

    def read(db: sqlite_utils.Database, code: str) -> Any:
        from desktop_app.store import departments

        return DeptState.read(db, code) if departments.id_for_code(db, code) is not None else None

    def write(db: sqlite_utils.Database, _code: str, old: Any, new: Any) -> ChangeSummary:
        problem = department_problem(db, old, new)
        if problem is not None:
            raise problem
        return save_department(db, old, new)

    return read, write


def _period_due_io() -> tuple[Callable[..., Any], Callable[..., ChangeSummary]]:
    from desktop_app.services.periods import write_due
    from desktop_app.store.periods import period_by_id

    def read(db: sqlite_utils.Database, period_id: int) -> DueState:
        return DueState(period_by_id(db, period_id).due)

    def write(db: sqlite_utils.Database, period_id: int, old: DueState, new: DueState) -> ChangeSummary:
        return write_due(db, period_id, old.due, new.due)

    return read, write


def _io(kind: str) -> tuple[Callable[..., Any], Callable[..., ChangeSummary]]:
    if kind == "task":
        return TaskState.read, write_task_state
    if kind == "holiday":
        return HolidayState.read, write_holiday
    if kind == "department":
        return _department_io()
    if kind == "period_due":
        return _period_due_io()
    raise ValueError(f"unknown edit kind {kind!r}")


@dataclass(frozen=True)
class Edit:
    """One undoable edit: ``kind`` and ``key`` name the row, ``before``/``after`` its two states.

    For a department, ``before`` None means "did not exist" (undoing a creation removes it).
    """

    kind: str          # 'task' | 'department' | 'holiday' | 'period_due'
    key: Any           # task id, department code, date, period id
    before: Any
    after: Any
    label: Msg

    def _move(self, db: sqlite_utils.Database, expected: Any, target: Any) -> ChangeSummary:
        read, write = _io(self.kind)
        with write_tx(db):
            current = read(db, self.key)
            if current != expected:
                raise StaleEdit(msg("core.stale_edit", what=self.label))
            return write(db, self.key, expected, target)

    def apply(self, db: sqlite_utils.Database) -> ChangeSummary:
        """Write ``after`` (do, redo); refuses if the row is no longer ``before``."""
        return self._move(db, self.before, self.after)

    def revert(self, db: sqlite_utils.Database) -> ChangeSummary:
        """Write ``before`` back (undo); refuses if the row is no longer ``after``."""
        return self._move(db, self.after, self.before)

    @property
    def is_noop(self) -> bool:
        return bool(self.before == self.after)


def task_edit(db: sqlite_utils.Database, task_id: int, after: TaskState, before: TaskState | None = None) -> Edit:
    """The edit bringing task ``task_id`` from ``before`` (default: as it is now) to ``after``."""
    before = before if before is not None else TaskState.read(db, task_id)
    # The state as it will read back: the lead is not also cooperating, nobody is listed twice.
    after = after.with_fields(cooperating=tuple(dict.fromkeys(c for c in after.cooperating if c != after.lead)))
    code = ledger.task_detail(db, task_id).code
    names = set(after.changed_fields(before))
    if names and names <= {"title_zh", "title_en"}:
        label = msg("core.label.rename_task", code=code)
    elif names == {"due_date"}:
        label = msg("core.label.task_due", code=code)
    else:
        label = msg("core.label.edit_task", code=code)
    return Edit("task", task_id, before, after, label)


def department_edit(db: sqlite_utils.Database, before: Any, after: Any) -> Edit:
    """Create (``before`` None), edit, or remove again (``after`` None) one department."""
    state = after if after is not None else before
    assert state is not None
    label = msg("core.label.new_department" if before is None else "core.label.edit_department", code=state.code)
    return Edit("department", state.code, before, after, label)


def holiday_edit(db: sqlite_utils.Database, day: dt.date, kind: str | None, name: str = "") -> Edit:
    before = HolidayState.read(db, day)
    after = HolidayState(kind, name.strip() if kind else "")
    label = msg("core.label.holiday", day=day.isoformat())
    return Edit("holiday", day, before, after, label)


def period_due_edit(db: sqlite_utils.Database, period_id: int, due: dt.date) -> Edit:
    from desktop_app.store.periods import period_by_id

    period = period_by_id(db, period_id)
    return Edit("period_due", period_id, DueState(period.due), DueState(due),
                msg("core.label.period_due", code=period.code))


class History:
    """The undo/redo stack of one desk session."""

    def __init__(self) -> None:
        self._done: list[Edit] = []
        self._undone: list[Edit] = []

    def do(self, db: sqlite_utils.Database, edit: Edit) -> ChangeSummary:
        if edit.is_noop:
            return ChangeSummary()
        changes = edit.apply(db)
        self._done.append(edit)
        self._undone.clear()
        return changes

    def undo(self, db: sqlite_utils.Database) -> ChangeSummary:
        if not self._done:
            return ChangeSummary()
        edit = self._done[-1]
        changes = edit.revert(db)     # a stale row raises and leaves the stack as it was
        self._undone.append(self._done.pop())
        return changes

    def redo(self, db: sqlite_utils.Database) -> ChangeSummary:
        if not self._undone:
            return ChangeSummary()
        edit = self._undone[-1]
        changes = edit.apply(db)
        self._done.append(self._undone.pop())
        return changes

    def clear(self) -> None:
        """Forget every edit (after a restore or a merge of departments, which cannot be undone)."""
        self._done.clear()
        self._undone.clear()

    @property
    def undo_label(self) -> Msg | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> Msg | None:
        return self._undone[-1].label if self._undone else None


# --- what the edit dialogs show and check (so ui/ reads through the core, never the store) ----------

def task_code(db: sqlite_utils.Database, task_id: int) -> str:
    """The task's code (the edit dialog's title)."""
    return ledger.task_detail(db, task_id).code


def department_list(db: sqlite_utils.Database) -> list[Any]:
    """Every department not merged away (``domain.models.Department``): the units a dialog offers."""
    from desktop_app.store import departments

    return list(departments.list_departments(db))


def department_named(db: sqlite_utils.Database, code: str) -> Any:
    """One department by code (``PeakDeskError`` when there is none)."""
    from desktop_app.store import departments

    return departments.require(db, code)


def next_department_code(db: sqlite_utils.Database) -> str:
    """The code a new department is offered."""
    from desktop_app.store import departments

    return str(departments.next_code(db))


def department_problem(db: sqlite_utils.Database, before: Any, after: Any) -> PeakDeskError | None:
    """Why ``after`` cannot be saved (``before`` None: a new department), or None.

    The department editor asks before closing, so the person can fix the field; the write asks again
    (``department_edit`` → ``Edit.apply``), so a script or a second window cannot slip past it.
    """
    from desktop_app.store import departments

    if after is None:
        return None
    if not after.code.strip():
        return PeakDeskError(msg("uicore.dept_code_empty"))
    if not after.name_zh.strip():
        return PeakDeskError(msg("uicore.dept_name_empty"))
    if before is None and departments.id_for_code(db, after.code) is not None:
        return PeakDeskError(msg("uicore.dept_code_taken", code=after.code))
    for alias, _lang in after.aliases:
        owner = departments.alias_owner(db, alias)
        if owner is not None and owner != after.code:
            return PeakDeskError(msg("uicore.alias_taken", alias=alias, owner=owner))
    return None
