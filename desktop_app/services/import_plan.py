"""Importing a plan document: preview (read, parse, resolve units, recognise a re-import), then commit.

``preview`` writes nothing. ``commit`` writes in one transaction: a new plan, an update of the plan
the same file (sha256), the same file name or the same tasks in another file or format (content) was
imported into before (tasks matched by code, with a diff), or — with ``translation_of`` — the English
titles and texts of an existing plan's tasks aligned by structure (section ordinal + task number), plus
English aliases of their units.

Units keep the name the plan writes: they match a department by that exact name or alias; another
spelling of a registered unit at the same level is proposed (warning ``unit_match_proposed``), never
applied, and unknown units become departments "to check" under the plan's own spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, DeptKind, Role
from desktop_app.domain.plan import DraftTask, DraftWarning, PlanDraft
from desktop_app.errors import UsageError
from desktop_app.exchange.departments import Glossary, default_glossary, dominant_level
from desktop_app.exchange.plan_readers import read_plan_file
from desktop_app.exchange.plan_table import draft_from_source
from desktop_app.messages import listing, msg
from desktop_app.services import clock
from desktop_app.store import audit, departments, ledger
from desktop_app.store.db import write_tx


@dataclass
class TaskChange:
    code: str
    kind: str                      # 'added' | 'removed' | 'changed' | 'kept' (removed from the file, has progress)
    title: str
    fields: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, "change": self.kind, "title": self.title, "fields": self.fields}


@dataclass
class PlanDiff:
    plan_id: int
    changes: list[TaskChange] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[TaskChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def empty(self) -> bool:
        return not self.changes

    def as_json(self) -> dict[str, object]:
        return {"plan_id": self.plan_id, "added": len(self.of_kind("added")),
                "removed": len(self.of_kind("removed")) + len(self.of_kind("kept")),
                "changed": len(self.of_kind("changed")), "changes": [c.as_json() for c in self.changes]}


@dataclass
class ImportPreview:
    draft: PlanDraft
    path: Path
    existing_plan_id: int | None = None      # the plan this file updates (same sha256 or file name)
    match: str = ""                          # 'sha256' | 'file_name' | 'content' | 'revision' | ''
    diff: PlanDiff | None = None
    translation_of: int | None = None
    aligned: dict[str, int] = field(default_factory=dict)   # task code → task id of the original plan

    @property
    def warnings(self) -> list[DraftWarning]:
        return self.draft.warnings


@dataclass
class ImportResult:
    plan_id: int
    created: bool
    draft: PlanDraft
    diff: PlanDiff | None = None
    translation_of: int | None = None
    translated_tasks: int = 0
    changes: ChangeSummary = field(default_factory=ChangeSummary)


# --- preview --------------------------------------------------------------------------------------

def preview(db: sqlite_utils.Database, path: Path | str, *, translation_of: int | None = None,
            glossary: Glossary | None = None, columns_map: dict[str, str] | None = None,
            revision_of: int | None = None) -> ImportPreview:
    """Read and parse ``path`` and resolve its units against the registry; writes nothing.

    ``columns_map`` gives table header texts the reviewer mapped (``{"督办科室": "ignore", "主办处室": "lead"}``).
    ``revision_of`` names the plan the file revises (the Plans page's "re-import as revision"): the file is
    compared with that plan whatever its name or content, so a renamed, edited document still shows its diff."""
    path = Path(path)
    glossary = glossary or default_glossary()
    if translation_of is not None and not db.execute("SELECT 1 FROM plan WHERE id = ?", [translation_of]).fetchone():
        raise UsageError(msg("importer.no_translation_source", plan=translation_of))
    source = read_plan_file(path)
    draft = draft_from_source(source, glossary=glossary, columns_map=columns_map)
    draft.source_name, draft.source_sha256 = source.name, source.sha256
    resolve_units(db, draft, glossary)
    result = ImportPreview(draft, path, translation_of=translation_of)
    if translation_of is not None:
        result.aligned = _align(db, translation_of, draft)
        return result
    if revision_of is not None:
        if not db.execute("SELECT 1 FROM plan WHERE id = ? AND translation_of IS NULL", [revision_of]).fetchone():
            raise UsageError(msg("window.no_such_plan", plan=revision_of))
        result.existing_plan_id, result.match = revision_of, "revision"
        result.diff = diff_plan(db, revision_of, draft)
        return result
    row = db.execute("SELECT plan_id FROM plan_source WHERE sha256 = ? ORDER BY id DESC LIMIT 1",
                     [source.sha256]).fetchone()
    match = "sha256"
    if row is None:
        row = db.execute("SELECT plan_id FROM plan_source WHERE file_name = ? AND lang = ? ORDER BY id DESC LIMIT 1",
                         [source.name, draft.lang]).fetchone()
        match = "file_name"
    if row is None:
        same = same_content_plan(db, draft)
        if same is not None:
            row, match = (same,), "content"
    if row is not None:
        plan_id = int(row[0])
        original = db.execute("SELECT translation_of FROM plan WHERE id = ?", [plan_id]).fetchone()[0]
        if original is not None:       # the English file of a translation, again: re-apply it
            result.translation_of = int(original)
            result.aligned = _align(db, int(original), draft)
            return result
        result.existing_plan_id, result.match = plan_id, match
        result.diff = diff_plan(db, plan_id, draft)
    return result


def resolve_units(db: sqlite_utils.Database, draft: PlanDraft, glossary: Glossary) -> None:
    """Match each unit, named as the plan writes it, to the registry; unknown names stay code=None.

    A unit keeps the plan's own spelling. It matches a department by that spelling (name or alias);
    otherwise the glossary may recognise another spelling of the same unit at the same level
    (发改委 = 发展改革委; 市 stays 市, no prefix stays no prefix), which is proposed as a match in
    the review step. The glossary never renames a unit into another locality's department.
    """
    unknown: dict[str, list[str]] = {}
    matched: dict[str, tuple[str, list[str]]] = {}
    # translators drop the level ("Ecological Environment Bureau" for 区生态环境局): English names
    # without one take the plan's usual level; Chinese names are taken as written
    en_level = dominant_level([u.name for t in draft.tasks for u in ([t.lead] if t.lead else []) + t.cooperating
                               if not any("\u4e00" <= ch <= "\u9fff" for ch in u.name)])
    cache: dict[str, tuple[str | None, str, str, DeptKind, str]] = {}
    for task in draft.tasks:
        for unit in ([task.lead] if task.lead else []) + task.cooperating:
            hit = cache.get(unit.name)
            if hit is None:
                hit = _resolve_name(db, unit.name, glossary, en_level)
                cache[unit.name] = hit
            code, name_zh, name_en, kind, how = hit
            unit.code, unit.name_zh, unit.name_en, unit.kind = code, name_zh, name_en, kind
            if how == "unknown":
                unknown.setdefault(unit.name, []).append(task.code)
            elif how.startswith("synonym:"):
                # another spelling of a registered unit: proposed, not applied, so that the plan keeps its name
                matched.setdefault(unit.name, (f"{how[8:]}\t{code}", []))[1].append(task.code)
                unit.code, unit.name_zh = None, unit.name
    for name, codes in unknown.items():
        draft.warnings.append(DraftWarning(
            msg("importer.unknown_department", name=name, codes=listing(codes[:8]), more=" …" if len(codes) > 8 else ""),
            task_code=codes[0], kind="unknown_department", data={"name": name}))
    for name, (registry, codes) in matched.items():
        registry_name, registry_code = registry.split("\t")
        draft.warnings.append(DraftWarning(
            msg("importer.unit_match_proposed", name=name, registry_name=registry_name, registry_code=registry_code),
            task_code=codes[0],
            kind="unit_match_proposed", data={"name": name, "code": registry_code, "registry_name": registry_name}))


def _resolve_name(db: sqlite_utils.Database, name: str, glossary: Glossary,
                  en_level: str) -> tuple[str | None, str, str, DeptKind, str]:
    """(code, name_zh, name_en, kind, how) for a unit name as written; how = exact|glossary|synonym:…|unknown."""
    english = not any("\u4e00" <= ch <= "\u9fff" for ch in name)
    found = _find_as_written(db, name)
    if found is not None:
        zh = found.name_zh if english else name
        return found.code, zh, found.name_en if not english else name, DeptKind(found.kind), "exact"
    hit = glossary.lookup(name, default_level=en_level if english else None)
    if hit is None:
        return None, ("" if english else name), (name if english else ""), DeptKind.FUNCTIONAL, "unknown"
    existing = departments.get(db, hit.code)
    if existing is not None and existing.merged_into is None:
        zh = existing.name_zh if english else name
        how = "exact" if english or existing.name_zh == name else f"synonym:{existing.name_zh}"
        return existing.code, zh, name if english else existing.name_en, DeptKind(existing.kind), how
    # a new department: the plan's own spelling, the glossary's other language as a suggestion
    return hit.code, (hit.name_zh if english else name), (name if english else hit.name_en), hit.kind, "glossary"


def _key(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text).lower()


def same_content_plan(db: sqlite_utils.Database, draft: PlanDraft) -> int | None:
    """The plan holding the same tasks as ``draft`` (the same plan as .txt and as .xlsx, or under
    another file name): most of the draft's task titles appear in that plan's tasks and the task
    counts are close. None when no plan is that close."""
    keys = [k[:12] for k in (_key(t.title) for t in draft.tasks) if len(k) >= 4]
    if len(keys) < 3:
        return None
    best: tuple[float, int] | None = None
    plans = db.execute("SELECT id FROM plan WHERE translation_of IS NULL").fetchall()
    for (plan_id,) in plans:
        rows = db.execute("SELECT title_zh, text_zh, title_en FROM task WHERE plan_id = ?", [plan_id]).fetchall()
        if not rows or not 0.7 <= len(rows) / len(draft.tasks) <= 1.4:
            continue
        hay = "\n".join(_key(f"{a}{b}{c}") for a, b, c in rows)
        ratio = sum(1 for k in keys if k in hay) / len(keys)
        if ratio >= 0.7 and (best is None or ratio > best[0]):
            best = (ratio, int(plan_id))
    return best[1] if best else None


# --- diff against the ledger ------------------------------------------------------------------------

def _task_snapshot(draft_task: DraftTask) -> dict[str, object]:
    return {
        "title": draft_task.title, "text": draft_task.text,
        "lead": draft_task.lead.code or draft_task.lead.name if draft_task.lead else None,
        "cooperating": [u.code or u.name for u in draft_task.cooperating],
        "targets": [(t.value, t.unit, t.year) for t in draft_task.targets],
        "due": draft_task.due.isoformat() if draft_task.due else None,
    }


def _db_snapshots(db: sqlite_utils.Database, plan_id: int) -> dict[str, tuple[int, dict[str, object]]]:
    units = ledger.assignments_by_task(db, plan_id)
    targets: dict[int, list[tuple[object, object, object]]] = {}
    for task_id, value, unit, year in db.execute(
            "SELECT task_id, value, unit, year FROM target WHERE plan_id = ? AND task_id IS NOT NULL "
            "ORDER BY task_id, seq", [plan_id]).fetchall():
        targets.setdefault(task_id, []).append((value, unit, year))
    out = {}
    for tid, code, title, text, due in db.execute(
            "SELECT id, code, title_zh, text_zh, due_date FROM task WHERE plan_id = ? ORDER BY seq", [plan_id]).fetchall():
        assigned = units.get(tid, [])
        out[code] = (tid, {
            "title": title, "text": text,
            "lead": next((d.code for r, d in assigned if r is Role.LEAD), None),
            "cooperating": [d.code for r, d in assigned if r is Role.COOPERATING],
            "targets": targets.get(tid, []), "due": due})
    return out


def diff_plan(db: sqlite_utils.Database, plan_id: int, draft: PlanDraft) -> PlanDiff:
    """What committing ``draft`` over plan ``plan_id`` would change, task by task (matched by code)."""
    existing = _db_snapshots(db, plan_id)
    diff = PlanDiff(plan_id)
    seen = set()
    for task in draft.tasks:
        seen.add(task.code)
        old = existing.get(task.code)
        if old is None:
            diff.changes.append(TaskChange(task.code, "added", task.title))
            continue
        new = _task_snapshot(task)
        changed = [k for k, v in new.items() if v != old[1][k]]
        if changed:
            diff.changes.append(TaskChange(task.code, "changed", task.title, changed))
    for code, (tid, snap) in existing.items():
        if code not in seen:
            has_progress = db.execute("SELECT 1 FROM progress WHERE task_id = ? LIMIT 1", [tid]).fetchone()
            diff.changes.append(TaskChange(code, "kept" if has_progress else "removed", str(snap["title"])))
    return diff


def _align(db: sqlite_utils.Database, plan_id: int, draft: PlanDraft) -> dict[str, int]:
    """Task code → task id of ``plan_id`` for the draft's tasks (same section ordinal and number)."""
    ids = {code: tid for tid, code in db.execute("SELECT id, code FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
    aligned = {t.code: ids[t.code] for t in draft.tasks if t.code in ids}
    missing = [t.code for t in draft.tasks if t.code not in ids]
    if missing:
        draft.warnings.append(DraftWarning(
            msg("importer.translation_missing", count=len(missing), plan=plan_id, codes=listing(missing[:10])),
            kind="translation_unaligned"))
    extra = len(ids) - len(aligned)
    if extra > 0:
        draft.warnings.append(DraftWarning(msg("importer.translation_extra", count=extra, plan=plan_id),
                                           kind="translation_unaligned"))
    return aligned


# --- commit -----------------------------------------------------------------------------------------

def commit(db: sqlite_utils.Database, preview_or_draft: ImportPreview | PlanDraft, *,
           translation_of: int | None = None, as_new: bool = False) -> ImportResult:
    """Write the (reviewed) draft in one transaction; nothing is written when anything fails."""
    if isinstance(preview_or_draft, ImportPreview):
        pv = preview_or_draft
        draft = pv.draft
        translation_of = translation_of if translation_of is not None else pv.translation_of
        existing = None if as_new else pv.existing_plan_id
    else:
        draft, existing = preview_or_draft, None
        if not as_new and draft.source_sha256:
            row = db.execute("SELECT plan_id FROM plan_source WHERE sha256 = ? ORDER BY id DESC LIMIT 1",
                             [draft.source_sha256]).fetchone()
            existing = int(row[0]) if row else None
    with write_tx(db):
        if translation_of is not None:
            plan_id, count = _commit_translation(db, draft, translation_of)
            audit.log(db, "translate", "plan", translation_of, {"tasks": count, "source": draft.source_name})
            return ImportResult(plan_id, True, draft, translation_of=translation_of, translated_tasks=count,
                                changes=ChangeSummary(tasks=True, plans=True, departments=True))
        if existing is not None:
            diff = diff_plan(db, existing, draft)
            _create_new_units(db, draft)
            _commit_update(db, existing, draft, diff)
            audit.log(db, "update", "plan", existing, {"source": draft.source_name, **{
                k: v for k, v in diff.as_json().items() if k != "changes"}})
            return ImportResult(existing, False, draft, diff=diff,
                                changes=ChangeSummary(tasks=True, plans=True, departments=True))
        _create_new_units(db, draft)
        plan_id = ledger.save_plan_draft(db, draft)
        _add_glossary_aliases(db, draft)
    return ImportResult(plan_id, True, draft, changes=ChangeSummary(tasks=True, plans=True, departments=True))


def _create_new_units(db: sqlite_utils.Database, draft: PlanDraft) -> None:
    """Units the registry does not know become departments under the name the plan writes ("to check"),
    before the ledger links them: a looser lookup there (short names) must not fold them into another."""
    made: dict[str, str] = {}
    for task in draft.tasks:
        for unit in ([task.lead] if task.lead else []) + task.cooperating:
            if unit.code:
                continue
            code = made.get(unit.name)
            if code is None:
                code = departments.next_code(db)
                english = not any("\u4e00" <= ch <= "\u9fff" for ch in unit.name)
                departments.upsert(db, code, unit.name_zh or unit.name, unit.name_en or (unit.name if english else ""),
                                   kind=unit.kind, to_check=True)
                made[unit.name] = code
            unit.code = code


def _find_as_written(db: sqlite_utils.Database, name: str) -> departments.Department | None:
    """A department named exactly so (name, English name, code or alias); short display names do not count."""
    row = db.execute("SELECT code FROM department WHERE name_zh = ? OR lower(name_en) = lower(?) OR code = ? "
                     "ORDER BY merged_into IS NOT NULL, id LIMIT 1", [name, name, name]).fetchone()
    if row is None:
        row = db.execute("SELECT d.code FROM department_alias a JOIN department d ON d.id = a.department_id "
                         "WHERE a.alias = ? LIMIT 1", [name]).fetchone()
    return departments.find(db, str(row[0])) if row else None


def _add_glossary_aliases(db: sqlite_utils.Database, draft: PlanDraft) -> None:
    """Remember the canonical Chinese/English names as aliases of the departments just created."""
    for task in draft.tasks:
        for unit in ([task.lead] if task.lead else []) + task.cooperating:
            if unit.code:
                dept_id = departments.id_for_code(db, unit.code)
                if dept_id is not None:
                    if unit.name_en:
                        departments.add_alias(db, dept_id, unit.name_en, "en")
                    if unit.name_zh:
                        departments.add_alias(db, dept_id, unit.name_zh, "zh")


def _source_row(db: sqlite_utils.Database, plan_id: int, draft: PlanDraft) -> None:
    if draft.source_sha256:
        db.execute("INSERT INTO plan_source (plan_id, file_name, sha256, lang, imported_at) VALUES (?, ?, ?, ?, ?)",
                   [plan_id, draft.source_name, draft.source_sha256, draft.lang,
                    clock.now_stamp()])


def _unit_ids(db: sqlite_utils.Database, task: DraftTask, lang: str) -> list[tuple[int, Role]]:
    units = ([(task.lead, Role.LEAD)] if task.lead else []) + [(u, Role.COOPERATING) for u in task.cooperating]
    out: list[tuple[int, Role]] = []
    for unit, role in units:
        dept_id = ledger.department_for_unit(db, unit, lang)
        if all(d != dept_id for d, _r in out):
            out.append((dept_id, role))
    return out


def _commit_update(db: sqlite_utils.Database, plan_id: int, draft: PlanDraft, diff: PlanDiff) -> None:
    # sections: reuse rows in order, add the extra ones, drop the rest
    old_sections = [r[0] for r in db.execute("SELECT id FROM section WHERE plan_id = ? ORDER BY seq, id",
                                             [plan_id]).fetchall()]
    section_ids: dict[int, int] = {}
    for i, sec in enumerate(draft.sections):
        parent = section_ids.get(sec.parent) if sec.parent is not None else None
        if i < len(old_sections):
            db.execute("UPDATE section SET parent_id = ?, seq = ?, number = ?, title_zh = ?, "
                       "title_en = CASE WHEN ? != '' THEN ? ELSE title_en END WHERE id = ?",
                       [parent, i, sec.number, sec.title, sec.title_en, sec.title_en, old_sections[i]])
            section_ids[i] = old_sections[i]
        else:
            section_ids[i] = int(db.execute(
                "INSERT INTO section (plan_id, parent_id, seq, number, title_zh, title_en) VALUES (?, ?, ?, ?, ?, ?) "
                "RETURNING id", [plan_id, parent, i, sec.number, sec.title, sec.title_en]).fetchone()[0])
    existing = {code: tid for tid, code in db.execute("SELECT id, code FROM task WHERE plan_id = ?", [plan_id]).fetchall()}
    changed = {c.code for c in diff.changes if c.kind in ("changed", "added")}
    for seq, task in enumerate(draft.tasks):
        section_id = section_ids.get(task.section) if task.section is not None else None
        tid = existing.get(task.code)
        if tid is None:
            cur = db.execute(
                "INSERT INTO task (plan_id, section_id, code, seq, title_zh, title_en, text_zh, text_en, start_date, "
                "due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [plan_id, section_id, task.code, seq, task.title, task.title_en, task.text, task.text_en,
                 task.start.isoformat() if task.start else None, task.due.isoformat() if task.due else None])
            tid = int(cur.fetchone()[0])
        else:
            db.execute("UPDATE task SET section_id = ?, seq = ?, title_zh = ?, text_zh = ?, due_date = ? WHERE id = ?",
                       [section_id, seq, task.title, task.text, task.due.isoformat() if task.due else None, tid])
        if task.code in changed:
            db.execute("DELETE FROM assignment WHERE task_id = ?", [tid])
            for useq, (dept_id, role) in enumerate(_unit_ids(db, task, draft.lang)):
                db.execute("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?)",
                           [tid, dept_id, role.value, useq])
            db.execute("DELETE FROM target WHERE task_id = ?", [tid])
            for tseq, target in enumerate(task.targets):
                ledger.insert_target(db, plan_id, tid, tseq, target)
    for change in diff.of_kind("removed"):
        db.execute("DELETE FROM task WHERE plan_id = ? AND code = ?", [plan_id, change.code])
    db.execute("DELETE FROM target WHERE plan_id = ? AND task_id IS NULL", [plan_id])
    for seq, obj in enumerate(draft.objectives):
        ledger.insert_target(db, plan_id, None, seq, obj)
    for sid in old_sections[len(draft.sections):]:
        db.execute("UPDATE task SET section_id = NULL WHERE section_id = ?", [sid])
        db.execute("DELETE FROM section WHERE id = ?", [sid])
    _source_row(db, plan_id, draft)


def _commit_translation(db: sqlite_utils.Database, draft: PlanDraft, original: int) -> tuple[int, int]:
    """English titles/texts onto the original plan's tasks; a plan row linked by translation_of."""
    aligned = _align(db, original, PlanDraft(title="", tasks=draft.tasks))
    row = db.execute("SELECT p.id FROM plan p JOIN plan_source s ON s.plan_id = p.id "
                     "WHERE p.translation_of = ? AND s.sha256 = ?", [original, draft.source_sha256]).fetchone()
    if row is None:
        title_zh = db.execute("SELECT title_zh FROM plan WHERE id = ?", [original]).fetchone()[0]
        plan_id = int(db.execute(
            "INSERT INTO plan (title_zh, title_en, translation_of, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            [title_zh, draft.title_en or draft.title, original, clock.now_stamp()]).fetchone()[0])
        _source_row(db, plan_id, draft)
    else:
        plan_id = int(row[0])
    db.execute("UPDATE plan SET title_en = ? WHERE id = ? AND title_en = ''", [draft.title_en or draft.title, original])
    units = ledger.assignments_by_task(db, original)
    section_of: dict[int, int | None] = {}
    for task in draft.tasks:
        tid = aligned.get(task.code)
        if tid is None:
            continue
        db.execute("UPDATE task SET title_en = ?, text_en = ? WHERE id = ?",
                   [task.title_en or task.title, task.text_en or task.text, tid])
        section_of[tid] = task.section
        printed = ([task.lead] if task.lead else []) + task.cooperating
        held = units.get(tid, [])
        if len(printed) != len(held):
            draft.warnings.append(DraftWarning(
                msg("importer.translation_unit_count", code=task.code, printed=len(printed), held=len(held)),
                task_code=task.code, kind="translation_units"))
            continue
        for unit, (_role, dept) in zip(printed, held, strict=True):
            if unit.code and unit.code != dept.code:
                draft.warnings.append(DraftWarning(
                    msg("importer.translation_unit_code", code=task.code, name=unit.name, registry_code=unit.code,
                        plan_code=dept.code),
                    task_code=task.code, kind="translation_units"))
                continue
            dept_id = departments.id_for_code(db, dept.code)
            if dept_id is not None:
                departments.add_alias(db, dept_id, unit.name, "en")
    # English section titles through the tasks they hold
    for tid, sec_index in section_of.items():
        if sec_index is None:
            continue
        title_en = draft.sections[sec_index].title
        db.execute("UPDATE section SET title_en = ? WHERE id = (SELECT section_id FROM task WHERE id = ?) "
                   "AND title_en = ''", [title_en, tid])
    return plan_id, len(section_of)
