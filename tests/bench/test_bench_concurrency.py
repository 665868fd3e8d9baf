"""Benchmark: how long a second writer waits for another PeakDesk holding the write lock.

Wall-clock figures, so they live here (``make bench``) and not in ``make test``, where a busy machine
would fail them for reasons that are not defects (tests/integration/test_concurrency.py checks the
same serialisation without a clock).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import desktop_app.store.db as dbmod
from desktop_app.store.db import open_database, write_tx
from tests.integration.test_concurrency import HOLDER, _fresh, _spawn

pytestmark = pytest.mark.bench


def test_second_writer_waits_about_as_long_as_the_lock_is_held(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    _fresh(path)
    holder = _spawn(HOLDER, str(path), "1.0")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    db = open_database(path)
    try:
        started = time.monotonic()
        with write_tx(db):
            db.execute("INSERT INTO meta (key, value) VALUES ('second', 'yes')")
        waited = time.monotonic() - started
    finally:
        db.close()
    holder.communicate(timeout=30)
    print(f"\nsecond writer waited {waited * 1000:.0f} ms for a lock held ~1000 ms")
    assert 0.3 < waited < dbmod.BUSY_TIMEOUT_MS / 1000
