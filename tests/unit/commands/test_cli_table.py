"""Every CLI command appears in the README's command table (as sqlite-utils and Datasette check their
docs against the parser), and the as-of date has one name."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desktop_app.cli import build_parser

README = Path(__file__).resolve().parents[3] / "README.md"


def command_paths(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """``plan list``, ``task edit``, ``report`` …: every command a user can type (leaves of the tree)."""
    paths = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = command_paths(sub, f"{prefix}{name} ")
                paths.extend(inner or [f"{prefix}{name}"])
    return paths


def readme_table_rows() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_every_command_is_in_the_readme_table():
    rows = "\n".join(readme_table_rows())
    missing = [p for p in command_paths(build_parser()) if not re.search(rf"`{re.escape(p)}[ `\\]", rows)]
    assert missing == []


def test_the_tree_walk_finds_nested_and_new_commands():
    paths = command_paths(build_parser())
    for expected in ("plan list", "plan import", "task edit", "dept merge", "holiday set", "period due",
                     "period create", "backup restore", "merge", "report", "gui"):
        assert expected in paths
    assert "unknown thing" not in paths


def test_as_of_has_one_visible_name_and_hidden_aliases():
    parser = build_parser()
    for argv in (["warnings", "--quarter", "2025Q3"], ["merge", "x.xlsx"], ["report", "monthly", "--out", "x.pdf"],
                 ["package", "export", "--period", "2025-10", "--out", "d"]):
        for flag in ("--as-of", "--today", "--date"):
            args = parser.parse_args([*argv, flag, "2025-09-30"])
            assert str(args.as_of) == "2025-09-30"
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helptext = sub.choices["merge"].format_help()
    assert "--as-of" in helptext and "--today" not in helptext and "--date" not in helptext
