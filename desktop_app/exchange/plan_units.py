"""Responsible units as a plan writes them: the grammar of unit markers and unit lines.

A plan names its units in many layouts (see the README of the layout corpus): a trailing
parenthesis or bracket ``（牵头单位：X；配合单位：Y、Z）``, a line of its own ``牵头责任单位：X。``,
verbs instead of labels ``X、Y牵头，Z参与``, joint lists ``（负责单位：X、Y）``, English
``(Lead unit: X; Cooperating units: Y and Z)``. This module turns such a text into
``UnitSpec`` (leads, cooperating units, whether the list is joint), keeping every name exactly as
written apart from whitespace. Notes that are not units (``下同``, ``未明确牵头单位的…``),
persons (``责任领导：…``), classifications (``预期性指标``), numbers and headings are left out.

The rules are a small grammar, not a list of known departments: a name is a unit when it ends
like an organisation (局 委 厅 办 中心 公司 政府 …) or is a collective (各街道, 相关部门 …).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# --- text normalisation ----------------------------------------------------------------------------

_PINYIN = re.compile(r"[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\s*[)）]")
_FULLWIDTH_ASCII = {c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}   # ０-９
_FULLWIDTH_ASCII.update({c: chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})   # Ａ-Ｚ
_FULLWIDTH_ASCII.update({c: chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})   # ａ-ｚ
_FULLWIDTH_ASCII[0x3000] = " "


def strip_pinyin(text: str) -> str:
    """Remove pinyin that reposting sites insert after a character: '區(qū)' → '區'."""
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN.sub(lambda m: "" if _has_tone(m.group()) else m.group(), text)


def _has_tone(s: str) -> bool:
    return any(ch in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ" for ch in s)


@lru_cache(maxsize=1)
def _converter() -> object | None:
    try:
        import opencc
    except ImportError:   # the converter is optional: without it traditional text is kept as it is
        return None
    for config in ("t2s", "t2s.json"):
        try:
            return opencc.OpenCC(config)
        except Exception:  # noqa: BLE001 - configs are named differently across OpenCC builds
            continue
    return None


_TRAD_HINT = re.compile(r"[們個這來說國區縣發責單負頭環節體會與為於業務產標實開關點網資綠達報時處將後幾過還進鄉鎮]")


def has_traditional(text: str) -> bool:
    """Enough characters change when folded to simplified (a few variants in simplified text do not count)."""
    sample = "".join(re.findall(r"[\u4e00-\u9fff]", text[:20000]))[:5000]
    if len(_TRAD_HINT.findall(sample)) < 3:
        return False
    folded = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, folded, strict=False) if a != b)
    return changed >= 5 and changed >= len(sample) * 0.02


def to_simplified(text: str) -> str:
    conv = _converter()
    if conv is None:
        return text
    return str(conv.convert(text))  # type: ignore[attr-defined]


def fold_width(text: str) -> str:
    """Full-width digits and Latin letters to ASCII (brackets and punctuation stay as written)."""
    return text.translate(_FULLWIDTH_ASCII)


def normalise_name(name: str) -> str:
    """A unit name as written, normalised only for whitespace, width and control characters."""
    name = unicodedata.normalize("NFC", fold_width(name))
    if re.search(r"[\u4e00-\u9fff]", name):
        name = re.sub(r"\s+", "", name)
    else:
        name = re.sub(r"\s+", " ", name).strip()
    return name


# --- what a unit name looks like --------------------------------------------------------------------

_ZH_UNIT_END = re.compile(
    r"(?:局|委|委员会|厅|办|办公室|中心|公司|集团|政府|管委会|分局|支队|大队|院|所|站|会|社|行|分行|处|队|署|"
    r"街道|乡镇|镇|街镇|部|部门|单位|机构|企业|园区|段|组|科|校|学校|协会|联合会|联社|总公司|供电所|"
    r"监管局|工作室|指挥部|领导小组|专班|银行|医院|馆|台|场|站所|片区|社区|村|村委会|工委|党委|党组|"
    r"各地|各县|各区|各市|各市州|各县区|市州|人民政府|办事处|街道办|联|协|团|团委|政协|人大|法院|检察院|海关|"
    r"电视台|报社|网|商会|合作社|基地|平台|（[^（）]{1,12}）|\([^()]{1,12}\))$")
_ZH_COLLECTIVE = re.compile(r"^(?:各|相关|有关|其他|沿河|所在|属地|全)")
_NOT_UNIT = re.compile(
    r"下同|按职责|分工负责|职责分工|未明确|排在第一|为牵头|所列|负责落实|逐一|以下各项|^\d|^[一二三四五六七八九十]+$|"
    r"指标|预期性|约束性|完成时限|时间|领导(?!小组)|同志|^注|持续推进|长期|年底|月底|^其他$|^等$|均由|^以下|^由|任务|"
    r"the same below|according to|where no lead|responsib\w+ of|duties", re.I)
_EN_UNIT_WORD = re.compile(
    r"\b(?:bureau|sub-?bureau|commission|committee|office|offices|department|departments|company|group|"
    r"administration|government|governments|federation|station|cent(?:er|re)|corporation|authority|bank|branch|"
    r"council|agency|association|institute|league|zone|enterprises?|units?|park|management|section|team|"
    r"administrative committee|grid|town|township|sub-?district|street|village|community)\b", re.I)


def looks_like_unit(name: str) -> bool:
    """True when ``name`` reads as an organisation or a collective of them (not a note, person, number)."""
    name = name.strip()
    if not name or len(name) > 60 or _NOT_UNIT.search(name):
        return False
    if re.search(r"[。；;:：!?！？]", name):
        return False
    if re.search(r"[\u4e00-\u9fff]", name):
        if len(name) < 2:
            return False
        if len(name) == 2:
            return name[-1] in "委局办厅院所"   # an elided list member: 区发展改革委、科委
        if _ZH_COLLECTIVE.match(name) and len(name) >= 3:
            return True
        return bool(_ZH_UNIT_END.search(name)) and len(name) >= 3
    return (bool(_EN_UNIT_WORD.search(name)) or bool(_EN_COLLECTIVE.search(name))) and len(name) >= 5


_EN_COLLECTIVE = re.compile(
    r"^(?:(?:each|all|every|other|relevant|related|the)\b.*\b)?(?:streets?|towns?|townships?|sub-?districts?|districts?|"
    r"counties|cities|villages|communities|departments|authorities|units|governments|offices|enterprises)\b", re.I)


# --- splitting a list -------------------------------------------------------------------------------

_OPEN, _CLOSE = "（(〔[【", "）)〕]】"


def split_top(text: str, seps: str) -> list[str]:
    """Split at any character of ``seps`` outside brackets."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if depth == 0 and ch in seps:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _clean_piece(piece: str) -> str:
    piece = piece.strip(" \t\u3000.。;；,，、:：")
    piece = re.sub(r"^(?:及|和|与|以及|由|请|and\s+|the\s+)", "", piece, flags=re.I).strip()
    piece = re.sub(r"等(?:单位|部门)?$", "", piece)
    piece = re.sub(r",?\s*etc\.?$", "", piece, flags=re.I)
    return piece.strip(" \t.。;；,，、")


