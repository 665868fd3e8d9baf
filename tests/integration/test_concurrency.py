"""Two PeakDesk processes on one database; network shares; schema versions older and newer.

Writes from two processes are serialised by ``BEGIN IMMEDIATE`` + the busy timeout; when the other
process holds the lock for longer than the timeout the writer gets ``DatabaseBusy`` ("… is busy …"),
and the file is never corrupted.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import desktop_app.store.db as dbmod
from desktop_app.cli import main as cli_main
from desktop_app.errors import DatabaseBusy
from desktop_app.store.audit import log
from desktop_app.store.db import integrity_ok, is_network_path, open_database, write_tx

ROOT = Path(__file__).resolve().parents[2]

# A second PeakDesk process: takes the write lock, says so, and keeps it until told (or for N seconds).
HOLDER = textwrap.dedent("""
    import sys, time
    from desktop_app.store.db import open_database, write_tx
    from desktop_app.store.audit import log
    db = open_database(sys.argv[1])
    hold = float(sys.argv[2])
    with write_tx(db):
        log(db, "hold", "test", "holder")
        print("locked", flush=True)
        time.sleep(hold)
    print("released", flush=True)
""")

# A writer process: N small write transactions, each one audit row.
WRITER = textwrap.dedent("""
    import sys
    from desktop_app.store.db import open_database, write_tx
    from desktop_app.store.audit import log
    db = open_database(sys.argv[1])
    for i in range(int(sys.argv[3])):
        with write_tx(db):
            log(db, "write", "test", f"{sys.argv[2]}-{i}")
    print("done", flush=True)
