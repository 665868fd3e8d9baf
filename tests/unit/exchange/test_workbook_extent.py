"""A sheet's cell references are checked before the grid reader sees them (a far cell would abort it)."""

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.errors import InputRejected
from desktop_app.exchange.safe_xlsx import MAX_SHEET_COLUMNS, screen_parts
from desktop_app.exchange.workbook import _int

WORKBOOK = b'<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
RELS = b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'


def _check_extent(name: str, zf: zipfile.ZipFile, sheet: str) -> None:
    """The structural screening of the whole file (it names the sheet of a far cell)."""
    data = zf.fp.getvalue()  # type: ignore[union-attr]
    screen_parts(Path(name), data, zf)


def _zip(cells: list[str]) -> zipfile.ZipFile:
    body = "".join(f'<row r="{c.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{c}"><v>1</v></c></row>' for c in cells)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", RELS)
        zf.writestr("xl/worksheets/sheet1.xml", f"<worksheet><sheetData>{body}</sheetData></worksheet>")
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def test_an_ordinary_sheet_passes():
    _check_extent("f.xlsx", _zip(["A1", "M60", "B5000"]), "S")


@pytest.mark.parametrize("far", ["XFD1048576", "A1048576", "BM1"])
def test_far_cells_are_rejected_naming_the_cell(far):
    with pytest.raises(InputRejected) as info:
        _check_extent("f.xlsx", _zip(["A1", far]), "S")
    problem = info.value.problems[0]
    assert problem.cell == far and problem.sheet == "S" and problem.file == "f.xlsx"
    assert "do not add rows or columns" in str(info.value)


def test_column_limit_is_inclusive():
    last = "BL"   # column 64
    assert MAX_SHEET_COLUMNS == 64
    _check_extent("f.xlsx", _zip([f"{last}1"]), "S")


def test_int_of_infinity_is_not_a_crash():
    assert _int("INF") == -1 and _int("1e999") == -1 and _int("3") == 3


def test_row_height_fits_wrapped_chinese_text():
    from desktop_app.exchange.safe_xlsx import display_width, fit_row_height, wrapped_lines

    assert display_width("碳达峰ab") == 8
    assert wrapped_lines("碳" * 30, 21) == 3          # 60 units in 20 per line
    assert wrapped_lines("a\nb", 10) == 2
    one = fit_row_height([("short", 20)])
    three = fit_row_height([("碳" * 30, 21), ("x", 10)])
    assert three > 2.5 * one - 10 and fit_row_height([("x" * 100000, 10)]) == 409
    assert fit_row_height([], min_lines=2) > one


@pytest.mark.parametrize("tag", ["<c r='XFD9'>", '<c\nr="XFD9">', '<c r = "XFD9">'])
def test_any_xml_spelling_of_the_reference_is_seen(tag):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", RELS)
        zf.writestr("xl/worksheets/sheet1.xml", f'<worksheet><sheetData><row r="9">{tag}<v>1</v></c></row>'
                                                "</sheetData></worksheet>")
    with pytest.raises(InputRejected) as info:
        _check_extent("f.xlsx", zipfile.ZipFile(io.BytesIO(buf.getvalue())), "S")
    assert info.value.problems[0].cell == "XFD9"


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


@given(st.lists(st.tuples(st.text(_LETTERS, min_size=1, max_size=3), st.integers(1, 9_999_999)),
                min_size=1, max_size=6))
@settings(max_examples=400, deadline=None)
def test_quick_screen_decides_as_the_full_count(cells):
    """The one-scan screen for far references never lets through a sheet the reference-by-reference count
    refuses (and the count still decides every sheet the screen stops)."""
    from desktop_app.exchange.safe_xlsx import MAX_SHEET_CELLS, MAX_SHEET_ROWS

    max_row = max(r for _c, r in cells)
    max_col = max(_column(c) for c, _r in cells)
    too_far = max_col > MAX_SHEET_COLUMNS or max_row > MAX_SHEET_ROWS or max_row * max_col > MAX_SHEET_CELLS
    zf = _zip([f"{c}{r}" for c, r in cells])
    if too_far:
        with pytest.raises(InputRejected):
            _check_extent("f.xlsx", zf, "S")
    else:
        _check_extent("f.xlsx", zf, "S")
