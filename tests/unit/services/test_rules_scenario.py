"""A small hand-built plan whose warnings and scores are worked out by hand below.

Plan issued 2025-01-01, monthly reports due on the 10th of the following month, "today" pinned to
2025-10-20. Departments A, B, C, street-towns S1 and S2, and the group G (各街镇) = S1 + S2.

    T1  lead A, coop B     2025-01-01 … 12-31   A reports 8 % × month, on time
    T2  lead B, coop A, C  due 2025-06-30       B reports 50 % every month; August's came in late
    T3  lead C             2025-01-01 … 12-31   C never reports
    T4  lead G (S1, S2)    2025-07-01 … 12-31   S1: 10/25/40 %; S2: July missing, 20/30 %
    T5  lead A             2025-01-01 … 12-31   A reports 8 % × month, September 70 % "delayed"
"""

import datetime as dt

import pytest

from desktop_app.services import compute_warnings as cw
from desktop_app.services import run_assessment as ra
from tests.unit.services.plan_builder import PlanBuilder

D = dt.date


@pytest.fixture
def plan(db):
    b = PlanBuilder(db, issued_on="2025-01-01")
    for code in ("A", "B", "C", "S1", "S2"):
        b.dept(code, kind="street_town" if code.startswith("S") else "functional")
    b.dept("G", "各街镇", kind="placeholder", members=("S1", "S2"))
    b.task("T1", "A", ("B",))
    b.task("T2", "B", ("A", "C"), due="2025-06-30")
    b.task("T3", "C")
    b.task("T4", "G", start="2025-07-01")
    b.task("T5", "A")
    b.months(2025, 1, 12)                       # periods for the whole year; Oct–Dec not due yet
    for m in range(1, 10):
        on_time = f"2025-{m + 1:02d}-05"
        b.report("T1", "A", f"2025-{m:02d}", 8 * m, on_time)
        b.report("T5", "A", f"2025-{m:02d}", 70 if m == 9 else 8 * m, on_time,
                 status="delayed" if m == 9 else "in_progress")
        b.report("T2", "B", f"2025-{m:02d}", 50, "2025-09-12" if m == 8 else on_time)
    for m, pct in ((7, 10), (8, 25), (9, 40)):
        b.report("T4", "S1", f"2025-{m:02d}", pct, f"2025-{m + 1:02d}-05")
    for m, pct in ((8, 20), (9, 30)):
        b.report("T4", "S2", f"2025-{m:02d}", pct, f"2025-{m + 1:02d}-05")
    b.today("2025-10-20")
    return b


def levels(result):
    return {(w.task_code, w.department.code): (w.level, w.rule) for w in result.warnings}


def test_q3_warnings_by_hand(db, plan):
    r = cw.compute(db, plan.plan_id, "2025Q3")
    assert r.as_of == D(2025, 10, 20) and r.measured_on == D(2025, 9, 30)
    # expected on 09-30: 100 × 272/364 = 74.7 for year-long tasks, 100 × 91/183 = 49.7 for T4
    assert levels(r) == {
        ("T1", "A"): ("green", "ok"),                    # 74.7 − 72 = 2.7 behind
        ("T2", "B"): ("red", "past_due"),                # due 06-30, 50 %
        ("T3", "C"): ("red", "no_report"),
        ("T4", "S1"): ("green", "ok"),                   # 49.7 − 40 = 9.7
        ("T4", "S2"): ("yellow", "behind_yellow"),       # 49.7 − 30 = 19.7, July missing too
        ("T5", "A"): ("yellow", "status_delayed"),       # 4.7 behind but "delayed"
    }
    assert r.counts == {"green": 2, "yellow": 2, "red": 2}
    t2 = next(w for w in r.warnings if w.task_code == "T2")
    assert [d.code for d in t2.cooperating] == ["A", "C"]
    assert "reports_missing_or_late" in [f.rule for f in t2.fired]          # August came in late
    s2 = next(w for w in r.warnings if w.department.code == "S2")
    assert [f.rule for f in s2.fired] == ["behind_yellow", "reports_missing_or_late"]
    assert s2.explain["expected"]["value"] == pytest.approx(100 * 91 / 183, abs=1e-3)
    assert [x["status"] for x in s2.explain["reports"]] == ["missing", "on_time", "on_time"]
    assert all(w.department.code != "G" for w in r.warnings)                # the group itself never reports


