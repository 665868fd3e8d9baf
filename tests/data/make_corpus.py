"""Generate the hostile / broken workbook corpus (deterministic; nothing here is a hand-placed binary).

    python -m tests.data.make_corpus [OUT_DIR] [--quick]

builds a demo database in OUT_DIR, issues real exchange workbooks from it (department A, department B),
fills A's in, and derives every case from that filled workbook, so each mutation gets past the earlier
checks and reaches the one it is aimed at. A second demo database ("foreign") issues a workbook to
the same department: a workbook from another database. ``cases.json`` lists every case with what
must happen to it (rejected naming which cells, or accepted by which documented rule and with which
stored values). Default OUT_DIR: tests/data/corpus (git-ignored).

``--quick`` makes the expensive cases smaller (the test suite uses it); every category stays.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import shutil
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.data.hostile import EXPECTED_MESSAGE, HOSTILE_VARIANTS, hostile_variant

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
PERIOD = "2025-10"
SEED = 8_2025
PROGRESS_SHEET = "进度填报 Progress"
META_SHEET = "_meta"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# Every case the generator writes, in order (tests parametrize over these names).
CASE_NAMES = (
    "filled_ok", "not_zip", "truncated", "zip_bomb", "zip_bomb_lying", "entities_shared_strings",
    "entities_sheet", "dimension_bomb", "far_cell", "encrypted", "old_xls", "csv_renamed", "xlsm", "extra_rows",
    "huge_cell", "control_chars_escaped", "control_chars_raw", "formula_dde", "formula_hyperlink", "date_in_text",
    "date_as_percent", "date_as_indicator", "percent_text", "percent_fraction", "percent_zh_words",
    "percent_en_words", "meta_dept_b", "meta_b_package", "meta_b_copy", "foreign_db", "foreign_db_known_id", "meta_version_inf",
    *HOSTILE_VARIANTS,
)
# The categories issue 8 lists; every one has at least one case.
CATEGORIES = (
    "not a zip", "truncated", "zip bomb", "XML entity expansion", "dimension bomb", "encrypted", "old .xls",
    "CSV renamed", "macro-enabled", "extra rows", "10 MB cell", "control characters", "formulas", "dates as text",
    "percent forms", "authenticity",
    # issue 13
    "far cell spellings", "part resolution", "huge reservation", "lying zip directory", "zip structure", "deep JSON",
    "element flood",
)


@dataclass
class Case:
    name: str
    category: str
    file: str                                   # file name inside the corpus folder
    expect: str                                 # "rejected" | "accepted"
    what: str                                   # one line: what the file is
    cells: list[str] = field(default_factory=list)        # rejection must name these (sheet!cell)
    message: str = ""                           # rejection message must contain this (case-insensitive)
    rule: str = ""                              # accepted: the documented rule applied
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # accepted: task code → stored fields


@dataclass
class Corpus:
    folder: Path
    db: Path                                    # the demo database the workbooks were issued from
    dept_a: str
    dept_b: str
    codes_a: list[str]
    cases: list[Case]

    def case(self, name: str) -> Case:
        return next(c for c in self.cases if c.name == name)

    def path(self, case: Case) -> Path:
        return self.folder / case.file

    def save(self) -> Path:
        manifest = self.folder / "cases.json"
        data = {"db": self.db.name, "dept_a": self.dept_a, "dept_b": self.dept_b, "codes_a": self.codes_a,
                "cases": [asdict(c) for c in self.cases]}
        manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return manifest


def load_corpus(folder: Path) -> Corpus:
    data = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    return Corpus(folder, folder / data["db"], data["dept_a"], data["dept_b"], data["codes_a"],
                  [Case(**c) for c in data["cases"]])


# --- zip / xml helpers ------------------------------------------------------------------------------

def rewrite_zip(src: Path, dst: Path, *, replace: dict[str, bytes] | None = None,
                add: dict[str, bytes] | None = None) -> Path:
    """Copy a zip member by member, replacing / adding some (deflated, deterministic timestamps)."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, None)
            zout.writestr(_info(info.filename), zin.read(info.filename) if data is None else data)
        for name, data in add.items():
            zout.writestr(_info(name), data)
    return dst


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2025, 10, 20, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def sheet_part(path: Path, sheet_name: str) -> str:
    """The zip member holding ``sheet_name`` (through workbook.xml and its relationships)."""
    with zipfile.ZipFile(path) as zf:
        wb = zf.read("xl/workbook.xml").decode("utf-8")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wb):
        tag = m.group(0)
        name = re.search(r'name="([^"]*)"', tag)
        if name and _unescape(name.group(1)) == sheet_name:
            rid = re.search(r'r:id="([^"]*)"|\bid="([^"]*)"', tag)
            assert rid
            rel_id = rid.group(1) or rid.group(2)
            for r in re.finditer(r"<Relationship\b[^>]*>", rels):
                if f'Id="{rel_id}"' in r.group(0):
                    target = re.search(r'Target="([^"]*)"', r.group(0))
                    assert target
                    t = target.group(1).lstrip("/")
                    return t if t.startswith("xl/") else f"xl/{t}"
    raise KeyError(sheet_name)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_cells(xml: str, cells: dict[str, str]) -> str:
    """Replace whole ``<c>`` elements (keeping each cell's style ``s``) with the given inner XML.

    ``cells`` maps a reference to ``'t="str"><f>…</f><v>…</v>'``-style text: the attributes after the
    reference and style, then the content. The cell must exist in the sheet (issued workbooks style
    every editable cell, so it does).
    """
    for ref, body in cells.items():
        pattern = re.compile(rf'<c r="{ref}"(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</c>)', re.S)
        m = pattern.search(xml)
        if not m:
            raise KeyError(ref)
        style = re.search(r'\bs="(\d+)"', m.group("attrs"))
        s = f' s="{style.group(1)}"' if style else ""
        xml = xml[: m.start()] + f'<c r="{ref}"{s} {body}</c>' + xml[m.end():]
    return xml


