"""Issue → fill → merge over a small ledger: acceptance, history, duplicates, lateness, tampering."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.exchange.workbook import (
    COPY_MARKER,
    COPY_ROW,
    FIRST_ROW,
    META_KEYS,
    META_SHEET,
    PROGRESS_SHEET,
    read_workbook,
)
from desktop_app.services.clock import today as clock_today
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_files
from desktop_app.services.periods import ensure_periods, set_closed
from desktop_app.services.progress_view import list_progress, task_history
from desktop_app.services.submission_status import export_reminders, period_status
from desktop_app.store.db import backup_to, integrity_ok, open_database
from tests.cycle_data import build_cycle_db, db_dump, fill_workbook

TODAY = dt.date(2025, 10, 20)
NOV = dt.date(2025, 11, 3)       # before 2025-10's due date (2025-11-07)


@pytest.fixture
def cycle(cycle_db):
    return cycle_db


def _export(db, plan_id, tmp_path, period="2025-10", **kw):
    result = export_packages(db, plan_id, period, tmp_path / f"issued-{period}", today=TODAY, **kw)
    return {p.department: p.file for p in result.packages}


def test_clock_uses_pinned_demo_date(cycle):
    db, _plan, _tmp = cycle
    assert clock_today(db) == TODAY
    db.execute("DELETE FROM meta WHERE key = 'demo_today'")
    assert clock_today(db) == dt.date.today()


def test_every_holding_department_gets_a_workbook_placeholders_expanded(cycle):
    db, plan_id, tmp = cycle
    files = _export(db, plan_id, tmp)
    # GJZ (各街镇) expands to JDZ, XCL, NX; HB holds nothing; the placeholder itself gets no workbook.
    assert sorted(files) == ["FGW", "JDZ", "JSW", "JW", "NX", "XCL"]
    read = read_workbook(files["JDZ"])
    # JDZ: 1.2 via 各街镇 (cooperating), 1.3 direct cooperating, 2.1 via 各街镇 (lead)
    assert [(r.code, r.role) for r in read.issued] == [("1.2", "配合"), ("1.3", "配合"), ("2.1", "牵头")]
    assert read.meta["department_code"] == "JDZ" and read.meta["period_code"] == "2025-10"
    assert "万千瓦" in read_workbook(files["FGW"]).issued[0].target
    for path in files.values():
        assert "2025-10" in path.name and path.suffix == ".xlsx"
        assert not any(ch in path.name for ch in '<>:"/\\|?*')


def test_workbook_structure_protection_and_hidden_sheets(cycle):
    db, plan_id, tmp = cycle
    path = _export(db, plan_id, tmp)["FGW"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "说明 Instructions"
    assert wb[META_SHEET].sheet_state == "veryHidden" and wb["_lists"].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb[PROGRESS_SHEET]
    assert ws.protection.sheet
    assert ws[f"A{FIRST_ROW}"].protection.locked and not ws[f"F{FIRST_ROW}"].protection.locked
    status_dv = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"][0]
    assert status_dv.formula1 == "=StatusList"
    assert "_lists" in wb.defined_names["StatusList"].attr_text
    # the percent cell is a text cell: what a clerk types ("50%", "85") stays as typed in every program
    assert ws[f"G{FIRST_ROW}"].number_format == "@" and ws[f"I{FIRST_ROW}"].number_format == "@"
    pct = [dv for dv in ws.data_validations.dataValidation if f"G{FIRST_ROW}" in str(dv.sqref)]
    assert pct and pct[0].type == "textLength" and "85%" in pct[0].prompt
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.print_title_rows == "$1:$2" and ws.sheet_properties.pageSetUpPr.fitToPage
    meta = {wb[META_SHEET][f"A{i}"].value: wb[META_SHEET][f"B{i}"].value for i in range(1, len(META_KEYS) + 1)}
    assert len(meta["digest"]) == 64 and meta["format_version"] == "2"
    # the copy of the issued locked rows: one JSON text in the marked row, equal to the visible locked cells
    assert wb[META_SHEET][f"A{COPY_ROW}"].value == COPY_MARKER
    copy = json.loads(wb[META_SHEET][f"B{COPY_ROW}"].value)
    assert copy == [[ws.cell(row=FIRST_ROW + i, column=c).value or "" for c in range(1, 6)] for i in range(len(copy))]
    assert len(copy) == 3 and wb[META_SHEET].max_row == COPY_ROW
    secret = db.execute("SELECT value FROM meta WHERE key = 'exchange_secret'").fetchone()[0]
    assert secret not in path.read_bytes().decode("latin-1")


def test_round_trip_all_departments_then_history_status_and_duplicates(cycle):
    db, plan_id, tmp = cycle
    files = _export(db, plan_id, tmp)
    filled = [fill_workbook(p, tmp / f"filled-{code}.xlsx") for code, p in files.items()]
    result = merge_files(db, filled, today=NOV)
    assert [f.status for f in result.files] == ["accepted"] * len(files), [f.errors for f in result.files]
    assert not any(f.late for f in result.files)
    entries = list_progress(db, plan_id, period="2025-10")
    expected = sum(read_workbook(p).meta["rows"] == str(len(read_workbook(p).issued)) and len(read_workbook(p).issued)
                   for p in files.values())
    assert len(entries) == expected == 14
    assert {e.status for e in entries} == {"in_progress"} and all(e.version == 1 for e in entries)
    assert all(s.status == "on_time" for s in period_status(db, plan_id, "2025-10").departments)

    before = db_dump(db)
    again = merge_files(db, [filled[0]], today=NOV)
    assert again.files[0].status == "duplicate" and db_dump(db) == before

    # a later workbook for FGW supersedes; only the changed row gets a new version; late after due date
    later = fill_workbook(files["FGW"], tmp / "fgw-2.xlsx", {0: {"status": "已完成", "percent": 100}})
    dry = merge_files(db, [later], today=dt.date(2025, 11, 10), dry_run=True)
    assert dry.files[0].changes == {"new": [], "changed": ["1.1"], "unchanged": ["1.3", "2.2"]}
    assert db_dump(db) == before
    second = merge_files(db, [later], today=dt.date(2025, 11, 10))
    f = second.files[0]
    assert f.status == "accepted" and f.late
    first_id = result.files[0].submission_id
    assert db.execute("SELECT superseded_by FROM submission WHERE id = ?", [first_id]).fetchone()[0] == f.submission_id
    task_id = db.execute("SELECT id FROM task WHERE code = '1.1'").fetchone()[0]
    hist = [e for e in task_history(db, task_id) if e.department == "FGW"]
    assert [(e.version, e.status, e.is_current) for e in hist] == [(1, "in_progress", False), (2, "completed", True)]
    # status keeps the first (on-time) receipt
    fgw = [s for s in period_status(db, plan_id, "2025-10").departments if s.department == "FGW"][0]
    assert fgw.status == "on_time"
    assert integrity_ok(db)


def test_late_and_missing_status_and_reminders(cycle):
    db, plan_id, tmp = cycle
    files = _export(db, plan_id, tmp, period="2025-09")
    merge_files(db, [fill_workbook(files["FGW"], tmp / "a.xlsx")], today=dt.date(2025, 10, 9))
    merge_files(db, [fill_workbook(files["JW"], tmp / "b.xlsx")], today=TODAY)   # due 2025-10-14
    status = {s.department: s.status for s in period_status(db, plan_id, "2025-09").departments}
    assert status == {"FGW": "on_time", "JW": "late", "JDZ": "missing", "JSW": "missing", "NX": "missing",
                      "XCL": "missing"}
    out = export_reminders(db, plan_id, "2025-09", tmp / "rem.xlsx", today=TODAY).file
    ws = openpyxl.load_workbook(out).active
    rows = {ws.cell(row=r, column=1).value: (ws.cell(row=r, column=4).value, ws.cell(row=r, column=5).value)
            for r in range(4, ws.max_row + 1)}
    assert set(rows) == {"JDZ", "JSW", "NX", "XCL"}
    assert rows["JDZ"] == ("陈一", "13800000001")


def test_last_period_entry_is_carried_into_next_workbook(cycle):
    db, plan_id, tmp = cycle
    files = _export(db, plan_id, tmp, period="2025-09")
    merge_files(db, [fill_workbook(files["FGW"], tmp / "a.xlsx", {0: {"status": "滞后", "percent": 30,
                                                                         "narrative": "=1+1 资金未到位"}})],
                today=dt.date(2025, 10, 9))
    nxt = _export(db, plan_id, tmp, period="2025-10", departments=["FGW"])["FGW"]
    assert read_workbook(nxt).issued[0].last == "2025-09：滞后 30%；=1+1 资金未到位"


@pytest.mark.parametrize("text", ["=1+1", '=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0",
                                  "@SUM(A1)"])
def test_formula_like_text_stays_text_everywhere(cycle, text):
    db, plan_id, tmp = cycle
    path = _export(db, plan_id, tmp, period="2025-09", departments=["FGW"])["FGW"]
    filled = fill_workbook(path, tmp / "f.xlsx", {0: {"status": "推进中", "narrative": text, "problems": text}})
    assert merge_files(db, [filled], today=dt.date(2025, 10, 9)).files[0].status == "accepted"
    stored = db.execute("SELECT narrative FROM progress").fetchone()[0]
    assert stored == text.replace("\x07", "")
    nxt = _export(db, plan_id, tmp, period="2025-10", departments=["FGW"])["FGW"]
    wb = openpyxl.load_workbook(nxt)
    cell = wb[PROGRESS_SHEET][f"E{FIRST_ROW}"]
    assert cell.data_type == "s" and cell.value.endswith(text.replace("\x07", ""))
    import zipfile

    with zipfile.ZipFile(nxt) as zf:
        assert not any(b"<f>" in zf.read(n) or b"<f " in zf.read(n) for n in zf.namelist() if n.endswith(".xml"))


# --- tampering -----------------------------------------------------------------------------------


def _rejected(db, path, today=NOV):
    before = db_dump(db)
    result = merge_files(db, [path], today=today)
    f = result.files[0]
    assert f.status == "rejected"
    assert db_dump(db) == before, "a rejected file must leave the database as it was"
    return [(e.sheet, e.cell, e.text("en")) for e in f.errors]


@pytest.mark.parametrize(("column", "value"), [("A", "9.9"), ("B", "改过的任务名称"), ("C", "协办"),
                                                ("D", "≥ 600 万千瓦"), ("E", "2025-09：已完成 100%")])
def test_edited_locked_column_is_rejected_naming_the_cell(cycle_issued, column, value):
    db, _plan, tmp, files = cycle_issued
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", edit={PROGRESS_SHEET: {f"{column}{FIRST_ROW + 1}": value}})
    errors = _rejected(db, path)
    assert [(s, c) for s, c, _m in errors] == [(PROGRESS_SHEET, f"{column}{FIRST_ROW + 1}")], errors
    assert "locked" in errors[0][2]


def test_added_row_is_rejected(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    row = FIRST_ROW + 3      # FGW holds 3 tasks (rows 3-5)
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", edit={PROGRESS_SHEET: {
        f"A{row}": "2.3", f"B{row}": "开展低碳社区试点", f"C{row}": "牵头", f"F{row}": "已完成"}})
    errors = _rejected(db, path)
    assert (PROGRESS_SHEET, f"A{row}") in [(s, c) for s, c, _m in errors]
    assert any("added" in m for _s, _c, m in errors)


def test_removed_row_is_rejected(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx")
    wb = openpyxl.load_workbook(src)
    wb[PROGRESS_SHEET].delete_rows(FIRST_ROW + 1)
    wb.save(tmp / "t.xlsx")
    errors = _rejected(db, tmp / "t.xlsx")
    assert any(c == f"A{FIRST_ROW + 1}" and "1.3" in m and "missing" in m for _s, c, m in errors), errors


def test_metadata_switched_to_another_department_is_rejected(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    cell = f"B{META_KEYS.index('department_code') + 1}"
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", edit={META_SHEET: {cell: "JW"}})
    assert _rejected(db, path)[0][:2] == (META_SHEET, cell)
    # also pointing the package id at JW's real package does not help: the digest is keyed
    jw_pkg = read_workbook(files["JW"]).meta["package_id"]
    path = fill_workbook(files["FGW"], tmp / "t2.xlsx", edit={META_SHEET: {
        cell: "JW", f"B{META_KEYS.index('package_id') + 1}": jw_pkg,
        f"B{META_KEYS.index('department_name') + 1}": "区经委"}})
    errors = _rejected(db, path)
    assert errors[0][0] == META_SHEET and "digest" in errors[0][2]
    assert db.execute("SELECT count(*) FROM progress").fetchone()[0] == 0


@pytest.mark.parametrize("copy", ["[[\"1.1\", \"大力发展", "{}", "[[\"1.1\", \"t\", \"牵头\"]]", ""],
                         ids=["truncated", "not-a-list", "short-row", "emptied"])
def test_damaged_copy_of_issued_rows_is_rejected_naming_its_cell(cycle_issued, copy):
    db, _plan, tmp, files = cycle_issued
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", edit={META_SHEET: {f"B{COPY_ROW}": copy or None}})
    errors = _rejected(db, path)
    assert errors == [(META_SHEET, f"B{COPY_ROW}", errors[0][2])] and "hidden check data" in errors[0][2]


def test_copy_of_issued_rows_edited_with_the_visible_cell_is_rejected_by_the_digest(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    copy = json.loads(openpyxl.load_workbook(files["FGW"])[META_SHEET][f"B{COPY_ROW}"].value)
    copy[0][1] = "改过的任务名称"
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", edit={
        META_SHEET: {f"B{COPY_ROW}": json.dumps(copy, ensure_ascii=False)},
        PROGRESS_SHEET: {f"B{FIRST_ROW}": "改过的任务名称"}})
    errors = _rejected(db, path)
    assert errors[0][0] == META_SHEET and "digest" in errors[0][2]


def test_workbook_of_an_unsupported_format_version_is_rejected(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    cell = f"B{META_KEYS.index('format_version') + 1}"
    errors = _rejected(db, fill_workbook(files["FGW"], tmp / "t.xlsx", edit={META_SHEET: {cell: "1"}}))
    assert errors[0][:2] == (META_SHEET, cell) and "format version 1 is not supported" in errors[0][2]


def test_workbook_issued_by_another_database_is_rejected(cycle_issued, tmp_path):
    db, _plan, tmp, _files = cycle_issued
    other = open_database(tmp_path / "other.sqlite")
    try:
        other_plan = build_cycle_db(other)
        foreign = export_packages(other, other_plan, "2025-10", tmp_path / "foreign", today=TODAY).packages[0].file
    finally:
        other.close()
    errors = _rejected(db, fill_workbook(foreign, tmp / "t.xlsx"))
    assert errors[0][:2] == (META_SHEET, f"B{META_KEYS.index('package_id') + 1}")
    assert "not issued by this database" in errors[0][2]


def test_bad_values_all_listed_with_cells(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    path = fill_workbook(files["FGW"], tmp / "t.xlsx", {
        0: {"status": "快完成了", "percent": 130},
        1: {"status": "推进中", "percent": "八十五", "indicator": "12吨", "narrative": "长" * 2001},
        2: {"percent": 50}})
    errors = {c: m for _s, c, m in _rejected(db, path)}
    assert set(errors) == {"F3", "G3", "G4", "H4", "I4", "F5"}, errors
    assert "outside 0-100" in errors["G3"] and "2000" in errors["I4"] and "choose a status" in errors["F5"]


def test_closed_period_rejects_until_reopened(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    path = fill_workbook(files["FGW"], tmp / "f.xlsx")
    set_closed(db, plan_id, "2025-10", True, "月度调度已结束")
    assert any("closed" in m for _s, _c, m in _rejected(db, path))
    set_closed(db, plan_id, "2025-10", False, "补报")
    assert merge_files(db, [path], today=NOV).files[0].status == "accepted"
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log WHERE entity = 'period' ORDER BY id")]
    assert actions == ["close", "reopen"]
    with pytest.raises(Exception, match="reason"):
        set_closed(db, plan_id, "2025-10", True, "  ")


def test_percent_rules_85_percent_text_and_percent_formatted_fraction(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "推进中", "percent": "85%"},
                                                         1: {"status": "推进中", "percent": 0.6},
                                                         2: {"status": "推进中", "percent": "0.5%"}})
    wb = openpyxl.load_workbook(src)
    wb[PROGRESS_SHEET][f"G{FIRST_ROW + 1}"].number_format = "0%"
    wb.save(src)
    assert merge_files(db, [src], today=NOV).files[0].status == "accepted"
    got = {e.task: e.percent for e in list_progress(db, plan_id, departments=["FGW"])}
    assert got == {"1.1": 85.0, "1.3": 60.0, "2.2": 0.5}


def test_bare_fraction_in_the_percent_cell_is_asked_about_never_read_as_a_fraction_of_one_percent(cycle_issued):
    """0.85 typed with no percent sign or format: 0.85 % or 85 %? The cell is named with the question."""
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "推进中", "percent": 0.85},
                                                         1: {"status": "推进中", "percent": "０.５"}})
    f = merge_files(db, [src], today=NOV).files[0]
    assert f.status == "rejected"
    reasons = {e.cell: (e.text("en"), e.text("zh")) for e in f.errors}
    assert "did you mean 85 %" in reasons[f"G{FIRST_ROW}"][0] and "是否指 85%" in reasons[f"G{FIRST_ROW}"][1]
    assert "did you mean 50 %" in reasons[f"G{FIRST_ROW + 1}"][0]
    assert list_progress(db, plan_id, departments=["FGW"]) == []


def test_periods_quarterly_plan_and_due_dates(cycle):
    db, plan_id, _tmp = cycle
    db.execute("UPDATE plan SET reporting = 'quarterly' WHERE id = ?", [plan_id])
    res = ensure_periods(db, plan_id, 2025)
    assert res.created == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    q3 = [p for p in res.periods if p.code == "2025Q3"][0]
    assert q3.due == dt.date(2025, 10, 14)     # 5th working day after the National Day holiday
    assert ensure_periods(db, plan_id, 2025).created == []


# --- CLI -----------------------------------------------------------------------------------------

def test_cli_export_merge_progress_status(cycle, capsys):
    db, _plan, tmp = cycle
    db_path = str(tmp / "cycle.sqlite")
    out = tmp / "cli-out"
    assert main(["--db", db_path, "package", "export", "--period", "2025-10", "--dept", "FGW", "--out", str(out),
                 "--json"]) == 0
    issued_file = Path(json.loads(capsys.readouterr().out)["packages"][0]["file"])
    good = fill_workbook(issued_file, tmp / "in" / "good.xlsx" if (tmp / "in").mkdir() is None else None)
    bad = fill_workbook(issued_file, tmp / "in" / "sub" / "bad.xlsx" if (tmp / "in" / "sub").mkdir() is None
                        else None, {0: {"status": "?"}})
    (tmp / "in" / "notes.txt").write_text("ignored")
    from desktop_app.services.backup import backup_stem, list_backups

    assert main(["--db", db_path, "merge", str(tmp / "in"), "--dry-run", "--json"]) == 1
    capsys.readouterr()
    assert [b for b in list_backups(backup_stem(Path(db_path))) if b.reason == "merge"] == []     # a dry run writes nothing
    assert main(["--db", db_path, "merge", str(tmp / "in"), "--json"]) == 1
    captured = capsys.readouterr()
    results = json.loads(captured.out)
    made = [b for b in list_backups(backup_stem(Path(db_path))) if b.reason == "merge"]
    assert len(made) == 1 and str(made[0].path) in captured.err     # the state before the merge, named
    assert {Path(r["file"]).name: r["status"] for r in results} == {"good.xlsx": "accepted", "bad.xlsx": "rejected"}
    assert set(results[0]) == {"file", "status", "department", "period", "rows", "late", "errors", "warnings"}
    assert main(["--db", db_path, "merge", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "duplicate"
    assert main(["--db", db_path, "merge", str(tmp / "missing.xlsx")]) == 2
    assert main(["--db", db_path, "progress", "list", "--period", "2025-10", "--dept", "FGW", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3 and set(rows[0]) == {"task", "department", "period", "status", "percent", "indicator",
                                               "narrative", "version", "received_at"}
    assert main(["--db", db_path, "status", "--period", "2025-10", "--json"]) == 0
    status = {r["department"]: r["status"] for r in json.loads(capsys.readouterr().out)}
    assert status["FGW"] == "on_time" and status["JW"] == "missing"
    assert main(["--db", db_path, "reminders", "--period", "2025-10", "--out", str(tmp / "r.xlsx")]) == 0
    assert main(["--db", db_path, "period", "close", "2025-10", "--reason", "done"]) == 0
    assert main(["--db", db_path, "period", "list", "--json"]) == 0
    assert bad.exists()


def test_copy_of_database_accepts_its_own_workbooks(cycle, tmp_path):
    """A backup copy of the coordinator database keeps the secret: its workbooks still merge."""
    db, plan_id, tmp = cycle
    files = _export(db, plan_id, tmp)
    copy = backup_to(db, tmp_path / "copy.sqlite")
    other = open_database(copy)
    try:
        assert merge_files(other, [fill_workbook(files["JW"], tmp / "f.xlsx")], today=NOV).files[0].status == "accepted"
    finally:
        other.close()
