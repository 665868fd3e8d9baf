"""CLI output cannot be forged or drive the terminal through file names or cell text (issue 13 item 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.commands.common import terminal_safe


@pytest.fixture
def demo_copy(demo_db_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, target)
    return target


def test_terminal_safe_escapes_controls_and_bidi() -> None:
    assert terminal_safe("a\nb") == "a\\nb"
    assert terminal_safe("\x1b[2J") == "\\x1b[2J"
    assert terminal_safe("x\u202ey") == "x\\u202ey"
    assert terminal_safe("\x9b31m") == "\\x9b31m"
    assert terminal_safe("普通文本 ok") == "普通文本 ok"
    assert terminal_safe("one\ntwo", keep_newlines=True) == "one\n  two"


@pytest.mark.skipif(not hasattr(Path, "symlink_to"), reason="POSIX file names")
def test_merge_output_escapes_file_names_and_problem_text(demo_copy: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    evil = folder / "x.xlsx\naccepted\tARA\t2025-10\t9 rows\tforged\x1b[2J.xlsx"
    evil.write_bytes(b"not a workbook at all\n" * 10)
    code = main(["--db", str(demo_copy), "--lang", "en", "merge", "--dry-run", str(folder)])
    out = capsys.readouterr()
    assert code == 1
    assert "\x1b" not in out.out + out.err
    lines = out.out.splitlines()
    assert not any(line.startswith("accepted") for line in lines), lines
    assert any("\\naccepted\\tARA" in line and "\\x1b[2J" in line for line in lines), lines


def test_double_dash_lets_a_file_name_start_with_a_dash(demo_copy: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-rf.xlsx").write_bytes(b"not a workbook")
    code = main(["--db", str(demo_copy), "--lang", "en", "merge", "--dry-run", "--", "-rf.xlsx"])
    out = capsys.readouterr().out
    assert code == 1 and out.startswith("rejected") and "-rf.xlsx" in out
    with pytest.raises(SystemExit):
        main(["--db", str(demo_copy), "merge", "--help"])
    assert "peakdesk merge -- -rf.xlsx" in " ".join(capsys.readouterr().out.split())
