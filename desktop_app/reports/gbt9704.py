"""The GB/T 9704-2012 page: A4, 37 mm top / 28 mm left margins, a 156 × 225 mm text block holding
22 lines of 3号 (16 pt) 仿宋, title in 2号 (22 pt) 小标宋, headings 一、黑体 / （一）楷体 / 1. 仿宋, page
numbers ``— 1 —`` in 4号 (14 pt) 宋体 7 mm below the block, odd pages right and even pages left.

The English versions keep the geometry and type sizes and set everything in an English serif; any
Chinese characters inside English text (a department without an English name) are switched to the
Chinese body font so they never print as boxes.

reportlab has no character spacing in paragraphs, so a 16 pt line holds 27 Chinese characters
rather than the standard's 28 (which Word reaches by squeezing the spacing); the line grid is exact.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import reportlab.lib.textsplit as textsplit
import reportlab.platypus.paragraph as rl_paragraph
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFInfo, PDFString
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.reports import fonts as F

# --- geometry ---------------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
LINES_PER_PAGE = 22
LINE = BLOCK_HEIGHT / LINES_PER_PAGE          # the line grid: ≈ 28.99 pt
BODY_SIZE = 16                                # 3号
TITLE_SIZE = 22                               # 2号
PAGE_NUMBER_SIZE = 14                         # 4号
TABLE_SIZE = 12                               # 小四, for table cells
SMALL_TABLE_SIZE = 10.5                       # 五号, for wide tables
PAGE_NUMBER_GAP = 7 * mm                      # from the bottom of the block to the number's rule
RED = colors.Color(0.85, 0.0, 0.0)

# --- Chinese line breaking: closing punctuation never starts a line ---------------------------
NO_LINE_START = "，。、：；？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%"


def install_line_breaking_rules() -> None:
    """Extend reportlab's kinsoku set (both module copies: paragraph imported it by value)."""
    extra = "".join(ch for ch in NO_LINE_START if ch not in textsplit.ALL_CANNOT_START)
    if extra:
        textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + extra
    rl_paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


# reportlab hangs one closing mark in the margin but lets a second one (”，) start the next line.
# Both of its CJK splitters (single-style paragraphs: textsplit.dumbSplit; mixed styles:
# paragraph.cjkFragSplit) get one more rule: carry the character before the two marks over instead.
_SPLITTER_PATCHES = (
    (textsplit, "dumbSplit",
     """            if c not in ALL_CANNOT_START and i>lineStartPos+1:""",
     """            if c in ALL_CANNOT_START and i<nW and word[i] in ALL_CANNOT_START and i-2>lineStartPos+1 \\
                    and word[i-2] not in ALL_CANNOT_START:
                extraSpace += widths[i-1] + widths[i-2]
                i -= 2
            elif c not in ALL_CANNOT_START and i>lineStartPos+1:"""),
    (rl_paragraph, "cjkFragSplit",
     """                if u not in ALL_CANNOT_START and i>lineStartPos+1:""",
     """                if u in ALL_CANNOT_START and i<nU and U[i] in ALL_CANNOT_START and i-2>lineStartPos+1 \\
                        and U[i-2] not in ALL_CANNOT_START:
                    extraSpace += U[i-1].width + U[i-2].width
                    i -= 2
                elif u not in ALL_CANNOT_START and i>lineStartPos+1:"""),
)


def _patch_double_closers() -> None:
    """Recompile reportlab's splitters with the extra rule; if their source changes shape, keep them."""
    import inspect

    for module, name, anchor, patch in _SPLITTER_PATCHES:
        func = getattr(module, name)
        if getattr(func, "_peakdesk", False):
            continue
        try:
            source = inspect.getsource(func)
        except (OSError, TypeError):
            continue
        if anchor not in source:
            continue
        namespace = dict(vars(module))
        exec(compile(source.replace(anchor, patch), module.__file__, "exec"), namespace)  # noqa: S102
        patched = namespace[name]
        patched._peakdesk = True
        # functions that look the splitter up in their module's globals see the patched one
        setattr(module, name, patched)


