"""The CLI is a front end over the core: it imports no store module and runs no SQL (ui/ gets the same
check once its SQL has moved behind the services)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "desktop_app"
SQL_CALLS = {"execute", "executemany", "executescript", "execute_returning_dicts", "query"}


def front_end_files() -> list[Path]:
    return [PACKAGE / "cli.py", *sorted((PACKAGE / "commands").glob("*.py"))]


def violations(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        modules = []
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        if any(m == "desktop_app.store" or m.startswith("desktop_app.store.") or m in ("sqlite3", "sqlite_utils")
               for m in modules):
            found.append(f"{path.name}:{node.lineno}: imports {modules[0]}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            found.append(f"{path.name}:{node.lineno}: runs SQL ({node.func.attr})")
    return found


def test_cli_goes_through_the_core():
    assert [v for path in front_end_files() for v in violations(path)] == []


def test_the_check_sees_store_imports_and_sql(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from desktop_app.store import ledger\nimport sqlite3\nctx.db.execute('SELECT 1')\n")
    assert len(violations(bad)) == 3
