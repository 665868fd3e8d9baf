"""Quarterly early warning (季预警): rules as data, evaluated per task and lead department.

The rules live in ``report_templates/warning_rules.toml`` (a user copy in the user templates folder
takes precedence). Each rule has an id, a kind (what it looks at), a level (red or yellow), its
thresholds and a reason template in Chinese and English. A task's level is the most severe level
among the rules that fire; the first of those rules in file order is "the rule" shown, and every
rule that fired is kept for the detail pane. Completed tasks are green.

Pure: the service gathers the facts (``TaskFacts``); nothing here reads the database or the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.expected import Expectation, prorated_fraction
from desktop_app.domain.models import STATUS_LABELS, DeptRef, Direction, Status
from desktop_app.domain.tomlconf import Checker, parse_toml, template_checker
from desktop_app.messages import Msg

RULES_FILE = "warning_rules.toml"
WHAT = Msg("config.what.rules")   # not msg(): no catalogue read at import time

LEVELS = ("green", "yellow", "red")
SEVERITY = {level: i for i, level in enumerate(LEVELS)}
LEVEL_LABELS = {"green": ("绿灯", "Green"), "yellow": ("黄灯", "Yellow"), "red": ("红灯", "Red")}

# Placeholders every reason template may use, and those each kind adds.
COMMON_FIELDS = {"task", "title", "department", "quarter", "as_of", "due", "actual", "expected", "behind",
                 "status"}
KIND_FIELDS: dict[str, set[str]] = {
    "past_due": set(),
    "behind": {"threshold"},
    "no_report": {"periods"},
    "status": set(),
    "reports": {"months", "count", "missing", "late"},
    "target_path": {"metric", "indicator", "path", "target", "unit"},
}
KIND_PARAMS: dict[str, set[str]] = {
    "past_due": set(),
    "behind": {"min_points"},
    "no_report": set(),
    "status": {"statuses"},
    "reports": {"count_missing", "count_late", "min_count"},
    "target_path": {"tolerance_percent"},
}
RULE_KEYS = {"id", "kind", "level", "enabled", "reason_zh", "reason_en", "description"}
GENERAL_KEYS = {"completed_is_green", "green_reason_zh", "green_reason_en", "completed_reason_zh",
                "completed_reason_en", "no_data_reason_zh", "no_data_reason_en", "repeatedly_late"}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    level: str
    reason_zh: str
    reason_en: str
    enabled: bool = True
    min_points: float = 0.0
    statuses: tuple[str, ...] = ()
    count_missing: bool = True
    count_late: bool = True
    min_count: int = 1
    tolerance_percent: float = 0.0
    description: str = ""

    def params(self) -> dict[str, Any]:
        return {k: getattr(self, k) if k != "statuses" else list(self.statuses) for k in KIND_PARAMS[self.kind]}


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    completed_is_green: bool = True
    green_reason_zh: str = "进度正常"
    green_reason_en: str = "On track"
    completed_reason_zh: str = "任务已完成"
    completed_reason_en: str = "Task completed"
    no_data_reason_zh: str = "无数据：牵头单位尚未报送进展，不能判定为进度正常"
    no_data_reason_en: str = "No data: the lead unit has not reported, so the task is not counted as on track"
    repeatedly_late: int = 3         # late or missing in this many months of the year: named in the bulletin
    source: str = ""

    def behind_threshold(self) -> float | None:
        """The smallest gap (percentage points) at which an enabled ``behind`` rule fires: the line
        from which a task counts as behind schedule everywhere (warnings and the monthly bulletin)."""
        return min((r.min_points for r in self.rules if r.enabled and r.kind == "behind"), default=None)

    def red_behind_threshold(self) -> float | None:
        """The smallest gap at which an enabled red ``behind`` rule fires: from there the monthly bulletin
        counts a task among its red tasks (as the quarter's warnings would); None when no such rule."""
        return min((r.min_points for r in self.rules if r.enabled and r.kind == "behind" and r.level == "red"),
                   default=None)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "general": {k: getattr(self, k) for k in sorted(GENERAL_KEYS)},
            "rules": [{"id": r.id, "kind": r.kind, "level": r.level, "enabled": r.enabled,
                       "reason_zh": r.reason_zh, "reason_en": r.reason_en, **r.params()} for r in self.rules],
        }


def parse_rules(text: str, path: Path | str = "<text>") -> RuleSet:
    return rules_from_dict(parse_toml(text, path, WHAT), text, path)


