"""Repository for the reporting cycle: who holds which task, current progress entries, the exchange secret.

Periods and the holiday calendar live in ``store.periods``, departments in ``store.departments``.
"""

from __future__ import annotations

import secrets

import sqlite_utils

from desktop_app.domain.models import DeptKind, Role
from desktop_app.store.departments import Department, list_departments
from desktop_app.store.ledger import effective_assignments
from desktop_app.store.meta import meta_get

EXCHANGE_SECRET_KEY = "exchange_secret"


def exchange_secret(db: sqlite_utils.Database) -> bytes:
    """The key of the workbook digests; created on first use, never written to any file but the DB.

    Call inside a write transaction when the secret may not exist yet.
    """
    value = meta_get(db, EXCHANGE_SECRET_KEY)
    if value is None:
        value = secrets.token_hex(32)
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [EXCHANGE_SECRET_KEY, value])
    return bytes.fromhex(value)


def existing_secret(db: sqlite_utils.Database) -> bytes | None:
    value = meta_get(db, EXCHANGE_SECRET_KEY)
    return bytes.fromhex(value) if value else None


def departments_by_id(db: sqlite_utils.Database) -> dict[int, Department]:
    """Every department, merged ones included (their packages and submissions stay valid)."""
    return {d.id: d for d in list_departments(db, include_merged=True)}


def held_tasks(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[tuple[int, Role]]]:
    """department id → [(task id, role)] in plan order, placeholder groups expanded to their members."""
    out: dict[int, list[tuple[int, Role]]] = {}
    for a in effective_assignments(db, plan_id):
        out.setdefault(a.department_id, []).append((a.task_id, a.role))
    return out


def held_task_ids(db: sqlite_utils.Database, plan_id: int) -> dict[int, set[int]]:
    """department id → ids of the tasks it holds: the sets of ``held_tasks`` (placeholder groups expanded to
    their members) without roles and order, from two plain queries (what a merge run checks rows against)."""
    members: dict[int, list[int]] = {}
    for placeholder_id, member_id in db.execute("SELECT placeholder_id, member_id FROM placeholder_member").fetchall():
        members.setdefault(placeholder_id, []).append(member_id)
    out: dict[int, set[int]] = {}
    placeholder = DeptKind.PLACEHOLDER.value
    for task_id, dept_id, kind in db.execute(
            "SELECT a.task_id, a.department_id, d.kind FROM assignment a JOIN task t ON t.id = a.task_id "
            "JOIN department d ON d.id = a.department_id WHERE t.plan_id = ?", [plan_id]).fetchall():
        for holder in (members.get(dept_id, ()) if kind == placeholder else (dept_id,)):
            out.setdefault(holder, set()).add(task_id)
    return out
