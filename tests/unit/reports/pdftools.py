"""Reading and measuring built PDFs for the tests with pdfplumber (pdfminer.six underneath;
pypdfium2 renders): pip-installable, so `make test` needs no poppler-utils, and the layout
measurements (tests/unit/reports/gbt_measure.py) use the same library.

Everything is in points from the page's top-left corner (pdfplumber's ``top``/``bottom``). A
character's box is its em box (baseline + descent … + size), which is what GB/T 9704 positions refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdftypes import resolve1

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.2756, 841.8898
BLOCK_LEFT = 28 * MM
BLOCK_TOP = 37 * MM
BLOCK_W = 156 * MM
BLOCK_H = 225 * MM
BLOCK_RIGHT = BLOCK_LEFT + BLOCK_W
BLOCK_BOTTOM = BLOCK_TOP + BLOCK_H
LINE = BLOCK_H / 22

CLOSERS = "，。、：；？！）》」』】〕〉”’…·％,.;:?!)]}%"
OPENERS = "（《「『【〔〈“‘([{"
FORBIDDEN_LINE_STARTS = tuple("，。：；？！》”、）")
WATERMARK_MIN_SIZE = 60


@dataclass
class TextLine:
    page: int
    chars: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The characters, with a space where there is a gap of a fifth of an em or more."""
        out = []
        for k, c in enumerate(self.chars):
            if k and c["x0"] - self.chars[k - 1]["x1"] > 0.2 * c["size"]:
                out.append(" ")
            out.append(c["text"])
        return "".join(out)

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def size(self) -> float:
        return max(round(c["size"], 1) for c in self.chars)

    @property
    def font(self) -> str:
        return self.chars[0]["fontname"]


def _is_page_number(c: dict) -> bool:
    return c["top"] > BLOCK_BOTTOM + 2


def _content_chars(page) -> list[dict]:
    return [c for c in page.chars if c["size"] < WATERMARK_MIN_SIZE and not _is_page_number(c)
            and c["text"].strip()]


def lines(page, *, split_gap: float | None = None) -> list[TextLine]:
    """Characters grouped into visual lines (same baseline); with ``split_gap``, a line is also cut
    where two characters are further apart than that (table cells side by side)."""
    chars = sorted(_content_chars(page), key=lambda c: (round(baseline(c), 0), c["x0"]))
    out: list[TextLine] = []
    for c in chars:
        if out and abs(baseline(out[-1].chars[-1]) - baseline(c)) < 1.5 and (
                split_gap is None or c["x0"] - out[-1].chars[-1]["x1"] < split_gap):
            out[-1].chars.append(c)
        else:
            out.append(TextLine(page.page_number, [c]))
    for line in out:
        line.chars.sort(key=lambda c: c["x0"])
    return sorted(out, key=lambda ln: (round(ln.bottom, 0), ln.x0))


def baseline(c: dict) -> float:
    """The character's baseline from the page top (fonts differ in descent, so boxes differ)."""
    return PAGE_H - c["matrix"][5]


def page_numbers(page) -> str:
    return "".join(c["text"] for c in sorted(page.chars, key=lambda c: c["x0"]) if _is_page_number(c))


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


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [p.extract_text() or "" for p in doc.pages]


def layout_text(pdf: Path) -> str:
    """Text laid out as on the page (columns kept apart by spaces), pages separated by form feeds;
    the draft watermark (草稿 across the page) left out, or its glyphs fall into table rows."""
    with pdfplumber.open(pdf) as doc:
        return "".join(p.filter(lambda o: o.get("object_type") != "char" or o.get("size", 0) < WATERMARK_MIN_SIZE)
                       .extract_text(layout=True) or "" for p in doc.pages)


def words(pdf: Path, page: int | None = None) -> list[dict[str, Any]]:
    """Words with their boxes (x0, top from the page's top), of one page (1-based) or all pages."""
    with pdfplumber.open(pdf) as doc:
        pages = doc.pages if page is None else [doc.pages[page - 1]]
        return [w for p in pages for w in p.extract_words()]


def page_sizes(pdf: Path) -> set[tuple[float, float]]:
    with pdfplumber.open(pdf) as doc:
        return {(round(p.width, 1), round(p.height, 1)) for p in doc.pages}


def metadata(pdf: Path) -> dict[str, str]:
    with pdfplumber.open(pdf) as doc:
        return {k: (v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)) for k, v in doc.metadata.items()}


def text(pdf: Path, raw: bool = False) -> str:
    """The text of every page, line by line, pages separated by form feeds."""
    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            body = [ln.text for ln in lines(page, split_gap=None if raw else 12)]
            pages.append("\n".join([*body, page_numbers(page)]))
    return "\f".join(pages)


def bad_line_starts(pdf: Path) -> list[str]:
    return [line for line in text(pdf).splitlines() if line.strip().startswith(FORBIDDEN_LINE_STARTS)]


def assert_printable(pdf: Path) -> None:
    """Every font embedded, A4 pages, no line starting with closing punctuation."""
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    assert [r for r in rows if r["emb"] != "yes"] == [], rows
    assert page_sizes(pdf) == {(595.3, 841.9)}
    assert bad_line_starts(pdf) == []


# headings and table captions (a figure's caption is below its figure, so it may end a page)
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|表\d+|\d+\.\s|\(\d+\)\s|Table \d+)")
