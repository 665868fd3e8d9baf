"""Core subcommands: init, demo, plan list/show, dept list."""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop_app.commands.common import Context, print_json, terminal_safe
from desktop_app.commands.edit import add_dept_actions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create an empty database (or bring one up to date)")
    p.set_defaults(handler=cmd_init, creates_db=True)

    p = sub.add_parser("demo", help="build the demo database (Jiading plan, 2025 reporting history)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(handler=cmd_demo, creates_db=True)

    plan = sub.add_parser("plan", help="plans: list, show, import")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    p = plan_sub.add_parser("list", help="list plans")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_list)
    p = plan_sub.add_parser("show", help="show a plan with its sections and tasks")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_plan_show)
    _add_plan_import(plan_sub)

    dept = sub.add_parser("dept", help="department registry")
    dept_sub = dept.add_subparsers(dest="dept_command", metavar="ACTION", required=True)
    p = dept_sub.add_parser("list", help="list departments")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dept_list)
    add_dept_actions(dept_sub)


def _add_plan_import(plan_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    try:
        plan_import = importlib.import_module("desktop_app.commands.plan_import")
    except ModuleNotFoundError:
        return
    plan_import.add_import_parser(plan_sub)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    _ = ctx.db  # opening creates and migrates
    print(f"{ctx.db_path}: ready")
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.demo import build_demo

    result = build_demo(ctx.db_path, force=args.force)
    msg = (f"{result.path}: 演示数据库已生成（{result.tasks} 项任务，{result.departments} 个单位，"
           f"{result.progress_rows} 条进展记录）" if ctx.lang == "zh" else
           f"{result.path}: demo database built ({result.tasks} tasks, {result.departments} departments, "
           f"{result.progress_rows} progress entries)")
    print(msg)
    return 0


def cmd_plan_list(args: argparse.Namespace, ctx: Context) -> int:
    plans = ctx.desk.plans()
    if args.json:
        print_json([{"id": p.id, "title": p.title_zh, "title_en": p.title_en, "tasks": p.tasks,
                     "translation_of": p.translation_of} for p in plans])
    else:
        for p in plans:
            print(f"{p.id}\t{p.tasks}\t{terminal_safe(p.title(ctx.lang))}")
    return 0


def cmd_plan_show(args: argparse.Namespace, ctx: Context) -> int:
    data = ctx.desk.plan_json(args.id)   # with each task's current status and percent (the ledger's)
    if args.json:
        print_json(data)
        return 0
    print(terminal_safe(data["title_en"] if ctx.lang == "en" and data["title_en"] else data["title"]))
    for t in data["tasks"]:
        lead = t["lead"]["name_zh"] if t["lead"] else "—"
        sys.stdout.write(f"{terminal_safe(t['code'])}\t{terminal_safe(t['title'])}\t{terminal_safe(lead)}\t"
                         f"{t['due'] or ''}\n")
    return 0


def cmd_dept_list(args: argparse.Namespace, ctx: Context) -> int:
    depts = ctx.desk.departments()
    if args.json:
        print_json([d.as_json() for d in depts])
    else:
        for d in depts:
            print(f"{terminal_safe(d.code)}\t{d.kind.value}\t{terminal_safe(d.name_zh)}\t{terminal_safe(d.name_en)}")
    return 0
