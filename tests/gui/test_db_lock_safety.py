"""Issue 13 item 1 in the window: a background job opens the window's database while another process
(`peakdesk plan list`) opens and closes it; the window's later writes persist and the file stays sound.

Before the fix the job's header check (Python ``open()``/``close()`` of the live file) dropped the window's
SQLite locks; the other process then deleted ``-wal``/``-shm`` and the window's next commit was lost.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.store.db import integrity_ok, open_database, write_tx
from desktop_app.ui.ops import Op

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def _plan_list(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "plan", "list"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_window_writes_survive_a_background_job_and_another_process(window, qtbot, demo_path: Path) -> None:
    wal = Path(f"{demo_path}-wal")
    with write_tx(window.db):
        window.db.execute("CREATE TABLE probe (text TEXT)")
        window.db.execute("INSERT INTO probe VALUES ('window before')")
    assert wal.exists()
    other: dict[str, object] = {}
    job_running = threading.Event()

    def job(db, progress, cancelled):  # type: ignore[no-untyped-def]
        job_running.set()
        with write_tx(db):
            db.execute("INSERT INTO probe VALUES ('background job')")
        other["proc"] = _plan_list(demo_path)        # another process opens and closes while the job holds it
        other["wal_during"] = wal.exists()
        return db.execute("SELECT count(*) FROM probe").fetchone()[0]

    op = Op(window, demo_path, job, title="probe").run()
    qtbot.waitUntil(lambda: op.done, timeout=60_000)
    assert op.state == "succeeded", op.error
    assert job_running.is_set() and other["proc"].returncode == 0   # type: ignore[attr-defined]
    proc = _plan_list(demo_path)                     # and once more after the job closed its connection
    assert proc.returncode == 0, proc.stderr
    assert other["wal_during"] and wal.exists(), "the WAL was deleted while the window held the database"
    with write_tx(window.db):
        window.db.execute("INSERT INTO probe VALUES ('window after')")
    window.close()
    window.db.close() if window.db is not None else None
    db = open_database(demo_path)
    try:
        assert integrity_ok(db)
        assert [r[0] for r in db.execute("SELECT text FROM probe ORDER BY rowid")] == \
            ["window before", "background job", "window after"]
        assert db.execute("SELECT count(*) FROM task").fetchone()[0] > 0
    finally:
        db.close()
