"""What every CLI subcommand shares: the opened database, JSON output, plan selection."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import UsageError
from desktop_app.messages import Msg, msg

if TYPE_CHECKING:   # imported when a command first opens the desk: `peakdesk gui` starts without it
    from desktop_app.services.desk import Desk


@dataclass
class Context:
    db_path: Path
    lang: str = "zh"
    may_create: bool = False     # init, demo, plan import, backup restore: a missing file is created
    _desk: Desk | None = field(default=None, repr=False)

    @property
    def desk(self) -> Desk:
        """The application core over the command's database (opened on first use). A command that only
        reads or edits refuses a database file that does not exist instead of creating an empty one
        (a mistyped --db would otherwise look like every record had gone)."""
        if self._desk is None:
            from desktop_app.services.desk import Desk

            if not self.may_create and not Path(self.db_path).exists():
                raise UsageError(msg("core.no_database", path=self.db_path))
            self._desk = Desk.open(self.db_path)
        return self._desk

    @property
    def db(self) -> Any:   # the Desk's connection, handed to the services it calls
        return self.desk.db

    def say(self, message: Msg) -> None:
        """Print a catalogue message in the command's language."""
        sys.stdout.write(message.render(self.lang) + "\n")

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None


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
    return ctx.desk.plan_id(plan_id)