def inline(text: str) -> str:
    return f't="inlineStr"><is><t xml:space="preserve">{_esc(text)}</t></is>'


def mutate_sheet(src: Path, dst: Path, sheet_name: str, edit: Callable[[str], str]) -> Path:
    part = sheet_part(src, sheet_name)
    with zipfile.ZipFile(src) as zf:
        xml = zf.read(part).decode("utf-8")
    return rewrite_zip(src, dst, replace={part: edit(xml).encode("utf-8")})


# --- compound file (OLE2/CFB) writer: old .xls and the fallback for an encrypted workbook -------------

def write_cfb(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal but valid Compound File Binary (v3, 512-byte sectors) holding ``streams``.

    Every stream is padded to 4096 bytes so that none lives in the mini stream; up to 3 streams and
    126 data sectors, which is all this corpus needs.
    """
    sector = 512
    end, free, fatsect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    assert 1 <= len(names) <= 3
    data = [streams[n] + b"\0" * max(0, 4096 - len(streams[n])) for n in names]
    fat = [fatsect, end]                      # sector 0: FAT, sector 1: directory
    starts = []
    for blob in data:
        count = -(-len(blob) // sector)
        first = len(fat)
        starts.append(first)
        fat.extend(list(range(first + 1, first + count)) + [end])
    assert len(fat) <= 128
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    dirs = entry("Root Entry", 5, 1, free, end, 0)
    for i, (name, blob) in enumerate(zip(names, data, strict=True), start=1):
        dirs += entry(name, 2, free, i + 1 if i < len(names) else free, starts[i - 1], len(blob))
    dirs = dirs.ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    body = header + struct.pack("<128I", *fat) + dirs + b"".join(data)
    path.write_bytes(body)
    return path


def biff8_stream() -> bytes:
    """A BIFF8 workbook stream: BOF (workbook globals), a BOF/EOF worksheet, EOF."""
    def rec(kind: int, payload: bytes) -> bytes:
        return struct.pack("<HH", kind, len(payload)) + payload
    bof_globals = rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    bof_sheet = rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0x000100C1, 0x00000406))
    return bof_globals + rec(0x000A, b"") + bof_sheet + rec(0x000A, b"")


def encrypt_workbook(src: Path, dst: Path, password: str) -> str:
    """Encrypt ``src`` as Excel does ("Encrypt with Password"); returns how it was made."""
    try:
        import msoffcrypto  # test extra: real ECMA-376 agile encryption
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:  # pragma: no cover - the test extra installs it
        info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"
        write_cfb(dst, {"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", src.stat().st_size)})
        return "compound file with EncryptionInfo/EncryptedPackage streams (msoffcrypto-tool not installed)"
    del msoffcrypto
    with src.open("rb") as fin, dst.open("wb") as fout:
        OOXMLFile(fin).encrypt(password, fout)
    return "encrypted with msoffcrypto-tool (ECMA-376 agile encryption, as Excel writes it)"


# --- building the corpus ------------------------------------------------------------------------------

def fill_issued(src: Path, dst: Path, rows: int, overrides: dict[str, Any] | None = None) -> Path:
    """Fill every task row of an issued workbook with plausible progress (openpyxl, as a clerk's Excel would)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(src)
    ws = wb[PROGRESS_SHEET]
    for r in range(3, 3 + rows):
        ws[f"F{r}"] = "推进中"
        ws[f"G{r}"] = 40 + r
        ws[f"I{r}"] = f"第{r - 2}项任务按计划推进，完成阶段性工作。"
        ws[f"K{r}"] = "继续推进。"
    for ref, value in (overrides or {}).items():
        ws[ref] = value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb.save(dst)
    return dst


def _pick_departments(db: Any, plan_id: int) -> tuple[str, str]:
    from desktop_app.store.cycle import departments_by_id, held_tasks

    held = held_tasks(db, plan_id)
    depts = departments_by_id(db)
    sized = sorted((len(tasks), depts[d].code) for d, tasks in held.items() if len(tasks) >= 3)
    # small workbooks keep the corpus fast; two different departments for the authenticity cases
    return sized[0][1], sized[1][1]


def issue_workbooks(db_path: Path, out: Path, depts: list[str] | None = None) -> list[Any]:
    """Issue the period's workbooks from ``db_path`` (all departments, or ``depts``); the packages."""
    from desktop_app.services.clock import today
    from desktop_app.services.issue_packages import export_packages
    from desktop_app.store.db import open_database

    db = open_database(db_path)
    try:
        plan_id = int(db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0])
        result = export_packages(db, plan_id, PERIOD, out, today=today(db), departments=depts)
    finally:
        db.close()
    return list(result.packages)


def _issue(db_path: Path, out: Path, depts: list[str]) -> dict[str, Path]:
    return {p.department: p.file for p in issue_workbooks(db_path, out, depts)}


def build_corpus(out: Path = CORPUS_DIR, *, quick: bool = False) -> Corpus:
    from desktop_app.services.demo import build_demo
    from desktop_app.store.db import open_database

    rng = random.Random(SEED)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    work = out / "_issued"
    work.mkdir()
    db_path = out / "demo.sqlite"
    build_demo(db_path)
    db = open_database(db_path)
    try:
        plan_id = int(db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0])
        dept_a, dept_b = _pick_departments(db, plan_id)
    finally:
        db.close()
    issued = _issue(db_path, work, [dept_a, dept_b])
    foreign_db = work / "foreign.sqlite"
    build_demo(foreign_db)
    foreign = _issue(foreign_db, work / "foreign", [dept_a])[dept_a]
    foreign_db.unlink()

    from python_calamine import CalamineWorkbook

    grid = CalamineWorkbook.from_path(str(issued[dept_a])).get_sheet_by_name(PROGRESS_SHEET).to_python()
    codes_a = [str(r[0]) for r in grid[2:] if r and r[0]]
    n = len(codes_a)
    filled = fill_issued(issued[dept_a], work / "filled_a.xlsx", n)
    meta_part = sheet_part(filled, META_SHEET)
    cases: list[Case] = []
    P = PROGRESS_SHEET  # noqa: N806

    def add(case: Case, make: Callable[[Path], object]) -> None:
        make(out / case.file)
        cases.append(case)

    # 0. the control: a correctly filled workbook is accepted
    add(Case("filled_ok", "control", "00_filled_ok.xlsx", "accepted", "issued workbook filled in normally",
             rule="normal merge", values={codes_a[0]: {"status": "in_progress", "percent": 43.0}}),
        lambda p: shutil.copy(filled, p))

    # 1. not a zip / truncated / zip bombs / XML entity expansion / dimension bomb
    add(Case("not_zip", "not a zip", "01_not_a_zip.xlsx", "rejected", "random bytes named .xlsx",
             message="not an Excel workbook"),
        lambda p: p.write_bytes(bytes(rng.randrange(256) for _ in range(20_000))))
    add(Case("truncated", "truncated", "02_truncated.xlsx", "rejected", "filled workbook cut at 60 %",
             message="damaged or incomplete"),
        lambda p: p.write_bytes(filled.read_bytes()[: int(filled.stat().st_size * 0.6)]))
    bomb_mb = 8 if quick else 400
    add(Case("zip_bomb", "zip bomb", "03_zip_bomb.xlsx", "rejected",
             f"tiny file whose sharedStrings part unpacks to {bomb_mb} MB", message="zip bomb"),
        lambda p: _zip_bomb(filled, p, bomb_mb, lie=False))
    add(Case("zip_bomb_lying", "zip bomb", "04_zip_bomb_lying.xlsx", "rejected",
             f"zip bomb ({bomb_mb} MB sharedStrings) whose zip directory claims 64 KB",
             message="cannot be read"),
        lambda p: _zip_bomb(filled, p, bomb_mb, lie=True))
    add(Case("entities_shared_strings", "XML entity expansion", "05_billion_laughs_sst.xlsx", "rejected",
             "billion-laughs DOCTYPE in sharedStrings, used by a narrative cell", message="cannot be read"),
        lambda p: _billion_laughs_sst(filled, p))
    add(Case("entities_sheet", "XML entity expansion", "06_billion_laughs_sheet.xlsx", "rejected",
             "billion-laughs DOCTYPE in the progress sheet", message="damaged"),
        lambda p: mutate_sheet(filled, p, P, lambda x: _laughs_doctype("worksheet") + _strip_decl(
            set_cells(x, {"I3": 't="inlineStr"><is><t>&lol9;</t></is>'}))))
    add(Case("dimension_bomb", "dimension bomb", "07_dimension_bomb.xlsx", "accepted",
             '<dimension ref="A1:XFD1048576"/> on the progress sheet',
             rule="the declared dimension is ignored; only real cells are read",
             values={codes_a[0]: {"percent": 43.0}}),
        lambda p: mutate_sheet(filled, p, P, lambda x: re.sub(r'<dimension ref="[^"]*"/>',
                                                             '<dimension ref="A1:XFD1048576"/>', x)))
    add(Case("far_cell", "dimension bomb", "08_cell_at_XFD1048576.xlsx", "rejected",
             "one extra cell at XFD1048576 (the sheet's last cell)", cells=[f"{P}!XFD1048576"]),
        lambda p: mutate_sheet(filled, p, P, lambda x: x.replace(
            "</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')))

    # 2. containers that are not a plain .xlsx
    how = {"encrypted": ""}

    def encrypted(p: Path) -> None:
        how["encrypted"] = encrypt_workbook(filled, p, "secret")
    add(Case("encrypted", "encrypted", "09_encrypted.xlsx", "rejected", "password-protected workbook",
             message="password"), encrypted)
    cases[-1].what += f" ({how['encrypted']})"
    add(Case("old_xls", "old .xls", "10_old_format.xls.xlsx", "rejected",
             "Excel 97-2003 compound file (BIFF8 Workbook stream) named .xlsx", message=".xls"),
        lambda p: write_cfb(p, {"Workbook": biff8_stream()}))
    add(Case("csv_renamed", "CSV renamed", "11_csv_renamed.xlsx", "rejected", "CSV text named .xlsx",
             message="text or CSV"),
        lambda p: p.write_text("任务编号,推进状态,完成进度\n" + "".join(f"{c},推进中,50\n" for c in codes_a),
                               encoding="utf-8-sig"))
    add(Case("xlsm", "macro-enabled", "12_macro_enabled.xlsx", "rejected",
             "vbaProject.bin part and macroEnabled content type", message="macro"),
        lambda p: _macro(filled, p))

    # 3. size
    extra = 5_000 if quick else 100_000
    add(Case("extra_rows", "extra rows", "13_extra_rows.xlsx", "rejected",
             f"{extra:,} rows added below the tasks", cells=[f"{P}!A{3 + n}"], message="do not add rows"),
        lambda p: mutate_sheet(filled, p, P, lambda x: _extra_rows(x, 3 + n, extra)))
    big = 10 * 1024 * 1024
    add(Case("huge_cell", "10 MB cell", "14_10MB_in_one_cell.xlsx", "rejected",
             "10 MB of text in one narrative cell", cells=[f"{P}!I3"], message="at most 2000"),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {"I3": inline(_text(rng, big))})))

    # 4. content: control characters, formulas, dates, percent forms
    add(Case("control_chars_escaped", "control characters", "15_control_chars_escaped.xlsx", "accepted",
             "narrative with _x0007_/_x001B_ escapes (how Excel stores control characters)",
             rule="control characters XML cannot carry are dropped",
             values={codes_a[0]: {"narrative": "响铃和转义已清除"}}),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(
            x, {"I3": 't="inlineStr"><is><t>响铃_x0007_和转义_x001B_已清除</t></is>'})))
    add(Case("control_chars_raw", "control characters", "16_control_chars_raw.xlsx", "accepted",
             "raw U+0001/U+0008 bytes inside a cell (not allowed in XML 1.0)",
             rule="control characters XML cannot carry are dropped", values={codes_a[0]: {"narrative": "badbytes"}}),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(
            x, {"I3": 't="inlineStr"><is><t>bad\x01\x08bytes</t></is>'})))
    add(Case("formula_dde", "formulas", "17_formula_dde.xlsx", "accepted",
             "DDE formula =cmd|'/c calc'!A1 in the narrative (cached value '#REF!')",
             rule="a formula in a text column is stored as its text without '=' (the cell named in a warning), "
                  "never its error value",
             values={codes_a[0]: {"narrative": "cmd|'/c calc'!A1"}}),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(
            x, {"I3": "t=\"e\"><f>cmd|'/c calc'!A1</f><v>#REF!</v>"})))
    add(Case("formula_hyperlink", "formulas", "18_formula_hyperlink.xlsx", "accepted",
             'HYPERLINK formula in the narrative, a typed "=1+1" text and a formula percent',
             rule="formula text without '=' in text columns, the calculated number in the percent cell "
                  "(cells named in warnings); text starting with '=' stays text",
             values={codes_a[0]: {"narrative": 'HYPERLINK("http://example.invalid/x","点击查看")', "percent": 85.0},
                     **({codes_a[1]: {"narrative": "=cmd|'/c calc'!A1"}} if n > 1 else {})}),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {
            "I3": 't="str"><f>HYPERLINK("http://example.invalid/x","点击查看")</f><v>点击查看</v>',
            "G3": "><f>50+35</f><v>85</v>",
            **({"I4": inline("=cmd|'/c calc'!A1")} if n > 1 else {})})))
    add(Case("date_in_text", "dates as text", "19_date_cells.xlsx", "accepted",
             "a real date in the narrative, a date-formatted serial in the phone column",
             rule="dates in text columns are read as ISO text",
             values={codes_a[0]: {"narrative": "2025-10-08"}}),
        lambda p: fill_issued(issued[dept_a], p, n, {"I3": _date(2025, 10, 8)}))
    add(Case("date_as_percent", "dates as text", "20_date_text_in_percent.xlsx", "rejected",
             'percent written "2025/10/08"', cells=[f"{P}!G3"], message="not a number"),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {"G3": inline("2025/10/08")})))
    add(Case("date_as_indicator", "dates as text", "21_date_text_in_indicator.xlsx", "rejected",
             'indicator value written "2025年10月8日"', cells=[f"{P}!H3"], message="not a number"),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {"H3": inline("2025年10月8日")})))
    add(Case("percent_text", "percent forms", "22_percent_85pct.xlsx", "accepted",
             'percent typed as text "85%" and full-width "７０．５％"',
             rule='"85%" is read as 85 (NFKC first, so "７０．５％" is 70.5)',
             values={codes_a[0]: {"percent": 85.0}, **({codes_a[1]: {"percent": 70.5}} if n > 1 else {})}),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(
            x, {"G3": inline("85%"), **({"G4": inline("７０．５％")} if n > 1 else {})})))
    add(Case("percent_fraction", "percent forms", "23_percent_fraction_formatted.xlsx", "accepted",
             "0.85 in a cell formatted 0% (what Excel stores for a typed 85%)",
             rule="a fraction in a %-formatted cell is multiplied by 100", values={codes_a[0]: {"percent": 85.0}}),
        lambda p: _percent_formatted(issued[dept_a], p, n))
    add(Case("percent_zh_words", "percent forms", "24_percent_chinese_words.xlsx", "rejected",
             'percent written "八十五"', cells=[f"{P}!G3"], message="not a number"),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {"G3": inline("八十五")})))
    add(Case("percent_en_words", "percent forms", "25_percent_english_words.xlsx", "rejected",
             'percent written "eighty-five"', cells=[f"{P}!G3"], message="not a number"),
        lambda p: mutate_sheet(filled, p, P, lambda x: set_cells(x, {"G3": inline("eighty-five")})))

    # 5. authenticity
    add(Case("meta_dept_b", "authenticity", "26_meta_says_dept_b.xlsx", "rejected",
             f"{dept_a}'s workbook with its metadata edited to department {dept_b}",
             cells=[f"{META_SHEET}!B6"], message="metadata was altered"),
        lambda p: set_meta(filled, p, {"department_code": dept_b}))
    add(Case("meta_b_package", "authenticity", "27_meta_b_package_id.xlsx", "rejected",
             f"{dept_a}'s rows under {dept_b}'s package id, department and digest",
             cells=[f"{META_SHEET}!B14"], message="digest"),
        lambda p: set_meta(filled, p, _meta_of(issued[dept_b], keys=(
            "package_id", "department_code", "department_name", "digest"))))
    add(Case("meta_b_copy", "authenticity", "28_b_meta_sheet_a_rows.xlsx", "rejected",
             f"{dept_b}'s whole _meta sheet (valid digest) pasted under {dept_a}'s visible rows",
             cells=[f"{P}!A3"]),
        lambda p: _swap_meta_sheet(filled, issued[dept_b], p, meta_part))
    add(Case("foreign_db", "authenticity", "29_issued_by_another_db.xlsx", "rejected",
             f"workbook issued to {dept_a} by another PeakDesk database", cells=[f"{META_SHEET}!B3"],
             message="not issued by this database"),
        lambda p: fill_issued(foreign, p, n))
    add(Case("foreign_db_known_id", "authenticity", "30_foreign_with_our_package_id.xlsx", "rejected",
             f"another database's workbook carrying this database's package id for {dept_a}",
             cells=[f"{META_SHEET}!B14"]),
        lambda p: set_meta(fill_issued(foreign, work / "foreign_filled.xlsx", n), p,
                             _meta_of(issued[dept_a], keys=("package_id",))))
    # 6. metadata values a spreadsheet program can produce (found by fuzzing)
    add(Case("meta_version_inf", "metadata values", "31_meta_format_version_INF.xlsx", "rejected",
             'format version in _meta typed as "INF" (a number too large for an integer)',
             cells=[f"{META_SHEET}!B2"], message="format version"),
        lambda p: set_meta(filled, p, {"format_version": "INF"}))
    # 7. issue 13: every spelling that reaches the reader's far extent or a huge reservation, parts found the
    # way the reader finds them, lying zip directories, DTDs in any part, deep JSON (tests/data/hostile.py)
    for number, (name, (category, what, _make)) in enumerate(HOSTILE_VARIANTS.items(), start=32):
        made = hostile_variant(name, filled, out / f"{number}_{name}.xlsx")
        cases.append(Case(name, category, made.path.name, "rejected", what,
                          cells=[f"{made.sheet}!{made.cell}"] if made.cell else [],
                          message="far outside" if made.cell else EXPECTED_MESSAGE[name]))
    corpus = Corpus(out, db_path, dept_a, dept_b, codes_a, cases)
    corpus.save()
    return corpus


