"""What the ledger page and its models read: rows, sections, one task's detail, search, the unit list.

A read model for the window (no writes, no Qt); the store's records are passed through unchanged so the
page and the CLI show the same figures.
"""

from __future__ import annotations

import sqlite_utils

from desktop_app.domain.models import Target
from desktop_app.store import departments as _departments
from desktop_app.store import ledger as _ledger
from desktop_app.store.departments import Department
from desktop_app.store.ledger import LedgerRow, SectionRow, TaskDetail
from desktop_app.store.search import search_tasks as _search_tasks

__all__ = ["Department", "LedgerRow", "SectionRow", "TaskDetail", "format_target", "ledger_rows",
           "list_departments", "search_tasks", "sections", "task_detail"]


def ledger_rows(db: sqlite_utils.Database, plan_id: int) -> list[LedgerRow]:
    return _ledger.ledger_rows(db, plan_id)


def sections(db: sqlite_utils.Database, plan_id: int) -> list[SectionRow]:
    return _ledger.sections(db, plan_id)


def task_detail(db: sqlite_utils.Database, task_id: int) -> TaskDetail:
    return _ledger.task_detail(db, task_id)


def format_target(t: Target, lang: str = "zh") -> str:
    return _ledger.format_target(t, lang)


def search_tasks(db: sqlite_utils.Database, plan_id: int | None, text: str, *, limit: int = 100000) -> list[int]:
    return list(_search_tasks(db, plan_id, text, limit=limit))


def list_departments(db: sqlite_utils.Database, *, include_merged: bool = False) -> list[Department]:
    return _departments.list_departments(db, include_merged=include_merged)

