"""From the lines of a plan document to a ``PlanDraft``: sections, tasks, units, targets, objectives.

How the structure is found:

* Every line that starts with a number (一、 （一） 1. （1） ① I. (1) "Second," …) is an *item*;
  other lines are paragraphs of the item above them.
* Levels are inferred, not read off the numbering style, because translated plans mix styles and
  reuse "1." for a heading and for the first task under it. An item numbered 1 opens a level below
  the previous item; any other number continues the level whose last number is one less, preferring
  the level whose items look alike (heading versus numbered paragraph with a body) and then the same
  numbering style.
* Items with items below them are sections; the leaves are tasks. General requirements, guiding
  ideology and working principles are neither; main-objective paragraphs become plan objectives.
* Web junk at the end (footers, addresses, phone numbers, shop links) is cut before parsing, and
  unnumbered text after the last task paragraph is dropped (the last task's own unit lines stay).
* A cover notice (…的通知 with its own 一、二、三, signature and date) before the plan is cut; PDF
  extraction artefacts (page numbers, spaces inside words, hard breaks) are repaired first.
* Numbering may go on across sections (6. under (一), 7. under (二)); sub-measures (1)…(4) followed by
  one unit line fold into their task.
* Units come from ``plan_units`` (brackets of any kind, unit lines, inline statements, verb forms),
  kept as written; what could not be read is reported as a warning, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.domain.plan import DraftSection, DraftTask, DraftUnit, DraftWarning, PlanDraft
from desktop_app.domain.plan_edit import renumber as renumber_tasks
from desktop_app.errors import InputRejected, Problem
from desktop_app.exchange.departments import Glossary, default_glossary
from desktop_app.exchange.plan_readers import SourceLine
from desktop_app.exchange.plan_targets import due_from_deadline_line, due_from_text, extract_targets
from desktop_app.exchange.plan_units import (
    UnitSpec,
    find_markers,
    first_listed_rule,
    inline_unit_tail,
    is_unit_line,
    parse_spec,
)
from desktop_app.messages import Msg, msg

ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
EN_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
               "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
               "eighteenth", "nineteenth", "twentieth"]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_NUMBER_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cn、", re.compile(r"^([一二三四五六七八九十百]{1,4})\s*[、.．,，]\s*")),
    ("(cn)", re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("(1)", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?\s*")),
    ("1.", re.compile(r"^(\d{1,3})\s*(?:[.．、](?!\d)|[)）](?!\S*[（(]))\s*")),
    ("①", re.compile(r"^([" + CIRCLED + r"])\s*")),
    ("I.", re.compile(r"^([IVXivx]{1,6})\s*[.．、]\s+")),
    ("word", re.compile(r"^(" + "|".join(EN_ORDINALS) + r")\s*[,，:：]\s*", re.I)),
]

EXCLUDED_TITLES = re.compile(
    r"^(?:总体要求|总体思路|指导思想|工作原则|基本原则|编制依据|适用范围|"
    r"general requirements?|overall requirements?|guiding (?:ideology|thought|principles?)|"
    r"(?:working|basic|guiding) principles?)\b", re.I)
OBJECTIVE_TITLES = re.compile(
    r"^(?:主要目标|总体目标|发展目标|工作目标|目标任务|"
    r"(?:main|overall|major|general|key|development|work(?:ing)?) (?:objectives?|goals?|targets?)|objectives?|goals?)\b",
    re.I)

JUNK_LINE = re.compile(
    r"^(?:tel\b|tel\.|phone|fax|e-?mail|address|contact\b|contact us|copyright|all rights reserved|"
    r"online consultation|wechat|submit|now|city|area|captcha|shop|home|hide|business license|seo|sitemap|"
    r"jd official|tmall|taobao|.*flagship store|.*旗舰店|.*\bco\.,? ?ltd\b.*|"
    r"电话|联系电话|传真|邮箱|地址|联系我们|联系人|版权所有|主办单位|承办单位|网站地图|扫一扫|关注我们|"
    r"返回顶部|打印本页|关闭窗口|分享到|在线咨询|上一篇|下一篇|责任编辑|来源[:：]|浏览次数)",
    re.I)
JUNK_ANYWHERE = re.compile(
    r"copyright|©|ICP备|公网安备|\b\d{3,4}-\d{3,4}-\d{3,4}\b|\b1[3-9]\d{9}\b|[\w.]+@[\w-]+\.\w+|https?://|www\.",
    re.I)
_HEADER_JUNK = re.compile(r"^(?:发布时间|发布日期|来源|release time|source)\s*[:：]?\s*", re.I)


@dataclass
class Item:
    n: int
    style: str
    number: str                   # as printed: '三、', '(1)', 'Second,'
    head: str                     # text on the numbered line after the number
    line: int
    shape: str                    # 'heading' | 'body'
    paras: list[str] = field(default_factory=list)
    para_lines: list[int] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    parent: Item | None = None
    depth: int = 0

    @property
    def title(self) -> str:
        return first_sentence(self.head) if self.shape == "body" else self.head.strip(" .。:：")


@dataclass
class _Level:
    item: Item
    styles: set[str]
    primary: str = ""


def zh_number(text: str) -> int:
    """'十二' → 12, '二十' → 20, '一百零五' → 105."""
    if text in ZH_DIGITS:
        return ZH_DIGITS[text]
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = ZH_DIGITS.get(ch, 0)
    return total + current


def roman_number(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10}
    t = text.lower()
    if not re.fullmatch(r"x{0,3}(ix|iv|v?i{0,3})", t) or not t:
        return None
    total = 0
    for i, ch in enumerate(t):
        v = values[ch]
        total += -v if i + 1 < len(t) and values[t[i + 1]] > v else v
    return total


def match_number(text: str, english: bool) -> tuple[int, str, str, str] | None:
    """(number, style, printed token, rest) when ``text`` starts with a list number."""
    for style, pattern in _NUMBER_PATTERNS:
        if style in ("I.", "word") and not english:
            continue
        m = pattern.match(text)
        if not m:
            continue
        token, rest = m.group(1), text[m.end():]
        if not rest.strip():
            return None
        if style in ("cn、", "(cn)"):
            n = zh_number(token)
        elif style == "①":
            n = CIRCLED.index(token) + 1
        elif style == "I.":
            r = roman_number(token)
            if r is None or not rest[:1].isupper() and rest[:1] not in "\"“(":
                continue
            n = r
        elif style == "word":
            n = EN_ORDINALS.index(token.lower()) + 1
        else:
            n = int(token)
            if style == "1." and english and re.match(r"\d{4}$", token):
                return None
        if n == 0:
            return None
        return n, style, m.group(0).strip(), rest.strip()
    return None


def first_sentence(text: str, limit: int = 0, english: bool | None = None) -> str:
    english = is_english_text(text) if english is None else english
    limit = limit or (160 if english else 60)
    m = re.search(r"[。！？；]" if not english else r"[.!?;](?=\s|$)", text)
    sentence = text[: m.start()] if m else text
    if len(sentence) > limit:
        cut = sentence[:limit]
        if english and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        sentence = cut.rstrip(" ,，、") + "…"
    return sentence.strip()


@lru_cache(maxsize=8192)
def is_english_text(text: str) -> bool:
    sample = text[:4000]
    cjk = len(re.findall(r"[\u4e00-\u9fff]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return latin > cjk * 2


def item_shape(rest: str, english: bool) -> str:
    if english:
        return "body" if re.search(r"[.;!?](?=\s+\S)", rest) or len(rest) > 160 else "heading"
    return "body" if "。" in rest.rstrip("。") or len(rest) > 60 else "heading"


# --- junk ----------------------------------------------------------------------------------------

def trim_junk(lines: list[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """Split off the web-page tail (footer, contacts, shop links): (kept, dropped)."""
    english = is_english_text(" ".join(ln.text for ln in lines[:200]))
    cut = len(lines)
    seen_junk = False
    for i in range(len(lines) - 1, -1, -1):
        text = lines[i].text
        if JUNK_LINE.match(text) or JUNK_ANYWHERE.search(text):
            seen_junk, cut = True, i
            continue
        short = len(text) <= (120 if english else 50)
        if short and match_number(text, english) is None and not re.search(r"[。）)]$", text):
            cut = i
            continue
        break
    if not seen_junk:
        return lines, []
    return lines[:cut], lines[cut:]


# --- units -----------------------------------------------------------------------------------------

@dataclass
class UnitMarker:
    lead: list[str]
    cooperating: list[str]
    span: tuple[int, int]


def find_unit_marker(text: str) -> UnitMarker | None:
    """The last responsible-unit marker in brackets of a task paragraph (see ``plan_units``)."""
    markers = find_markers(text)
    if not markers:
        return None
    last = markers[-1]
    return UnitMarker(last.spec.leads[:1], last.spec.leads[1:] + last.spec.cooperating, last.span)


# --- the parser --------------------------------------------------------------------------------------

def _reject_structure(source_name: str, reason: Msg) -> InputRejected:
    return InputRejected(msg("importer.rejected", name=source_name), [Problem(reason, file=source_name)])


def build_items(lines: list[SourceLine], english: bool) -> tuple[list[Item], list[SourceLine]]:
    """Numbered items as a tree (roots), and the preamble lines before the first item."""
    roots: list[Item] = []
    preamble: list[SourceLine] = []
    stack: list[_Level] = []
    folding: str | None = None
    last: Item | None = None
    hits = [match_number(ln.text, english) for ln in lines]
    next_n: list[int | None] = [None] * len(lines)
    upcoming: int | None = None
    memory: dict[str, tuple[int, int]] = {}     # numbering style → (last number, depth) placed
    for i in range(len(lines) - 1, -1, -1):
        next_n[i] = upcoming
        hit_i = hits[i]
        if hit_i is not None:
            upcoming = hit_i[0]
    for i, ln in enumerate(lines):
        hit = hits[i]
        if hit is not None:
            n, style, token, rest = hit
            shape = item_shape(rest, english)
            placed = None if (folding and style == folding) else _place(stack, n, style, shape, english,
                                                                      will_parent=next_n[i] == 1, memory=memory)
            if placed is None:
                if last is None:
                    preamble.append(ln)
                else:
                    if not english and style in ("(1)", "①"):
                        folding = style
                    last.paras.append(ln.text)
                    last.para_lines.append(ln.number)
                continue
            folding = None
            item = Item(n, style, token, rest, ln.number, shape)
            depth, new_styles = placed
            if depth == 0:
                roots.append(item)
            else:
                parent = stack[depth - 1].item
                item.parent = parent
                parent.children.append(item)
            item.depth = depth
            memory[style] = (n, depth)
            primary = stack[depth].primary if depth < len(stack) else style
            del stack[depth:]
            stack.append(_Level(item, new_styles, primary))
            last = item
        elif last is None:
            preamble.append(ln)
        else:
            last.paras.append(ln.text)
            last.para_lines.append(ln.number)
    return roots, preamble


def _place(stack: list[_Level], n: int, style: str, shape: str, english: bool, *,
           will_parent: bool, memory: dict[str, tuple[int, int]] | None = None) -> tuple[int, set[str]] | None:
    """Depth for a new item and the numbering styles of its level, or None = ordinary text.

    Among the levels whose last number is n-1, the best match wins: same numbering style as the
    level's first item (3), the level has items of this style (1), it is a level of headings when
    the next item opens a list below this one (2), its last item has the same shape (2).
    """
    if not stack:
        return 0, {style}
    top = stack[-1]
    if n == 1:
        if not english and style in ("(1)", "①") and top.item.shape == "body" and top.item.style not in ("(1)", "①"):
            return None   # （1）（2）… inside a task paragraph are part of its text
        return len(stack), {style}
    best: tuple[int, int] | None = None
    for depth, level in enumerate(stack):
        if level.item.n + 1 != n:
            continue
        is_parent_level = depth < len(stack) - 1
        score = ((3 if style == level.primary else 1 if style in level.styles else 0)
                 + (2 if shape == level.item.shape else 0) + (2 if will_parent == is_parent_level else 0))
        if best is None or score >= best[1]:
            best = (depth, score)
    last = (memory or {}).get(style)
    if last is not None and last[0] + 1 == n and last[1] <= len(stack) and style != top.item.style \
            and (best is None or style not in stack[best[0]].styles):
        return len(stack), {style}          # numbered on across sections: 6. under (一), 7. under (二)
    if best is not None:
        depth = best[0]
        return depth, stack[depth].styles | {style}
    if style in top.styles and style != "word":
        return len(stack) - 1, top.styles   # a gap in the numbering: still a sibling
    return None


def _walk(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for it in items:
        out.append(it)
        out.extend(_walk(it.children))
    return out


def parse_plan_lines(lines: list[SourceLine], *, source_name: str = "", glossary: Glossary | None = None,
                     extracted: bool = False) -> PlanDraft:
    """Parse a plan document's lines into a draft (units resolved against the glossary only)."""
    glossary = glossary or default_glossary()
    if not lines:
        raise _reject_structure(source_name, msg("importer.document_empty"))
    english = is_english_text(" ".join(ln.text for ln in lines[:300]))
    lines = repair_extracted_text(lines, english, force=extracted)
    kept, dropped = trim_junk(lines)
    notice, kept = cut_cover_notice(kept, english)
    roots, preamble = build_items(kept, english)
    fold_submeasures(roots)
    first_is_lead = any(first_listed_rule(ln.text) for ln in kept)
    draft = PlanDraft(title=_plan_title(notice + preamble if notice else (preamble or kept)),
                      lang="en" if english else "zh", source_name=source_name)
    if notice:
        draft.warnings.append(DraftWarning(
            msg("importer.notice_dropped", first=notice[0].number, last=notice[-1].number),
            line=notice[0].number, kind="notice_dropped"))
    if english:
        draft.title_en = draft.title
    all_items = _walk(roots)
    if not all_items:
        raise _reject_structure(source_name, msg("importer.no_numbered_items"))

    # trailing text after the final numbered paragraph is page furniture, not part of the task
    final = all_items[-1]
    keep = 0
    while keep < len(final.paras) and (is_unit_line(final.paras[keep]) or _is_marker_line(final.paras[keep])):
        keep += 1     # the last task's own unit lines are not trailing text
    if keep:
        tail_paras, tail_lines = final.paras[keep:], final.para_lines[keep:]
        final.paras, final.para_lines = final.paras[:keep], final.para_lines[:keep]
        if tail_paras:
            draft.warnings.append(DraftWarning(
                msg("importer.trailing_text", count=len(tail_paras), line=tail_lines[0]),
                line=tail_lines[0], kind="trailing_text"))
    elif final.shape == "body" and not final.children and final.paras:
        draft.warnings.append(DraftWarning(
            msg("importer.trailing_text", count=len(final.paras), line=final.para_lines[0]),
            line=final.para_lines[0], kind="trailing_text"))
        final.paras, final.para_lines = [], []
    if dropped:
        draft.warnings.append(DraftWarning(msg("importer.junk_dropped", count=len(dropped), line=dropped[0].number),
                                           line=dropped[0].number, kind="junk_dropped"))

    section_index: dict[int, int] = {}
    excluded: set[int] = set()
    for item in all_items:
        if item.parent is not None and id(item.parent) in excluded:
            excluded.add(id(item))
            if OBJECTIVE_TITLES.match(item.title):
                _add_objectives(draft, item)
            continue
        if OBJECTIVE_TITLES.match(item.title):
            excluded.add(id(item))
            _add_objectives(draft, item)
            continue
        if EXCLUDED_TITLES.match(item.title):
            excluded.add(id(item))
            continue
        if item.children:
            parent = section_index.get(id(item.parent)) if item.parent is not None else None
            section_index[id(item)] = len(draft.sections)
            draft.sections.append(DraftSection(item.number, item.title, level=item.depth + 1, parent=parent,
                                               title_en=item.title if english else ""))
            continue
        if item.shape == "heading" and item.parent is None and any(sib.children for sib in roots) \
                and not task_units([item.head, *item.paras], first_is_lead=False)[0]:
            continue   # a top-level heading with paragraphs only (保障措施 …) among sections of tasks
        draft.tasks.append(_make_task(item, section_index, english, glossary, draft, first_is_lead))
    if not draft.tasks:
        raise _reject_structure(source_name, msg("importer.no_tasks_under_headings"))
    renumber_tasks(draft)
    finish_warnings(draft)
    return draft


