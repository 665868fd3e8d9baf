"""Annual assessment (年考核): scheme as data, scores with explanations, grades and ranking.

The scheme lives in ``report_templates/assessment_scheme.toml`` (a user copy in the user templates
folder takes precedence); every number in it is editable. ``assess`` is pure: the service gathers a
``DepartmentInput`` per department and gets back one ``DepartmentScore`` per department, ranked,
each component carrying its inputs and formula for hover/detail panes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.models import DeptRef
from desktop_app.domain.tomlconf import Checker, parse_toml
from desktop_app.messages import Msg

SCHEME_FILE = "assessment_scheme.toml"
WHAT = Msg("config.what.scheme")   # not msg(): no catalogue read at import time
COMPONENTS = ("progress", "reporting", "warnings", "evaluation", "adjustments")
COMPONENT_LABELS = {
    "progress": ("任务进度", "Task progress"),
    "reporting": ("按时报送", "Reporting"),
    "warnings": ("预警情况", "Early warnings"),
    "evaluation": ("综合评价", "Coordinator's evaluation"),
    "adjustments": ("加减分", "Adjustments"),
}


@dataclass(frozen=True)
class Grade:
    code: str
    name_zh: str
    name_en: str
    min: float


@dataclass(frozen=True)
class Scheme:
    progress_max: float = 60.0
    lead_weight: float = 1.0
    cooperating_weight: float = 0.3
    reporting_max: float = 20.0
    late_penalty: float = 2.0
    missing_penalty: float = 5.0
    reporting_floor: float = 0.0
    warnings_max: float = 10.0
    yellow_penalty: float = 2.0
    red_penalty: float = 4.0
    warnings_floor: float = 0.0
    evaluation_max: float = 10.0
    evaluation_missing_score: float = 0.0
    adjustment_item_limit: float = 5.0
    adjustment_total_limit: float = 10.0
    total_floor: float = 0.0
    decimals: int = 1
    grades: tuple[Grade, ...] = (
        Grade("excellent", "优秀", "Excellent", 90.0),
        Grade("good", "良好", "Good", 80.0),
        Grade("pass", "合格", "Pass", 60.0),
        Grade("fail", "不合格", "Fail", 0.0),
    )
    cap_enabled: bool = True
    cap_grade: str = "excellent"
    cap_share: float = 0.30
    cap_demote_to: str = "good"
    source: str = ""

    def grade(self, code: str) -> Grade:
        return next(g for g in self.grades if g.code == code)

    def grade_for(self, total: float) -> Grade:
        for g in self.grades:  # sorted by min, highest first
            if total >= g.min:
                return g
        return self.grades[-1]

    def max_total(self) -> float:
        return (self.progress_max + self.reporting_max + self.warnings_max + self.evaluation_max
                + self.adjustment_total_limit)

    def min_total(self) -> float:
        lowest = (min(self.reporting_floor, self.reporting_max) + min(self.warnings_floor, self.warnings_max)
                  + min(self.evaluation_missing_score, 0.0) - self.adjustment_total_limit)
        return max(self.total_floor, lowest)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "grades"}
        out["grades"] = [vars(g) for g in self.grades]
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Scheme:
        kw = {k: v for k, v in d.items() if k in cls.__dataclass_fields__ and k != "grades"}
        return cls(grades=tuple(Grade(**g) for g in d["grades"]), **kw)


def parse_scheme(text: str, path: Path | str = "<text>") -> Scheme:
    return scheme_from_dict(parse_toml(text, path, WHAT), text, path)


# TOML section → {toml key: Scheme field}
_SECTIONS: dict[str, dict[str, str]] = {
    "progress": {"max": "progress_max", "lead_weight": "lead_weight", "cooperating_weight": "cooperating_weight"},
    "reporting": {"max": "reporting_max", "late": "late_penalty", "missing": "missing_penalty",
                  "floor": "reporting_floor"},
    "warnings": {"max": "warnings_max", "yellow": "yellow_penalty", "red": "red_penalty",
                 "floor": "warnings_floor"},
    "evaluation": {"max": "evaluation_max", "missing_score": "evaluation_missing_score"},
    "adjustments": {"item_limit": "adjustment_item_limit", "total_limit": "adjustment_total_limit"},
}


def scheme_from_dict(data: dict[str, Any], text: str, path: Path | str,
                     fallbacks: Sequence[tuple[Path | str, str]] = ()) -> Scheme:
    ck = Checker(path, text, fallbacks)
    ck.unknown_keys(data, {"format", "decimals", "total_floor", "grade", "excellent_cap", *_SECTIONS}, "")
    ck.integer(data, "format", "format", 1, lo=1)
    default = Scheme()
    kw: dict[str, Any] = {
        "decimals": ck.integer(data, "decimals", "decimals", default.decimals, lo=0),
        "total_floor": ck.number(data, "total_floor", "total_floor", default.total_floor),
    }
    for section, keys in _SECTIONS.items():
        table = ck.table(data, section, section)
        ck.unknown_keys(table, set(keys), section)
        for key, attr in keys.items():
            kw[attr] = ck.number(table, key, f"{section}.{key}", getattr(default, attr), lo=0)
    if kw["evaluation_missing_score"] > kw["evaluation_max"]:
        ck.problem("evaluation.missing_score", "must not exceed evaluation.max")

    raw_grades = data.get("grade")
    grades: list[Grade] = []
    if raw_grades is None:
        grades = list(default.grades)
    elif not isinstance(raw_grades, list) or not raw_grades or not all(isinstance(g, dict) for g in raw_grades):
        ck.problem("grade", "must be written as one or more [[grade]] tables")
    else:
        before = len(ck.problems)
        for i, g in enumerate(raw_grades):
            p = f"grade[{i}]"
            ck.unknown_keys(g, {"code", "name_zh", "name_en", "min"}, p)
            grades.append(Grade(ck.string(g, "code", f"{p}.code", "", required=True),
                                ck.string(g, "name_zh", f"{p}.name_zh", "", required=True),
                                ck.string(g, "name_en", f"{p}.name_en", "", required=True),
                                ck.number(g, "min", f"{p}.min", 0.0, required=True)))
        codes = [g.code for g in grades]
        if len(set(codes)) != len(codes):
            ck.problem("grade", f"grade codes must be unique: {codes}")
        if len(ck.problems) == before and [g.min for g in grades] != sorted((g.min for g in grades), reverse=True):
            ck.problem("grade", "list the grades from the highest minimum to the lowest")
    kw["grades"] = tuple(grades)

    cap = ck.table(data, "excellent_cap", "excellent_cap")
    ck.unknown_keys(cap, {"enabled", "grade", "share", "demote_to"}, "excellent_cap")
    codes_t = tuple(g.code for g in grades)
    kw["cap_enabled"] = ck.boolean(cap, "enabled", "excellent_cap.enabled", default.cap_enabled)
    kw["cap_share"] = ck.number(cap, "share", "excellent_cap.share", default.cap_share, lo=0, hi=1)
    if codes_t:
        kw["cap_grade"] = ck.string(cap, "grade", "excellent_cap.grade", default.cap_grade, choices=codes_t)
        kw["cap_demote_to"] = ck.string(cap, "demote_to", "excellent_cap.demote_to", default.cap_demote_to,
                                        choices=codes_t)
        if kw["cap_enabled"] and (kw["cap_grade"] not in codes_t or kw["cap_demote_to"] not in codes_t):
            ck.problem("excellent_cap", f"grade and demote_to must name grades ({', '.join(codes_t)})")
    ck.raise_if_any(WHAT)
    return Scheme(source=str(path), **kw)


def scheme_values(s: Scheme) -> dict[str, Any]:
    """The scheme's numbers laid out as in assessment_scheme.toml (the window saves these into the
    user's copy key by key, keeping its comments)."""
    out: dict[str, Any] = {"decimals": int(s.decimals), "total_floor": _plain_number(s.total_floor)}
    for section, keys in _SECTIONS.items():
        out[section] = {key: _plain_number(getattr(s, attr)) for key, attr in keys.items()}
    out["grade"] = [{"code": g.code, "name_zh": g.name_zh, "name_en": g.name_en, "min": _plain_number(g.min)}
                    for g in s.grades]
    out["excellent_cap"] = {"enabled": s.cap_enabled, "grade": s.cap_grade, "share": _plain_number(s.cap_share),
                            "demote_to": s.cap_demote_to}
    return out


