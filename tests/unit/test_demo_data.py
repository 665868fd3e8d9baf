"""The shipped demo ledger (data/jiading_demo.json) is complete, consistent and faithful to the plan."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from desktop_app.domain.models import DeptKind, Direction
from desktop_app.paths import DATA_DIR
from tests.conftest import SEEDS_DIR

DEMO_FILE = DATA_DIR / "jiading_demo.json"
JIADING_SEED = "003_9c8dd34e7f61d241.txt"


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    with DEMO_FILE.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@pytest.fixture(scope="module")
def depts(demo: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in demo["departments"]}


def test_plan_header(demo: dict[str, Any]) -> None:
    plan = demo["plan"]
    assert plan["title_zh"] == "嘉定区碳达峰实施方案"
    assert plan["title_en"]
    assert plan["issued_on"] == "2022-11-24"


def test_forty_tasks_with_unique_codes(demo: dict[str, Any]) -> None:
    codes = [t["code"] for t in demo["tasks"]]
    assert len(codes) == 40
    assert len(set(codes)) == 40
    for code in codes:
        assert re.fullmatch(r"[1-9]\d*\.[1-9]\d*", code), code


def test_task_sections(demo: dict[str, Any]) -> None:
    section_keys = [s["key"] for s in demo["sections"]]
    assert len(section_keys) == len(set(section_keys))
    used = {t["section"] for t in demo["tasks"]}
    assert len(used) == 12
    assert used <= set(section_keys)
    for s in demo["sections"]:
        assert s["parent"] is None or s["parent"] in section_keys
        assert s["title_zh"] and s["title_en"]
    # The first number of a task code is the ordinal of its section among the task-holding ones.
    order: list[str] = []
    for t in demo["tasks"]:
        if t["section"] not in order:
            order.append(t["section"])
        assert t["code"].split(".")[0] == str(order.index(t["section"]) + 1), t["code"]


def test_units_exist(demo: dict[str, Any], depts: dict[str, dict[str, Any]]) -> None:
    for t in demo["tasks"]:
        units = [t["lead"], *t["cooperating"]]
        assert len(units) == len(set(units)), t["code"]
        for code in units:
            assert code in depts, (t["code"], code)
        assert depts[t["lead"]]["kind"] != DeptKind.PLACEHOLDER, t["code"]


def test_departments_bilingual_and_kinds(depts: dict[str, dict[str, Any]]) -> None:
    kinds = {k.value for k in DeptKind}
    for code, d in depts.items():
        assert re.fullmatch(r"[A-Z][A-Z0-9-]*", code), code
        assert d["name_zh"].strip() and d["name_en"].strip(), code
        assert d["kind"] in kinds, code
    assert sum(d["kind"] == DeptKind.STREET_TOWN for d in depts.values()) == 12


def test_placeholder_members_are_streets(depts: dict[str, dict[str, Any]]) -> None:
    for code, d in depts.items():
        if d["members"]:
            assert d["kind"] == DeptKind.PLACEHOLDER, code
        for member in d["members"]:
            assert depts[member]["kind"] == DeptKind.STREET_TOWN, (code, member)
    assert len(depts["ALL-STREETS"]["members"]) == 12


def test_aliases_unique_across_departments(depts: dict[str, dict[str, Any]]) -> None:
    # The store keeps aliases in a UNIQUE ... COLLATE NOCASE column.
    owner: dict[str, str] = {}
    for code, d in depts.items():
        for a in d["aliases"]:
            assert a["lang"] in ("zh", "en")
            key = a["alias"].casefold()
            assert key not in owner, (a["alias"], owner.get(key), code)
            owner[key] = code


def test_task_titles_and_texts(demo: dict[str, Any]) -> None:
    for t in demo["tasks"]:
        assert t["title_zh"].strip() and t["title_en"].strip(), t["code"]
        assert "。" not in t["title_zh"] and not t["title_en"].endswith(".")
        assert t["text_zh"].startswith(t["title_zh"] + "。"), t["code"]
        assert "责任单位" not in t["text_zh"] and "Responsible unit" not in t["text_en"], t["code"]


def test_targets_are_quantities_from_the_text(demo: dict[str, Any]) -> None:
    directions = {d.value for d in Direction}
    for t in demo["tasks"]:
        for g in t["targets"]:
            assert isinstance(g["value"], int | float), t["code"]
            assert g["direction"] in directions
            assert g["metric"]
            assert g["text"] in t["text_zh"], (t["code"], g["text"])
    for g in demo["objectives"]:
        assert g["direction"] in directions and g["metric"] and g["text"]
    by_code = {t["code"]: t for t in demo["tasks"]}
    pue = [g for g in by_code["2.4"]["targets"] if g["value"] == 1.3]
    assert pue and pue[0]["direction"] == Direction.AT_MOST
    assert any(g["value"] == 6 and g["year"] == 2025 for g in by_code["1.1"]["targets"])


def _printed_units(unit_text: str) -> list[str]:
    """区建管委等相关职能部门 is two units: the department and the placeholder group."""
    names: list[str] = []
    for part in re.split(r"[、,，]", unit_text):
        part = part.strip()
        if part.endswith("等相关职能部门"):
            names += [part.removesuffix("等相关职能部门"), "相关职能部门"]
        elif part:
            names.append(part)
    return names


@pytest.mark.seed
def test_units_match_the_printed_plan(demo: dict[str, Any], depts: dict[str, dict[str, Any]]) -> None:
    lines = (SEEDS_DIR / JIADING_SEED).read_text(encoding="utf-8").splitlines()
    for t in demo["tasks"]:
        number = t["code"].split(".")[1]
        found = [ln for ln in lines if ln.startswith(f"{number}.{t['title_zh']}。")]
        assert len(found) == 1, t["code"]
        printed = re.search(r"[（(]责任单位[:：](.+?)[）)]\s*$", found[0])
        assert printed, t["code"]
        names = [depts[c]["name_zh"] for c in [t["lead"], *t["cooperating"]]]
        assert names == _printed_units(printed.group(1)), t["code"]
        assert f"{number}.{t['text_zh']}" in found[0], t["code"]
