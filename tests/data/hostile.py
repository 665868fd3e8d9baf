"""Hostile variants of a filled exchange workbook: every XML spelling that reaches python-calamine's far
extent or huge reservation, lying zip directories, entity tricks, deep JSON (issue 13 items 2, 6, 7).

``hostile_variant(name, filled, dst)`` writes one; ``HOSTILE_VARIANTS`` lists them with what they are.
Every one must be rejected naming the file (and ``cell`` when it is a far cell), the database unchanged.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROGRESS_SHEET = "进度填报 Progress"
META_SHEET = "_meta"
INSTRUCTIONS_SHEET = "说明 Instructions"


def _mc() -> Any:
    """tests.data.make_corpus, which imports this module: looked up when a variant is made."""
    from tests.data import make_corpus

    return make_corpus


@dataclass(frozen=True)
class HostileFile:
    path: Path
    cell: str = ""            # the far cell a rejection must name ("" when none)
    sheet: str = PROGRESS_SHEET


def _append_rows(filled: Path, dst: Path, sheet: str, rows_xml: str) -> Path:
    part = _mc().sheet_part(filled, sheet)
    with zipfile.ZipFile(filled) as zf:
        xml = zf.read(part).decode("utf-8")
    return _mc().rewrite_zip(filled, dst, replace={part: xml.replace("</sheetData>", rows_xml + "</sheetData>").encode()})


def _far(rows_xml: str, cell: str, sheet: str = PROGRESS_SHEET) -> Callable[[Path, Path], HostileFile]:
    def make(filled: Path, dst: Path) -> HostileFile:
        return HostileFile(_append_rows(filled, dst, sheet, rows_xml), cell, sheet)
    return make


def _single_quoted_rid(filled: Path, dst: Path) -> HostileFile:
    """workbook.xml written with single quotes (the old guard found no sheet part), and a far cell."""
    with zipfile.ZipFile(filled) as zf:
        book = zf.read("xl/workbook.xml").decode("utf-8")
    book = re.sub(r'<sheet ([^>]*)/>', lambda m: "<sheet " + m.group(1).replace('"', "'") + "/>", book)
    tmp = dst.with_suffix(".tmp.xlsx")
    _append_rows(filled, tmp, PROGRESS_SHEET, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    _mc().rewrite_zip(tmp, dst, replace={"xl/workbook.xml": book.encode("utf-8")})
    tmp.unlink()
    return HostileFile(dst, "XFD1048576")


def _target_in_other_case(filled: Path, dst: Path) -> HostileFile:
    """The relationship names the sheet part in upper case (calamine finds parts case-insensitively)."""
    part = _mc().sheet_part(filled, PROGRESS_SHEET)
    with zipfile.ZipFile(filled) as zf:
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    target = part.removeprefix("xl/")
    rels = rels.replace(f'Target="{target}"', f'Target="{target.upper()}"').replace(
        f'Target="/{part}"', f'Target="/{part.upper()}"')
    tmp = dst.with_suffix(".tmp.xlsx")
    _append_rows(filled, tmp, PROGRESS_SHEET, '<row r="70000"><c r="XFD70000"><v>1</v></c></row>')
    _mc().rewrite_zip(tmp, dst, replace={"xl/_rels/workbook.xml.rels": rels.encode("utf-8")})
    tmp.unlink()
    return HostileFile(dst, "XFD70000")


def _unique_count(value: str) -> Callable[[Path, Path], HostileFile]:
    def make(filled: Path, dst: Path) -> HostileFile:
        sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main" count="1" uniqueCount="{value}"><si><t>x</t></si></sst>')
        return HostileFile(_mc().rewrite_zip(filled, dst, replace=_mc()._sst_parts(filled),
                                       add={"xl/sharedStrings.xml": sst.encode("utf-8")}))
    return make


def _lying_directory(mb: int) -> Callable[[Path, Path], HostileFile]:
    def make(filled: Path, dst: Path) -> HostileFile:
        return HostileFile(_mc()._zip_bomb(filled, dst, mb, lie=True))
    return make


def _dtd_in(member: str) -> Callable[[Path, Path], HostileFile]:
    def make(filled: Path, dst: Path) -> HostileFile:
        with zipfile.ZipFile(filled) as zf:
            xml = zf.read(member).decode("utf-8")
        xml = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + '<!DOCTYPE x [<!ENTITY e "e">]>', xml,
                     count=1)
        return HostileFile(_mc().rewrite_zip(filled, dst, replace={member: xml.encode("utf-8")}))
    return make


def _duplicate_part(filled: Path, dst: Path) -> HostileFile:
    """The progress sheet twice, the second copy (upper case name) holding a far cell."""
    part = _mc().sheet_part(filled, PROGRESS_SHEET)
    with zipfile.ZipFile(filled) as zf:
        xml = zf.read(part).decode("utf-8")
    far = xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    return HostileFile(_mc().rewrite_zip(filled, dst, add={part.upper(): far.encode("utf-8")}))


def _trailing_data(filled: Path, dst: Path) -> HostileFile:
    dst.write_bytes(filled.read_bytes() + b"PK\x05\x06" + b"\0" * 18 + b"junk")
    return HostileFile(dst)


def _bzip2_part(filled: Path, dst: Path) -> HostileFile:
    with zipfile.ZipFile(filled) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            new = _mc()._info(info.filename)
            new.compress_type = zipfile.ZIP_BZIP2 if info.filename.endswith("styles.xml") else zipfile.ZIP_DEFLATED
            zout.writestr(new, zin.read(info.filename))
    return HostileFile(dst)


def _many_rows(filled: Path, dst: Path) -> HostileFile:
    """4.1 million empty rows, numbered (no cell: nothing far for the grid reader, only time for a scanner; the
    numbers keep the compression ratio under the zip-bomb limit)."""
    part = _mc().sheet_part(filled, PROGRESS_SHEET)
    with zipfile.ZipFile(filled) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(_mc()._info(info.filename), zin.read(info.filename))
                continue
            head, tail = zin.read(part).split(b"</sheetData>", 1)
            with zout.open(_mc()._info(part), "w") as fh:
                fh.write(head)
                for block in range(4100):
                    fh.write("".join(f'<row r="{block * 1000 + i + 1}"/>' for i in range(1000)).encode())
                fh.write(b"</sheetData>" + tail)
    return HostileFile(dst)


def _meta_json_nested(filled: Path, dst: Path) -> HostileFile:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(filled)
        ws = wb[META_SHEET]
        for row in ws.iter_rows(min_col=1, max_col=3):
            if row[0].value == "issued_rows":
                row[1].value = "[" * 16_000
                row[2].value = "[" * 16_000
        wb.save(dst)
    return HostileFile(dst)


HOSTILE_VARIANTS: dict[str, tuple[str, str, Callable[[Path, Path], HostileFile]]] = {  # category, what, maker
    "lowercase_no_row_attr": ("far cell spellings", "a row without r holding a cell r=\"xfd1048576\" (lower case)",
                              _far('<row><c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c></row>', "XFD1048576")),
    "leading_zeros": ("far cell spellings", 'a cell r="XFD0001048576"',
                      _far('<row r="1048576"><c r="XFD0001048576"><v>1</v></c></row>', "XFD1048576")),
    "mixed_case_ref": ("far cell spellings", 'a cell r="xFd000070000" in a row without r',
                       _far('<row><c r="xFd000070000"><v>1</v></c></row>', "XFD70000")),
    "cells_without_ref": ("far cell spellings", "a row r=5000 of 100 cells without r (the 65th is column BM)",
                          _far('<row r="5000">' + "<c><v>1</v></c>" * 100 + "</row>", "BM5000")),
    "rows_without_ref": ("far cell spellings", '<row r="300000"/> then a row and a cell without r (row 300001)',
                         _far('<row r="300000"/><row><c><v>1</v></c></row>', "A300001")),
    "single_quoted_attrs": ("far cell spellings", "row and cell attributes in single quotes",
                            _far("<row r='9'><c r='XFD9' t='inlineStr'><is><t>x</t></is></c></row>", "XFD9")),
    "spaced_attrs": ("far cell spellings", "spaces and a newline around the reference's '='",
                     _far('<row r = "70"><c\nr =\n"XFD70"><v>1</v></c></row>', "XFD70")),
    "prefixed_elements": ("far cell spellings", "elements with a namespace prefix (x:row, x:c)",
                          _far('<x:row xmlns:x="urn:x" r="70"><x:c r="XFD70"><x:v>1</x:v></x:c></x:row>', "XFD70")),
    "far_cell_other_sheet": ("far cell spellings", "a far cell on the instruction sheet (not read by PeakDesk, read by calamine)",
                             _far('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "XFD1048576",
                                  INSTRUCTIONS_SHEET)),
    "single_quoted_rid": ("part resolution", "workbook.xml with single-quoted r:id, and a far cell", _single_quoted_rid),
    "target_other_case": ("part resolution", "the sheet's relationship target in upper case, and a far cell", _target_in_other_case),
    "unique_count_4e9": ("huge reservation", 'sharedStrings uniqueCount="4000000000"', _unique_count("4000000000")),
    "unique_count_padded": ("huge reservation", 'sharedStrings uniqueCount=" 0004000000000 "', _unique_count(" 0004000000000 ")),
    "zip_directory_lies": ("lying zip directory", "a 100 MB part whose zip directory claims 64 KB", _lying_directory(100)),
    "dtd_in_styles": ("XML entity expansion", "a DOCTYPE with an entity in styles.xml", _dtd_in("xl/styles.xml")),
    "dtd_in_workbook": ("XML entity expansion", "a DOCTYPE with an entity in workbook.xml", _dtd_in("xl/workbook.xml")),
    "duplicate_part": ("part resolution", "the progress sheet twice (names differing in case), one with a far cell", _duplicate_part),
    "trailing_data": ("zip structure", "bytes after the zip's end record", _trailing_data),
    "bzip2_part": ("zip structure", "a part compressed with bzip2 (Excel writes deflate only)", _bzip2_part),
    "many_empty_rows": ("element flood", "4.1 million empty numbered <row/> elements (cap: 1.5 million elements)", _many_rows),
    "meta_json_nested": ("deep JSON", "the issued-rows copy in _meta nested 32,000 deep", _meta_json_nested),
}


# What the rejection of a variant without a far cell must say (case-insensitive substring).
EXPECTED_MESSAGE = {
    "unique_count_4e9": "different texts", "unique_count_padded": "different texts",
    "zip_directory_lies": "lies about part", "trailing_data": "not a plain zip", "bzip2_part": "compression method",
    "dtd_in_styles": "DTD", "dtd_in_workbook": "DTD", "duplicate_part": "twice", "meta_json_nested": "damaged",
    "many_empty_rows": "XML elements",
}


def hostile_variant(name: str, filled: Path, dst: Path) -> HostileFile:
    return HOSTILE_VARIANTS[name][2](filled, dst)