def rules_from_dict(data: dict[str, Any], text: str, path: Path | str,
                    fallbacks: Sequence[tuple[Path | str, str]] = ()) -> RuleSet:
    ck = Checker(path, text, fallbacks)
    ck.unknown_keys(data, {"format", "general", "rule"}, "")
    ck.integer(data, "format", "format", 1, lo=1)
    general = ck.table(data, "general", "general")
    ck.unknown_keys(general, GENERAL_KEYS, "general")
    green_check = template_checker(COMMON_FIELDS)
    gen = {
        "completed_is_green": ck.boolean(general, "completed_is_green", "general.completed_is_green", True),
        "repeatedly_late": ck.integer(general, "repeatedly_late", "general.repeatedly_late", 3, lo=1),
        **{k: ck.string(general, k, f"general.{k}", str(RuleSet.__dataclass_fields__[k].default), check=green_check)
           for k in sorted(GENERAL_KEYS - {"completed_is_green", "repeatedly_late"})},
    }
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not all(isinstance(r, dict) for r in raw_rules):
        ck.problem("rule", "must be written as [[rule]] tables")
        raw_rules = []
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        p = f"rule[{i}]"
        kind = ck.string(raw, "kind", f"{p}.kind", "", required=True, choices=tuple(KIND_PARAMS))
        ck.unknown_keys(raw, RULE_KEYS | KIND_PARAMS.get(kind, set()), p)
        rid = ck.string(raw, "id", f"{p}.id", "", required=True)
        if rid and rid in seen:
            ck.problem(f"{p}.id", f"duplicate rule id {rid!r}")
        seen.add(rid)
        allowed = COMMON_FIELDS | KIND_FIELDS.get(kind, set())
        rule = Rule(
            id=rid, kind=kind,
            level=ck.string(raw, "level", f"{p}.level", "yellow", required=True, choices=("red", "yellow")),
            reason_zh=ck.string(raw, "reason_zh", f"{p}.reason_zh", "", required=True,
                                check=template_checker(allowed)),
            reason_en=ck.string(raw, "reason_en", f"{p}.reason_en", "", required=True,
                                check=template_checker(allowed)),
            enabled=ck.boolean(raw, "enabled", f"{p}.enabled", True),
            description=ck.string(raw, "description", f"{p}.description", ""),
            min_points=ck.number(raw, "min_points", f"{p}.min_points", 0.0, lo=0, hi=100,
                                 required=kind == "behind"),
            statuses=_statuses(ck, raw, f"{p}.statuses") if kind == "status" else (),
            count_missing=ck.boolean(raw, "count_missing", f"{p}.count_missing", True),
            count_late=ck.boolean(raw, "count_late", f"{p}.count_late", True),
            min_count=ck.integer(raw, "min_count", f"{p}.min_count", 1, lo=1),
            tolerance_percent=ck.number(raw, "tolerance_percent", f"{p}.tolerance_percent", 0.0, lo=0, hi=100),
        )
        rules.append(rule)
    ck.raise_if_any(WHAT)
    return RuleSet(tuple(rules), source=str(path), **gen)  # type: ignore[arg-type]


def _statuses(ck: Checker, raw: dict[str, Any], key_path: str) -> tuple[str, ...]:
    value = raw.get("statuses")
    codes = {s.value for s in Status}
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        ck.problem(key_path, f"must be a non-empty list of statuses, e.g. [\"delayed\"] (one of {', '.join(sorted(codes))})")
        return ()
    bad = [v for v in value if v not in codes]
    if bad:
        ck.problem(key_path, f"unknown status {', '.join(map(repr, bad))} (use {', '.join(sorted(codes))})")
        return ()
    return tuple(value)


# -- facts the service gathers per task and lead department ----------------------------------------

@dataclass(frozen=True)
class PeriodReport:
    """One reporting period of the quarter for one task and department."""

    period: str                  # '2025-07'
    due: dt.date
    status: str                  # 'on_time' | 'late' | 'missing' | 'not_due'
    received: dt.date | None = None


@dataclass(frozen=True)
class TargetFacts:
    metric: str
    unit: str
    direction: str
    baseline: float | None
    value: float | None
    path_start: dt.date | None
    path_end: dt.date | None
    indicator: float | None      # the lead's latest reported indicator value


@dataclass(frozen=True)
class TaskFacts:
    task_code: str
    title_zh: str
    title_en: str
    department: DeptRef
    cooperating: tuple[DeptRef, ...]
    quarter: str
    as_of: dt.date               # what was known by this date
    measured_on: dt.date         # expected progress evaluated here: min(as_of, quarter end)
    due: dt.date | None
    expectation: Expectation
    actual: float | None         # latest reported percent (None = never reported)
    actual_period: str | None
    status: str | None           # latest reported status
    reports: tuple[PeriodReport, ...]
    targets: tuple[TargetFacts, ...] = ()


