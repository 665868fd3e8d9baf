"""Hypothesis fuzzing of the plan parser and the workbook reader (a few hundred examples each;
`make reliability` runs PEAKDESK_FUZZ_EXAMPLES=10000)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.reliability import fuzz

EXAMPLES = int(os.environ.get("PEAKDESK_FUZZ_EXAMPLES") or 200)


def _check(target: fuzz.FuzzTarget) -> None:
    assert not target.failure, target.failure
    assert target.examples >= EXAMPLES


def test_plan_parser_lines() -> None:
    _check(fuzz.fuzz_plan_parser(EXAMPLES))


def test_plan_text_bytes() -> None:
    _check(fuzz.fuzz_plan_bytes(EXAMPLES))


def test_cell_values() -> None:
    _check(fuzz.fuzz_cell_values(EXAMPLES))


def test_workbook_cells(tmp_path: Path) -> None:
    _check(fuzz.fuzz_workbook_cells(EXAMPLES, tmp_path))


def test_merge_then_next_period(tmp_path: Path) -> None:
    """Real merges and next-period issues (``make reliability`` runs a twentieth of its examples, at least 50).
    It found the overlapping ``_xHHHH_`` escapes (typed ``_x005F_x0020_`` came back as ``_x005F `` in the
    next period's workbook)."""
    _check_examples(fuzz.fuzz_merge_next_period(max(10, EXAMPLES // 20), tmp_path), max(10, EXAMPLES // 20))


def _check_examples(target: fuzz.FuzzTarget, n: int) -> None:
    assert not target.failure, target.failure
    assert target.examples >= n