def test_q1_and_q2_by_hand(db, plan):
    q1 = levels(cw.compute(db, plan.plan_id, "2025Q1"))
    q2 = levels(cw.compute(db, plan.plan_id, "2025Q2"))
    # T2 on 03-31: expected 100 × 89/180 = 49.4, actual 50; on 06-30 (its due day): 100 − 50 = 50 behind
    assert q1[("T2", "B")] == ("green", "ok") and q2[("T2", "B")] == ("red", "behind_red")
    assert q1[("T3", "C")] == q2[("T3", "C")] == ("red", "no_report")
    # T4 starts in July: nothing is expected from S1/S2 before, and nothing was reported: "no data"
    # (green, no rule fires), no longer "on track"
    assert q1[("T4", "S2")] == q2[("T4", "S2")] == ("green", "no_data")
    assert q1[("T5", "A")] == q2[("T5", "A")] == ("green", "ok")


def test_2025_assessment_by_hand(db, plan):
    ra.set_evaluation(db, plan.plan_id, 2025, "A", 9)
    ra.set_evaluation(db, plan.plan_id, 2025, "B", 8, "配合积极")
    ra.set_evaluation(db, plan.plan_id, 2025, "S1", 10)
    ra.add_adjustment(db, plan.plan_id, 2025, "A", 3, "省级试点示范")
    ra.add_adjustment(db, plan.plan_id, 2025, "C", -2, "报送材料不实")
    r = ra.compute(db, plan.plan_id, 2025)
    assert r.as_of == D(2025, 10, 20) and not r.locked

    year = 100 * 292 / 364          # expected on 10-20 for a year-long task
    t4 = 100 * 111 / 183            # T4 from 07-01
    progress = {
        "A": 60 * (72 / year + 70 / year + 0.3 * 0.5) / 2.3,    # T1, T5 lead; T2 cooperating (B's 50 %)
        "B": 60 * (0.5 + 0.3 * 72 / year) / 1.3,                # T2 lead 50/100; T1 cooperating (A's 72 %)
        "C": 60 * (0 + 0.3 * 0.5) / 1.3,                        # T3 never reported; T2 cooperating
        "S1": 60 * (40 / t4),
        "S2": 60 * (30 / t4),
    }
    reporting = {"A": 20, "B": 20 - 2, "C": 0, "S1": 20, "S2": 20 - 5}   # C: 9 missing; S2: July missing
    warnings = {"A": 10 - 2, "B": 10 - 4 - 4, "C": 0, "S1": 10, "S2": 10 - 2}  # B: red Q2+Q3; C: red ×3
    evaluation = {"A": 9, "B": 8, "C": 0, "S1": 10, "S2": 0}
    adjustments = {"A": 3, "B": 0, "C": -2, "S1": 0, "S2": 0}
    for code in progress:
        d = r.department(code)
        assert d is not None, code
        # the scheme rounds once, to 1 decimal
        assert d.scores == pytest.approx({"progress": round(progress[code], 1), "reporting": reporting[code],
                                          "warnings": warnings[code], "evaluation": evaluation[code],
                                          "adjustments": adjustments[code]}), code
        assert d.total == pytest.approx(round(round(progress[code], 1) + reporting[code] + warnings[code]
                                              + evaluation[code] + adjustments[code], 1))
    totals = {c: r.department(c).total for c in progress}
    assert totals["A"] == pytest.approx(90.1)
    assert [d.department.code for d in r.departments] == sorted(totals, key=lambda c: -totals[c])
    assert {d.department.code: d.grade for d in r.departments} == {
        "A": "excellent", "B": "pass", "C": "fail", "S1": "pass", "S2": "fail"}   # B: 35.5 + 18 + 2 + 8 = 63.5
    # C sent nothing all year: flagged, ranked last among the units that reported or not at all
    assert r.department("C").flags == ["evaluation_missing", "no_report"]
    assert r.department("S2").flags == ["evaluation_missing"]
    assert r.department("C").rank == len(r.departments)
    assert [q["quarter"] for q in r.quarters] == ["2025Q1", "2025Q2", "2025Q3"]   # Q4 not over yet
    a = r.department("A")
    assert [i["reason"] for i in a.components["adjustments"].inputs["items"]] == ["省级试点示范"]
    assert a.components["warnings"].inputs["warnings"] == [{"quarter": "2025Q3", "task_code": "T5",
                                                            "level": "yellow"}]


def test_as_of_sees_only_what_had_arrived(db, plan):
    plan.report("T3", "C", "2025-09", 60, "2025-10-15")          # C finally reports, late
    before = levels(cw.compute(db, plan.plan_id, "2025Q3", as_of=D(2025, 10, 12)))
    after = levels(cw.compute(db, plan.plan_id, "2025Q3", as_of=D(2025, 10, 20)))
    assert before[("T3", "C")] == ("red", "no_report")
    assert after[("T3", "C")] == ("yellow", "reports_missing_or_late")   # 14.7 behind, Jul/Aug missing, Sep late
    # as of 10-08 September is not due yet: only July and August are judged for S2
    early = cw.compute(db, plan.plan_id, "2025Q3", as_of=D(2025, 10, 8))
    s2 = next(w for w in early.warnings if w.department.code == "S2")
    assert [x["status"] for x in s2.explain["reports"]] == ["missing", "on_time", "on_time"]
    # S2's September report was received on 10-05, before 10-08: it counts, on time


