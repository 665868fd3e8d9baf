"""Plan files in every format of issue 16: .docx and .xlsx tables (header anywhere, merged rows, column
synonyms, an unknown column), PDF with a text layer, saved web pages, old .doc files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.domain.plan import DraftTask, PlanDraft
from desktop_app.errors import InputRejected
from desktop_app.exchange import plan_readers
from desktop_app.exchange.plan_readers import read_plan_file
from desktop_app.exchange.plan_table import draft_from_source

FONT = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "wqy-microhei.ttc"
LAYOUTS = Path(__file__).resolve().parents[2] / "data" / "plan_layouts"


def units(task: DraftTask) -> list[str]:
    return ([task.lead.name] if task.lead else []) + [u.name for u in task.cooperating]


def draft(path: Path) -> PlanDraft:
    return draft_from_source(read_plan_file(path))


HEADER = ["序号", "重点工作", "具体举措", "牵头责任单位", "协同责任单位", "督办科室", "完成时限"]
ROWS = [
    ["1", "推进公共建筑节能改造", "实施照明和空调节能改造8万平方米。", "区机关事务服务中心", "区教育局、区卫生健康局", "一科",
     "2025年11月"],
    ["2", "推广合同能源管理", "在医院和体育场馆推行合同能源管理。", "区机关事务服务中心", "区财政局", "二科", "2025年12月"],
]


def test_docx_table_with_merged_title_and_section_rows_and_an_unknown_column(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("柳岸区2025年公共机构节能工作任务分工表")
    table = document.add_table(rows=0, cols=len(HEADER))
    for values in (["柳岸区2025年公共机构节能工作任务分工表"] + [""] * 6, HEADER, ["一、实施节能改造"] + [""] * 6, *ROWS):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    table.rows[0].cells[0].merge(table.rows[0].cells[-1])      # merged title and section rows, as Word keeps them
    table.rows[2].cells[0].merge(table.rows[2].cells[-1])
    path = tmp_path / "table.docx"
    document.save(str(path))
    d = draft(path)
    assert len(d.tasks) == 2 and [s.title for s in d.sections] == ["实施节能改造"]
    assert units(d.tasks[0]) == ["区机关事务服务中心", "区教育局", "区卫生健康局"]
    assert d.tasks[0].due is not None and d.tasks[0].due.isoformat() == "2025-11-30"
    unmapped = [w for w in d.warnings if w.kind == "unmapped_column"]
    assert len(unmapped) == 1 and "督办科室" in unmapped[0].message     # shown for mapping, not ignored silently


def test_xlsx_header_below_a_title_and_a_note_first_listed_lead(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["栖岸市碳达峰重点任务分工表"])
    ws.append(["（主责单位中排在第一位的为牵头单位）"])
    ws.append(["序号", "重点任务", "责任领导", "主责单位", "协办单位", "完成时限"])
    ws.append(["一、能源绿色低碳转型"])
    ws.append(["1", "有序推进风光开发，到2025年新增装机100万千瓦。", "李某", "市发展改革委、市能源局", "市林业局", "2025年底"])
    ws.append(["2", "推进抽水蓄能前期工作。", "李某", "市能源局", "市水利局、梧川区人民政府", "2026年底"])
    ws.append(["注：配合单位按职责做好协同。"])
    for row in (1, 2, 4, 7):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    path = tmp_path / "division.xlsx"
    wb.save(path)
    d = draft(path)
    assert d.title == "栖岸市碳达峰重点任务分工表"
    assert len(d.tasks) == 2
    assert units(d.tasks[0]) == ["市发展改革委", "市能源局", "市林业局"]
    assert units(d.tasks[1]) == ["市能源局", "市水利局", "梧川区人民政府"]      # 水利局 as written, not 水务局
    assert not any("李某" in u or "注" in u for t in d.tasks for u in units(t))


def test_pdf_text_layer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQYTest", str(FONT), subfontIndex=0))
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = (LAYOUTS / "pdf_extract.txt").read_text(encoding="utf-8").splitlines()
    y = 800
    for line in lines:
        if line.startswith("—"):
            c.setFont("WQYTest", 11)
            c.drawString(280, 40, line)
            c.showPage()
            y = 800
            continue
        c.setFont("WQYTest", 11)
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.save()
    source = read_plan_file(path)
    assert source.kind == "pdf"
    d = draft_from_source(source)
    assert len(d.tasks) == 3
    assert units(d.tasks[1]) == ["市能源局", "市发展改革委", "市生态环境局"]


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200)
    c.showPage()
    c.save()
    with pytest.raises(InputRejected) as err:
        read_plan_file(path)
    assert "OCR" in err.value.problems[0].text("en")


def test_html_with_declared_gbk(tmp_path: Path) -> None:
    text = (LAYOUTS / "saved_page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gbk"')
    path = tmp_path / "page.htm"
    path.write_bytes(text.encode("gbk"))
    d = draft(path)
    assert d.title == "碧湾新区碳达峰行动方案" and len(d.tasks) == 2


def test_old_word_file_without_libreoffice_says_how_to_save_as_docx(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(InputRejected) as err:
        read_plan_file(path)
    assert ".docx" in err.value.problems[0].text("en") and "LibreOffice" in err.value.problems[0].text("en")
    assert "另存为" in (err.value.message_zh or "")


@pytest.mark.slow
def test_old_word_file_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    import docx

    from tests.conftest import require_tool, tool_missing

    soffice = require_tool("soffice", why="reading .doc plans")

    document = docx.Document()
    for text in ("杉林县节能工作方案", "一、重点任务", "1.推进屋顶光伏。新增装机2万千瓦。（牵头单位：县发改局；配合单位：县住建局）",
                 "2.淘汰燃煤锅炉。淘汰锅炉10台。（牵头单位：县生态环境分局）"):
        document.add_paragraph(text)
    src = tmp_path / "src.docx"
    document.save(str(src))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "doc", "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    doc = tmp_path / "src.doc"
    if not doc.exists():
        tool_missing("this LibreOffice has no Writer (libreoffice-writer-nogui)")
    assert plan_readers.read_plan_file(doc).kind == "docx"
    d = draft(doc)
    assert [units(t) for t in d.tasks] == [["县发改局", "县住建局"], ["县生态环境分局"]]


@pytest.mark.parametrize(("header", "key"), [("牵头部门（单位）", "lead"), ("工作任务及目标", "title"), ("责任领导", "leader"),
                                             ("完成时间", "due"), ("协同部门", "coop"), ("主要工作措施", "text"),
                                             ("督办科室", None)])
def test_header_names_not_in_the_list_are_read_by_their_words(header: str, key: str | None) -> None:
    from desktop_app.exchange.plan_table import _header_key

    assert _header_key(header) == key


def test_one_unit_cell_with_labels(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "重点工作", "责任单位及分工", "完成时限"])
    ws.append(["1", "推进光伏开发。", "牵头单位：市发改委；配合单位：市工信局、市财政局", "2025年底"])
    ws.append(["2", "推进储能建设。", "市能源局牵头，市财政局配合", "2025年底"])
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    d = draft(path)
    assert [units(t) for t in d.tasks] == [["市发改委", "市工信局", "市财政局"], ["市能源局", "市财政局"]]
