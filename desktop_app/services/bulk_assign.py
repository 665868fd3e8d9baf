"""Assigning units at scale: many tasks at once, copying one task's units to others, creating a unit
inline, and importing a department list (.xlsx or .txt, with aliases).

Every function is one transaction: a rejected list or an unknown code leaves the database unchanged.
Unit names are resolved like the plan importer does: the registry (codes, names, aliases) first, then
the glossary of usual department names (which gives the bilingual names and a stable code), else a
new ``NEW-nnn`` code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from desktop_app.domain.models import ChangeSummary, DeptKind
from desktop_app.errors import InputRejected, PeakDeskError
from desktop_app.exchange.departments import default_glossary
from desktop_app.messages import Msg, msg
from desktop_app.store import departments
from desktop_app.store.db import write_tx
from desktop_app.store.ledger import set_assignments


def units_of(db: sqlite_utils.Database, task_ids: Iterable[int]) -> dict[int, tuple[str | None, list[str]]]:
    """Each task's (lead code, cooperating codes in order)."""
    ids = list(task_ids)
    out: dict[int, tuple[str | None, list[str]]] = {t: (None, []) for t in ids}
    if not ids:
        return out
    marks = ",".join("?" * len(ids))
    for task_id, role, code in db.execute(
            f"SELECT a.task_id, a.role, d.code FROM assignment a JOIN department d ON d.id = a.department_id "
            f"WHERE a.task_id IN ({marks}) ORDER BY a.task_id, a.role = 'cooperating', a.seq", ids).fetchall():
        lead, coop = out[task_id]
        if role == "lead":
            out[task_id] = (code, coop)
        else:
            coop.append(code)
    return out


def assign_units(db: sqlite_utils.Database, task_ids: Sequence[int], *, lead: str | None = None,
                 cooperating: Sequence[str] = (), replace_cooperating: bool = False,
                 keep_lead: bool = False) -> ChangeSummary:
    """Give every task in ``task_ids`` the lead ``lead`` (unless ``keep_lead``) and the ``cooperating``
    units (added to each task's own, or replacing them). A unit never appears twice on one task: the new
    lead leaves the cooperating list."""
    if not task_ids:
        return ChangeSummary()
    for code in [*([lead] if lead else []), *cooperating]:
        if departments.id_for_code(db, code) is None:
            raise PeakDeskError(msg("window.no_such_unit", code=code))
    current = units_of(db, task_ids)
    with write_tx(db):
        for task_id in task_ids:
            old_lead, old_coop = current[task_id]
            new_lead = old_lead if keep_lead or lead is None else lead
            coop = [] if replace_cooperating else list(old_coop)
            for code in cooperating:
                if code not in coop:
                    coop.append(code)
            coop = [c for c in coop if c != new_lead]
            set_assignments(db, task_id, new_lead, coop)
    return ChangeSummary(tasks=True, departments=True, details={"task_ids": list(task_ids)})


def copy_units(db: sqlite_utils.Database, source_task: int, target_tasks: Sequence[int]) -> ChangeSummary:
    """Give the target tasks exactly the source task's lead and cooperating units."""
    lead, coop = units_of(db, [source_task])[source_task]
    targets = [t for t in target_tasks if t != source_task]
    with write_tx(db):
        for task_id in targets:
            set_assignments(db, task_id, lead, coop)
    return ChangeSummary(tasks=True, departments=True, details={"task_ids": targets})


def tasks_without_lead(db: sqlite_utils.Database, plan_id: int) -> list[tuple[int, str, str, str]]:
    """(id, code, title_zh, title_en) of the plan's tasks that have no lead unit, in plan order."""
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3] or "")) for r in db.execute(
        "SELECT t.id, t.code, t.title_zh, t.title_en FROM task t WHERE t.plan_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.role = 'lead') ORDER BY t.seq", [plan_id])]


