"""Find and register the TrueType fonts a GB/T 9704 report needs, and say which were substituted.

Roles follow the standard: 仿宋 body, 黑体 for 一、 headings, 楷体 for （一） headings, 小标宋 for the
title, 宋体 for page numbers, plus an English serif (regular and bold) for the English versions.

For every role the candidates are listed from the most faithful (the user's installed Windows font)
to the least (WenQuanYi Micro Hei stands in for everything). Each candidate is looked up first in
``resources/fonts`` (bundled, with licence files) and then in the usual font folders of Windows,
Linux and macOS. Only TrueType outlines qualify: reportlab cannot embed OpenType/CFF fonts, and the
built-in CID fonts (STSong-Light) are never embedded, so they are not used at all.
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.paths import RESOURCES_DIR

BUNDLED_DIR = RESOURCES_DIR / "fonts"

FANGSONG = "fangsong"
HEI = "hei"
KAI = "kai"
TITLE = "title"
SONG = "song"
SERIF = "serif"
SERIF_BOLD = "serif_bold"

ROLES = (FANGSONG, HEI, KAI, TITLE, SONG, SERIF, SERIF_BOLD)
CJK_ROLES = (FANGSONG, HEI, KAI, TITLE, SONG)

ROLE_LABELS: dict[str, tuple[str, str]] = {
    FANGSONG: ("仿宋", "FangSong"),
    HEI: ("黑体", "SimHei"),
    KAI: ("楷体", "KaiTi"),
    TITLE: ("小标宋", "FZXiaoBiaoSong"),
    SONG: ("宋体", "SimSun"),
    SERIF: ("英文衬线体", "English serif"),
    SERIF_BOLD: ("英文衬线体（粗）", "English serif bold"),
}


@dataclass(frozen=True)
class Candidate:
    files: tuple[str, ...]        # file names, matched case-insensitively
    family: str                   # human name of the font
    genuine: bool                 # True: the font the standard asks for; False: a substitute
    face_hint: str = ""           # for .ttc collections: a substring of the wanted face name


_WQY = Candidate(("wqy-microhei.ttc",), "WenQuanYi Micro Hei", False, "MicroHei")
_WENKAI = Candidate(("LXGWWenKai-Regular.ttf",), "LXGW WenKai", False)
_UMING = Candidate(("uming.ttc",), "AR PL UMing", False, "UMingCN")
_UKAI = Candidate(("ukai.ttc",), "AR PL UKai", False, "UKaiCN")
_SIMSUN = Candidate(("simsun.ttc", "simsun.ttf"), "SimSun 宋体", True, "SimSun")

CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    FANGSONG: (
        Candidate(("simfang.ttf",), "FangSong 仿宋", True),
        Candidate(("FZFSJW.TTF", "FZFSK.TTF", "方正仿宋简体.ttf", "方正仿宋_GBK.ttf"), "FZFangSong 方正仿宋", True),
        Candidate(("STFANGSO.TTF",), "STFangsong 华文仿宋", True),
        _WENKAI, _UMING, _WQY,
    ),
    HEI: (
        Candidate(("simhei.ttf",), "SimHei 黑体", True),
        Candidate(("FZHTJW.TTF", "FZHTK.TTF", "方正黑体简体.ttf", "方正黑体_GBK.ttf"), "FZHei 方正黑体", True),
        Candidate(("STHeiti Medium.ttc", "STHEITI.TTF"), "STHeiti 华文黑体", True),
        _WQY,
    ),
    KAI: (
        Candidate(("simkai.ttf",), "KaiTi 楷体", True),
        Candidate(("FZKTJW.TTF", "FZKTK.TTF", "方正楷体简体.ttf", "方正楷体_GBK.ttf"), "FZKai 方正楷体", True),
        Candidate(("STKAITI.TTF",), "STKaiti 华文楷体", True),
        _WENKAI, _UKAI, _WQY,
    ),
    TITLE: (
        Candidate(("FZXBSJW.TTF", "FZXBSK.TTF", "FZXBSJW--GB1-0.ttf", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf"),
                  "FZXiaoBiaoSong 方正小标宋", True),
        Candidate(_SIMSUN.files, _SIMSUN.family, False, _SIMSUN.face_hint),
        Candidate(("simhei.ttf",), "SimHei 黑体", False),
        _WQY,
    ),
    SONG: (_SIMSUN, Candidate(("STSONG.TTF",), "STSong 华文宋体", True), _UMING, _WQY),
    SERIF: (
        Candidate(("times.ttf", "Times New Roman.ttf"), "Times New Roman", True),
        Candidate(("LiberationSerif-Regular.ttf",), "Liberation Serif", False),
        Candidate(("DejaVuSerif.ttf",), "DejaVu Serif", False),
    ),
    SERIF_BOLD: (
        Candidate(("timesbd.ttf", "Times New Roman Bold.ttf"), "Times New Roman Bold", True),
        Candidate(("LiberationSerif-Bold.ttf",), "Liberation Serif Bold", False),
        Candidate(("DejaVuSerif-Bold.ttf",), "DejaVu Serif Bold", False),
    ),
}


def system_font_dirs() -> list[Path]:
    """The usual font folders of this platform (and the user's own), existing or not."""
    home = Path.home()
    dirs: list[Path] = []
    extra = os.environ.get("PEAKDESK_FONT_DIRS", "")
    dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs += [Path(local) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                 Path("/System/Library/Fonts/Supplemental")]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
        dirs += [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return dirs


def _index_dirs(dirs: list[Path]) -> dict[str, Path]:
    """Lower-cased file name → first path found (earlier folders win)."""
    found: dict[str, Path] = {}
    for base in dirs:
        if not base.is_dir():
            continue
        for root, _subdirs, files in os.walk(base):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _sfnt_offsets(path: Path) -> list[int]:
    """Offsets of the font tables directories in a .ttf (one) or .ttc (several)."""
    with path.open("rb") as fh:
        head = fh.read(12)
        if head[:4] != b"ttcf":
            return [0]
        count = struct.unpack(">I", head[8:12])[0]
        return list(struct.unpack(f">{count}I", fh.read(4 * count)))


def is_truetype(path: Path, index: int = 0) -> bool:
    """True when the font (or face ``index`` of a collection) has TrueType outlines, not CFF."""
    try:
        offsets = _sfnt_offsets(path)
        with path.open("rb") as fh:
            fh.seek(offsets[index])
            tag = fh.read(4)
    except (OSError, IndexError, struct.error):
        return False
    return tag in (b"\x00\x01\x00\x00", b"true")


def _face_index(path: Path, hint: str) -> int:
    """Index of the face of a collection whose PostScript name contains ``hint`` (else 0)."""
    if not hint or not path.name.lower().endswith(".ttc"):
        return 0
    for index in range(len(_sfnt_offsets(path))):
        try:
            name = TTFontFile(str(path), subfontIndex=index, validate=0).name
        except Exception:  # a broken face: skip it
            continue
        text = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        if hint.lower() in text.lower():
            return index
    return 0


@dataclass(frozen=True)
class FontChoice:
    role: str
    family: str
    path: Path
    index: int
    genuine: bool
    bundled: bool
    pdf_name: str                 # the name registered with reportlab

    def describe(self, lang: str = "zh") -> str:
        zh, en = ROLE_LABELS[self.role]
        role = zh if lang.startswith("zh") else en
        where = ("内置" if lang.startswith("zh") else "bundled") if self.bundled else \
            ("系统" if lang.startswith("zh") else "installed")
        if self.genuine:
            return f"{role}: {self.family} ({where})"
        sub = "替代" if lang.startswith("zh") else "substitute"
        return f"{role}: {self.family} ({sub}, {where})"


@dataclass(frozen=True)
class FontSet:
    """The fonts chosen for every role, registered with reportlab."""

    choices: dict[str, FontChoice]

    def name(self, role: str) -> str:
        return self.choices[role].pdf_name

    @property
    def substitutes(self) -> list[FontChoice]:
        return [c for c in self.choices.values() if not c.genuine]

    def summary(self, lang: str = "zh") -> str:
        """One line per role, for the GUI and the PDF metadata."""
        return "; ".join(self.choices[r].describe(lang) for r in ROLES)

    def substitutes_text(self, lang: str = "zh") -> str:
        subs = self.substitutes
        if not subs:
            return "未使用替代字体" if lang.startswith("zh") else "no substitute fonts"
        head = "替代字体" if lang.startswith("zh") else "substitute fonts"
        return f"{head}: " + "; ".join(c.describe(lang) for c in subs)


class FontsMissing(PeakDeskError):
    """No usable TrueType font for a role: the bundled fonts were removed and none is installed."""


_REGISTERED: dict[tuple[str, int], str] = {}
_CACHE: dict[tuple[str, ...], FontSet] = {}


def _register(path: Path, index: int) -> str:
    key = (str(path), index)
    if key not in _REGISTERED:
        name = f"PD-{path.stem}-{index}-{len(_REGISTERED)}"
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        _REGISTERED[key] = name
    return _REGISTERED[key]


def find_fonts(search_dirs: list[Path] | None = None, bundled_dir: Path | None = None) -> FontSet:
    """Choose and register a font for every role (cached per set of folders)."""
    bundled_dir = BUNDLED_DIR if bundled_dir is None else bundled_dir
    dirs = system_font_dirs() if search_dirs is None else list(search_dirs)
    cache_key = (str(bundled_dir), *map(str, dirs))
    if cache_key in _CACHE:
        return _CACHE[cache_key]
    bundled = _index_dirs([bundled_dir])
    system = _index_dirs(dirs)
    choices: dict[str, FontChoice] = {}
    for role in ROLES:
        choices[role] = _choose(role, bundled, system)
    fontset = FontSet(choices)
    _CACHE[cache_key] = fontset
    return fontset


def _choose(role: str, bundled: dict[str, Path], system: dict[str, Path]) -> FontChoice:
    for cand in CANDIDATES[role]:
        for file_name in cand.files:
            for table, is_bundled in ((bundled, True), (system, False)):
                path = table.get(file_name.lower())
                if path is None:
                    continue
                index = _face_index(path, cand.face_hint)
                if not is_truetype(path, index):
                    continue
                try:
                    pdf_name = _register(path, index)
                except Exception:  # unreadable or unsupported: try the next candidate
                    continue
                return FontChoice(role, cand.family, path, index, cand.genuine, is_bundled, pdf_name)
    raise FontsMissing(msg("reports.fonts_missing", role=msg(f"reports.font_role.{role}"),
                           file=CANDIDATES[role][0].files[0], folder=BUNDLED_DIR.name))


def default_fonts() -> FontSet:
    return find_fonts()
