"""The Plans page's use cases: list the plans, choose the current one, archive and restore.

Importing and re-importing a plan (as a revision with its diff) is ``services.import_plan``; this
module only reads the catalogue and keeps the two choices (current, archived) in the ``meta`` table,
so no schema change is needed and an archived plan keeps every task, report and assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services.workspace import (
    ARCHIVED_PLANS_KEY,
    CURRENT_PLAN_KEY,
    archived_plan_ids,
    current_plan_id,
)
from desktop_app.store.db import write_tx
from desktop_app.store.meta import meta_set


@dataclass(frozen=True)
class PlanEntry:
    id: int
    title_zh: str
    title_en: str
    source_file: str       # the newest document the plan was built or revised from ("" if typed in)
    tasks: int
    unassigned: int        # tasks with no lead unit
    imported_at: str       # first import (or creation)
    revised_at: str        # newest revision ("" if never revised)
    revisions: int         # documents imported after the first
    translations: int
    archived: bool
    current: bool

    def title(self, lang: str) -> str:
        return self.title_en if lang.startswith("en") and self.title_en else self.title_zh


def list_plans(db: sqlite_utils.Database) -> list[PlanEntry]:
    current = current_plan_id(db)
    archived = archived_plan_ids(db)
    out = []
    for pid, tzh, ten, created in db.execute(
            "SELECT id, title_zh, title_en, created_at FROM plan WHERE translation_of IS NULL ORDER BY id").fetchall():
        sources = db.execute("SELECT file_name, imported_at FROM plan_source WHERE plan_id = ? ORDER BY imported_at, id",
                             [pid]).fetchall()
        tasks = int(db.execute("SELECT count(*) FROM task WHERE plan_id = ?", [pid]).fetchone()[0])
        unassigned = int(db.execute(
            "SELECT count(*) FROM task t WHERE t.plan_id = ? AND NOT EXISTS (SELECT 1 FROM assignment a "
            "WHERE a.task_id = t.id AND a.role = 'lead')", [pid]).fetchone()[0])
        translations = int(db.execute("SELECT count(*) FROM plan WHERE translation_of = ?", [pid]).fetchone()[0])
        out.append(PlanEntry(
            id=int(pid), title_zh=str(tzh), title_en=str(ten or ""),
            source_file=str(sources[-1][0]) if sources else "", tasks=tasks, unassigned=unassigned,
            imported_at=str(sources[0][1] if sources else created)[:10],
            revised_at=str(sources[-1][1])[:10] if len(sources) > 1 else "",
            revisions=max(0, len(sources) - 1), translations=translations,
            archived=int(pid) in archived, current=int(pid) == current))
    return out


def _require(db: sqlite_utils.Database, plan_id: int) -> None:
    if not db.execute("SELECT 1 FROM plan WHERE id = ? AND translation_of IS NULL", [plan_id]).fetchone():
        raise PeakDeskError(msg("window.no_such_plan", plan=plan_id))


def set_current_plan(db: sqlite_utils.Database, plan_id: int) -> ChangeSummary:
    """Make ``plan_id`` the plan every page shows (restores it from the archive if it was archived)."""
    _require(db, plan_id)
    with write_tx(db):
        meta_set(db, CURRENT_PLAN_KEY, str(plan_id))
        archived = archived_plan_ids(db) - {plan_id}
        meta_set(db, ARCHIVED_PLANS_KEY, ",".join(str(p) for p in sorted(archived)))
    return ChangeSummary(plans=True)


def set_archived(db: sqlite_utils.Database, plan_id: int, archived: bool) -> ChangeSummary:
    """Archive a plan (hidden as current, kept whole) or bring it back."""
    _require(db, plan_id)
    ids = archived_plan_ids(db)
    ids = ids | {plan_id} if archived else ids - {plan_id}
    with write_tx(db):
        meta_set(db, ARCHIVED_PLANS_KEY, ",".join(str(p) for p in sorted(ids)))
        if archived and current_plan_id(db) == plan_id:
            meta_set(db, CURRENT_PLAN_KEY, "")
    return ChangeSummary(plans=True)
