"""The GB/T 9704-2012 page: A4, 37 mm top / 28 mm left margins, a 156 × 225 mm text block holding
22 lines of 28 characters of 3号 (16 pt) 仿宋; title in 2号 (22 pt) 小标宋; headings 一、黑体 / （一）楷体
/ 1. 仿宋; page numbers ``— 1 —`` in 4号 (14 pt) 宋体 7 mm below the block, odd pages right and even
pages left.

The header block (版头) sits at the standard's positions, measured from the top of the text block:
the issuing body's mark (发文机关标志) 35 mm down, the document number (发文字号) two lines below it,
the red rule 4 mm below the number, the title two lines below the rule, the main recipients (主送机关)
one line below the title. After the body: attachment note (附件说明), signature and date by the
sealed or unsealed rule (7.3.5), the note (附注), attachments on their own pages, and the imprint
(版记: 抄送, 印发机关, 印发日期) at the foot of the last, even page.

Text is set by :mod:`desktop_app.reports.layout` (character grid, kinsoku, word breaks); reportlab is
used through its public Flowable, Table and canvas APIs only, in the version range ``TESTED_REPORTLAB``.

The English versions keep the geometry and type sizes and set everything in an English serif; any
Chinese characters inside English text are set in the Chinese body font so they never print as boxes.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import reportlab
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFInfo, PDFString
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.reports import fonts as F
from desktop_app.reports.docnumber import DocNumberInvalid, validate_doc_number  # noqa: F401 - re-exported
from desktop_app.reports.layout import (
    Line,
    TextBlock,
    TextStyle,
    break_lines,
    char_width,
    descent,
)

# reportlab versions this module was tested with (pyproject pins the same range); a test fails on others
TESTED_REPORTLAB = ((5, 1), (5, 1))


def reportlab_version() -> tuple[int, int]:
    major, minor = (int(x) for x in re.findall(r"\d+", reportlab.Version)[:2])
    return major, minor


def reportlab_is_tested() -> bool:
    low, high = TESTED_REPORTLAB
    return low <= reportlab_version() <= high


# --- geometry ---------------------------------------------------------------------------------
PAGE_WIDTH, PAGE_HEIGHT = A4
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
BLOCK_WIDTH = 156 * mm
BLOCK_HEIGHT = 225 * mm
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE = BLOCK_HEIGHT / LINES_PER_PAGE          # the line grid: ≈ 28.99 pt
BODY_SIZE = 16                                # 3号
TITLE_SIZE = 22                               # 2号
PAGE_NUMBER_SIZE = 14                         # 4号
IMPRINT_SIZE = 14                             # 4号, 版记
TABLE_SIZE = 12                               # 小四, for table cells
SMALL_TABLE_SIZE = 10.5                       # 五号, for wide tables
PAGE_NUMBER_GAP = 7 * mm                      # from the bottom of the block to the number's rule
MARK_TOP = 35 * mm                            # 发文机关标志: its top below the block's top (下行文)
RULE_BELOW_NUMBER = 4 * mm                    # the red rule below the 发文字号
RED = colors.Color(0.85, 0.0, 0.0)
DRAFT_GREY = colors.Color(0.55, 0.55, 0.55)
CELL = BODY_SIZE + (BLOCK_WIDTH - CHARS_PER_LINE * BODY_SIZE) / (CHARS_PER_LINE - 1)  # one grid character

NO_LINE_START = "，。、：；？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%"


def format_date(d: dt.date, lang: str) -> str:
    """``2025年10月20日`` (no leading zeros) or ``20 October 2025``."""
    if lang.startswith("zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {d.strftime('%B')} {d.year}"


# --- typography ---------------------------------------------------------------------------------
@dataclass
class Typography:
    """Text styles for one language, built over a registered FontSet."""

    lang: str
    fonts: F.FontSet
    styles: dict[str, TextStyle] = field(default_factory=dict)
    _cells: dict[tuple[str, str], TextBlock] = field(default_factory=dict, repr=False)

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    def font(self, role: str) -> str:
        if self.zh:
            return self.fonts.name(role)
        return self.fonts.name(F.SERIF_BOLD if role in (F.HEI, F.TITLE) else F.SERIF)

    def __post_init__(self) -> None:
        zh = self.zh
        cjk = self.fonts.name(F.FANGSONG)

        def st(role: str, size: float = BODY_SIZE, leading: float = LINE, **kw: Any) -> TextStyle:
            return TextStyle(font=self.font(role), size=size, leading=leading, cjk_font=cjk, zh=zh, **kw)

        indent = 2 * BODY_SIZE if zh else 0.0
        # tables in English are set to the width of Times (Liberation Serif's metrics): a wider serif
        # (DejaVu Serif, the bundled fallback, is ~12 % wider) gets a proportionally smaller size, so
        # the columns, headers and page count do not depend on which serif the machine has
        ratio = 1.0 if zh else serif_width_ratio(self.font(F.SERIF))
        scale = 1.0 if ratio < 1.02 else 1.0 / ratio
        cell, small = TABLE_SIZE * scale, SMALL_TABLE_SIZE * scale
        self.table_size, self.small_table_size = cell, small
        self.styles = {
            "body": st(F.FANGSONG, grid=zh, first_indent=indent),
            "body_noindent": st(F.FANGSONG, grid=zh),
            "title": st(F.TITLE, TITLE_SIZE, align="center", words=True),
            "h1": st(F.HEI, grid=zh, first_indent=indent),
            "h2": st(F.KAI, grid=zh, first_indent=indent),
            "h3": st(F.FANGSONG, grid=zh, first_indent=indent),
            "left": st(F.FANGSONG, grid=zh, align="left"),
            "right": st(F.FANGSONG, align="right"),
            "center": st(F.FANGSONG, align="center", words=True),
            "docno": st(F.FANGSONG, align="center"),
            "attachment_label": st(F.HEI, align="left"),
            "imprint": st(F.FANGSONG, IMPRINT_SIZE, align="left"),
            "cell": st(F.FANGSONG, cell, cell * 1.3, words=True, align="left"),
            "cell_small": st(F.FANGSONG, small, small * 1.3, words=True, align="left"),
            "cell_head": st(F.HEI, cell, cell * 1.3, words=True, align="center"),
            "cell_head_small": st(F.HEI, small, small * 1.3, words=True, align="center"),
            "caption": st(F.HEI, TABLE_SIZE, LINE, words=True, align="center"),
        }

    # Flowable shortcuts --------------------------------------------------------------------
    def para(self, text: object, style: TextStyle, *, kind: str = "body", keep: bool = False) -> TextBlock:
        block = TextBlock("" if text is None else str(text), style, kind=kind)
        block.keep_with_first = keep
        return block

    def p(self, text: str, style: str = "body") -> TextBlock:
        return self.para(text, self.styles[style], kind=style)

    def h1(self, text: str) -> list[Flowable]:
        # a heading never ends a page: room for it, a table caption and a table's first rows (or a
        # paragraph's first lines), else a new page
        return [self.para(text, self.styles["h1"], kind="h1", keep=True)]

    def h2(self, text: str) -> list[Flowable]:
        return [self.para(text, self.styles["h2"], kind="h2", keep=True)]

    def h3(self, text: str) -> TextBlock:
        return self.para(text, self.styles["h3"], kind="h3")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              *, small: bool = False, align: Sequence[str] | None = None,
              row_styles: Sequence[tuple[Any, ...]] = ()) -> Table:
        """A ruled table whose header repeats on every page; rows are never split across pages.

        ``widths`` are fractions of the text block width; ``align`` is 'L', 'C' or 'R' per column.
        Cells that do not fit on one line are set by the layout engine (breaks between words)."""
        cell = self.styles["cell_small" if small else "cell"]
        head = self.styles["cell_head_small" if small else "cell_head"]
        align = list(align or ["L"] * len(header))
        col_widths = [BLOCK_WIDTH * w for w in widths]
        room = [w - 6 for w in col_widths]
        data: list[list[object]] = [[h if self._fits(h, head, room[i]) else self.para(h, head, kind="cell")
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
                    out_row.append(self._cell(raw, self._aligned(cell, align[i])))
            data.append(out_row)
        aligns = [("ALIGN", (i, 1), (i, -1), {"L": "LEFT", "C": "CENTER", "R": "RIGHT"}[a])
                  for i, a in enumerate(align)]
        table = Table(data, colWidths=col_widths, repeatRows=1, splitInRow=0, hAlign="CENTER",
                      spaceBefore=2, spaceAfter=LINE * 0.3)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), cell.font, cell.size),
            ("FONT", (0, 0), (-1, 0), head.font, head.size),
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

    def _aligned(self, cell: TextStyle, a: str) -> TextStyle:
        key = f"{id(cell)}_{a}"
        if key not in self.styles:
            self.styles[key] = TextStyle(**{**cell.__dict__, "align": {"L": "left", "C": "center", "R": "right"}[a]})
        return self.styles[key]

    def _fits(self, text: str, style: TextStyle, room: float) -> bool:
        if "\n" in text:
            return False
        if not self.zh and any("\u2e80" <= c <= "\u9fff" for c in text):
            return False
        return string_width(text, style.font, style.size) <= room

    def _cell(self, text: str, style: TextStyle) -> TextBlock:
        key = (text, str(id(style)))
        para = self._cells.get(key)
        if para is None:
            para = self._cells[key] = TextBlock(text, style, kind="cell")
        return para

    def caption(self, text: str, *, above: bool = True) -> TextBlock:
        """A table's caption (above it, kept with its first rows) or a figure's (below it)."""
        return self.para(text, self.styles["caption"], kind="caption", keep=above)


_SAMPLE = "District Development and Reform Commission 2025 progress reported on time 46%"


def serif_width_ratio(font: str) -> float:
    """How much wider ``font`` sets English than Times (reportlab's built-in metrics, nothing embedded)."""
    return string_width(_SAMPLE, font, 10) / pdfmetrics.stringWidth(_SAMPLE, "Times-Roman", 10)  # type: ignore[no-any-return]


def string_width(text: str, font: str, size: float) -> float:
    return sum(char_width(c, font, size) for c in text)


# --- the header block (版头) -----------------------------------------------------------------
class Mark(Flowable):  # type: ignore[misc]
    """Centred lines whose first em box top is the flowable's top (the 发文机关标志)."""

    def __init__(self, lines: Sequence[str], font: str, size: float, color: Any) -> None:
        super().__init__()
        self.lines, self.font, self.size, self.color = list(lines), font, size, color

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * (1 + 1.15 * (len(self.lines) - 1))
        return avail_width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(self.color)
        c.setFont(self.font, self.size)
        for i, text in enumerate(self.lines):
            baseline = self.height - self.size - descent(self.font) * self.size - i * self.size * 1.15
            c.drawCentredString(self.width / 2, baseline, text)
        c.restoreState()


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal rule ``below`` points under the flowable's top."""

    def __init__(self, below: float, color: Any = RED, thickness: float = 1.0, dash: bool = False,
                 width: float = BLOCK_WIDTH) -> None:
        super().__init__()
        self.below, self.color, self.thickness, self.dash, self.width = below, color, thickness, dash, width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.below + self.thickness / 2

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(self.thickness)
        if self.dash:
            c.setDash(4, 3)
        y = self.thickness / 2
        c.line(0, y, self.width, y)
        c.restoreState()


@dataclass
class Frame9704:
    """What the header and closing blocks need to know about a document."""

    issuer: str
    doc_number: str = ""
    recipients: str = ""          # 主送机关
    draft: bool = False
    draft_label: str = ""         # printed instead of the document number on drafts


def issuer_mark(typo: Typography, issuer: str, draft: bool = False) -> Mark:
    """As large as fits (at most 36 pt) on one line; a long English name goes on two balanced lines."""
    font = typo.font(F.TITLE)
    size = 36.0
    width = pdfmetrics.stringWidth(issuer, font, size)
    lines = [issuer]
    if width > BLOCK_WIDTH * 2 and " " in issuer:
        words_ = issuer.split(" ")
        best = min(range(1, len(words_)), key=lambda k: abs(
            pdfmetrics.stringWidth(" ".join(words_[:k]), font, size) - width / 2))
        lines = [" ".join(words_[:best]), " ".join(words_[best:])]
        width = max(pdfmetrics.stringWidth(t, font, size) for t in lines)
    if width > BLOCK_WIDTH:
        size = max(12.0, size * BLOCK_WIDTH / width)
    return Mark(lines, font, size, DRAFT_GREY if draft else RED)


def balanced(text: str, style: TextStyle, width: float) -> tuple[list[Line], float]:
    """The text's lines at the narrowest width that needs no more lines than ``width`` does, so
    that the lines are of about equal length; returns the lines and that width."""
    lines = break_lines(text, style, width)
    if len(lines) < 2:
        return lines, width
    lo, hi = width * 0.4, width
    best = lines
    for _ in range(12):
        mid = (lo + hi) / 2
        trial = break_lines(text, style, mid)
        if len(trial) <= len(lines):
            best, hi = trial, mid
        else:
            lo = mid
    return best, hi


def title_lines(typo: Typography, title: str) -> list[Line]:
    """Lines of about equal length (梯形/菱形), broken between words, closing marks kept at line ends."""
    style = typo.styles["title"]
    best, hi = balanced(title, style, BLOCK_WIDTH)
    if len(best) < 2:
        return best
    # centre the balanced lines in the full block
    out = []
    for line in best:
        shift = (BLOCK_WIDTH - hi) / 2
        out.append(Line([(c, f, x + shift) for c, f, x in line.chars], line.width, line.last, line.indent))
    return out


def document_header(typo: Typography, frame: Frame9704, title: str, subtitle: str = "") -> list[Flowable]:
    """版头 then the title, subtitle and 主送机关, at the standard's measured positions."""
    out: list[Flowable] = [Spacer(1, MARK_TOP)]
    mark = issuer_mark(typo, frame.issuer, frame.draft)
    out.append(mark)
    out.append(Spacer(1, 2 * LINE))                                  # 标志下空二行
    number = frame.doc_number if not frame.draft else (frame.draft_label or frame.doc_number)
    out.append(TextBlock(number or " ", typo.styles["docno"], kind="docno"))
    # the number's em box ends (LINE - 16)/2 above its line box's bottom; the rule is 4 mm below it
    out.append(Rule(RULE_BELOW_NUMBER - (LINE - BODY_SIZE) / 2, DRAFT_GREY if frame.draft else RED,
                    dash=frame.draft))
    out.append(Spacer(1, 2 * LINE))                                  # 分隔线下空二行
    out.append(TextBlock(title, typo.styles["title"], lines=title_lines(typo, title), kind="title"))
    if subtitle:
        out.append(TextBlock(subtitle, typo.styles["center"], kind="subtitle"))
    if frame.recipients:
        out.append(Spacer(1, LINE))                                  # 标题下空一行
        out.append(TextBlock(frame.recipients + ("：" if typo.zh else ":"), typo.styles["left"], kind="recipients"))
    return out


# --- after the body: 附件说明, signature, date, 附注 ------------------------------------------
def attachment_note(typo: Typography, names: Sequence[str], label: str = "") -> list[Flowable]:
    """附件说明: 正文下空一行左空二字 "附件：1. …", continued lines aligned under the names."""
    if not names:
        return []
    label = label or ("附件：" if typo.zh else "Annexes: " if len(names) > 1 else "Annex: ")
    out: list[Flowable] = [Spacer(1, LINE)]
    base = typo.styles["body_noindent"]
    label_w = string_width(label, base.font, base.size)
    for i, name in enumerate(names, 1):
        text = (f"{i}. {name}" if len(names) > 1 else name)
        style = TextStyle(**{**base.__dict__, "left_indent": 2 * CELL + label_w, "align": "left", "grid": False})
        block = TextBlock(text, style, kind="attachment_note")
        if i == 1:
            out.append(_Prefixed(block, label, 2 * CELL, base))
        else:
            out.append(block)
    return out


class _Prefixed(Flowable):  # type: ignore[misc]
    """A block with a label drawn in its first line's indent (附件：)."""

    def __init__(self, block: TextBlock, label: str, x: float, style: TextStyle) -> None:
        super().__init__()
        self.block, self.label, self.x, self.style = block, label, x, style
        self.kind = "attachment_note"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.block.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.block.drawOn(self.canv, 0, 0)
        label = TextBlock(self.label, TextStyle(**{**self.style.__dict__, "left_indent": self.x, "grid": False,
                                                   "align": "left"}))
        label.wrap(self.width, LINE)
        label.drawOn(self.canv, 0, self.height - LINE)


class Placed(Flowable):  # type: ignore[misc]
    """Lines of text placed at given x positions (signature and date), one line each."""

    def __init__(self, items: Sequence[tuple[str, float]], style: TextStyle, kind: str = "signature") -> None:
        super().__init__()
        self.items, self.style, self.kind = list(items), style, kind

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, LINE * len(self.items)

    def draw(self) -> None:
        from desktop_app.reports.layout import draw_lines

        lines = []
        for text, x in self.items:
            xs, pos = [], 0.0
            fonts = []
            for ch in text:
                f = self.style.cjk_font if (not self.style.zh and "\u2e80" <= ch <= "\u9fff") else self.style.font
                xs.append((ch, f, pos))
                pos += char_width(ch, f, self.style.size)
                fonts.append(f)
            lines.append(Line(xs, pos, indent=x))
        draw_lines(self.canv, lines, self.style, 0.0, LINE * len(self.items))


def signature_block(typo: Typography, issuer: str, date: dt.date, *, sealed: bool, note: str = "",
                    before: Sequence[Flowable] = ()) -> KeepTogether:
    """署名 and 成文日期 (GB/T 9704 7.3.5), kept with the end of the body; no seal is drawn.

    Unsealed (7.3.5.2): 正文下空一行, the issuer 右空二字, the date on the next line, its first
    character two to the right of the issuer's (or 右空二字 when longer, the issuer moved left).
    Sealed (7.3.5.1): room for the seal (two lines), the date 右空四字, the issuer centred on it.
    附注 (7.3.7): one line below the date, 左空二字, in parentheses."""
    style = typo.styles["left"]
    font, size = style.font, style.size
    date_text = format_date(date, typo.lang)
    iw, dw = string_width(issuer, font, size), string_width(date_text, font, size)
    if sealed:
        date_x = BLOCK_WIDTH - 4 * CELL - dw
        issuer_x = date_x + (dw - iw) / 2
        if issuer_x + iw > BLOCK_WIDTH:
            issuer_x = BLOCK_WIDTH - iw
        gap = 2 * LINE
    else:
        issuer_x = BLOCK_WIDTH - 2 * CELL - iw
        date_x = issuer_x + 2 * CELL
        if date_x + dw > BLOCK_WIDTH - 2 * CELL:
            date_x = BLOCK_WIDTH - 2 * CELL - dw
            issuer_x = min(issuer_x, date_x - 2 * CELL)
        gap = LINE
    parts: list[Flowable] = [*before, Spacer(1, gap)]
    if issuer_x < 0:                 # a long (English) name: right-aligned lines, the date below
        sig = TextStyle(**{**style.__dict__, "align": "right", "grid": False, "words": True})
        room = BLOCK_WIDTH - 2 * CELL
        lines, width = balanced(issuer, sig, room)
        lines = [Line(ln.chars, ln.width, ln.last, room - width) for ln in lines]
        parts.append(TextBlock(issuer, sig, lines=lines, kind="signature"))
        parts.append(Placed([(date_text, max(0.0, BLOCK_WIDTH - 2 * CELL - dw))], style))
    else:
        parts.append(Placed([(issuer, issuer_x), (date_text, max(0.0, date_x))], style))
    if note:
        parts.append(TextBlock(note, TextStyle(**{**style.__dict__, "first_indent": 2 * BODY_SIZE}), kind="note"))
    return KeepTogether(parts)


def attachment_start(typo: Typography, n: int | None, title: str, *, count: int, word: str = "") -> list[Flowable]:
    """附件另面编排: 附件N in 黑体 at the block's first line, the title centred on the third line."""
    word = word or ("附件" if typo.zh else "Annex")
    label = word + ("" if count == 1 or n is None else (str(n) if typo.zh else f" {n}"))
    return [PageBreak(), TextBlock(label, typo.styles["attachment_label"], kind="attachment_label"),
            Spacer(1, LINE),
            TextBlock(title, typo.styles["title"], lines=title_lines(typo, title), kind="title"),
            Spacer(1, LINE * 0.5)]


# --- 版记 ----------------------------------------------------------------------------------------
class Imprint(Flowable):  # type: ignore[misc]
    """版记 at the foot of the last page, which is made even (a page is added when needed):
    thick rule, 抄送, thin rule, 印发机关 (left) and 印发日期 (right), thick rule."""

    def __init__(self, typo: Typography, cc: str, printer: str, printed: dt.date, doc: Any = None, *,
                 cc_label: str = "", printed_suffix: str | None = None) -> None:
        super().__init__()
        self.typo, self.doc, self.cc, self.printer, self.printed = typo, doc, cc, printer, printed
        self.printed_suffix = ("印发" if typo.zh else "") if printed_suffix is None else printed_suffix
        style = typo.styles["imprint"]
        label = cc_label or ("抄送：" if typo.zh else "Copy to: ")
        # 左右各空一字; a second line starts under the first name, after the colon (7.4.2)
        label_w = string_width(label, style.font, style.size)
        cc_style = TextStyle(**{**style.__dict__, "left_indent": IMPRINT_SIZE + label_w, "first_indent": -label_w,
                                "right_indent": IMPRINT_SIZE, "align": "left"})
        self.cc_lines = break_lines(label + cc, cc_style, BLOCK_WIDTH) if cc else []
        self.style = style
        # 印发机关 left, 印发日期 right on one line; a name too long for that goes on two lines
        # (balanced, the date on the last) rather than printing in a tiny size
        printed_text = format_date(printed, typo.lang) + self.printed_suffix
        room = BLOCK_WIDTH - 3 * IMPRINT_SIZE - string_width(printed_text, style.font, style.size)
        plain = TextStyle(**{**style.__dict__, "align": "left", "words": True})
        self.printer_lines: list[Line] = [_plain(printer, style, IMPRINT_SIZE)]
        if string_width(printer, style.font, style.size) > room:
            lines, _w = balanced(printer, plain, room)
            self.printer_lines = [Line(ln.chars, ln.width, indent=IMPRINT_SIZE) for ln in lines]
        self.printed_text = printed_text
        self.need = (len(self.cc_lines) + len(self.printer_lines)) * LINE + 2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if self.doc.page % 2 == 0 and avail_height >= self.need:
            self.height = avail_height
            return avail_width, avail_height
        return avail_width, avail_height + 1       # → split: fill this page, go on to the next

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.doc.page % 2 == 0 and avail_height >= self.need:
            return [self]
        return [PageBreak(), self]

    def draw(self) -> None:
        from desktop_app.reports.layout import draw_lines

        c = self.canv
        style = self.style
        bottom = len(self.printer_lines) * LINE
        top = bottom + len(self.cc_lines) * LINE
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.35 * mm)        # thick rules at top and bottom, a thin one between
        c.line(0, top, self.width, top)
        c.line(0, 0, self.width, 0)
        if self.cc_lines:
            c.setLineWidth(0.25 * mm)
            c.line(0, bottom, self.width, bottom)
        c.restoreState()
        if self.cc_lines:
            draw_lines(c, self.cc_lines, style, 0.0, top)
        pw = string_width(self.printed_text, style.font, style.size)
        right = _plain(self.printed_text, style, self.width - IMPRINT_SIZE - pw)
        *above, left = self.printer_lines
        if above:
            draw_lines(c, above, style, 0.0, bottom)
        both = Line([(ch, f, x + left.indent) for ch, f, x in left.chars]
                    + [(ch, f, x + right.indent) for ch, f, x in right.chars], self.width)
        draw_lines(c, [both], style, 0.0, LINE)