""")


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _fresh(path: Path) -> None:
    open_database(path).close()


def _audit_ids(path: Path, action: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT entity_id FROM audit_log WHERE action = ?", [action])]
    finally:
        conn.close()


def test_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    _fresh(path)
    holder = _spawn(HOLDER, str(path), "1.0")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    db = open_database(path)
    try:
        with write_tx(db):  # waits (busy timeout) until the holder commits after ~1 s
            db.execute("INSERT INTO meta (key, value) VALUES ('second', 'yes')")
            log(db, "hold", "test", "second")
    finally:
        db.close()
    holder.communicate(timeout=30)
    assert holder.returncode == 0
    # Serialised, not interleaved: the holder's row landed first. (How long the second writer waited
    # is a wall-clock figure: tests/bench/test_bench_concurrency.py.)
    assert _audit_ids(path, "hold") == ["holder", "second"]
    check = open_database(path)
    try:
        assert check.execute("SELECT value FROM meta WHERE key = 'second'").fetchone()[0] == "yes"
        assert integrity_ok(check)
    finally:
        check.close()


def test_busy_beyond_timeout_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.sqlite"
    _fresh(path)
    holder = _spawn(HOLDER, str(path), "600")   # held until killed below: no race with a slow machine
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    db = open_database(path)
    try:
        before = db.execute("SELECT count(*) FROM meta").fetchone()[0]
        with pytest.raises(DatabaseBusy) as info:
            with write_tx(db):
                db.execute("INSERT INTO meta (key, value) VALUES ('lost', 'no')")
        assert "is busy" in info.value.message and str(path) in info.value.message
        assert "正忙" in info.value.message_zh
        assert not db.conn.in_transaction
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    try:
        assert db.execute("SELECT count(*) FROM meta").fetchone()[0] == before
        with write_tx(db):  # the lock died with the holder; writing works again
            db.execute("INSERT INTO meta (key, value) VALUES ('after', 'ok')")
        assert integrity_ok(db)
        assert _audit_ids(path, "hold") == []  # the killed holder's transaction never landed
    finally:
        db.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    _fresh(path)
    n = 150
    procs = [_spawn(WRITER, str(path), name, str(n)) for name in ("a", "b")]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == "done"
    ids = _audit_ids(path, "write")
    assert sorted(ids) == sorted([f"a-{i}" for i in range(n)] + [f"b-{i}" for i in range(n)])
    db = open_database(path)
    try:
        assert integrity_ok(db)
    finally:
        db.close()


# --- network shares -----------------------------------------------------------------------------

def _mounts(share: Path, fstype: str) -> str:
    return ("sysfs /sys sysfs rw 0 0\n"
            "/dev/sda1 / ext4 rw,relatime 0 0\n"
            f"//server/office {str(share).replace(' ', chr(92) + '040')} {fstype} rw,vers=3.0 0 0\n")


@pytest.mark.skipif(sys.platform == "win32", reason="the mount table is Linux's /proc/mounts")
@pytest.mark.parametrize("fstype", ["cifs", "nfs4", "fuse.sshfs"])
def test_network_mount_detected(tmp_path: Path, fstype: str) -> None:
    share = tmp_path / "office share"
    share.mkdir()
    mounts = _mounts(share, fstype)
    assert is_network_path(share / "peakdesk.sqlite", mounts)
    assert not is_network_path(tmp_path / "local.sqlite", mounts)
    # the longest mount point wins: a local disk mounted inside the share is local
    inner = share / "usb"
    inner.mkdir()
    assert not is_network_path(inner / "x.sqlite", mounts + f"/dev/sdb1 {str(inner).replace(' ', chr(92) + '040')} ext4 rw 0 0\n")


@pytest.mark.skipif(sys.platform == "win32", reason="the mount table is Linux's /proc/mounts")
def test_database_on_network_share_opens_without_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    share.mkdir()
    real = dbmod.is_network_path
    monkeypatch.setattr(dbmod, "is_network_path", lambda p, mounts_text=None: real(p, _mounts(share, "cifs")))
    remote = open_database(share / "peakdesk.sqlite")
    local = open_database(tmp_path / "local.sqlite")
    try:
        assert remote.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert local.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with write_tx(remote):
            remote.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        assert not (share / "peakdesk.sqlite-wal").exists()
    finally:
        remote.close()
        local.close()


# --- schema versions through the CLI ------------------------------------------------------------

def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_older_database_is_backed_up_then_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A database made by this version is 'older' for a PeakDesk that ships one more migration."""
    path = tmp_path / "office.sqlite"
    assert cli_main(["--db", str(path), "init"]) == 0
    db = open_database(path)
    with write_tx(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('office', 'data kept')")
    db.close()
    old_version = dbmod.latest_version()
    old_sha = _sha(path)

    extra_dir = tmp_path / "newer-migrations"
    extra_dir.mkdir()
    extra = extra_dir / f"{old_version + 1:04d}_newer_feature.sql"
    extra.write_text("CREATE TABLE newer_feature (id INTEGER PRIMARY KEY, note TEXT);\n", encoding="utf-8")
    real = dbmod.migrations
    monkeypatch.setattr(dbmod, "migrations", lambda directory=None: [
        *real(), dbmod.Migration(old_version + 1, "newer_feature", extra)])

    assert cli_main(["--db", str(path), "init"]) == 0
    assert "ready" in capsys.readouterr().out
    from desktop_app.services import backup

    backups = [b.path for b in backup.list_backups(backup.backup_stem(path)) if b.reason == "migration"]
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert old.execute("SELECT value FROM meta WHERE key = 'office'").fetchone()[0] == "data kept"
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        old.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
        assert conn.execute("SELECT count(*) FROM newer_feature").fetchone()[0] == 0
        assert conn.execute("SELECT value FROM meta WHERE key = 'office'").fetchone()[0] == "data kept"
    finally:
        conn.close()
    assert _sha(path) != old_sha


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {dbmod.latest_version() + 1}")
    conn.close()
    before = _sha(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEAKDESK_LANG": "en"}
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "init"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "newer PeakDesk" in proc.stderr and "not changed" in proc.stderr
    assert _sha(path) == before
    assert not list(tmp_path.glob("future.before-*"))


def test_cli_merge_while_another_instance_writes(tmp_path: Path) -> None:
    """`peakdesk merge` while another PeakDesk holds the write lock past the busy timeout: a clear
    'is busy' message, exit 1, nothing written; merging again afterwards works."""
    from desktop_app.services.clock import today
    from desktop_app.services.demo import build_demo
    from desktop_app.services.issue_packages import export_packages
    from tests.reliability.crash import fill_workbook

    path = tmp_path / "office.sqlite"
    build_demo(path)
    db = open_database(path)
    try:
        plan_id = int(db.execute("SELECT id FROM plan ORDER BY id LIMIT 1").fetchone()[0])
        issued = export_packages(db, plan_id, "2025-10", tmp_path / "issued", today=today(db),
                                 departments=["ARA"]).packages[0].file
    finally:
        db.close()
    filled = tmp_path / "ARA.xlsx"
    fill_workbook(issued, filled)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PEAKDESK_LANG": "en"}
    cmd = [sys.executable, "-m", "desktop_app", "--db", str(path), "merge", str(filled)]
    holder = _spawn(HOLDER, str(path), "600")   # held until killed below, however slowly the CLI starts
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    try:
        busy = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    assert busy.returncode == 1, busy.stderr
    assert "is busy" in busy.stderr and "Traceback" not in busy.stderr
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM submission WHERE file_name = 'ARA.xlsx'").fetchone()[0] == 0
    finally:
        conn.close()
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert again.returncode == 0, again.stderr
    check = open_database(path)
    try:
        assert check.execute("SELECT count(*) FROM submission WHERE file_name = 'ARA.xlsx'").fetchone()[0] == 1
        assert integrity_ok(check)
    finally:
        check.close()
