"""poppler-utils helpers for checking built PDFs."""

from __future__ import annotations

import subprocess
from pathlib import Path

FORBIDDEN_LINE_STARTS = tuple("，。：；？！》”、）")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, type, emb."""
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type [type…] encoding emb sub uni obj gen: read from the right
        out.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return out


def info(pdf: Path, custom: bool = False) -> str:
    return run("pdfinfo", *(["-custom"] if custom else []), str(pdf))


def text(pdf: Path, raw: bool = False) -> str:
    return run("pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-")


def bad_line_starts(pdf: Path) -> list[str]:
    return [line for line in text(pdf).splitlines() if line.strip().startswith(FORBIDDEN_LINE_STARTS)]


def assert_printable(pdf: Path) -> None:
    """Every font embedded, A4 pages, no line starting with closing punctuation."""
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    assert [r for r in rows if r["emb"] != "yes"] == [], rows
    assert "595.276 x 841.89 pts (A4)" in info(pdf)
    assert bad_line_starts(pdf) == []
