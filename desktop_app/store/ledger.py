"""The task ledger (台账): plans, sections, tasks, targets and their responsible units."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, DeptKind, DeptRef, Direction, Role, Status, Target
from desktop_app.domain.plan import DraftUnit, PlanDraft
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services.clock import now_stamp
from desktop_app.store import audit, departments
from desktop_app.store.db import write_tx

# --- writing a plan ---------------------------------------------------------------------------

def department_for_unit(db: sqlite_utils.Database, unit: DraftUnit, lang: str) -> int:
    """The department a printed unit stands for, creating it ("to check" when unresolved)."""
    alias_lang = "en" if lang == "en" else "zh"
    if unit.code:
        dept_id = departments.id_for_code(db, unit.code)
        if dept_id is None:
            dept_id = departments.upsert(db, unit.code, unit.name_zh or unit.name, unit.name_en,
                                         kind=unit.kind)
    else:
        found = departments.find(db, unit.name)
        if found is not None:
            dept_id = found.id
        else:
            code = departments.next_code(db)
            name_zh = unit.name_zh or (unit.name if alias_lang == "zh" else "")
            name_en = unit.name_en or (unit.name if alias_lang == "en" else "")
            dept_id = departments.upsert(db, code, name_zh or unit.name, name_en, kind=unit.kind, to_check=True)
            unit.code = code
    departments.add_alias(db, dept_id, unit.name, alias_lang)
    return dept_id


def save_plan_draft(db: sqlite_utils.Database, draft: PlanDraft, *, translation_of: int | None = None) -> int:
    """Write a reviewed draft as a new plan in one transaction; returns the plan id."""
    with write_tx(db):
        plan_id = int(db.execute(
            "INSERT INTO plan (title_zh, title_en, region, issuer, issued_on, translation_of, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [draft.title, draft.title_en, draft.region, draft.issuer,
             draft.issued_on.isoformat() if draft.issued_on else None, translation_of, now_stamp()]).fetchone()[0])
        if draft.source_sha256:
            db.execute("INSERT INTO plan_source (plan_id, file_name, sha256, lang, imported_at) VALUES (?, ?, ?, ?, ?)",
                       [plan_id, draft.source_name, draft.source_sha256, draft.lang,
                        now_stamp()])
        section_ids: dict[int, int] = {}
        for i, sec in enumerate(draft.sections):
            parent = section_ids.get(sec.parent) if sec.parent is not None else None
            section_ids[i] = int(db.execute(
                "INSERT INTO section (plan_id, parent_id, seq, number, title_zh, title_en) VALUES (?, ?, ?, ?, ?, ?) "
                "RETURNING id", [plan_id, parent, i, sec.number, sec.title, sec.title_en]).fetchone()[0])
        for seq, obj in enumerate(draft.objectives):
            insert_target(db, plan_id, None, seq, obj)
        for seq, task in enumerate(draft.tasks):
            cur = db.execute(
                "INSERT INTO task (plan_id, section_id, code, seq, title_zh, title_en, text_zh, text_en, start_date, "
                "due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [plan_id, section_ids.get(task.section) if task.section is not None else None, task.code, seq,
                 task.title, task.title_en, task.text, task.text_en,
                 task.start.isoformat() if task.start else None, task.due.isoformat() if task.due else None])
            task_id = int(cur.fetchone()[0])
            units = ([(task.lead, Role.LEAD)] if task.lead else []) + [(u, Role.COOPERATING) for u in task.cooperating]
            for useq, (unit, role) in enumerate(units):
                dept_id = department_for_unit(db, unit, draft.lang)
                db.execute("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (task_id, department_id) DO NOTHING",
                           [task_id, dept_id, role.value, useq])
            for tseq, target in enumerate(task.targets):
                insert_target(db, plan_id, task_id, tseq, target)
        audit.log(db, "create", "plan", plan_id, {"title": draft.title, "tasks": len(draft.tasks),
                                                 "source": draft.source_name})
    return plan_id


def insert_target(db: sqlite_utils.Database, plan_id: int, task_id: int | None, seq: int, t: Target) -> None:
    db.execute(
        "INSERT INTO target (plan_id, task_id, seq, metric, unit, baseline, baseline_year, value, year, direction, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [plan_id, task_id, seq, t.metric, t.unit, t.baseline, t.baseline_year, t.value, t.year,
         Direction(t.direction).value, t.text])


# --- reading ----------------------------------------------------------------------------------

@dataclass
class PlanSummary:
    id: int
    title_zh: str
    title_en: str
    tasks: int
    translation_of: int | None = None

    def title(self, lang: str) -> str:
        return self.title_en if lang.startswith("en") and self.title_en else self.title_zh


def list_plans(db: sqlite_utils.Database) -> list[PlanSummary]:
    rows = db.execute(
        "SELECT p.id, p.title_zh, p.title_en, p.translation_of, "
        "(SELECT count(*) FROM task t WHERE t.plan_id = p.id) FROM plan p ORDER BY p.id").fetchall()
    return [PlanSummary(r[0], r[1], r[2], r[4], r[3]) for r in rows]


@dataclass(frozen=True)
class SectionRow:
    id: int
    parent_id: int | None
    seq: int
    number: str
    title_zh: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang.startswith("en") and self.title_en else self.title_zh


def sections(db: sqlite_utils.Database, plan_id: int) -> list[SectionRow]:
    """The plan's sections in document order (missing titles as empty text), for the ledger and the
    read models alike."""
    return [SectionRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "") for r in db.execute(
        "SELECT id, parent_id, seq, number, title_zh, title_en FROM section WHERE plan_id = ? ORDER BY seq, id",
        [plan_id]).fetchall()]


def targets_for(db: sqlite_utils.Database, plan_id: int, task_id: int | None) -> list[Target]:
    cond = "task_id = ?" if task_id is not None else "task_id IS NULL AND plan_id = ?"
    param = task_id if task_id is not None else plan_id
    return [Target(value=r[0], unit=r[1], year=r[2], direction=Direction(r[3]), text=r[4], metric=r[5],
                   baseline=r[6], baseline_year=r[7])
            for r in db.execute(
                f"SELECT value, unit, year, direction, text, metric, baseline, baseline_year FROM target "
                f"WHERE {cond} ORDER BY seq", [param]).fetchall()]


def format_target(t: Target, lang: str = "zh") -> str:
    """Short form for tables: '≥ 6 座 (2025)'."""
    sign = {"at_least": "≥", "at_most": "≤", "reduce_by": "↓", "increase_by": "↑", "about": "≈"}[Direction(t.direction)]
    value = "" if t.value is None else (f"{t.value:g}")
    year = f" ({t.year})" if t.year else ""
    label = f"{t.metric} " if t.metric else ""
    return f"{label}{sign} {value} {t.unit}{year}".strip()


@dataclass
class LedgerRow:
    """One task as the ledger shows it (status/percent/period: see ``services.read_models``)."""

    id: int
    code: str
    seq: int
    section_id: int | None
    title_zh: str
    title_en: str
    lead: DeptRef | None
    cooperating: list[DeptRef]
    targets: list[Target]
    due: dt.date | None
    status: Status | None
    percent: float | None
    period: str | None              # the period of the latest entry

    def title(self, lang: str) -> str:
        return self.title_en if lang.startswith("en") and self.title_en else self.title_zh

    def target_text(self, lang: str = "zh") -> str:
        return "；".join(format_target(t, lang) for t in self.targets)


def assignments_by_task(db: sqlite_utils.Database, plan_id: int) -> dict[int, list[tuple[Role, DeptRef]]]:
    out: dict[int, list[tuple[Role, DeptRef]]] = {}
    for task_id, role, code, zh, en in db.execute(
            "SELECT a.task_id, a.role, d.code, d.name_zh, d.name_en FROM assignment a "
            "JOIN task t ON t.id = a.task_id JOIN department d ON d.id = a.department_id "
            "WHERE t.plan_id = ? ORDER BY a.task_id, a.role = 'cooperating', a.seq", [plan_id]).fetchall():
        out.setdefault(task_id, []).append((Role(role), DeptRef(code, zh, en)))
    return out


def ledger_rows(db: sqlite_utils.Database, plan_id: int, *,
                current: dict[int, tuple[Status | None, float | None, str | None]] | None = None) -> list[LedgerRow]:
    """The plan's tasks in order. ``current`` (task id → status, percent, period) is the services'
    read model (``services.read_models.ledger_rows`` passes it): the store does not decide which
    report is a task's current one. Without it every status is empty."""
    units = assignments_by_task(db, plan_id)
    latest = current or {}
    targets: dict[int, list[Target]] = {}
    for task_id, value, unit, year, direction, text, metric in db.execute(
            "SELECT task_id, value, unit, year, direction, text, metric FROM target "
            "WHERE plan_id = ? AND task_id IS NOT NULL ORDER BY task_id, seq", [plan_id]).fetchall():
        targets.setdefault(task_id, []).append(
            Target(value=value, unit=unit, year=year, direction=Direction(direction), text=text, metric=metric))
    rows = []
    for r in db.execute("SELECT id, code, seq, section_id, title_zh, title_en, due_date FROM task "
                        "WHERE plan_id = ? ORDER BY seq", [plan_id]).fetchall():
        assigned = units.get(r[0], [])
        lead = next((d for role, d in assigned if role is Role.LEAD), None)
        status, percent, period = latest.get(r[0], (None, None, None))
        rows.append(LedgerRow(
            id=r[0], code=r[1], seq=r[2], section_id=r[3], title_zh=r[4], title_en=r[5], lead=lead,
            cooperating=[d for role, d in assigned if role is Role.COOPERATING],
            targets=targets.get(r[0], []), due=dt.date.fromisoformat(r[6]) if r[6] else None,
            status=status, percent=percent, period=period))
    return rows


