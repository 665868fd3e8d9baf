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


# Which units lead the Guang'an plan's sections (by words of the section title, lower case), and which cooperate.
GUANGAN_UNITS = [
    (("energy transformation", "conserve energy", "circular economy", "policy guarantee", "organization"),
     "市发展和改革委员会", ["市财政局"]),
    (("industrial sector",), "市经济和信息化局", ["市发展和改革委员会"]),
    (("urban and rural development",), "市住房和城乡建设局", ["市发展和改革委员会"]),
    (("transport",), "市交通运输局", ["市发展和改革委员会"]),
    (("science and technology",), "市科学技术局", ["市经济和信息化局"]),
    (("carbon sink",), "市林业局", ["市生态环境局"]),
    (("green and low-carbon actions", "county"), "市生态环境局", ["各县（市、区）人民政府"]),
    (("cooperation",), "市商务局", ["市发展和改革委员会"]),
]


def new_window(qtbot: Any, path: Path | None = None, **kwargs: Any) -> Any:
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(**kwargs)
    qtbot.addWidget(win)
    win.show()
    if path is not None:
        assert win.open_database(path)
    return win


def task_sections(tree: Any) -> list[tuple[str, Any]]:
    """The ledger tree's sections that hold tasks themselves, in display order: (title, index)."""
    from PySide6.QtCore import Qt

    from desktop_app.ui.models.ledger_model import LedgerRole

    found: list[tuple[str, Any]] = []

    def walk(parent: Any) -> None:
        for row in range(tree.rowCount(parent)):
            index = tree.index(row, 0, parent)
            if not index.data(LedgerRole.IS_SECTION):
                continue
            kids = [tree.index(r, 0, index) for r in range(tree.rowCount(index))]
            if any(k.data(LedgerRole.TASK_ID) is not None for k in kids):
                found.append((str(index.data(Qt.ItemDataRole.DisplayRole)), index))
            walk(index)

    walk(tree.index(0, 0).parent())
    return found
