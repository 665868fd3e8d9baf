"""What every CLI subcommand shares: the opened database, JSON output, plan selection."""

from __future__ import annotations

import argparse
import datetime as dt
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


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from exc


def add_as_of(parser: argparse.ArgumentParser, help: str = "compute as of this date") -> None:
    """The as-of date, named ``--as-of`` by every command (``--today`` and ``--date`` are hidden
    aliases kept for scripts written before the names were unified)."""
    parser.add_argument("--as-of", dest="as_of", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help=f"{help} (default: today; the demo's pinned date in the demo)")
    for alias in ("--today", "--date"):
        parser.add_argument(alias, dest="as_of", type=parse_date, default=None, help=argparse.SUPPRESS)


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