_CHAR_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _cached_char_widths(word: str, font_name: str, font_size: float) -> list[float]:
    """reportlab measures Chinese text one character at a call ("the performance is going to SUCK",
    says its source); a per-font table of character widths makes wrapping several times faster."""
    table = _CHAR_WIDTHS.setdefault((font_name, font_size), {})
    out = []
    for ch in word:
        width = table.get(ch)
        if width is None:
            width = table[ch] = pdfmetrics.stringWidth(ch, font_name, font_size)
        out.append(width)
    return out


install_line_breaking_rules()
_patch_double_closers()
textsplit.getCharWidths = _cached_char_widths


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its last layout: tables wrap each cell twice (to size the row,
    then to draw it) at the same width, and line breaking is the bulk of a report's build time."""

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_for == avail_width:
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width
        return size  # type: ignore[no-any-return]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._wrapped_for = None
        return super().split(avail_width, avail_height)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=8192)
def string_width(text: str, font_name: str, font_size: float) -> float:
    """Table cells repeat (statuses, roles, percentages): measure each once."""
    return pdfmetrics.stringWidth(text, font_name, font_size)  # type: ignore[no-any-return]


class GbtTable(Table):  # type: ignore[misc]
    """A table whose one-line string cells are written into one text object per table.

    reportlab draws each string cell as its own text object (``BT … ET``, re-measuring the string);
    here the cells go into one shared text object, positioned exactly where reportlab puts them,
    and empty cells draw nothing. Paragraph cells, rules and backgrounds are drawn by reportlab.
    """

    _text: Any = None

    def draw(self) -> None:
        self._text = None
        super().draw()
        if self._text is not None:
            canv = self.canv
            canv.saveState()
            canv.drawText(self._text)
            canv.restoreState()
            self._text = None

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802 - reportlab's name
                  size: tuple[float, float]) -> None:
        if not isinstance(cellval, str) or "\n" in cellval or cellstyle.href or cellstyle.destination \
                or cellstyle.direction or cellstyle.shaping or cellstyle.valign != "MIDDLE" \
                or cellstyle.alignment not in ("LEFT", "CENTER", "CENTRE", "RIGHT"):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        font, font_size, just = cellstyle.fontname, cellstyle.fontsize, cellstyle.alignment
        text = self._text
        if text is None:
            text = self._text = self.canv.beginText()
            self._text_font = self._text_colour = None
        if self._text_font != (font, font_size, cellstyle.leading):
            text.setFont(font, font_size, cellstyle.leading)
            self._text_font = (font, font_size, cellstyle.leading)
        if self._text_colour != cellstyle.color:
            text.setFillColor(cellstyle.color)
            self._text_colour = cellstyle.color
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
        elif just == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding - string_width(cellval, font, font_size)
        else:
            x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5 \
                - 0.5 * string_width(cellval, font, font_size)
        y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + cellstyle.leading) / 2.0 - font_size
        text.setTextOrigin(x, y)
        text.textLine(cellval)


# --- text helpers -----------------------------------------------------------------------------
_CJK_RUN = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff\u3400-\u4dbf〔〕—]+")