def split_names(text: str) -> list[str]:
    """'X、Y等，各街道' → ['X', 'Y', '各街道']; brackets inside names are kept whole."""
    text = text.strip().strip("。.;；")
    if not text:
        return []
    english = not re.search(r"[\u4e00-\u9fff]", text)
    if english:
        parts: list[str] = []
        for part in split_top(text, ",;"):
            part = part.strip()
            if re.match(r"^(?:and|as well as)\s+", part, re.I):
                part = re.sub(r"^(?:and|as well as)\s+", "", part, flags=re.I)
            parts.extend(_split_en_and(part))
    else:
        parts = split_top(text, "、，,;；/。")
        joined: list[str] = []
        for p in parts:
            p = p.strip()
            if " " in p:
                pieces = [x for x in p.split(" ") if x]
                if all(looks_like_unit(_clean_piece(x)) for x in pieces):
                    for x in pieces:
                        joined.extend(_split_zh_and(x))
                    continue
                p = p.replace(" ", "")
            joined.extend(_split_zh_and(p))
        parts = joined
    out: list[str] = []
    for p in parts:
        p = _clean_piece(p)
        m = (_EN_GROUP_TAIL if english else _ZH_GROUP_TAIL).match(p)
        pieces = [m.group("dept"), m.group("group")] if m else [p]
        out.extend(x for x in (_clean_piece(y) for y in pieces) if x)
    return out


_ZH_GROUP_TAIL = re.compile(
    r"^(?P<dept>.+?)等(?P<group>(?:其他|各)?(?:相关|有关)(?:职能)?(?:部门|单位)|各街镇|相关街镇|各街道|各乡镇)$")
_EN_GROUP_TAIL = re.compile(
    r"^(?P<dept>.+?)\s+and\s+(?P<group>(?:other|all)\s+(?:relevant|related)\s+(?:functional\s+)?"
    r"(?:departments|units|authorities))$", re.I)