def _date(y: int, m: int, d: int) -> Any:
    import datetime as dt
    return dt.datetime(y, m, d)


WORDS = ["推进", "节能", "降碳", "光伏", "改造", "完成", "项目", "建设", "carbon", "peak", "储能", "氢能"]


def _text(rng: random.Random, n_bytes: int) -> str:
    parts, size = [], 0
    while size < n_bytes:
        w = rng.choice(WORDS)
        parts.append(w)
        size += len(w.encode("utf-8"))
    return "".join(parts)


def _strip_decl(xml: str) -> str:
    return re.sub(r"^<\?xml[^>]*\?>", "", xml)


def _laughs_doctype(root: str) -> str:
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE {root} [{"".join(ents)}]>'


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _sst_parts(filled: Path) -> dict[str, bytes]:
    """[Content_Types].xml, workbook rels and the progress sheet, changed to use a sharedStrings part
    whose string 0 is the narrative of row 3 (issued workbooks use inline strings only)."""
    part = sheet_part(filled, PROGRESS_SHEET)
    with zipfile.ZipFile(filled) as zf:
        ct = zf.read("[Content_Types].xml").decode("utf-8")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
        sheet = zf.read(part).decode("utf-8")
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/></Types>')
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdSST" Type="{SST_REL}" '
                            'Target="sharedStrings.xml"/></Relationships>')
    sheet = set_cells(sheet, {"I3": 't="s"><v>0</v>'})
    return {"[Content_Types].xml": ct.encode("utf-8"), "xl/_rels/workbook.xml.rels": rels.encode("utf-8"),
            part: sheet.encode("utf-8")}


