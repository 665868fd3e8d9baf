"""部门任务清单 — one department's tasks, targets and latest progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from desktop_app.domain.models import Role
from desktop_app.domain.results import ReportResult
from desktop_app.reports import fonts as F
from desktop_app.reports.common import Builder, code_key
from desktop_app.reports.data import DepartmentSheetData


def build_department(data: DepartmentSheetData, out: Path, lang: str = "zh", *, fonts: F.FontSet | None = None,
                     on_progress: Callable[[int], None] | None = None) -> ReportResult:
    b = Builder(lang, fonts)
    title = b.t("department.title", department=data.department.name(b.lang))
    return b.write(out, department_story(b, data), title,
                   subject=f"PeakDesk task sheet {data.department.code} {data.period}", on_progress=on_progress)


def department_story(b: Builder, data: DepartmentSheetData) -> list[Flowable]:
    ty, lang = b.typo, b.lang
    name = data.department.name(lang)
    story: list[Flowable] = b.header(
        data.meta, b.t("department.title", department=name),
        b.t("department.subtitle", period_label=b.month_label(data.period)) if "-" in data.period else "")
    lead = sum(1 for t in data.tasks if t.role is Role.LEAD)
    story.append(ty.p(b.t("department.intro", plan=b.plan(data.meta), department=name, lead=lead,
                          coop=len(data.tasks) - lead)))
    tasks = sorted(data.tasks, key=lambda t: (t.role is not Role.LEAD, code_key(t.code)))
    story.append(ty.table(
        b.tl("department.header"),
        [[t.code, b.bi(t.title), b.role(t.role),
          "；".join(t.targets) if b.zh else "; ".join(x + b.chinese_mark(x) for x in t.targets),
          b.short_date(t.due) if t.due else "—", b.status(t.status), b.pct(t.percent),
          (t.narrative + b.chinese_mark(t.narrative)) if t.narrative else "—"] for t in tasks],
        [0.07, 0.22, 0.07, 0.2, 0.13, 0.09, 0.08, 0.14] if b.zh else [0.07, 0.2, 0.07, 0.2, 0.1, 0.12, 0.08, 0.16],
        align="CLCLCCCL", small=True))
    if data.contact_person or data.contact_phone:
        story.append(ty.p(b.t("department.contact", person=data.contact_person or "—",
                              phone=data.contact_phone or "—"), "body_noindent"))
    return b.close(story, data.meta)

