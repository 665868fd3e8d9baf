"""Line breaking and text setting for 公文 (GB/T 9704-2012), on reportlab's public Flowable API.

reportlab's own paragraphs cannot hold the standard: they have no character spacing (a 3号 line holds
27 characters, not 28), they let ``，`` start a line unless their splitter is rewritten, and they break
titles and table cells inside words. This module sets text itself:

* **The grid** (``grid=True``, Chinese body text): every character advances by its width plus one
  tracking value chosen so that 28 full-width characters fill the 156 mm line exactly (Word's
  "characters per line" setting). Lines are justified to both edges.
* **Kinsoku** (禁则, W3C *Requirements for Chinese Text Layout* §3.1.7): closing punctuation never
  starts a line, opening punctuation never ends one, a number or Latin word is never split. When the
  next unit would start the line with a closing mark, the line first *pushes in* (挤进: closing marks
  in the line give up to half their width, so the grid count stays 28) and only then *pushes out*
  (推出: the unit moves down and the line is spread).
* **Words** (``words=True``, titles and table cells): the text is cut into words (jieba, with the
  plan's own terms added) and lines break only between words; a word longer than a line is cut by
  character, as a last resort.
* **English**: lines break at spaces and after hyphens; a word longer than a line is hyphenated;
  nothing is broken without a hyphen. Chinese runs inside English text use the Chinese font.

Characters are drawn one text object per paragraph with explicit positions (``Tm``/``Tc``), so what a
PDF reader measures (character boxes) is what this module computed.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

# closing marks: never at a line start; opening marks: never at a line end
CLOSERS = "，。、：；？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%"
OPENERS = "（《「『【〔〈“‘([{"
# full-width marks whose glyph sits in the left half: they may give up half their width (挤进)
COMPRESSIBLE = "，。、；：）》」』】〕〉”’"
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff\u3400-\u4dbf〔〕—…“”‘’]")
# characters that join Latin letters and digits into one unbreakable word: 2025-12-31, PM2.5, 50%
_JOINERS = set(".,:/-+%_'°&")


@functools.lru_cache(maxsize=65536)
def char_width(ch: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(ch, font, size)  # type: ignore[no-any-return]


CHUNK = 7        # characters per positioned piece of spaced text (see draw_lines)
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _width_table(font: str, size: float) -> dict[str, float]:
    """Character widths of one font and size, filled as characters are met (a dict lookup per
    character instead of a cached function call: line breaking measures every character)."""
    table = _WIDTHS.get((font, size))
    if table is None:
        table = _WIDTHS[(font, size)] = {}
    return table


def _measure(table: dict[str, float], ch: str, font: str, size: float) -> float:
    width = table[ch] = char_width(ch, font, size)
    return width


@functools.lru_cache(maxsize=64)
def descent(font: str) -> float:
    """The font's descent in em (negative), as its PDF font descriptor tells a reader."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    value = getattr(face, "descent", -200)
    return float(value) / 1000.0


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


# --- segmentation -------------------------------------------------------------------------------
_JIEBA_LOCK = threading.Lock()
_jieba: Any = None
_extra_terms: set[str] = set()


def add_terms(terms: Iterable[str]) -> None:
    """Words the segmenter must keep whole (the plan's own terms: department names, 碳达峰…)."""
    new = {t for t in terms if t and len(t) <= 24 and t not in _extra_terms}
    _extra_terms.update(new)
    if _jieba is not None:
        for t in new:
            _jieba.add_word(t, freq=200000)


def _segmenter() -> Any:
    global _jieba
    with _JIEBA_LOCK:
        if _jieba is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            for t in ("碳达峰", "碳中和", "领导小组", "办公室", "责任单位", "牵头单位", "配合单位", "重点任务",
                      "调度通报", "预警通报", "考核结果", "进度滞后", *_extra_terms):
                tok.add_word(t, freq=200000)
            _jieba = tok
        return _jieba


