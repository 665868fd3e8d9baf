"""Acceptance of issue 3 on the real plan documents in shared/seeds."""

from __future__ import annotations

import re

import pytest

from desktop_app.exchange.plan_readers import read_plan_file
from desktop_app.exchange.plan_table import draft_from_source
from desktop_app.services import import_plan
from desktop_app.store import ledger
from tests.conftest import SEEDS_DIR

pytestmark = pytest.mark.seed

JIADING_ZH = "003_9c8dd34e7f61d241.txt"
JIADING_EN = "000_f01c91b300d31753.txt"
GUANGAN = "001_2b0d579e27bccf4e.txt"
SHANGHAI = "002_3a6c5d3ee2fef9cd.txt"
ZHEJIANG = "004_aded7f206b310b3e.txt"
JUNK = ["400-6700-999", "Contact Us", "Tel:", "Address", "flagship", "COPYRIGHT", "CAPTCHA", "wechat", "Harbin",
        "BIPV", "Business License", "sayyas1998"]


def draft(name: str):  # noqa: ANN201
    return draft_from_source(read_plan_file(SEEDS_DIR / name))


def units(task) -> list[str]:  # noqa: ANN001
    return ([task.lead.name] if task.lead else []) + [u.name for u in task.cooperating]


def printed_units(text: str) -> list[list[str]]:
    """Each task line's unit list as printed, split naively (independent of the parser)."""
    out = []
    for m in re.finditer(r"\((?:责任单位:|Responsible units?: )([^()]*)\)", text):
        out.append([p for p in re.split(r"[、,]\s*", m.group(1)) if p])
    return out


@pytest.mark.parametrize("name", [JIADING_ZH, JIADING_EN])
def test_jiading_40_tasks_in_12_sections(name: str) -> None:
    d = draft(name)
    assert len(d.tasks) == 40
    held = d.task_sections()
    assert len(held) == 12
    top = [d.sections[i].parent for i in held]
    assert len(set(top[:10])) == 1 and top[0] is not None          # ten under 三、重点任务
    assert top[10] is None and top[11] is None                      # then 保障措施, 组织实施
    assert [t.code for t in d.tasks][:4] == ["1.1", "1.2", "1.3", "2.1"]
    assert all(t.lead is not None for t in d.tasks)


def test_jiading_units_equal_the_plan_in_order() -> None:
    zh, en = draft(JIADING_ZH), draft(JIADING_EN)
    text = (SEEDS_DIR / JIADING_ZH).read_text(encoding="utf-8")
    printed = printed_units(text)
    assert len(printed) == 40
    for task, raw in zip(zh.tasks, printed, strict=True):
        expanded = [x for item in raw for x in re.split(r"等(?=相关职能部门)", item)]
        assert units(task) == expanded, task.code
    for a, b in zip(zh.tasks, en.tasks, strict=True):
        assert len(units(a)) == len(units(b)), a.code


def test_jiading_chinese_then_english_resolve_to_the_same_departments(db) -> None:  # noqa: ANN001
    zh = import_plan.commit(db, import_plan.preview(db, SEEDS_DIR / JIADING_ZH))
    en = import_plan.commit(db, import_plan.preview(db, SEEDS_DIR / JIADING_EN))
    assert zh.plan_id != en.plan_id
    zh_rows = {r.code: r for r in ledger.ledger_rows(db, zh.plan_id)}
    en_rows = {r.code: r for r in ledger.ledger_rows(db, en.plan_id)}
    same = 0
    for code, row in zh_rows.items():
        other = en_rows[code]
        if row.lead == other.lead and [d.code for d in row.cooperating] == [d.code for d in other.cooperating]:
            same += 1
    print(f"Jiading zh/en tasks resolving to the same departments: {same}/40")
    assert same == 40
    assert db.execute("SELECT count(*) FROM department WHERE to_check = 1").fetchone()[0] == 0


def test_jiading_translation_of_fills_english(db) -> None:  # noqa: ANN001
    zh = import_plan.commit(db, import_plan.preview(db, SEEDS_DIR / JIADING_ZH))
    pv = import_plan.preview(db, SEEDS_DIR / JIADING_EN, translation_of=zh.plan_id)
    result = import_plan.commit(db, pv)
    assert result.translated_tasks == 40
    missing = db.execute("SELECT count(*) FROM task WHERE plan_id = ? AND title_en = ''", [zh.plan_id]).fetchone()[0]
    assert missing == 0
    assert not [w for w in pv.draft.warnings if w.kind.startswith("translation")]


def test_jiading_into_demo_database_uses_its_departments(demo_db) -> None:  # noqa: ANN001
    before = {r[0] for r in demo_db.execute("SELECT code FROM department").fetchall()}
    for name in (JIADING_ZH, JIADING_EN):
        pv = import_plan.preview(demo_db, SEEDS_DIR / name)
        codes = {u.code for t in pv.draft.tasks for u in ([t.lead] if t.lead else []) + t.cooperating}
        assert codes <= before, codes - before


def test_shanghai_2024_16_tasks() -> None:
    d = draft(SHANGHAI)
    assert len(d.tasks) == 16
    assert d.tasks[3].title.startswith("continue to promote energy conservation")
    assert all(t.text for t in d.tasks)


def test_zhejiang_36_tasks_in_11_sections_with_objectives() -> None:
    d = draft(ZHEJIANG)
    assert len(d.tasks) == 36 and len(d.task_sections()) == 11
    obj = {(o.value, o.unit, o.year) for o in d.objectives}
    assert (24.0, "%", 2025) in obj and (30.0, "%", 2030) in obj and (61.5, "%", 2025) in obj
    assert all("Guiding ideology" not in t.title for t in d.tasks)


def test_guangan_48_tasks_in_13_sections() -> None:
    d = draft(GUANGAN)
    assert len(d.tasks) == 48 and len(d.task_sections()) == 13
    assert all(not t.title.lower().startswith(("guiding", "working principles", "main objectives")) for t in d.tasks)


@pytest.mark.parametrize("name", [JIADING_ZH, JIADING_EN, GUANGAN, SHANGHAI, ZHEJIANG])
def test_no_web_junk_in_tasks_or_objectives(name: str) -> None:
    d = draft(name)
    texts = [t.text for t in d.tasks] + [t.title for t in d.tasks] + [o.text for o in d.objectives]
    for junk in JUNK:
        assert not any(junk in x for x in texts), junk