def format_date(d: dt.date, lang: str) -> str:
    """``2025年10月20日`` (no leading zeros) or ``20 October 2025``."""
    if lang.startswith("zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {d.strftime('%B')} {d.year}"


@dataclass
class Typography:
    """Paragraph styles for one language, built over a registered FontSet."""

    lang: str
    fonts: F.FontSet
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    _cells: dict[tuple[str, str], Paragraph] = field(default_factory=dict, repr=False)

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    def font(self, role: str) -> str:
        if self.zh:
            return self.fonts.name(role)
        return self.fonts.name(F.SERIF_BOLD if role in (F.HEI, F.TITLE) else F.SERIF)

    def text(self, value: object) -> str:
        """Escape for a Paragraph; in English, switch Chinese runs to the Chinese body font."""
        out = escape("" if value is None else str(value))
        if not self.zh:
            cjk = self.fonts.name(F.FANGSONG)
            out = _CJK_RUN.sub(lambda m: f'<font name="{cjk}">{m.group(0)}</font>', out)
        return out.replace("\n", "<br/>")

    def __post_init__(self) -> None:
        wrap = "CJK" if self.zh else None
        body = ParagraphStyle(
            "body", fontName=self.font(F.FANGSONG), fontSize=BODY_SIZE, leading=LINE,
            firstLineIndent=2 * BODY_SIZE if self.zh else 0, alignment=TA_JUSTIFY, wordWrap=wrap,
            allowWidows=0, allowOrphans=0,
        )
        self.styles = {
            "body": body,
            "body_noindent": ParagraphStyle("body_noindent", parent=body, firstLineIndent=0),
            "title": ParagraphStyle("title", parent=body, fontName=self.font(F.TITLE), fontSize=TITLE_SIZE,
                                    leading=LINE * 1.25, alignment=TA_CENTER, firstLineIndent=0,
                                    spaceBefore=LINE * 0.5, spaceAfter=LINE * 0.75),
            "h1": ParagraphStyle("h1", parent=body, fontName=self.font(F.HEI), alignment=TA_LEFT,
                                 firstLineIndent=2 * BODY_SIZE if self.zh else 0),
            "h2": ParagraphStyle("h2", parent=body, fontName=self.font(F.KAI), alignment=TA_LEFT,
                                 firstLineIndent=2 * BODY_SIZE if self.zh else 0),
            "h3": ParagraphStyle("h3", parent=body, alignment=TA_LEFT),
            "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
            "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
            "docno": ParagraphStyle("docno", parent=body, alignment=TA_CENTER, firstLineIndent=0),
            "cell": ParagraphStyle("cell", fontName=self.font(F.FANGSONG), fontSize=TABLE_SIZE,
                                   leading=TABLE_SIZE * 1.3, wordWrap=wrap),
            "cell_small": ParagraphStyle("cell_small", fontName=self.font(F.FANGSONG),
                                         fontSize=SMALL_TABLE_SIZE, leading=SMALL_TABLE_SIZE * 1.3, wordWrap=wrap),
            "cell_head": ParagraphStyle("cell_head", fontName=self.font(F.HEI), fontSize=TABLE_SIZE,
                                        leading=TABLE_SIZE * 1.3, alignment=TA_CENTER, wordWrap=wrap),
            "cell_head_small": ParagraphStyle("cell_head_small", fontName=self.font(F.HEI),
                                              fontSize=SMALL_TABLE_SIZE, leading=SMALL_TABLE_SIZE * 1.3,
                                              alignment=TA_CENTER, wordWrap=wrap),
            "caption": ParagraphStyle("caption", fontName=self.font(F.HEI), fontSize=TABLE_SIZE,
                                      leading=TABLE_SIZE * 1.5, alignment=TA_CENTER, wordWrap=wrap,
                                      spaceBefore=4, spaceAfter=4),
        }

    # Flowable shortcuts --------------------------------------------------------------------
    def para(self, text: object, style: ParagraphStyle) -> Paragraph:
        """A paragraph; English text holding Chinese wraps the Chinese way (no comma starts a line)."""
        raw = "" if text is None else str(text)
        if not self.zh and _CJK_RUN.search(raw):
            key = f"{style.name}+cjk"
            if key not in self.styles:
                self.styles[key] = ParagraphStyle(key, parent=style, wordWrap="CJK")
            style = self.styles[key]
        return Para(self.text(raw), style)

    def p(self, text: str, style: str = "body") -> Paragraph:
        return self.para(text, self.styles[style])

    def h1(self, text: str) -> list[Flowable]:
        # a heading never ends a page: keep at least three lines below it
        return [CondPageBreak(LINE * 5), self.para(text, self.styles["h1"])]

    def h2(self, text: str) -> list[Flowable]:
        return [CondPageBreak(LINE * 5), self.para(text, self.styles["h2"])]

    def h3(self, text: str) -> Paragraph:
        return self.para(text, self.styles["h3"])

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              *, small: bool = False, align: Sequence[str] | None = None,
              row_styles: Sequence[tuple[Any, ...]] = ()) -> Table:
        """A ruled table whose header repeats on every page; rows are never split across pages.

        ``widths`` are fractions of the text block width; ``align`` is 'L', 'C' or 'R' per column.
        """
        cell = self.styles["cell_small" if small else "cell"]
        head = self.styles["cell_head_small" if small else "cell_head"]
        aligned = {a: self._aligned(cell, a) for a in "LCR"}
        align = list(align or ["L"] * len(header))
        col_widths = [BLOCK_WIDTH * w for w in widths]
        # a cell that fits on one line is drawn as a plain string (no paragraph to lay out: much faster)
        room = [w - 6 for w in col_widths]
        data: list[list[object]] = [[h if self._fits(h, head, room[i]) else self.para(h, head)
                                     for i, h in enumerate(header)]]
        for row in rows:
            out_row: list[object] = []
            for i, v in enumerate(row):
                if isinstance(v, Flowable):
                    out_row.append(v)
                    continue
                raw = "" if v is None else str(v)
                if self._fits(raw, cell, room[i]):
                    out_row.append(raw)
                else:
                    out_row.append(self._cell(raw, aligned[align[i]]))
            data.append(out_row)
        aligns = [("ALIGN", (i, 1), (i, -1), {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}[a])
                  for i, a in enumerate(align)]
        table = GbtTable(data, colWidths=col_widths, repeatRows=1, splitInRow=0, hAlign="CENTER",
                      spaceBefore=2, spaceAfter=LINE * 0.3)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize),  # else cells start in Helvetica
            ("FONT", (0, 0), (-1, 0), head.fontName, head.fontSize),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *aligns,
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *row_styles,
        ]))
        return table

    def _aligned(self, cell: ParagraphStyle, a: str) -> ParagraphStyle:
        key = f"{cell.name}_{a}"
        if key not in self.styles:
            self.styles[key] = ParagraphStyle(key, parent=cell,
                                              alignment={"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT}[a])
        return self.styles[key]

    def _fits(self, text: str, style: ParagraphStyle, room: float) -> bool:
        return "\n" not in text and (self.zh or not _CJK_RUN.search(text)) and self._width(text, style) <= room

    def _width(self, text: str, style: ParagraphStyle) -> float:
        return string_width(text, style.fontName, style.fontSize)

    def _cell(self, text: str, style: ParagraphStyle) -> Paragraph:
        """One paragraph per text and style for table cells: a task listed under each of its departments
        is laid out once per column width (cells never split, so tables can share them)."""
        key = (text, style.name)
        para = self._cells.get(key)
        if para is None:
            para = self._cells[key] = self.para(text, style)
        return para

    def caption(self, text: str) -> Paragraph:
        return self.para(text, self.styles["caption"])


# --- the document header (版头) and closing blocks --------------------------------------------
class RedRule(Flowable):  # type: ignore[misc]
    """The red separator line under the document number (版头中的分隔线)."""

    def __init__(self, width: float = BLOCK_WIDTH, thickness: float = 1.0, space: float = 4 * mm) -> None:
        super().__init__()
        self.width, self.thickness, self.space = width, thickness, space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.space * 2

    def draw(self) -> None:
        self.canv.setStrokeColor(RED)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.space, self.width, self.space)


def issuer_mark(typo: Typography, issuer: str) -> Paragraph:
    """The issuing body's name in red 小标宋, as large as fits the block (at most 36 pt)."""
    font = typo.font(F.TITLE)
    size = 36.0
    width = pdfmetrics.stringWidth(issuer, font, size)
    if width > BLOCK_WIDTH:
        size = max(16.0, size * BLOCK_WIDTH / width)
    style = ParagraphStyle("issuer", fontName=font, fontSize=size, leading=size * 1.2, alignment=TA_CENTER,
                           textColor=RED, wordWrap="CJK" if typo.zh else None, spaceAfter=LINE * 0.5)
    return Paragraph(typo.text(issuer), style)


def document_header(typo: Typography, issuer: str, doc_number: str, title: str,
                    subtitle: str = "") -> list[Flowable]:
    """版头 (issuer mark, document number, red rule) then the title (and an optional subtitle)."""
    out: list[Flowable] = []
    if issuer:
        out.append(issuer_mark(typo, issuer))
    if doc_number:
        out.append(Paragraph(typo.text(doc_number), typo.styles["docno"]))
    if issuer or doc_number:
        out.append(RedRule())
    out.append(Paragraph(balanced_title(typo, title), typo.styles["title"]))
    if subtitle:
        out.append(Paragraph(typo.text(subtitle), typo.styles["center"]))
        out.append(Spacer(1, LINE * 0.5))
    return out


def balanced_title(typo: Typography, title: str) -> str:
    """A Chinese title over several lines gets lines of about equal length (梯形/菱形 layout),
    instead of a full line and a stub; closing punctuation stays at the end of its line."""
    style = typo.styles["title"]
    width = pdfmetrics.stringWidth(title, style.fontName, style.fontSize)
    if not typo.zh or width <= BLOCK_WIDTH:
        return typo.text(title)
    lines = int(width // BLOCK_WIDTH) + 1
    per_line = width / lines
    out: list[str] = []
    current, used = "", 0.0
    for ch in title:
        w = pdfmetrics.stringWidth(ch, style.fontName, style.fontSize)
        if current and used + w > per_line * 1.02 and ch not in NO_LINE_START and len(out) < lines - 1:
            out.append(current)
            current, used = "", 0.0
        current += ch
        used += w
    out.append(current)
    return "<br/>".join(typo.text(line) for line in out)


def signature_block(typo: Typography, issuer: str, date: dt.date, *, seal_note: str = "",
                    signers: Sequence[str] = ()) -> KeepTogether:
    """Issuing body and date at the right (右空四字), optional signature lines and a seal box."""
    right = ParagraphStyle("sig", parent=typo.styles["body"], alignment=TA_RIGHT, firstLineIndent=0,
                           rightIndent=4 * BODY_SIZE if typo.zh else 0)
    parts: list[Flowable] = [Spacer(1, LINE)]
    for signer in signers:
        parts.append(Paragraph(typo.text(signer), typo.styles["body_noindent"]))
    if seal_note:
        parts.append(SealBox(typo, seal_note))
    parts.append(Paragraph(typo.text(issuer), right))
    parts.append(Paragraph(typo.text(format_date(date, typo.lang)), right))
    return KeepTogether(parts)


class SealBox(Flowable):  # type: ignore[misc]
    """A dashed circle marking where the seal goes (印章位置), right of centre."""

    def __init__(self, typo: Typography, note: str, diameter: float = 42 * mm) -> None:
        super().__init__()
        self.typo, self.note, self.diameter = typo, note, diameter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.diameter * 0.55

    def draw(self) -> None:
        c = self.canv
        cx = self.avail - 4 * BODY_SIZE - self.diameter / 2
        cy = 0
        c.saveState()
        c.setStrokeColor(RED)
        c.setDash(3, 3)
        c.circle(cx, cy, self.diameter / 2)
        c.setFillColor(RED)
        c.setFont(self.typo.font(F.SONG), 12)
        c.drawCentredString(cx, cy + self.diameter * 0.15, self.note)
        c.restoreState()


# --- the page template ------------------------------------------------------------------------
class _InfoWithFonts(PDFInfo):  # type: ignore[misc]
    """PDF document information with an extra key naming the fonts (PeakDeskFonts)."""

    extra: dict[str, str] = {}  # replaced per instance

    def format(self, document: Any) -> bytes:
        from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFName

        d: dict[str, Any] = {
            "Title": PDFString(self.title), "Author": PDFString(self.author),
            "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        d["ModDate"] = d["CreationDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        for key, value in self.extra.items():
            d[key] = PDFString(value)
        return PDFDictionary(d).format(document)  # type: ignore[no-any-return]


class GbtDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 with the GB/T 9704 text block; page numbers alternate sides; fonts named in the metadata."""

    def __init__(self, filename: Any, typo: Typography, *, title: str, author: str = "",
                 subject: str = "") -> None:
        self.typo = typo
        bottom = PAGE_HEIGHT - TOP_MARGIN - BLOCK_HEIGHT
        super().__init__(
            filename, pagesize=A4, leftMargin=LEFT_MARGIN, rightMargin=PAGE_WIDTH - LEFT_MARGIN - BLOCK_WIDTH,
            topMargin=TOP_MARGIN, bottomMargin=bottom, initialFontName=typo.font(F.FANGSONG), title=title, author=author or "PeakDesk",
            subject=subject, creator="PeakDesk", lang="zh-CN" if typo.zh else "en",
        )
        # every line of the block is a grid line: no extra frame padding
        frame = Frame(LEFT_MARGIN, bottom, BLOCK_WIDTH, BLOCK_HEIGHT, id="block",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="gbt", frames=[frame], onPage=self._decorate)])
        fonts_zh = typo.fonts.substitutes_text("zh")
        fonts_en = typo.fonts.substitutes_text("en")
        self.font_note = fonts_zh if typo.zh else fonts_en  # shown by the GUI after a build
        self.subject = f"{subject} — {self.font_note}" if subject else self.font_note
        self.keywords = ["PeakDesk", fonts_en if typo.zh is False else fonts_zh]
        self._font_summary = typo.fonts.summary("en")

    def _makeCanvas(self, filename: Any = None, canvasmaker: Any = None) -> Any:  # noqa: N802 - reportlab's name
        canv = super()._makeCanvas(filename, canvasmaker) if canvasmaker else super()._makeCanvas(filename)
        info = _InfoWithFonts()
        info.__dict__.update({k: v for k, v in canv._doc.info.__dict__.items() if "InternalName" not in k})
        info.extra = {"PeakDeskFonts": self._font_summary}
        canv._doc.info = info
        return canv

    def _decorate(self, canv: Any, doc: Any) -> None:
        draw_page_number(canv, canv.getPageNumber(), self.typo)


def draw_page_number(canv: Any, number: int, typo: Typography) -> None:
    """``— n —`` in 4号 宋体, 7 mm below the block; odd pages right, even left, one character in."""
    text = f"— {number} —"
    font = typo.fonts.name(F.SONG) if typo.zh else typo.fonts.name(F.SERIF)
    y = PAGE_HEIGHT - TOP_MARGIN - BLOCK_HEIGHT - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE * 0.35
    canv.saveState()
    canv.setFont(font, PAGE_NUMBER_SIZE)
    if number % 2:
        canv.drawRightString(LEFT_MARGIN + BLOCK_WIDTH - PAGE_NUMBER_SIZE, y, text)
    else:
        canv.drawString(LEFT_MARGIN + PAGE_NUMBER_SIZE, y, text)
    canv.restoreState()


_A85_LOCK = threading.Lock()
_a85_builds = 0
_a85_saved: Any = None


@contextmanager
def binary_streams() -> Iterator[None]:
    """Page streams Flate-compressed without the ASCII85 layer (files ≈ 11 % smaller, and encoding
    them in Python is a good part of the save). reportlab reads this only from its global
    ``rl_config.useA85``, when the document is written; it is switched for our builds and restored
    when the last one running ends, so other users of reportlab in the process keep their setting."""
    global _a85_builds, _a85_saved
    with _A85_LOCK:
        if _a85_builds == 0:
            _a85_saved = rl_config.useA85
            rl_config.useA85 = 0
        _a85_builds += 1
    try:
        yield
    finally:
        with _A85_LOCK:
            _a85_builds -= 1
            if _a85_builds == 0:
                rl_config.useA85 = _a85_saved


def build_pdf(path: Any, typo: Typography, story: list[Flowable], *, title: str, subject: str = "",
              author: str = "", on_progress: Callable[[int], None] | None = None) -> GbtDocument:
    """Lay out ``story`` on GB/T pages into ``path`` (a file name or a binary file object)."""
    doc = GbtDocument(path, typo, title=title, author=author, subject=subject)
    if on_progress is not None:
        doc.setProgressCallBack(lambda kind, value: on_progress(value) if kind == "PAGE" else None)
    with binary_streams():
        doc.build(story)
    return doc