@functools.lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Chinese text cut into words; Latin words, numbers and dates stay whole."""
    if not any(is_cjk(c) for c in text):
        return tuple(re.findall(r" |[^ ]+", text))
    out: list[str] = []
    for piece in _segmenter().cut(text, HMM=False):
        if out and _is_latinish(piece) and _is_latinish(out[-1]):
            out[-1] += piece          # jieba cuts 2025-12-31 at every hyphen: keep it one word
        else:
            out.append(piece)
    return tuple(out)


def _is_latinish(s: str) -> bool:
    return all(_LATIN.match(c) or c in _JOINERS for c in s)


# --- atoms: the units a line is made of ----------------------------------------------------------
@dataclass
class Atom:
    text: str
    fonts: list[str]
    widths: list[float]
    space: bool = False            # a breakable space (dropped at a line's end)
    hyphen_after: bool = False     # an English word cut here: a hyphen is drawn at the line's end
    soft: bool = False             # the rest of a long number/code/word: a break before it costs
    cont: float = 0.0              # English: a syllable continuing a word; a break before it takes a
                                   # hyphen and costs this much

    @property
    def width(self) -> float:
        return sum(self.widths)


@dataclass
class TextStyle:
    font: str
    size: float
    leading: float
    cjk_font: str = ""             # for Chinese runs inside English text
    align: str = "justify"         # justify | left | center | right
    first_indent: float = 0.0      # points
    left_indent: float = 0.0
    right_indent: float = 0.0
    grid: bool = False             # the 28-per-line character grid (Chinese body text)
    grid_chars: int = 28
    words: bool = False            # break only between words (titles, cells)
    zh: bool = True
    color: Any = None


def _units(text: str, style: TextStyle) -> list[str]:
    """The text cut into unbreakable pieces before punctuation is glued on."""
    if style.zh and style.words:
        base = list(words(text))
    else:
        base = []
        buf = ""
        for ch in text:
            if ch == " ":
                if buf:
                    base.append(buf)
                    buf = ""
                base.append(" ")
            elif is_cjk(ch) and style.zh:
                if buf:
                    base.append(buf)
                    buf = ""
                base.append(ch)
            elif is_cjk(ch):            # a Chinese run inside English: breakable per character
                if buf:
                    base.append(buf)
                    buf = ""
                base.append(ch)
            else:
                if buf and not style.zh and buf[-1] in "-–—/" and ch not in "-–—/" and len(buf) > 1:
                    base.append(buf)   # English: a line may break after a hyphen, a dash or a slash
                    buf = ""
                buf += ch
        if buf:
            base.append(buf)
    # split whitespace out of segmenter words, keep spaces as their own units
    out: list[str] = []
    for u in base:
        if " " in u and u != " ":
            parts = u.split(" ")
            for i, p in enumerate(parts):
                if i:
                    out.append(" ")
                if p:
                    out.append(p)
        elif u:
            out.append(u)
    return out


def atoms(text: str, style: TextStyle, tracking: float) -> list[Atom]:
    units = _units(text, style)
    # glue: closing marks to the unit before, opening marks to the unit after
    glued: list[str] = []
    pending_open = ""
    for u in units:
        if u == " ":
            if pending_open:
                glued.append(pending_open)
                pending_open = ""
            glued.append(u)
            continue
        lead = 0
        while lead < len(u) and u[lead] in CLOSERS and glued and glued[-1] != " " and not pending_open:
            lead += 1
        if lead:
            glued[-1] += u[:lead]
            u = u[lead:]
            if not u:
                continue
        u = pending_open + u
        pending_open = ""
        trail = len(u)
        while trail > 0 and u[trail - 1] in OPENERS:
            trail -= 1
        if trail == 0:
            pending_open = u
            continue
        if trail < len(u):
            pending_open = u[trail:]
            u = u[:trail]
        glued.append(u)
    if pending_open:
        if glued and glued[-1] != " ":
            glued[-1] += pending_open
        else:
            glued.append(pending_open)
    out: list[Atom] = []
    may_cut = style.zh and style.grid
    plain_zh = style.zh or not style.cjk_font
    table = _width_table(style.font, style.size)
    font, size = style.font, style.size
    for g0 in glued:
        if g0 == " " or not plain_zh or (may_cut and len(g0) >= _SOFT_MIN):
            for g, soft in _soft_pieces(g0, style):
                out += _atom(g, style, tracking, soft)
            continue
        # the common case inlined (line breaking measures every character of every paragraph)
        out.append(Atom(g0, [font] * len(g0), [(table.get(c) or _measure(table, c, font, size)) + tracking
                                                for c in g0]))
    return out


_SOFT_AFTER = set("-/:,_")
_SOFT_MIN = 6          # Latin runs from this length may be broken (at a cost) in grid text


def _soft_pieces(g: str, style: TextStyle) -> list[tuple[str, bool]]:
    """A unit of Chinese grid text holding a long number, date, code or URL, cut after its separators
    (``（2025-`` / ``06-`` / ``30）``): the line breaker may break there at a cost rather than spread
    a whole line by the unit's width. Closing marks never start a piece."""
    if not (style.zh and style.grid) or len(g) < _SOFT_MIN or g == " ":
        return [(g, False)]
    run = sum(1 for c in g if _LATIN.match(c) or c in _JOINERS)
    if run < _SOFT_MIN:
        return [(g, False)]
    pieces: list[tuple[str, bool]] = []
    start = 0
    for k in range(1, len(g) - 1):
        if g[k] in _SOFT_AFTER and g[k - 1].isalnum() and g[k + 1] not in CLOSERS and g[k + 1].isalnum() \
                and k + 1 - start >= 2:
            pieces.append((g[start:k + 1], bool(pieces)))
            start = k + 1
    pieces.append((g[start:], bool(pieces)))
    return pieces