_TITLE_WORDS = re.compile(r"方案|分工|分解|清单|计划|规划|任务|要点|意见|措施|台账|"
                          r"\bplan\b|\btasks?\b|programme|program|measures|division", re.I)
_NOT_TITLE = re.compile(r"欢迎|网站|资讯网|新闻网|来源|发布|编辑|记者|位置|首页|>|›|电话|热线|http|www\.|浏览|点击|"
                        r"阅读|索引号|today is|visits|home\s*/|translation|reference only|^附件|^【|"
                        r"人民政府文件$|办公室文件$|〔\d{4}〕|\[\d{4}\]", re.I)


def _plan_title(lines: list[SourceLine]) -> str:
    """The plan's own title: the last title-like line before the first item (the attachment's title
    after a cover notice), else the first one, else the first line."""
    candidates = []
    for ln in lines[:60]:
        text = _HEADER_JUNK.sub("", ln.text).strip()
        if not text or len(text) > 90 or _NOT_TITLE.search(text) or re.search(r"[。!?！？]$|[:：]$", text):
            continue
        if re.search(r"[，,；;]", text) and not re.search(r"关于|notice|plan", text, re.I):
            continue
        if _TITLE_WORDS.search(text):
            candidates.append(text)
    if candidates:
        plain = [c for c in candidates if not re.search(r"通知$|^notice\b", c, re.I)]
        return (plain or candidates)[-1][:200]
    for ln in lines[:60]:   # a cover notice run into one line: the plan's name in 《》
        quoted = [str(q) for q in re.findall(r"《([^《》]{4,80})》", ln.text) if _TITLE_WORDS.search(q)]
        if quoted:
            return quoted[0]
    for ln in lines[:10]:
        text = _HEADER_JUNK.sub("", ln.text).strip()
        if text and not re.match(r"^[\d\-/: ]+$", text) and not _NOT_TITLE.search(text):
            return text[:200]
    return lines[0].text[:200] if lines else ""


