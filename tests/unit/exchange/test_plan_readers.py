"""Readers: encodings, Word paragraphs and tables, Excel task tables with merged cells, refusals."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from desktop_app.errors import InputRejected
from desktop_app.exchange.plan_readers import MAX_TEXT_BYTES, read_plan_file
from desktop_app.exchange.plan_table import draft_from_source, parse_due

PLAN = "方案\n一、重点任务\n1.发展光伏。到2025年新增光伏10万千瓦。（责任单位：区发展改革委、区经委）\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode(encoding))
    src = read_plan_file(path)
    assert src.lines[0].text == "方案"
    assert src.lines[2].text.startswith("1.发展光伏")
    assert src.lines[2].number == 3


def test_markdown_headings_are_plain_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# 方案\n\n## 一、重点任务\n\n1.发展光伏。推进建设。\n", encoding="utf-8")
    assert [ln.text for ln in read_plan_file(path).lines] == ["方案", "一、重点任务", "1.发展光伏。推进建设。"]


def _rejected(path: Path) -> str:
    with pytest.raises(InputRejected) as exc:
        read_plan_file(path)
    text = str(exc.value)
    assert path.name in text
    return text


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _rejected(path)


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary" in _rejected(path)


def test_invalid_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二行\n".encode() + b"\xff\xfe\xfa\x80\x81" * 50)
    text = _rejected(path)
    assert "line 3" in text and "UTF-8" in text


def test_fifty_megabyte_text(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_TEXT_BYTES
    assert "50 MB" in _rejected(path)


def test_docx_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("just text pretending", encoding="utf-8")
    assert "not a Word document" in _rejected(path)
    zipped = tmp_path / "zip.docx"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "word/document.xml" in _rejected(zipped)


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert "zip bomb" in _rejected(path)


def test_docx_paragraphs_and_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某区重点任务分工方案")
    document.add_paragraph("一、重点任务")
    document.add_paragraph("1.发展光伏。到2025年新增光伏10万千瓦。（责任单位：区发展改革委、区经委）")
    table = document.add_table(rows=3, cols=4)
    for c, h in enumerate(["序号", "重点任务", "牵头单位", "配合单位"]):
        table.cell(0, c).text = h
    for r, row in enumerate([["1", "建设加氢站", "区经委", "区交通委、区规划资源局"],
                             ["2", "推广绿色建筑", "区建管委", ""]], start=1):
        for c, v in enumerate(row):
            table.cell(r, c).text = v
    path = tmp_path / "plan.docx"
    document.save(str(path))
    src = read_plan_file(path)
    assert src.kind == "docx"
    assert src.lines[0].text == "某区重点任务分工方案"
    assert src.tables[0].rows[1] == ["1", "建设加氢站", "区经委", "区交通委、区规划资源局"]
    draft = draft_from_source(src)          # a task table wins over the text
    assert [t.title for t in draft.tasks] == ["建设加氢站", "推广绿色建筑"]
    assert [u.name for u in draft.tasks[0].cooperating] == ["区交通委", "区规划资源局"]


def test_docx_text_plan(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    draft = draft_from_source(read_plan_file(path))
    assert [t.code for t in draft.tasks] == ["1.1"]
    assert draft.tasks[0].lead and draft.tasks[0].lead.name == "区发展改革委"


def _task_table(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "能源"
    ws.append(["嘉定区碳达峰重点任务分工表"])
    ws.append([])
    ws.append(["完成时限", "具体措施", "重点任务", "序号", "牵头单位", "配合单位"])   # any order
    ws.append(["2025年底前", "新增光伏装机29.4万千瓦", "大力发展非化石能源", 1, "区发展改革委", "区经委、区建管委"])
    ws.append(["2025年6月", "建成加氢站6座", None, 2, None, "区交通委"])
    ws.append(["长期坚持", "完成天然气老旧管道改造50公里", "合理控制油气消费", 3, "区经委", ""])
    ws.merge_cells("C4:C5")
    ws.merge_cells("E4:E5")
    ws2 = wb.create_sheet("Buildings")
    ws2.append(["No.", "Task", "Measures", "Responsible units", "Deadline"])
    ws2.append([1, "Green buildings", "Add 400,000 square meters of ultra-low energy buildings",
                "District Construction and Management Commission, District Planning and Resources Bureau",
                dt.datetime(2025, 12, 31)])
    wb.save(str(path))


def test_xlsx_task_table_header_any_order_merged_cells_several_sheets(tmp_path: Path) -> None:
    path = tmp_path / "分工表.xlsx"
    _task_table(path)
    draft = draft_from_source(read_plan_file(path))
    assert [t.code for t in draft.tasks] == ["1.1", "1.2", "2.1", "3.1"]
    by = {t.code: t for t in draft.tasks}
    assert draft.sections[by["1.1"].section].title == "大力发展非化石能源"
    assert by["1.2"].lead and by["1.2"].lead.name == "区发展改革委"      # merged lead cell
    assert [u.name for u in by["1.2"].cooperating] == ["区交通委"]
    assert by["1.1"].due == dt.date(2025, 12, 31) and by["1.2"].due == dt.date(2025, 6, 30)
    assert by["1.1"].targets[0].unit == "万千瓦"
    assert by["3.1"].lead and by["3.1"].lead.name == "District Construction and Management Commission"
    assert by["3.1"].due == dt.date(2025, 12, 31)
    assert by["3.1"].title == "Green buildings"


def test_xlsx_without_task_header_names_the_sheet(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "数据"
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    path = tmp_path / "data.xlsx"
    wb.save(str(path))
    with pytest.raises(InputRejected) as exc:
        draft_from_source(read_plan_file(path))
    assert "data.xlsx" in str(exc.value) and "数据" in str(exc.value) and "header row" in str(exc.value)


def test_parse_due() -> None:
    assert parse_due("2025年底前") == dt.date(2025, 12, 31)
    assert parse_due("2026年3月") == dt.date(2026, 3, 31)
    assert parse_due("2025-06-30") == dt.date(2025, 6, 30)
    assert parse_due("By end of 2027") == dt.date(2027, 12, 31)
    assert parse_due("长期坚持") is None