def _plain_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


# -- inputs ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TaskProgress:
    task_code: str
    role: str                       # 'lead' | 'cooperating'
    actual: float | None            # reported percent (None = never reported)
    expected: float | None          # None = nothing expected (no due date, no milestones)
    completed: bool = False
    source: str = "own"             # whose report 'actual' is: 'own' | 'lead' | 'none'


@dataclass(frozen=True)
class ReportingPeriod:
    period: str
    status: str                     # 'on_time' | 'late' | 'missing'


@dataclass(frozen=True)
class WarningItem:
    quarter: str
    task_code: str
    level: str                      # 'green' | 'yellow' | 'red'


@dataclass(frozen=True)
class AdjustmentItem:
    id: int
    points: float
    reason: str


@dataclass
class DepartmentInput:
    department: DeptRef
    tasks: list[TaskProgress] = field(default_factory=list)
    reporting: list[ReportingPeriod] = field(default_factory=list)
    warnings: list[WarningItem] = field(default_factory=list)
    evaluation: float | None = None
    evaluation_note: str = ""
    adjustments: list[AdjustmentItem] = field(default_factory=list)
    reported: bool = True           # False: the department sent no report at all for the year


# -- results ---------------------------------------------------------------------------------------

@dataclass
class Component:
    key: str
    score: float
    max: float
    formula_zh: str
    formula_en: str
    inputs: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def formula(self, lang: str) -> str:
        return self.formula_zh if lang.startswith("zh") else self.formula_en


