"""SIGKILL a merge and a plan import at random points (fewer runs than `make reliability`)."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.crash import run_crash_suite


def test_killed_merge_and_import_leave_all_or_nothing(tmp_path: Path) -> None:
    results = run_crash_suite(tmp_path, runs=6, merge_departments=12, import_tasks=300, log=lambda _m: None)
    print("\n".join(results.table()))
    assert results.ok, "\n".join(results.table())
    for target in ("merge", "plan import"):
        runs = [r for r in results.runs if r.target == target]
        assert len(runs) == 6
        assert sum(r.killed for r in runs) >= 4          # the kills really happened (most runs)
        assert all(r.integrity == "ok" for r in runs)
