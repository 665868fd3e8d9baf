"""Task-division tables (重点任务分工表) in .xlsx sheets or .docx tables → ``PlanDraft``.

The header row is found by its names, in Chinese or English and in any order, within the first 30
rows of each sheet; a name not in the list is read by its words (牵头部门（单位） → lead), and one still
not understood is reported for the reviewer to map. Tables flattened to text (one row per line, or one
cell per line) are rebuilt first. Merged cells arrive already filled by the reader, so a 重点任务 cell merged over
several 具体措施 rows gives each row its task group. Rows whose only content is one text across the
row (一、能源绿色低碳转型) open a new section.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, DraftWarning, PlanDraft
from desktop_app.domain.plan_edit import renumber as renumber_tasks
from desktop_app.errors import InputRejected, Problem
from desktop_app.exchange.departments import Glossary, default_glossary
from desktop_app.exchange.plan_readers import PlanSource, SourceLine, SourceTable, column_letter
from desktop_app.exchange.plan_targets import due_from_text, extract_targets
from desktop_app.exchange.plan_text import (
    _plan_title,
    finish_warnings,
    first_sentence,
    match_number,
    parse_plan_lines,
)
from desktop_app.exchange.plan_units import (
    UnitSpec,
    first_listed_rule,
    has_traditional,
    is_marker_text,
    looks_like_unit,
    normalise_name,
    parse_spec,
    split_names,
    strip_pinyin,
    to_simplified,
)
from desktop_app.messages import msg

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "no", "no.", "#", "s/n", "serial number", "number"),
    "section": ("重点领域", "领域", "类别", "任务类别", "板块", "专项行动", "行动", "area", "category", "field", "section",
                "key area", "action"),
    "title": ("重点任务", "任务", "主要任务", "工作任务", "任务名称", "重点工作", "工作事项", "重点工作任务", "重点项目",
              "工作目标任务", "key task", "key tasks",
              "task", "tasks", "task name"),
    "text": ("具体措施", "工作措施", "主要措施", "具体举措", "工作举措", "主要举措", "推进措施", "工作要求", "目标要求",
             "主要工作措施", "具体工作措施", "重点工作内容", "工作内容及目标", "具体内容", "工作内容", "任务内容", "主要内容", "具体任务", "措施",
             "specific measures", "measures", "measure", "content", "description", "details", "actions"),
    "lead": ("牵头单位", "牵头部门", "主责单位", "牵头责任单位", "牵头责任部门", "主责部门", "牵头单位（部门）",
             "牵头单位(部门)", "主办单位", "lead unit", "lead units", "lead department", "leading unit", "lead"),
    "coop": ("配合单位", "配合部门", "协办单位", "参与单位", "协同责任单位", "协同单位", "协同部门", "参加单位",
             "配合责任单位", "协作单位", "协办部门", "cooperating units", "cooperating unit", "supporting units",
             "co-operating units", "cooperating departments"),
    "resp": ("责任单位", "责任部门", "负责单位", "主要责任单位", "实施单位", "责任主体", "responsible unit", "responsible units", "responsible unit(s)",
             "responsible departments"),
    "due": ("完成时限", "完成时间", "时间节点", "时限", "完成期限", "时间要求", "deadline", "due", "due date",
            "time limit", "completion time", "timeline"),
    "target": ("目标", "预期目标", "工作目标", "指标", "目标值", "target", "targets", "goal", "indicator"),
}
HEADER_NAMES["leader"] = ("责任领导", "分管领导", "牵头领导", "联系领导", "责任人", "leader", "responsible leader")
HEADER_NAMES["note"] = ("备注", "说明", "note", "notes", "remarks")
_LOOKUP = {name.lower(): key for key, names in HEADER_NAMES.items() for name in names}


@dataclass
class Header:
    row: int                      # index into table.rows
    columns: dict[str, int]


def _norm(cell: str) -> str:
    return re.sub(r"[\s*:：]", "", cell).lower() if re.search(r"[\u4e00-\u9fff]", cell) else \
        re.sub(r"\s+", " ", cell.strip(" *:：")).lower()


_GUESSES = [(re.compile(p), k) for p, k in (
    (r"领导|责任人|联系人", "leader"), (r"时限|时间|期限|节点|进度安排", "due"), (r"牵头|主责|主办", "lead"),
    (r"配合|协同|协办|参与|参加|协作", "coop"), (r"责任单位|责任部门|负责单位|负责部门|实施单位|责任主体", "resp"),
    (r"备注|说明", "note"), (r"^(?:序号|编号|序)$", "seq"), (r"指标|目标值|预期目标", "target"),
    (r"措施|举措|内容|要求|具体", "text"), (r"任务|工作|事项|项目", "title"), (r"领域|类别|板块|专项", "section"))]


def _header_guess(cell: str) -> str | None:
    """A header name not in the list, read by its words (牵头部门（单位） → lead, 工作任务及目标 → title)."""
    text = re.sub(r"\s+", "", cell)
    if not text or len(text) > 14 or not re.search(r"[\u4e00-\u9fff]", text):
        return None
    return next((k for pattern, k in _GUESSES if pattern.search(text)), None)


COLUMN_KINDS = ("seq", "section", "title", "text", "lead", "coop", "resp", "due", "target", "leader", "note", "ignore")


def find_header(table: SourceTable, columns_map: dict[str, str] | None = None) -> Header | None:
    """The header row: the first of 30 rows naming a task column and one more (``columns_map``: the
    reviewer's meaning for header texts the names do not cover, 'ignore' to leave a column out)."""
    for r, row in enumerate(table.rows[:30]):
        columns: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = (columns_map or {}).get(cell.strip()) or _LOOKUP.get(_norm(cell)) or _header_guess(cell)
            if key == "ignore":
                columns[f"ignore:{c}"] = c
                continue
            if key and key not in columns:
                columns[key] = c
        has_task = "title" in columns or "text" in columns
        has_more = len(set(columns) & {"lead", "coop", "resp", "due", "seq", "target"}) >= 1
        if has_task and has_more:
            if "title" not in columns and "section" in columns:
                pass
            return Header(r, columns)
    return None


def has_task_table(source: PlanSource, columns_map: dict[str, str] | None = None) -> bool:
    return any(find_header(t, columns_map) for t in source.tables)


def normalise_source(source: PlanSource) -> bool:
    """Strip pinyin inserted by reposting sites and fold traditional characters to simplified
    (OpenCC), in place; the original lines are kept on the source. True when text was folded."""
    sample = " ".join(ln.text for ln in source.lines[:400]) + " ".join(
        c for t in source.tables for r in t.rows[:100] for c in r)
    traditional = has_traditional(sample)

    def fix(text: str) -> str:
        text = strip_pinyin(text)
        return to_simplified(text) if traditional else text

    if not source.original_lines:
        source.original_lines = list(source.lines)
    source.lines = [SourceLine(fix(ln.text), ln.number) for ln in source.lines]
    for t in source.tables:
        t.rows = [[fix(c) for c in row] for row in t.rows]
    return traditional


def draft_from_source(source: PlanSource, *, glossary: Glossary | None = None,
                      columns_map: dict[str, str] | None = None) -> PlanDraft:
    """The draft for any read file: task tables when there are any, otherwise the text."""
    glossary = glossary or default_glossary()
    folded = normalise_source(source)
    draft = _draft_from_source(source, glossary, columns_map)
    if folded:
        draft.warnings.append(DraftWarning(msg("importer.traditional_folded"), kind="traditional_folded"))
    return draft


def _draft_from_source(source: PlanSource, glossary: Glossary, columns_map: dict[str, str] | None) -> PlanDraft:
    if has_task_table(source, columns_map):
        return draft_from_tables(source, glossary, columns_map=columns_map)
    if source.kind in ("text", "pdf", "html"):
        flat = flat_tables(source.lines)
        if flat:
            return draft_from_tables(PlanSource(source.path, source.sha256, source.kind, lines=source.lines[:0],
                                                tables=flat), glossary,
                                     title_lines=[ln for ln in source.lines if ln.number < flat[0].first_row
                                                  and not _CELL_END.search(ln.text)])
    if source.kind == "xlsx":
        names = ", ".join(HEADER_NAMES["title"][:2] + HEADER_NAMES["text"][:1] + HEADER_NAMES["lead"][:1]
                          + HEADER_NAMES["resp"][:1] + HEADER_NAMES["due"][:1])
        raise InputRejected(msg("importer.rejected", name=source.name),
                            [Problem(msg("importer.no_header_row", names=names),
                                     file=source.name, sheet=source.tables[0].name if source.tables else "")])
    draft = parse_plan_lines(source.lines, source_name=source.name, glossary=glossary, extracted=source.kind == "pdf")
    draft.source_name, draft.source_sha256 = source.name, source.sha256
    return draft


def draft_from_tables(source: PlanSource, glossary: Glossary, *, title_lines: list[SourceLine] | None = None,
                      columns_map: dict[str, str] | None = None) -> PlanDraft:
    tables = [(t, h) for t in source.tables if (h := find_header(t, columns_map)) is not None]
    title = source.path.stem
    if title_lines:
        title = _plan_title(title_lines)
    elif source.lines:
        title = _plan_title(source.lines[:60]) or title
    elif tables and tables[0][1].row > 0:
        above = [SourceLine(c, r + 1) for r, row in enumerate(tables[0][0].rows[:tables[0][1].row])
                 for c in dict.fromkeys(row) if c]
        title = _plan_title(above) or title
    english = not re.search(r"[\u4e00-\u9fff]", " ".join(" ".join(r) for t, _h in tables for r in t.rows[:50]))
    draft = PlanDraft(title=title, lang="en" if english else "zh", source_name=source.name,
                      source_sha256=source.sha256)
    several = len(tables) > 1
    plan_year = _year_of(title)
    first_is_lead = any(first_listed_rule(c) for t, _h in tables for r in t.rows[:40] for c in r) or any(
        first_listed_rule(ln.text) for ln in source.lines[:80])
    for table, header in tables:
        sheet_section: int | None = None
        if several:
            sheet_section = len(draft.sections)
            draft.sections.append(DraftSection("", table.name, level=1))
        current = sheet_section
        group_titles: dict[str, int] = {}
        cols = header.columns
        mapped = set(cols.values())
        for c, cell in enumerate(table.rows[header.row]):
            if cell and c not in mapped and cell not in {table.rows[header.row][m] for m in mapped}:
                where = f"{table.name}!{column_letter(c)}{table.first_row + header.row}"
                draft.warnings.append(DraftWarning(
                    msg("importer.unmapped_column", where=where, column=cell),
                    kind="unmapped_column", line=table.first_row + header.row, data={"column": cell, "where": where}))
        title_rows = [row[cols["title"]] for row in table.rows[header.row + 1:]
                      if "title" in cols and cols["title"] < len(row) and row[cols["title"]]]
        grouping = "text" in cols and "section" not in cols and len(set(title_rows)) < len(title_rows)
        for r in range(header.row + 1, len(table.rows)):
            row = table.rows[r]
            cells = {key: (row[c] if c < len(row) else "") for key, c in cols.items()}
            distinct = {c for c in row if c}
            if not distinct:
                continue
            if len(distinct) == 1 and re.match(r"^(?:注|说明|备注|note)\s*[:：]", next(iter(distinct)), re.I):
                continue   # a note row merged across the table
            seq_cell = cells.get("seq", "")
            if len(distinct) == 1 or (seq_cell and re.fullmatch(r"[一二三四五六七八九十]+、?|[IVX]+\.?", seq_cell)
                                      and not cells.get("lead") and not cells.get("resp") and not cells.get("coop")):
                current = len(draft.sections)
                text = next(iter(distinct)) if len(distinct) == 1 else " ".join(
                    c for c in dict.fromkeys(row) if c and c != seq_cell)
                if len(distinct) > 1:
                    text = seq_cell.rstrip("、") + "、" + text
                hit = match_number(text, english)
                draft.sections.append(DraftSection(hit[2] if hit else "", hit[3] if hit else text,
                                                   level=2 if several else 1, parent=sheet_section))
                group_titles = {}
                continue
            section = current
            if cells.get("section"):
                section = _group_section(draft, group_titles, cells["section"], current, english)
            title_cell, text_cell = cells.get("title", ""), cells.get("text", "")
            if not title_cell and not text_cell:
                continue
            task_title = ""
            if grouping and title_cell and text_cell and title_cell != text_cell:
                # 重点任务 merged over several 具体措施 rows: the task group is the section
                section = _group_section(draft, group_titles, title_cell, current, english)
                body = text_cell
            else:
                body = text_cell or title_cell
                task_title = title_cell if text_cell and title_cell else ""
            hit = match_number(body, english)
            body = hit[3] if hit else body
            task = DraftTask(code="", section=section, title=task_title or first_sentence(body), text=body,
                             line=table.first_row + r)
            _units_from_cells(task, cells, first_is_lead)
            task.due = parse_due(cells.get("due", ""), year=plan_year) or due_from_text(body)
            if cells.get("due") and task.due is None and not re.search(r"长期|持续|每年|常态|annual|ongoing|continu",
                                                                        cells["due"], re.I):
                draft.warnings.append(DraftWarning(
                    msg("importer.due_not_understood", due=cells["due"],
                        where=f"{table.name}!{column_letter(cols['due'])}{table.first_row + r}"),
                    line=table.first_row + r, kind="due_not_understood"))
            targets, _bare, _unknown = extract_targets(" ".join(x for x in (cells.get("target", ""), body) if x))
            task.targets = targets
            if english:
                task.title_en, task.text_en = task.title, task.text
            draft.tasks.append(task)
    if not draft.tasks:
        raise InputRejected(msg("importer.rejected", name=source.name),
                            [Problem(msg("importer.no_task_rows"), file=source.name, sheet=tables[0][0].name,
                                     cell=f"A{tables[0][0].first_row + tables[0][1].row + 1}")])
    # a section with no tasks of its own and no child sections is dropped (empty banner rows)
    renumber_tasks(draft)
    finish_warnings(draft)
    return draft


_CELL_END = re.compile(r"\s*[|｜\t]\s*$")
_TAIL_KINDS = ("lead", "coop", "resp", "due", "leader", "note", "target")


def _header_key(cell: str) -> str | None:
    return _LOOKUP.get(_norm(cell)) or _header_guess(cell)


def flat_tables(lines: list[SourceLine]) -> list[SourceTable]:
    """A task table flattened to text: one cell per line (…|) or one row per line (cells split by
    | or tabs, or by spaces with the unit columns at the end). Found by its header names."""
    texts = [ln.text for ln in lines]
    # one cell per line: a run of header names, then rows of the same width
    i = 0
    while i < len(texts):
        run = []
        j = i
        while j < len(texts) and _header_key(_CELL_END.sub("", texts[j])):
            run.append(_CELL_END.sub("", texts[j]))
            j += 1
        keys = [_header_key(c) for c in run]
        if len(run) >= 3 and ("title" in keys or "text" in keys) and set(keys) & {"lead", "resp", "coop"}:
            rows = [run]
            k = len(run)
            pos = j
            while pos + k <= len(texts):
                row = [_CELL_END.sub("", t) for t in texts[pos:pos + k]]
                if not re.fullmatch(r"\d{1,3}|[一二三四五六七八九十]+、?.*", row[0]) or not all(
                        _CELL_END.search(t) or t.endswith("|") for t in texts[pos:pos + k]):
                    break
                rows.append(row)
                pos += k
            if len(rows) > 1:
                return [SourceTable("text", rows, first_row=lines[i].number, where="table")]
        i = j + 1 if j > i else i + 1
    # one row per line
    for i, text in enumerate(texts):
        cells = _split_row(text, None)
        keys = [_header_key(c) for c in cells]
        if len(cells) < 3 or not all(keys) or not ({"title", "text"} & set(keys)) \
                or not ({"lead", "resp", "coop"} & set(keys)):
            continue
        header = cells
        rows = [header]
        for text2 in texts[i + 1:]:
            if not re.match(r"^\d{1,3}\s", text2):
                if rows[1:] and not re.match(r"^[一二三四五六七八九十]+、", text2):
                    break
                continue
            row = _split_row(text2, [k or "" for k in keys])
            if row:
                rows.append(row)
        if len(rows) > 1:
            return [SourceTable("text", rows, first_row=lines[i].number, where="table")]
    return []


def _split_row(text: str, keys: list[str] | None) -> list[str]:
    """Cells of a flattened row. With ``keys`` (the header's column kinds) a row split by spaces
    takes its unit/deadline columns from the end, one word each, and the rest as the task."""
    if re.search(r"[|｜\t]", text):
        cells = [c.strip() for c in re.split(r"\s*[|｜\t]\s*", text.strip(" |｜\t"))]
        return cells if keys is None or len(cells) == len(keys) else (cells + [""] * len(keys))[:len(keys)]
    words = text.split()
    if keys is None:
        return words
    tail = 0
    for k in reversed(keys):
        if k in _TAIL_KINDS:
            tail += 1
        else:
            break
    if len(words) < tail + 2:
        return []
    head, ends = words[: len(words) - tail], words[len(words) - tail:]
    middle_keys = keys[: len(keys) - tail]
    row = [""] * len(middle_keys)
    if middle_keys and middle_keys[0] == "seq":
        row[0] = head[0]
        head = head[1:]
    # the task text: from the first word with sentence punctuation on; the words before it name the task
    text_col = next((c for c, k in enumerate(middle_keys) if k == "text"), None)
    title_col = next((c for c, k in enumerate(middle_keys) if k == "title"), None)
    split_at = next((w for w, word in enumerate(head) if re.search(r"[，。；、,]", word)), len(head))
    before, after = "".join(head[:split_at]), " ".join(head[split_at:])
    if text_col is not None and title_col is not None:
        row[title_col], row[text_col] = before, after
    elif text_col is not None or title_col is not None:
        row[text_col if text_col is not None else title_col] = (before + " " + after).strip()  # type: ignore[index]
    return row + ends


def _group_section(draft: PlanDraft, groups: dict[str, int], key: str, parent: int | None, english: bool) -> int:
    """The section for a task group cell (created on first sight, under the current banner row)."""
    if key not in groups:
        groups[key] = len(draft.sections)
        hit = match_number(key, english)
        level = draft.sections[parent].level + 1 if parent is not None else 1
        draft.sections.append(DraftSection(hit[2] if hit else "", hit[3] if hit else key, level=level, parent=parent))
    return groups[key]


def _units_from_cells(task: DraftTask, cells: dict[str, str], first_is_lead: bool = False) -> list[str]:
    """Units from the lead / cooperating / responsible cells, as written; returns cell text not taken."""
    spec = UnitSpec()
    labelled = [c for c in (cells.get("resp", ""), cells.get("lead", ""), cells.get("coop", "")) if c and is_marker_text(c)]
    if labelled:
        # one cell saying it all: 牵头单位：X；配合单位：Y / X牵头，Y配合
        for cell in labelled:
            spec.extend(parse_spec(cell, first_is_lead=first_is_lead))
        names = spec.names
        if names:
            task.lead = DraftUnit(names[0])
            task.cooperating = [DraftUnit(n) for n in names[1:]]
        task.joint = spec.joint and not first_is_lead
        return spec.dropped
    leads = [normalise_name(n) for n in split_names(cells.get("lead", ""))]
    coop = [normalise_name(n) for n in split_names(cells.get("coop", ""))]
    resp = [normalise_name(n) for n in split_names(cells.get("resp", ""))]
    dropped = [n for n in leads + coop + resp if not looks_like_unit(n)]
    leads, coop, resp = ([n for n in x if looks_like_unit(n)] for x in (leads, coop, resp))
    if leads:
        spec.leads = leads
        spec.cooperating = [n for n in coop + resp if n not in leads]
    elif resp:
        spec.leads, spec.cooperating = resp[:1], [n for n in resp[1:] + coop if n != resp[0]]
        spec.joint = not first_is_lead and not coop
    else:
        spec.leads, spec.cooperating = coop[:1], coop[1:]
    names = spec.names
    if names:
        task.lead = DraftUnit(names[0])
        task.cooperating = [DraftUnit(n) for n in names[1:]]
    task.joint = spec.joint
    return dropped


def _year_of(title: str) -> int | None:
    m = re.search(r"(20\d\d)\s*年", title)
    return int(m.group(1)) if m else None


def parse_due(text: str, *, year: int | None = None) -> dt.date | None:
    """'2025年底前' → 2025-12-31, '2025年6月' → 2025-06-30, '2025-03-31' → that day; with the plan's
    ``year``: '12月底' → that year's 12-31, '全年' → its last day."""
    text = text.strip()
    if not text:
        return None
    if year is not None and not re.search(r"20\d\d", text):
        m = re.match(r"^(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)?$", text)
        if m and 1 <= int(m.group(1)) <= 12:
            month = int(m.group(1))
            if m.group(2):
                try:
                    return dt.date(year, month, int(m.group(2)))
                except ValueError:
                    return None
            return _month_end(year, month)
        if re.fullmatch(r"全年|年内|年底前?|年末|本年度|年底前完成", text):
            return dt.date(year, 12, 31)
    m = re.search(r"(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = re.search(r"(20\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?", text) or \
        re.search(r"(20\d\d)[-/](\d{1,2})(?!\d)()", text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            return None
        if m.group(3):
            try:
                return dt.date(year, month, int(m.group(3)))
            except ValueError:
                return None
        return _month_end(year, month)
    m = re.search(r"(20\d\d)\s*年?\s*(?:年底|底|末|年末|年内|前|$)", text) or re.search(r"(?:end of|by|before)\s+(20\d\d)", text, re.I)
    if m:
        return dt.date(int(m.group(1)), 12, 31)
    return None


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)
