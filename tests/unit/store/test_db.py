import sqlite3

import pytest

from desktop_app.errors import DatabaseBusy, DatabaseError, DatabaseTooNew
from desktop_app.store.db import (
    APPLICATION_ID,
    BatchedWrites,
    _split_sql,
    integrity_ok,
    is_network_path,
    latest_version,
    open_database,
    write_tx,
)


def _schema(path):
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def test_empty_database_is_migrated_to_current(tmp_path):
    path = tmp_path / "a.sqlite"
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = db.execute("SELECT version FROM schema_migration ORDER BY version").fetchall()
    assert [r[0] for r in applied] == list(range(1, latest_version() + 1))
    assert {"task", "department", "progress", "task_fts"} <= set(db.table_names())
    assert integrity_ok(db)
    db.close()


def test_reopening_is_a_no_op(tmp_path):
    path = tmp_path / "a.sqlite"
    open_database(path).close()
    before = _schema(path)
    db = open_database(path)
    rows = db.execute("SELECT count(*) FROM schema_migration").fetchone()[0]
    db.close()
    assert _schema(path) == before
    assert rows == latest_version()


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as info:
        open_database(path)
    assert info.value.exit_code == 2
    assert str(path) in str(info.value) and str(latest_version() + 5) in str(info.value)
    assert str(latest_version()) in str(info.value)
    assert path.read_bytes() == before


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a shopping list, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a PeakDesk database"):
        open_database(path)
    assert path.read_bytes() == before


def test_other_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="another program"):
        open_database(path)


def test_older_database_is_backed_up_before_migration(tmp_path, monkeypatch):
    import desktop_app.store.db as dbmod

    path = tmp_path / "old.sqlite"
    open_database(path).close()
    old_version = latest_version()
    # Pretend the code has one more migration than the file.
    extra = tmp_path / "migs"
    extra.mkdir()
    for mig in dbmod.migrations():
        (extra / mig.path.name).write_text(mig.sql, encoding="utf-8")
    (extra / f"{latest_version() + 1:04d}_extra.sql").write_text("CREATE TABLE extra_thing (x INTEGER);\n")
    real = dbmod.migrations
    monkeypatch.setattr(dbmod, "migrations", lambda directory=extra: real(extra))
    db = open_database(path)
    assert "extra_thing" in db.table_names()
    db.close()
    from desktop_app.paths import backups_dir

    assert not list(tmp_path.glob("*.before*"))             # not beside the database: in the backups folder
    backups = list(backups_dir().glob("old-*-migration.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    conn.close()


def test_write_tx_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with write_tx(db):
            db.execute("INSERT INTO meta VALUES ('a', '1')")
            with write_tx(db):
                db.execute("INSERT INTO meta VALUES ('b', '2')")
            raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM meta WHERE key IN ('a','b')").fetchone()[0] == 0


def test_second_writer_gets_a_clear_busy_message(tmp_path, monkeypatch):
    import desktop_app.store.db as dbmod

    path = tmp_path / "busy.sqlite"
    first = open_database(path)
    second = open_database(path)
    second.conn.execute("PRAGMA busy_timeout = 50")
    first.conn.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="busy"):
            with write_tx(second):
                pass
    finally:
        first.conn.execute("ROLLBACK")
        first.close()
        second.close()
    assert dbmod.BUSY_TIMEOUT_MS >= 1000


def test_split_sql_keeps_trigger_bodies_whole():
    sql = "CREATE TABLE a (x);\n-- comment\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    parts = _split_sql(sql)
    assert len(parts) == 2 and "CREATE TRIGGER" in parts[1] and parts[1].rstrip().endswith("END;")


def test_local_tmp_is_not_a_network_share(tmp_path):
    assert is_network_path(tmp_path) is False


def test_wal_on_local_disk_with_full_durability(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2      # FULL, SQLite's default: fsync per commit


def _other_reader(db):
    """A second connection: sees only what was committed."""
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    return sqlite3.connect(path)


def _keys(conn):
    return sorted(r[0] for r in conn.execute("SELECT key FROM meta WHERE key LIKE 'k%'"))


def test_batched_writes_commit_every_n_units_and_on_close(db):
    other = _other_reader(db)
    try:
        with BatchedWrites(db, max_units=2, max_seconds=3600) as batch:
            for i in range(3):
                with batch.unit():
                    db.execute("INSERT INTO meta VALUES (?, '1')", [f"k{i}"])
                assert db.conn.in_transaction == (i != 1)    # committed after the 2nd unit
            assert _keys(other) == ["k0", "k1"]
        assert _keys(other) == ["k0", "k1", "k2"] and not db.conn.in_transaction
        assert batch.commits == 2
    finally:
        other.close()


def test_batched_writes_commit_after_max_seconds(db):
    with BatchedWrites(db, max_units=1000, max_seconds=0) as batch:
        with batch.unit():
            db.execute("INSERT INTO meta VALUES ('k0', '1')")
        assert not db.conn.in_transaction and batch.commits == 1


def test_batched_writes_failing_unit_rolls_back_to_its_savepoint_only(db):
    other = _other_reader(db)
    try:
        with pytest.raises(RuntimeError):
            with BatchedWrites(db, max_units=50) as batch:
                with batch.unit():
                    db.execute("INSERT INTO meta VALUES ('k0', '1')")
                try:
                    with batch.unit():
                        db.execute("INSERT INTO meta VALUES ('k1', '1')")
                        with write_tx(db):                      # nested savepoint inside the unit
                            db.execute("INSERT INTO meta VALUES ('k2', '1')")
                        raise ValueError("bad file")
                except ValueError:
                    pass
                with batch.unit():
                    db.execute("INSERT INTO meta VALUES ('k3', '1')")
                with batch.unit():
                    db.execute("INSERT INTO meta VALUES ('k4', '1')")
                    raise RuntimeError("bug")
        # the units completed before the error are committed whole; the failing ones left nothing
        assert _keys(other) == ["k0", "k3"]
    finally:
        other.close()


def test_batched_writes_inside_a_callers_transaction_leave_committing_to_it(db):
    with pytest.raises(RuntimeError):
        with write_tx(db):
            db.execute("INSERT INTO meta VALUES ('k0', '1')")
            with BatchedWrites(db, max_units=1, max_seconds=0) as batch:
                with batch.unit():
                    db.execute("INSERT INTO meta VALUES ('k1', '1')")
                assert db.conn.in_transaction and batch.commits == 0
                try:
                    with batch.unit():
                        db.execute("INSERT INTO meta VALUES ('k2', '1')")
                        raise ValueError("bad file")
                except ValueError:
                    pass
            assert _keys(db.conn) == ["k0", "k1"]
            raise RuntimeError("the caller rolls back")
    assert _keys(db.conn) == []


def test_holidays_are_seeded_once_and_user_edits_survive(tmp_path):
    path = tmp_path / "h.sqlite"
    db = open_database(path)
    n = db.execute("SELECT count(*) FROM holiday").fetchone()[0]
    assert n > 50
    db.execute("DELETE FROM holiday WHERE date = '2025-10-08'")
    db.close()
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM holiday WHERE date = '2025-10-08'").fetchone()[0] == 0
    db.close()
