"""``peakdesk gui``: open the desktop window (the default command)."""

from __future__ import annotations

import argparse
import os
import sys

from desktop_app.commands.common import Context
from desktop_app.ui.names import VIEW_NAMES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("gui", help="open the PeakDesk window (default command)")
    p.add_argument("--view", choices=VIEW_NAMES, default=None, help="page to show first")
    p.add_argument("--lang", dest="gui_lang", choices=["zh", "en"], default=None,
                   help="interface language (default: the saved setting, else the system locale)")
    p.add_argument("--screenshot", metavar="FILE.png", default=None,
                   help="render the window at 1366×768 once its data has loaded, save it, and exit")
    p.add_argument("--demo", action="store_true",
                   help="open the demo database in the user data folder (built on first run)")
    p.set_defaults(handler=cmd_gui)


def _import_core_before_qt() -> None:
    """Import what the window's first page uses from the core before PySide6 is imported.

    Once PySide6 is loaded it reads the source file of every module imported after it (for its
    ``__feature__`` switches: shibokensupport/feature.py ``_mod_uses_pyside``); for sqlite-utils and the
    core (~150 modules) that cost ~20 ms before the first paint. Imported first, they are not read.
    """
    import desktop_app.services.database_files  # noqa: F401
    import desktop_app.services.ledger_queries  # noqa: F401
    import desktop_app.services.read_models  # noqa: F401
    import desktop_app.services.unit_lookup  # noqa: F401
    import desktop_app.services.workspace  # noqa: F401


def cmd_gui(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    # Plain `peakdesk gui` reopens the last database or offers demo / new / open; it never creates an empty
    # database by itself. A database named with --db or $PEAKDESK_DB is opened as before.
    db_path: Path | None = ctx.db_path if (getattr(args, "db", None) or os.environ.get("PEAKDESK_DB")) else None
    if db_path is None and args.screenshot:
        db_path = ctx.db_path
    if args.demo:
        from desktop_app.paths import demo_db_path

        db_path = demo_db_path()
        if not db_path.exists():
            from desktop_app.services.demo import build_demo

            sys.stderr.write(f"peakdesk: building the demo database {db_path} …\n")
            build_demo(db_path)
    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                or sys.platform in ("win32", "darwin")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # a screenshot needs no screen
    _import_core_before_qt()
    from desktop_app.ui.app import run_gui

    lang = args.gui_lang or getattr(args, "lang", None)
    shot = Path(args.screenshot) if args.screenshot else None
    # an existing default database (earlier versions created it) is opened when there is no last database
    fallback = ctx.db_path if ctx.db_path.is_file() else None
    return run_gui(db_path, view=args.view, lang=lang, screenshot_path=shot, fallback=fallback)