_EN_UNIT_END = re.compile(_EN_UNIT_WORD.pattern.rstrip(r"\b") + r"\W*$", re.I)


_EN_UNIT_START = re.compile(r"^(?:Municipal|District|County|Provincial|State|New Area|people's|"
                            r"People's|all|each|every|the|relevant|other)\b")


def _split_en_and(part: str) -> list[str]:
    """'A Commission and B Bureau' → two units; 'Development and Reform Commission' stays one.
    First where the left part ends like a unit, else where the right part starts like one."""
    pieces = re.split(r"\s+and\s+", part)
    for i in range(1, len(pieces)):
        left, right = " and ".join(pieces[:i]), " and ".join(pieces[i:])
        if _EN_UNIT_END.search(left) and looks_like_unit(left) and (right[:1].isupper() or _EN_UNIT_START.match(right)) \
                and looks_like_unit(right):
            return [left, *_split_en_and(right)]
    for i in range(1, len(pieces)):
        left, right = " and ".join(pieces[:i]), " and ".join(pieces[i:])
        if _EN_UNIT_START.match(right) and looks_like_unit(left) and looks_like_unit(right):
            return [left, *_split_en_and(right)]
    return [part]


def _split_zh_and(part: str) -> list[str]:
    """'X和Y' / 'X及Y' when both halves end like units."""
    for conj in ("和", "及", "与"):
        if conj in part:
            pieces = split_top(part, conj)
            if len(pieces) == 2 and all(looks_like_unit(p.strip("等")) for p in pieces) \
                    and not re.search(r"(?:工业|发展|住房|城乡|自然资源|卫生|文化|农业|人力资源|应急|市场|交通|水|生态|能源|"
                                      r"经济|科技|商务|规划|体育|旅游|广播|信息)$", pieces[0]):
                return pieces
    return [part]


# --- the marker grammar -----------------------------------------------------------------------------

LEAD_LABEL = (r"牵头责任单位|牵头单位|牵头部门|主责单位|主办单位|牵头|"
              r"lead(?:ing)?(?:\s+(?:units?|departments?|agenc(?:y|ies)|bod(?:y|ies)))?(?:\s*\(s\))?")
COOP_LABEL = (r"协同责任单位|协同单位|配合单位|配合部门|参加单位|参与单位|协办单位|协作单位|"
              r"co-?operating\s+(?:units?|departments?)(?:\s*\(s\))?|supporting\s+(?:units?|departments?)|"
              r"participating\s+(?:units?|departments?)|support(?:ing)?(?:\s+(?:units?|departments?))?|"
              r"co-?operation|in\s+cooperation\s+with|assisting\s+(?:units?|departments?)")
JOINT_LABEL = (r"主要责任单位|责任单位|责任部门|负责单位|负责部门|实施单位|承办单位|"
               r"responsib(?:le|ility)(?:\s+(?:units?|departments?|agenc(?:y|ies)|bod(?:y|ies)))?(?:\s*\(s\))?")
SKIP_LABEL = (r"(?:责任|分管|牵头|联系|包保|挂帅)(?:省|市|县|区|镇)?领导|责任人|联系人|完成时限|完成时间|时间节点|"
              r"时限|指标类型|指标属性|responsible\s+leaders?|leaders?\s+in\s+charge|deadline")
SPLIT_LABEL = r"部门分工|分工|责任分工|division of (?:labou?r|responsibilities)"

_LABEL_RE = re.compile(
    rf"(?P<label>{LEAD_LABEL}|{COOP_LABEL}|{JOINT_LABEL}|{SKIP_LABEL}|{SPLIT_LABEL})\s*[:：]\s*", re.I)
_LEAD_RE = re.compile(rf"^(?:{LEAD_LABEL})$", re.I)
_COOP_RE = re.compile(rf"^(?:{COOP_LABEL})$", re.I)
_JOINT_RE = re.compile(rf"^(?:{JOINT_LABEL})$", re.I)
_SPLIT_RE = re.compile(rf"^(?:{SPLIT_LABEL})$", re.I)

MARKER_WORDS = re.compile(
    rf"{LEAD_LABEL}|{COOP_LABEL}|{JOINT_LABEL}|按职责分工负责|按职责负责|分别负责|负责落实|配合|参与|"
    r"take the lead|takes the lead", re.I)


