"""The plan-text parser on small fixture documents: numbering styles, levels, markers, junk."""

from __future__ import annotations

import pytest

from desktop_app.domain.models import Direction
from desktop_app.errors import InputRejected
from desktop_app.exchange.plan_readers import SourceLine
from desktop_app.exchange.plan_text import find_unit_marker, match_number, parse_plan_lines, zh_number


def lines(text: str) -> list[SourceLine]:
    return [SourceLine(t.strip(), i) for i, t in enumerate(text.strip().splitlines(), start=1) if t.strip()]


ZH_PLAN = """
某区碳达峰实施方案
为贯彻落实碳达峰决策部署，制定本方案。
一、总体要求
以习近平新时代中国特色社会主义思想为指导。
二、主要目标
到2025年，单位生产总值能源消耗比2020年下降14%，非化石能源占比达到20%左右。
三、重点任务
（一）推动能源绿色低碳转型
持续推进能源结构优化。
1.大力发展光伏。“十四五”期间，新增光伏装机容量29.4万千瓦。（责任单位：区发展改革委、区经委、区建管委等相关职能部门，各街镇）
2.建设加氢站。到2025年，累计建成加氢站6座。（牵头单位：区经委；配合单位：区交通委、区规划资源局）
（二）推进节能降碳
1.加强数据中心管理。新建数据中心PUE不高于1.3。（区科委牵头，区经委、区发展改革委按职责分工负责）
2.推广绿色建筑。累计完成超低能耗建筑不少于40万平方米。（区建管委、区规划资源局按职责分工负责）
3.开展宣传教育。组织主题宣传活动。
四、保障措施
1.加强组织领导。建立工作机制。（责任单位：区发展改革委）
2.完善政策体系。加大资金投入。（责任单位：区财政局、区税务局）
"""


def test_chinese_levels_sections_tasks_and_codes() -> None:
    d = parse_plan_lines(lines(ZH_PLAN), source_name="zh.txt")
    assert d.title == "某区碳达峰实施方案"
    assert d.lang == "zh"
    assert [t.code for t in d.tasks] == ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2"]
    titles = [d.sections[s].title for s in d.task_sections()]
    assert titles == ["推动能源绿色低碳转型", "推进节能降碳", "保障措施"]
    assert d.sections[d.tasks[0].section].parent is not None   # (一) sits under 三、重点任务
    assert d.tasks[0].title == "大力发展光伏"
    assert "责任单位" not in d.tasks[0].text


def test_chinese_markers_every_format() -> None:
    d = parse_plan_lines(lines(ZH_PLAN), source_name="zh.txt")
    by = {t.code: t for t in d.tasks}
    def names(t):  # noqa: ANN001, ANN202
        return [t.lead.name] + [u.name for u in t.cooperating]
    assert names(by["1.1"]) == ["区发展改革委", "区经委", "区建管委", "相关职能部门", "各街镇"]
    assert names(by["1.2"]) == ["区经委", "区交通委", "区规划资源局"]
    assert names(by["2.1"]) == ["区科委", "区经委", "区发展改革委"]
    assert names(by["2.2"]) == ["区建管委", "区规划资源局"]
    assert by["2.3"].lead is None
    assert any(w.kind == "no_unit" and w.task_code == "2.3" for w in d.warnings)


def test_objectives_and_task_targets() -> None:
    d = parse_plan_lines(lines(ZH_PLAN), source_name="zh.txt")
    obj = {(o.value, o.unit): o for o in d.objectives}
    assert obj[(14.0, "%")].direction is Direction.REDUCE_BY
    assert obj[(14.0, "%")].year == 2025 and obj[(14.0, "%")].baseline_year == 2020
    assert obj[(20.0, "%")].direction is Direction.ABOUT
    by = {t.code: t for t in d.tasks}
    pv = by["1.1"].targets[0]
    assert (pv.value, pv.unit, pv.year) == (29.4, "万千瓦", 2025)
    assert "29.4万千瓦" in pv.text
    h2 = by["1.2"].targets[0]
    assert (h2.value, h2.unit, h2.year, h2.direction) == (6.0, "座", 2025, Direction.AT_LEAST)
    pue = by["2.1"].targets[0]
    assert (pue.value, pue.unit, pue.direction) == (1.3, "", Direction.AT_MOST)
    area = by["2.2"].targets[0]
    assert (area.value, area.unit, area.direction) == (40.0, "万平方米", Direction.AT_LEAST)
    # 总体要求 / 指导思想 are not tasks
    assert all("习近平" not in t.text for t in d.tasks)


EN_PLAN = """
Sample District Carbon Peak Plan
I. General requirements
Guided by the new development concept.
Ii. Main objectives
By 2025, the share of non-fossil energy will reach about 24%. By 2030, it will reach about 30%.
3. Key Tasks
1. Promote green energy consumption
We will optimise the energy structure.
1. Develop solar power. During the 14th Five-Year Plan period, add 294,000 kilowatts of photovoltaic capacity. (Responsible units: District Development and Reform Commission, District Economic Committee, District Construction and Management Commission and other relevant functional departments, each street and town)
2. Build hydrogen stations. By 2025, 6 hydrogen refueling stations will be in operation. (Responsible unit: District Economic Commission)
2. Save energy and reduce carbon
1. Manage data centres. The PUE of new data centers shall be no higher than 1.3. (Responsible unit: District Science and Technology Commission)
(2) Build green buildings. Add no less than 400,000 square meters of ultra-low energy buildings. (Responsible unit: District Construction Management Committee)
Iv. Safeguard measures
1. Strengthen leadership. Set up a working mechanism. (Responsible unit: District Development and Reform Commission)
5. Organization and implementation
1. Strict assessment. Assess every year. (Responsible units: District Development and Reform Commission, relevant departments, streets and towns)
Contact Us
Tel: 400-6700-999
Address: No. 9, Xinnong Road, Harbin
COPYRIGHT © 2023 Sample Co., Ltd.
Shop
"""


