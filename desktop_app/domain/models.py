"""Plain domain types shared by every layer (no Qt, no SQL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    LEAD = "lead"
    COOPERATING = "cooperating"


class DeptKind(StrEnum):
    FUNCTIONAL = "functional"
    STREET_TOWN = "street_town"
    ENTERPRISE = "enterprise"
    EXTERNAL = "external"
    PLACEHOLDER = "placeholder"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    DELAYED = "delayed"
    SUSPENDED = "suspended"


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.NOT_STARTED: ("未启动", "Not started"),
    Status.IN_PROGRESS: ("推进中", "In progress"),
    Status.COMPLETED: ("已完成", "Completed"),
    Status.DELAYED: ("滞后", "Delayed"),
    Status.SUSPENDED: ("暂停", "Suspended"),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.LEAD: ("牵头", "Lead"),
    Role.COOPERATING: ("配合", "Cooperating"),
}

KIND_LABELS: dict[DeptKind, tuple[str, str]] = {
    DeptKind.FUNCTIONAL: ("职能部门", "Functional department"),
    DeptKind.STREET_TOWN: ("街镇", "Street / town"),
    DeptKind.ENTERPRISE: ("企业/集团", "Enterprise / group"),
    DeptKind.EXTERNAL: ("外部单位", "External unit"),
    DeptKind.PLACEHOLDER: ("统称", "Placeholder group"),
}


_STATUS_BY_LABEL: dict[str, Status] = {
    **{s.value: s for s in STATUS_LABELS}, **{zh: s for s, (zh, _en) in STATUS_LABELS.items()}}
_STATUS_BY_EN_LOWER: dict[str, Status] = {en.lower(): s for s, (_zh, en) in STATUS_LABELS.items()}


def status_from_label(text: str) -> Status | None:
    """Accept a status as code, Chinese label or English label (case-insensitive)."""
    t = text.strip()
    return _STATUS_BY_LABEL.get(t) or _STATUS_BY_EN_LOWER.get(t.lower())


def join_names(names: Iterable[str], lang: str) -> str:
    """A list of names in running text: "、" between Chinese names, "; " between English ones (an English
    department name can hold a comma); empty names are left out."""
    return ("、" if lang.startswith("zh") else "; ").join(n for n in names if n)


def label(mapping: dict[Any, tuple[str, str]], key: object, lang: str) -> str:
    zh, en = mapping[key]
    return zh if lang.startswith("zh") else en


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    REDUCE_BY = "reduce_by"
    INCREASE_BY = "increase_by"
    ABOUT = "about"


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class DeptRef:
    code: str
    name_zh: str
    name_en: str = ""

    def name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name_zh

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "name_zh": self.name_zh, "name_en": self.name_en}


@dataclass
class Target:
    value: float | None
    unit: str = ""
    year: int | None = None
    direction: Direction = Direction.AT_LEAST
    text: str = ""
    metric: str = ""
    baseline: float | None = None
    baseline_year: int | None = None


@dataclass
class Period:
    kind: PeriodKind
    code: str
    start: dt.date
    end: dt.date
    due: dt.date


@dataclass
class ChangeSummary:
    """What a write changed, so windows refresh only what they show (cf. Anki's OpChanges)."""

    tasks: bool = False
    departments: bool = False
    plans: bool = False
    periods: bool = False
    progress: bool = False
    submissions: bool = False
    warnings: bool = False
    assessment: bool = False
    details: dict[str, object] = field(default_factory=dict)

    def __or__(self, other: ChangeSummary) -> ChangeSummary:
        merged = ChangeSummary(**{k: getattr(self, k) or getattr(other, k)
                                  for k in self.__dataclass_fields__ if k != "details"})
        merged.details = {**self.details, **other.details}
        return merged
