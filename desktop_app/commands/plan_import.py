"""`peakdesk plan import FILE [--dry-run] [--json] [--translation-of PLAN_ID]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands.common import Context, print_json
from desktop_app.domain.models import Direction, Target
from desktop_app.domain.plan import DraftUnit, PlanDraft
from desktop_app.messages import msg


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Nothing at top level: `plan import` hangs under core's `plan` group (see add_import_parser)."""


def add_import_parser(plan_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = plan_sub.add_parser("import", help="import a plan document (.txt/.md/.docx) or task-division table (.xlsx)")
    p.add_argument("file", type=Path, help="the plan document")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--translation-of", type=int, metavar="PLAN_ID", default=None,
                   help="the file is a translation of plan PLAN_ID: add its titles/texts and unit names to that plan")
    p.add_argument("--column", action="append", default=[], metavar="HEADER=KIND",
                   help="what a table column the importer does not know holds, e.g. 督办科室=ignore or 主办处室=lead "
                        "(kinds: seq section title text lead coop resp due target leader note ignore); repeatable")
    p.add_argument("--as-new", action="store_true",
                   help="import as a new plan even when the same plan (same file or same tasks) is already imported")
    p.set_defaults(handler=cmd_plan_import, creates_db=True)


def _unit(u: DraftUnit | None) -> dict[str, Any] | None:
    if u is None:
        return None
    # the name this plan writes (name_zh carries it for the scorer and scripts); the registry's names beside it
    return {"code": u.code, "name": u.name, "name_zh": u.name, "name_en": u.name_en,
            "registry_zh": u.name_zh}


def _target(t: Target) -> dict[str, Any]:
    return {"value": t.value, "unit": t.unit, "year": t.year, "direction": Direction(t.direction).value, "text": t.text}


def draft_json(draft: PlanDraft, plan_id: int | None) -> dict[str, Any]:
    def section_name(i: int | None) -> str:
        if i is None:
            return ""
        s = draft.sections[i]
        return f"{s.number}{s.title}" if s.number else s.title

    return {
        "plan_id": plan_id,
        "title": draft.title,
        "sections": len(draft.task_sections()),
        "tasks": [{"code": t.code, "section": section_name(t.section), "title": t.title, "text": t.text,
                   "lead": _unit(t.lead), "cooperating": [_unit(u) for u in t.cooperating],
                   "targets": [_target(x) for x in t.targets], "joint": t.joint,
                   "due": t.due.isoformat() if t.due else None} for t in draft.tasks],
        "objectives": [_target(x) for x in draft.objectives],
        "warnings": [{"kind": w.kind, "task": w.task_code, "line": w.line, "message": w.message}
                     for w in draft.warnings],
    }


def _columns_map(specs: list[str]) -> dict[str, str]:
    from desktop_app.errors import UsageError
    from desktop_app.exchange.plan_table import COLUMN_KINDS

    out: dict[str, str] = {}
    for spec in specs:
        header, _, kind = spec.rpartition("=")
        if not header.strip() or kind.strip() not in COLUMN_KINDS:
            raise UsageError(msg("core.cli.column_spec", kinds=", ".join(COLUMN_KINDS), spec=spec))
        out[header.strip()] = kind.strip()
    return out


def cmd_plan_import(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services import import_plan  # the readers and parser load on first use

    pv = import_plan.preview(ctx.db, args.file, translation_of=args.translation_of,
                             columns_map=_columns_map(getattr(args, "column", []) or []) or None)
    plan_id: int | None = None
    result = None
    as_new = bool(getattr(args, "as_new", False))
    if not args.dry_run:
        result = import_plan.commit(ctx.db, pv, as_new=as_new)
        plan_id = result.plan_id
    data = draft_json(pv.draft, plan_id)
    if pv.translation_of is not None:
        data["translation_of"] = pv.translation_of
        data["aligned_tasks"] = len(pv.aligned)
    if pv.existing_plan_id is not None and not as_new:
        data["update_of"] = pv.existing_plan_id
        data["update_match"] = pv.match
        diff = result.diff if result and result.diff else pv.diff
        data["diff"] = diff.as_json() if diff else None
    if args.json:
        print_json(data)
        return 0
    zh = ctx.lang == "zh"
    action = ("预览" if zh else "Preview") if args.dry_run else ("已导入" if zh else "Imported")
    print(f"{action}: {data['title']} — {len(data['tasks'])} {'项任务' if zh else 'tasks'}, "
          f"{data['sections']} {'个章节' if zh else 'sections'}, {len(data['objectives'])} "
          f"{'项主要目标' if zh else 'objectives'}" + (f" (plan {plan_id})" if plan_id else ""))
    if "update_of" in data:
        how = msg(f"import.match.{pv.match}") if pv.match in ("sha256", "file_name", "content") else pv.match
        print(msg("import.recognised", plan=pv.existing_plan_id, how=how).render(ctx.lang))
    if "diff" in data and data["diff"]:
        d = data["diff"]
        print(msg("import.update_counts", plan=pv.existing_plan_id, added=d["added"], removed=d["removed"],
                  changed=d["changed"]).render(ctx.lang))
    for w in pv.draft.warnings:
        where = f"[{w.task_code}] " if w.task_code else ""
        print(f"  ! {where}{w.text(ctx.lang)}")
    return 0
