"""Databases and workbooks for the reporting-cycle GUI tests (issue, merge, bureau, submissions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop_app.exchange.workbook import COL_LETTER, FIRST_ROW, PROGRESS_SHEET
from desktop_app.store.db import open_database
from tests.cycle_data import build_cycle_db


def cycle_db_file(tmp_path: Path) -> tuple[Path, int]:
    """A small plan (6 tasks, 6 reporting departments) in a database file the dialogs open themselves."""
    path = tmp_path / "cycle.sqlite"
    db = open_database(path)
    try:
        plan_id = build_cycle_db(db)
    finally:
        db.close()
    return path, plan_id


def issue(path: Path, plan_id: int, out: Path, codes: list[str]) -> dict[str, Path]:
    """Issue the demo's 2025-10 workbooks for ``codes`` into ``out``: department code → file."""
    import datetime as dt

    from desktop_app.services.issue_packages import export_packages
    from tests.cycle_data import DEMO_TODAY

    db = open_database(path)
    try:
        result = export_packages(db, plan_id, "2025-10", out, today=dt.date.fromisoformat(DEMO_TODAY),
                                 departments=codes)
    finally:
        db.close()
    return {p.department: Path(p.file) for p in result.packages}


def query(path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    db = open_database(path)
    try:
        return [tuple(r) for r in db.execute(sql, params or []).fetchall()]
    finally:
        db.close()


def fill_workbook(path: Path, values: dict[str, Any], *, out: Path | None = None) -> Path:
    """Fill every task row of an issued workbook like a clerk in a spreadsheet program would."""
    wb = load_workbook(path)
    ws = wb[PROGRESS_SHEET]
    row = FIRST_ROW
    while ws[f"{COL_LETTER['code']}{row}"].value:
        for column, value in values.items():
            cell = ws[f"{COL_LETTER[column]}{row}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # typed text, not a formula
        row += 1
    target = out or path
    wb.save(target)
    return target
