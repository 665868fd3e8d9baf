"""Reading what a clerk typed: percent in every spelling, decimal commas, formulas, XML-illegal characters,
and Excel's ``_xHHHH_`` escapes written and read back byte for byte."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace

import openpyxl
import pytest

from desktop_app.domain.models import Status
from desktop_app.exchange.workbook import (
    FIRST_ROW,
    PROGRESS_SHEET,
    LockedRow,
    PackageMeta,
    RowValues,
    VisibleRow,
    WorkbookContent,
    compute_digest,
    consistency_remarks,
    excel_escape,
    last_percent_of,
    parse_row,
    read_percent,
    read_workbook,
    write_workbook,
    xml_safe,
)

META = PackageMeta(package_id="p" * 32, plan_id=1, plan_title="方案", department_code="FGW",
                   department_name="区发展改革委", period_code="2025-10", period_start=dt.date(2025, 10, 1),
                   period_end=dt.date(2025, 10, 31), due=dt.date(2025, 11, 7), issued_at="2025-10-20T09:00:00")


@pytest.mark.parametrize(("typed", "formatted", "expected"), [
    (50, False, 50.0), ("50", False, 50.0), ("50%", False, 50.0), ("50 %", False, 50.0), ("５０", False, 50.0),
    ("８０％", False, 80.0), (0.5, True, 50.0), (0.855, True, 85.5), ("0.5%", False, 0.5), (0, False, 0.0),
    ("0", False, 0.0), (100, False, 100.0), (1, True, 100.0), ("85.5", False, 85.5),
])
def test_percent_however_a_clerk_writes_it(typed, formatted, expected):
    assert read_percent(typed, formatted) == (expected, None)


@pytest.mark.parametrize("typed", [0.85, "0.85", "０.８５", 1, "1", ".5"])
def test_a_bare_fraction_is_asked_about_never_guessed(typed):
    value, problem = read_percent(typed, False)
    assert value is None and problem is not None
    assert problem.key == "merge.percent_ambiguous"
    assert "did you mean" in problem.render("en") and "是否指" in problem.render("zh")


@pytest.mark.parametrize("typed", ["8,5", "8,5%", "0,85", "８，５"])
def test_a_decimal_comma_is_refused_never_read_times_ten(typed):
    value, problem = read_percent(typed, False)
    assert value is None and problem is not None and problem.key == "merge.decimal_comma"
    assert "8.5" in problem.render("en") or "0.85" in problem.render("en")
    assert "小数点" in problem.render("zh")


@pytest.mark.parametrize(("typed", "key"), [(150, "merge.percent_range"), ("-5", "merge.percent_range"),
                                           ("八十", "merge.percent_not_number"), (True, "merge.percent_not_number"),
                                           ("1,000", "merge.percent_not_number")])
def test_impossible_percents_are_refused(typed, key):
    value, problem = read_percent(typed, False)
    assert value is None and problem is not None and problem.key == key


def _row(**raw: object) -> VisibleRow:
    cells = {k: None for k in ("status", "percent", "indicator", "narrative", "problems", "next_steps",
                               "contact_person", "contact_phone")}
    cells.update(raw)
    return VisibleRow(FIRST_ROW, LockedRow("1.1", "任务", "牵头"), cells)


def test_indicator_thousands_accepted_decimal_comma_refused_with_the_cell():
    assert parse_row(_row(status="推进中", indicator="1,234.5")).values.indicator == 1234.5
    assert parse_row(_row(status="推进中", indicator="1,234")).values.indicator == 1234.0
    parsed = parse_row(_row(status="推进中", indicator="8,5"))
    assert parsed.values.indicator is None
    assert [(p.cell, p.message.key) for p in parsed.problems] == [(f"H{FIRST_ROW}", "merge.decimal_comma")]


def test_xml_illegal_characters_are_dropped_when_text_is_accepted():
    parsed = parse_row(_row(status="推进中", narrative="进展\ufffe顺利\uffff\x01", problems="无\ud800"))
    assert parsed.values.narrative == "进展顺利" and parsed.values.problems == "无" and not parsed.problems
    assert xml_safe("a\ufffeb\uffffc\x0bd") == "abcd"


def test_a_formula_in_a_text_column_is_stored_as_its_text_with_a_warning_never_empty():
    row = _row(status="推进中", narrative="#NAME?")
    row.formulas["narrative"] = "合计完成"
    parsed = parse_row(row)
    assert parsed.values.narrative == "合计完成" and not parsed.problems
    [warning] = parsed.warnings
    assert warning.cell == f"I{FIRST_ROW}" and "不要以" in warning.text("zh") and "leading '='" in warning.text("en")


def test_a_formula_in_the_percent_cell_uses_its_value_or_names_the_cell():
    row = _row(status="推进中", percent=85.0)
    row.formulas["percent"] = "40+45"
    parsed = parse_row(row)
    assert parsed.values.percent == 85.0 and parsed.warnings and not parsed.problems
    row = _row(status="推进中", percent="#NAME?")
    row.formulas["percent"] = "合计"
    parsed = parse_row(row)
    assert parsed.values.percent is None and [p.cell for p in parsed.problems] == [f"G{FIRST_ROW}"]


def test_consistency_remarks():
    keys = [m.key for m in consistency_remarks(Status.COMPLETED, 40, None)]
    assert keys == ["merge.remark_done_below_100"]
    assert [m.key for m in consistency_remarks(Status.NOT_STARTED, 10, None)] == ["merge.remark_not_started_with_percent"]
    assert [m.key for m in consistency_remarks(Status.IN_PROGRESS, 30, 50)] == ["merge.remark_percent_fell"]
    assert consistency_remarks(Status.COMPLETED, 100, 90) == []
    assert last_percent_of("2025-09：推进中 40%；已完成选址 100%") == 40.0
    assert last_percent_of("2025-09：推进中") is None


ESCAPES = ["_x0020_", "_x000D_", "_x005F_", "a_x0041_b", "_X0041_", "_xABCD_", "_x12_", "__x0020__",
           # overlapping patterns: the underscore ending one starts the next
           "_x005F_x0020_", "_x0020_x0020_", "_x_x0041_", "_x0041__x0042_"]


def test_excel_escape_is_what_excel_writes():
    assert excel_escape("_x0020_") == "_x005F_x0020_"
    assert excel_escape("plain _x12_ text") == "plain _x12_ text"
    # each underscore that starts a pattern is escaped, also the one that ends the previous pattern
    assert excel_escape("_x005F_x0020_") == "_x005F_x005F_x005F_x0020_"


def test_escapes_round_trip_byte_for_byte_and_the_digest_agrees(tmp_path):
    """Text holding ``_xHHHH_`` is written escaped as Excel does, and read back exactly: locked cells, the
    hidden copy and the editable cells — so the digest recomputed on reading equals the issued one."""
    rows = [LockedRow(f"1.{i}", f"任务{text}", "牵头", text, f"上期{text}") for i, text in enumerate(ESCAPES, 1)]
    values = [RowValues(Status.IN_PROGRESS, 50.0, None, narrative=f"进展{text}", problems=text)
              for text in ESCAPES]
    secret = b"k" * 32
    meta = replace(META, digest=compute_digest(secret, META, rows))
    path = write_workbook(WorkbookContent(meta, rows, values), tmp_path / "w.xlsx")
    with zipfile.ZipFile(path) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xml"))
    assert b"_x005F_x0020_" in xml
    read = read_workbook(path)
    assert read.issued == rows
    assert [r.locked for r in read.rows] == rows
    assert [r.raw["narrative"] for r in read.rows] == [f"进展{t}" for t in ESCAPES]
    assert compute_digest(secret, read.package_meta(), read.issued) == meta.digest


def test_a_stored_xml_illegal_character_never_stops_the_next_workbook(tmp_path):
    """U+FFFE/U+FFFF in a stored text (accepted by an older version): the next workbook is written, without
    them, and its digest is over the text as written."""
    rows = [LockedRow("1.1", "任务\uffff", "牵头", "", "2025-09：推进中 40%；进展\ufffe顺利")]
    secret = b"k" * 32
    meta = replace(META, digest=compute_digest(secret, META, rows))
    path = write_workbook(WorkbookContent(meta, rows), tmp_path / "w.xlsx")
    read = read_workbook(path)
    assert read.issued[0].title == "任务" and read.rows[0].locked.last == "2025-09：推进中 40%；进展顺利"
    assert compute_digest(secret, read.package_meta(), read.issued) == meta.digest


def test_percent_and_text_cells_are_text_formatted_so_programs_keep_what_is_typed(tmp_path):
    rows = [LockedRow("1.1", "任务", "牵头")]
    path = write_workbook(WorkbookContent(META, rows, [RowValues(Status.IN_PROGRESS, 0.5)]), tmp_path / "w.xlsx")
    ws = openpyxl.load_workbook(path)[PROGRESS_SHEET]
    assert ws[f"G{FIRST_ROW}"].number_format == "@" and ws[f"G{FIRST_ROW}"].value == "0.5%"
    assert all(ws[f"{c}{FIRST_ROW}"].number_format == "@" for c in "IJKLM")
    assert read_workbook(path).rows[0].raw["percent"] == "0.5%"


def test_a_percent_formatted_number_is_read_as_percent(tmp_path):
    """A clerk's program gave the cell a percent format (Excel: 50% typed into a number cell is 0.5 shown
    as 50%): read as 50 — found in one streaming pass over the sheet."""
    rows = [LockedRow("1.1", "任务", "牵头"), LockedRow("1.2", "任务二", "牵头")]
    path = write_workbook(WorkbookContent(META, rows), tmp_path / "w.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[PROGRESS_SHEET]
    ws[f"G{FIRST_ROW}"].value = 0.5
    ws[f"G{FIRST_ROW}"].number_format = "0%"
    ws[f"G{FIRST_ROW + 1}"].value = 0.5
    ws[f"G{FIRST_ROW + 1}"].number_format = "General"
    buf = io.BytesIO()
    wb.save(buf)
    (tmp_path / "f.xlsx").write_bytes(buf.getvalue())
    read = read_workbook(tmp_path / "f.xlsx")
    assert read.percent_formatted == {FIRST_ROW}