_PAGE_NUMBER = re.compile(r"(?:^|\s)[—–－-]\s*\d{1,3}\s*[—–－-](?:\s|$)")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff（）()：:，、；。“”％%\d])[ \t]+(?=[\u4e00-\u9fff（）()：:，、；。“”％%])|"
                      r"(?<=[\u4e00-\u9fff（）()：:，、；。“”])[ \t]+(?=\d)")
_ENDS_SENTENCE = re.compile(r"[。！？；：:!?;）)\]】〕”]$")


def repair_extracted_text(lines: list[SourceLine], english: bool, *, force: bool = False) -> list[SourceLine]:
    """Undo PDF-extraction artefacts: page numbers (— 1 —), spaces inside words, lines broken
    mid-sentence. Only when the text shows them (page-number lines) or the source is a PDF."""
    pdfish = force or sum(1 for ln in lines if _PAGE_NUMBER.search(ln.text)) >= 1
    if not pdfish:
        return lines
    out: list[SourceLine] = []
    for ln in lines:
        text = _PAGE_NUMBER.sub(" ", ln.text).strip()
        if not english:
            text = _CJK_GAP.sub("", text)
        if not text:
            continue
        if out:
            prev = out[-1].text
            starts_new = match_number(text, english) is not None or is_unit_line(text) \
                or bool(re.match(r"^(?:附件|附表)", text))
            open_bracket = sum(prev.count(c) for c in "（(") > sum(prev.count(c) for c in "）)")
            continuation = text[:1] in "，,。；;、）)" or (not starts_new or is_unit_line(text)) and open_bracket or (
                not starts_new and not _ENDS_SENTENCE.search(prev) and len(prev) >= 16)
            if continuation:
                sep = " " if english and not prev.endswith("-") else ""
                out[-1] = SourceLine(prev + sep + text, out[-1].number)
                continue
        out.append(SourceLine(text, ln.number))
    return out


