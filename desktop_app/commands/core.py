"""Core subcommands: init, demo, plan list/show, dept list, gui."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create an empty database (or bring one up to date)")
    p.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    ctx.db  # opening creates and migrates
    print(f"{ctx.db_path}: ready")
    return 0
