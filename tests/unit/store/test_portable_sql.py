"""Portable SQL: ids come back with RETURNING, upserts say ON CONFLICT, timestamps come from the app's
clock (not the engine's), and no query relies on SQLite's bare column beside an aggregate."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import desktop_app.store.db as dbmod
from desktop_app.services import clock
from desktop_app.store import departments
from desktop_app.store.db import open_database
from tests.unit.services.plan_builder import PlanBuilder

PACKAGE = Path(__file__).resolve().parents[3] / "desktop_app"
# Connection set-up, PRAGMAs and the backup API are the store's engine-specific interface.
ENGINE_FILES = {"store/db.py", "store/backups.py"}
SQLITE_ONLY = [r"\.lastrowid\b", r"INSERT\s+OR\s+(IGNORE|REPLACE)", r"(?<![.\w])strftime\(", r"'now'",
               r"'localtime'", r"\bCURRENT_(TIMESTAMP|DATE|TIME)\b", r"\.last_pk\b"]
# PostgreSQL's reserved key words (those it refuses as a column name unquoted).
RESERVED = set("""all analyse analyze and any array as asc asymmetric authorization binary both case cast check
collate collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable desc distinct do else end except
false fetch for foreign freeze from full grant group having ilike in initially inner intersect into is isnull
join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or order
outer overlaps placing primary references returning right select session_user similar some symmetric
system_user table tablesample then to trailing true union unique user using variadic verbose when where window
with""".split())
# … and the window-function words the SQL standard and MySQL 8 reserve (a count column is easily named so).
RESERVED |= {"rows", "row", "rank", "groups", "range", "interval", "lead", "lag", "dense_rank", "percent_rank",
             "cume_dist"}
# Declared types with the same meaning on SQLite and a server engine (REAL is a 4-byte float on PostgreSQL).
PORTABLE_TYPES = {"INTEGER", "TEXT", "DOUBLE PRECISION"}


def test_no_sqlite_only_sql_outside_the_engine_files():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ENGINE_FILES:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in SQLITE_ONLY:
            for m in re.finditer(pattern, text):
                offenders.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_created_at_comes_from_the_clock(db):
    with clock.frozen(dt.datetime(2024, 2, 3, 4, 5, 6)):
        dept_id = departments.upsert(db, "X1", "测试局", "Test Bureau")
    assert db.execute("SELECT created_at FROM department WHERE id = ?", [dept_id]).fetchone()[0] == "2024-02-03T04:05:06"


def test_newest_contact_on_a_tie_is_the_entry_written_last(db):
    from desktop_app.services.submission_status import _newest_contacts

    plan = PlanBuilder(db)
    dept = plan.dept("A")
    plan.task("1.1", "A")
    plan.task("1.2", "A")
    period = plan.period("2025-09", dt.date(2025, 9, 1), dt.date(2025, 9, 30), dt.date(2025, 10, 10))
    for task, contact in ((plan.tasks["1.1"], "张三 021-1"), (plan.tasks["1.2"], "李四 021-2")):
        db.execute("INSERT INTO progress (task_id, department_id, period_id, version, status, contact, received_at) "
                   "VALUES (?, ?, ?, 1, 'in_progress', ?, '2025-10-01T09:00:00')", [task, dept, period, contact])
    assert _newest_contacts(db) == {dept: "李四 021-2"}


def test_current_schema_uses_portable_names_types_and_defaults(tmp_path):
    db = open_database(tmp_path / "fresh.sqlite")
    problems = []
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'task_fts%'")]
    for table in tables:
        for _cid, name, decl, _notnull, default, _pk in db.execute(f'PRAGMA table_info("{table}")'):
            if name.lower() in RESERVED:
                problems.append(f"{table}.{name}: reserved word")
            if decl.upper() not in PORTABLE_TYPES:
                problems.append(f"{table}.{name}: type {decl}")
            if default is not None and re.search(r"strftime|'now'|localtime|current_", str(default), re.I):
                problems.append(f"{table}.{name}: engine clock default {default}")
    db.close()
    assert problems == []
    assert {"plan", "department", "period", "progress"} <= set(tables)


def test_migrations_after_the_first_use_no_sqlite_only_sql():
    """Schema 1 is history (0002 replaced its clock defaults); every later file is kept portable."""
    offenders = []
    for mig in dbmod.migrations()[1:]:
        text = re.sub(r"--[^\n]*", "", mig.sql)
        for pattern in [*SQLITE_ONLY, r"\bREAL\b", r"\bAUTOINCREMENT\b", r"\bWITHOUT\s+ROWID\b"]:
            offenders += [f"{mig.path.name}: {m.group(0)}" for m in re.finditer(pattern, text, re.I)]
    assert offenders == []


_AGGREGATE = re.compile(r"\b(max|min|count|sum|avg|total|group_concat)\s*\(", re.I)


def _split_top(text: str, sep: str = ",") -> list[str]:
    parts, depth, buf = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += ch
    return [*parts, buf]


def _without_subqueries(expr: str) -> str:
    """``expr`` with every parenthesised ``(SELECT …)`` blanked out."""
    out, depth, blank_from = "", 0, None
    for i, ch in enumerate(expr):
        if ch == "(":
            depth += 1
            if blank_from is None and re.match(r"\(\s*SELECT\b", expr[i:], re.I):
                blank_from = depth
        if blank_from is None:
            out += ch
        if ch == ")":
            if blank_from == depth:
                blank_from = None
            depth -= 1
    return out


def bare_columns_beside_aggregates(sql: str) -> list[str]:
    """Select items that are neither aggregated nor grouped, in a SELECT that aggregates (SQLite then
    returns the value of an arbitrary row; other engines refuse the query). Checks every nesting level."""
    found = []
    for m in re.finditer(r"\bSELECT\b", sql, re.I):
        rest, depth, end = sql[m.end():], 0, None
        for i, ch in enumerate(rest):          # the FROM of this SELECT: at its own parenthesis depth
            depth += ch == "("
            depth -= ch == ")"
            if depth < 0:
                break
            if depth == 0 and re.match(r"\bFROM\b", rest[i:i + 5], re.I) and (i == 0 or not rest[i - 1].isalnum()):
                end = i
                break
        if end is None:
            continue
        items = [it.strip() for it in _split_top(rest[:end])]
        scope, depth = "", 0                    # this SELECT's own tail, up to its closing parenthesis
        for ch in rest[end:]:
            depth += ch == "("
            depth -= ch == ")"
            if depth < 0:
                break
            scope += ch if depth == 0 or ch in "()" else " "
        group = re.search(r"\bGROUP\s+BY\b(.*?)(\bHAVING\b|\bORDER\b|\bLIMIT\b|\bWINDOW\b|$)", scope, re.I | re.S)
        grouped = {g.strip().lower() for g in _split_top(group.group(1))} if group else set()
        aggregated = [it for it in items if _AGGREGATE.search(_without_subqueries(it))
                      and not re.search(r"\bOVER\b", it, re.I)]
        if not aggregated:
            continue
        for it in items:
            expr = re.sub(r"\s+AS\s+\w+$", "", it, flags=re.I).strip().lower()
            if it in aggregated or expr in grouped or re.fullmatch(r"[\d.?']+|'[^']*'", expr):
                continue
            if re.match(r"\(\s*select\b", expr):       # a scalar subquery: checked on its own
                continue
            found.append(it)
    return found


def _sql_literals(path: Path) -> list[tuple[int, str]]:
    out = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts_of_fstrings = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if id(node) in parts_of_fstrings:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "?" for v in node.values)
        else:
            continue
        if re.search(r"\bSELECT\b.*\bFROM\b", text, re.I | re.S):
            out.append((node.lineno, text))
    return out


def test_bare_column_check_sees_the_arbitrary_row():
    assert bare_columns_beside_aggregates(
        "SELECT department_id, contact, max(received_at) FROM progress GROUP BY department_id") == ["contact"]
    assert bare_columns_beside_aggregates("SELECT a, (SELECT count(*) FROM t WHERE t.x = p.a) FROM p") == []
    assert bare_columns_beside_aggregates(
        "SELECT task_id, max(version) FROM progress WHERE task_id IN (?, ?) GROUP BY task_id") == []
    assert bare_columns_beside_aggregates(
        "SELECT x FROM (SELECT x, count(*) FROM t GROUP BY y) s") == ["x"]


def test_no_bare_column_beside_an_aggregate_in_store_or_services():
    offenders = []
    for folder in ("store", "services"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for line, sql in _sql_literals(path):
                offenders += [f"{folder}/{path.name}:{line}: {item}" for item in bare_columns_beside_aggregates(sql)]
    assert offenders == []


# Engine-specific features the store keeps behind its own interface (PRAGMAs, the backup API, its own
# connections, SQLite collations and full-text search).
STORE_ONLY = [r"\bPRAGMA\b", r"\.backup\([^)]*conn\b", r"\bconn\.backup\(", r"sqlite3\.connect\(", r"\bCOLLATE\s+NOCASE\b", r"\bMATCH\b",
              r"\btask_fts\b", r"\bsqlite_master\b"]


def test_engine_specific_sql_stays_inside_the_store():
    offenders = []
    for path in sorted([*(PACKAGE / "services").rglob("*.py"), *(PACKAGE / "commands").rglob("*.py"),
                        PACKAGE / "cli.py"]):
        text = path.read_text(encoding="utf-8")
        for pattern in STORE_ONLY:
            for m in re.finditer(pattern, text):
                offenders.append(f"{path.relative_to(PACKAGE).as_posix()}:{text.count(chr(10), 0, m.start()) + 1}: "
                                 f"{m.group(0)}")
    assert offenders == []