_SIGNATURE_DATE = re.compile(r"^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")
_NOTICE_HINT = re.compile(r"通知|印发|现将|notice|hereby issued", re.I)


def cut_cover_notice(lines: list[SourceLine], english: bool) -> tuple[list[SourceLine], list[SourceLine]]:
    """Split off a cover notice (…的通知, its own 一、二、三 paragraphs, signature and date) before the
    plan it issues: (notice lines, plan lines). Only when a signature date line is followed by more
    numbered text; otherwise nothing is cut."""
    limit = max(1, int(len(lines) * 0.6))
    for i, ln in enumerate(lines[:limit]):
        if _SIGNATURE_DATE.match(ln.text) or re.match(r"^[（(]此件(?:公开|不公开)发布[）)]$", ln.text):
            head = lines[: i + 1]
            if not any(_NOTICE_HINT.search(h.text) for h in head):
                continue
            j = i + 1
            while j < len(lines) and (_SIGNATURE_DATE.match(lines[j].text) or
                                      re.match(r"^[（(]此件.{0,8}[）)]$|^附件\s*\d*\s*[:：]?$", lines[j].text)):
                j += 1
            rest = lines[j:]
            if sum(1 for r in rest[:80] if match_number(r.text, english)) >= 2:
                return head, rest
    return [], lines


