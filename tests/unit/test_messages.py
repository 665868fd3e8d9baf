"""The message catalogue: every key in both languages with the same fields; errors render per language."""

from __future__ import annotations

import pytest

from desktop_app.errors import InputRejected, PeakDeskError, Problem
from desktop_app.messages import CatalogueError, Msg, catalogue, check_catalogue, msg


def test_catalogue_complete_in_both_languages() -> None:
    assert catalogue(), "the catalogue is empty"
    assert check_catalogue() == []


def test_unknown_key_is_a_bug() -> None:
    with pytest.raises(CatalogueError):
        msg("no.such.key")


def test_problem_renders_location_and_reason_per_language() -> None:
    p = Problem(msg("common.and_more", count=3), file="a.xlsx", sheet="进度", cell="F7")
    assert p.localized("en") == "a.xlsx, 进度!F7: … and 3 more"
    assert p.localized("zh_CN") == "a.xlsx、进度!F7：……另有 3 项"
    assert str(p) == p.localized("en")
    line = Problem(msg("common.and_more", count=1), line=12)
    assert "第 12 行" in line.localized("zh")
    assert "line 12" in line.localized("en")


def test_errors_carry_both_languages() -> None:
    err = PeakDeskError(msg("common.and_more", count=2))
    assert err.localized("zh") == "……另有 2 项"
    assert err.localized("en") == "… and 2 more"
    rejected = InputRejected(Msg("common.and_more", {"count": 1}),
                             [Problem(msg("common.and_more", count=5), cell="B2", sheet="S")])
    assert "另有 5 项" in rejected.localized("zh") and "and 5 more" in rejected.localized("en")
