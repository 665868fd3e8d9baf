import datetime as dt

import pytest

from desktop_app.domain.models import DeptKind, Direction, Role, Target
from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, PlanDraft
from desktop_app.errors import PeakDeskError
from desktop_app.store import audit, departments, ledger
from desktop_app.store import progress as progress_store
from desktop_app.store.periods import calendar, insert_period
from desktop_app.store.search import search_tasks


def _draft() -> PlanDraft:
    drc = DraftUnit("区发展改革委", code="DRC", name_zh="区发展改革委", name_en="District Development and Reform Commission")
    ec = DraftUnit("区经委", code="EC", name_zh="区经委", name_en="District Economic Commission")
    streets = DraftUnit("各街镇", code="ALL-STREETS", name_zh="各街镇", name_en="Each street and town",
                        kind=DeptKind.PLACEHOLDER)
    unknown = DraftUnit("区碳中和促进中心")
    return PlanDraft(
        title="测试区碳达峰实施方案", title_en="Test District Carbon Peak Plan",
        sections=[DraftSection("三、", "重点任务", 1), DraftSection("（一）", "能源绿色低碳转型", 2, parent=0)],
        tasks=[
            DraftTask("1.1", 1, "大力发展非化石能源", "大力发展非化石能源。到2025年建成6座加氢站。", lead=drc,
                      cooperating=[ec, streets], targets=[Target(6, "座", 2025, Direction.AT_LEAST, "6座加氢站", "加氢站")],
                      due=dt.date(2025, 12, 31)),
            DraftTask("1.2", 1, "合理控制油气消费", "合理控制油气消费，改造老旧管道50公里。", lead=ec, cooperating=[unknown]),
        ],
        objectives=[Target(14, "%", 2025, Direction.REDUCE_BY, "能耗下降14%")],
    )


@pytest.fixture
def plan_id(db):
    return ledger.save_plan_draft(db, _draft())


def test_saved_plan_reads_back_with_units_in_order(db, plan_id):
    rows = ledger.ledger_rows(db, plan_id)
    assert [r.code for r in rows] == ["1.1", "1.2"]
    assert rows[0].lead.code == "DRC"
    assert [d.code for d in rows[0].cooperating] == ["EC", "ALL-STREETS"]
    assert rows[0].targets[0].value == 6 and rows[0].targets[0].unit == "座"
    assert rows[0].due == dt.date(2025, 12, 31)
    assert ledger.targets_for(db, plan_id, None)[0].direction is Direction.REDUCE_BY


def test_unknown_unit_becomes_a_department_to_check(db, plan_id):
    dept = departments.find(db, "区碳中和促进中心")
    assert dept is not None and dept.to_check and dept.code.startswith("NEW-")


def test_aliases_resolve_case_insensitively(db, plan_id):
    dept_id = departments.id_for_code(db, "EC")
    departments.add_alias(db, dept_id, "District Economic Committee", "en")
    assert departments.find(db, "district economic committee").code == "EC"
    assert departments.find(db, "District Economic Commission").code == "EC"
    assert departments.find(db, "区经委").code == "EC"
    assert departments.find(db, "nobody") is None


def test_placeholder_expands_to_members_and_direct_role_wins(db, plan_id):
    s1 = departments.upsert(db, "ST-A", "甲街道", "A Subdistrict", kind="street_town")
    s2 = departments.upsert(db, "ST-B", "乙镇", "B Town", kind="street_town")
    group = departments.id_for_code(db, "ALL-STREETS")
    departments.set_members(db, group, [s1, s2])
    task_12 = ledger.ledger_rows(db, plan_id)[1].id
    ledger.set_assignments(db, task_12, "ST-A", [])
    eff = ledger.effective_assignments(db, plan_id)
    by_task = {}
    for a in eff:
        by_task.setdefault(a.task_id, {})[a.department_id] = a
    task_11 = ledger.ledger_rows(db, plan_id)[0].id
    assert by_task[task_11][s1].role is Role.COOPERATING and by_task[task_11][s1].via == group
    assert group not in by_task[task_11]
    assert by_task[task_12][s1].role is Role.LEAD and by_task[task_12][s1].via is None


def test_edit_task_is_saved_and_audited(db, plan_id):
    task = ledger.ledger_rows(db, plan_id)[0]
    changes = ledger.update_task(db, task.id, title_zh="大力发展可再生能源", due_date=dt.date(2026, 6, 30))
    assert changes.tasks
    detail = ledger.task_detail(db, task.id)
    assert detail.title_zh == "大力发展可再生能源" and detail.due == dt.date(2026, 6, 30)
    log = audit.entries(db, "task", task.id)
    assert log[0]["action"] == "update" and "大力发展非化石能源" in log[0]["detail_json"]
    with pytest.raises(ValueError):
        ledger.update_task(db, task.id, plan_id=99)