_FOLD_STYLES = ("(1)", "①", "(cn)", "1.")


def fold_submeasures(items: list[Item]) -> None:
    """An item whose numbered sub-measures (1)…(4) carry no units while one unit line follows them
    (or stands under the item itself) is one task: the sub-measures are folded into its text."""
    for item in items:
        if not item.children:
            continue
        fold_submeasures(item.children)
        kids = item.children
        if any(k.children for k in kids) or kids[0].style not in _FOLD_STYLES or kids[0].style == item.style:
            continue
        own = any(is_unit_line(p) for p in item.paras)
        last = kids[-1]
        tail = [i for i, p in enumerate(last.paras) if is_unit_line(p) or _is_marker_line(p)]
        others = any(is_unit_line(p) or _is_marker_line(p) or find_markers(k.head)
                     for k in kids[:-1] for p in [k.head, *k.paras])
        if others or not (own or tail) or find_markers(last.head):
            continue
        cut = tail[0] if tail else len(last.paras)
        for k in kids:
            item.paras.append(f"{k.number}{k.head}")
            item.paras.extend(k.paras if k is not last else last.paras[:cut])
        item.paras.extend(last.paras[cut:])
        item.children = []
        item.shape = "heading"


def _is_marker_line(text: str) -> bool:
    t = text.strip()
    return t[:1] in "（(〔[［【" and t[-1:] in "）)〕]］】" and bool(find_markers(t))