@dataclass
class TaskDetail:
    id: int
    plan_id: int
    code: str
    section_id: int | None
    section_title: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str
    start: dt.date | None
    due: dt.date | None
    lead: DeptRef | None
    cooperating: list[DeptRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def task_detail(db: sqlite_utils.Database, task_id: int) -> TaskDetail:
    row = db.execute(
        "SELECT t.id, t.plan_id, t.code, t.section_id, coalesce(s.number || s.title_zh, ''), t.title_zh, "
        "t.title_en, t.text_zh, t.text_en, t.start_date, t.due_date FROM task t "
        "LEFT JOIN section s ON s.id = t.section_id WHERE t.id = ?", [task_id]).fetchone()
    if row is None:
        raise PeakDeskError(msg("core.store.task_gone", task=task_id))
    assigned = [(Role(r[0]), DeptRef(r[1], r[2], r[3])) for r in db.execute(
        "SELECT a.role, d.code, d.name_zh, d.name_en FROM assignment a JOIN department d ON d.id = a.department_id "
        "WHERE a.task_id = ? ORDER BY a.role = 'cooperating', a.seq", [task_id]).fetchall()]
    return TaskDetail(
        id=row[0], plan_id=row[1], code=row[2], section_id=row[3], section_title=row[4], title_zh=row[5],
        title_en=row[6], text_zh=row[7], text_en=row[8], start=_date(row[9]), due=_date(row[10]),
        lead=next((d for r, d in assigned if r is Role.LEAD), None),
        cooperating=[d for r, d in assigned if r is Role.COOPERATING],
        targets=targets_for(db, row[1], task_id))


# --- editing (each edit is one transaction and one audit entry) --------------------------------

EDITABLE_FIELDS = {"title_zh", "title_en", "text_zh", "text_en", "start_date", "due_date", "code", "section_id"}


def update_task(db: sqlite_utils.Database, task_id: int, **fields: Any) -> ChangeSummary:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    values = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
    with write_tx(db):
        before = db.execute_returning_dicts(
            f"SELECT {', '.join(values)} FROM task WHERE id = ?", [task_id])
        if not before:
            raise PeakDeskError(msg("core.store.task_gone", task=task_id))
        db.execute(f"UPDATE task SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                   [*values.values(), task_id])
        audit.log(db, "update", "task", task_id, {"before": before[0], "after": values})
    return ChangeSummary(tasks=True, details={"task_id": task_id})


def set_assignments(db: sqlite_utils.Database, task_id: int, lead: str | None, cooperating: list[str]) -> ChangeSummary:
    """Replace a task's units: ``lead`` and ``cooperating`` are department codes, in order."""
    codes = ([lead] if lead else []) + [c for c in cooperating if c != lead]
    if len(set(codes)) != len(codes):
        raise PeakDeskError(msg("core.store.unit_twice"))
    with write_tx(db):
        ids = []
        for code in codes:
            dept_id = departments.id_for_code(db, code)
            if dept_id is None:
                raise PeakDeskError(msg("core.store.no_department", code=code))
            ids.append(dept_id)
        before = [dict(r) for r in db.execute_returning_dicts(
            "SELECT d.code, a.role FROM assignment a JOIN department d ON d.id = a.department_id "
            "WHERE a.task_id = ? ORDER BY a.role = 'cooperating', a.seq", [task_id])]
        db.execute("DELETE FROM assignment WHERE task_id = ?", [task_id])
        for seq, dept_id in enumerate(ids):
            role = Role.LEAD if (lead and seq == 0) else Role.COOPERATING
            db.execute("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?)",
                       [task_id, dept_id, role.value, seq])
        audit.log(db, "assign", "task", task_id, {"before": before, "lead": lead, "cooperating": cooperating})
    return ChangeSummary(tasks=True, departments=True, details={"task_id": task_id})


def set_targets(db: sqlite_utils.Database, task_id: int, targets: list[Target]) -> ChangeSummary:
    with write_tx(db):
        plan_id = db.execute("SELECT plan_id FROM task WHERE id = ?", [task_id]).fetchone()[0]
        before = [t.__dict__ for t in targets_for(db, plan_id, task_id)]
        db.execute("DELETE FROM target WHERE task_id = ?", [task_id])
        for seq, t in enumerate(targets):
            insert_target(db, plan_id, task_id, seq, t)
        audit.log(db, "targets", "task", task_id, {"before": before, "after": [t.__dict__ for t in targets]})
    return ChangeSummary(tasks=True, details={"task_id": task_id})


# --- who reports on what ----------------------------------------------------------------------

@dataclass(frozen=True)
class EffectiveAssignment:
    task_id: int
    department_id: int
    role: Role
    via: int | None = None          # the placeholder group it came from, if any


def effective_assignments(db: sqlite_utils.Database, plan_id: int) -> list[EffectiveAssignment]:
    """Who actually reports on each task: placeholder groups (各街镇) expand to their members.

    A member inherits the group's role unless it is assigned directly (the direct role wins).
    A placeholder without members (相关职能部门) reports nothing and is left out.
    """
    rows = db.execute(
        "SELECT a.task_id, a.department_id, a.role, d.kind FROM assignment a "
        "JOIN task t ON t.id = a.task_id JOIN department d ON d.id = a.department_id "
        "WHERE t.plan_id = ? ORDER BY t.seq, a.role = 'cooperating', a.seq", [plan_id]).fetchall()
    member_map: dict[int, list[int]] = {}
    for pid, mid in db.execute("SELECT placeholder_id, member_id FROM placeholder_member ORDER BY member_id").fetchall():
        member_map.setdefault(pid, []).append(mid)
    direct = {(r[0], r[1]) for r in rows if r[3] != DeptKind.PLACEHOLDER.value}
    roles = {r.value: r for r in Role}          # a dict lookup is ~10x cheaper than Role(value)
    out: list[EffectiveAssignment] = []
    seen: set[tuple[int, int]] = set()
    for task_id, dept_id, role, kind in rows:
        if kind != DeptKind.PLACEHOLDER.value:
            if (task_id, dept_id) not in seen:
                seen.add((task_id, dept_id))
                out.append(EffectiveAssignment(task_id, dept_id, roles[role]))
            continue
        for member in member_map.get(dept_id, []):
            if (task_id, member) in direct or (task_id, member) in seen:
                continue
            seen.add((task_id, member))
            out.append(EffectiveAssignment(task_id, member, roles[role], via=dept_id))
    return out


# --- JSON views for the CLI ---------------------------------------------------------------------

def plan_json(db: sqlite_utils.Database, plan_id: int) -> dict[str, Any]:
    plan = db.execute("SELECT id, title_zh, title_en FROM plan WHERE id = ?", [plan_id]).fetchone()
    if plan is None:
        raise PeakDeskError(msg("core.store.no_plan", plan=plan_id))
    secs = sections(db, plan_id)
    sec_by_id = {s.id: s for s in secs}
    tasks = []
    for row in ledger_rows(db, plan_id):
        sec = sec_by_id.get(row.section_id) if row.section_id else None
        tasks.append({
            "code": row.code, "title": row.title_zh, "title_en": row.title_en,
            "section": sec.title_zh if sec else None,
            "lead": row.lead.as_json() if row.lead else None,
            "cooperating": [d.as_json() for d in row.cooperating],
            "due": row.due.isoformat() if row.due else None,
            "targets": [{"value": t.value, "unit": t.unit, "year": t.year, "direction": t.direction.value,
                         "metric": t.metric, "text": t.text} for t in row.targets],
        })
    return {
        "id": plan[0], "title": plan[1], "title_en": plan[2],
        "sections": [{"id": s.id, "number": s.number, "title": s.title_zh, "title_en": s.title_en,
                      "parent": s.parent_id} for s in secs],
        "objectives": [{"value": t.value, "unit": t.unit, "year": t.year, "direction": t.direction.value,
                        "metric": t.metric, "text": t.text} for t in targets_for(db, plan_id, None)],
        "tasks": tasks,
    }