def _is_zh(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def create_unit(db: sqlite_utils.Database, name: str, name_en: str = "", *,
                kind: DeptKind = DeptKind.FUNCTIONAL) -> tuple[str, bool]:
    """The code of the unit called ``name`` (registry, then glossary), created if it does not exist yet.
    Returns (code, created)."""
    name = name.strip()
    if not name:
        raise PeakDeskError(msg("window.unit_name_empty"))
    found = departments.find(db, name) or (departments.find(db, name_en) if name_en else None)
    if found is not None:
        return found.code, False
    with write_tx(db):
        code, created = _create(db, name, name_en, kind)
    return code, created


def _create(db: sqlite_utils.Database, name: str, name_en: str, kind: DeptKind) -> tuple[str, bool]:
    hit = default_glossary().lookup(name) or (default_glossary().lookup(name_en) if name_en else None)
    if hit is not None and departments.get(db, hit.code) is None:
        zh = name if _is_zh(name) else hit.name_zh
        en = name_en or (name if not _is_zh(name) else hit.name_en)
        # Only the glossary's code and missing-language name are taken: its other spellings may name a
        # different unit in this locality (工业和信息化局 is not 经委), so aliases come from the person only.
        departments.upsert(db, hit.code, zh, en, kind=hit.kind)
        return hit.code, True
    code = departments.next_code(db)
    zh, en = (name, name_en) if _is_zh(name) else (name_en if _is_zh(name_en) else name, name_en or name)
    departments.upsert(db, code, zh, en, kind=kind)
    return code, True


# --- department lists -------------------------------------------------------------------------------

HEADERS = {
    "name_zh": ("名称", "单位", "单位名称", "中文名称", "name", "name_zh", "unit", "department"),
    "name_en": ("英文名称", "英文", "name_en", "english", "english name"),
    "aliases": ("别名", "简称", "aliases", "alias", "other names"),
    "code": ("代码", "编码", "code"),
    "contact_person": ("联系人", "contact", "contact person"),
    "contact_phone": ("电话", "联系电话", "phone", "telephone"),
}
_ALIAS_SPLIT = re.compile(r"[;；、,，/]+")
_COLUMNS_SPLIT = re.compile(r"\t|\s*\|\s*")


@dataclass
class ListEntry:
    where: Msg
    name_zh: str
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    code: str = ""
    contact_person: str = ""
    contact_phone: str = ""


@dataclass
class ListResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    aliases_added: int = 0
    summary: ChangeSummary = field(default_factory=ChangeSummary)


def read_department_list(path: Path | str) -> list[ListEntry]:
    """Entries of a .txt list (one unit a line: name [TAB or | English name [TAB or | aliases]]) or an .xlsx
    sheet with a header row (名称/英文名称/别名/代码/联系人/电话, or the English words)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv", ".tsv"):
        return _read_txt(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise InputRejected(msg("window.list_format", file=path.name))


def _entry(where: Msg, values: dict[str, str]) -> ListEntry | None:
    name = values.get("name_zh", "").strip()
    en = values.get("name_en", "").strip()
    if not name and not en:
        return None
    if not name:
        name = en
    aliases = [a.strip() for a in _ALIAS_SPLIT.split(values.get("aliases", "")) if a.strip()]
    return ListEntry(where, name, en, aliases, values.get("code", "").strip(),
                     values.get("contact_person", "").strip(), values.get("contact_phone", "").strip())


def _read_txt(path: Path) -> list[ListEntry]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputRejected(msg("window.list_encoding", file=path.name))
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = _COLUMNS_SPLIT.split(line)
        values = {"name_zh": parts[0]}
        if len(parts) > 1:
            values["name_en"] = parts[1]
        if len(parts) > 2:
            values["aliases"] = "；".join(parts[2:])
        entry = _entry(msg("window.list_line", file=path.name, line=number), values)
        if entry is not None:
            out.append(entry)
    return out


def _read_xlsx(path: Path) -> list[ListEntry]:
    from openpyxl import load_workbook

    from desktop_app.exchange.safe_xlsx import check_xlsx

    check_xlsx(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return []
        columns: dict[int, str] = {}
        for i, cell in enumerate(header):
            title = str(cell or "").strip().lower()
            for key, names in HEADERS.items():
                if title in names and key not in columns.values():
                    columns[i] = key
        if "name_zh" not in columns.values():
            raise InputRejected(msg("window.list_no_name_column", file=path.name, sheet=ws.title))
        out = []
        for number, row in enumerate(rows, 2):
            values = {key: str(row[i]).strip() if i < len(row) and row[i] is not None else ""
                      for i, key in columns.items()}
            entry = _entry(msg("window.list_row", file=path.name, sheet=ws.title, row=number), values)
            if entry is not None:
                out.append(entry)
        return out
    finally:
        wb.close()


def import_department_list(db: sqlite_utils.Database, path: Path | str) -> ListResult:
    """Add (or complete) the listed units with their English names, aliases and contacts, in one transaction.
    An alias already naming another unit rejects the whole list, naming the line or cell."""
    entries = read_department_list(path)
    if not entries:
        raise InputRejected(msg("window.list_empty", file=Path(path).name))
    result = ListResult()
    with write_tx(db):
        for e in entries:
            existing = departments.find(db, e.name_zh) or (departments.find(db, e.name_en) if e.name_en else None)
            if existing is None and e.code:
                existing = departments.get(db, e.code)
            if existing is None:
                if e.code:
                    departments.upsert(db, e.code, e.name_zh, e.name_en)
                    code = e.code
                else:
                    code, _ = _create(db, e.name_zh, e.name_en, DeptKind.FUNCTIONAL)
                result.created.append(code)
                dept = departments.require(db, code)
            else:
                dept = existing
                result.updated.append(dept.code)
            name_en = dept.name_en or e.name_en
            if (e.name_en and not dept.name_en) or e.contact_person or e.contact_phone:
                departments.upsert(db, dept.code, dept.name_zh, name_en, kind=dept.kind, short_zh=dept.short_zh,
                                   short_en=dept.short_en, to_check=dept.to_check,
                                   contact_person=e.contact_person or dept.contact_person,
                                   contact_phone=e.contact_phone or dept.contact_phone)
            names = [e.name_zh, e.name_en, *e.aliases]
            for alias in names:
                if not alias or alias in (dept.name_zh, dept.name_en, dept.code):
                    continue
                owner = departments.alias_owner(db, alias)
                other = departments.find(db, alias)
                if (owner and owner != dept.code) or (other is not None and other.code != dept.code):
                    raise InputRejected(msg("window.list_alias_taken", where=e.where, alias=alias,
                                            other=owner or (other.code if other else "")))
                if departments.add_alias(db, dept.id, alias, "zh" if _is_zh(alias) else "en"):
                    result.aliases_added += 1
    result.summary = ChangeSummary(departments=True)
    return result
