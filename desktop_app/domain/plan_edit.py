"""Review edits on an import preview, as pure functions: each returns a new ``PlanDraft``.

The review dialog calls these and shows the result; undo is keeping the previous draft. Task codes
are recomputed after every structural edit ('<ordinal of task-holding section>.<position>').
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from desktop_app.domain.models import Target
from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, PlanDraft


def renumber(draft: PlanDraft) -> PlanDraft:
    ordinals = {s: i + 1 for i, s in enumerate(draft.task_sections())}
    counts: dict[int | None, int] = {}
    for task in draft.tasks:
        counts[task.section] = counts.get(task.section, 0) + 1
        k = counts[task.section]
        task.code = f"{ordinals[task.section]}.{k}" if task.section is not None else str(k)
    return draft


def _copy(draft: PlanDraft) -> PlanDraft:
    return copy.deepcopy(draft)


def _check_task(draft: PlanDraft, index: int) -> None:
    if not 0 <= index < len(draft.tasks):
        raise IndexError(f"no task {index} (the draft has {len(draft.tasks)})")


def promote_to_section(draft: PlanDraft, task_index: int) -> PlanDraft:
    """A line read as a task is really a heading: it becomes a section, and the tasks after it in the
    same section move under it."""
    d = _copy(draft)
    _check_task(d, task_index)
    task = d.tasks[task_index]
    parent = task.section
    level = d.sections[parent].level + 1 if parent is not None else 1
    new_index = len(d.sections)
    d.sections.append(DraftSection(number="", title=task.title, level=level, parent=parent, title_en=task.title_en))
    for later in d.tasks[task_index + 1:]:
        if later.section != parent:
            break
        later.section = new_index
    del d.tasks[task_index]
    return _order_sections(renumber(d))


def demote_to_task(draft: PlanDraft, section_index: int) -> PlanDraft:
    """A line read as a section heading is really a task: it becomes a task in its parent section
    (at the place of the heading); its own tasks and sub-sections move up to the parent."""
    d = _copy(draft)
    if not 0 <= section_index < len(d.sections):
        raise IndexError(f"no section {section_index}")
    sec = d.sections[section_index]
    parent = sec.parent
    position = next((i for i, t in enumerate(d.tasks) if _within(d, t.section, section_index)), len(d.tasks))
    for t in d.tasks:
        if t.section == section_index:
            t.section = parent
    for s in d.sections:
        if s.parent == section_index:
            s.parent = parent
    d.tasks.insert(position, DraftTask(code="", section=parent, title=sec.title, text=sec.title,
                                       title_en=sec.title_en))
    _remove_section(d, section_index)
    return _order_sections(renumber(d))


def _within(d: PlanDraft, section: int | None, ancestor: int) -> bool:
    while section is not None:
        if section == ancestor:
            return True
        section = d.sections[section].parent
    return False


def _remove_section(d: PlanDraft, index: int) -> None:
    del d.sections[index]

    def shift(i: int | None) -> int | None:
        return None if i is None else (i - 1 if i > index else i)

    for s in d.sections:
        s.parent = shift(s.parent)
    for t in d.tasks:
        t.section = shift(t.section)


def _order_sections(d: PlanDraft) -> PlanDraft:
    """Keep sections in document order (by their first task) so codes follow the reading order."""
    first_task: dict[int, int] = {}
    for i, t in enumerate(d.tasks):
        s = t.section
        while s is not None:
            first_task.setdefault(s, i)
            s = d.sections[s].parent
    order = sorted(range(len(d.sections)), key=lambda i: (first_task.get(i, len(d.tasks) + i), i))
    remap = {old: new for new, old in enumerate(order)}
    d.sections = [d.sections[i] for i in order]
    for sec in d.sections:
        sec.parent = remap[sec.parent] if sec.parent is not None else None
    for t in d.tasks:
        t.section = remap[t.section] if t.section is not None else None
    return renumber(d)


def merge_tasks(draft: PlanDraft, first: int, second: int) -> PlanDraft:
    """Two tasks are one: texts joined, units and targets combined (first task's lead leads)."""
    d = _copy(draft)
    _check_task(d, first)
    _check_task(d, second)
    if first == second:
        raise ValueError("cannot merge a task with itself")
    a, b = d.tasks[first], d.tasks[second]
    a.text = "\n".join(x for x in (a.text, b.text) if x)
    a.text_en = "\n".join(x for x in (a.text_en, b.text_en) if x)
    names = {u.name for u in ([a.lead] if a.lead else []) + a.cooperating}
    if a.lead is None and b.lead is not None:
        a.lead = b.lead
        names.add(b.lead.name)
    for u in ([b.lead] if b.lead else []) + b.cooperating:
        if u.name not in names:
            a.cooperating.append(u)
            names.add(u.name)
    a.targets = a.targets + b.targets
    a.due = max((x for x in (a.due, b.due) if x), default=None)
    del d.tasks[second]
    return renumber(d)


def split_task(draft: PlanDraft, index: int, at: int) -> PlanDraft:
    """Cut a task's text at character ``at``: the second part becomes a new task right after it, with
    the same units; targets go with the part their source text is in."""
    d = _copy(draft)
    _check_task(d, index)
    task = d.tasks[index]
    if not 0 < at < len(task.text):
        raise ValueError(f"split position {at} is outside the text (1..{len(task.text) - 1})")
    head, tail = task.text[:at].rstrip(), task.text[at:].lstrip()
    second = replace(task, text=tail, title=_lead_sentence(tail), cooperating=list(task.cooperating),
                     lead=copy.deepcopy(task.lead), targets=[t for t in task.targets if t.text and t.text in tail],
                     line=None, title_en="", text_en="")
    task.text = head
    task.targets = [t for t in task.targets if t not in second.targets]
    d.tasks.insert(index + 1, second)
    return renumber(d)


def _lead_sentence(text: str) -> str:
    m = re.search(r"[。！？；]|[.!?;](?=\s|$)", text)
    return (text[: m.start()] if m else text)[:80].strip()


def reassign_units(draft: PlanDraft, index: int, lead: DraftUnit | None,
                   cooperating: list[DraftUnit]) -> PlanDraft:
    d = _copy(draft)
    _check_task(d, index)
    d.tasks[index].lead = copy.deepcopy(lead)
    d.tasks[index].cooperating = [copy.deepcopy(u) for u in cooperating if lead is None or u.name != lead.name]
    d.warnings = [w for w in d.warnings if not (w.kind == "no_unit" and w.task_code == d.tasks[index].code
                                                 and lead is not None)]
    return d


def set_targets(draft: PlanDraft, index: int, targets: list[Target]) -> PlanDraft:
    d = _copy(draft)
    _check_task(d, index)
    d.tasks[index].targets = [copy.deepcopy(t) for t in targets]
    return d


def edit_target(draft: PlanDraft, index: int, target_index: int, **changes: object) -> PlanDraft:
    """Change fields of one target (value, unit, year, direction, …); index -1 = plan objectives."""
    d = _copy(draft)
    targets = d.objectives if index == -1 else (d.tasks[index].targets if 0 <= index < len(d.tasks) else None)
    if targets is None:
        raise IndexError(f"no task {index}")
    if not 0 <= target_index < len(targets):
        raise IndexError(f"no target {target_index}")
    targets[target_index] = replace(targets[target_index], **changes)  # type: ignore[arg-type]
    return d
