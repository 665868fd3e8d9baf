"""The one definition of a task's current status and percent, the section roll-up, the plan facts'
indexes and the report data that reads them (``services.read_models``, ``plan_facts``, ``build_report``)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.config import load_rules
from desktop_app.domain.models import Role
from desktop_app.domain.warnings import parse_rules
from desktop_app.paths import TEMPLATES_DIR
from desktop_app.services import build_report, compute_warnings, read_models, run_assessment
from desktop_app.services.plan_facts import PlanFacts
from tests.unit.services.plan_builder import PlanBuilder

D = dt.date
AS_OF = D(2025, 10, 20)


@pytest.fixture
def plan(db):
    b = PlanBuilder(db)
    for code in ("LEAD", "LEAD2", "COOP", "S1", "S2"):
        b.dept(code)
    b.dept("STREETS", "各街镇", kind="placeholder", members=("S1", "S2"))
    top = db["section"].insert({"plan_id": b.plan_id, "seq": 0, "number": "一、", "title_zh": "重点任务",
                                "title_en": "Key tasks"}).last_pk
    sub = db["section"].insert({"plan_id": b.plan_id, "parent_id": top, "seq": 1, "number": "（一）",
                                "title_zh": "能源", "title_en": "Energy"}).last_pk
    b.months(2025, 1, 9)
    b.task("1", "LEAD", ("COOP",))
    b.task("2", "LEAD", ("COOP",))
    b.task("3", "STREETS")                    # a placeholder group leads: its members report
    b.task("4", None, ("COOP",))              # no lead unit at all
    b.task("5", "LEAD", due=None)             # no due date, no milestone, no report
    b.task("6", "LEAD2")                      # its lead never reports anything
    db.execute("UPDATE task SET section_id = ? WHERE code IN ('1', '2')", [sub])
    db.execute("UPDATE task SET section_id = ? WHERE code = '3'", [top])
    # 1: the lead reported August; the cooperating unit's September report is newer
    b.report("1", "LEAD", "2025-08", 46, "2025-09-05")
    b.report("1", "COOP", "2025-09", 37, "2025-10-08", status="delayed")
    # 2: a revision of September (version 2) received after the as-of date is not yet known
    b.report("2", "LEAD", "2025-09", 50, "2025-10-05")
    b.report("2", "LEAD", "2025-09", 100, "2025-10-25", status="completed", version=2)
    # 3: both members of the group report the same month: the first in assignment order is current
    b.report("3", "S1", "2025-09", 20, "2025-10-06")
    b.report("3", "S2", "2025-09", 80, "2025-10-06")
    # 4: only a cooperating unit reports, as completed
    b.report("4", "COOP", "2025-09", 100, "2025-10-06", status="completed")
    b.today("2025-10-20")
    return b


def current(b, on=AS_OF):
    facts = PlanFacts.load(b.db, b.plan_id)
    return {facts.tasks[k].code: v for k, v in read_models.current_progress(facts, on, AS_OF).items()}


def test_current_is_the_lead_units_latest_report_never_a_cooperating_units(plan):
    cur = current(plan)
    assert (cur["1"].status, cur["1"].percent, cur["1"].period, cur["1"].reporter.code) == \
        ("in_progress", 46.0, "2025-08", "LEAD")
    assert [(r.department.code, r.status, r.percent) for r in cur["1"].cooperating] == [("COOP", "delayed", 37.0)]
    assert (cur["2"].status, cur["2"].percent) == ("in_progress", 50.0)       # v2 came after the as-of date
    assert (cur["3"].percent, cur["3"].reporter.code) == (20.0, "S1")
    assert (cur["4"].status, cur["4"].percent) == ("no_data", None)          # a co-operator's "completed"
    assert not cur["5"].reported and cur["5"].status == "no_data"


def test_measured_on_an_earlier_date_sees_the_earlier_period(plan):
    cur = current(plan, on=D(2025, 8, 31))
    assert cur["2"].status == "no_data" and cur["1"].period == "2025-08"


def test_section_roll_up_counts_each_task_in_its_section_and_every_section_above(plan):
    facts = PlanFacts.load(plan.db, plan.plan_id)
    figs = read_models.section_figures(facts, read_models.current_progress(facts, AS_OF, AS_OF))
    by = {f.number: f for f in figs}
    energy, key = by["（一）"], by["一、"]
    assert (energy.tasks, energy.direct_tasks, energy.mean_percent) == (2, 2, 48.0)       # (46 + 50) / 2
    assert (key.tasks, key.direct_tasks, key.depth, energy.depth) == (3, 1, 0, 1)
    assert key.mean_percent == round((46 + 50 + 20) / 3, 1) == 38.7
    outside = by[""]                                        # tasks 4, 5 and 6 have no section
    assert outside.section_id is None and outside.tasks == 3 and outside.no_data == 3 and outside.mean_percent == 0


def test_completed_counts_100_and_no_data_0_in_the_mean():
    ref = read_models.TaskCurrent
    tasks = [ref(1, "a", "completed", 90.0, "2025-09", None), ref(2, "b", "no_data", None, None, None),
             ref(3, "c", "in_progress", 33.3, "2025-09", None)]
    assert read_models.mean_percent(tasks) == round((100 + 0 + 33.3) / 3, 1)


def test_ledger_and_plan_json_use_the_same_current_progress(plan):
    rows = {r.code: r for r in read_models.ledger_rows(plan.db, plan.plan_id)}
    assert (rows["1"].status.value, rows["1"].percent, rows["1"].period) == ("in_progress", 46.0, "2025-08")
    assert rows["4"].status is None and rows["5"].status is None
    shown = {t["code"]: t for t in read_models.plan_json(plan.db, plan.plan_id)["tasks"]}
    assert (shown["1"]["status"], shown["4"]["status"]) == ("in_progress", "no_data")
    assert shown["1"]["cooperating_reports"][0]["department"] == "COOP"


def test_holders_is_an_index_in_assignment_order(plan):
    facts = PlanFacts.load(plan.db, plan.plan_id)
    t3 = next(k for k, t in facts.tasks.items() if t.code == "3")
    t1 = next(k for k, t in facts.tasks.items() if t.code == "1")
    assert [facts.dept(d).code for d in facts.holders(t3, Role.LEAD)] == ["S1", "S2"]
    assert [facts.dept(d).code for d in facts.holders(t1, Role.COOPERATING)] == ["COOP"]
    assert facts.holders(12345, Role.LEAD) == []


def test_reported_in_sees_only_reports_received_by_the_as_of_date(plan):
    facts = PlanFacts.load(plan.db, plan.plan_id)
    lead2 = plan.depts["LEAD2"]
    lead = plan.depts["LEAD"]
    assert facts.reported_in(lead, D(2025, 1, 1), D(2025, 12, 31), AS_OF)
    assert not facts.reported_in(lead, D(2025, 1, 1), D(2025, 12, 31), D(2025, 9, 1))
    assert not facts.reported_in(lead2, D(2025, 1, 1), D(2025, 12, 31), AS_OF)


def test_warnings_and_bulletin_show_the_current_progress(plan):
    result = compute_warnings.compute(plan.db, plan.plan_id, "2025Q3", AS_OF)
    w1 = next(w for w in result.warnings if w.task_code == "1")
    assert (w1.explain["status"], w1.explain["actual"]) == ("in_progress", 46.0)
    data = build_report.gather_monthly(plan.db, plan.plan_id, "2025-09")
    assert data.completed == 0                          # task 4's co-operator said completed: not counted
    energy = next(s for s in data.sections if s.title.zh.startswith("（一）"))
    assert (energy.tasks, energy.mean_percent) == (2, 48.0)
    assert data.mean_percent == read_models.mean_percent(list(current(plan).values()))


def test_bulletin_behind_line_comes_from_the_rule_file(plan, monkeypatch):
    rules = load_rules(TEMPLATES_DIR / "warning_rules.toml")
    assert build_report.behind_threshold(rules) == 15.0
    text = (TEMPLATES_DIR / "warning_rules.toml").read_text(encoding="utf-8").replace("min_points = 15",
                                                                                       "min_points = 60")
    edited = parse_rules(text.replace("min_points = 30", "min_points = 70"))
    assert build_report.behind_threshold(edited) == 60.0
    # task 2 (50 % of an expected ~80 %) is listed at 15 points, not at 60
    monkeypatch.setattr(build_report, "load_rules", lambda: rules)
    assert "2" in {t.code for t in build_report.gather_monthly(plan.db, plan.plan_id, "2025-09").behind}
    monkeypatch.setattr(build_report, "load_rules", lambda: edited)
    assert "2" not in {t.code for t in build_report.gather_monthly(plan.db, plan.plan_id, "2025-09").behind}


def test_bulletin_red_line_comes_from_the_rule_file(plan, monkeypatch):
    """The bulletin's red tasks: a red warning this year, or as far behind as the red "behind" rule says
    (the report used its own 30 before: editing the rule did not change the bulletin)."""
    from desktop_app.reports.monthly import red_tasks

    text = (TEMPLATES_DIR / "warning_rules.toml").read_text(encoding="utf-8")
    assert "min_points = 30" in text
    for red_line, is_red in ((20, True), (45, False)):
        rules = parse_rules(text.replace("min_points = 30", f"min_points = {red_line}"))
        monkeypatch.setattr(build_report, "load_rules", lambda rules=rules: rules)
        data = build_report.gather_monthly(plan.db, plan.plan_id, "2025-09")
        assert data.red_behind_points == red_line
        data.red_tasks = {}                       # leave out this year's red warnings: the line alone
        t2 = next(t for t in data.behind if t.code == "2")
        assert 20 <= (t2.behind_by or 0) < 45
        assert (t2 in red_tasks(data)) is is_red, red_line
    no_red = parse_rules(text.replace('level = "red"', 'level = "yellow"'))
    assert no_red.red_behind_threshold() is None


def test_assessment_flags_the_unit_that_never_reported(plan):
    result = run_assessment.compute(plan.db, plan.plan_id, 2025, AS_OF)
    silent = result.department("LEAD2")
    assert silent is not None and "no_report" in silent.flags and silent.grade == "fail"
    coop = result.department("COOP")
    assert coop is not None and "no_report" not in coop.flags
    lead = result.department("LEAD")
    rows = {t["task"]: t for t in lead.components["progress"].inputs["tasks"]}
    assert rows["5"]["ratio"] == 0.0 and rows["5"]["actual"] is None     # no data is not on track
    reporters = [d for d in result.departments if "no_report" not in d.flags]
    assert all(d.rank <= s.rank for d in reporters for s in result.departments if "no_report" in s.flags)


@pytest.mark.parametrize("on", [D(2025, 8, 31), D(2025, 9, 30), AS_OF])
def test_the_stores_latest_report_query_agrees_with_the_plan_facts(plan, demo_db, on):
    for db, plan_id in ((plan.db, plan.plan_id), (demo_db, 1)):
        facts = PlanFacts.load(db, plan_id)
        assert read_models.load_current(db, plan_id, on, AS_OF)[1] == \
            read_models.current_progress(facts, on, AS_OF)


def test_report_lines_take_the_texts_of_the_version_their_figures_come_from(plan):
    t2 = plan.tasks["2"]
    plan.db.execute("UPDATE progress SET narrative = '第' || version || '版' WHERE task_id = ?", [t2])
    facts = PlanFacts.load(plan.db, plan.plan_id)
    early = build_report.task_lines(plan.db, facts, D(2025, 9, 30), AS_OF)[t2]
    later = build_report.task_lines(plan.db, facts, D(2025, 9, 30), D(2025, 10, 31))[t2]
    assert (early.percent, early.narrative) == (50.0, "第1版")       # v2 arrived after the as-of date
    assert (later.percent, later.narrative) == (100.0, "第2版")
