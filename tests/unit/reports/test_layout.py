"""The 公文 layout engine: the 28-character grid, kinsoku, word breaks, English hyphenation, and
the reportlab version gate."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.reports import fonts as F
from desktop_app.reports import gbt9704 as G
from desktop_app.reports.docnumber import DocNumberInvalid, validate_doc_number
from desktop_app.reports.layout import CLOSERS, OPENERS, break_lines, char_width


def _right(ln, size):
    ch, font, x = ln.chars[-1]
    return ln.indent + x + char_width(ch, font, size)


@pytest.fixture(scope="module")
def zh():
    return G.Typography("zh", F.default_fonts())


@pytest.fixture(scope="module")
def en():
    return G.Typography("en", F.default_fonts())


def _texts(lines):
    return ["".join(c for c, _f, _x in ln.chars) for ln in lines]


def test_a_full_line_of_chinese_holds_28_characters_and_fills_the_block(zh):
    lines = break_lines("碳" * 100, zh.styles["body_noindent"], G.BLOCK_WIDTH)
    assert [len(t) for t in _texts(lines)] == [28, 28, 28, 16]
    last = lines[0].chars[-1][2] + 16
    assert abs(last - G.BLOCK_WIDTH) < 0.01
    # the first line of an indented paragraph: two grid cells of indent, 26 characters
    first = break_lines("碳" * 40, zh.styles["body"], G.BLOCK_WIDTH)[0]
    assert len(first.chars) == 26 and abs(first.indent - 2 * G.CELL) < 0.01


@pytest.mark.parametrize("n", range(24, 31))
def test_closing_marks_never_start_and_opening_marks_never_end_a_line(zh, n):
    text = "测" * n + "，" + "试" * 26 + "。”" + "验" * 25 + "（" + "字" * 30 + "《书》"
    lines = break_lines(text, zh.styles["body_noindent"], G.BLOCK_WIDTH)
    texts = _texts(lines)
    assert "".join(texts) == text
    for t, ln in zip(texts, lines, strict=True):
        assert t[0] not in CLOSERS and t[-1] not in OPENERS, texts
        assert _right(ln, 16) <= G.BLOCK_WIDTH + 0.01    # nothing hangs outside the block
        if not ln.last:                                  # full lines are justified to both edges
            assert abs(_right(ln, 16) - G.BLOCK_WIDTH) < 0.01 and 25 <= len(t) <= 29


_CJK = st.sampled_from(list("碳达峰中和重点任务推进情况调度通报区发展改革委") + list("，。、；：“”（）《》") + ["2025", "PM2.5"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_CJK, min_size=1, max_size=120))
def test_kinsoku_holds_for_any_text(pieces):
    ty = G.Typography("zh", F.default_fonts())
    text = "".join(pieces)
    for style in ("body", "cell", "title"):
        width = G.BLOCK_WIDTH if style != "cell" else 120
        lines = break_lines(text, ty.styles[style], width)
        texts = _texts(lines)
        assert "".join(texts) == text
        for k, (t, ln) in enumerate(zip(texts, lines, strict=True)):
            if not t:
                continue
            assert _right(ln, ty.styles[style].size) <= width + 0.01
            if k:
                assert t[0] not in CLOSERS or texts[k - 1] == "" or len(texts[k - 1]) == 0 or \
                    all(c in CLOSERS for c in t), texts
            if k < len(texts) - 1:
                assert t[-1] not in OPENERS, texts


def test_titles_and_cells_break_between_words(zh):
    lines = _texts(G.title_lines(zh, "关于2025年9月嘉定区碳达峰重点任务推进情况的调度通报"))
    assert len(lines) == 2
    assert not any(t.endswith(("碳达", "碳达峰重")) for t in lines)
    cell = _texts(break_lines("完成时限2025-12-31实际进度", zh.styles["cell"], 70))
    assert "2025-12-31" in cell and not any(t.endswith("实际进") for t in cell)
    # a date wider than its cell is cut after a separator, not inside a number
    narrow = _texts(break_lines("2025-12-31", zh.styles["cell"], 50))
    assert len(narrow) == 2 and narrow[0].endswith("-") and "".join(narrow) == "2025-12-31"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=40), min_size=1, max_size=60))
def test_english_words_are_never_broken_without_a_hyphen(words):
    ty = G.Typography("en", F.default_fonts())
    text = " ".join(words)
    for style, width in (("body", G.BLOCK_WIDTH), ("cell_small", 60.0)):     # running text and a narrow cell
        lines = _texts(break_lines(text, ty.styles[style], width))
        pieces = [t.strip() for t in lines]
        rebuilt = " ".join(p[:-1] + "\0" if p.endswith("-") else p for p in pieces).replace("\0 ", "")
        assert rebuilt.split() == text.split()
        for t in lines:
            for w in t.split():
                assert w in words or w.endswith("-") or any(x.endswith(w) for x in words)


def test_document_numbers():
    assert validate_doc_number("嘉碳办〔2025〕3号") == "嘉碳办〔2025〕3号"
    assert validate_doc_number("") == ""
    for bad in ("嘉碳办[2025]03号", "嘉碳办〔2025〕03号", "嘉碳办(2025)3号", "嘉碳办〔25〕3号", "嘉碳办〔2025〕第3号"):
        with pytest.raises(DocNumberInvalid) as err:
            validate_doc_number(bad)
        assert "〔2025〕3号" in err.value.message_zh if hasattr(err.value, "message_zh") else str(err.value)
    with pytest.raises(DocNumberInvalid):
        validate_doc_number("沪碳办〔2025〕3号", "嘉碳办")


def test_reportlab_is_a_tested_version(monkeypatch):
    """pyproject pins reportlab to TESTED_REPORTLAB; the layout relies on its Flowable/Table/canvas
    behaviour (pdfminer-readable positions, table splitting), so an untested version fails here."""
    assert G.reportlab_is_tested(), f"reportlab {G.reportlab_version()} is outside {G.TESTED_REPORTLAB}"
    import reportlab

    monkeypatch.setattr(reportlab, "Version", "5.2.0")
    assert not G.reportlab_is_tested()


def test_pyproject_pins_the_tested_range():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "pyproject.toml").read_text(encoding="utf-8")
    pin = re.search(r'"reportlab>=(\d+)\.(\d+),<(\d+)\.(\d+)"', text)
    assert pin, "reportlab must be pinned to a range"
    low = (int(pin[1]), int(pin[2]))
    high_excl = (int(pin[3]), int(pin[4]))
    assert low == G.TESTED_REPORTLAB[0] and high_excl == (G.TESTED_REPORTLAB[1][0], G.TESTED_REPORTLAB[1][1] + 1)


def test_a_squeezed_cell_line_is_drawn_as_laid_out(zh, tmp_path):
    """Closing marks set at half width inside a cell line stay at half width in the PDF."""
    import pdfplumber

    text = "1.1、2.1、5.3、9.2、12.1"
    style = zh._aligned(zh.styles["cell_small"], "L")
    width = 73.6
    lines = break_lines(text, style, width)
    assert _texts(lines)[0] == "1.1、2.1、5.3、"          # held by giving up half of the inner 、
    out = tmp_path / "cell.pdf"
    table = zh.table(["任务"], [[text]], [(width + 6) / G.BLOCK_WIDTH], small=True)
    G.build_pdf(str(out), zh, [table], title="t")
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in "、" and c["size"] < 12]
        right = max(c["x1"] for c in pdf.pages[0].chars if c["size"] < 12)
    lefts = [c["x0"] for c in pdf.pages[0].rects] + [ln["x0"] for ln in pdf.pages[0].lines]
    assert chars and right <= min(lefts) + width + 6 + 0.01


def test_pages_of_running_text_hold_22_lines_of_28_characters(zh, tmp_path):
    """Measured on the PDF: every full page of body text has 22 lines, every full line 28 characters."""
    from tests.unit.reports.gbt_measure import measure

    frame = G.Frame9704("嘉定区碳达峰碳中和工作领导小组办公室", "嘉碳办〔2025〕3号", recipients="各责任单位")
    story = G.document_header(zh, frame, "关于碳达峰重点任务推进情况的调度通报")
    text = "推进能源绿色低碳转型加快构建清洁低碳安全高效的能源体系" * 9
    story += [zh.p(text + "，" + text[:40] + "。") for _ in range(12)]
    out = tmp_path / "text.pdf"
    G.build_pdf(str(out), zh, story, title="t")
    m = measure(out, zh=True)
    assert m.problems == []
    assert m.pages >= 4 and m.text_pages_22 >= m.pages - 2
    assert m.full_lines >= 60 and m.full_lines_28 == m.full_lines


def _cells(line) -> float:
    """Grid cells a line of full-width characters takes (a mark set at half width: half a cell)."""
    xs = [x for _c, _f, x in line.chars]
    return sum(round(2 * (b - a) / G.CELL) / 2 for a, b in zip(xs, xs[1:], strict=False)) + 1


@pytest.mark.parametrize("n", range(20, 29))
def test_every_full_line_takes_28_grid_cells_where_a_closing_mark_falls_at_a_line_start(zh, n):
    """Where a closing mark would start a line, the line pushes in (挤进) — here or on an earlier
    line of the paragraph — instead of spreading 27 characters over the block (推出)."""
    # the first line holds two commas; the second has none and its 29th character is a full stop:
    # one character goes up (the first line's commas at half width), never one down (a spread line)
    head = "推进能源绿色低碳转型，加快构建清洁低碳，安全高效的能源体系"[:28]
    text = head + "测" * n + "，" + "试" * (56 - n - 1) + "。" + "验" * 40
    lines = break_lines(text, zh.styles["body_noindent"], G.BLOCK_WIDTH)
    texts = _texts(lines)
    assert "".join(texts) == text
    for k, (t, ln) in enumerate(zip(texts, lines, strict=True)):
        assert t[0] not in CLOSERS and t[-1] not in OPENERS, texts
        assert _right(ln, 16) <= G.BLOCK_WIDTH + 0.01
        if not ln.last:
            assert _cells(ln) == 28, (k, _cells(ln), texts)


def test_a_long_date_does_not_spread_a_line_of_chinese(zh):
    """A unit longer than the room left (（2025-06-30）) no longer moves whole and spreads the line:
    it is cut after a separator, and no gap of the line grows by more than a quarter character."""
    for n in range(14, 27):
        text = "测" * n + "已超过完成时限（2025-06-30）仍未完成，当前进度46%。" + "验" * 30
        for ln in break_lines(text, zh.styles["body_noindent"], G.BLOCK_WIDTH)[:-1]:
            t = "".join(c for c, _f, _x in ln.chars)
            assert not t.endswith(("2", "20", "202", "（")), t
            for (c, f, x), (_c2, _f2, x2) in zip(ln.chars, ln.chars[1:], strict=False):
                step = x2 - x - char_width(c, f, 16)
                assert step <= G.CELL - 16 + 4 + 0.01, (t, c, step)


_ENGLISH = ("The District Development and Reform Commission coordinates decarbonization of "
            "infrastructure, manufacturing, transportation and construction; the Administrative "
            "Committee of the International Automobile City monitors electrification and "
            "intercommunication programmes, with responsibilities for implementation of "
            "characteristically interdisciplinary environmental accountability. Units rated fail: "
            "District Human Resources and Social Security Bureau; Jiading Industrial Zone Administrative "
            "Committee; Jiangqiao Town; District Women's Federation; District Finance Bureau (40.2–58.2 "
            "points); District Water Affairs Bureau.")


@pytest.mark.parametrize("fontset", ["default", "bundled"])
@pytest.mark.parametrize("width", [G.BLOCK_WIDTH, G.BLOCK_WIDTH * 0.7])
def test_english_long_words_are_hyphenated_at_syllables_so_no_gap_is_wider_than_a_character(
        fontset, width, tmp_path):
    """Justified English: a long word that would leave the line loose is hyphenated at a syllable
    (pyphen's patterns), so no gap between words is wider than one character (an em at 3号);
    with Liberation Serif and with the bundled DejaVu Serif (wider) alike."""
    fonts = F.default_fonts() if fontset == "default" else F.find_fonts(search_dirs=[tmp_path / "none"])
    en = G.Typography("en", fonts)
    style = en.styles["body_noindent"]
    lines = break_lines(_ENGLISH, style, width)
    texts = [t.strip() for t in _texts(lines)]
    rebuilt = " ".join(t[:-1] + "\0" if t.endswith("-") and not t.endswith("--") else t for t in texts)
    assert rebuilt.replace("\0 ", "").split() == _ENGLISH.split()
    from desktop_app.reports.layout import hyphen_points

    for t in texts[:-1]:
        if t.endswith("-"):
            word = t.split()[-1][:-1]
            whole = next(w for w in _ENGLISH.split() if w.startswith(word) and len(w) > len(word))
            # at a syllable; between letters only where no syllable point fits (2 letters before, 3 after)
            assert len(word) in hyphen_points(whole) or (len(word) >= 2 and len(whole.rstrip(",;.")) - len(word) >= 3 and
                                                         min(hyphen_points(whole), default=99) > len(word)), (word, whole)
    for ln in lines[:-1]:
        gaps = [x2 - x - char_width(c, f, 16) for (c, f, x), (_c2, _f2, x2) in zip(ln.chars, ln.chars[1:], strict=False)]
        assert max(gaps) <= 16 + 0.01, ("".join(c for c, _f, _x in ln.chars), max(gaps))


@pytest.mark.parametrize("fontset", ["default", "bundled"])
def test_a_cut_number_never_leaves_a_closing_mark_at_a_line_start(fontset, tmp_path):
    """A cell too narrow for `100%` cut it before the `%` (seen with DejaVu Serif); the cut moves
    back so the rest starts with a digit, or the unit stays whole."""
    fonts = F.default_fonts() if fontset == "default" else F.find_fonts(search_dirs=[tmp_path / "none"])
    en = G.Typography("en", fonts)
    style = en.styles["cell_small"]
    for text in ("100%", "74.7%,", "46%)", "(2025)"):
        width = char_width("0", style.font, style.size) * (len(text) - 1)
        lines = _texts(break_lines(text, style, width))
        assert "".join(t.rstrip("-") for t in lines) == text
        assert not any(t[0] in CLOSERS for t in lines[1:]), lines


def test_a_long_copy_list_continues_under_the_first_name(zh, tmp_path):
    """版记 (GB/T 9704 7.4.2): 抄送 one character in from the left; a second line aligned with the
    first name after the colon, not under 抄送."""
    import datetime as dt

    import pdfplumber

    from tests.unit.reports import pdftools

    cc = "区委办公室，区人大常委会办公室，区政府办公室，区政协办公室，区纪委监委，区法院，区检察院"
    out = tmp_path / "imprint.pdf"
    G.build_pdf(str(out), zh, [zh.p("正文"), G.Imprint(zh, cc, "区碳达峰办", dt.date(2025, 10, 20))], title="t")
    with pdfplumber.open(out) as pdf:
        lines = [ln for ln in pdftools.lines(pdf.pages[-1]) if ln.size == G.IMPRINT_SIZE]
    first = next(ln for ln in lines if ln.text.startswith("抄送"))
    second = lines[lines.index(first) + 1]
    assert abs(first.x0 - (pdftools.BLOCK_LEFT + G.IMPRINT_SIZE)) < 0.5
    assert abs(second.x0 - (first.x0 + 3 * G.IMPRINT_SIZE)) < 0.5, (first.text, second.text)


def test_a_long_printing_office_wraps_instead_of_shrinking(tmp_path):
    """An English 印发机关 too long for one line beside the date printed at ~7 pt; it now takes two
    lines of 4号 (14 pt), the date on the last one."""
    import datetime as dt

    import pdfplumber

    from tests.unit.reports import pdftools

    en = G.Typography("en", F.default_fonts())
    printer = "Jiading District Carbon Peaking and Carbon Neutrality Leading Group Office"
    out = tmp_path / "imprint.pdf"
    G.build_pdf(str(out), en, [en.p("Text."), G.Imprint(en, "District Government Office.", printer,
                                                        dt.date(2025, 10, 20))], title="t")
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[-1].chars if c["top"] > pdftools.BLOCK_TOP + 300 and c["top"] < pdftools.BLOCK_BOTTOM]
    assert chars and min(c["size"] for c in chars) >= G.IMPRINT_SIZE - 0.01
    assert re.sub(r"\s+", "", printer) in re.sub(r"\s+", "", pdftools.text(out))


def test_a_word_pyphen_does_not_know_is_cut_before_a_syllable(en):
    """`In progress` in a narrow header printed "progr-/ess"; pyphen has no points for "progress"
    (nor for pinyin names), so a cut goes before a likely syllable start."""
    from desktop_app.reports.layout import syllable_guesses

    assert [("progress"[:k], "progress"[k:]) for k in syllable_guesses("progress")] == [("pro", "gress")]
    assert "Jiang-qiao" in ["Jiangqiao"[:k] + "-" + "Jiangqiao"[k:] for k in syllable_guesses("Jiangqiao")]
    style = en.styles["cell_head_small"]
    width = sum(char_width(c, style.font, style.size) for c in "progre")
    assert _texts(break_lines("progress", style, width)) == ["pro-", "gress"]
