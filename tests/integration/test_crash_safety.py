"""SIGKILL a merge, a plan import and an assessment lock at random points (fewer runs than `make reliability`)."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.crash import run_crash_suite


def test_killed_merge_import_and_lock_leave_all_or_nothing(tmp_path: Path) -> None:
    results = run_crash_suite(tmp_path, runs=6, merge_departments=12, import_tasks=300, log=lambda _m: None)
    print("\n".join(results.table()))
    assert results.ok, "\n".join(results.table())
    for target in ("merge", "plan import", "assessment lock"):
        runs = [r for r in results.runs if r.target == target]
        assert len(runs) == 6
        # the step-triggered kills always land inside SQLite work; the timer ones usually kill too
        assert sum(r.killed and r.mode == "sqlite-step" for r in runs) == 3
        assert all(r.integrity == "ok" for r in runs)