def _plain(text: str, style: TextStyle, x: float) -> Line:
    chars, pos = [], 0.0
    for ch in text:
        f = style.cjk_font if (not style.zh and "\u2e80" <= ch <= "\u9fff") else style.font
        chars.append((ch, f, pos))
        pos += char_width(ch, f, style.size)
    return Line(chars, pos, indent=x)


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
                 subject: str = "", watermark: str = "") -> None:
        self.typo = typo
        self.watermark = watermark
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
        if self.watermark:
            draw_watermark(canv, self.watermark, self.typo)
        draw_page_number(canv, canv.getPageNumber(), self.typo)


WATERMARK_SIZE = 110


def draw_watermark(canv: Any, text: str, typo: Typography) -> None:
    """草稿 across the page, light grey, under the text (drawn before the page's content)."""
    canv.saveState()
    canv.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    font = typo.fonts.name(F.HEI) if typo.zh else typo.fonts.name(F.SERIF_BOLD)
    size = WATERMARK_SIZE if typo.zh else WATERMARK_SIZE * 0.8
    canv.setFont(font, size)
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(35)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


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


class KeepWithFirst(Flowable):  # type: ignore[misc]
    """Headings (and a table's caption) kept with the first part of what follows them: the first
    lines of a paragraph or the first rows of a table, never alone at the foot of a page.

    reportlab's own ``keepWithNext`` keeps them with *all* of the next flowable, which moves a whole
    table to the next page and leaves most of a page blank."""

    def __init__(self, heads: list[Flowable], body: Flowable) -> None:
        super().__init__()
        self.heads, self.body = heads, body

    def _heads_height(self, aw: float, ah: float) -> float:
        return float(sum(h.wrapOn(self.canv, aw, ah)[1] + h.getSpaceBefore() + h.getSpaceAfter()
                         for h in self.heads))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        hh = self._heads_height(avail_width, avail_height)
        _w, bh = self.body.wrapOn(self.canv, avail_width, max(0.0, avail_height - hh))
        self.width, self.height = avail_width, hh + bh + self.body.getSpaceBefore()
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        hh = self._heads_height(avail_width, avail_height)
        if hh >= avail_height:
            return []
        parts = self.body.splitOn(self.canv, avail_width, avail_height - hh - self.body.getSpaceBefore())
        if not parts:
            return []
        return [*self.heads, *parts]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803 - reportlab's names
        top = y + self.height
        for item in [*self.heads, self.body]:
            top -= item.getSpaceBefore()
            _w, h = item.wrapOn(canvas, self.width, self.height)
            item.drawOn(canvas, x, top - h, _sW)
            top -= h + item.getSpaceAfter()


