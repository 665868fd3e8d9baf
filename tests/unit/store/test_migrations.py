"""Migrations: a schema-1 database full of rows comes out of the upgrade with every row, under the new
names and types; DDL creates what a REFERENCES names before naming it."""

from __future__ import annotations

import re
import sqlite3

import pytest

import desktop_app.store.db as dbmod
from desktop_app.errors import DatabaseTooNew
from desktop_app.store.db import _split_sql, latest_version, open_database

# One row in every table of schema 1 (period with the old column "end"; REAL measures).
SCHEMA_1_ROWS = [
    "INSERT INTO meta VALUES ('k', 'v')",
    "INSERT INTO department (id, code, name_zh, name_en, kind, contact_person, created_at) "
    "VALUES (1, 'D1', '经委', 'Economic Commission', 'functional', '张三', '2024-01-02T03:04:05')",
    "INSERT INTO department (id, code, name_zh, merged_into) VALUES (2, 'D2', '经信委', 1)",
    "INSERT INTO department (id, code, name_zh, kind) VALUES (3, 'G1', '各街镇', 'placeholder')",
    "INSERT INTO department_alias (department_id, alias) VALUES (1, '区经委')",
    "INSERT INTO placeholder_member VALUES (3, 1)",
    "INSERT INTO plan (id, title_zh, issued_on, created_at) VALUES (1, '方案', '2025-01-01', '2024-05-06T07:08:09')",
    "INSERT INTO plan (id, title_zh, translation_of) VALUES (2, 'Plan', 1)",
    "INSERT INTO plan_source (plan_id, file_name, sha256, imported_at) VALUES (1, 'p.txt', 'ab', '2024-05-06T07:08:09')",
    "INSERT INTO section (id, plan_id, seq, title_zh) VALUES (1, 1, 1, '一、总体')",
    "INSERT INTO task (id, plan_id, section_id, code, seq, title_zh, due_date) "
    "VALUES (1, 1, 1, '1.1', 1, '推进光伏', '2025-12-31')",
    "INSERT INTO target (plan_id, task_id, metric, unit, baseline, value, year) "
    "VALUES (1, 1, '光伏装机', '万千瓦', 0.1234567890123, 12.345678901234567, 2025)",
    "INSERT INTO milestone (task_id, date, expected_percent) VALUES (1, '2025-06-30', 33.333333333333336)",
    "INSERT INTO assignment VALUES (1, 1, 'lead', 0)",
    "INSERT INTO period (id, plan_id, kind, code, start, end, due) "
    "VALUES (1, 1, 'month', '2025-09', '2025-09-01', '2025-09-30', '2025-10-10')",
    "INSERT INTO package VALUES ('pk1', 1, 1, 1, '2025-09-01T08:00:00', 'a.xlsx', 'dd', 1)",
    "INSERT INTO submission (id, package_id, department_id, period_id, file_name, sha256, received_at, status, rows) "
    "VALUES (1, 'pk1', 1, 1, 'a.xlsx', 'ef', '2025-10-09T10:00:00', 'accepted', 1)",
    "INSERT INTO progress (task_id, department_id, period_id, version, status, percent, indicator, received_at, "
    "source, submission_id) VALUES (1, 1, 1, 1, 'in_progress', 46.66666666666667, 1e-9, '2025-10-09T10:00:00', "
    "'workbook', 1)",
    "INSERT INTO holiday VALUES ('2099-01-01', 'holiday', '测试')",
    "INSERT INTO warning_ack VALUES (1, '2025Q3', 1, 1, 'seen', '2025-10-11T09:00:00')",
    "INSERT INTO warning_snapshot (plan_id, quarter, as_of, published_at, rules_json, result_json) "
    "VALUES (1, '2025Q3', '2025-09-30', '2025-10-11T09:00:00', '{}', '{}')",
    "INSERT INTO evaluation VALUES (1, 2025, 1, 7.25, 'good')",
    "INSERT INTO adjustment (plan_id, year, department_id, points, reason, created_at) "
    "VALUES (1, 2025, 1, -0.5, 'late', '2025-12-01T09:00:00')",
    "INSERT INTO assessment_snapshot (plan_id, year, as_of, locked_at, scheme_json, result_json) "
    "VALUES (1, 2025, '2025-12-31', '2026-01-05T09:00:00', '{}', '{}')",
    "INSERT INTO audit_log (at, action, entity) VALUES ('2025-10-11T09:00:00', 'edit', 'task')",
]
RENAMED = {("period", "end"): "ends_on", ("package", "rows"): "row_count", ("submission", "rows"): "row_count"}


def _schema_1_database(path, monkeypatch):
    first = dbmod.migrations()[:1]
    with monkeypatch.context() as m:
        m.setattr(dbmod, "migrations", lambda directory=None: first)
        db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    for sql in SCHEMA_1_ROWS:
        db.execute(sql)
    db.close()