def test_english_inferred_levels_and_restarts() -> None:
    d = parse_plan_lines(lines(EN_PLAN), source_name="en.txt")
    assert d.lang == "en"
    assert [t.code for t in d.tasks] == ["1.1", "1.2", "2.1", "2.2", "3.1", "4.1"]
    assert [d.sections[s].title for s in d.task_sections()] == [
        "Promote green energy consumption", "Save energy and reduce carbon", "Safeguard measures",
        "Organization and implementation"]
    assert d.tasks[0].title == "Develop solar power"


def test_english_markers_and_compound_groups() -> None:
    d = parse_plan_lines(lines(EN_PLAN), source_name="en.txt")
    t = d.tasks[0]
    assert [t.lead.name] + [u.name for u in t.cooperating] == [
        "District Development and Reform Commission", "District Economic Committee",
        "District Construction and Management Commission", "other relevant functional departments",
        "each street and town"]
    last = d.tasks[-1]
    assert [u.name for u in last.cooperating] == ["relevant departments", "streets and towns"]


def test_english_targets_and_objectives() -> None:
    d = parse_plan_lines(lines(EN_PLAN), source_name="en.txt")
    assert [(o.value, o.year, o.direction) for o in d.objectives] == [
        (24.0, 2025, Direction.ABOUT), (30.0, 2030, Direction.ABOUT)]
    pv = d.tasks[0].targets[0]
    assert (pv.value, pv.unit, pv.year) == (294000.0, "kW", 2025)
    st = d.tasks[1].targets[0]
    assert (st.value, st.unit, st.year) == (6.0, "stations", 2025)
    pue = d.tasks[2].targets[0]
    assert (pue.value, pue.direction) == (1.3, Direction.AT_MOST)
    assert (d.tasks[3].targets[0].value, d.tasks[3].targets[0].unit) == (400000.0, "m²")


def test_web_junk_is_dropped() -> None:
    d = parse_plan_lines(lines(EN_PLAN), source_name="en.txt")
    everything = " ".join([t.text for t in d.tasks] + [o.text for o in d.objectives])
    for junk in ("Contact", "400-6700", "Xinnong", "COPYRIGHT", "Shop"):
        assert junk not in everything
    assert any(w.kind == "junk_dropped" for w in d.warnings)


def test_trailing_advert_after_last_task_is_dropped() -> None:
    text = EN_PLAN.replace("Contact Us", "Help build green buildings and become the leader in the BIPV industry.\nContact Us")
    d = parse_plan_lines(lines(text), source_name="en.txt")
    assert "BIPV" not in d.tasks[-1].text


def test_ordinal_words_and_heading_with_body_paragraph() -> None:
    text = """
Key work arrangements 2024
1. Connect with the goals of the plan
Strengthen the convergence of policies.
2. Promote comprehensive management
Promote the ten actions.
Third, accelerate the energy transition
Control the total amount of coal.
Fourth, continue to promote energy conservation
Carry out the annual assessment.
"""
    d = parse_plan_lines(lines(text), source_name="k.txt")
    assert [t.code for t in d.tasks] == ["1", "2", "3", "4"]
    assert d.tasks[2].title == "accelerate the energy transition"
    assert "coal" in d.tasks[2].text


def test_sub_items_of_a_chinese_task_stay_in_its_text() -> None:
    text = """
方案
一、重点任务
1.推进节能改造。具体包括：
（1）改造路灯。
（2）改造锅炉。
2.发展光伏。到2025年新增光伏10万千瓦。
"""
    d = parse_plan_lines(lines(text), source_name="s.txt")
    assert [t.code for t in d.tasks] == ["1.1", "1.2"]
    assert "改造锅炉" in d.tasks[0].text


def test_chinese_number_words_and_styles() -> None:
    assert zh_number("十二") == 12 and zh_number("二十") == 20 and zh_number("三") == 3
    assert match_number("（十）倡导绿色", False)[:2] == (10, "(cn)")
    assert match_number("(1) Guiding ideology", True)[:2] == (1, "(1)")
    assert match_number("Iv. Safeguard measures", True)[:2] == (4, "I.")
    assert match_number("Second, key actions", True)[:2] == (2, "word")
    assert match_number("2025年，完成目标", False) is None
    assert match_number("1.3倍", False) is None


def test_marker_variants() -> None:
    m = find_unit_marker("做好工作。（区经委牵头，区商务委、区交通委按职责分工负责）")
    assert m and m.lead == ["区经委"] and m.cooperating == ["区商务委", "区交通委"]
    m = find_unit_marker("Do it. (Lead unit: District Economic Commission; cooperating units: District Finance Bureau)")
    assert m and m.lead == ["District Economic Commission"] and m.cooperating == ["District Finance Bureau"]
    m = find_unit_marker("做好工作（含撬装站）。")
    assert m is None


def test_no_structure_is_rejected() -> None:
    with pytest.raises(InputRejected) as exc:
        parse_plan_lines(lines("这是一段普通文字。\n没有任何编号。\n"), source_name="plain.txt")
    assert "plain.txt" in str(exc.value) and "no numbered sections" in str(exc.value)
