"""Read-only unit lists the window's pickers and filters show (no Qt, no writes)."""

from __future__ import annotations

import sqlite_utils

from desktop_app.store import departments


def unit_names(db: sqlite_utils.Database, lang: str) -> list[tuple[str, str]]:
    """(code, name in ``lang``) of every unit that can be assigned (merged units left out), by name."""
    units = departments.list_departments(db)
    return sorted(((d.code, d.name(lang)) for d in units), key=lambda p: p[1])


def names_by_code(db: sqlite_utils.Database) -> dict[str, tuple[str, str]]:
    """code → (Chinese name, English name) of every unit, merged ones included (history shows them)."""
    return {str(c): (str(zh), str(en or "")) for c, zh, en in
            db.execute("SELECT code, name_zh, name_en FROM department").fetchall()}


def units_used_by_plan(db: sqlite_utils.Database, plan_id: int | None) -> set[str]:
    """Codes of the units assigned (lead or cooperating) to any task of the plan."""
    if plan_id is None:
        return set()
    return {str(r[0]) for r in db.execute(
        "SELECT DISTINCT d.code FROM assignment a JOIN department d ON d.id = a.department_id "
        "JOIN task t ON t.id = a.task_id WHERE t.plan_id = ?", [plan_id]).fetchall()}


def reporting_units_of_plan(db: sqlite_utils.Database, plan_id: int | None) -> list[tuple[str, str, str]]:
    """(code, name_zh, name_en) of the units assigned to the plan's tasks, by code, without placeholder
    groups (各街镇): the units a report can be about."""
    if plan_id is None:
        return []
    return [(str(c), str(zh), str(en or "")) for c, zh, en in db.execute(
        "SELECT DISTINCT d.code, d.name_zh, d.name_en FROM department d JOIN assignment a "
        "ON a.department_id = d.id JOIN task t ON t.id = a.task_id WHERE t.plan_id = ? "
        "AND d.kind != 'placeholder' ORDER BY d.code", [plan_id]).fetchall()]
