"""What a report prints, as plain dataclasses: the builders know nothing about the database.

``desktop_app.services.build_report`` fills these from a database; tests build them directly.
Names carry both languages so one gathered object prints in Chinese and in English.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from desktop_app.domain.models import DeptRef, Role, Status, join_names

LEVELS = ("red", "yellow", "green")
LEVEL_LABELS = {"red": ("红色", "Red"), "yellow": ("黄色", "Yellow"), "green": ("绿色", "Green")}
SUBMISSION_STATES = ("on_time", "late", "missing")
SUBMISSION_LABELS = {"on_time": ("按时", "On time"), "late": ("逾期", "Late"), "missing": ("未报", "Missing")}
GRADES = ("excellent", "good", "pass", "fail")
GRADE_LABELS = {"excellent": ("优秀", "Excellent"), "good": ("良好", "Good"),
                "pass": ("合格", "Pass"), "fail": ("不合格", "Fail")}


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang.startswith("en") and self.en else self.zh


@dataclass
class ReportMeta:
    """The document frame: who issues it, its number, its date, the plan it is about."""

    plan_title: Bilingual
    issuer: Bilingual                        # 发文机关 (leading-group office)
    date: dt.date                            # 成文日期
    doc_number: str = ""                     # 〔2025〕3号; empty: no number line
    region: Bilingual = field(default_factory=lambda: Bilingual(""))
    recipients: Bilingual = field(default_factory=lambda: Bilingual(""))   # 主送机关
    cc: Bilingual = field(default_factory=lambda: Bilingual(""))           # 抄送机关
    printer: Bilingual = field(default_factory=lambda: Bilingual(""))      # 印发机关
    note: Bilingual = field(default_factory=lambda: Bilingual(""))         # 附注: （此件主动公开）
    contact: Bilingual = field(default_factory=lambda: Bilingual(""))      # 联系人及电话 (in the 附注)
    sealed: bool = True                      # the office seals the printed copy (7.3.5.1 layout)


@dataclass
class TaskLine:
    """One task as a report row: the plan's text plus the latest progress known for the period."""

    code: str
    title: Bilingual
    section: Bilingual = field(default_factory=lambda: Bilingual(""))
    lead: list[DeptRef] = field(default_factory=list)
    cooperating: list[DeptRef] = field(default_factory=list)
    role: Role | None = None                 # the role of the department a sheet is about
    targets: list[str] = field(default_factory=list)      # readable target texts
    units: list[str] = field(default_factory=list)
    target_values: list[str] = field(default_factory=list)
    start: dt.date | None = None
    due: dt.date | None = None
    period: str = ""                         # period of the latest entry
    status: Status | None = None             # None: never reported
    percent: float | None = None
    expected: float | None = None            # expected percent as of the report date
    indicator: float | None = None
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""

    @property
    def behind_by(self) -> float | None:
        if self.expected is None:
            return None
        return self.expected - (self.percent or 0.0)

    def lead_names(self, lang: str) -> str:
        return join_names((d.name(lang) for d in self.lead), lang)

    def cooperating_names(self, lang: str) -> str:
        return join_names((d.name(lang) for d in self.cooperating), lang)


@dataclass
class SubmissionRow:
    department: DeptRef
    status: str                              # on_time | late | missing
    received_at: dt.datetime | None = None
    tasks: int = 0                           # tasks the department reports on


@dataclass
class SectionProgress:
    number: str
    title: Bilingual
    tasks: int
    completed: int = 0
    in_progress: int = 0
    delayed: int = 0
    not_started: int = 0
    unreported: int = 0
    mean_percent: float = 0.0


