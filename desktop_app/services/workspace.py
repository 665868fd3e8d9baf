"""What the main window shows about the open database: the current plan, the demo date, task counts.

The current plan is the one the person chose on the Plans page (kept in the database's ``meta``
table), else the newest plan that is not archived; translations are never current.
"""

from __future__ import annotations

import sqlite_utils

from desktop_app.store.meta import meta_get

CURRENT_PLAN_KEY = "current_plan"
ARCHIVED_PLANS_KEY = "archived_plans"


def archived_plan_ids(db: sqlite_utils.Database) -> set[int]:
    raw = meta_get(db, ARCHIVED_PLANS_KEY, "") or ""
    return {int(p) for p in raw.split(",") if p.strip().isdigit()}


def current_plan_id(db: sqlite_utils.Database) -> int | None:
    """The chosen plan if it still exists, else the newest plan that is not archived (else the newest)."""
    chosen = meta_get(db, CURRENT_PLAN_KEY, "") or ""
    if chosen.isdigit() and db.execute("SELECT 1 FROM plan WHERE id = ? AND translation_of IS NULL",
                                       [int(chosen)]).fetchone():
        return int(chosen)
    archived = archived_plan_ids(db)
    ids = [int(r[0]) for r in db.execute(
        "SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id DESC").fetchall()]
    for plan_id in ids:
        if plan_id not in archived:
            return plan_id
    return ids[0] if ids else None


def demo_today(db: sqlite_utils.Database) -> str | None:
    """The pinned "today" of a demo database (None for a real one)."""
    value = meta_get(db, "demo_today")
    return str(value) if value else None


def task_count(db: sqlite_utils.Database, plan_id: int | None) -> int:
    if plan_id is None:
        return 0
    return int(db.execute("SELECT count(*) FROM task WHERE plan_id = ?", [plan_id]).fetchone()[0])
