"""``peakdesk`` command line: a thin front end over the services (anything the GUI does, a script can)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.commands.common import Context, terminal_safe
from desktop_app.errors import PeakDeskError

# One module per area; each registers its subcommands.
COMMAND_MODULES = [
    "desktop_app.commands.core",
    "desktop_app.commands.gui",
    "desktop_app.commands.cycle",
    "desktop_app.commands.rules",
    "desktop_app.commands.reports",
    "desktop_app.commands.views",
    "desktop_app.commands.edit",
]


GUI_MODULE = "desktop_app.commands.gui"
_GLOBAL_WITH_VALUE = ("--db", "--lang")


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peakdesk",
        description="PeakDesk — carbon-peak plan task desk (碳达峰任务调度考核台)",
    )
    parser.add_argument("--version", action="version", version=f"PeakDesk {__version__}")
    parser.add_argument("--db", type=Path, default=None,
                        help="database file (default: $PEAKDESK_DB or peakdesk.sqlite in the user data folder)")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help="language of messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (None: only global options, which means ``gui``)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Opening the window needs only the ``gui`` command: the other command modules (and what they
    import) are left out of the window's start-up. Help and anything else get the whole parser."""
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    if not wants_help and _command_of(argv) in (None, "gui"):
        return build_parser([GUI_MODULE])
    return build_parser()


def _default_lang() -> str:
    env = os.environ.get("PEAKDESK_LANG") or os.environ.get("LANG", "")
    return "zh" if env.lower().startswith("zh") else "en"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser_for(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:  # `gui` is the default command
        args = parser.parse_args([*(argv or sys.argv[1:]), "gui"])
    from desktop_app.paths import default_db_path

    ctx = Context(db_path=args.db or default_db_path(), lang=args.lang or _default_lang(),
                  may_create=bool(getattr(args, "creates_db", False)))
    try:
        return int(args.handler(args, ctx) or 0)
    except PeakDeskError as exc:
        sys.stderr.write(f"peakdesk: {terminal_safe(exc.localized(ctx.lang), keep_newlines=True)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("peakdesk: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`peakdesk … | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
