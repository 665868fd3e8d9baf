"""The JSON copy of the issued locked rows in ``_meta``: cut into cell-sized pieces and joined again."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl

from desktop_app.exchange.workbook import (
    COPY_CHUNK,
    COPY_ROW,
    META_SHEET,
    LockedRow,
    PackageMeta,
    WorkbookContent,
    issued_copy_chunks,
    read_workbook,
    write_workbook,
)


def _rows(n: int, last_len: int) -> list[LockedRow]:
    return [LockedRow(f"{i // 10 + 1}.{i % 10 + 1}", f"第{i}项 任务 \"引号\" \\ 反斜杠", "牵头", "光伏 ≥ 6万千瓦",
                      ("上期 填报 " * last_len)[:last_len]) for i in range(n)]


def test_chunks_join_to_the_json_and_never_cut_next_to_a_space():
    rows = _rows(60, 900)
    chunks = issued_copy_chunks(rows)
    assert len(chunks) > 2 and all(0 < len(c) <= COPY_CHUNK for c in chunks)
    assert all(not c[0].isspace() and not c[-1].isspace() for c in chunks)
    assert json.loads("".join(chunks)) == [r.cells() for r in rows]


def test_long_copy_spans_several_cells_and_reads_back_exactly(tmp_path):
    rows = _rows(60, 900)
    meta = PackageMeta(package_id="p" * 32, plan_id=1, plan_title="方案", department_code="FGW",
                       department_name="区发展改革委", period_code="2025-10", period_start=dt.date(2025, 10, 1),
                       period_end=dt.date(2025, 10, 31), due=dt.date(2025, 11, 7), issued_at="2025-10-20T09:00:00")
    path = write_workbook(WorkbookContent(meta, rows), tmp_path / "w.xlsx")
    ws = openpyxl.load_workbook(path)[META_SHEET]
    cells = [c.value for c in ws[COPY_ROW][1:] if c.value]
    assert len(cells) == len(issued_copy_chunks(rows)) > 2
    assert all(len(c) <= 32767 for c in cells)
    read = read_workbook(path)
    assert read.issued == rows
    assert [r.locked for r in read.rows] == rows
    assert read.meta["rows"] == "60"
