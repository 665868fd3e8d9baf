import datetime as dt

import pytest

from desktop_app.domain.expected import Milestone, expected_progress, prorated_fraction

D = dt.date


def test_linear_from_start_to_due():
    e = expected_progress(D(2025, 7, 2), start=D(2025, 1, 1), due=D(2025, 12, 31))
    assert e.method == "linear" and e.start_source == "task"
    assert e.percent == pytest.approx(100 * 182 / 364, abs=1e-3)
    assert "182/364" in e.formula_en and "182/364" in e.formula_zh


@pytest.mark.parametrize(("as_of", "expected"), [
    (D(2024, 12, 1), 0.0),      # before the start
    (D(2025, 1, 1), 0.0),       # the start day
    (D(2025, 12, 31), 100.0),   # due today
    (D(2026, 3, 1), 100.0),     # after the due date
])
def test_linear_edges(as_of, expected):
    assert expected_progress(as_of, start=D(2025, 1, 1), due=D(2025, 12, 31)).percent == expected


def test_no_start_date_uses_the_plans_issue_date():
    e = expected_progress(D(2025, 4, 1), start=None, due=D(2025, 12, 31), plan_issued_on=D(2025, 1, 1))
    assert e.start == D(2025, 1, 1) and e.start_source == "plan"
    assert e.percent == pytest.approx(100 * 90 / 364, abs=1e-3)
    assert "issue date" in e.formula_en


def test_no_start_anywhere_is_a_step_at_the_due_date():
    assert expected_progress(D(2025, 6, 1), start=None, due=D(2025, 12, 31)).percent == 0.0
    assert expected_progress(D(2025, 12, 31), start=None, due=D(2025, 12, 31)).percent == 100.0


def test_no_due_date_expects_nothing():
    e = expected_progress(D(2025, 6, 1), start=D(2025, 1, 1), due=None)
    assert e.percent is None and e.method == "none"


def test_milestones_are_interpolated():
    ms = [Milestone(D(2025, 3, 31), 10.0), Milestone(D(2025, 9, 30), 70.0)]
    start, due = D(2025, 1, 1), D(2025, 12, 31)
    e = expected_progress(D(2025, 6, 30), start=start, due=due, milestones=ms)
    assert e.method == "milestones"
    assert e.percent == pytest.approx(10 + 60 * 91 / 183, abs=1e-3)
    assert expected_progress(D(2025, 2, 14), start=start, due=due, milestones=ms).percent == \
        pytest.approx(10 * 44 / 89, abs=1e-3)
    assert expected_progress(D(2025, 9, 30), start=start, due=due, milestones=ms).percent == 70.0
    # after the last milestone the path runs on to 100 % at the due date
    assert expected_progress(D(2025, 12, 31), start=start, due=due, milestones=ms).percent == 100.0


def test_milestones_order_does_not_matter_and_before_first_is_zero_without_start():
    ms = [Milestone(D(2025, 9, 30), 70.0), Milestone(D(2025, 3, 31), 10.0)]
    assert expected_progress(D(2025, 1, 15), start=None, due=None, milestones=ms).percent == 0.0
    assert expected_progress(D(2025, 12, 1), start=None, due=None, milestones=ms).percent == 70.0


def test_prorated_fraction():
    assert prorated_fraction(D(2025, 7, 2), D(2025, 1, 1), D(2025, 12, 31)) == pytest.approx(0.5)
    assert prorated_fraction(D(2030, 1, 1), D(2025, 1, 1), D(2025, 12, 31)) == 1.0
    assert prorated_fraction(D(2020, 1, 1), D(2025, 1, 1), D(2025, 12, 31)) == 0.0
    assert prorated_fraction(D(2025, 1, 1), None, D(2025, 12, 31)) is None


def test_expected_progress_never_reads_the_clock(monkeypatch):
    class Frozen(dt.date):
        @classmethod
        def today(cls):
            raise AssertionError("the wall clock was read")

    import desktop_app.domain.expected as mod

    monkeypatch.setattr(mod.dt, "date", Frozen)
    assert expected_progress(D(2025, 7, 2), start=D(2025, 1, 1), due=D(2025, 12, 31)).percent == pytest.approx(50)
