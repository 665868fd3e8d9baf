"""What every CLI subcommand shares: the opened database, JSON output, plan selection."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app.errors import UsageError
from desktop_app.store.db import open_database


@dataclass
class Context:
    db_path: Path
    lang: str = "zh"
    _db: sqlite_utils.Database | None = field(default=None, repr=False)

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_database(self.db_path)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def terminal_safe(value: object, *, keep_newlines: bool = False) -> str:
    """``value`` as text that cannot forge output lines or drive the terminal: every character that is not
    printable (C0/C1 controls, DEL, ESC, line separators, bidirectional overrides) is shown escaped
    (``\\n``, ``\\x1b``, ``\\u202e``). ``keep_newlines``: for our own multi-line messages — their newlines
    stay, and every continuation line is indented so that none can pass for a line of its own."""
    text = str(value)
    if keep_newlines:
        return "\n  ".join(terminal_safe(line) for line in text.split("\n"))
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def add_plan_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", type=int, default=None,
                        help="plan id (default: the only plan, or the most recent one)")


def resolve_plan_id(ctx: Context, plan_id: int | None) -> int:
    """The plan a command works on: --plan, else the newest non-translation plan."""
    db = ctx.db
    if plan_id is not None:
        if not db.execute("SELECT 1 FROM plan WHERE id = ?", [plan_id]).fetchone():
            raise UsageError(f"There is no plan {plan_id} in {ctx.db_path}. See `peakdesk plan list`.",
                             message_zh=f"{ctx.db_path} 中没有编号为 {plan_id} 的方案。请查看 `peakdesk plan list`。")
        return plan_id
    row = db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    if not row:
        raise UsageError(f"{ctx.db_path} holds no plan yet. Import one with `peakdesk plan import FILE` "
                         "or build the demo with `peakdesk demo`.",
                         message_zh=f"{ctx.db_path} 中还没有方案。请用 `peakdesk plan import 文件` 导入，"
                                    "或用 `peakdesk demo` 生成演示数据。")
    return int(row[0])
