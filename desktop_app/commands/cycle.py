"""Reporting-cycle subcommands: package export, merge, progress list, status, period, reminders."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands.common import Context, add_as_of, add_plan_arg, print_json, resolve_plan_id
from desktop_app.commands.common import terminal_safe as safe
from desktop_app.commands.edit import add_period_actions
from desktop_app.errors import UsageError
from desktop_app.messages import msg


def _today(args: argparse.Namespace, ctx: Context) -> dt.date:
    from desktop_app.services.clock import as_of

    return as_of(ctx.db, args.as_of)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pkg = sub.add_parser("package", help="issue department workbooks")
    pkg_sub = pkg.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = pkg_sub.add_parser("export", help="write one workbook per department holding tasks")
    p.add_argument("--period", required=True, help="period code, e.g. 2025-10")
    p.add_argument("--dept", action="append", default=None, metavar="CODE", help="only these departments (repeatable)")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--json", action="store_true")
    add_plan_arg(p)
    add_as_of(p)
    p.set_defaults(handler=cmd_package_export)

    p = sub.add_parser("merge", help="merge returned workbooks (files or folders)",
                       epilog="A file whose name starts with '-' is read as an option: put -- before the "
                              "paths (peakdesk merge -- -rf.xlsx) or write ./-rf.xlsx. Names and cell texts "
                              "are printed with control characters escaped (\\n, \\x1b).")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")
    p.add_argument("--no-convert", action="store_true",
                   help="do not convert .xls/.et/.ods returns with LibreOffice (they are listed with what to do)")
    p.add_argument("--json", action="store_true")
    add_as_of(p)
    p.set_defaults(handler=cmd_merge)

    prog = sub.add_parser("progress", help="recorded progress")
    prog_sub = prog.add_subparsers(dest="progress_command", metavar="ACTION", required=True)
    p = prog_sub.add_parser("list", help="current progress entries")
    p.add_argument("--period", default=None)
    p.add_argument("--dept", action="append", default=None, metavar="CODE")
    p.add_argument("--all-versions", action="store_true", help="include superseded versions")
    p.add_argument("--json", action="store_true")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_progress_list)

    p = sub.add_parser("status", help="who reported for a period: on_time / late / missing")
    p.add_argument("--period", required=True)
    p.add_argument("--json", action="store_true")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_status)

    per = sub.add_parser("period", help="reporting periods")
    per_sub = per.add_subparsers(dest="period_command", metavar="ACTION", required=True)
    p = per_sub.add_parser("list", help="list periods (creates the year's periods if missing with --year)")
    p.add_argument("--year", type=int, default=None, help="ensure this year's periods exist first")
    p.add_argument("--json", action="store_true")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_period_list)
    for action in ("close", "reopen"):
        p = per_sub.add_parser(action, help=f"{action} a period (reason required, audit-logged)")
        p.add_argument("code")
        p.add_argument("--reason", required=True)
        add_plan_arg(p)
        p.set_defaults(handler=cmd_period_close if action == "close" else cmd_period_reopen)
    add_period_actions(per_sub)

    p = sub.add_parser("reminders", help="export an .xlsx of departments that have not reported")
    p.add_argument("--period", required=True)
    p.add_argument("--out", type=Path, required=True)
    add_plan_arg(p)
    add_as_of(p)
    p.set_defaults(handler=cmd_reminders)


def cmd_package_export(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.desk.issue(args.period, args.out, plan_id=args.plan, as_of=args.as_of, departments=args.dept)
    if args.json:
        print_json({"period": result.period, "packages": [p.as_json() for p in result.packages]})
    else:
        for p in result.packages:
            print(f"{safe(p.department)}\t{p.rows} tasks\t{safe(p.file)}")
        print(f"{len(result.packages)} workbooks for {result.period} in {safe(args.out)}")
    return 0


def cmd_merge(args: argparse.Namespace, ctx: Context) -> int:
    """Every line a person reads comes from the message catalogue, in ``--lang``; file names and cell text
    are printed escaped (``commands.common.terminal_safe``). The core backs the database up just before
    the first write (with the desk's keep-N), never for a dry run or a run that accepts nothing."""
    from desktop_app.messages import msg
    from desktop_app.services.merge_submissions import collect_returns

    lang = ctx.lang
    xlsx, others = collect_returns(args.paths)
    if not xlsx and not others:
        raise UsageError(msg("merge.cli.nothing_found"))
    outcome = ctx.desk.merge(list(args.paths), as_of=args.as_of, dry_run=args.dry_run,
                             convert=not args.no_convert)
    if outcome.backup is not None:
        print(msg("merge.cli.backup", path=str(outcome.backup)).render(lang), file=sys.stderr)
    result = outcome.result
    if args.json:
        print_json([f.as_json(dry_run=args.dry_run, lang=lang) for f in result.files])
        return 1 if result.any_rejected else 0
    for f in result.files:
        late = msg("merge.cli.late").render(lang) if f.late else ""
        status = msg(f"merge.cli.status.{f.status}").render(lang)
        rows = msg("merge.cli.rows", rows=f.rows).render(lang)
        print(f"{status}{late}\t{safe(f.department or '-')}\t{safe(f.period or '-')}\t{rows}\t{safe(f.file)}")
        if args.dry_run and f.status == "accepted":
            print("\t" + msg("merge.cli.would_change", **{k: len(v) for k, v in f.changes.items()}).render(lang))
        for p in f.errors:
            print(f"\t{safe(_where(p, lang))}: {safe(p.text(lang))}")
        note = msg("merge.cli.warning").render(lang)
        for p in f.warnings:
            print(f"\t{note} {safe(_where(p, lang))}: {safe(p.text(lang))}")
    counts = {s: sum(f.status == s for f in result.files) for s in ("accepted", "duplicate", "rejected")}
    print(msg("merge.cli.summary_dry" if args.dry_run else "merge.cli.summary", **counts).render(lang))
    return 1 if result.any_rejected else 0


def _where(p: Any, lang: str) -> str:
    """sheet!cell, or the sheet, or the file (the file name leads each file's block)."""
    return f"{p.sheet}!{p.cell}" if p.cell else str(p.sheet or p.file)


def cmd_progress_list(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.progress_view import list_progress

    entries = list_progress(ctx.db, resolve_plan_id(ctx, args.plan), period=args.period, departments=args.dept,
                            current_only=not args.all_versions)
    if args.json:
        print_json([e.as_json() for e in entries])
    else:
        for e in entries:
            pct = "" if e.percent is None else f"{e.percent:g}%"
            print(f"{e.period}\t{safe(e.task)}\t{safe(e.department)}\t{e.status}\t{pct}\tv{e.version}\t"
                  f"{safe(e.narrative[:40])}")
    return 0


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.submission_status import period_status

    status = period_status(ctx.db, resolve_plan_id(ctx, args.plan), args.period)
    if args.json:
        print_json([d.as_json() for d in status.departments])
    else:
        print(f"{status.period.code} due {status.period.due.isoformat()}")
        for d in status.departments:
            print(f"{d.status}\t{safe(d.department)}\t{safe(d.department_name)}\t{d.received_at or ''}")
    return 0


def cmd_period_list(args: argparse.Namespace, ctx: Context) -> int:
    periods = ctx.desk.periods(args.plan, args.year)
    if args.json:
        print_json([p.as_json() for p in periods])
    else:
        for p in periods:
            closed = f"closed: {p.closed_reason}" if p.closed else "open"
            print(f"{p.code}\t{p.start.isoformat()}..{p.end.isoformat()}\tdue {p.due.isoformat()}\t{closed}")
    return 0


def _set_closed(args: argparse.Namespace, ctx: Context, closed: bool) -> int:
    ctx.desk.set_period_closed(args.code, closed, args.reason, plan_id=args.plan)
    ctx.say(msg("core.out.period_closed" if closed else "core.out.period_reopened", code=args.code))
    return 0


def cmd_period_close(args: argparse.Namespace, ctx: Context) -> int:
    return _set_closed(args, ctx, True)


def cmd_period_reopen(args: argparse.Namespace, ctx: Context) -> int:
    return _set_closed(args, ctx, False)


def cmd_reminders(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.submission_status import export_reminders

    if args.out.suffix.lower() != ".xlsx":
        raise UsageError(msg("core.cli.out_xlsx"))
    result = export_reminders(ctx.db, resolve_plan_id(ctx, args.plan), args.period, args.out, today=_today(args, ctx))
    sys.stdout.write(f"{len(result.missing)} departments missing → {safe(result.file)}\n")
    return 0