@dataclass
class FiredRule:
    rule: str
    kind: str
    level: str
    reason_zh: str
    reason_en: str


@dataclass
class TaskWarning:
    task_code: str
    title_zh: str
    title_en: str
    department: DeptRef
    cooperating: list[DeptRef]
    quarter: str
    level: str
    rule: str
    reason_zh: str
    reason_en: str
    fired: list[FiredRule] = field(default_factory=list)
    explain: dict[str, Any] = field(default_factory=dict)
    acknowledged: bool = False
    ack_note: str = ""
    acked_at: str = ""

    def reason(self, lang: str) -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The CLI shape, plus what a detail pane needs."""
        return {
            "task": self.task_code, "department": self.department.code, "level": self.level,
            "rule": self.rule, "reason": self.reason(lang),
            "title": self.title_zh if lang.startswith("zh") else (self.title_en or self.title_zh),
            "department_name": self.department.name(lang),
            "cooperating": [d.code for d in self.cooperating],
            "acknowledged": self.acknowledged, "ack_note": self.ack_note,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_code": self.task_code, "title_zh": self.title_zh, "title_en": self.title_en,
            "department": self.department.as_json(),
            "cooperating": [d.as_json() for d in self.cooperating],
            "quarter": self.quarter, "level": self.level, "rule": self.rule,
            "reason_zh": self.reason_zh, "reason_en": self.reason_en,
            "fired": [vars(f) for f in self.fired], "explain": self.explain,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TaskWarning:
        return cls(
            task_code=d["task_code"], title_zh=d["title_zh"], title_en=d["title_en"],
            department=DeptRef(**d["department"]), cooperating=[DeptRef(**c) for c in d["cooperating"]],
            quarter=d["quarter"], level=d["level"], rule=d["rule"], reason_zh=d["reason_zh"],
            reason_en=d["reason_en"], fired=[FiredRule(**f) for f in d["fired"]], explain=d["explain"],
        )


# -- evaluation ------------------------------------------------------------------------------------

def _num(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:.1f}".rstrip("0").rstrip(".")


def behind_points(facts: TaskFacts) -> float | None:
    """Expected minus actual, in percentage points (never reported counts as 0 %)."""
    if facts.expectation.percent is None:
        return None
    return round(facts.expectation.percent - (facts.actual or 0.0), 6)


def target_path_value(t: TargetFacts, on: dt.date) -> float | None:
    """Where the indicator should be by ``on`` on the straight path from baseline to target."""
    if t.value is None:
        return None
    frac = prorated_fraction(on, t.path_start, t.path_end)
    if frac is None:
        return None
    direction = Direction(t.direction)
    if direction in (Direction.REDUCE_BY, Direction.INCREASE_BY):
        return t.value * frac                      # the indicator is the change achieved so far
    if t.baseline is None:
        return None if direction is Direction.AT_MOST else t.value * frac
    return t.baseline + (t.value - t.baseline) * frac


def target_behind(t: TargetFacts, on: dt.date, tolerance_percent: float) -> tuple[bool, float | None]:
    path = target_path_value(t, on)
    if path is None or t.indicator is None or Direction(t.direction) is Direction.ABOUT:
        return False, path
    slack = abs(path) * tolerance_percent / 100
    if Direction(t.direction) is Direction.AT_MOST:
        return t.indicator > path + slack, path
    return t.indicator < path - slack, path


def _values(facts: TaskFacts, lang: str) -> dict[str, Any]:
    zh = lang == "zh"
    status = ""
    if facts.status:
        zh_label, en_label = STATUS_LABELS[Status(facts.status)]
        status = zh_label if zh else en_label
    return {
        "task": facts.task_code,
        "title": facts.title_zh if zh else (facts.title_en or facts.title_zh),
        "department": facts.department.name(lang),
        "quarter": facts.quarter,
        "as_of": facts.as_of.isoformat(),
        "due": facts.due.isoformat() if facts.due else ("无" if zh else "none"),
        "actual": _num(facts.actual if facts.actual is not None else 0.0),
        "expected": _num(facts.expectation.percent),
        "behind": _num(behind_points(facts)),
        "status": status or ("未报" if zh else "not reported"),
    }


def _check(rule: Rule, facts: TaskFacts) -> dict[str, Any] | None:
    """Extra template values when ``rule`` fires for ``facts``, else None."""
    if rule.kind == "past_due":
        fires = facts.due is not None and facts.measured_on > facts.due and facts.status != Status.COMPLETED
        return {} if fires else None
    if rule.kind == "behind":
        behind = behind_points(facts)
        return {"threshold": _num(rule.min_points)} if behind is not None and behind >= rule.min_points else None
    if rule.kind == "no_report":
        due = [r for r in facts.reports if r.status != "not_due"]
        got = [r for r in facts.reports if r.received is not None]
        if due and not got:
            return {"periods": ", ".join(r.period for r in due)}
        return None
    if rule.kind == "status":
        return {} if facts.status in rule.statuses else None
    if rule.kind == "reports":
        missing = [r.period for r in facts.reports if r.status == "missing" and rule.count_missing]
        late = [r.period for r in facts.reports if r.status == "late" and rule.count_late]
        if len(missing) + len(late) >= rule.min_count:
            return {"months": ", ".join(sorted(missing + late)), "count": len(missing) + len(late),
                    "missing": ", ".join(missing) or "—", "late": ", ".join(late) or "—"}
        return None
    if rule.kind == "target_path":
        for t in facts.targets:
            below, path = target_behind(t, facts.measured_on, rule.tolerance_percent)
            if below:
                return {"metric": t.metric or "—", "indicator": _num(t.indicator), "path": _num(path),
                        "target": _num(t.value), "unit": t.unit}
        return None
    raise ValueError(f"unknown rule kind {rule.kind!r}")


def _render(template: str, values: dict[str, Any]) -> str:
    return template.format(**values)


def explain_facts(facts: TaskFacts, rules: RuleSet) -> dict[str, Any]:
    """Inputs of the decision, for the detail pane."""
    targets = []
    for t in facts.targets:
        path = target_path_value(t, facts.measured_on)
        targets.append({"metric": t.metric, "unit": t.unit, "direction": t.direction, "baseline": t.baseline,
                        "target": t.value, "path_now": None if path is None else round(path, 4),
                        "indicator": t.indicator,
                        "path_start": t.path_start.isoformat() if t.path_start else None,
                        "path_end": t.path_end.isoformat() if t.path_end else None})
    return {
        "as_of": facts.as_of.isoformat(),
        "measured_on": facts.measured_on.isoformat(),
        "due": facts.due.isoformat() if facts.due else None,
        "expected": facts.expectation.explain(),
        "actual": facts.actual,
        "actual_period": facts.actual_period,
        "behind_points": behind_points(facts),
        "status": facts.status,
        "reports": [{"period": r.period, "due": r.due.isoformat(), "status": r.status,
                     "received": r.received.isoformat() if r.received else None} for r in facts.reports],
        "targets": targets,
        "rules_source": rules.source,
    }


def evaluate(facts: TaskFacts, rules: RuleSet) -> TaskWarning:
    """The warning (or green light) for one task and its lead department in one quarter."""
    zh_values, en_values = _values(facts, "zh"), _values(facts, "en")
    base = dict(task_code=facts.task_code, title_zh=facts.title_zh, title_en=facts.title_en,
                department=facts.department, cooperating=list(facts.cooperating), quarter=facts.quarter,
                explain=explain_facts(facts, rules))
    if rules.completed_is_green and facts.status == Status.COMPLETED:
        return TaskWarning(level="green", rule="completed",
                           reason_zh=_render(rules.completed_reason_zh, zh_values),
                           reason_en=_render(rules.completed_reason_en, en_values), **base)  # type: ignore[arg-type]
    fired: list[FiredRule] = []
    for rule in rules.rules:
        if not rule.enabled:
            continue
        extra = _check(rule, facts)
        if extra is None:
            continue
        fired.append(FiredRule(rule.id, rule.kind, rule.level,
                               _render(rule.reason_zh, {**zh_values, **extra}),
                               _render(rule.reason_en, {**en_values, **extra})))
    if not fired and facts.status is None:
        # nothing fired but nothing was reported either: "no data", never "on track"
        return TaskWarning(level="green", rule="no_data", reason_zh=_render(rules.no_data_reason_zh, zh_values),
                           reason_en=_render(rules.no_data_reason_en, en_values), **base)  # type: ignore[arg-type]
    if not fired:
        return TaskWarning(level="green", rule="ok", reason_zh=_render(rules.green_reason_zh, zh_values),
                           reason_en=_render(rules.green_reason_en, en_values), **base)  # type: ignore[arg-type]
    top = max(SEVERITY[f.level] for f in fired)
    primary = next(f for f in fired if SEVERITY[f.level] == top)
    return TaskWarning(level=primary.level, rule=primary.rule, reason_zh=primary.reason_zh,
                       reason_en=primary.reason_en, fired=fired, **base)  # type: ignore[arg-type]


def level_counts(warnings: list[TaskWarning]) -> dict[str, int]:
    counts = dict.fromkeys(LEVELS, 0)
    for w in warnings:
        counts[w.level] += 1
    return counts
