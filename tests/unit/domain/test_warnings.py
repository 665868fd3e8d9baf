"""Every warning rule and its boundaries, on facts built by hand (no database)."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from desktop_app.config import load_rules
from desktop_app.domain.expected import Expectation, expected_progress
from desktop_app.domain.models import DeptRef
from desktop_app.domain.warnings import (
    PeriodReport,
    TargetFacts,
    TaskFacts,
    TaskWarning,
    evaluate,
    parse_rules,
)
from desktop_app.errors import InputRejected
from desktop_app.paths import TEMPLATES_DIR

D = dt.date
RULES = load_rules(TEMPLATES_DIR / "warning_rules.toml")
ON_TIME = tuple(PeriodReport(f"2025-{m:02d}", D(2025, m + 1, 10), "on_time", D(2025, m + 1, 5)) for m in (7, 8, 9))


def expect(percent: float | None) -> Expectation:
    return Expectation(percent, "linear", D(2025, 9, 30), D(2025, 1, 1), D(2025, 12, 31))


def facts(**kw) -> TaskFacts:
    base = dict(task_code="1.1", title_zh="推进光伏", title_en="Solar", department=DeptRef("DRC", "区发展改革委", "DRC"),
                cooperating=(DeptRef("EC", "区经委", "EC"),), quarter="2025Q3", as_of=D(2025, 10, 20),
                measured_on=D(2025, 9, 30), due=D(2025, 12, 31), expectation=expect(70.0), actual=70.0,
                actual_period="2025-09", status="in_progress", reports=ON_TIME, targets=())
    base.update(kw)
    return TaskFacts(**base)


def test_on_track_is_green_with_a_reason_in_both_languages():
    w = evaluate(facts(), RULES)
    assert (w.level, w.rule) == ("green", "ok")
    assert "70" in w.reason_zh and "On track" in w.reason_en
    assert w.cooperating[0].code == "EC" and w.department.code == "DRC"


@pytest.mark.parametrize(("actual", "level", "rule"), [
    (55.1, "green", "ok"),              # 14.9 points behind
    (55.0, "yellow", "behind_yellow"),  # exactly 15
    (40.1, "yellow", "behind_yellow"),  # 29.9
    (40.0, "red", "behind_red"),        # exactly 30
    (0.0, "red", "behind_red"),
])
def test_behind_thresholds(actual, level, rule):
    w = evaluate(facts(actual=actual), RULES)
    assert (w.level, w.rule) == (level, rule)


def test_behind_boundary_survives_float_noise():
    # 0.1 + 0.2 style noise must not move a task across the 15-point line
    assert 16.4 - 1.4 < 15
    w = evaluate(facts(expectation=expect(16.4), actual=1.4), RULES)
    assert w.rule == "behind_yellow"


def test_due_today_is_not_past_due_but_the_day_after_is():
    due = D(2025, 9, 30)
    today = facts(due=due, measured_on=due, expectation=expect(100.0), actual=90.0)
    assert evaluate(today, RULES).level == "green"
    after = facts(due=D(2025, 9, 29), measured_on=due, expectation=expect(100.0), actual=90.0)
    w = evaluate(after, RULES)
    assert (w.level, w.rule) == ("red", "past_due")
    assert "2025-09-29" in w.reason_zh and "90" in w.reason_en


def test_no_start_date_uses_plan_issue_date_in_the_expectation():
    e = expected_progress(D(2025, 9, 30), start=None, due=D(2025, 12, 31), plan_issued_on=D(2025, 7, 1))
    w = evaluate(facts(expectation=e, actual=10.0), RULES)   # expected 1/2 → 50 - 10 = 40 behind
    assert w.level == "red" and w.explain["expected"]["start_source"] == "plan"


def test_no_due_date_means_nothing_is_behind():
    e = expected_progress(D(2025, 9, 30), start=D(2025, 1, 1), due=None)
    assert evaluate(facts(due=None, expectation=e, actual=0.0), RULES).level == "green"


def test_no_reports_at_all_is_red():
    missing = tuple(dataclasses.replace(r, status="missing", received=None) for r in ON_TIME)
    w = evaluate(facts(actual=None, status=None, actual_period=None, reports=missing), RULES)
    assert (w.level, w.rule) == ("red", "no_report")
    assert "2025-07" in w.reason_en
    fired = [f.rule for f in w.fired]
    assert fired[0] == "no_report" and "reports_missing_or_late" in fired


def test_no_report_waits_until_a_report_is_due():
    not_due = tuple(dataclasses.replace(r, status="not_due", received=None) for r in ON_TIME)
    w = evaluate(facts(actual=70.0, reports=not_due), RULES)
    assert w.level == "green"


def test_never_reported_counts_as_zero_percent():
    w = evaluate(facts(actual=None, expectation=expect(20.0)), RULES)
    assert w.rule == "behind_yellow" and w.explain["behind_points"] == 20.0


@pytest.mark.parametrize("status", ["missing", "late"])
def test_one_monthly_report_missing_or_late_is_yellow(status):
    reports = (ON_TIME[0], dataclasses.replace(ON_TIME[1], status=status,
                                                received=None if status == "missing" else D(2025, 9, 20)), ON_TIME[2])
    w = evaluate(facts(reports=reports), RULES)
    assert (w.level, w.rule) == ("yellow", "reports_missing_or_late")
    assert "2025-08" in w.reason_en and "2025-08" in w.reason_zh


def test_status_delayed_is_yellow():
    w = evaluate(facts(status="delayed"), RULES)
    assert (w.level, w.rule) == ("yellow", "status_delayed")
    assert "滞后" in w.reason_zh and "Delayed" in w.reason_en


def _target(**kw) -> TargetFacts:
    base = dict(metric="光伏装机", unit="万千瓦", direction="at_least", baseline=10.0, value=20.0,
                path_start=D(2024, 12, 31), path_end=D(2025, 12, 31), indicator=None)
    base.update(kw)
    return TargetFacts(**base)


def test_quantitative_target_below_pro_rated_path_is_yellow():
    # path on 2025-09-30: 10 + 10 × 273/365 = 17.48
    w = evaluate(facts(targets=(_target(indicator=17.0),)), RULES)
    assert (w.level, w.rule) == ("yellow", "target_below_path")
    assert "17.48" in w.reason_en or "17.5" in w.reason_en
    assert evaluate(facts(targets=(_target(indicator=17.5),)), RULES).level == "green"
    assert evaluate(facts(targets=(_target(indicator=None),)), RULES).level == "green"


def test_at_most_target_is_behind_when_above_its_path():
    t = _target(direction="at_most", baseline=100.0, value=80.0)   # path on 09-30: 85.04
    assert evaluate(facts(targets=(dataclasses.replace(t, indicator=90.0),)), RULES).rule == "target_below_path"
    assert evaluate(facts(targets=(dataclasses.replace(t, indicator=85.0),)), RULES).level == "green"


def test_completed_task_is_green_whatever_else():
    missing = tuple(dataclasses.replace(r, status="missing", received=None) for r in ON_TIME)
    w = evaluate(facts(status="completed", actual=100.0, due=D(2025, 6, 30), reports=missing), RULES)
    assert (w.level, w.rule) == ("green", "completed")


def test_red_beats_yellow_and_the_first_rule_in_file_order_is_shown():
    w = evaluate(facts(actual=30.0, status="delayed"), RULES)    # 40 behind + delayed
    assert (w.level, w.rule) == ("red", "behind_red")
    assert [f.rule for f in w.fired] == ["behind_red", "behind_yellow", "status_delayed"]


def test_warning_round_trips_through_its_dict():
    w = evaluate(facts(actual=30.0), RULES)
    again = TaskWarning.from_dict(w.to_dict())
    assert again.to_dict() == w.to_dict()
    assert w.to_json("zh")["reason"] == w.reason_zh


# -- the rules file --------------------------------------------------------------------------------

def _edited(old: str, new: str) -> str:
    text = (TEMPLATES_DIR / "warning_rules.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_thresholds_are_editable():
    rules = parse_rules(_edited("min_points = 15", "min_points = 25"))
    assert evaluate(facts(actual=50.0), rules).level == "green"        # 20 behind: no longer yellow
    rules = parse_rules(_edited('statuses = ["delayed"]', 'statuses = ["delayed", "suspended"]'))
    assert evaluate(facts(status="suspended"), rules).rule == "status_delayed"


def test_a_rule_can_be_disabled():
    rules = parse_rules(_edited('id = "status_delayed"', 'id = "status_delayed"\nenabled = false'))
    assert evaluate(facts(status="delayed"), rules).level == "green"


def test_syntax_error_names_file_and_line(tmp_path: Path):
    path = tmp_path / "warning_rules.toml"
    text = _edited("min_points = 30", "min_points = = 30")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "= = 30" in ln)
    with pytest.raises(InputRejected) as err:
        load_rules(path)
    assert err.value.problems[0].line == line
    assert str(path) in str(err.value) and f"line {line}" in str(err.value)
    assert "预警规则" in err.value.message_zh


def test_wrong_type_names_the_key_and_its_line():
    text = _edited("min_points = 15", 'min_points = "fifteen"')
    with pytest.raises(InputRejected) as err:
        parse_rules(text, "rules.toml")
    p = err.value.problems[0]
    assert p.message.startswith("rule[3].min_points") and "number" in p.message
    assert p.line == next(i for i, ln in enumerate(text.splitlines(), 1) if '"fifteen"' in ln)


@pytest.mark.parametrize(("old", "new", "key", "words"), [
    ('level = "red"', 'level = "orange"', "rule[0].level", "one of"),
    ("min_points = 30", "min_point = 30", "rule[2].min_point", "unknown key"),
    ('statuses = ["delayed"]', 'statuses = ["late"]', "rule[4].statuses", "unknown status"),
    ("{behind} points", "{behnd} points", "rule[2].reason_en", "placeholder"),
    ("count_late = true", "count_late = 1", "rule[5].count_late", "true or false"),
    ("completed_is_green = true", "completed_is_green = 1", "general.completed_is_green", "true or false"),
])
def test_invalid_values_name_the_key(old, new, key, words):
    with pytest.raises(InputRejected) as err:
        parse_rules(_edited(old, new), "rules.toml")
    messages = [p.message for p in err.value.problems]
    assert any(m.startswith(key) and words in m for m in messages), messages
    assert all(p.line for p in err.value.problems)


def test_behind_rule_needs_its_threshold():
    with pytest.raises(InputRejected, match=r"rule\[2\].min_points: is missing"):
        parse_rules(_edited("min_points = 30\n", ""))


def test_user_copy_takes_precedence(tmp_path, monkeypatch):
    from desktop_app import config as mod
    from desktop_app.paths import user_templates_dir

    user = user_templates_dir()
    user.mkdir(parents=True, exist_ok=True)
    (user / "warning_rules.toml").write_text(_edited("min_points = 15", "min_points = 5"), encoding="utf-8")
    rules = mod.load_rules()
    assert [r.min_points for r in rules.rules if r.id == "behind_yellow"] == [5.0]
    assert rules.source.endswith("warning_rules.toml") and str(user) in rules.source


def test_a_task_nobody_reported_on_is_no_data_not_on_track():
    # no report, nothing expected, no reporting period due yet: no rule fires, but it is not "on track"
    w = evaluate(facts(expectation=Expectation(None, "none", D(2025, 9, 30), None, None), due=None, actual=None,
                       actual_period=None, status=None, reports=()), RULES)
    assert (w.level, w.rule) == ("green", "no_data")
    assert "无数据" in w.reason_zh and "No data" in w.reason_en
    # reported and on track: still the ordinary green light
    assert evaluate(facts(), RULES).rule == "ok"
