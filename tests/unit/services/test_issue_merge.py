"""Unit tests of the issue and merge services (issue_packages, merge_submissions): what a workbook holds,
how returned rows are matched to the issued ones, and that a rejected file changes nothing. The whole
round trip through real files is in tests/integration/test_cycle_*.py."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from desktop_app.exchange.workbook import FIRST_ROW, LockedRow, VisibleRow, read_workbook
from desktop_app.services.issue_packages import export_packages, last_entry_text, package_file_name
from desktop_app.services.merge_submissions import match_rows, merge_files
from desktop_app.store.cycle import departments_by_id, held_tasks
from tests.cycle_data import db_dump, fill_workbook

TODAY = dt.date(2025, 10, 20)
ISSUED = [LockedRow("1.1", "大力发展非化石能源", "牵头"), LockedRow("1.2", "推进煤炭消费减量替代", "配合"),
          LockedRow("2.1", "推广绿色低碳生活方式", "牵头")]


def visible(row: int, locked: LockedRow, **raw: object) -> VisibleRow:
    return VisibleRow(row, locked, dict(raw))


def codes(pairs):
    return [(e.code, a.sheet_row) for e, a in pairs]


def test_rows_are_matched_by_task_code_whatever_their_order():
    rows = [visible(FIRST_ROW, ISSUED[2]), visible(FIRST_ROW + 1, ISSUED[0]), visible(FIRST_ROW + 2, ISSUED[1])]
    pairs, problems, warnings = match_rows(ISSUED, rows)
    assert sorted(codes(pairs)) == [("1.1", FIRST_ROW + 1), ("1.2", FIRST_ROW + 2), ("2.1", FIRST_ROW)]
    assert problems == [] and warnings == []


def test_a_changed_locked_cell_a_second_copy_and_a_missing_row_are_each_named_by_cell():
    changed = LockedRow("1.1", "大力发展非化石能源（已改）", "牵头")
    rows = [visible(FIRST_ROW, changed), visible(FIRST_ROW + 1, ISSUED[0]), visible(FIRST_ROW + 2, ISSUED[1])]
    _pairs, problems, _warnings = match_rows(ISSUED, rows)
    cells = sorted(p.cell for p in problems)
    # B: the title changed in the first row; A: 1.1 a second time; A: 2.1 (issued third) is gone
    assert cells == [f"A{FIRST_ROW + 1}", f"A{FIRST_ROW + 2}", f"B{FIRST_ROW}"]


def test_a_note_below_the_table_is_a_warning_an_added_task_row_a_problem():
    note = visible(FIRST_ROW + 3, LockedRow("备注：本月数据为初步统计", "", ""))
    added = visible(FIRST_ROW + 4, LockedRow("9.9", "自行增加的任务", "牵头"))
    rows = [visible(FIRST_ROW + i, e) for i, e in enumerate(ISSUED)] + [note, added]
    pairs, problems, warnings = match_rows(ISSUED, rows)
    assert len(pairs) == 3
    assert [w.cell for w in warnings] == [f"A{FIRST_ROW + 3}"]
    assert [p.cell for p in problems] == [f"A{FIRST_ROW + 4}"]


def test_an_emptied_code_cell_is_found_by_the_rows_title():
    emptied = LockedRow("", ISSUED[1].title, ISSUED[1].role)
    rows = [visible(FIRST_ROW, ISSUED[0]), visible(FIRST_ROW + 1, emptied), visible(FIRST_ROW + 2, ISSUED[2])]
    _pairs, problems, _warnings = match_rows(ISSUED, rows)
    assert [p.cell for p in problems] == [f"A{FIRST_ROW + 1}"]


def test_last_entry_text_names_the_period_status_percent_and_a_shortened_narrative():
    p = SimpleNamespace(code="2025-09")      # only the period's code is shown
    assert last_entry_text(p, "in_progress", 40.0, "按计划推进") == "2025-09：推进中 40%；按计划推进"
    assert last_entry_text(p, "completed", None, "") == "2025-09：已完成"
    long = last_entry_text(p, "delayed", 12.5, "很" * 300)
    assert long.endswith("…") and "12.5%" in long and len(long) < 160


def test_issue_writes_one_workbook_per_holding_department_with_exactly_its_tasks(cycle_db):
    db, plan_id, tmp = cycle_db
    result = export_packages(db, plan_id, "2025-10", tmp / "out", today=TODAY)
    holders = held_tasks(db, plan_id)
    depts = departments_by_id(db)
    assert sorted(p.department for p in result.packages) == sorted(depts[d].code for d in holders)
    codes_by_task = dict(db.execute("SELECT id, code FROM task").fetchall())
    for package in result.packages:
        dept_id = next(d for d in holders if depts[d].code == package.department)
        read = read_workbook(package.file)
        assert sorted(r.code for r in read.issued) == sorted(codes_by_task[t] for t, _role in holders[dept_id])
        assert package.file.name == package_file_name("2025-10", depts[dept_id])
        row = db.execute("SELECT department_id, row_count, digest FROM package WHERE id = ?", [package.package_id]).fetchone()
        assert row[0] == dept_id and row[1] == package.rows == len(read.issued)
        assert read.meta["digest"] == row[2] and read.meta["issued_at"].startswith(TODAY.isoformat())
    assert result.summary.periods and result.summary.details == {"packages": len(result.packages)}


def test_a_rejected_file_leaves_the_database_as_it_was(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    bad = fill_workbook(files["FGW"], tmp / "bad.xlsx", {0: {"status": "推进中", "percent": 140}})
    before = db_dump(db)
    result = merge_files(db, [bad], today=TODAY)
    assert result.files[0].status == "rejected" and result.files[0].errors
    assert db_dump(db) == before


def test_an_accepted_file_is_applied_whole_and_the_same_file_again_is_a_no_op(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    good = fill_workbook(files["FGW"], tmp / "good.xlsx")
    first = merge_files(db, [good], today=TODAY).files[0]
    n = len(read_workbook(files["FGW"]).issued)
    assert first.status == "accepted" and first.rows == n and not first.late
    assert db.execute("SELECT count(*) FROM progress WHERE submission_id = ?", [first.submission_id]).fetchone()[0] == n
    before = db_dump(db)
    again = merge_files(db, [good], today=TODAY).files[0]
    assert again.status == "duplicate" and db_dump(db) == before