def test_set_assignments_rejects_unknown_and_duplicate_codes_and_keeps_old(db, plan_id):
    task = ledger.ledger_rows(db, plan_id)[0]
    with pytest.raises(PeakDeskError, match="no department"):
        ledger.set_assignments(db, task.id, "DRC", ["NOPE"])
    with pytest.raises(PeakDeskError, match="twice"):
        ledger.set_assignments(db, task.id, "DRC", ["EC", "EC"])
    assert [d.code for d in ledger.task_detail(db, task.id).cooperating] == ["EC", "ALL-STREETS"]
    ledger.set_assignments(db, task.id, "EC", ["DRC"])
    detail = ledger.task_detail(db, task.id)
    assert detail.lead.code == "EC" and [d.code for d in detail.cooperating] == ["DRC"]


def test_merge_departments_moves_assignments_and_keeps_aliases(db, plan_id):
    dup = departments.upsert(db, "EC2", "区经济委员会", "District Economic Committee")
    task = ledger.ledger_rows(db, plan_id)[1]
    ledger.set_assignments(db, task.id, "EC2", [])
    departments.merge(db, "EC2", "EC")
    assert ledger.task_detail(db, task.id).lead.code == "EC"
    assert departments.find(db, "区经济委员会").code == "EC"
    assert dup not in [d.id for d in departments.list_departments(db)]


def test_progress_versions_keep_history(db, plan_id):
    task = ledger.ledger_rows(db, plan_id)[0]
    drc = departments.id_for_code(db, "DRC")
    from desktop_app.domain.calendar import month_period
    period_id = insert_period(db, plan_id, month_period(2025, 9, calendar(db)))
    e1 = progress_store.Entry(status="in_progress", percent=40, narrative="=1+1")
    e2 = progress_store.Entry(status="completed", percent=100)
    progress_store.add_entry(db, task.id, drc, period_id, e1, received_at=dt.datetime(2025, 10, 9, 10))
    progress_store.add_entry(db, task.id, drc, period_id, e2, received_at=dt.datetime(2025, 10, 10, 10))
    hist = progress_store.history(db, task.id)
    assert [(h["version"], h["is_current"]) for h in hist] == [(2, 1), (1, 0)]
    assert progress_store.current_entry(db, task.id, drc, period_id).percent == 100
    from desktop_app.services.read_models import ledger_rows
    row = ledger_rows(db, plan_id, as_of=dt.date(2025, 10, 31))[0]
    assert row.status.value == "completed" and row.percent == 100 and row.period == "2025-09"


def test_search_chinese_long_and_short_terms(db, plan_id):
    ids = [r.id for r in ledger.ledger_rows(db, plan_id)]
    assert search_tasks(db, plan_id, "非化石能源") == [ids[0]]     # trigram
    assert search_tasks(db, plan_id, "油气") == [ids[1]]           # 2 chars: LIKE fallback
    assert search_tasks(db, plan_id, "能") == [ids[0]]             # 1 char
    assert search_tasks(db, plan_id, "理") == [ids[1]]
    assert search_tasks(db, plan_id, "加氢站 2025") == [ids[0]]     # several terms
    assert search_tasks(db, plan_id, "hydrogen") == []
    assert search_tasks(db, plan_id, "") == []
    assert search_tasks(db, plan_id, '"; DROP') == []               # quotes are data
    ledger.update_task(db, ids[1], title_en="Control oil and gas consumption")
    assert search_tasks(db, plan_id, "oil gas") == [ids[1]]
    assert search_tasks(db, plan_id, "%") == []


def test_plan_json_shape(db, plan_id):
    data = ledger.plan_json(db, plan_id)
    assert data["title"] == "测试区碳达峰实施方案" and len(data["tasks"]) == 2
    t = data["tasks"][0]
    assert set(t) >= {"code", "title", "section", "lead", "cooperating", "due", "targets"}
    assert t["lead"] == {"code": "DRC", "name_zh": "区发展改革委", "name_en": "District Development and Reform Commission"}
    assert t["section"] == "能源绿色低碳转型"


def test_add_entries_in_bulk_continues_versions_and_keeps_one_current(db, plan_id):
    first, second = ledger.ledger_rows(db, plan_id)[:2]
    drc = departments.id_for_code(db, "DRC")
    from desktop_app.domain.calendar import month_period
    period_id = insert_period(db, plan_id, month_period(2025, 9, calendar(db)))
    progress_store.add_entry(db, first.id, drc, period_id, progress_store.Entry(status="in_progress", percent=40),
                             received_at=dt.datetime(2025, 10, 9, 10))
    done = progress_store.Entry(status="completed", percent=100, contact="王明 / 021-1")
    n = progress_store.add_entries(db, drc, period_id, [(first.id, done), (second.id, done)],
                                   received_at="2025-10-10T10:00:00", source="workbook")
    assert n == 2
    current = progress_store.current_entries(db, period_id, drc)
    assert {t: (c.version, c.entry) for t, c in current.items()} == {first.id: (2, done), second.id: (1, done)}
    assert [(h["version"], h["is_current"]) for h in progress_store.history(db, first.id)] == [(2, 1), (1, 0)]