def test_acknowledge_and_publish_freeze_the_quarter(db, plan):
    cw.acknowledge(db, plan.plan_id, "2025Q3", "T3", "C", "已电话督办")
    live = cw.compute(db, plan.plan_id, "2025Q3")
    t3 = next(w for w in live.warnings if w.task_code == "T3")
    assert t3.acknowledged and t3.ack_note == "已电话督办"

    published, change = cw.publish(db, plan.plan_id, "2025Q3")
    assert published.published and change.warnings
    plan.report("T3", "C", "2025-09", 80, "2025-10-21")           # a later edit
    frozen = cw.compute(db, plan.plan_id, "2025Q3", as_of=D(2025, 12, 31))
    assert frozen.published and levels(frozen) == levels(published)
    assert frozen.as_of == D(2025, 10, 20)
    assert next(w for w in frozen.warnings if w.task_code == "T3").ack_note == "已电话督办"
    with pytest.raises(cw.AlreadyPublished, match="already published"):
        cw.publish(db, plan.plan_id, "2025Q3")
    # the catch-up shows in a later quarter
    q4 = levels(cw.compute(db, plan.plan_id, "2025Q4", as_of=D(2025, 10, 25)))
    assert q4[("T3", "C")] == ("green", "ok")        # 80 % against 100 × 297/364 = 81.6 expected
    audit = [r[0] for r in db.execute("SELECT action FROM audit_log WHERE action LIKE 'warning.%' ORDER BY id")]
    assert audit == ["warning.ack", "warning.publish"]


def test_published_quarter_feeds_the_assessment(db, plan):
    cw.publish(db, plan.plan_id, "2025Q3")
    plan.report("T5", "A", "2025-09", 75, "2025-10-12", status="in_progress", version=2)
    r = ra.compute(db, plan.plan_id, 2025, as_of=D(2025, 10, 20))
    assert r.department("A").scores["warnings"] == 8          # the published yellow still counts
    assert [q["published"] for q in r.quarters] == [False, False, True]


def test_locked_year_keeps_its_snapshot_and_refuses_edits(db, plan):
    from desktop_app.domain.scoring import Scheme

    ra.set_evaluation(db, plan.plan_id, 2025, "A", 9)
    locked, _ = ra.lock(db, plan.plan_id, 2025)
    assert locked.locked and locked.locked_at
    with pytest.raises(ra.YearLocked, match="locked") as err:
        ra.set_evaluation(db, plan.plan_id, 2025, "A", 5)
    assert "锁定" in err.value.message_zh
    with pytest.raises(ra.YearLocked):
        ra.add_adjustment(db, plan.plan_id, 2025, "B", 1, "x")
    with pytest.raises(ra.YearLocked):
        ra.lock(db, plan.plan_id, 2025)
    plan.report("T3", "C", "2025-09", 100, "2025-10-19", status="completed", version=1)
    again = ra.compute(db, plan.plan_id, 2025, scheme=Scheme(progress_max=10))
    assert again.locked and again.to_json() == locked.to_json()
    assert again.scheme.progress_max == 60
    assert again.department("A").components["progress"].formula_en == locked.department("A").components["progress"].formula_en


def test_input_checks(db, plan):
    from desktop_app.errors import UsageError

    with pytest.raises(UsageError, match="between 0 and 10"):
        ra.set_evaluation(db, plan.plan_id, 2025, "A", 11)
    with pytest.raises(UsageError, match="within ±5"):
        ra.add_adjustment(db, plan.plan_id, 2025, "A", 5.5, "too much")
    with pytest.raises(UsageError, match="reason"):
        ra.add_adjustment(db, plan.plan_id, 2025, "A", 2, "  ")
    with pytest.raises(UsageError, match="no department"):
        ra.set_evaluation(db, plan.plan_id, 2025, "ZZ", 5)
    with pytest.raises(UsageError, match="not a quarter"):
        cw.compute(db, plan.plan_id, "2025-09")
    with pytest.raises(UsageError, match="no task"):
        cw.acknowledge(db, plan.plan_id, "2025Q3", "T9", "A")
    new_id, _ = ra.add_adjustment(db, plan.plan_id, 2025, "A", 2, "ok")
    ra.remove_adjustment(db, new_id)
    assert ra.compute(db, plan.plan_id, 2025).department("A").scores["adjustments"] == 0
    ra.set_evaluation(db, plan.plan_id, 2025, "A", 7)
    ra.set_evaluation(db, plan.plan_id, 2025, "A", None)
    assert "evaluation_missing" in ra.compute(db, plan.plan_id, 2025).department("A").flags