def _atom(g: str, style: TextStyle, tracking: float, soft: bool = False) -> list[Atom]:
    if g == " ":
        return [Atom(" ", [style.font], [char_width(" ", style.font, style.size)], space=True)]
    if style.zh or not style.cjk_font:
        fonts = [style.font] * len(g)
        table = _width_table(style.font, style.size)
        widths = [(table.get(c) or _measure(table, c, style.font, style.size)) + tracking for c in g]
    else:
        fonts = [style.cjk_font if is_cjk(c) else style.font for c in g]
        widths = [char_width(c, f, style.size) + tracking for c, f in zip(g, fonts, strict=True)]
    return [Atom(g, fonts, widths, soft=soft)]


# --- lines ---------------------------------------------------------------------------------------
@dataclass
class Line:
    chars: list[tuple[str, str, float]]     # (character, font, x from the line's left)
    width: float                            # visual width (left edge of first to right edge of last)
    last: bool = False
    indent: float = 0.0
    plain: bool = False                     # natural advances, no spacing: one string per font run


_PYPHEN: Any = None


@functools.lru_cache(maxsize=8192)
def hyphen_points(word: str) -> tuple[int, ...]:
    """Where an English word may take a hyphen (pyphen's en_US patterns, the LibreOffice/TeX ones),
    as offsets into ``word``; only inside its run of letters, two letters before and three after."""
    global _PYPHEN
    m = re.search(r"[A-Za-z]{5,}", word)
    if m is None:
        return ()
    if _PYPHEN is None:
        import pyphen

        _PYPHEN = pyphen.Pyphen(lang="en_US", left=2, right=3)
    core = m.group(0)
    return tuple(m.start() + k for k in _PYPHEN.positions(core.lower()))


