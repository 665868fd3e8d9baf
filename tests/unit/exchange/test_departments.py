"""Glossary lookup and unit-list splitting."""

from __future__ import annotations

import pytest

from desktop_app.domain.models import DeptKind
from desktop_app.exchange.departments import default_glossary, dominant_level, en_key, split_units


@pytest.mark.parametrize(("name", "code"), [
    ("区发展改革委", "DRC"), ("区发改委", "DRC"), ("District Development and Reform Commission", "DRC"),
    ("Development and Reform Commission", "DRC"),
    ("区经委", "EC"), ("区经信委", "EC"), ("District Economic Commission", "EC"), ("District Economic Committee", "EC"),
    ("区建管委", "CMC"), ("District Construction and Administration Commission", "CMC"),
    ("District Construction Management Committee", "CMC"),
    ("区规划资源局", "PNRB"), ("District Bureau of Planning and Resources", "PNRB"),
    ("区生态环境局", "EEB"), ("District Bureau of Ecological Environment", "EEB"),
    ("区绿化市容局", "LCAB"), ("Greening and City Appearance Bureau of the District", "LCAB"),
    ("Transportation Committee of the District", "TC"), ("区机管局", "GOA"), ("District Airport Authority", "GOA"),
    ("区委宣传部", "PUB"), ("Publicity Department of the District Committee", "PUB"),
    ("市发展改革委", "M-DRC"), ("Municipal Development and Reform Commission", "M-DRC"), ("省生态环境厅", "P-EEB"),
    ("各街镇", "ALL-STREETS"), ("each street and town", "ALL-STREETS"), ("相关职能部门", "REL-FUNC"),
    ("other relevant functional departments", "REL-FUNC"), ("各相关部门", "REL-ALL"), ("国网嘉定供电公司", "SGJD"),
])
def test_glossary_lookup(name: str, code: str) -> None:
    hit = default_glossary().lookup(name)
    assert hit is not None and hit.code == code


def test_canonical_names_carry_the_level() -> None:
    hit = default_glossary().lookup("District Economic Committee")
    assert hit and (hit.name_zh, hit.name_en) == ("区经委", "District Economic Commission")
    city = default_glossary().lookup("市经委")
    assert city and city.name_zh == "市经委" and city.code == "M-EC"
    assert default_glossary().lookup("各街镇").kind is DeptKind.PLACEHOLDER   # type: ignore[union-attr]
    assert default_glossary().lookup("区某某不存在办公室") is None


def test_bare_names_take_the_plan_level() -> None:
    assert dominant_level(["市发展改革委", "市经信局", "区某某"]) == "city"
    hit = default_glossary().lookup("发展改革委", default_level="city")
    assert hit and hit.code == "M-DRC"


def test_split_units_with_compound_groups() -> None:
    assert split_units("区发展改革委、区建管委等相关职能部门,各街镇") == ["区发展改革委", "区建管委", "相关职能部门", "各街镇"]
    assert split_units("区绿化市容局等相关职能部门、青浦邮政管理局") == ["区绿化市容局", "相关职能部门", "青浦邮政管理局"]
    assert split_units("A Bureau, B Commission and other relevant departments, each street and town") == [
        "A Bureau", "B Commission", "other relevant departments", "each street and town"]


def test_en_key_ignores_word_order() -> None:
    assert en_key("Bureau of Planning and Resources") == en_key("Planning and Resources Bureau")


@pytest.mark.parametrize("name", ["市工业和信息化局", "区工信局", "市水利局", "市住建局", "区住建委", "县林业局", "市经信局",
                                  "Municipal Bureau of Industry and Information Technology", "Municipal Forestry Bureau",
                                  "Municipal Water Resources Bureau"])
def test_glossary_never_maps_another_unit_onto_a_jiading_department(name: str) -> None:
    """工业和信息化局 is not 经委, 水利局 is not 水务局, 住建局 is not 建管委 (issue 16)."""
    assert default_glossary().lookup(name) is None


@pytest.mark.parametrize(("a", "b"), [("发改委", "发展改革委"), ("发展和改革委员会", "发展改革委"), ("机管局", "机关事务管理局"),
                                      ("应急局", "应急管理局")])
def test_same_level_spellings_of_one_unit_match(a: str, b: str) -> None:
    g = default_glossary()
    ha, hb = g.lookup(a, default_level=None), g.lookup(b, default_level=None)
    assert ha is not None and hb is not None and ha.code == hb.code and ha.code.startswith("N-")
    assert g.lookup("市" + a).code == g.lookup("市" + b).code != g.lookup("区" + a).code  # type: ignore[union-attr]
