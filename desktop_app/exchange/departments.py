"""Responsible-unit names: splitting a printed list into units and resolving them with the glossary.

The glossary (``data/dept_glossary.json``) knows the usual department names at district, city and
province level in Chinese and English. A level prefix (区/市/省, District/Municipal/Provincial) is
taken off before lookup and put back on the canonical names; the code gets ``M-`` (市) or ``P-``
(省) in front so that 区发展改革委 and 市发展改革委 stay two departments. A name without a level
takes the plan's dominant level. Database aliases are consulted before the glossary by the service.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from desktop_app.domain.models import DeptKind
from desktop_app.paths import DATA_DIR

GLOSSARY_PATH = DATA_DIR / "dept_glossary.json"

LEVEL_ZH = {"district": "区", "city": "市", "province": "省", "county": "县", "none": ""}
LEVEL_EN = {"district": "District", "city": "Municipal", "province": "Provincial", "county": "County", "none": ""}
LEVEL_CODE = {"district": "", "city": "M-", "province": "P-", "county": "C-", "none": "N-"}

_EN_LEVEL_START = re.compile(r"^(?:the\s+)?(district|municipal|city|provincial|province)\s+", re.I)
_EN_LEVEL_OF = re.compile(r"\s+of\s+(?:the\s+)?(district|municipality|municipal|city|province)\b", re.I)
_EN_WORD_LEVEL = {"district": "district", "municipal": "city", "municipality": "city", "city": "city",
                  "provincial": "province", "province": "province"}
_STOP = {"the", "of", "and", "&", "for", "a", "an"}


@dataclass(frozen=True)
class GlossaryEntry:
    code: str
    zh: str
    en: str
    kind: DeptKind = DeptKind.FUNCTIONAL
    leveled: bool = True
    zh_aliases: tuple[str, ...] = ()
    en_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """A glossary hit, with the level applied."""

    code: str
    name_zh: str
    name_en: str
    kind: DeptKind
    zh_aliases: tuple[str, ...] = ()
    en_aliases: tuple[str, ...] = ()


def en_key(name: str) -> str:
    """Order-free key for an English name: 'Bureau of Planning and Resources' = 'Planning and Resources Bureau'."""
    words = re.findall(r"[a-z0-9']+", name.lower().replace("&", " and "))
    canon = {"committee": "commission", "centre": "center", "transport": "transportation",
             "organisation": "organization", "civilisation": "civilization", "administration": "management",
             "co": "company"}
    return " ".join(sorted(canon.get(w, w) for w in words if w not in _STOP))


def zh_key(name: str) -> str:
    return re.sub(r"[\s（）()、，,]", "", name)


def is_english(text: str) -> bool:
    return not re.search(r"[\u4e00-\u9fff]", text)


@dataclass
class Glossary:
    entries: list[GlossaryEntry] = field(default_factory=list)
    _zh: dict[str, GlossaryEntry] = field(default_factory=dict, repr=False)
    _en: dict[str, GlossaryEntry] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path = GLOSSARY_PATH) -> Glossary:
        raw = json.loads(path.read_text(encoding="utf-8"))
        g = cls()
        for group, leveled in (("leveled", True), ("placeholders", False), ("named", False)):
            for item in raw.get(group, []):
                kind = DeptKind(item.get("kind", "placeholder" if group == "placeholders" else "functional"))
                g.add(GlossaryEntry(item["code"], item["zh"], item["en"], kind, leveled,
                                    tuple(item.get("zh_aliases", [])), tuple(item.get("en_aliases", []))))
        return g

    def add(self, entry: GlossaryEntry) -> None:
        """Index an entry under its names; an alias counts only when it is a spelling of the same unit
        (same kind of body, the shorter name's characters in order in the longer one), so that the
        glossary never maps 工业和信息化局 onto 经委 or 水利局 onto 水务局."""
        self.entries.append(entry)
        for zh in (entry.zh, *entry.zh_aliases):
            if zh == entry.zh or not entry.leveled or same_unit_zh(zh, entry.zh):
                self._zh.setdefault(zh_key(zh), entry)
        for en in (entry.en, *entry.en_aliases):
            if en == entry.en or not entry.leveled or same_unit_en(en, entry.en):
                self._en.setdefault(en_key(en), entry)

    def lookup(self, name: str, *, default_level: str | None = "district") -> Resolved | None:
        """Resolve a printed unit name, or None when the glossary does not know it."""
        name = clean_unit(name)
        if not name:
            return None
        if is_english(name):
            level, base = split_level_en(name)
            entry = self._en.get(en_key(base))
            if entry is None and level is not None:   # 'City Appearance…' must not lose its 'City'
                entry = self._en.get(en_key(name))
                level = None if entry else level
        else:
            level, base = split_level_zh(name)
            entry = self._zh.get(zh_key(base))
            if entry is None and level is not None:
                entry = self._zh.get(zh_key(name))
                level = None if entry else level
        if entry is None:
            return None
        return self.resolve_entry(entry, level or default_level or "none")

    @staticmethod
    def resolve_entry(entry: GlossaryEntry, level: str) -> Resolved:
        if not entry.leveled:
            return Resolved(entry.code, entry.zh, entry.en, entry.kind, entry.zh_aliases, entry.en_aliases)
        zh_prefix, en_prefix = LEVEL_ZH[level], LEVEL_EN[level]
        party = "of the Party Committee"
        en_name = entry.en.replace(party, f"of the {en_prefix} Party Committee".replace("  ", " ")) \
            if entry.en.endswith(party) else f"{en_prefix} {entry.en}".strip()
        return Resolved(LEVEL_CODE[level] + entry.code, zh_prefix + entry.zh, en_name, entry.kind,
                        tuple(zh_prefix + a for a in entry.zh_aliases if same_unit_zh(a, entry.zh)),
                        tuple(f"{en_prefix} {a}".strip() for a in entry.en_aliases if same_unit_en(a, entry.en)))


_ZH_BODY = (("委员会", "委"), ("委", "委"), ("办公室", "办"), ("办", "办"), ("分局", "分局"), ("局", "局"), ("厅", "局"), ("中心", "中心"),
            ("部", "部"), ("公司", "公司"), ("政府", "政府"), ("联合会", "联"), ("妇联", "联"), ("校", "校"))
def _body_zh(name: str) -> str:
    return next((cls for end, cls in _ZH_BODY if name.endswith(end)), name[-1:])


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def same_unit_zh(a: str, b: str) -> bool:
    """Two spellings of one unit: 发改委 / 发展改革委 / 发展和改革委员会 (not 发改局, not 工信局 / 经委)."""
    if _body_zh(a) != _body_zh(b):
        return False
    def core(n: str) -> str:
        n = zh_key(n)
        end = next((e for e, _c in _ZH_BODY if n.endswith(e)), "")
        return n[: len(n) - len(end)] if end else n

    short, long = sorted((core(a), core(b)), key=len)
    return bool(short) and _subsequence(short, long)


_EN_DISTINGUISH = {"industry", "information", "informatization", "housing", "forestry", "conservancy", "resources",
                   "natural", "urban", "environmental", "protection"}


def same_unit_en(a: str, b: str) -> bool:
    """English renderings vary widely, so an English alias is only refused when it names something the
    canonical name does not (Industry and Information Technology is not the Economic Commission)."""
    wa = set(re.findall(r"[a-z]+", a.lower()))
    wb = set(re.findall(r"[a-z]+", b.lower()))
    return not ((wa - wb) & _EN_DISTINGUISH)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()


def split_level_zh(name: str) -> tuple[str | None, str]:
    for level, prefix in LEVEL_ZH.items():
        if prefix and name.startswith(prefix) and len(name) > 2:
            return level, name[1:]
    return None, name


def split_level_en(name: str) -> tuple[str | None, str]:
    m = _EN_LEVEL_START.match(name)
    if m:
        return _EN_WORD_LEVEL[m.group(1).lower()], name[m.end():]
    m = _EN_LEVEL_OF.search(name)
    if m:
        return _EN_WORD_LEVEL[m.group(1).lower()], (name[: m.start()] + name[m.end():]).strip()
    return None, name


def dominant_level(names: list[str]) -> str:
    """The level most unit names carry (区 for a district plan, 市 for a city plan …)."""
    counts = {"district": 0, "city": 0, "province": 0}
    for n in names:
        level = split_level_en(n)[0] if is_english(n) else split_level_zh(n)[0]
        if level:
            counts[level] += 1
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "district"


# --- splitting a printed list of units ---------------------------------------------------------------

_ZH_GROUP_TAIL = re.compile(
    r"^(?P<dept>.+?)等(?P<group>(?:其他|各)?(?:相关|有关)(?:职能)?(?:部门|单位)|各街镇|相关街镇)$")
_EN_GROUP_TAIL = re.compile(
    r"^(?P<dept>.+?)\s+and\s+(?P<group>(?:other|all)\s+(?:relevant|related)\s+(?:functional\s+)?"
    r"(?:departments|units|authorities))$", re.I)


def clean_unit(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" \t.。;；,，、:：")
    name = re.sub(r"^(?:the|and)\s+", "", name, flags=re.I)
    name = re.sub(r"^(?:等|及|和)", "", name)
    return name.strip()


def split_units(text: str) -> list[str]:
    """'区发展改革委、区建管委等相关职能部门,各街镇' → ['区发展改革委', '区建管委', '相关职能部门', '各街镇']."""
    text = text.strip().strip("。.;；")
    english = is_english(text)
    parts = re.split(r"\s*(?:,\s*and\s+|[,，;；])\s*", text) if english else re.split(r"[、，,;；/]", text)
    out: list[str] = []
    for part in parts:
        part = clean_unit(part)
        if not part:
            continue
        m = (_EN_GROUP_TAIL if english else _ZH_GROUP_TAIL).match(part)
        if m:
            out.extend(x for x in (clean_unit(m.group("dept")), clean_unit(m.group("group"))) if x)
            continue
        out.append(part)
    return out


