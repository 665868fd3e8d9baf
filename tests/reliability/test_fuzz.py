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
