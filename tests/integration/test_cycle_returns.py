"""Merging returns as clerks send them: rows by task code, notes, non-xlsx files, backups, remarks, and every
reason in Chinese and English (issues #15, #13 items 4/5/8)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import openpyxl

from desktop_app.cli import main
from desktop_app.errors import Problem
from desktop_app.exchange.workbook import COPY_ROW, FIRST_ROW, META_KEYS, META_SHEET, PROGRESS_SHEET
from desktop_app.messages import Msg, check_catalogue
from desktop_app.services.backup import backup_stem, list_backups
from desktop_app.services.bureau import BureauSession
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_files
from desktop_app.services.progress_view import list_progress
from tests.cycle_data import fill_workbook

TODAY = dt.date(2025, 10, 20)
NOV = dt.date(2025, 11, 3)
PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def _progress(db, plan_id, dept):
    return {e.task: (e.status, e.percent, e.narrative) for e in list_progress(db, plan_id, departments=[dept])}


def _move_rows(src: Path, dst: Path, order: list[int], note: str | None = None) -> Path:
    """Rows reordered as a clerk's sort does (every cell of the row moves), an optional note below."""
    wb = openpyxl.load_workbook(src)
    ws = wb[PROGRESS_SHEET]
    n = len(order)
    rows = [[ws.cell(FIRST_ROW + i, c).value for c in range(1, 14)] for i in range(n)]
    for i, j in enumerate(order):
        for c, value in enumerate(rows[j], start=1):
            cell = ws.cell(FIRST_ROW + i, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    if note:
        ws.cell(FIRST_ROW + n + 1, 1).value = note
    ws.row_dimensions[FIRST_ROW + 1].hidden = True
    wb.save(dst)
    return dst


def test_sorted_hidden_rows_and_a_note_row_are_fine(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "推进中", "percent": "30%", "narrative": "一"},
                                                         1: {"status": "推进中", "percent": 40, "narrative": "二"},
                                                         2: {"status": "滞后", "percent": "５０", "narrative": "三"}})
    path = _move_rows(src, tmp / "sorted.xlsx", [2, 0, 1], note="注：数据截至10月底")
    f = merge_files(db, [path], today=NOV).files[0]
    assert f.status == "accepted", [str(p) for p in f.errors]
    assert _progress(db, plan_id, "FGW") == {"1.1": ("in_progress", 30.0, "一"), "1.3": ("in_progress", 40.0, "二"),
                                              "2.2": ("delayed", 50.0, "三")}
    [note] = [w for w in f.warnings if w.cell == f"A{FIRST_ROW + 4}"]
    assert "注：数据截至10月底" in note.text("en") and "已忽略" in note.text("zh")


def test_a_changed_task_code_in_a_sorted_sheet_is_refused_naming_the_cell(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx")
    path = _move_rows(src, tmp / "sorted.xlsx", [1, 2, 0])
    wb = openpyxl.load_workbook(path)
    wb[PROGRESS_SHEET][f"A{FIRST_ROW}"].value = "9.9"       # the row of 1.3, now first
    wb.save(path)
    f = merge_files(db, [path], today=NOV).files[0]
    assert f.status == "rejected"
    assert [(p.cell, "1.3" in p.text("en") and "9.9" in p.text("en")) for p in f.errors] == [(f"A{FIRST_ROW}", True)]
    assert "已锁定" in f.errors[0].text("zh")
    assert _progress(db, plan_id, "FGW") == {}


def test_a_task_row_copied_twice_is_refused(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb[PROGRESS_SHEET]
    for c in range(1, 14):
        ws.cell(FIRST_ROW + 3, c).value = ws.cell(FIRST_ROW, c).value
        ws.cell(FIRST_ROW + 3, c).data_type = "s"
    wb.save(src)
    f = merge_files(db, [src], today=NOV).files[0]
    assert f.status == "rejected" and f.errors[0].cell == f"A{FIRST_ROW + 3}"
    assert "重复" in f.errors[0].text("zh")


def test_decimal_comma_in_the_percent_cell_is_refused_never_stored_times_ten(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "推进中", "percent": "8,5"}})
    f = merge_files(db, [src], today=NOV).files[0]
    assert f.status == "rejected" and [p.cell for p in f.errors] == [f"G{FIRST_ROW}"]
    assert "8.5" in f.errors[0].text("en") and "小数点" in f.errors[0].text("zh")
    assert _progress(db, plan_id, "FGW") == {}