def _billion_laughs_sst(filled: Path, dst: Path) -> Path:
    sst = (_laughs_doctype("sst") + f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    return rewrite_zip(filled, dst, replace=_sst_parts(filled), add={"xl/sharedStrings.xml": sst.encode("utf-8")})


def _zip_bomb(filled: Path, dst: Path, mb: int, *, lie: bool) -> Path:
    """Add a sharedStrings part (used by a narrative cell) that repeats one string for ``mb`` MB."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">'.encode()
    tail = b"</sst>"
    unit = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    repeats = mb * 1024 * 1024 // len(unit)
    tmp = dst.with_suffix(".tmp")
    rewrite_zip(filled, tmp, replace=_sst_parts(filled))
    with zipfile.ZipFile(tmp, "a", zipfile.ZIP_DEFLATED) as zout:
        with zout.open(_info("xl/sharedStrings.xml"), "w", force_zip64=False) as fh:
            fh.write(head)
            chunk = unit * 1024
            for _ in range(repeats // 1024):
                fh.write(chunk)
            fh.write(tail)
    if not lie:
        tmp.replace(dst)
        return dst
    # Patch the sizes the zip claims (local header and central directory) to 64 KB.
    data = bytearray(tmp.read_bytes())
    tmp.unlink()
    name = b"xl/sharedStrings.xml"
    claimed = 64 * 1024
    for sig, size_off, name_len_off, name_off in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            length = struct.unpack_from("<H", data, pos + name_len_off)[0]
            if bytes(data[pos + name_off: pos + name_off + length]) == name:
                struct.pack_into("<I", data, pos + size_off, claimed)
            pos += 4
    dst.write_bytes(bytes(data))
    return dst


def _macro(filled: Path, dst: Path) -> Path:
    with zipfile.ZipFile(filled) as zf:
        ct = zf.read("[Content_Types].xml").decode("utf-8")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    ct = ct.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    ct = ct.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/'
                        'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    vba = write_cfb(dst.with_suffix(".vba"), {"PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\n'
                                                         b'Module=Module1\r\n'})
    blob = vba.read_bytes()
    vba.unlink()
    return rewrite_zip(filled, dst, replace={"[Content_Types].xml": ct.encode("utf-8"),
                                             "xl/_rels/workbook.xml.rels": rels.encode("utf-8")},
                       add={"xl/vbaProject.bin": blob})


def _extra_rows(xml: str, first: int, count: int) -> str:
    rows = io.StringIO()
    for i in range(count):
        r = first + i
        rows.write(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>X{i}</t></is></c>'
                   f'<c r="B{r}" t="inlineStr"><is><t>added task {i}</t></is></c>'
                   f'<c r="F{r}" t="inlineStr"><is><t>推进中</t></is></c><c r="G{r}"><v>{i % 100}</v></c></row>')
    xml = xml.replace("</sheetData>", rows.getvalue() + "</sheetData>")
    return re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:M{first + count - 1}"/>', xml)


def _percent_formatted(src: Path, dst: Path, n: int) -> Path:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(src)
        ws = wb[PROGRESS_SHEET]
        for r in range(3, 3 + n):
            ws[f"F{r}"] = "推进中"
            ws[f"G{r}"] = 0.85
            ws[f"G{r}"].number_format = "0%"
        wb.save(dst)
    return dst


def _meta_of(path: Path, keys: tuple[str, ...]) -> dict[str, str]:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(META_SHEET).to_python()
    meta = {str(r[0]): str(r[1]) for r in rows if len(r) > 1 and r[0]}
    return {k: meta[k] for k in keys}


def set_meta(src: Path, dst: Path, values: dict[str, str]) -> Path:
    """Set _meta values by key (column A holds the key, B the value), as a clerk editing the hidden sheet."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(src)
        ws = wb[META_SHEET]
        for row in ws.iter_rows(min_col=1, max_col=2):
            if row[0].value in values:
                row[1].value = values[str(row[0].value)]
        wb.save(dst)
    return dst


def _swap_meta_sheet(filled: Path, other: Path, dst: Path, meta_part: str) -> Path:
    other_part = sheet_part(other, META_SHEET)
    with zipfile.ZipFile(other) as zf:
        other_meta = zf.read(other_part)
    return rewrite_zip(filled, dst, replace={meta_part: other_meta})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=Path, default=CORPUS_DIR)
    parser.add_argument("--quick", action="store_true", help="smaller expensive cases (test suite)")
    args = parser.parse_args(argv)
    corpus = build_corpus(args.out, quick=args.quick)
    for c in corpus.cases:
        size = (corpus.folder / c.file).stat().st_size
        print(f"{c.file:40} {size:>10,} B  {c.expect:8}  {c.what}")
    print(f"{len(corpus.cases)} cases in {corpus.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["CASE_NAMES", "CATEGORIES", "Case", "Corpus", "build_corpus", "load_corpus"]
