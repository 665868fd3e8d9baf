"""Every unit layout of issue 16 on our own small documents (tests/data/plan_layouts), so that the
behaviour is pinned without the shared layout corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.models import Direction
from desktop_app.domain.plan import DraftTask, PlanDraft
from desktop_app.exchange.plan_readers import read_plan_file
from desktop_app.exchange.plan_table import draft_from_source
from desktop_app.exchange.plan_units import looks_like_unit, parse_spec, split_names

LAYOUTS = Path(__file__).resolve().parents[2] / "data" / "plan_layouts"


def draft(name: str | Path) -> PlanDraft:
    return draft_from_source(read_plan_file(name if isinstance(name, Path) else LAYOUTS / name))


def units(task: DraftTask) -> list[str]:
    return ([task.lead.name] if task.lead else []) + [u.name for u in task.cooperating]


def task(d: PlanDraft, title: str) -> DraftTask:
    hits = [t for t in d.tasks if title in t.title]
    assert len(hits) == 1, [t.title for t in d.tasks]
    return hits[0]


# --- the grammar --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "leads", "coop", "joint"), [
    ("牵头单位：区甲局；配合单位：区乙局、区丙委", ["区甲局"], ["区乙局", "区丙委"], False),
    ("牵头单位:区甲局;配合单位:区乙局", ["区甲局"], ["区乙局"], False),
    ("牵头单位：区甲局 参加单位：区乙局、区丙委", ["区甲局"], ["区乙局", "区丙委"], False),
    ("负责单位：区甲局、区乙局。未明确牵头单位的，由所列负责单位按职责分工负责，下同", ["区甲局"], ["区乙局"], True),
    ("区甲局、区乙局牵头，区丙委参与，各街道负责落实", ["区甲局", "区乙局"], ["区丙委", "各街道"], False),
    ("责任领导：王某某；牵头单位：区甲局；责任单位：区乙局", ["区甲局"], ["区乙局"], False),
    ("预期性指标，牵头单位：区甲局；责任单位：区乙局", ["区甲局"], ["区乙局"], False),
    ("部门分工：区甲局牵头，各地各部门配合", ["区甲局"], ["各地各部门"], False),
    ("牵头单位：县发改局（粮食局）；配合单位：各县（市、区）人民政府", ["县发改局（粮食局）"], ["各县（市、区）人民政府"], False),
    ("Lead units: Municipal Finance Bureau and Municipal Audit Bureau; Cooperating units: all sub-district offices",
     ["Municipal Finance Bureau", "Municipal Audit Bureau"], ["all sub-district offices"], False),
])
def test_marker_grammar(text: str, leads: list[str], coop: list[str], joint: bool) -> None:
    spec = parse_spec(text)
    assert (spec.leads, spec.cooperating, spec.joint) == (leads, coop, joint)


@pytest.mark.parametrize("note", ["下同", "未明确牵头单位的", "由所列负责单位按职责分工负责", "一", "预期性指标", "王某某同志",
                                  "2025年底", "12", "以下任务均由各区人民政府组织实施", "注：配合部门按职责协同",
                                  "where no lead unit is specified"])
def test_notes_persons_numbers_are_not_units(note: str) -> None:
    assert not looks_like_unit(note)


def test_lists_keep_names_as_written() -> None:
    # shared-prefix elision stays as written; a trailing 等 goes; inner brackets stay whole
    assert split_names("市发展和改革局、工业和信息化局等，各县（市、区）人民政府") == [
        "市发展和改革局", "工业和信息化局", "各县（市、区）人民政府"]


# --- documents -------------------------------------------------------------------------------------------

def test_brackets_in_every_form_and_a_cover_notice() -> None:
    d = draft("brackets_notice.txt")
    assert d.title == "松岩县节能降碳工作方案"
    assert len(d.tasks) == 10                       # the notice's own 一、二、三 are not tasks
    assert not any("思想认识" in t.title or "网站" in t.text for t in d.tasks)
    assert units(task(d, "推广屋顶光伏")) == ["县发改局", "县住建局", "县教育局"]
    assert units(task(d, "改造燃煤锅炉")) == ["县生态环境分局", "县市场监管局"]      # half-width
    joint = task(d, "建设储能电站")
    assert units(joint) == ["县发改局", "国网松岩县供电公司"] and joint.joint           # note dropped
    assert units(task(d, "开展能效对标")) == ["县工信局", "县统计局", "县发改局"]       # 参加单位 after a space
    assert units(task(d, "清理低效产能")) == ["县工信局", "县发改局", "县市场监管局", "各乡镇人民政府"]
    assert units(task(d, "发展循环经济")) == ["县工信局", "县发改局（粮食局）", "各乡镇（街道）"]   # 〔〕
    assert units(task(d, "园区集中供热")) == ["松岩经开区管委会", "县发改局", "住建局"]          # [], 等, elision
    assert units(task(d, "空气质量改善")) == ["县生态环境分局", "各县（市、区）人民政府"]        # person left out
    assert units(task(d, "绿色出行比例")) == ["县交通运输局", "县公安局交警大队"]              # classification
    assert all("周立新" not in u and "指标" not in u for t in d.tasks for u in units(t))


def test_numbering_across_sections_and_headings_are_sections() -> None:
    d = draft("brackets_notice.txt")
    assert [t.code for t in d.tasks][:4] == ["1.1", "1.2", "1.3", "2.1"]
    assert [s.title for s in d.sections if s.parent is not None] == ["能源结构调整", "工业节能降碳", "社会共同行动"]


def test_unit_lines_sub_measures_and_the_last_task() -> None:
    d = draft("unit_lines.txt")
    assert [t.title for t in d.tasks] == ["单位地区生产总值能耗下降3.5%", "主要污染物减排", "提升工业能效", "推进绿色建筑",
                                          "倡导绿色生活"]
    assert units(d.tasks[0]) == ["市发展和改革局", "市工业和信息化局", "市统计局", "各县（区）人民政府"]
    assert "宋景行" not in " ".join(units(d.tasks[0]))
    folded = task(d, "提升工业能效")                       # (1)-(4) and one unit line after them: one task
    assert units(folded) == ["市工业和信息化局", "市发展和改革局", "市市场监管局"] and "能源审计" in folded.text
    assert units(task(d, "推进绿色建筑")) == ["市住房和城乡建设局", "市自然资源和规划局"]
    assert units(task(d, "倡导绿色生活")) == ["市委宣传部", "市教育局", "市妇联"]   # last task keeps its unit lines


def test_first_listed_lead_stated_once() -> None:
    d = draft("first_listed.txt")
    assert [units(t)[0] for t in d.tasks] == ["省工业和信息化厅", "省住房城乡建设厅", "省交通运输厅"]
    assert not any(t.joint for t in d.tasks)
    assert units(d.tasks[0]) == ["省工业和信息化厅", "省发展改革委（省能源局）", "省生态环境厅"]


def test_traditional_characters_and_pinyin() -> None:
    source = read_plan_file(LAYOUTS / "traditional.txt")
    d = draft_from_source(source)
    assert d.title == "霞岭市建筑领域碳达峰实施方案"
    assert units(d.tasks[0]) == ["市住房城乡建设局", "市发展改革委", "市市场监管局"]
    assert units(d.tasks[2]) == ["市发展改革委", "国网霞岭供电公司"]
    assert "(dá)" in source.original_lines[1].text          # the original text is kept on the source
    assert any(w.kind == "traditional_folded" for w in d.warnings)


def test_english_lists_with_and() -> None:
    d = draft("english.txt")
    assert units(d.tasks[0]) == ["Municipal Development and Reform Commission",
                                 "Municipal Bureau of Housing and Urban-Rural Development", "Municipal Education Bureau",
                                 "State Grid Riverton Power Supply Company"]
    assert units(d.tasks[1])[:2] == ["Municipal Development and Reform Commission",
                                     "Municipal Ecology and Environment Bureau"]
    assert units(d.tasks[2]) == ["Municipal Forestry Bureau", "Municipal Bureau of Natural Resources and Planning",
                                 "people's governments of all counties (districts)"]
    assert d.tasks[0].due is not None and d.tasks[0].due.year == 2025          # By 2025


def test_tables_flattened_to_rows_and_to_cells() -> None:
    rows = draft("rows_flat.txt")
    assert len(rows.tasks) == 3 and rows.title == "石湾区绿色低碳重点任务分解表"
    assert units(rows.tasks[0]) == ["区发展改革委", "区工业和信息化局", "住房城乡建设委"]
    assert units(rows.tasks[1]) == ["区发展改革委", "国网石湾供电公司", "区经济信息委"]
    cells = draft("cells_flat.txt")
    assert len(cells.tasks) == 2 and units(cells.tasks[1]) == ["区发改局", "区住建局", "各街道"]
    assert "冯远" not in " ".join(u for t in cells.tasks for u in units(t))
    assert cells.tasks[0].due is not None and cells.tasks[0].due.isoformat() == "2025-12-31"   # 12月底 in a 2025 plan


def test_pdf_extraction_artefacts() -> None:
    d = draft("pdf_extract.txt")
    assert len(d.tasks) == 3
    assert units(d.tasks[1]) == ["市能源局", "市发展改革委", "市生态环境局"]     # across a page number
    assert units(d.tasks[2]) == ["市工业和信息化局", "市统计局"]                # a label broken over two lines
    assert [(g.value, g.unit) for g in d.tasks[0].targets] == [(150.0, "万千瓦")]
    assert not any(g.value == 600 for g in d.tasks[1].targets)                     # 2×600MW is not a target


def test_saved_web_page() -> None:
    d = draft("saved_page.html")
    assert d.title == "碧湾新区碳达峰行动方案" and len(d.tasks) == 2
    assert units(d.tasks[0]) == ["新区经发局", "新区规划建设局", "各街道"]
    assert not any("visits" in t.text or "海滨路" in t.text for t in d.tasks)


def test_gbk_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes((LAYOUTS / "first_listed.txt").read_text(encoding="utf-8").encode("gbk"))
    source = read_plan_file(path)
    assert source.encoding == "gb18030"
    assert units(draft_from_source(source).tasks[1]) == ["省住房城乡建设厅", "省发展改革委（省能源局）"]


# --- targets -------------------------------------------------------------------------------------------------

def test_targets_keep_the_sentence_and_read_lists_baselines_and_limits() -> None:
    d = draft("brackets_notice.txt")
    air = task(d, "空气质量改善")
    assert "32微克/立方米" in air.text and "分别下降6%、5%和4%" in air.text          # the text keeps every number
    got = [(g.value, g.unit, g.direction) for g in air.targets]
    assert (32.0, "微克/立方米", Direction.AT_MOST) in got
    assert [(v, dr) for v, _u, dr in got[1:]] == [(6.0, Direction.REDUCE_BY), (5.0, Direction.REDUCE_BY),
                                                 (4.0, Direction.REDUCE_BY)]
    assert [g.value for g in d.objectives] == [9.0, 36.0]                              # 2023年为21万千瓦 is a baseline
    solar = task(d, "推广屋顶光伏")
    assert solar.targets[0].metric and not any(ch.isdigit() for ch in solar.targets[0].metric)
    assert solar.due is not None and solar.due.isoformat() == "2027-12-31"            # 到2027年
    assert task(d, "节约型机关").due.isoformat() == "2026-12-31"                        # type: ignore[union-attr]


def test_unit_statement_inline_after_the_last_sentence(tmp_path: Path) -> None:
    path = tmp_path / "inline.txt"
    path.write_text("某市节能工作要点\n一、能源\n（一）发展光伏。新增装机20万千瓦。责任单位：市发改委、市能源局。\n"
                    "（二）改造机组。完成3台改造 牵头单位：市能源局 配合单位：市财政局\n"
                    "（三）宣传节能。开展宣传活动，责任单位：各部门要积极配合。组织节能周活动。\n", encoding="utf-8")
    d = draft(path)
    assert [units(t) for t in d.tasks][:2] == [["市发改委", "市能源局"], ["市能源局", "市财政局"]]
    assert d.tasks[0].text.endswith("20万千瓦。") and "责任单位" not in d.tasks[0].text
    assert "宣传活动" in d.tasks[2].text            # a label in mid-text followed by more sentences is not a unit list


def test_big5_text_is_told_from_gbk(tmp_path: Path) -> None:
    import re

    text = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", "", (LAYOUTS / "traditional.txt").read_text(encoding="utf-8"))
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5", errors="ignore"))
    source = read_plan_file(path)
    assert source.encoding == "big5"
    assert units(draft_from_source(source).tasks[0]) == ["市住房城乡建设局", "市发展改革委", "市市场监管局"]


def test_what_was_not_understood_is_reported(tmp_path: Path) -> None:
    d = draft("brackets_notice.txt")
    assert any(w.kind == "notice_dropped" for w in d.warnings)             # the cover notice, not silently
    assert [w.data["name"] for w in d.warnings if w.kind == "unit_split_check"] == ["住建局"]   # elided prefix
    path = tmp_path / "odd.txt"
    path.write_text("某县方案\n一、任务\n1.推进节能。完成改造10台。（牵头单位：见附表）\n2.推进光伏。新增装机1万千瓦。\n",
                    encoding="utf-8")
    odd = draft(path)
    unused = [w for w in odd.warnings if w.kind == "unit_line_unused"]
    assert len(unused) == 1 and "见附表" in unused[0].message and unused[0].task_code == odd.tasks[0].code


@pytest.mark.parametrize(("text", "leads", "coop"), [
    ("Lead: Municipal Finance Bureau; Support: Municipal Audit Bureau", ["Municipal Finance Bureau"],
     ["Municipal Audit Bureau"]),
    ("Lead department: Municipal Energy Bureau; in cooperation with: Municipal Finance Bureau",
     ["Municipal Energy Bureau"], ["Municipal Finance Bureau"]),
])
def test_english_label_variants(text: str, leads: list[str], coop: list[str]) -> None:
    spec = parse_spec(text)
    assert (spec.leads, spec.cooperating) == (leads, coop)


@pytest.mark.parametrize(("text", "shown"), [
    ("到2025年，新能源和清洁能源公交车比例达到96%。", "新能源和清洁能源公交车比例 ≥ 96 % (2025)"),
    ("能源消费总量控制在1860万吨标准煤以内。", "能源消费总量 ≤ 1860 万吨标准煤"),
    ("By 2025, installed solar capacity will reach 1,800 MW.", "installed solar capacity ≥ 1800 MW (2025)"),
])
def test_a_target_as_shown_keeps_its_words_and_number(text: str, shown: str) -> None:
    """The ledger, workbook and printed sheets show metric + figure: no '到年…达到%' with the numbers cut out."""
    from desktop_app.exchange.plan_targets import extract_targets
    from desktop_app.store.ledger import format_target

    targets = extract_targets(text)[0]
    assert [format_target(t) for t in targets] == [shown]


@pytest.mark.parametrize("aside", ["做好工作（含撬装站）。", "建设充电设施（充电站）。", "执行方案（试行）。",
                                   "建设场馆（体育馆、图书馆）。", "完善规划（2021—2025年）。"])
def test_an_aside_in_brackets_is_not_a_unit_list(aside: str) -> None:
    from desktop_app.exchange.plan_units import find_markers

    assert find_markers(aside) == []


def test_deadline_on_a_line_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "deadline.txt"
    path.write_text("某县方案\n一、任务\n1.推进节能。完成改造10台。\n牵头单位：县工信局\n完成时限：2025年9月底\n"
                    "2.推进光伏。新增装机1万千瓦。\n牵头单位：县发改局\n时间节点：2026年\n", encoding="utf-8")
    d = draft(path)
    assert [t.due.isoformat() if t.due else None for t in d.tasks] == ["2025-09-30", "2026-12-31"]
    assert all("时限" not in t.text and "时间节点" not in t.text for t in d.tasks)


@pytest.mark.parametrize(("text", "names"), [
    ("由市发改委牵头", ["市发改委"]),
    ("市发改委、市工信局等部门按职责分工负责", ["市发改委", "市工信局"]),
    ("市发展改革委牵头，市有关部门、各县（市、区）人民政府按职责分工负责", ["市发展改革委", "市有关部门", "各县（市、区）人民政府"]),
    ("Responsible units: A Bureau, B Commission, and all district governments",
     ["A Bureau", "B Commission", "all district governments"]),
])
def test_more_list_forms(text: str, names: list[str]) -> None:
    assert parse_spec(text).names == names