def test_consistency_remarks_are_given_with_the_accepted_file(cycle_issued):
    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "已完成", "percent": 40},
                                                         1: {"status": "未启动", "percent": 10},
                                                         2: {"status": "推进中", "percent": 100}})
    f = merge_files(db, [src], today=NOV).files[0]
    assert f.status == "accepted"
    keys = sorted(p.message.params["remark"].key for p in f.warnings)   # type: ignore[union-attr]
    assert keys == ["merge.remark_done_below_100", "merge.remark_not_started_with_percent"]
    assert all(p.cell.startswith("G") for p in f.warnings)
    # next period: 2.2 (100 % last period) reported lower → a remark on the fall
    nxt = {p.department: p.file for p in export_packages(db, plan_id, "2025-11", tmp / "i11",
                                                         today=dt.date(2025, 11, 20)).packages}
    src = fill_workbook(nxt["FGW"], tmp / "n.xlsx", {2: {"status": "推进中", "percent": 90}}, all_rows=False)
    f = merge_files(db, [src], today=dt.date(2025, 12, 1)).files[0]
    assert f.status == "accepted", [str(p) for p in f.errors]
    assert [p.message.params["remark"].key for p in f.warnings] == ["merge.remark_percent_fell"]  # type: ignore[union-attr]
    assert "低于上期" in f.warnings[0].text("zh")


def test_non_xlsx_returns_in_a_folder_are_listed_with_what_to_do(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    inbox = tmp / "inbox"
    inbox.mkdir()
    fill_workbook(files["FGW"], inbox / "FGW.xlsx")
    for name in ("JW.et", "JDZ.wps", "NX.csv", "XCL.ods"):
        (inbox / name).write_bytes(b"not really a workbook")
    result = merge_files(db, [inbox], today=NOV, dry_run=True, convert=False)
    by_name = {Path(f.file).name: f for f in result.files}
    assert sorted(by_name) == ["FGW.xlsx", "JDZ.wps", "JW.et", "NX.csv", "XCL.ods"]
    assert by_name["FGW.xlsx"].status == "accepted"
    for name in ("JDZ.wps", "JW.et", "NX.csv", "XCL.ods"):
        [p] = by_name[name].errors
        assert by_name[name].status == "rejected" and ".xlsx" in p.text("en") and ".xlsx" in p.text("zh")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in p.text("zh"))


def test_a_backup_only_before_a_run_that_writes(cycle_issued, capsys):
    db, _plan, tmp, files = cycle_issued
    db_path = tmp / "cycle.sqlite"
    good = fill_workbook(files["FGW"], tmp / "good.xlsx")
    bad = fill_workbook(files["JW"], tmp / "bad.xlsx", {0: {"status": "推进中", "percent": 150}})
    db.close()

    def backups() -> int:
        return len(list_backups(backup_stem(db_path)))

    before = backups()
    assert main(["--db", str(db_path), "merge", "--dry-run", "--today", NOV.isoformat(), str(good)]) == 0
    assert backups() == before                                     # dry run: none
    assert main(["--db", str(db_path), "merge", "--today", NOV.isoformat(), str(bad)]) == 1
    assert backups() == before                                     # nothing accepted: none
    assert main(["--db", str(db_path), "merge", "--today", NOV.isoformat(), str(bad), str(good)]) == 1
    assert backups() == before + 1                                 # one, before the write
    assert main(["--db", str(db_path), "merge", "--today", NOV.isoformat(), str(good)]) == 0
    assert backups() == before + 1                                 # a duplicate: none
    capsys.readouterr()


def test_cli_lang_zh_prints_every_reason_in_chinese(cycle_issued, capsys):
    db, _plan, tmp, files = cycle_issued
    db_path = tmp / "cycle.sqlite"
    bad = fill_workbook(files["FGW"], tmp / "bad.xlsx", {0: {"status": "差不多", "percent": "0.5", "indicator": "8,5",
                                                             "narrative": "x" * 2100}})
    tampered = fill_workbook(files["JW"], tmp / "t.xlsx", edit={META_SHEET: {
        f"B{META_KEYS.index('department_code') + 1}": "FGW"}})
    damaged = fill_workbook(files["JSW"], tmp / "d.xlsx", edit={META_SHEET: {f"B{COPY_ROW}": "[[1"}})
    (tmp / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp / "renamed.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    db.close()
    code = main(["--db", str(db_path), "--lang", "zh", "merge", "--no-convert", "--today", NOV.isoformat(),
                 str(bad), str(tampered), str(damaged), str(tmp / "old.xls"), str(tmp / "renamed.xlsx")])
    out = capsys.readouterr().out
    assert code == 1
    reasons = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("\t")]
    assert len(reasons) >= 8, out
    for reason in reasons:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in reason), reason
    assert "rejected" not in out and "已退回" in out