def _add_objectives(draft: PlanDraft, item: Item) -> None:
    texts = ([item.head] if item.shape == "body" else []) + item.paras
    for text in texts:
        targets, _bare, _unknown = extract_targets(text)
        draft.objectives.extend(targets)


def task_units(paras: list[str], *, first_is_lead: bool) -> tuple[UnitSpec, str, list[str]]:
    """Units of a task from its bracket markers and unit lines; the text without them; lines dropped."""
    spec = UnitSpec()
    kept: list[str] = []
    dropped: list[str] = []
    for para in paras:
        stripped = para.strip()
        if is_unit_line(stripped):
            inner = stripped
            if stripped[:1] in "（(" and stripped[-1:] in "）)":
                inner = stripped[1:-1]
            spec.extend(parse_spec(inner.rstrip("。."), first_is_lead=first_is_lead))
            continue
        markers = find_markers(para)
        if markers:
            text = para
            for mk in reversed(markers):
                spec.extend(mk.spec if not first_is_lead else _first_lead(mk.spec))
                text = text[: mk.span[0]] + text[mk.span[1]:]
            text = re.sub(r"[ \t]+$", "", text)
            if text.strip(" 。.;；"):
                kept.append(text.rstrip())
            continue
        at = inline_unit_tail(para)
        if at is not None:
            inline = parse_spec(para[at:].strip().rstrip("。."), first_is_lead=first_is_lead)
            if inline:
                spec.extend(inline)
                para = para[:at].rstrip()
        kept.append(para)
    dropped.extend(spec.dropped)
    return spec, "\n".join(kept).strip(), dropped


