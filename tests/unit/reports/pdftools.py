"""Reading built PDFs for the tests, with pdfplumber (pdfminer.six underneath; pypdfium2 renders).

pip-installable, so `make test` needs no poppler-utils: character boxes, fonts, metadata and text
come from one maintained library, the same one the layout measurements use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdftypes import resolve1

FORBIDDEN_LINE_STARTS = tuple("，。：；？！》”、）")
A4 = (595.276, 841.89)


def _name(value: Any) -> str:
    value = resolve1(value)
    return value.name if hasattr(value, "name") else str(value)


def fonts(pdf: Path) -> list[dict[str, str]]:
    """Every font the pages use: its base name, whether a font program is embedded, whether subset."""
    seen: dict[str, dict[str, str]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            resources = resolve1(page.page_obj.resources) or {}
            for ref in (resolve1(resources.get("Font")) or {}).values():
                font = resolve1(ref)
                descendants = resolve1(font.get("DescendantFonts")) or []
                described = [resolve1(d) for d in descendants] or [font]
                name = _name(font.get("BaseFont", "?"))
                embedded = False
                for d in described:
                    desc = resolve1(d.get("FontDescriptor")) or {}
                    embedded = embedded or any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))
                if _name(font.get("Subtype")) == "Type3":
                    embedded = True  # glyphs are drawn in the page content itself
                seen[name] = {"name": name, "emb": "yes" if embedded else "no",
                              "sub": "yes" if "+" in name[:8] else "no"}
    return list(seen.values())


def metadata(pdf: Path) -> dict[str, str]:
    with pdfplumber.open(pdf) as doc:
        return {str(k): str(v) for k, v in doc.metadata.items()}


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    with pdfplumber.open(pdf) as doc:
        return [(round(float(p.width), 3), round(float(p.height), 3)) for p in doc.pages]


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [p.extract_text() or "" for p in doc.pages]


def text(pdf: Path) -> str:
    """The text of every page in reading order, pages separated by form feeds."""
    return "\f".join(page_texts(pdf))


def words(pdf: Path, page: int | None = None) -> list[dict[str, Any]]:
    """Words with their boxes (x0, top from the page's top), of one page (1-based) or all pages."""
    with pdfplumber.open(pdf) as doc:
        pages = doc.pages if page is None else [doc.pages[page - 1]]
        return [w for p in pages for w in p.extract_words()]


def bad_line_starts(pdf: Path) -> list[str]:
    return [line for line in text(pdf).splitlines() if line.strip().startswith(FORBIDDEN_LINE_STARTS)]


def assert_printable(pdf: Path) -> None:
    """Every font embedded, A4 pages, no line starting with closing punctuation."""
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    assert [r for r in rows if r["emb"] != "yes"] == [], rows
    for width, height in page_sizes(pdf):
        assert abs(width - A4[0]) < 0.5 and abs(height - A4[1]) < 0.5, (width, height)
    assert bad_line_starts(pdf) == []
