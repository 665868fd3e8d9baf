"""Benchmark: the submissions matrix (every department × every month) on the large synthetic database."""

from __future__ import annotations

import time

import pytest

from desktop_app.services.submission_status import periods_status
from desktop_app.store.db import open_database
from tests.bench.test_bench_ledger import build_synthetic


@pytest.mark.bench
def test_submission_matrix_of_a_year_is_quick(tmp_path):
    path = tmp_path / "big.sqlite"
    build_synthetic(path)
    db = open_database(path)
    try:
        plan_id = db.execute("SELECT id FROM plan LIMIT 1").fetchone()[0]
        codes = [r[0] for r in db.execute("SELECT code FROM period WHERE plan_id = ? AND kind = 'month' ORDER BY start",
                                          [plan_id]).fetchall()]
        t0 = time.perf_counter()
        result = periods_status(db, plan_id, codes)
        seconds = time.perf_counter() - t0
        progress = db.execute("SELECT count(*) FROM progress").fetchone()[0]
    finally:
        db.close()
    cells = sum(len(s.departments) for s in result)
    print(f"\n[bench submissions] {len(codes)} periods x {len(result[0].departments)} departments "
          f"({cells} cells, {progress} progress rows): {seconds * 1000:.0f} ms (budget 1000 ms)")
    assert cells > 0
    assert seconds <= 1.0