@dataclass
class MonthlyBulletinData:
    meta: ReportMeta
    period: str                              # 2025-09
    start: dt.date
    end: dt.date
    due: dt.date
    submissions: list[SubmissionRow]
    sections: list[SectionProgress]
    behind: list[TaskLine]                   # tasks behind schedule, worst first
    tasks_total: int = 0
    completed: int = 0
    in_progress: int = 0
    delayed: int = 0
    mean_percent: float = 0.0
    # change since last month and the year's record (empty when not gathered)
    previous_label: str = ""                 # 2025-08
    previous_mean: float | None = None
    previous_completed: int | None = None
    previous_percent: dict[str, float | None] = field(default_factory=dict)   # task code → last month's %
    late_counts: dict[str, int] = field(default_factory=dict)      # department code → late/missing months this year
    months_in_year: int = 0
    red_tasks: dict[str, int] = field(default_factory=dict)        # task code → quarters with a red warning
    repeatedly_late: int = 3                 # late/missing months from which a unit is named (the rule file's)
    red_behind_points: float | None = None   # behind by this much = red (the rule file's red "behind" line)
    remedy_by: dt.date | None = None         # 补报 deadline for units that have not reported
    correct_by: dt.date | None = None        # 整改 deadline for lead units of delayed tasks

    def submission_counts(self) -> Counter[str]:
        return Counter(s.status for s in self.submissions)

    def red(self) -> list[TaskLine]:
        """The bulletin's red tasks: behind schedule with a red warning this year, or as far behind as the
        rule file's red "behind" line."""
        line = self.red_behind_points
        return [t for t in self.behind
                if self.red_tasks.get(t.code) or (line is not None and (t.behind_by or 0) >= line)]


@dataclass
class WarningItem:
    task_code: str
    task_title: Bilingual
    department: DeptRef                      # the lead department
    level: str                               # red | yellow | green
    rule: str                                # the rule that fired (e.g. overdue, behind_30)
    reason: Bilingual
    cooperating: list[DeptRef] = field(default_factory=list)
    acknowledged: bool = False
    ack_note: str = ""


@dataclass
class QuarterlyCircularData:
    meta: ReportMeta
    quarter: str                             # 2025Q3
    as_of: dt.date
    items: list[WarningItem]
    published: bool = False
    previous_quarter: str = ""               # 2025Q2; empty when there is none
    previous_counts: dict[str, int] = field(default_factory=dict)
    previous_red: set[str] = field(default_factory=set)    # task codes red last quarter too
    correct_by: dt.date | None = None        # 整改 deadline for red-warned lead units

    def counts(self) -> Counter[str]:
        return Counter(i.level for i in self.items)

    def by_department(self, level: str) -> dict[DeptRef, list[WarningItem]]:
        out: dict[DeptRef, list[WarningItem]] = {}
        for item in self.items:
            if item.level == level:
                out.setdefault(item.department, []).append(item)
        return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0].code)))


@dataclass
class Adjustment:
    points: float
    reason: str


@dataclass
class AssessmentRow:
    department: DeptRef
    progress: float
    reporting: float
    warnings: float
    evaluation: float | None                 # None: not entered (counts 0, flagged)
    adjustments: float
    total: float
    grade: str                               # excellent | good | pass | fail
    rank: int                                # equal totals share a rank (1, 1, 1, 4)
    flags: list[str] = field(default_factory=list)   # e.g. no_report, evaluation_missing, grade_capped


@dataclass
class ReportingRecord:
    period: str
    status: str                              # on_time | late | missing


@dataclass
class DepartmentDetail:
    department: DeptRef
    tasks: list[TaskLine] = field(default_factory=list)
    reporting: list[ReportingRecord] = field(default_factory=list)
    warnings: list[tuple[str, WarningItem]] = field(default_factory=list)   # (quarter, warning)
    evaluation: float | None = None
    evaluation_note: str = ""
    adjustments: list[Adjustment] = field(default_factory=list)


@dataclass
class AnnualReportData:
    meta: ReportMeta
    year: int
    as_of: dt.date
    rows: list[AssessmentRow]                # ordered by rank
    details: dict[str, DepartmentDetail]     # by department code
    locked: bool = False
    maxima: dict[str, float] = field(default_factory=lambda: {
        "progress": 60, "reporting": 20, "warnings": 10, "evaluation": 10, "adjustments": 10})
    decimals: int = 1                        # the scheme's one rounding: scores are printed with this many places

    def grade_counts(self) -> Counter[str]:
        return Counter(r.grade for r in self.rows)


@dataclass
class DepartmentSheetData:
    meta: ReportMeta
    department: DeptRef
    period: str
    tasks: list[TaskLine]
    contact_person: str = ""
    contact_phone: str = ""


@dataclass
class LedgerData:
    """Every task of the plan with its latest progress (Excel 台账)."""

    meta: ReportMeta
    as_of_period: str
    tasks: list[TaskLine]