_UNIT_WORDS = re.compile(r"牵头单位|责任单位|配合单位|负责单位|牵头部门|责任部门|[局委办]牵头|lead units?\b|"
                         r"responsible units?\b|cooperating units?\b", re.I)


_LEVEL = re.compile(r"^[省市县区镇]")


def check_elision(names: list[str], line: int | None, draft: PlanDraft) -> None:
    """A name without the level its neighbours carry (市发展和改革局、工业和信息化局) is kept as written —
    the plan left the shared prefix out — and shown in the review as a split to check."""
    levels = {n[0] for n in names if _LEVEL.match(n) and len(n) > 3}
    if len(levels) != 1:
        return
    for n in names:
        if not _LEVEL.match(n) and re.search(r"[\u4e00-\u9fff]", n) and not re.match(r"^(?:各|相关|有关|国网|人民银行)", n) \
                and re.search(r"(?:局|委|办|厅)$", n):
            draft.warnings.append(DraftWarning(
                msg("importer.unit_split_check", name=n, level=next(iter(levels))),
                line=line, kind="unit_split_check", data={"name": n}))


def _first_lead(spec: UnitSpec) -> UnitSpec:
    if spec.joint and spec.cooperating and not spec.leads:
        spec.leads, spec.cooperating = spec.cooperating[:1], spec.cooperating[1:]
    spec.joint = False
    return spec


def _make_task(item: Item, sections: dict[int, int], english: bool, glossary: Glossary,
               draft: PlanDraft, first_is_lead: bool = False) -> DraftTask:
    spec, text, dropped = task_units([item.head, *item.paras], first_is_lead=first_is_lead)
    if not spec:
        for para in [item.head, *item.paras]:
            if _UNIT_WORDS.search(para):
                draft.warnings.append(DraftWarning(
                    msg("importer.unit_line_unused", text=para[:60]), line=item.line, kind="unit_line_unused"))
                break
    lead: DraftUnit | None = None
    cooperating: list[DraftUnit] = []
    names = spec.names
    if names:
        lead = DraftUnit(names[0])
        cooperating = [DraftUnit(n) for n in names[1:]]
    check_elision(names, item.line, draft)
    for d in dropped:
        if len(d) <= 40 and re.search(r"(局|委|办|厅|中心|公司|政府|Bureau|Commission|Office)", d):
            draft.warnings.append(DraftWarning(msg("importer.unit_text_unused", text=d), line=item.line,
                                               kind="unit_text_unused"))
    section = sections.get(id(item.parent)) if item.parent is not None else None
    head = item.head
    if text and not text.startswith(head[:10]):
        head = text.split("\n", 1)[0]
    title = first_sentence(head, english=english) if item.shape == "body" or len(head) > 60 else head.strip(" 。.")
    task = DraftTask(code="", section=section, title=title, text=text or item.head, lead=lead,
                     cooperating=cooperating, line=item.line)
    task.joint = spec.joint and not first_is_lead
    if english:
        task.title_en, task.text_en = task.title, task.text
    targets, bare, unknown = extract_targets(text)
    task.targets = targets
    task.due = next((d for d in (due_from_deadline_line(p) for p in item.paras) if d), None) or due_from_text(text)
    for b in bare:
        draft.warnings.append(DraftWarning(msg("importer.number_without_unit", value=f"{b.value:g}", text=b.text[:60]),
                                           line=item.line, kind="number_without_unit"))
    for u in unknown:
        draft.warnings.append(DraftWarning(msg("importer.unknown_unit", text=u), line=item.line,
                                           kind="unknown_unit"))
    return task


def finish_warnings(draft: PlanDraft) -> None:
    """Attach task codes to warnings raised while parsing, and flag tasks without a unit."""
    by_line = {t.line: t.code for t in draft.tasks}
    for w in draft.warnings:
        if w.task_code is None and w.line in by_line:
            w.task_code = by_line[w.line]
    for t in draft.tasks:
        if t.lead is None:
            draft.warnings.append(DraftWarning(msg("importer.no_unit"), task_code=t.code,
                                               line=t.line, kind="no_unit"))