@dataclass
class UnitSpec:
    """Units of one task: leads first (several possible), then cooperating; ``joint`` = one list, no lead."""

    leads: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    joint: bool = False
    dropped: list[str] = field(default_factory=list)   # pieces that looked like names but are not units

    @property
    def names(self) -> list[str]:
        out: list[str] = []
        for n in self.leads + self.cooperating:
            if n not in out:
                out.append(n)
        return out

    def __bool__(self) -> bool:
        return bool(self.leads or self.cooperating)

    def extend(self, other: UnitSpec) -> None:
        empty = not (self.leads or self.cooperating)
        self.joint = other.joint if empty else (self.joint and other.joint)
        self.leads += [n for n in other.leads if n not in self.leads]
        self.cooperating += [n for n in other.cooperating if n not in self.cooperating and n not in self.leads]
        self.dropped += other.dropped


def _keep(names: list[str], spec: UnitSpec) -> list[str]:
    out = []
    for n in names:
        n = normalise_name(n)
        if looks_like_unit(n):
            out.append(n)
        elif n:
            spec.dropped.append(n)
    return out


_VERB_LEAD = re.compile(r"^(?P<names>.+?)\s*(?:共同)?牵头(?:负责)?$")
_VERB_COOP = re.compile(r"^(?P<names>.+?)\s*(?:配合|参与|参加|协同|协助|按职责分工负责|按职责负责|分别负责|负责落实|"
                       r"具体落实|组织落实|抓好落实|落实|组织实施|负责)$")
_EN_LEAD = re.compile(r"^(?P<names>.+?)\s+(?:takes?|taking|will take)\s+the\s+lead$", re.I)
_EN_COOP = re.compile(r"^(?:with\s+)?(?P<names>.+?)\s+(?:cooperat\w*|participat\w*|assist\w*|"
                      r"(?:are|is)\s+responsible.*|in\s+cooperation)$", re.I)


def parse_spec(text: str, *, first_is_lead: bool = False) -> UnitSpec:
    """The units in a marker's text (without its brackets) or on a unit line."""
    s = text.strip().rstrip("。.")
    spec = UnitSpec()
    labels = list(_LABEL_RE.finditer(s))
    if labels:
        segments = []
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(s)
            segments.append((m.group("label"), s[m.end():end]))
        has_lead = any(_LEAD_RE.match(re.sub(r"\s+", " ", lab)) for lab, _ in segments)
        for label, body in segments:
            lab = re.sub(r"\s+", " ", label)
            if _SPLIT_RE.match(lab):
                spec.extend(_verb_spec(body, spec))
                continue
            if _LEAD_RE.match(lab):
                names = _keep(split_names(body), spec)
                spec.leads += [n for n in names if n not in spec.leads]
            elif _COOP_RE.match(lab) or (_JOINT_RE.match(lab) and has_lead):
                names = _keep(split_names(body), spec)
                spec.cooperating += [n for n in names if n not in spec.cooperating and n not in spec.leads]
            elif _JOINT_RE.match(lab):
                names = _keep(split_names(body), spec)
                if names:
                    if first_is_lead:
                        spec.leads.append(names[0])
                        spec.cooperating += names[1:]
                    else:
                        spec.joint = True
                        spec.cooperating += names
            # skipped labels: persons, deadlines
        if spec.joint and not spec.leads and spec.cooperating:
            spec.leads, spec.cooperating = spec.cooperating[:1], spec.cooperating[1:]
        return spec
    return _verb_spec(s, spec)


def _verb_spec(s: str, spec: UnitSpec) -> UnitSpec:
    """'X、Y牵头，Z参与，W负责落实' / 'X牵头，各部门配合' / 'X, Y take the lead; Z cooperate'."""
    out = UnitSpec()
    english = not re.search(r"[\u4e00-\u9fff]", s)
    clauses = split_top(s, ";；") if english else split_top(s, "，,;；。")
    leads: list[str] = []
    coop: list[str] = []
    plain: list[str] = []
    for clause in clauses:
        clause = clause.strip().rstrip("。.")
        if not clause:
            continue
        m = (_EN_LEAD if english else _VERB_LEAD).match(clause)
        if m:
            leads += _keep(split_names(m.group("names")), out)
            continue
        m = (_EN_COOP if english else _VERB_COOP).match(clause)
        if m:
            coop += _keep(split_names(m.group("names")), out)
            continue
        plain += _keep(split_names(clause), out)
    if leads:
        out.leads = leads
        out.cooperating = [n for n in coop + plain if n not in leads]
    else:
        names = plain + coop
        out.leads, out.cooperating = names[:1], names[1:]
        out.joint = bool(names)
    spec.dropped += out.dropped
    return out


# --- finding markers in a paragraph ------------------------------------------------------------------

