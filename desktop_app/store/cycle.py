"""Repository for the reporting cycle: who holds which task, current progress entries, the exchange secret.

Periods and the holiday calendar live in ``store.periods``, departments in ``store.departments``.
"""

from __future__ import annotations

import secrets

import sqlite_utils

from desktop_app.domain.models import Role
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
