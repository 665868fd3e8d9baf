"""Edits the window makes, for scripts: task edit, department add/edit/merge, holidays, period
create/due, backups. Each goes through the Desk (services/desk.py): one transaction, an audit entry,
the same checks as the window."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop_app.commands.common import Context, add_plan_arg, parse_date, print_json
from desktop_app.domain.models import DeptKind, Direction, Target
from desktop_app.errors import UsageError
from desktop_app.messages import msg


def _due(text: str) -> dt.date | None:
    if text.strip().lower() in ("", "none", "-"):
        return None
    try:
        return parse_date(text)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(str(exc)) from exc


def _target(text: str) -> Target:
    """``METRIC:DIRECTION:VALUE:UNIT:YEAR`` (empty parts allowed), e.g. ``单位GDP能耗:reduce_by:14:%:2025``."""
    parts = (text.split(":") + [""] * 5)[:5]
    metric, direction, value, unit, year = (p.strip() for p in parts)
    try:
        return Target(value=float(value) if value else None, unit=unit, year=int(year) if year else None,
                      direction=Direction(direction or "at_least"), text=text, metric=metric)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{text!r}: use METRIC:DIRECTION:VALUE:UNIT:YEAR, DIRECTION one of "
            f"{', '.join(d.value for d in Direction)}") from exc


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    task = sub.add_parser("task", help="edit a task of the ledger")
    task_sub = task.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    p = task_sub.add_parser("edit", help="change a task's title, text, due date, units or targets")
    p.add_argument("code", help="task code, e.g. 3.1.2")
    p.add_argument("--title", dest="title_zh", help="Chinese title")
    p.add_argument("--title-en", dest="title_en", help="English title")
    p.add_argument("--text", dest="text_zh", help="Chinese text")
    p.add_argument("--text-en", dest="text_en", help="English text")
    p.add_argument("--due", default=None, metavar="YYYY-MM-DD|none", help="due date ('none' clears it)")
    p.add_argument("--lead", default=False, metavar="CODE|none", help="lead unit's code ('none' removes it)")
    p.add_argument("--cooperating", default=None, metavar="CODE,CODE",
                   help="cooperating units' codes, comma-separated (empty string: none)")
    p.add_argument("--target", dest="targets", action="append", type=_target, default=None,
                   metavar="METRIC:DIR:VALUE:UNIT:YEAR", help="replace the targets (repeatable)")
    p.add_argument("--no-targets", action="store_true", help="remove every target")
    p.add_argument("--json", action="store_true")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_task_edit)

    hol = sub.add_parser("holiday", help="the reporting calendar: public holidays and make-up working days")
    hol_sub = hol.add_subparsers(dest="holiday_command", metavar="ACTION", required=True)
    p = hol_sub.add_parser("list", help="the year's holidays and make-up working days")
    p.add_argument("--year", type=int, default=None, help="default: this year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_holiday_list)
    p = hol_sub.add_parser("set", help="mark a day as a public holiday or a make-up working day (调休)")
    p.add_argument("date", type=parse_date)
    p.add_argument("--kind", choices=["holiday", "workday"], default="holiday")
    p.add_argument("--name", default="")
    p.set_defaults(handler=cmd_holiday_set)
    p = hol_sub.add_parser("remove", help="remove a day from the calendar (back to the weekday rule)")
    p.add_argument("date", type=parse_date)
    p.set_defaults(handler=cmd_holiday_remove)

    bak = sub.add_parser("backup", help="database backups: list, create, restore, keep")
    bak_sub = bak.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    p = bak_sub.add_parser("list", help="this database's backups, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup_list)
    p = bak_sub.add_parser("create", help="back the database up now")
    p.add_argument("--reason", default="manual")
    p.set_defaults(handler=cmd_backup_create)
    p = bak_sub.add_parser("restore", help="replace the database's content with a backup (backs up first)")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_backup_restore, creates_db=True)
    p = bak_sub.add_parser("keep", help="show or set how many backups of this database are kept")
    p.add_argument("count", type=int, nargs="?", default=None)
    p.set_defaults(handler=cmd_backup_keep)


def add_dept_actions(dept_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``dept add``, ``dept edit``, ``dept merge`` (registered beside ``dept list``)."""
    for action in ("add", "edit"):
        p = dept_sub.add_parser(action, help="create a department" if action == "add" else "change a department")
        p.add_argument("code")
        p.add_argument("--name", dest="name_zh", required=action == "add", help="Chinese name")
        p.add_argument("--name-en", dest="name_en")
        p.add_argument("--short", dest="short_zh", help="Chinese short name")
        p.add_argument("--short-en", dest="short_en")
        p.add_argument("--kind", choices=[k.value for k in DeptKind])
        p.add_argument("--contact", dest="contact_person")
        p.add_argument("--phone", dest="contact_phone")
        p.add_argument("--alias", dest="aliases", action="append", default=None, metavar="NAME[:en]",
                       help="replace the aliases (repeatable; ':en' marks an English alias)")
        p.add_argument("--member", dest="members", action="append", default=None, metavar="CODE",
                       help="replace a placeholder group's members (repeatable)")
        if action == "edit":
            p.add_argument("--checked", action="store_true", help="clear the 'to check' mark")
        p.set_defaults(handler=cmd_dept_add if action == "add" else cmd_dept_edit)
    p = dept_sub.add_parser("merge", help="merge a department into another (after a backup; not undoable)")
    p.add_argument("source", help="code of the department that goes away")
    p.add_argument("target", help="code of the department that stays")
    p.set_defaults(handler=cmd_dept_merge)


