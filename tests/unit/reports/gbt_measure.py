"""Measure a built 公文 against GB/T 9704-2012 (character boxes via pdfplumber); return the problems.

What is measured (see CONVENTIONS.md for the standard's figures):
- header: the 发文机关标志's top 35 ± 1 mm below the text block's top; the red (or, on drafts, grey)
  rule 4 ± 1 mm below the 发文字号's em box; the title's first line two lines below the rule;
- body grid: a full body line (one followed by a line of the same paragraph) spans the block to
  within 0.5 mm and, when it is all full-width characters, takes exactly 28 grid cells: 28
  characters, or 29 and more where closing marks were set at half width (挤进, two halves a cell),
  never a line spread over the grid (推出); a page of body text only holds 22 lines;
- nothing outside the text block by more than 0.5 mm (page numbers aside);
- no line (or table-cell line) starts with closing or ends with opening punctuation;
- no heading or caption as a page's last line;
- no page more than 60 % blank except the last page of a section (body, each attachment, 版记);
- page numbers ``— n —`` on every page, odd pages right, even pages left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from tests.unit.reports import pdftools as T

TOL = 0.5 * T.MM


@dataclass
class Measure:
    pages: int = 0
    mark_mm: float | None = None
    rule_mm: float | None = None
    title_lines: float | None = None
    full_lines: int = 0
    full_lines_28: int = 0
    text_pages_22: int = 0           # pages of body text only holding exactly 22 lines
    problems: list[str] = field(default_factory=list)

    def fail(self, text: str) -> None:
        self.problems.append(text)


def _rules(page) -> list[dict]:
    return [ln for ln in page.lines if ln["width"] > T.BLOCK_W * 0.9]


def _is_cjk_full(c: dict) -> bool:
    return abs(c["width"] - c["size"]) < 0.3


def measure(pdf_path: Path, *, zh: bool) -> Measure:
    m = Measure()
    with pdfplumber.open(pdf_path) as pdf:
        pages = list(pdf.pages)
        m.pages = len(pages)
        all_lines = [T.lines(p) for p in pages]
        _header(m, pages[0], all_lines[0])
        section_ends = _section_ends(all_lines)
        for i, page in enumerate(pages):
            _inside_block(m, page)
            _punctuation(m, page)
            _page_number(m, page, i + 1)
            _blank(m, page, all_lines[i], i, section_ends)
            _last_line(m, all_lines[i], i)
        if zh:
            _grid(m, pages, all_lines, section_ends)
    return m


def _header(m: Measure, page, lines: list[T.TextLine]) -> None:
    if not lines:
        m.fail("page 1 has no text")
        return
    mark = lines[0]
    m.mark_mm = (mark.top - T.BLOCK_TOP) / T.MM
    if abs(m.mark_mm - 35) > 1:
        m.fail(f"标志 top {m.mark_mm:.2f} mm below the block top (35 ± 1)")
    rules = sorted(_rules(page), key=lambda r: r["top"])
    if not rules:
        m.fail("no rule under the 发文字号")
        return
    rule = rules[0]["top"]
    above = [ln for ln in lines if ln.bottom < rule]
    number = above[-1]
    cjk = [c for c in number.chars if abs(c["width"] - c["size"]) < 0.3] or number.chars
    m.rule_mm = (rule - max(c["bottom"] for c in cjk)) / T.MM
    if number.size > 17:          # the mark (36 pt, or smaller to fit) right above the rule
        # no 发文字号 printed: the rule stays 4 mm below the (empty) number line, two lines under the mark
        number_bottom = number.bottom + 2 * T.LINE + T.LINE - (T.LINE - 16) / 2
        m.rule_mm = (rule - number_bottom) / T.MM
    if abs(m.rule_mm - 4) > 1:
        m.fail(f"rule {m.rule_mm:.2f} mm below the 发文字号 (4 ± 1)")
    below = [ln for ln in lines if ln.top > rule]
    if below:
        m.title_lines = (below[0].top - rule) / T.LINE
        if not 2.0 <= m.title_lines <= 2.3:
            m.fail(f"title {m.title_lines:.2f} lines below the rule (two)")


def _inside_block(m: Measure, page) -> None:
    for c in page.chars:
        if c["size"] >= T.WATERMARK_MIN_SIZE or T._is_page_number(c) or not c["text"].strip():
            continue
        if c["x0"] < T.BLOCK_LEFT - TOL or c["x1"] > T.BLOCK_RIGHT + TOL or c["top"] < T.BLOCK_TOP - TOL \
                or c["bottom"] > T.BLOCK_BOTTOM + TOL:
            m.fail(f"page {page.page_number}: {c['text']!r} outside the block at x {c['x0']:.1f}–{c['x1']:.1f}, "
                   f"y {c['top']:.1f}–{c['bottom']:.1f}")
            return
    for obj in page.lines + page.rects:
        if obj["x0"] < T.BLOCK_LEFT - TOL or obj["x1"] > T.BLOCK_RIGHT + TOL or obj["bottom"] > T.BLOCK_BOTTOM + TOL:
            m.fail(f"page {page.page_number}: a rule outside the block ({obj['x0']:.1f}–{obj['x1']:.1f})")
            return


def _punctuation(m: Measure, page) -> None:
    for ln in T.lines(page, split_gap=6):
        t = ln.text
        if t[0] in T.CLOSERS and not t.startswith(("……", "——")):
            m.fail(f"page {page.page_number}: line starts with closing punctuation: {t[:20]}")
        if t[-1] in T.OPENERS:
            m.fail(f"page {page.page_number}: line ends with opening punctuation: {t[-20:]}")


def _page_number(m: Measure, page, n: int) -> None:
    chars = [c for c in page.chars if T._is_page_number(c)]
    text = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
    if text.replace(" ", "") != f"—{n}—":
        m.fail(f"page {n}: page number reads {text!r}")
        return
    x = min(c["x0"] for c in chars)
    if (n % 2 == 1 and x < T.PAGE_W / 2) or (n % 2 == 0 and x > T.PAGE_W / 2):
        m.fail(f"page {n}: page number on the wrong side")


def _section_ends(all_lines: list[list[T.TextLine]]) -> set[int]:
    """Pages that end a section: the last page, the page before an attachment, the 版记 page."""
    ends = {len(all_lines) - 1}
    for i, lines in enumerate(all_lines):
        if lines and lines[0].text.startswith(("附件", "Annex")) and lines[0].x0 < T.BLOCK_LEFT + 2 and i > 0:
            ends.add(i - 1)
        if any((ln.text.endswith("印发") or ln.text.startswith("Copy to:")) for ln in lines):
            ends.add(i)
            ends.add(i - 1)
    return ends


def _blank(m: Measure, page, lines: list[T.TextLine], i: int, ends: set[int]) -> None:
    if i in ends:
        return
    bottoms = [ln.bottom for ln in lines] + [o["bottom"] for o in page.rects + page.lines] \
        + [im["bottom"] for im in page.images] + [c["bottom"] for c in page.curves]
    used = max(bottoms, default=T.BLOCK_TOP) - T.BLOCK_TOP
    blank = 1 - used / T.BLOCK_H
    if blank > 0.6:
        m.fail(f"page {i + 1}: {blank:.0%} blank")


def _last_line(m: Measure, lines: list[T.TextLine], i: int) -> None:
    if not lines:
        return
    last = lines[-1]
    if T.HEADING.match(last.text) and last.x1 < T.BLOCK_RIGHT - T.LINE:
        m.fail(f"page {i + 1}: heading or caption as the page's last line: {last.text}")


def _grid(m: Measure, pages, all_lines: list[list[T.TextLine]], section_ends: set[int]) -> None:
    body: list[T.TextLine] = []
    for i, page in enumerate(pages):
        tables = bool(page.rects or [ln for ln in page.lines if ln["width"] < T.BLOCK_W * 0.9] or page.curves)
        grid = [ln for ln in all_lines[i] if ln.size == 16 and all(abs(c["size"] - 16) < 0.1 for c in ln.chars)]
        if not tables and len(grid) == len(all_lines[i]) == 22:
            m.text_pages_22 += 1
        if not tables and i > 0 and len(grid) == len(all_lines[i]) and len(grid) < 22 and i + 1 < len(pages):
            nxt = all_lines[i + 1]
            # fewer than 22 lines only where a heading (never a page's last line) moved on with the
            # first lines of its paragraph, or at a section's end
            heading_next = bool(nxt) and bool(T.HEADING.match(nxt[0].text))
            section_end = i in section_ends
            if not (heading_next and len(grid) >= 19) and not section_end and len(grid) > 6:
                m.fail(f"page {i + 1}: {len(grid)} body lines on a page of text (22)")
        body += grid
    cell = (T.BLOCK_W - 28 * 16) / 27 + 16
    for k, ln in enumerate(body[:-1]):
        nxt = body[k + 1]
        same_page = nxt.page == ln.page
        pitch_ok = (same_page and abs(T.baseline(nxt.chars[0]) - T.baseline(ln.chars[0]) - T.LINE) < 1) or (not same_page and nxt.page == ln.page + 1)
        continues = pitch_ok and nxt.x0 < T.BLOCK_LEFT + 2 and ln.x1 > T.BLOCK_RIGHT - 3 * 16
        if not continues:
            continue
        if abs(ln.x1 - T.BLOCK_RIGHT) > TOL and abs(ln.x1 - (T.BLOCK_RIGHT - 8)) > TOL:
            m.fail(f"page {ln.page}: a full line ends {(ln.x1 - T.BLOCK_RIGHT) / T.MM:+.2f} mm from the edge: {ln.text}")
        if not all(_is_cjk_full(c) for c in ln.chars):
            continue
        indent = round((ln.x0 - T.BLOCK_LEFT) / cell)
        n = indent + grid_cells(ln, cell)
        m.full_lines += 1
        if n == 28:
            m.full_lines_28 += 1
        else:
            m.fail(f"page {ln.page}: {n:g} grid cells on a full line of {len(ln.chars)} characters: {ln.text}")


def grid_cells(ln: T.TextLine, cell: float) -> float:
    """The grid cells a line of full-width characters takes: each character's step to the next in
    half cells (a closing mark set at half width (挤进) takes half a cell), the last one a cell. A
    line spread to fill the block (推出) has fewer cells than the grid holds."""
    xs = [c["x0"] for c in ln.chars]
    steps = [round(2 * (b - a) / cell) / 2 for a, b in zip(xs, xs[1:], strict=False)]
    return sum(steps) + 1
