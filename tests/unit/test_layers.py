"""Only desktop_app/ui/ may import Qt: the domain, store, exchange, services and reports stay headless."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        if {"PySide6", "shiboken6", "PyQt5", "PyQt6"} & _imports(path):
            offenders.append(str(rel))
    assert offenders == []


def test_layer_check_sees_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import Qt\n")
    assert "PySide6" in _imports(bad)


# --- ui/ talks to services only: no store import, no SQL --------------------------------------------

import re  # noqa: E402

SQL_CALLS = {"execute", "executemany", "executescript", "execute_returning_dicts", "query"}
SQL_TEXT = re.compile(r"^\s*(SELECT\s.*\bFROM\b|SELECT\s+\d|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b"
                      r"|DELETE\s+FROM\b|PRAGMA\s|BEGIN\b|CREATE\s+(TABLE|INDEX|VIEW)\b|WITH\s+\w+\s+AS\b)", re.S)

# Files still waiting for their owners' move to services (issue #14); the list may only shrink.
PENDING = {
    "ui/import_dialog.py": "import: the review step",
}


def _module_imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def layer_problems(source: str) -> list[str]:
    """What a ui/ module does that belongs in services: store imports, SQL calls, SQL text."""
    tree = ast.parse(source)
    problems = [f"imports {name}" for name in sorted(_module_imports(tree))
                if name == "desktop_app.store" or name.startswith("desktop_app.store.")]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            problems.append(f"line {node.lineno}: calls .{node.func.attr}()")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.match(node.value):
            problems.append(f"line {node.lineno}: SQL text {node.value[:30]!r}")
    return problems


def test_ui_neither_imports_the_store_nor_runs_sql():
    offenders = {}
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        problems = layer_problems(path.read_text(encoding="utf-8"))
        if problems and rel not in PENDING:
            offenders[rel] = problems
    assert offenders == {}


def test_pending_list_only_names_files_that_still_need_it():
    cleared = [rel for rel in PENDING
               if (PACKAGE / rel).exists() and not layer_problems((PACKAGE / rel).read_text(encoding="utf-8"))]
    assert cleared == [], "remove these from PENDING: they no longer touch the store"


def test_layer_check_sees_store_imports_and_sql():
    assert layer_problems("from desktop_app.store import ledger\n") == [
        "imports desktop_app.store", "imports desktop_app.store.ledger"]
    assert layer_problems("from desktop_app import store\n") == ["imports desktop_app.store"]
    assert any("execute" in p for p in layer_problems("db.execute('x')\n"))
    assert any("SQL text" in p for p in layer_problems("q = 'SELECT id FROM plan'\n"))
    assert layer_problems("from desktop_app.services import plan_catalog\n") == []


def test_the_cli_neither_imports_the_store_nor_runs_sql():
    """The CLI is a front end like the window: its commands call the core (``Desk``, services), never
    the store or SQL."""
    files = [PACKAGE / "cli.py", *sorted((PACKAGE / "commands").rglob("*.py"))]
    offenders = {path.relative_to(PACKAGE).as_posix(): problems for path in files
                 if (problems := layer_problems(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_layer_check_sees_sql_text_and_calls():
    assert layer_problems("db.execute('x')\n") == ["line 1: calls .execute()"]
    assert layer_problems("q = 'SELECT id FROM task'\n") == ["line 1: SQL text 'SELECT id FROM task'"]