def _content(path):
    """table → sorted rows of {column: value}, read with plain sqlite3 (no PeakDesk code)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'task_fts%' AND name <> 'schema_migration'")]
        out = {}
        for table in tables:
            cur = conn.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in cur.description]
            out[table] = sorted((tuple(sorted(zip(cols, row, strict=True))) for row in cur), key=repr)
        return out
    finally:
        conn.close()


def test_schema_1_database_upgrades_with_every_row_under_the_new_names(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite"
    _schema_1_database(path, monkeypatch)
    before = _content(path)
    assert all(before[t] for t in before if t != "holiday") and "end" in dict(before["period"][0])

    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1           # switched back on after the rebuild
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()

    after = _content(path)
    expected = {table: sorted((tuple(sorted((RENAMED.get((table, c), c), v) for c, v in row)) for row in rows),
                              key=repr)
                for table, rows in before.items()}
    for table in expected:
        if table == "holiday":      # seeded holidays are added on open; the user's own one survives
            assert set(expected[table]) <= set(after[table])
        else:
            assert after[table] == expected[table], table
    # Floats kept every digit; the full-text index still finds the task; cascades still work.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("SELECT percent, indicator FROM progress").fetchone() == (46.66666666666667, 1e-9)
    assert conn.execute("SELECT rowid FROM task_fts WHERE task_fts MATCH '推进光伏'").fetchall() == [(1,)]
    conn.execute("DELETE FROM task WHERE id = 1")
    for table in ("progress", "target", "milestone", "assignment", "warning_ack"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    with pytest.raises(sqlite3.IntegrityError):     # still enforced: a department in use cannot go
        conn.execute("DELETE FROM department WHERE id = 1")
    conn.close()


def test_upgrade_does_not_cascade_through_the_rebuilt_tables(tmp_path, monkeypatch):
    """Rebuilding plan and department drops the old tables: with foreign keys on that DROP would delete
    every section, task, alias and assignment first. The runner switches them off for such a migration."""
    path = tmp_path / "v1.sqlite"
    _schema_1_database(path, monkeypatch)
    open_database(path).close()
    conn = sqlite3.connect(path)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("section", "task", "department_alias", "placeholder_member", "assignment", "package")}
    conn.close()
    assert counts == {"section": 1, "task": 1, "department_alias": 1, "placeholder_member": 1,
                      "assignment": 1, "package": 1}


def test_database_from_a_newer_schema_is_refused_with_the_versions_named(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew) as info:
        open_database(path)
    text = str(info.value)
    assert f"schema version {latest_version() + 1}" in text and f"up to version {latest_version()}" in text
    assert "newer PeakDesk" in text and "not changed" in text


_CREATE = re.compile(r"^\s*CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)", re.I)
_RENAME = re.compile(r"^\s*ALTER\s+TABLE\s+\"?(\w+)\"?\s+RENAME\s+TO\s+\"?(\w+)", re.I)
_DROP = re.compile(r"^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?\"?(\w+)", re.I)
_REFERENCES = re.compile(r"\bREFERENCES\s+\"?(\w+)", re.I)


def _late_references(files: list[tuple[str, list[str]]]) -> list[str]:
    """REFERENCES naming a table not yet created, running the statements in order."""
    tables: set[str] = set()
    late = []
    for name, statements in files:
        for statement in statements:
            body = re.sub(r"--[^\n]*", "", statement)
            created = _CREATE.match(body)
            for target in _REFERENCES.findall(body):
                own = created is not None and created.group(1).lower() == target.lower()
                if target.lower() not in tables and not own:
                    late.append(f"{name}: {body.split('(')[0].strip()} references {target}")
            if created:
                tables.add(created.group(1).lower())
            if (renamed := _RENAME.match(body)) is not None:
                tables.discard(renamed.group(1).lower())
                tables.add(renamed.group(2).lower())
            if (dropped := _DROP.match(body)) is not None:
                tables.discard(dropped.group(1).lower())
    return late


def test_ddl_names_only_tables_created_before_it():
    """Every REFERENCES target exists when the statement runs (statement by statement, migrations in
    order): engines that check foreign keys at CREATE time (PostgreSQL) run the files as they are."""
    assert _late_references([(m.path.name, _split_sql(m.sql)) for m in dbmod.migrations()]) == []


def test_forward_reference_is_caught():
    """The check sees a table named before it is created (schema 1 had progress → submission)."""
    statements = ["CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id))",
                  "CREATE TABLE b (id INTEGER PRIMARY KEY, up INTEGER REFERENCES b(id))"]
    assert _late_references([("x.sql", statements)]) == ["x.sql: CREATE TABLE a references b"]