# --- every message reachable from the merge and bureau mode has its Chinese ----------------------------

MODULES = ["exchange/workbook.py", "services/merge_submissions.py", "services/bureau.py",
           "services/office_convert.py", "commands/cycle.py:cmd_merge"]
RAISING = {"Problem", "InputRejected", "UsageError", "PeakDeskError"}


def test_no_reason_in_the_merge_path_is_plain_text():
    """Reasons are built from catalogue messages only: a ``Problem``/``InputRejected``/``UsageError`` given a
    literal string or f-string in these modules would reach a Chinese reader in English."""
    found = []
    for spec in MODULES:
        rel, _, function = spec.partition(":")
        tree: ast.AST = ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))
        if function:
            tree = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in RAISING \
                    and node.args and isinstance(node.args[0], ast.Constant | ast.JoinedStr):
                found.append(f"{rel}:{node.lineno}")
    assert found == []


def test_every_merge_and_bureau_message_has_chinese():
    from desktop_app.messages import catalogue

    keys = [k for k in catalogue() if k.startswith(("merge.", "bureau."))]
    assert len(keys) > 60
    assert [p for p in check_catalogue(keys)] == []


def test_bureau_mode_reasons_and_check_are_truthful_in_both_languages(cycle_issued):
    _db, _plan, tmp, files = cycle_issued
    session = BureauSession.open(files["FGW"])
    assert [p.message.key for p in session.update(0, percent="0.85")] == ["merge.percent_ambiguous"]
    assert session.rows[0].state == "invalid"
    assert session.update(1, status="推进中", percent="85%") == []
    check = session.check()
    assert check.blank == [2] and check.total == 3 and not check.complete
    assert [p.cell for p in check.problems] == [f"G{FIRST_ROW}"]
    for p in check.problems:
        assert isinstance(p.message, Msg) and any("\u4e00" <= ch <= "\u9fff" for ch in p.text("zh"))
    assert session.update(0, status="已完成", percent="60") == []
    check = session.check()
    assert [r.message.key for r in check.remarks] == ["merge.remark_done_below_100"]  # type: ignore[union-attr]
    # a stored U+FFFF never stops the export (issue #13 item 4): cleaned when typed
    assert session.update(2, status="推进中", narrative="进展\uffff顺利") == []
    out = session.export(tmp / "back" / "fgw.xlsx")
    assert out.is_file() and session.rows[2].values.narrative == "进展顺利"
    session.discard_autosave()


def test_problem_where_is_localised():
    p = Problem(Msg("merge.status_missing"), "f.xlsx", PROGRESS_SHEET, "F3")
    assert p.localized("zh").endswith("推进状态为空，但该行已填写其他内容；请选择推进状态")


def test_a_raw_uffff_in_a_return_never_blocks_next_month(cycle_issued):
    """U+FFFF/U+FFFE written raw into a cell (the reader accepts them, XML does not): accepted, the characters
    dropped, and the next period is issued for every department (issue #13 item 4). A literal ``_xFFFF_``
    round-trips as typed."""
    import zipfile

    db, plan_id, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "推进中", "percent": 50,
                                                         "narrative": "进展MARK1顺利MARK2", "problems": "无_xFFFF_"}})
    out = tmp / "raw.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            data = data.replace(b"MARK1", "\uffff".encode()).replace(b"MARK2", "\ufffe".encode())
            zout.writestr(item, data)
    f = merge_files(db, [out], today=NOV).files[0]
    assert f.status == "accepted", [str(p) for p in f.errors]
    assert _progress(db, plan_id, "FGW")["1.1"] == ("in_progress", 50.0, "进展顺利")
    result = export_packages(db, plan_id, "2025-11", tmp / "i11", today=dt.date(2025, 11, 20))
    assert sorted(p.department for p in result.packages) == ["FGW", "JDZ", "JSW", "JW", "NX", "XCL"]


def test_the_remarks_stay_with_the_accepted_submission(cycle_issued):
    db, _plan, tmp, files = cycle_issued
    src = fill_workbook(files["FGW"], tmp / "f.xlsx", {0: {"status": "已完成", "percent": 40}})
    assert merge_files(db, [src], today=NOV).files[0].status == "accepted"
    import json

    [(stored,)] = db.execute("SELECT errors_json FROM submission WHERE status = 'accepted'").fetchall()
    [note] = json.loads(stored)
    assert note["cell"] == f"G{FIRST_ROW}" and "40" in note["message"] and "已完成" in note["message_zh"]
