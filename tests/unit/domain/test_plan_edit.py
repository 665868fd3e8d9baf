"""Review edits on a PlanDraft are pure and keep codes consistent."""

from __future__ import annotations

import copy

import pytest

from desktop_app.domain.models import Direction, Target
from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, PlanDraft
from desktop_app.domain.plan_edit import (
    demote_to_task,
    edit_target,
    merge_tasks,
    promote_to_section,
    reassign_units,
    renumber,
    set_targets,
    split_task,
)


def sample() -> PlanDraft:
    d = PlanDraft(title="p", sections=[DraftSection("（一）", "能源", 1), DraftSection("（二）", "节能", 1)])
    d.tasks = [
        DraftTask("", 0, "光伏", "发展光伏。新增10万千瓦。", lead=DraftUnit("区发展改革委"),
                  targets=[Target(10, "万千瓦", 2025, text="新增10万千瓦")]),
        DraftTask("", 0, "建筑节能", "建筑节能", lead=DraftUnit("区建管委")),
        DraftTask("", 0, "交通", "交通。建成加氢站6座。", lead=DraftUnit("区交通委"), cooperating=[DraftUnit("区经委")],
                  targets=[Target(6, "座", 2025, text="建成加氢站6座")]),
        DraftTask("", 1, "节能审查", "节能审查", lead=None),
    ]
    return renumber(d)


def test_renumber() -> None:
    assert [t.code for t in sample().tasks] == ["1.1", "1.2", "1.3", "2.1"]


def test_edits_do_not_touch_the_input() -> None:
    d = sample()
    before = copy.deepcopy(d)
    merge_tasks(d, 0, 1)
    promote_to_section(d, 1)
    split_task(d, 0, 5)
    assert d == before


def test_promote_line_to_section() -> None:
    d = promote_to_section(sample(), 1)
    assert [s.title for s in d.sections] == ["能源", "建筑节能", "节能"]
    assert d.sections[1].parent == 0 and d.sections[1].level == 2
    assert [(t.code, t.title) for t in d.tasks] == [("1.1", "光伏"), ("2.1", "交通"), ("3.1", "节能审查")]


def test_demote_section_to_task() -> None:
    d = demote_to_task(sample(), 1)
    assert [s.title for s in d.sections] == ["能源"]
    assert [(t.code, t.title) for t in d.tasks] == [("1.1", "光伏"), ("1.2", "建筑节能"), ("1.3", "交通"),
                                                    ("1", "节能"), ("2", "节能审查")]


def test_promote_then_demote_round_trip() -> None:
    d = demote_to_task(promote_to_section(sample(), 1), 1)
    assert [t.title for t in d.tasks] == ["光伏", "建筑节能", "交通", "节能审查"]
    assert [t.code for t in d.tasks][:3] == ["1.1", "1.2", "1.3"]


def test_merge_tasks() -> None:
    d = merge_tasks(sample(), 1, 2)
    assert [t.code for t in d.tasks] == ["1.1", "1.2", "2.1"]
    merged = d.tasks[1]
    assert merged.lead and merged.lead.name == "区建管委"
    assert [u.name for u in merged.cooperating] == ["区交通委", "区经委"]
    assert "加氢站" in merged.text and merged.targets[0].unit == "座"
    with pytest.raises(ValueError):
        merge_tasks(sample(), 1, 1)


def test_split_task_moves_targets_with_their_text() -> None:
    d = split_task(sample(), 2, 3)
    assert [t.code for t in d.tasks] == ["1.1", "1.2", "1.3", "1.4", "2.1"]
    first, second = d.tasks[2], d.tasks[3]
    assert first.text == "交通。" and second.text == "建成加氢站6座。"
    assert second.title == "建成加氢站6座" and second.targets[0].value == 6 and first.targets == []
    assert second.lead and second.lead.name == "区交通委"
    with pytest.raises(ValueError):
        split_task(sample(), 2, 0)


def test_reassign_units_and_edit_targets() -> None:
    d = sample()
    d.warnings = []
    d = reassign_units(d, 3, DraftUnit("区发展改革委", code="DRC"), [DraftUnit("区经委"), DraftUnit("区发展改革委")])
    assert d.tasks[3].lead and d.tasks[3].lead.code == "DRC"
    assert [u.name for u in d.tasks[3].cooperating] == ["区经委"]
    d = edit_target(d, 0, 0, value=12.0, direction=Direction.AT_MOST)
    assert (d.tasks[0].targets[0].value, d.tasks[0].targets[0].direction) == (12.0, Direction.AT_MOST)
    d = set_targets(d, 1, [Target(5, "%", 2030)])
    assert d.tasks[1].targets[0].year == 2030
    with pytest.raises(IndexError):
        edit_target(d, 9, 0, value=1.0)
