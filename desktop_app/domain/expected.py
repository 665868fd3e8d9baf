"""Expected progress of a task at an "as of" date (pure; never reads the clock).

A task is expected to move linearly from 0 % at its start (the plan's issue date when the task has
none) to 100 % at its due date. When the coordinator gave the task milestones (date + expected
percent), the expectation follows them instead: piecewise-linear through the start (0 %), the
milestones and the due date (100 %). Every result carries how it was obtained, so a view can show
"expected 45 % = 100 × 82 / 182 days" on hover.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    percent: float


@dataclass(frozen=True)
class Expectation:
    """``percent`` is None when nothing can be expected (no due date and no milestones)."""

    percent: float | None
    method: str                      # 'linear' | 'milestones' | 'none'
    as_of: dt.date
    start: dt.date | None
    due: dt.date | None
    start_source: str = "task"       # 'task' | 'plan' | 'none'
    points: tuple[tuple[dt.date, float], ...] = ()
    formula_zh: str = ""
    formula_en: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)

    def explain(self) -> dict[str, Any]:
        return {
            "value": self.percent,
            "method": self.method,
            "as_of": self.as_of.isoformat(),
            "start": self.start.isoformat() if self.start else None,
            "start_source": self.start_source,
            "due": self.due.isoformat() if self.due else None,
            "milestones": [[d.isoformat(), p] for d, p in self.points],
            "formula_zh": self.formula_zh,
            "formula_en": self.formula_en,
        }


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _interpolate(points: list[tuple[dt.date, float]], as_of: dt.date) -> tuple[float, str, str]:
    """Piecewise-linear value at ``as_of`` through sorted (date, percent) points."""
    first_day, first_value = points[0]
    if as_of < first_day:
        return 0.0, f"早于首个节点 {first_day}：0%", f"before the first point {first_day}: 0%"
    if as_of >= points[-1][0]:
        value = points[-1][1]
        return value, f"已过最后节点 {points[-1][0]}：{_fmt(value)}%", f"after the last point {points[-1][0]}: {_fmt(value)}%"
    for (d0, p0), (d1, p1) in zip(points, points[1:], strict=False):
        if d0 <= as_of <= d1:
            span = (d1 - d0).days
            done = (as_of - d0).days
            value = p0 + (p1 - p0) * done / span if span else p1
            zh = f"{_fmt(p0)}% + ({_fmt(p1)}% − {_fmt(p0)}%) × {done}/{span} 天（{d0} 至 {d1}）= {_fmt(value)}%"
            en = f"{_fmt(p0)}% + ({_fmt(p1)}% − {_fmt(p0)}%) × {done}/{span} days ({d0} to {d1}) = {_fmt(value)}%"
            return value, zh, en
    raise AssertionError("unreachable: as_of lies between the first and last point")


def expected_progress(as_of: dt.date, *, start: dt.date | None, due: dt.date | None,
                      plan_issued_on: dt.date | None = None,
                      milestones: tuple[Milestone, ...] | list[Milestone] = ()) -> Expectation:
    """Expected percent complete (0–100) at ``as_of``."""
    start_source = "task" if start else ("plan" if plan_issued_on else "none")
    begin = start or plan_issued_on
    if milestones:
        ms = sorted(milestones, key=lambda m: m.date)
        points: list[tuple[dt.date, float]] = [(m.date, float(m.percent)) for m in ms]
        if begin and begin < points[0][0]:
            points.insert(0, (begin, 0.0))
        if due and due > points[-1][0] and points[-1][1] < 100:
            points.append((due, 100.0))
        value, zh, en = _interpolate(points, as_of)
        return Expectation(round(value, 4), "milestones", as_of, begin, due, start_source, tuple(points),
                           "按节点计划插值：" + zh, "interpolated along the milestones: " + en)
    if due is None:
        return Expectation(None, "none", as_of, begin, None, start_source, (),
                           "无完成时限、无节点，不计算预期进度", "no due date and no milestones: nothing is expected")
    if begin is None or begin >= due:
        value = 100.0 if as_of >= due else 0.0
        return Expectation(value, "linear", as_of, begin, due, start_source, (),
                           f"无有效开始日期：到期日 {due} 前 0%，当日及之后 100%",
                           f"no usable start date: 0% before the due date {due}, 100% from it")
    points = [(begin, 0.0), (due, 100.0)]
    if as_of <= begin:
        value = 0.0
        zh, en = f"尚未开始（开始 {begin}）：0%", f"not started yet (start {begin}): 0%"
    elif as_of >= due:
        value = 100.0
        zh, en = f"已到完成时限 {due}：100%", f"due date {due} reached: 100%"
    else:
        total = (due - begin).days
        done = (as_of - begin).days
        value = 100.0 * done / total
        zh = f"100% × {done}/{total} 天（{begin} 至 {due}）= {_fmt(value)}%"
        en = f"100% × {done}/{total} days ({begin} to {due}) = {_fmt(value)}%"
    src_zh = "（开始日期取方案印发日）" if start_source == "plan" else ""
    src_en = " (start = the plan's issue date)" if start_source == "plan" else ""
    return Expectation(round(value, 4), "linear", as_of, begin, due, start_source, tuple(points),
                       "线性：" + zh + src_zh, "linear: " + en + src_en)


def prorated_fraction(as_of: dt.date, start: dt.date | None, end: dt.date | None) -> float | None:
    """Share of the way from ``start`` to ``end`` at ``as_of`` (0–1), None when undefined."""
    if start is None or end is None:
        return None
    if end <= start:
        return 1.0 if as_of >= end else 0.0
    return min(1.0, max(0.0, (as_of - start).days / (end - start).days))