@dataclass
class DepartmentScore:
    department: DeptRef
    components: dict[str, Component]
    total: float
    grade: str
    grade_zh: str
    grade_en: str
    rank: int = 0
    flags: list[str] = field(default_factory=list)   # 'evaluation_missing', 'grade_capped', 'total_floored'
    total_formula_zh: str = ""
    total_formula_en: str = ""

    @property
    def scores(self) -> dict[str, float]:
        return {k: self.components[k].score for k in COMPONENTS}

    def grade_label(self, lang: str) -> str:
        return self.grade_zh if lang.startswith("zh") else self.grade_en

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The CLI shape plus flags."""
        return {"department": self.department.code, "department_name": self.department.name(lang),
                "scores": self.scores, "total": self.total, "grade": self.grade_label(lang),
                "grade_code": self.grade, "rank": self.rank, "flags": list(self.flags)}

    def to_dict(self) -> dict[str, Any]:
        return {"department": self.department.as_json(),
                "components": {k: vars(c) for k, c in self.components.items()},
                "total": self.total, "grade": self.grade, "grade_zh": self.grade_zh, "grade_en": self.grade_en,
                "rank": self.rank, "flags": self.flags,
                "total_formula_zh": self.total_formula_zh, "total_formula_en": self.total_formula_en}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DepartmentScore:
        return cls(department=DeptRef(**d["department"]),
                   components={k: Component(**c) for k, c in d["components"].items()},
                   total=d["total"], grade=d["grade"], grade_zh=d["grade_zh"], grade_en=d["grade_en"],
                   rank=d["rank"], flags=list(d["flags"]),
                   total_formula_zh=d["total_formula_zh"], total_formula_en=d["total_formula_en"])


# -- computation -----------------------------------------------------------------------------------

def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def task_ratio(t: TaskProgress) -> float:
    """min(actual ÷ expected, 1); completed = 1; reported with nothing expected yet = 1.

    A task never reported on is "no data" and counts 0 — never as on track, even when its schedule
    expects nothing yet (it counted 1 before, so units of a new plan that reported nothing got full
    progress marks); a unit with nothing due can report "not started" to be counted on track.
    """
    if t.completed:
        return 1.0
    if t.actual is None:
        return 0.0
    if t.expected is None or t.expected <= 0:
        return 1.0
    return min(t.actual / t.expected, 1.0)


def progress_component(d: DepartmentInput, s: Scheme) -> Component:
    rows = []
    num = den = 0.0
    for t in d.tasks:
        w = s.lead_weight if t.role == "lead" else s.cooperating_weight
        r = task_ratio(t)
        num += w * r
        den += w
        rows.append({"task": t.task_code, "role": t.role, "weight": w, "actual": t.actual, "expected": t.expected,
                     "completed": t.completed, "ratio": round(r, 4), "source": t.source})
    mean = num / den if den > 0 else 1.0
    score = round(s.progress_max * mean, s.decimals)
    flags = [] if den > 0 else ["no_tasks"]
    zh = (f"{_n(s.progress_max)} × Σ(权重×完成率)/Σ权重 = {_n(s.progress_max)} × {num:.2f}/{den:.2f} = {_n(score)}；"
          f"完成率 = min(实际÷预期, 1)，已完成计 1，牵头权重 {_n(s.lead_weight)}，配合权重 {_n(s.cooperating_weight)}")
    en = (f"{_n(s.progress_max)} × Σ(weight×ratio)/Σweight = {_n(s.progress_max)} × {num:.2f}/{den:.2f} = {_n(score)}; "
          f"ratio = min(actual ÷ expected, 1), completed = 1, lead weight {_n(s.lead_weight)}, "
          f"cooperating weight {_n(s.cooperating_weight)}")
    return Component("progress", score, s.progress_max, zh, en,
                     {"tasks": rows, "weighted_sum": round(num, 4), "weight_total": round(den, 4)}, flags)


def _deduction(top: float, floor: float, decimals: int,
               items: list[tuple[float, int, str, str]]) -> tuple[float, str, str]:
    """max(floor, top − Σ penalty × count) with its formula; items are (penalty, count, zh, en)."""
    raw = top - sum(penalty * count for penalty, count, _, _ in items)
    score = round(min(top, max(floor, raw)), decimals)
    zh = "".join(f" − {_n(p)}×{c}（{label}）" for p, c, label, _ in items)
    en = "".join(f" − {_n(p)}×{c} {label}" for p, c, _, label in items)
    return score, f"max({_n(floor)}, {_n(top)}{zh}) = {_n(score)}", f"max({_n(floor)}, {_n(top)}{en}) = {_n(score)}"


def reporting_component(d: DepartmentInput, s: Scheme) -> Component:
    late = [p.period for p in d.reporting if p.status == "late"]
    missing = [p.period for p in d.reporting if p.status == "missing"]
    score, zh, en = _deduction(s.reporting_max, s.reporting_floor, s.decimals,
                               [(s.late_penalty, len(late), "迟报", "late"),
                                (s.missing_penalty, len(missing), "缺报", "missing")])
    return Component("reporting", score, s.reporting_max, zh, en,
                     {"periods": [vars(p) for p in d.reporting], "late": late, "missing": missing})


def warnings_component(d: DepartmentInput, s: Scheme) -> Component:
    yellow = [w for w in d.warnings if w.level == "yellow"]
    red = [w for w in d.warnings if w.level == "red"]
    score, zh, en = _deduction(s.warnings_max, s.warnings_floor, s.decimals,
                               [(s.yellow_penalty, len(yellow), "黄灯", "yellow"),
                                (s.red_penalty, len(red), "红灯", "red")])
    return Component("warnings", score, s.warnings_max, zh, en,
                     {"warnings": [vars(w) for w in d.warnings if w.level != "green"],
                      "yellow": len(yellow), "red": len(red), "task_quarters": len(d.warnings)})


def evaluation_component(d: DepartmentInput, s: Scheme) -> Component:
    if d.evaluation is None:
        score = round(s.evaluation_missing_score, s.decimals)
        return Component("evaluation", score, s.evaluation_max,
                         f"未录入综合评价，计 {_n(score)} 分", f"not entered: counts {_n(score)}",
                         {"entered": None, "note": ""}, ["evaluation_missing"])
    score = round(min(max(d.evaluation, 0.0), s.evaluation_max), s.decimals)
    return Component("evaluation", score, s.evaluation_max,
                     f"牵头办公室录入 {_n(d.evaluation)} 分（满分 {_n(s.evaluation_max)}）",
                     f"entered by the coordinator: {_n(d.evaluation)} (of {_n(s.evaluation_max)})",
                     {"entered": d.evaluation, "note": d.evaluation_note})


def adjustments_component(d: DepartmentInput, s: Scheme) -> Component:
    items = []
    raw_total = 0.0
    flags = []
    for a in d.adjustments:
        counted = min(s.adjustment_item_limit, max(-s.adjustment_item_limit, a.points))
        if counted != a.points:
            flags.append("item_clamped")
        raw_total += counted
        items.append({"id": a.id, "points": a.points, "counted": counted, "reason": a.reason})
    score = round(min(s.adjustment_total_limit, max(-s.adjustment_total_limit, raw_total)), s.decimals)
    if score != round(raw_total, s.decimals):
        flags.append("total_capped")
    lim, tl = _n(s.adjustment_item_limit), _n(s.adjustment_total_limit)
    zh = f"逐项加减分之和 {_n(round(raw_total, 4))}（每项不超过 ±{lim}，合计不超过 ±{tl}）= {_n(score)}"
    en = f"sum of itemised entries {_n(round(raw_total, 4))} (each within ±{lim}, total within ±{tl}) = {_n(score)}"
    return Component("adjustments", score, s.adjustment_total_limit, zh, en,
                     {"items": items, "sum": round(raw_total, 4)}, sorted(set(flags)))


def score_department(d: DepartmentInput, s: Scheme) -> DepartmentScore:
    comps = {c.key: c for c in (progress_component(d, s), reporting_component(d, s), warnings_component(d, s),
                                evaluation_component(d, s), adjustments_component(d, s))}
    raw = sum(c.score for c in comps.values())
    total = round(max(s.total_floor, raw), s.decimals)
    flags = [f for c in comps.values() for f in c.flags if f == "evaluation_missing"]
    if total != round(raw, s.decimals):
        flags.append("total_floored")
    parts = " + ".join(_n(comps[k].score) for k in COMPONENTS)
    g = s.grade_for(total)
    if not d.reported:
        # no report for the year: flagged, graded no higher than the lowest grade, ranked after
        # every department that reported (see ``assess``)
        flags.append("no_report")
        g = s.grades[-1]
    return DepartmentScore(d.department, comps, total, g.code, g.name_zh, g.name_en, flags=flags,
                           total_formula_zh=f"{parts} = {_n(total)}", total_formula_en=f"{parts} = {_n(total)}")


def rank_key(r: DepartmentScore) -> tuple[int, float, float, str]:
    """Display order: departments that reported first, then total, then progress, then code."""
    return ("no_report" in r.flags, -r.total, -r.components["progress"].score, r.department.code)


def rank_group(r: DepartmentScore) -> tuple[int, float]:
    """What a rank depends on: whether the department reported, and its (already rounded) total.
    Departments equal in both share a rank (1, 1, 1, 4); progress and code only order the rows."""
    return ("no_report" in r.flags, -r.total)


def competition_ranks(results: list[DepartmentScore]) -> None:
    """Standard competition ranking over ``results`` already sorted by ``rank_key``."""
    previous: tuple[int, float] | None = None
    rank = 0
    for i, r in enumerate(results, start=1):
        group = rank_group(r)
        if group != previous:
            rank, previous = i, group
        r.rank = rank


def excellent_quota(n: int, s: Scheme) -> int | None:
    if not s.cap_enabled:
        return None
    return math.floor(s.cap_share * n + 1e-9)


def assess(inputs: list[DepartmentInput], scheme: Scheme) -> list[DepartmentScore]:
    """Score, rank and grade every department.

    One rounding rule: every component and the total are rounded to ``scheme.decimals`` once, in
    ``score_department``; grades and ranks are decided on that rounded total, and every view and
    document prints it with ``scheme.decimals`` places. Equal totals share a rank (1, 1, 1, 4); a
    department without any report for the year ranks after all that reported.
    """
    results = sorted((score_department(d, scheme) for d in inputs), key=rank_key)
    competition_ranks(results)
    quota = excellent_quota(len(results), scheme)
    if quota is not None:
        capped = [r for r in results if r.grade == scheme.cap_grade]
        demoted = scheme.grade(scheme.cap_demote_to)
        for r in capped[quota:]:  # lowest ranked beyond the quota
            r.grade, r.grade_zh, r.grade_en = demoted.code, demoted.name_zh, demoted.name_en
            r.flags.append("grade_capped")
    return results


def grade_distribution(results: list[DepartmentScore], scheme: Scheme) -> dict[str, int]:
    dist = {g.code: 0 for g in scheme.grades}
    for r in results:
        dist[r.grade] = dist.get(r.grade, 0) + 1
    return dist