_PAIRS = {"（": "）", "(": ")", "〔": "〕", "[": "]", "［": "］", "【": "】"}


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level bracketed group, nesting honoured; any bracket kind."""
    groups, stack = [], []
    opens, closes = "（(〔[［【", "）)〕]］】"
    for i, ch in enumerate(text):
        if ch in opens:
            stack.append(i)
        elif ch in closes and stack:
            start = stack.pop()
            if not stack:
                groups.append((start, i + 1))
    return groups


def is_marker_text(inner: str) -> bool:
    """A bracket's text names units (labels, 牵头/负责 verbs), not an aside like （试行） or （2021—2025年）."""
    if _LABEL_RE.search(inner):
        return True
    if re.search(r"牵头|配合|按职责分工负责|负责落实|分别负责|take the lead|takes the lead", inner, re.I):
        spec = parse_spec(inner)
        return bool(spec)
    return False


@dataclass
class Marker:
    spec: UnitSpec
    span: tuple[int, int]


def find_markers(text: str) -> list[Marker]:
    """Unit markers in brackets within ``text``, in order."""
    out = []
    for start, end in bracket_groups(text):
        inner = text[start + 1: end - 1]
        if len(inner) < 3:
            continue
        if is_marker_text(inner):
            out.append(Marker(parse_spec(inner), (start, end)))
        elif not text[end:].strip(" 。.;；\n") and _names_only(inner):
            # a closing bracket holding only unit names: （省生态环境厅、省工业和信息化厅）
            names = [normalise_name(n) for n in split_names(inner)]
            out.append(Marker(UnitSpec(names[:1], names[1:], joint=True), (start, end)))
    return out


_STRICT_UNIT_END = re.compile(
    r"(?:局|委|委员会|厅|办|办公室|中心|公司|集团|政府|管委会|分局|分行|银行|院|所|社|处|署|部|部门|单位|街道|乡镇|"
    r"镇人民政府|协会|联合会|妇联|工商联|团委|党委|人大|政协|(?:各|相关|有关).{1,8})$")


def _names_only(inner: str) -> bool:
    """A bracket holding nothing but organisation names (stricter than a labelled list: （充电站）,
    （含撬装站）, （试行） are asides, not units)."""
    if re.match(r"\s*(?:含|包括|包含|不含|即|如|例如|其中|简称|以下简称|主要|重点|涉及)", inner) \
            or re.search(r"\d{4}|试行|暂行|草案|修订|征求意见", inner):
        return False
    names = [normalise_name(n) for n in split_names(inner)]
    bare = [re.sub(r"[（(][^（）()]*[）)]$", "", n) or n for n in names]     # 县发改局（粮食局） → 县发改局
    return bool(names) and all(looks_like_unit(n) and (_STRICT_UNIT_END.search(b) or _ZH_COLLECTIVE.match(n)
                                                      or not re.search(r"[\u4e00-\u9fff]", n))
                                   for n, b in zip(names, bare, strict=True))


_UNIT_LINE = re.compile(
    rf"^\s*[（(]?\s*(?:{LEAD_LABEL}|{COOP_LABEL}|{JOINT_LABEL}|{SKIP_LABEL}|{SPLIT_LABEL})\s*[:：]", re.I)


_INLINE_LABEL = re.compile(
    rf"(?:(?<=[。；;.!?！？])|(?<=\s))\s*(?:{LEAD_LABEL}|{COOP_LABEL}|{JOINT_LABEL}|{SPLIT_LABEL})\s*[:：]", re.I)


def inline_unit_tail(text: str) -> int | None:
    """Where a paragraph's own unit statement starts when it is written inline, without brackets, after
    the last sentence (…。责任单位：X、Y。 or …30个 牵头单位：X 配合单位：Y); None when there is none."""
    m = _INLINE_LABEL.search(text)
    if m is None:
        return None
    tail = text[m.start():]
    if re.search(r"[。.!?！？]\s*\S", tail.rstrip(" 。.")):
        return None        # sentences go on after it: not a closing unit statement
    return m.start()


def is_unit_line(text: str) -> bool:
    """A line of its own that names units (or the leader/deadline of the task above)."""
    return bool(_UNIT_LINE.match(text))


def first_listed_rule(text: str) -> bool:
    """The document says the first-listed unit leads (排在第一位的为牵头单位 / 第一个为牵头…)."""
    return bool(re.search(r"(?:排在?第一(?:位|个)?|排名第一|列在首位|首位)的?(?:单位|部门)?为?牵头|"
                          r"first[- ]listed\s+(?:unit|department)\s+(?:is|shall be|takes)\s+the\s+lead", text, re.I))
