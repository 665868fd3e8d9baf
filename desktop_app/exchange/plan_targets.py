"""Quantitative targets in plan text: '到2025年，全区累计完成6个加氢站' → Target(6, '个', 2025, at_least).

Conservative on purpose: a number becomes a target when it carries a known unit, or when a target
verb (达到/不低于/no higher than …) governs it. Years are carried through a paragraph ('到2025年'
then '到2030年'), and 十四五/14th Five-Year Plan mean 2025, 十五五/15th mean 2030.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.domain.models import Direction, Target

# Chinese units, longest first so that 万吨标准煤 wins over 吨.
ZH_UNITS = sorted([
    "万千瓦时", "亿千瓦时", "千瓦时", "万千瓦", "千瓦", "兆瓦", "吉瓦", "kWh", "kW", "MW", "GW",
    "万吨标准煤", "吨标准煤", "万吨标煤", "吨标煤", "万吨二氧化碳", "万吨", "亿吨", "吨",
    "亿立方米", "万立方米", "立方米", "万平方米", "平方米", "平米", "平方公里", "公顷", "万亩", "亩",
    "公里", "千米", "米", "亿元", "万元", "元",
    "个百分点", "百分点", "%", "％", "克标准煤/千瓦时", "克二氧化碳/千瓦时", "克/千瓦时", "千克标准煤/吨",
    "吨标准煤/万元", "吨二氧化碳/万元", "微克/立方米", "毫克/立方米", "吨/日", "吨/天", "吨/年", "万吨/年",
    "蒸吨/小时", "蒸吨", "万千伏安", "千伏安", "万标准立方米", "标准立方米", "天", "小时", "分贝",
    "个", "座", "辆", "艘", "台", "套", "家", "条", "处", "户", "所", "项", "根", "张", "批", "只",
    "万辆", "万个", "万户", "万台", "万人", "人", "次",
], key=len, reverse=True)

_COMPOUND_UNIT = re.compile(r"[万亿千百]?[\u4e00-\u9fffA-Za-z²³]{1,7}/[\u4e00-\u9fffA-Za-z²³]{1,5}")

# Units that are only a unit after a number when nothing CJK follows that makes them a word.
_ZH_UNIT_RE = re.compile("|".join(re.escape(u) for u in ZH_UNITS))

EN_UNITS: list[tuple[str, str, float]] = [
    # (pattern, unit, multiplier applied to the value)
    (r"million\s+kilowatts?", "kW", 1e6), (r"million\s+kw\b", "kW", 1e6), (r"kilowatt[- ]hours?|kwh\b", "kWh", 1),
    (r"kilowatts?|kw\b", "kW", 1), (r"megawatts?|mw\b", "MW", 1), (r"gigawatts?|gw\b", "GW", 1),
    (r"million\s+tons?\s+of\s+standard\s+coal", "tce", 1e6),
    (r"(?:tons?|tonnes?)\s+of\s+standard\s+coal(?:\s+equivalent)?|tce\b", "tce", 1),
    (r"million\s+(?:tons?|tonnes?)", "t", 1e6), (r"(?:tons?|tonnes?)\b", "t", 1),
    (r"million\s+cubic\s+met(?:er|re)s?", "m³", 1e6), (r"cubic\s+met(?:er|re)s?", "m³", 1),
    (r"million\s+square\s+met(?:er|re)s?", "m²", 1e6), (r"square\s+met(?:er|re)s?|sq\.?\s*m\b|m2\b|m²", "m²", 1),
    (r"square\s+kilomet(?:er|re)s?", "km²", 1), (r"kilomet(?:er|re)s?|km\b", "km", 1), (r"hectares?", "ha", 1),
    (r"mu\b", "mu", 1), (r"billion\s+yuan", "yuan", 1e9), (r"million\s+yuan", "yuan", 1e6), (r"yuan\b", "yuan", 1),
    (r"percentage\s+points?", "percentage points", 1), (r"%|percent\b|per\s+cent\b", "%", 1),
]
_EN_UNIT_RES = [(re.compile(p, re.I), u, m) for p, u, m in EN_UNITS]
EN_COUNTERS = {"stations", "station", "piles", "vehicles", "buses", "parks", "enterprises", "factories",
               "projects", "communities", "bases", "towns", "households", "sets", "units", "schools",
               "companies", "villages", "zones", "areas", "demonstration", "plants", "ships"}

_ZH_NUM = r"\d+(?:[.．]\d+)?"
_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

AT_LEAST_ZH = ("不少于", "不低于", "至少", "超过", "以上", "及以上", "力争", "突破", "达到", "达", "累计", "新增", "完成", "提高到", "提升到", "稳定在")
AT_MOST_ZH = ("不高于", "不超过", "以内", "以下", "控制在", "低于", "少于", "降至", "降到", "下降到", "降低到", "压减到",
              "压减至")
REDUCE_ZH = ("下降", "降低", "减少", "削减", "压减")
INCREASE_ZH = ("增长", "提高", "提升", "增加")
ABOUT_ZH = ("左右", "约")
TARGET_VERBS_ZH = AT_LEAST_ZH + AT_MOST_ZH + REDUCE_ZH + INCREASE_ZH + ABOUT_ZH

_YEAR_ZH = re.compile(r"(?:到|至|截至|截止)?\s*(20\d\d)\s*年(?:底|末)?(?:前|以前)?")
_YEAR_EN = re.compile(r"\b(?:by|in|before|until|through)\s+(?:the\s+end\s+of\s+)?(20\d\d)\b", re.I)
_FYP_ZH = re.compile(r"十([四五六])五")
_FYP_EN = re.compile(r"\b(14|15|16)th\b[^.;]{0,30}?Five[- ]Year", re.I)
_FYP_YEARS = {"四": 2025, "五": 2030, "六": 2035, "14": 2025, "15": 2030, "16": 2035}
_START_YEAR_ZH = re.compile(r"(20\d\d)\s*年起")


@dataclass(frozen=True)
class NumberWithoutUnit:
    value: float
    text: str


def _clauses(text: str) -> list[tuple[int, str]]:
    """Split into clauses (offset, text); commas between digits (294,000) do not split."""
    out, start = [], 0
    for m in re.finditer(r"[。；;！？!?]|[，,](?!\d{3})|\.(?=\s|$)", text):
        if m.start() > start:
            out.append((start, text[start:m.start()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _is_baseline(clause: str, start: int) -> bool:
    return bool(re.search(r"(?:比|较|相比|相较|与)\s*$", clause[:start])
                or re.search(r"(?:compared (?:with|to)|than|over|from|relative to|of)\s*(?:the\s+)?$", clause[:start], re.I))


def _baseline_year(clause: str) -> int | None:
    m = re.search(r"(?:比|较|相比|与)\s*(20\d\d|19\d\d)\s*年", clause) or \
        re.search(r"(?:compared (?:with|to)|than|over|from|relative to)\s+(?:the\s+)?(?:level of\s+)?((?:19|20)\d\d)", clause, re.I)
    return int(m.group(1)) if m else None


def _year_in(clause: str) -> int | None:
    years: list[tuple[int, int]] = []
    for m in _FYP_ZH.finditer(clause):
        years.append((m.start(), _FYP_YEARS[m.group(1)]))
    for m in _FYP_EN.finditer(clause):
        years.append((m.start(), _FYP_YEARS[m.group(1)]))
    if re.search(r"14th and (?:the )?15th", clause, re.I) or "十四五”和“十五五" in clause or "十四五和十五五" in clause:
        years.append((0, 2030))
    for m in _YEAR_ZH.finditer(clause):
        if _is_baseline(clause, m.start()) or re.match(r"\s*(?:起|为|是)", clause[m.end():]):
            continue
        years.append((m.start(), int(m.group(1))))
    for m in _YEAR_EN.finditer(clause):
        if not _is_baseline(clause, m.start()):
            years.append((m.start(), int(m.group(1))))
    return max(years)[1] if years else None


def _direction_zh(before: str, after: str) -> Direction:
    tail = before[-8:]
    if any(w in tail for w in ("不少于", "不低于", "至少", "超过")) or "以上" in after[:6]:
        return Direction.AT_LEAST
    if any(w in after[:6] for w in ("以下", "以内")) or any(w in tail for w in AT_MOST_ZH):
        return Direction.AT_MOST
    if any(w in tail for w in REDUCE_ZH):
        return Direction.REDUCE_BY
    if "左右" in after[:3] or tail.endswith("约"):
        return Direction.ABOUT
    if any(w in tail for w in ("提高", "增长", "增加")) and not any(w in tail for w in ("到", "至")):
        return Direction.INCREASE_BY
    return Direction.AT_LEAST


def _direction_en(before: str, after: str) -> Direction:
    tail = before[-40:].lower()
    if re.search(r"(no|not)\s+(higher|more|greater)\s+than|within|below|at most|under|less than|lower than|control(?:led)? (?:at|within)", tail):
        return Direction.AT_MOST
    if re.search(r"(reduc|decreas|dropp?|declin|cut|fall|fell|lower)\w*(?:\s+\w+){0,3}\s+by|drop(?:ped)? by", tail):
        return Direction.REDUCE_BY
    if re.search(r"\b(about|around|approximately|roughly|some)\s*$", tail):
        return Direction.ABOUT
    if re.search(r"increas\w*\s+by|grow\w*\s+by|rais\w*\s+by", tail):
        return Direction.INCREASE_BY
    return Direction.AT_LEAST


_METRIC_VERBS_ZH = ("提高到", "提升到", "下降到", "降低到", "降至", "控制在", "稳定在", "保持在", "不低于", "不高于", "不少于",
                    "不超过", "达到", "达", "超过", "提高", "提升", "下降", "降低", "减少", "增长", "增加", "新增", "累计",
                    "完成", "建成", "实现", "保持", "为", "在", "分别")


_METRIC_TAIL_ZH = re.compile("(?:" + "|".join(sorted(_METRIC_VERBS_ZH, key=len, reverse=True)) + r")+\s*$")
_METRIC_YEAR_ZH = re.compile(r"(?:^|(?:到|至|截至|截止))\s*20\d\d\s*年(?:底|末)?(?:前|以前)?\s*[，,]?")
_METRIC_FYP_ZH = re.compile(r"(?:“?十[四五六]五”?(?:期间|时期|末)?)\s*[，,]?")
_METRIC_BASE_ZH = re.compile(r"(?:分别)?(?:比|较|相比)\s*(?:19|20)\d\d\s*年?(?:水平)?$|分别$")
_METRIC_YEAR_EN = re.compile(r"\b(?:by|in|before|until)\s+(?:the\s+end\s+of\s+)?20\d\d\b,?", re.I)
_METRIC_TAIL_EN = re.compile(
    r"\b(?:will|shall|should)?\s*(?:reach|be|rise|fall|drop|increase|decrease|exceed|stay|be kept|be controlled|"
    r"be reduced|be raised)?\s*(?:to|by|at|within|over|below|above)?\s*(?:no (?:less|more) than|at least|at most|"
    r"about|around)?\s*$", re.I)
_SPACES = re.compile(r"\s+")


def metric_of(clause: str, at: int, english: bool) -> str:
    """What a figure measures: the words before it, without the year phrase and the target verb
    (到2025年，新能源公交车比例达到96% → 新能源公交车比例). The task text itself is never changed;
    when nothing is left the whole clause is the metric, with its numbers."""
    before = clause[:at]
    if english:
        text = _METRIC_TAIL_EN.sub("", _METRIC_YEAR_EN.sub("", before))
    else:
        text = _METRIC_FYP_ZH.sub("", _METRIC_YEAR_ZH.sub("", before))
        text = _METRIC_TAIL_ZH.sub("", text)
        text = _METRIC_BASE_ZH.sub("", text.rstrip())
        text = _METRIC_TAIL_ZH.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ，,、：:；;“”\"（(")
    return (text or clause.strip())[:80]


def extract_targets(text: str, *, year: int | None = None) -> tuple[list[Target], list[NumberWithoutUnit], list[str]]:
    """Targets in ``text``; also numbers that look like targets but carry no unit, and unknown units."""
    english = not re.search(r"[\u4e00-\u9fff]", text)
    targets: list[Target] = []
    bare: list[NumberWithoutUnit] = []
    unknown: list[str] = []
    current_year = year
    for _offset, clause in _clauses(text):
        y = _year_in(clause)
        if y is not None:
            current_year = y
        starts: list[int] = []
        found = _targets_en(clause, starts) if english else _targets_zh(clause, bare, unknown, starts)
        first_metric = ""
        for (value, unit, direction), at in zip(found, starts, strict=True):
            metric = metric_of(clause, at, english)
            if first_metric and re.search(r"\d", metric):
                metric = first_metric     # 分别下降15%、10%和26%: one metric for the list
            first_metric = first_metric or metric
            targets.append(Target(value=value, unit=unit, year=current_year, direction=direction,
                                  text=clause.strip(), metric=metric, baseline_year=_baseline_year(clause)))
        if english:
            bare.extend(_bare_en(clause, found))
    return targets, bare, unknown


_ZH_NUM_RE = re.compile(_ZH_NUM)
_NOT_A_QUANTITY = re.compile(r"\s*(年|月|日|号线|号|级|星|G\b|kV|KV|千伏|倍|型|届|次全会|周年|类|大|项行动|位)")
_TIMES_BEFORE = re.compile(r"[×xX*＊]\s*$")
_TIMES_AFTER = re.compile(r"\s*[×xX*＊]\s*\d")
_BASELINE_BEFORE = re.compile(r"(?:19|20)\d\d\s*年(?:底|末)?\s*(?:为|是|仅为|约为)\s*$|基期值?为?\s*$|现状值?为?\s*$")


def _targets_zh(clause: str, bare: list[NumberWithoutUnit], unknown: list[str],
                starts: list[int]) -> list[tuple[float, str, Direction]]:
    out: list[tuple[float, str, Direction]] = []
    for m in _ZH_NUM_RE.finditer(clause):
        start, end = m.span()
        before, after = clause[:start], clause[end:]
        if _NOT_A_QUANTITY.match(after):
            continue
        if start and (clause[start - 1].isalnum() and clause[start - 1].isascii()):
            continue   # part of a code: 'PM2.5', 'S1'
        if _TIMES_BEFORE.search(before[-3:]) or _TIMES_AFTER.match(after):
            continue   # a configuration such as 3×200MW, not a target
        if _BASELINE_BEFORE.search(before[-12:]):
            continue   # a baseline (2020年为12.3%), not a target
        value = float(m.group().replace("．", "."))
        rest = after.lstrip()
        scale = rest[:1] if rest[:1] in ("万", "亿") else ""
        um = _ZH_UNIT_RE.match(rest)
        unit_found = um.group() if um else None
        if unit_found is None and scale:
            scaled = _ZH_UNIT_RE.match(rest[1:])
            unit_found = scale + scaled.group() if scaled else None
        if unit_found is None or unit_found in ("吨", "克", "千瓦时"):
            compound = _COMPOUND_UNIT.match(rest)   # any rate: 克二氧化碳/千瓦时, 吨/万元, 立方米/秒
            if compound and len(compound.group()) > len(unit_found or ""):
                unit_found = compound.group()
        if unit_found is not None:
            unit = unit_found
            unit = "%" if unit == "％" else unit
            if unit in ("个", "家", "项", "批", "次") and re.match(r"\s*(个|家|项|批|次)(月|年)", after):
                continue
            direction = _direction_zh(before, rest[len(unit_found):] if rest.startswith(unit_found) else after)
            if out and re.search(r"[%％\w]\s*[、和及与,，]\s*$", before[-4:]) and re.search(r"分别|各|依次", before):
                direction = out[-1][2]   # 分别下降15%、10%和26%: every figure of the list
            out.append((value, unit, direction))
            starts.append(start)
            continue
        governed = any(before.rstrip().endswith(w) for w in TARGET_VERBS_ZH + ("为", "在"))
        if governed:
            nxt = re.match(r"\s*([\u4e00-\u9fff])", after)
            if nxt and nxt.group(1) not in "以左的，、和及或":
                unknown.append(f"{m.group()}{nxt.group(1)}")
            elif re.search(r"(PUE|系数|比值|指数)[^，。；]{0,12}$", before):
                out.append((value, "", _direction_zh(before, after)))
                starts.append(start)
            else:
                bare.append(NumberWithoutUnit(value, clause.strip()))
    return out


def _targets_en(clause: str, starts: list[int]) -> list[tuple[float, str, Direction]]:
    out: list[tuple[float, str, Direction]] = []
    for m in re.finditer(_EN_NUM, clause):
        start, end = m.span()
        before, after = clause[:start], clause[end:]
        if re.match(r"\s*(?:th|st|nd|rd)\b", after) or re.match(r"20\d\d$", m.group()) and not re.match(r"\s*(%|percent)", after):
            continue
        if start and clause[start - 1].isalpha():
            continue
        if re.search(r"[×xX*]\s*$", before) or re.match(r"\s*[×xX*]\s*\d", after):
            continue   # 3×200MW
        value = float(m.group().replace(",", ""))
        rest = after.lstrip()
        for pattern, unit, mult in _EN_UNIT_RES:
            um = pattern.match(rest)
            if um:
                out.append((value * mult, unit, _direction_en(before, after)))
                starts.append(start)
                break
        else:
            words = re.findall(r"[A-Za-z-]+", rest)[:4]
            counter = next((w for w in words if w.lower() in EN_COUNTERS), None)
            if counter and re.match(r"\s*(?:new\s+)?[A-Za-z]", after):
                out.append((value, counter.lower(), _direction_en(before, after)))
                starts.append(start)
            elif re.search(r"PUE[^,;]{0,60}$", before) and re.search(r"than\s*$", before):
                out.append((value, "", _direction_en(before, after)))
                starts.append(start)
    return out


def _bare_en(clause: str, found: list[tuple[float, str, Direction]]) -> list[NumberWithoutUnit]:
    out = []
    for m in re.finditer(r"(?:reach(?:ed|es)?|no (?:less|more|higher|lower) than|at least|more than)\s+(" + _EN_NUM + r")(?![\d.,%])(?!\s*[A-Za-z%])", clause):
        value = float(m.group(1).replace(",", ""))
        if 1900 < value < 2100 or any(f[0] == value for f in found):
            continue
        out.append(NumberWithoutUnit(value, clause.strip()))
    return out


_DUE_ZH = re.compile(r"(?:到|至|截至|截止|在)\s*(20\d\d)\s*年(?:底|末)?(?:前|以前)?|(20\d\d)\s*年(?:底|末|年底)?(?:前|以前)|"
                     r"(20\d\d)\s*年(?:内|年内)")
_DUE_EN = re.compile(r"\b(?:by|before|until|no later than)\s+(?:the\s+end\s+of\s+)?(20\d\d)\b", re.I)


def due_from_text(text: str) -> dt.date | None:
    """The deadline a task's text sets: 到2025年 / 2025年底前 / By 2025 → 2025-12-31 (the latest one named);
    years after 比/较 (baselines) do not count."""
    years = []
    for m in _DUE_ZH.finditer(text):
        if re.search(r"(?:比|较|相比|与)\s*$", text[: m.start()]):
            continue
        years.append(int(next(g for g in m.groups() if g)))
    years += [int(m.group(1)) for m in _DUE_EN.finditer(text)]
    return dt.date(max(years), 12, 31) if years else None


_DEADLINE_LINE = re.compile(r"^\s*[（(]?\s*(?:完成时限|完成时间|时间节点|时限要求|时限|deadline)\s*[:：]\s*(.+)$", re.I)


def due_from_deadline_line(line: str) -> dt.date | None:
    """'完成时限：2025年12月底' / '时间节点：2025年6月' / 'Deadline: 2025-06-30' → that date (month end when no day)."""
    m = _DEADLINE_LINE.match(line)
    if m is None:
        return None
    text = m.group(1)
    d = re.search(r"(20\d\d)\s*[年./-]\s*(\d{1,2})\s*(?:[月./-]\s*(\d{1,2})\s*日?)?", text)
    if d:
        year, month = int(d.group(1)), int(d.group(2))
        if 1 <= month <= 12:
            if d.group(3):
                try:
                    return dt.date(year, month, int(d.group(3)))
                except ValueError:
                    return None
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
    y = re.search(r"(20\d\d)", text)
    return dt.date(int(y.group(1)), 12, 31) if y else None