def add_period_actions(per_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``period create`` and ``period due`` (registered beside list/close/reopen)."""
    p = per_sub.add_parser("create", help="create a reporting period from the calendar")
    p.add_argument("code", help="e.g. 2025-10 or 2025Q3")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_period_create)
    p = per_sub.add_parser("due", help="move a period's due date (audit-logged)")
    p.add_argument("code")
    p.add_argument("date", type=parse_date)
    add_plan_arg(p)
    p.set_defaults(handler=cmd_period_due)


# --- tasks ---------------------------------------------------------------------------------------

def cmd_task_edit(args: argparse.Namespace, ctx: Context) -> int:
    desk = ctx.desk
    plan_id = desk.plan_id(args.plan)
    task_id = desk.task_id(plan_id, args.code)
    lead = args.lead
    if isinstance(lead, str) and lead.strip().lower() in ("", "none", "-"):
        lead = None
    coop = None if args.cooperating is None else [c.strip() for c in args.cooperating.split(",") if c.strip()]
    targets = [] if args.no_targets else args.targets
    due: dt.date | None | str = "" if args.due is None else _due(args.due)
    fields = dict(title_zh=args.title_zh, title_en=args.title_en, text_zh=args.text_zh, text_en=args.text_en,
                  due_date=due, lead=lead, cooperating=coop, targets=targets)
    if all(v is None for v in (args.title_zh, args.title_en, args.text_zh, args.text_en, coop)) \
            and args.due is None and lead is False and targets is None:
        raise UsageError(msg("core.nothing_to_change"))
    changes = desk.edit_task(task_id, **fields)
    what = f"{args.code}"
    if args.json:
        state = desk.task_state(task_id)
        print_json({"code": args.code, "changed": bool(changes.tasks), "title": state.title_zh,
                    "title_en": state.title_en, "due": state.due_date, "lead": state.lead,
                    "cooperating": list(state.cooperating), "targets": len(state.targets)})
    else:
        ctx.say(msg("core.out.saved" if changes.tasks else "core.out.unchanged", what=what))
    return 0


# --- departments ---------------------------------------------------------------------------------

def _dept_fields(args: argparse.Namespace) -> dict[str, object]:
    out: dict[str, object] = {}
    for name in ("name_zh", "name_en", "short_zh", "short_en", "contact_person", "contact_phone"):
        value = getattr(args, name)
        if value is not None:
            out[name] = value
    if args.kind is not None:
        out["kind"] = DeptKind(args.kind)
    if args.aliases is not None:
        out["aliases"] = tuple((a[:-3], "en") if a.endswith(":en") else (a.removesuffix(":zh"), "zh")
                               for a in args.aliases)
    if args.members is not None:
        out["members"] = tuple(args.members)
    return out


def cmd_dept_add(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.departments import DeptState

    state = DeptState(args.code, **_dept_fields(args))  # type: ignore[arg-type]
    ctx.desk.save_department(None, state)
    ctx.say(msg("core.out.saved", what=args.code))
    return 0


def cmd_dept_edit(args: argparse.Namespace, ctx: Context) -> int:
    fields = _dept_fields(args)
    if args.checked:
        fields["to_check"] = False
    if not fields:
        raise UsageError(msg("core.nothing_to_change"))
    changes = ctx.desk.edit_department(args.code, **fields)
    ctx.say(msg("core.out.saved" if changes.departments else "core.out.unchanged", what=args.code))
    return 0


def cmd_dept_merge(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.desk.merge_departments(args.source, args.target)
    sys.stderr.write(msg("core.out.backup", path=result.backup).render(ctx.lang) + "\n")
    ctx.say(msg("core.out.dept_merged", source=args.source, target=args.target, moved=result.moved_assignments))
    return 0


# --- holidays ------------------------------------------------------------------------------------

def cmd_holiday_list(args: argparse.Namespace, ctx: Context) -> int:
    year = args.year or ctx.desk.today().year
    rows = ctx.desk.holidays(year)
    if args.json:
        print_json([{"date": d, "kind": k, "name": n} for d, k, n in rows])
    else:
        for d, k, n in rows:
            print(f"{d}\t{k}\t{n}")
    return 0


def cmd_holiday_set(args: argparse.Namespace, ctx: Context) -> int:
    changes = ctx.desk.set_holiday(args.date, args.kind, args.name)
    ctx.say(msg("core.out.saved" if changes.periods else "core.out.unchanged", what=args.date.isoformat()))
    return 0


def cmd_holiday_remove(args: argparse.Namespace, ctx: Context) -> int:
    changes = ctx.desk.set_holiday(args.date, None)
    ctx.say(msg("core.out.saved" if changes.periods else "core.out.unchanged", what=args.date.isoformat()))
    return 0


# --- periods -------------------------------------------------------------------------------------

def cmd_period_create(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.desk.create_period(args.code, plan_id=args.plan)
    row = result.periods[0]
    ctx.say(msg("core.out.period_created" if result.created else "core.out.period_exists",
                code=row.code, due=row.due.isoformat()))
    return 0


def cmd_period_due(args: argparse.Namespace, ctx: Context) -> int:
    changes = ctx.desk.set_period_due(args.code, args.date, plan_id=args.plan)
    ctx.say(msg("core.out.saved" if changes.periods else "core.out.unchanged", what=args.code))
    return 0


# --- backups -------------------------------------------------------------------------------------

def cmd_backup_list(args: argparse.Namespace, ctx: Context) -> int:
    found = ctx.desk.backups()
    if args.json:
        print_json([{"file": str(b.path), "created": b.created.isoformat(), "reason": b.reason, "size": b.size}
                    for b in found])
    else:
        for b in found:
            print(f"{b.created.isoformat(sep=' ')}\t{b.reason}\t{b.size}\t{b.path}")
    return 0


def cmd_backup_create(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.desk.backup(args.reason)
    ctx.say(msg("core.out.backup", path=result.path))
    return 0


def cmd_backup_restore(args: argparse.Namespace, ctx: Context) -> int:
    safety = ctx.desk.restore(args.file)
    ctx.say(msg("core.out.restored", backup=args.file, safety=safety.path))
    return 0


def cmd_backup_keep(args: argparse.Namespace, ctx: Context) -> int:
    if args.count is not None:
        ctx.desk.set_backup_keep(args.count)
    ctx.say(msg("core.out.keep", keep=ctx.desk.backup_keep))
    return 0