_VOWELS = set("aeiouyAEIOUY")
_ONSETS = {"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "ph", "pl", "pr", "qu", "sc", "sh", "sk",
           "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "wh", "zh"}


def syllable_guesses(word: str) -> list[int]:
    """Where a syllable probably starts in a word pyphen has no points for: before a consonant (or a
    common two-letter onset) followed by a vowel, with a vowel in the part before."""
    letters = len(word.rstrip(",;:.)"))
    out = []
    for k in range(2, letters - 2):
        head, c = word[:k], word[k]
        if c in _VOWELS or not any(v in _VOWELS for v in head):
            continue
        if word[k + 1] in _VOWELS and word[k - 1:k + 1].lower() not in _ONSETS:
            out.append(k)
        elif word[k:k + 2].lower() in _ONSETS and k + 2 < letters and word[k + 2] in _VOWELS \
                and word[k - 1] not in "s":
            out.append(k)
    return out


def _hyphenated(atom: Atom, room: float, style: TextStyle, force: bool = False) -> tuple[Atom, Atom] | None:
    """The longest head of an English word that fits ``room`` with its hyphen, cut at a syllable
    (``force``: between letters when no syllable point fits)."""
    hyphen = char_width("-", style.font, style.size)
    best = None
    for k in hyphen_points(atom.text):
        if sum(atom.widths[:k]) + hyphen <= room + 0.01:
            best = k
    if best is None and force and re.fullmatch(r"[A-Za-z]{6,}[,;:.)]?", atom.text):
        # no syllable point fits (a word or place name pyphen does not know): before a syllable's
        # likely start (pro-gress, Jiang-qiao), else between letters, 2 before and 3 after
        for k in syllable_guesses(atom.text) or range(2, len(atom.text.rstrip(",;:.)")) - 2):
            if sum(atom.widths[:k]) + hyphen <= room + 0.01:
                best = k
    if best is None:
        return None
    return (Atom(atom.text[:best], atom.fonts[:best], atom.widths[:best], hyphen_after=True),
            Atom(atom.text[best:], atom.fonts[best:], atom.widths[best:]))


def _split_long(atom: Atom, room: float, style: TextStyle) -> tuple[Atom, Atom | None]:
    """Cut a unit longer than a line: an English word at a syllable with a hyphen (else between
    letters, with a hyphen), a number or date after a separator, anything else by character; the
    rest never starts with a closing mark (None: the unit stays whole)."""
    if not style.zh:
        cut = _hyphenated(atom, room, style, force=True)
        if cut is not None:
            return cut
    hyphen = 0.0 if style.zh else char_width("-", style.font, style.size)
    used, k = 0.0, 0
    while k < len(atom.text) - 1 and used + atom.widths[k] + hyphen <= room:
        used += atom.widths[k]
        k += 1
    k = max(k, 1)
    # a number or date: cut after its last separator that fits (2025-12- / 31), not inside a number
    seps = [j + 1 for j in range(1, k) if atom.text[j] in "-/.:" and atom.text[j - 1].isdigit()]
    if seps and all(c.isdigit() or c in _JOINERS for c in atom.text):
        k = seps[-1]
        head = Atom(atom.text[:k], atom.fonts[:k], atom.widths[:k])
        return head, Atom(atom.text[k:], atom.fonts[k:], atom.widths[k:])
    # never leave a closing mark at the start of the rest: cut earlier (46 / %) … or not at all
    while k > 1 and atom.text[k] in CLOSERS:
        k -= 1
    if atom.text[k] in CLOSERS:
        return atom, None
    letters = atom.text[k - 1].isalpha() and atom.text[k].isalpha()
    head = Atom(atom.text[:k], atom.fonts[:k], atom.widths[:k], hyphen_after=not style.zh and letters)
    tail = Atom(atom.text[k:], atom.fonts[k:], atom.widths[k:])
    return head, tail


def break_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Lay ``text`` out in lines of ``width`` points (explicit newlines start new lines)."""
    out: list[Line] = []
    paragraphs = str(text).split("\n")
    for pi, para in enumerate(paragraphs):
        out.extend(_break_one(para, style, width, first=(pi == 0)))
    return out


def grid_tracking(style: TextStyle, width: float) -> float:
    """The tracking that makes ``grid_chars`` full-width characters fill ``width`` exactly."""
    if not style.grid:
        return 0.0
    n = style.grid_chars
    return (width - n * style.size) / (n - 1)


def _break_one(text: str, style: TextStyle, width: float, first: bool) -> list[Line]:
    tracking = grid_tracking(style, width + style.left_indent + style.right_indent) if style.grid else 0.0
    items = atoms(text, style, tracking)
    if not items:
        return [Line([], 0.0, last=True)]
    if style.grid and style.zh:
        grid = _break_grid(items, style, width, first, tracking)
        if grid is not None:
            return grid
    if not style.zh and style.align == "justify":
        justified = _break_english(items, style, width, first)
        if justified is not None:
            return justified
    return _break_greedy(items, style, width, first, tracking)


_SYLLABLE = 8.0      # what a hyphen at a syllable costs the English breaker
_LETTER = 60.0       # … and between two letters where pyphen knows no syllable


def _syllables(items: list[Atom]) -> list[Atom]:
    """English words cut into the pieces a hyphen may end (pyphen's points; between letters, at a
    higher cost, for long words pyphen does not know)."""
    out: list[Atom] = []
    for a in items:
        points = list(hyphen_points(a.text)) if not a.space else []
        cost = _SYLLABLE
        if not points and not a.space and re.fullmatch(r"[A-Za-z]{7,}[,;:.)]?", a.text):
            points, cost = syllable_guesses(a.text), _LETTER
        if not points:
            out.append(a)
            continue
        prev = 0
        for k in [*points, len(a.text)]:
            out.append(Atom(a.text[prev:k], a.fonts[prev:k], a.widths[prev:k], cont=cost if prev else 0.0))
            prev = k
    return out


def _break_english(items: list[Atom], style: TextStyle, width: float, first: bool) -> list[Line] | None:
    """Justified English broken as a whole paragraph (Knuth–Plass in small): the breaks that keep
    the gaps between words even, hyphenating at syllables where that helps. None when a piece is
    wider than a line (the greedy breaker cuts it)."""
    items = _syllables(items)
    n = len(items)
    size = style.size
    hyphen = char_width("-", style.font, size)
    pos = [0.0]
    stretch = [0]           # stretch points: spaces, and gaps between Chinese characters
    for k, a in enumerate(items):
        pos.append(pos[-1] + a.width)
        cjk_pair = (not a.space and k + 1 < n and not items[k + 1].space and a.text and items[k + 1].text
                    and is_cjk(a.text[-1]) and is_cjk(items[k + 1].text[0]))
        stretch.append(stretch[-1] + (1 if a.space or cjk_pair else 0))
    inf = float("inf")
    best = [0.0] * (n + 1)
    choice = [n] * (n + 1)

    def solve(i: int, room: float) -> tuple[float, int]:
        j_max = bisect.bisect_right(pos, pos[i] + room + 0.01, lo=i) - 1
        found: tuple[float, int] = (inf, n)
        for j in range(min(n, j_max), max(i, j_max - 16), -1):
            e = j
            while e > i and items[e - 1].space:
                e -= 1
            if e <= i:
                continue
            nxt = j
            while nxt < n and items[nxt].space:
                nxt += 1
            broken = nxt < n and items[nxt].cont > 0 and nxt == j
            natural = pos[e] - pos[i] + (hyphen if broken else 0.0)
            if natural > room + 0.01:
                continue
            if nxt >= n:
                cost = 0.0
            else:
                gaps = stretch[e - 1] - stretch[i] if e - 1 > i else 0
                per_gap = (room - natural) / max(1, gaps)
                cost = 100.0 * (per_gap / size) ** 3 + (items[nxt].cont if broken else 0.0) + 1.0
            if nxt < n and best[nxt] == inf:
                continue
            total = cost + best[nxt]
            if total < found[0]:
                found = (total, nxt)
        return found

    room_rest = width - style.left_indent - style.right_indent
    for i in range(n - 1, 0, -1):
        best[i], choice[i] = solve(i, room_rest)
    first_indent = style.left_indent + (style.first_indent if first else 0.0)
    cost0, j0 = solve(0, width - first_indent - style.right_indent)
    if cost0 == inf:
        return None
    choice[0] = j0
    lines: list[Line] = []
    i = 0
    while i < n:
        j = choice[i]
        indent = first_indent if i == 0 else style.left_indent
        room = width - indent - style.right_indent
        cur = list(items[i:j])
        while cur and cur[-1].space:
            cur.pop()
        if j < n and items[j].cont > 0 and cur:
            tail = cur[-1]
            cur[-1] = Atom(tail.text, tail.fonts, tail.widths, hyphen_after=True)
        lines.append(_place(cur, style, room, 0.0, j >= n, indent))
        i = j
    return lines


def _indent(style: TextStyle, tracking: float, first_line: bool) -> float:
    indent = style.left_indent + (style.first_indent if first_line else 0.0)
    if style.grid and indent:
        indent = round(indent / style.size) * (style.size + tracking)   # whole grid cells
    return indent


# what a line costs the grid breaker (lower is better): a spread line of grid text is what the
# standard does not want (its characters leave the grid), a break inside a number/code is ugly,
# a line set closer by halving closing marks (挤进) is normal typesetting and nearly free
_SPREAD = 50.0
_SOFT_BREAK = 30.0
_SQUEEZE = 1.0


def _give(a: Atom, size: float, inner: bool) -> float:
    """What the atom's closing marks can give (half their width each). ``inner``: the atom ends the
    line, so a mark gives only when what follows it in the line covers the half it gives up (else its
    full glyph box would hang outside the block: ``。”`` with a narrow ”)."""
    total, after = 0.0, 0.0
    for ch, w in zip(reversed(a.text), reversed(a.widths), strict=True):
        if ch in COMPRESSIBLE and w >= size * 0.8 and (not inner or after >= size / 2):
            total += size / 2
        after += w
    return total


def _break_grid(items: list[Atom], style: TextStyle, width: float, first: bool,
                tracking: float) -> list[Line] | None:
    """The paragraph's breaks chosen together (dynamic programming over the atoms), so that every
    full line holds exactly its grid (28 cells): where a closing mark would start a line, the break
    is moved by pushing in (挤进) on this line or an earlier one, not by spreading a line (推出).
    None when an atom is wider than a line (the greedy breaker cuts it)."""
    n = len(items)
    size = style.size
    pos = [0.0]
    give_all = [0.0]
    give_in: list[float] = []
    for a in items:
        pos.append(pos[-1] + a.width)
        marks = any(ch in COMPRESSIBLE for ch in a.text)
        give_all.append(give_all[-1] + (_give(a, size, inner=False) if marks else 0.0))
        give_in.append(_give(a, size, inner=True) if marks else 0.0)
    choice: list[int] = [n] * (n + 1)
    inf = float("inf")

    def candidates(i: int, room: float) -> list[tuple[int, float]]:
        limit = pos[i] + room + tracking + 0.01
        j0 = bisect.bisect_right(pos, limit, lo=i) - 1          # the most atoms that fit unsqueezed
        out: list[tuple[int, float]] = []
        hi = min(n, j0 + 3)
        for j in range(max(i + 1, j0 - 3), hi + 1):
            e = j
            while e > i and items[e - 1].space:
                e -= 1
            if e <= i:
                continue
            natural = pos[e] - pos[i] - tracking
            last = j >= n
            if natural <= room + 0.01:
                slack = room - natural
                cost = 0.0 if (last or slack < 0.5) else _SPREAD + 100.0 * (slack / (size + tracking)) ** 2
            else:
                over = natural - room
                give = give_all[e - 1] - give_all[i] + give_in[e - 1]
                if over > give + 0.01:
                    continue
                cost = _SQUEEZE + over * 0.01
            nxt = j
            while nxt < n and items[nxt].space:
                nxt += 1
            if nxt < n and items[nxt].soft:
                cost += _SOFT_BREAK
            out.append((nxt, cost))
        return out

    room_rest = width - _indent(style, tracking, False) - style.right_indent
    memo: dict[int, float] = {n: 0.0}

    def _greedy_is_exact(i: int, room: float) -> bool:
        """The fast path: line by line, the most atoms that fit (pushing in when the next unit
        fits so); True, with ``choice`` filled, when every full line then holds its grid exactly."""
        while i < n:
            found = [(c, -j) for j, c in candidates(i, room) if c < _SOFT_BREAK]
            if not found:
                return False
            j = -min(found)[1]                       # exact first, pushed in only when needed
            choice[i] = j
            i, room = j, room_rest
        return True

    def solve(i: int, room: float) -> tuple[float, int]:
        """The cheapest way to set the atoms from ``i`` on (only the starts reachable are visited)."""
        found = (inf, n)
        for j, cost in candidates(i, room):
            rest = memo.get(j)
            if rest is None:
                rest, choice[j] = solve(j, room_rest)
                memo[j] = rest
            if cost + rest < found[0]:
                found = (cost + rest, j)
        return found

    first_indent = _indent(style, tracking, first)
    if not _greedy_is_exact(0, width - first_indent - style.right_indent):
        cost0, j0 = solve(0, width - first_indent - style.right_indent)
        if cost0 == inf:
            return None
        choice[0] = j0
    lines: list[Line] = []
    i = 0
    while i < n:
        j = choice[i]
        indent = first_indent if i == 0 else _indent(style, tracking, False)
        room = width - indent - style.right_indent
        cur = list(items[i:j])
        while cur and cur[-1].space:
            cur.pop()
        lines.append(_place(cur, style, room, tracking, j >= n, indent))
        i = j
    return lines


def _break_greedy(items: list[Atom], style: TextStyle, width: float, first: bool, tracking: float) -> list[Line]:
    lines: list[Line] = []
    i = 0
    line_no = 0
    while i < len(items):
        indent = _indent(style, tracking, first and line_no == 0)
        room = width - indent - style.right_indent
        cur: list[Atom] = []
        used = 0.0
        while i < len(items) and items[i].space and not cur and lines:
            i += 1                                   # no space at a line's start
        while i < len(items):
            a = items[i]
            w = a.width
            if used + w - tracking <= room + 0.01:
                cur.append(a)
                used += w
                i += 1
                continue
            if a.space:
                i += 1                               # the space at the break disappears
                break
            # push in: closing marks in the line give up to half their width
            if style.zh and cur and len(a.text) > 1 and a.text[-1] in CLOSERS:
                over = used + w - tracking - room
                give = _compressible(cur + [a], style.size)
                if over <= give + 0.01:
                    cur.append(a)
                    used += w
                    i += 1
                    break
            if not cur:                              # a unit longer than the whole line
                head, tail = _split_long(a, room, style)
                cur.append(head)
                used += head.width
                if tail is None:
                    i += 1
                else:
                    items[i] = tail
            elif not style.zh and style.align == "justify" and room - (used - _trailing_space(cur)) > style.size * 0.6:
                # a justified English line would be loose: hyphenate the next word into it (between
                # letters only when its gaps would be wider than a character)
                slack = room - (used - _trailing_space(cur))
                gaps = max(1, sum(1 for x in cur if x.space) - (1 if cur[-1].space else 0))
                cut = _hyphenated(a, room - used + tracking, style, force=slack / gaps > style.size)
                if cut is not None:
                    cur.append(cut[0])
                    used += cut[0].width
                    items[i] = cut[1]
            break
        while cur and cur[-1].space:
            used -= cur.pop().width
        last = i >= len(items)
        lines.append(_place(cur, style, room, tracking, last, indent))
        line_no += 1
    return lines


def _trailing_space(cur: Sequence[Atom]) -> float:
    return cur[-1].width if cur and cur[-1].space else 0.0


def _compressible(line: Sequence[Atom], size: float) -> float:
    """What closing marks inside the line can give; the line's last character keeps its full box
    (at half width its glyph box would hang outside the block)."""
    if not line:
        return 0.0
    return sum(_give(a, size, inner=False) for a in line[:-1]) + _give(line[-1], size, inner=True)


def _place(cur: list[Atom], style: TextStyle, room: float, tracking: float, last: bool, indent: float) -> Line:
    if cur and cur[-1].hyphen_after:
        a = cur[-1]
        cur[-1] = Atom(a.text + "-", a.fonts + [style.font], a.widths + [char_width("-", style.font, style.size)])
    text: list[str] = []
    fonts: list[str] = []
    advances: list[float] = []
    spaces_at: list[int] = []                       # breakable spaces (English justification)
    for a in cur:
        if a.space:
            spaces_at.append(len(text))
        text.extend(a.text)
        fonts.extend(a.fonts)
        advances.extend(a.widths)
    count = len(text)
    if not count:
        return Line([], 0.0, last=last, indent=indent)
    natural = sum(advances) - tracking
    over = natural - room
    squeezed = over > 0.01 and style.zh
    if squeezed:
        # squeeze: closing marks from the end give up to half their width, each only when what
        # follows it covers the half it gives (its full glyph box stays inside the line)
        half, full = style.size / 2, style.size * 0.8
        after = 0.0
        for k in range(count - 1, -1, -1):
            w = advances[k]
            if over > 0 and text[k] in COMPRESSIBLE and w >= full and after >= half:
                take = min(half, over)
                advances[k] = w - take
                over -= take
            after += advances[k]
        natural = sum(advances) - tracking
    stretch: list[int] = []
    slack = room - natural
    if style.align == "justify" and not last and slack > 0.01:
        if style.zh:
            stretch = list(range(count - 1))
        else:
            # between words, and between the characters of a Chinese run inside English text
            stretch = sorted({*spaces_at, *(k for k in range(count - 1) if is_cjk(text[k]) and is_cjk(text[k + 1]))})
    chars: list[tuple[str, str, float]] = []
    x = 0.0
    if stretch:
        add = slack / len(stretch)
        extra = dict.fromkeys(stretch, add)
        for k in range(count):
            chars.append((text[k], fonts[k], x))
            x += advances[k] + extra.get(k, 0.0)
        natural = room
    else:
        for k in range(count):
            chars.append((text[k], fonts[k], x))
            x += advances[k]
    shift = 0.0
    if style.align == "center":
        shift = (room - natural) / 2
    elif style.align == "right":
        shift = room - natural
    if shift:
        chars = [(c, f, xx + shift) for c, f, xx in chars]
    plain = tracking == 0 and not stretch and not squeezed
    return Line(chars, natural, last=last, indent=indent, plain=plain)


# --- the flowable --------------------------------------------------------------------------------
class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph set by :func:`break_lines`; splits between lines; remembers its last layout."""

    def __init__(self, text: str, style: TextStyle, *, lines: list[Line] | None = None,
                 keep_with_next: bool = False, kind: str = "body") -> None:
        super().__init__()
        self.text, self.style = text, style
        self.keepWithNext = keep_with_next
        self.kind = kind
        self._lines = lines
        self._for: float | None = None if lines is None else -1.0
        self.width = 0.0
        self.height = 0.0

    def lines_for(self, width: float) -> list[Line]:
        if self._lines is None or (self._for is not None and self._for >= 0 and self._for != width):
            self._lines = break_lines(self.text, self.style, width)
            self._for = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines = self.lines_for(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines_for(avail_width)
        n = int((avail_height + 0.01) // self.style.leading)
        if n <= 0 or n >= len(lines):
            return []
        # grid text fills every page's 22 lines (公文 templates set no widow/orphan control); other
        # text keeps two lines together at either side when the paragraph is long enough
        if len(lines) >= 4 and not self.style.grid:
            n = min(max(n, 2), len(lines) - 2) if n >= 2 else 0
        if n <= 0:
            return []
        a = TextBlock(self.text, self.style, lines=lines[:n], kind=self.kind)
        b = TextBlock(self.text, self.style, lines=lines[n:], kind=self.kind)
        return [a, b]

    def draw(self) -> None:
        draw_lines(self.canv, self.lines_for(self.width), self.style, 0.0, self.height)


def draw_lines(canv: Any, lines: Sequence[Line], style: TextStyle, x0: float, top: float) -> None:
    """Draw lines from ``top`` (y of the first line box's top) down, one text object."""
    if not lines:
        return
    size, leading = style.size, style.leading
    text = canv.beginText()
    if style.color is not None:
        text.setFillColor(style.color)
    cur_font: tuple[str, float] | None = None
    cur_space: float | None = None
    for n, line in enumerate(lines):
        if not line.chars:
            continue
        font0 = line.chars[0][1]
        # the em box (what readers measure: baseline + descent … + size) centred in the line box
        baseline = top - n * leading - (leading - size) / 2 - size - descent(font0) * size
        if line.plain:
            start = 0
            chars = line.chars
            while start < len(chars):
                end = start + 1
                while end < len(chars) and chars[end][1] == chars[start][1]:
                    end += 1
                font = chars[start][1]
                if cur_font != (font, size):
                    text.setFont(font, size, leading)
                    cur_font = (font, size)
                if cur_space:
                    text.setCharSpace(0)
                    cur_space = 0.0
                text.setTextOrigin(x0 + line.indent + chars[start][2], baseline)
                text.textOut("".join(c for c, _f, _x in chars[start:end]))
                start = end
            continue
        # group characters into runs of one font and one regular spacing
        runs: list[list[tuple[str, str, float]]] = []
        for ch in line.chars:
            if runs and runs[-1][-1][1] == ch[1]:
                runs[-1].append(ch)
            else:
                runs.append([ch])
        for run in runs:
            start = 0
            while start < len(run):
                end = start + 1
                spacing = 0.0
                if end < len(run):
                    spacing = run[end][2] - run[start][2] - char_width(run[start][0], run[start][1], size)
                    while end < len(run):
                        gap = run[end][2] - run[end - 1][2] - char_width(run[end - 1][0], run[end - 1][1], size)
                        if abs(gap - spacing) > 0.02:
                            break
                        end += 1
                piece = run[start:end]
                font = piece[0][1]
                if cur_font != (font, size):
                    text.setFont(font, size, leading)
                    cur_font = (font, size)
                if abs(spacing) < 0.001:
                    if cur_space:
                        text.setCharSpace(0)
                        cur_space = 0.0
                    text.setTextOrigin(x0 + line.indent + piece[0][2], baseline)
                    text.textOut("".join(c for c, _f, _x in piece))
                else:
                    # spaced text: character spacing (Tc) over short pieces, each placed exactly.
                    # reportlab splits a string where its font subset changes, and some readers
                    # (pdfminer, hence pdfplumber) drop Tc after the last glyph of each part; pieces
                    # of CHUNK characters bound what such a reader gets wrong to (CHUNK - 1) × Tc
                    # (≈ 0.45 mm on the grid, inside the measured 0.5 mm); lines spread wider are placed character by character.
                    # Renderers following the PDF specification are exact either way.
                    if cur_space is None or abs(cur_space - spacing) > 0.0001:
                        text.setCharSpace(spacing)
                        cur_space = spacing
                    step = CHUNK if abs(spacing) <= 0.3 else 1     # spread lines: every character placed
                    for k in range(0, len(piece), step):
                        part = piece[k:k + step]
                        text.setTextOrigin(x0 + line.indent + part[0][2], baseline)
                        text.textOut("".join(c for c, _f, _x in part))
                start = end
    canv.drawText(text)