def keep_headings_with_next(story: list[Flowable]) -> list[Flowable]:
    """Group every run of headings/captions with the flowable after it (see KeepWithFirst); the
    page-break conditions between them are dropped."""
    out: list[Flowable] = []
    heads: list[Flowable] = []
    for item in story:
        if getattr(item, "keep_with_first", False):
            heads.append(item)
            continue
        if heads and isinstance(item, CondPageBreak):
            continue
        if heads:
            if isinstance(item, (PageBreak, Spacer)) and not isinstance(item, KeepTogether):
                out += heads
                heads = []
                out.append(item)
                continue
            out.append(KeepWithFirst(heads, item))
            heads = []
            continue
        out.append(item)
    out += heads
    return out


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
              author: str = "", on_progress: Callable[[int], None] | None = None,
              watermark: str = "") -> GbtDocument:
    """Lay out ``story`` on GB/T pages into ``path`` (a file name or a binary file object)."""
    doc = GbtDocument(path, typo, title=title, author=author, subject=subject, watermark=watermark)
    story = keep_headings_with_next(story)
    for item in story:
        if isinstance(item, Imprint):
            item.doc = doc
    if on_progress is not None:
        doc.setProgressCallBack(lambda kind, value: on_progress(value) if kind == "PAGE" else None)
    with binary_streams():
        doc.build(story)
    return doc
