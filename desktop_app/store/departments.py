"""Department registry (责任单位): bilingual names, kinds, aliases, placeholder groups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_app.domain.models import DeptKind, DeptRef
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services.clock import now_stamp
from desktop_app.store import audit


@dataclass
class Department:
    id: int
    code: str
    name_zh: str
    name_en: str
    short_zh: str = ""
    short_en: str = ""
    kind: DeptKind = DeptKind.FUNCTIONAL
    to_check: bool = False
    contact_person: str = ""
    contact_phone: str = ""
    merged_into: int | None = None
    aliases: list[tuple[str, str]] = field(default_factory=list)   # (alias, lang)
    members: list[str] = field(default_factory=list)               # member codes of a placeholder

    @property
    def ref(self) -> DeptRef:
        return DeptRef(self.code, self.name_zh, self.name_en)

    def name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name_zh

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name_zh": self.name_zh, "name_en": self.name_en, "kind": self.kind.value,
                "short_zh": self.short_zh, "short_en": self.short_en, "contact_person": self.contact_person,
                "contact_phone": self.contact_phone, "to_check": self.to_check,
                "aliases": [a for a, _ in self.aliases], "members": list(self.members)}


def _from_row(row: dict[str, Any]) -> Department:
    return Department(
        id=row["id"], code=row["code"], name_zh=row["name_zh"], name_en=row["name_en"],
        short_zh=row["short_zh"], short_en=row["short_en"], kind=DeptKind(row["kind"]),
        to_check=bool(row["to_check"]), contact_person=row["contact_person"],
        contact_phone=row["contact_phone"], merged_into=row["merged_into"],
    )


def list_departments(db: sqlite_utils.Database, *, include_merged: bool = False) -> list[Department]:
    where = "" if include_merged else "WHERE merged_into IS NULL"
    depts = [_from_row(r) for r in db.execute_returning_dicts(f"SELECT * FROM department {where} ORDER BY id")]
    by_id = {d.id: d for d in depts}
    for r in db.execute("SELECT department_id, alias, lang FROM department_alias ORDER BY id").fetchall():
        if r[0] in by_id:
            by_id[r[0]].aliases.append((r[1], r[2]))
    for r in db.execute(
        "SELECT pm.placeholder_id, d.code FROM placeholder_member pm JOIN department d ON d.id = pm.member_id "
        "ORDER BY d.id"
    ).fetchall():
        if r[0] in by_id:
            by_id[r[0]].members.append(r[1])
    return depts


def get(db: sqlite_utils.Database, code: str) -> Department | None:
    row = db.execute_returning_dicts("SELECT * FROM department WHERE code = ?", [code])
    if not row:
        return None
    dept = _from_row(row[0])
    dept.aliases = [(r[0], r[1]) for r in db.execute(
        "SELECT alias, lang FROM department_alias WHERE department_id = ? ORDER BY id", [dept.id]).fetchall()]
    dept.members = members(db, dept.id)
    return dept


def require(db: sqlite_utils.Database, code: str) -> Department:
    dept = get(db, code)
    if dept is None:
        raise PeakDeskError(msg("core.store.no_department", code=code))
    return dept


def id_for_code(db: sqlite_utils.Database, code: str) -> int | None:
    row = db.execute("SELECT id FROM department WHERE code = ?", [code]).fetchone()
    return int(row[0]) if row else None


def members(db: sqlite_utils.Database, dept_id: int) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT d.code FROM placeholder_member pm JOIN department d ON d.id = pm.member_id "
        "WHERE pm.placeholder_id = ? ORDER BY d.id", [dept_id]).fetchall()]


def upsert(db: sqlite_utils.Database, code: str, name_zh: str, name_en: str = "", *,
           kind: DeptKind | str = DeptKind.FUNCTIONAL, short_zh: str = "", short_en: str = "",
           to_check: bool = False, contact_person: str = "", contact_phone: str = "") -> int:
    """Create the department or update its names; returns its id."""
    kind = DeptKind(kind)
    existing = id_for_code(db, code)
    values = [name_zh, name_en, short_zh, short_en, kind.value, int(to_check), contact_person, contact_phone]
    if existing is None:
        return int(db.execute(
            "INSERT INTO department (name_zh, name_en, short_zh, short_en, kind, to_check, contact_person, "
            "contact_phone, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [*values, code, now_stamp()]).fetchone()[0])
    db.execute(
        "UPDATE department SET name_zh = ?, name_en = ?, short_zh = ?, short_en = ?, kind = ?, to_check = ?, "
        "contact_person = ?, contact_phone = ? WHERE id = ?", [*values, existing])
    return existing


def add_alias(db: sqlite_utils.Database, dept_id: int, alias: str, lang: str = "zh") -> bool:
    """Record another spelling; False when that alias already names a department."""
    alias = alias.strip()
    if not alias:
        return False
    cur = db.execute("INSERT INTO department_alias (department_id, alias, lang) VALUES (?, ?, ?) "
                     "ON CONFLICT DO NOTHING", [dept_id, alias, lang])
    return cur.rowcount > 0


def set_members(db: sqlite_utils.Database, placeholder_id: int, member_ids: list[int]) -> None:
    db.execute("DELETE FROM placeholder_member WHERE placeholder_id = ?", [placeholder_id])
    for mid in member_ids:
        db.execute("INSERT INTO placeholder_member (placeholder_id, member_id) VALUES (?, ?) "
                   "ON CONFLICT (placeholder_id, member_id) DO NOTHING", [placeholder_id, mid])


def find(db: sqlite_utils.Database, name: str) -> Department | None:
    """Resolve a printed name through codes, names and aliases (case-insensitive for Latin text)."""
    text = name.strip()
    if not text:
        return None
    row = db.execute(
        "SELECT code FROM department WHERE code = ? OR name_zh = ? OR lower(name_en) = lower(?) "
        "OR short_zh = ? ORDER BY merged_into IS NOT NULL, id LIMIT 1", [text, text, text, text]).fetchone()
    if row is None:
        row = db.execute(
            "SELECT d.code FROM department_alias a JOIN department d ON d.id = a.department_id "
            "WHERE a.alias = ? LIMIT 1", [text]).fetchone()
    if row is None:
        return None
    dept = get(db, row[0])
    while dept is not None and dept.merged_into is not None:
        code = db.execute("SELECT code FROM department WHERE id = ?", [dept.merged_into]).fetchone()[0]
        dept = get(db, code)
    return dept


def next_code(db: sqlite_utils.Database, prefix: str = "NEW") -> str:
    n = db.execute("SELECT count(*) FROM department WHERE code LIKE ?", [f"{prefix}-%"]).fetchone()[0]
    while True:
        n += 1
        code = f"{prefix}-{n:03d}"
        if id_for_code(db, code) is None:
            return code


def merge(db: sqlite_utils.Database, source_code: str, target_code: str) -> None:
    """Two departments turned out to be one: move assignments, progress and aliases to the target.

    The source stays (marked merged_into) so history and old workbooks still resolve.
    Runs inside the caller's transaction.
    """
    src, dst = require(db, source_code), require(db, target_code)
    if src.id == dst.id:
        raise PeakDeskError(msg("core.store.merge_into_itself"))
    # Assignments: keep the stronger role when the target already holds the task.
    for task_id, role, seq in db.execute(
            "SELECT task_id, role, seq FROM assignment WHERE department_id = ?", [src.id]).fetchall():
        held = db.execute("SELECT role FROM assignment WHERE task_id = ? AND department_id = ?",
                          [task_id, dst.id]).fetchone()
        if held is None:
            db.execute("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?)",
                       [task_id, dst.id, role, seq])
        elif role == "lead" and held[0] != "lead":
            db.execute("UPDATE assignment SET role = 'lead', seq = ? WHERE task_id = ? AND department_id = ?",
                       [seq, task_id, dst.id])
    db.execute("DELETE FROM assignment WHERE department_id = ?", [src.id])
    db.execute("UPDATE department_alias SET department_id = ? WHERE department_id = ?", [dst.id, src.id])
    for alias, lang in ((src.name_zh, "zh"), (src.name_en, "en")):
        add_alias(db, dst.id, alias, lang)
    db.execute("UPDATE department SET merged_into = ? WHERE id = ?", [dst.id, src.id])
    audit.log(db, "merge", "department", src.code, {"into": dst.code})


def alias_owner(db: sqlite_utils.Database, alias: str) -> str | None:
    """The code of the department an alias belongs to (aliases are unique, case-insensitive)."""
    row = db.execute(
        "SELECT d.code FROM department_alias a JOIN department d ON d.id = a.department_id WHERE a.alias = ?",
        [alias.strip()]).fetchone()
    return str(row[0]) if row else None


def remove_alias(db: sqlite_utils.Database, dept_id: int, alias: str) -> bool:
    """Forget one spelling of a department; False when it had no such alias."""
    cur = db.execute("DELETE FROM department_alias WHERE department_id = ? AND alias = ?", [dept_id, alias.strip()])
    return cur.rowcount > 0


def set_aliases(db: sqlite_utils.Database, dept_id: int, aliases: list[tuple[str, str]]) -> None:
    """Replace a department's aliases with ``aliases`` ((alias, lang) pairs, in that order).

    Raises PeakDeskError when an alias already belongs to another department.
    """
    for alias, _lang in aliases:
        owner = alias_owner(db, alias)
        if owner is not None and owner != _code_of(db, dept_id):
            raise PeakDeskError(msg("core.store.alias_taken", alias=alias, owner=owner))
    db.execute("DELETE FROM department_alias WHERE department_id = ?", [dept_id])
    for alias, lang in aliases:
        add_alias(db, dept_id, alias, lang)


def _code_of(db: sqlite_utils.Database, dept_id: int) -> str | None:
    row = db.execute("SELECT code FROM department WHERE id = ?", [dept_id]).fetchone()
    return str(row[0]) if row else None


def references(db: sqlite_utils.Database, dept_id: int) -> int:
    """How many rows elsewhere refer to the department (assignments, progress, submissions, merges …)."""
    total = 0
    for table, column in db.execute(
            "SELECT m.name, p.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
            "WHERE m.type = 'table' AND p.\"table\" = 'department' "
            "AND m.name NOT IN ('department_alias', 'placeholder_member')").fetchall():
        total += db.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', [dept_id]).fetchone()[0]
    return int(total)


def delete(db: sqlite_utils.Database, code: str) -> None:
    """Remove a department nothing refers to (undoing its creation); its aliases and memberships go too."""
    dept = require(db, code)
    if references(db, dept.id):
        raise PeakDeskError(msg("core.store.department_in_use", code=code))
    db.execute("DELETE FROM department_alias WHERE department_id = ?", [dept.id])
    db.execute("DELETE FROM placeholder_member WHERE placeholder_id = ? OR member_id = ?", [dept.id, dept.id])
    db.execute("DELETE FROM department WHERE id = ?", [dept.id])
