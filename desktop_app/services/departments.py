"""Editing the department registry: save one department's state (undoable by saving the old state back),
create one, and merge two that turned out to be one (after an automatic backup; not undoable).

Every call is one transaction with an audit entry and returns a ``ChangeSummary``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, DeptKind
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services import backup
from desktop_app.store import audit, departments
from desktop_app.store.db import write_tx

CHANGED = ChangeSummary(departments=True)


@dataclass(frozen=True)
class DeptState:
    """Everything the departments page lets a user edit about one department."""

    code: str
    name_zh: str
    name_en: str = ""
    short_zh: str = ""
    short_en: str = ""
    kind: DeptKind = DeptKind.FUNCTIONAL
    to_check: bool = False
    contact_person: str = ""
    contact_phone: str = ""
    aliases: tuple[tuple[str, str], ...] = ()   # (alias, lang)
    members: tuple[str, ...] = ()               # member codes of a placeholder group

    @classmethod
    def read(cls, db: sqlite_utils.Database, code: str) -> DeptState:
        d = departments.require(db, code)
        return cls(d.code, d.name_zh, d.name_en, d.short_zh, d.short_en, d.kind, d.to_check, d.contact_person,
                   d.contact_phone, tuple(d.aliases), tuple(d.members))

    def changed_fields(self, other: DeptState | None) -> list[str]:
        if other is None:
            return [f.name for f in dataclasses.fields(self)]
        return [f.name for f in dataclasses.fields(self) if getattr(self, f.name) != getattr(other, f.name)]


def _check(db: sqlite_utils.Database, state: DeptState) -> None:
    if not state.name_zh.strip():
        raise PeakDeskError(msg("core.dept.name_empty"))
    if not state.code.strip():
        raise PeakDeskError(msg("core.dept.code_empty"))
    if state.members and state.kind != DeptKind.PLACEHOLDER:
        raise PeakDeskError(msg("core.dept.members_only_for_groups"))
    seen: set[str] = set()
    for alias, lang in state.aliases:
        key = alias.strip().casefold()
        if not key or lang not in ("zh", "en"):
            raise PeakDeskError(msg("core.dept.alias_bad", alias=alias))
        if key in seen:
            raise PeakDeskError(msg("core.dept.alias_twice", alias=alias))
        seen.add(key)


def _write(db: sqlite_utils.Database, state: DeptState) -> int:
    dept_id = departments.upsert(
        db, state.code, state.name_zh.strip(), state.name_en.strip(), kind=state.kind,
        short_zh=state.short_zh.strip(), short_en=state.short_en.strip(), to_check=state.to_check,
        contact_person=state.contact_person.strip(), contact_phone=state.contact_phone.strip())
    departments.set_aliases(db, dept_id, [(a.strip(), lang) for a, lang in state.aliases])
    member_ids = []
    for code in state.members:
        mid = departments.id_for_code(db, code)
        if mid is None or mid == dept_id:
            raise PeakDeskError(msg("core.dept.no_member", code=code))
        member_ids.append(mid)
    departments.set_members(db, dept_id, member_ids)
    return dept_id


def save_department(db: sqlite_utils.Database, before: DeptState | None, after: DeptState | None) -> ChangeSummary:
    """Bring one department from ``before`` to ``after`` in one transaction.

    ``before`` None creates the department; ``after`` None removes it again (only a department nothing
    refers to, i.e. undoing its creation).
    """
    with write_tx(db):
        if after is None:
            if before is None:
                return ChangeSummary()
            departments.delete(db, before.code)
            audit.log(db, "delete", "department", before.code, {})
            return CHANGED
        _check(db, after)
        if before is None and departments.id_for_code(db, after.code) is not None:
            raise PeakDeskError(msg("core.dept.code_taken", code=after.code))
        if before is not None and before.code != after.code:
            raise PeakDeskError(msg("core.dept.code_fixed"))
        _write(db, after)
        fields = after.changed_fields(before)
        audit.log(db, "create" if before is None else "update", "department", after.code,
                  {f: _plain(getattr(after, f)) for f in fields})
    return CHANGED


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value.value if isinstance(value, DeptKind) else value


@dataclass(frozen=True)
class MergeResult:
    backup: Path
    moved_assignments: int
    changes: ChangeSummary


def merge_departments(db: sqlite_utils.Database, source: str, target: str) -> MergeResult:
    """Merge ``source`` into ``target`` (assignments move, the name becomes an alias, history stays).

    A backup is made first; the merge itself is not undoable except by restoring that backup.
    """
    src, dst = departments.require(db, source), departments.require(db, target)
    if src.id == dst.id:
        raise PeakDeskError(msg("core.store.merge_into_itself"))
    if src.merged_into is not None or dst.merged_into is not None:
        raise PeakDeskError(msg("core.dept.already_merged"))
    path = backup.auto_backup(db, "merge-departments")
    with write_tx(db):
        moved = db.execute("SELECT count(*) FROM assignment WHERE department_id = ?", [src.id]).fetchone()[0]
        departments.merge(db, source, target)
        db.execute("DELETE FROM placeholder_member WHERE member_id = ? AND placeholder_id IN "
                   "(SELECT placeholder_id FROM placeholder_member WHERE member_id = ?)", [src.id, dst.id])
        db.execute("UPDATE placeholder_member SET member_id = ? WHERE member_id = ?", [dst.id, src.id])
    return MergeResult(path, int(moved), ChangeSummary(departments=True, tasks=True, details={"merged": source}))
