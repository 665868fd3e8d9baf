"""Hypothesis fuzzing of the plan parser and the exchange-workbook reader.

The only exceptions allowed out of the code under test are ``PeakDeskError`` subclasses (a clear
message for the user); anything else is a bug and fails the target.

Targets:
- ``plan parser``: ``exchange.plan_text.parse_plan_lines`` on documents built line by line from Chinese
  and English numbering, unit markers, numbers with units, plan-like sentences and arbitrary junk.
- ``plan text bytes``: ``plan_readers.decode_text`` + the parser on arbitrary bytes (BOMs, GB18030, binary).
- ``cell values``: ``exchange.workbook.parse_values`` on editable cells of every type calamine returns.
- ``workbook cells``: a real issued workbook whose cells (editable, locked and ``_meta``) get arbitrary
  values and cell types written into the sheet XML, merged with ``dry_run`` against the issuing database.
- ``merge + next period``: arbitrary typed text (``_xHHHH_`` escapes, characters XML cannot carry, CR/LF)
  merged for real; the next period is then issued (for the department every example, for every department
  every 25 examples) and returned untouched: text as typed, workbooks issued, the return accepted.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from desktop_app.errors import PeakDeskError

# --- plan text strategies ---------------------------------------------------------------------------------

ZH_NUMS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "二十", "一百零五", "零"]
EN_WORDS = ["First", "Second", "Third", "Fourth", "Fifth", "Tenth"]
ROMANS = ["I", "II", "III", "Iv", "IV", "V", "Ii", "IX", "X", "XIV"]
UNITS = ["区发展改革委", "区经委", "区建管委等相关职能部门", "各街镇", "区生态环境局", "未知单位甲",
         "District Economic Committee", "each street and town", "other relevant departments"]
QUANTITIES = ["到2025年", "By 2025", "during the 14th Five-Year Plan period", "“十五五”期间", "6座", "29.4万千瓦",
              "294,000 kW", "8.35万吨标准煤", "≤1.3", "不低于24%", "about 30 %", "1e309", "-0", "１２３", "0.000001亩"]
SENTENCES = ["推进光伏发电规模化应用", "加快氢能产业发展", "Promote energy conservation in buildings.",
             "主要目标", "指导思想", "工作原则", "保障措施", "组织实施", "Main objectives", "Contact Us",
             "版权所有 © 2024", "地址：上海市嘉定区", "电话：021-59992000", "www.jiading.gov.cn"]


@st.composite
def numbering(draw: Any) -> str:
    kind = draw(st.integers(0, 7))
    n = draw(st.integers(0, 120))
    if kind == 0:
        return f"{draw(st.sampled_from(ZH_NUMS))}、"
    if kind == 1:
        return f"（{draw(st.sampled_from(ZH_NUMS))}）"
    if kind == 2:
        return f"{n}."
    if kind == 3:
        return f"（{n}）"
    if kind == 4:
        return f"{draw(st.sampled_from(ROMANS))}. "
    if kind == 5:
        return f"({n}) "
    if kind == 6:
        return f"{draw(st.sampled_from(EN_WORDS))}, "
    return str(draw(st.sampled_from(["①", "⑩", "第一条", "1)", "1、", "(一)", "一.", "2025."])))


@st.composite
def unit_marker(draw: Any) -> str:
    units = draw(st.lists(st.sampled_from(UNITS), min_size=0, max_size=4))
    form = draw(st.integers(0, 5))
    if form == 0:
        return f"（责任单位：{'、'.join(units)}）"
    if form == 1:
        return f"（牵头单位：{units[0] if units else ''}；配合单位：{'、'.join(units[1:])}）"
    if form == 2:
        return f"（{units[0] if units else ''}牵头，{'、'.join(units[1:])}按职责分工负责）"
    if form == 3:
        return f"（{'、'.join(units)}按职责分工负责）"
    if form == 4:
        return f"(Responsible unit(s): {', '.join(units)} and other relevant departments, each street and town)"
    return str(draw(st.sampled_from(["（责任单位：", "(Responsible units:", "（牵头单位；）", "（）", "()",
                                     "（（责任单位：A））"])))


junk_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@st.composite
def plan_line(draw: Any) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(numbering()))
    for _ in range(draw(st.integers(0, 4))):
        parts.append(draw(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(QUANTITIES), unit_marker(),
                                    junk_text, st.sampled_from(["。", "；", "，", ".", ";", " ", "\t", "　"]))))
    return "".join(parts)


plan_lines = st.lists(plan_line(), min_size=0, max_size=40)


# --- workbook cell strategies ---------------------------------------------------------------------------

calamine_values = st.one_of(
    st.none(), st.text(max_size=50), st.sampled_from(["85%", "８５％", "85.5 %", "八十五", "eighty-five", "1,234.5",
                                                      "推进中", "in progress", "DELAYED", "=1+1", "-0", "1e400", "nan",
                                                      "inf", "%", "  ", "\x00\x07", "x" * 2100]),
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.datetimes(), st.dates(), st.times(), st.timedeltas())

EDITABLE = ("status", "percent", "indicator", "narrative", "problems", "next_steps", "contact_person",
            "contact_phone")

XML_TYPES = ["", "n", "s", "str", "inlineStr", "b", "e", "d"]


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def cell_xml(draw: Any) -> str:
    """The part of a ``<c>`` element after its reference and style: type attribute and content."""
    t = draw(st.sampled_from(XML_TYPES))
    value = draw(st.one_of(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40),
        st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers(-10 ** 20, 10 ** 20).map(str),
        st.sampled_from(["85%", "0.85", "推进中", "#REF!", "#DIV/0!", "TRUE", "2025-10-08T00:00:00", "45938",
                         "-1", "1e308", "", "_x0007_", "=cmd|'/c calc'!A1"])))
    v = _xml_text(value)
    if t == "inlineStr":
        return f't="inlineStr"><is><t>{v}</t></is>'
    formula = draw(st.sampled_from(["", "<f>1+1</f>", "<f>HYPERLINK(\"http://x\",\"y\")</f>", "<f>cmd|'/c calc'!A1</f>"]))
    attr = f' t="{t}"' if t else ""
    return f"{attr}>{formula}<v>{v}</v>"


# --- running --------------------------------------------------------------------------------------------

@dataclass
class FuzzTarget:
    name: str
    examples: int = 0
    rejected: int = 0          # examples that ended in a PeakDeskError / rejection
    seconds: float = 0.0
    failure: str = ""

    @property
    def ok(self) -> bool:
        return not self.failure and self.examples > 0


@dataclass
class FuzzResults:
    targets: list[FuzzTarget] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.targets) and all(t.ok for t in self.targets)

    def table(self) -> list[str]:
        lines = ["target | examples | clean refusals | unhandled exceptions | time s | ok"]
        for t in self.targets:
            lines.append(f"{t.name} | {t.examples} | {t.rejected} | {'1 (see below)' if t.failure else 0} | "
                         f"{t.seconds:.1f} | {'ok' if t.ok else 'FAIL'}")
        for t in self.targets:
            if t.failure:
                # the table is split at " | "; an exception group's traceback is full of them
                lines.append(f"  FAIL {t.name}:\n{t.failure.replace(' | ', ' ¦ ')}")
        return lines


def _settings(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                    phases=[Phase.explicit, Phase.generate, Phase.shrink], print_blob=False,
                    suppress_health_check=list(HealthCheck))


def _run(target: FuzzTarget, test: Callable[[], None]) -> FuzzTarget:
    started = time.perf_counter()
    try:
        test()
    except Exception:  # noqa: BLE001 - the falsifying example after shrinking; reported, not raised
        target.failure = traceback.format_exc(limit=8)
    target.seconds = time.perf_counter() - started
    return target


def fuzz_plan_parser(examples: int) -> FuzzTarget:
    from desktop_app.exchange.plan_readers import SourceLine
    from desktop_app.exchange.plan_text import parse_plan_lines

    target = FuzzTarget("plan parser (lines)")

    @_settings(examples)
    @given(plan_lines)
    def test(lines: list[str]) -> None:
        target.examples += 1
        source = [SourceLine(text, i + 1) for i, text in enumerate(lines) if text.strip()]
        try:
            draft = parse_plan_lines(source, source_name="fuzz.txt")
        except PeakDeskError:
            target.rejected += 1
            return
        for task in draft.tasks:
            assert isinstance(task.title, str)
            for t in task.targets:
                assert t.value is None or math.isfinite(t.value), t

    return _run(target, test)


def fuzz_plan_bytes(examples: int) -> FuzzTarget:
    from desktop_app.exchange.plan_readers import SourceLine, decode_text
    from desktop_app.exchange.plan_text import parse_plan_lines

    target = FuzzTarget("plan text bytes (decode + parse)")
    encodings = st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig", "latin-1"])

    @_settings(examples)
    @given(st.one_of(st.binary(max_size=400),
                     st.tuples(plan_lines, encodings).map(lambda le: _encode("\n".join(le[0]), le[1]))))
    def test(data: bytes) -> None:
        target.examples += 1
        try:
            text, _enc = decode_text(data, "fuzz.txt")
            lines = [SourceLine(s, i + 1) for i, s in enumerate(text.splitlines()) if s.strip()]
            parse_plan_lines(lines, source_name="fuzz.txt")
        except PeakDeskError:
            target.rejected += 1

    return _run(target, test)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def fuzz_cell_values(examples: int) -> FuzzTarget:
    from desktop_app.exchange.workbook import LockedRow, VisibleRow, parse_values

    target = FuzzTarget("cell values (parse_values)")

    @_settings(examples)
    @given(st.fixed_dictionaries({k: calamine_values for k in EDITABLE}), st.booleans())
    def test(raw: dict[str, Any], percent_formatted: bool) -> None:
        target.examples += 1
        row = VisibleRow(3, LockedRow("1.1", "任务", "牵头"), dict(raw))
        values, problems = parse_values(row, percent_formatted)
        if problems:
            target.rejected += 1
            assert all(p.cell and p.message for p in problems)
        if values.percent is not None:
            assert 0 <= values.percent <= 100
        if values.indicator is not None:
            assert math.isfinite(values.indicator)
        for key in ("narrative", "problems", "next_steps", "contact_person", "contact_phone"):
            assert len(getattr(values, key)) <= 2000

    return _run(target, test)


@dataclass
class WorkbookFixture:
    db: Path
    workbook: Path
    sheets: dict[str, str]          # sheet name → zip member
    rows: int


def workbook_fixture(work: Path) -> WorkbookFixture:
    """The demo database and one department's issued workbook, filled in (as the corpus builds it)."""
    from desktop_app.services.demo import build_demo
    from tests.data.make_corpus import META_SHEET, PROGRESS_SHEET, fill_issued, issue_workbooks, sheet_part

    work.mkdir(parents=True, exist_ok=True)
    db_path = work / "fuzz.sqlite"
    build_demo(db_path, force=True)
    issued = issue_workbooks(db_path, work / "issued", ["ARA"])[0]
    filled = fill_issued(issued.file, work / "filled.xlsx", issued.rows)
    return WorkbookFixture(db_path, filled, {PROGRESS_SHEET: sheet_part(filled, PROGRESS_SHEET),
                                             META_SHEET: sheet_part(filled, META_SHEET)}, issued.rows)


def fuzz_workbook_cells(examples: int, work: Path) -> FuzzTarget:
    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database
    from tests.data.make_corpus import META_SHEET, PROGRESS_SHEET, set_cells

    target = FuzzTarget("workbook cells (read + check, dry run)")
    fx = workbook_fixture(work)
    with zipfile.ZipFile(fx.workbook) as zf:
        members = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    progress_refs = [f"{c}{r}" for r in range(3, 3 + fx.rows) for c in "ABCDEFGHIJKLM"]
    meta_refs = [f"B{i}" for i in range(1, 15)]
    db = open_database(fx.db)
    today = dt.date(2025, 10, 20)
    out = work / "case.xlsx"

    @_settings(examples)
    @given(st.lists(st.tuples(st.sampled_from(progress_refs), cell_xml()), min_size=1, max_size=6),
           st.lists(st.tuples(st.sampled_from(meta_refs), cell_xml()), max_size=2))
    def test(progress_cells: list[tuple[str, str]], meta_cells: list[tuple[str, str]]) -> None:
        target.examples += 1
        data = dict(members)
        for sheet, cells in ((PROGRESS_SHEET, progress_cells), (META_SHEET, meta_cells)):
            if cells:
                part = fx.sheets[sheet]
                data[part] = set_cells(data[part].decode("utf-8"), dict(cells)).encode("utf-8")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, blob in data.items():
                zf.writestr(name, blob)
        try:
            result = merge_file(db, out, today=today, dry_run=True)
        except PeakDeskError:
            target.rejected += 1
            return
        if result.status == "rejected":
            target.rejected += 1
            assert result.errors and all(p.file == out.name for p in result.errors), result.errors

    try:
        return _run(target, test)
    finally:
        db.close()


# Text a clerk may type or a hostile sender may write: Excel's _xHHHH_ escapes (and their own escape
# _x005F_), characters XML cannot carry (written raw into the sheet, as calamine takes them), CR/LF.
ROUND_TRIP_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30),
    st.lists(st.sampled_from(["_x0020_", "_x000D_", "_x005F_", "_x005F_x0020_", "_x0041_", "_xD83D_", "_x",
                              "\uffff", "\ufffe", "\x01", "\x0b", "\x1f", "\r\n", "\n", "进度", "a", " ", "&", "<"]),
             max_size=8).map("".join))
TEXT_COLUMNS = {"narrative": "I", "problems": "J", "next_steps": "K"}


def _excel_inline(text: str) -> str:
    """An inline string cell as Excel writes typed text: a literal _xHHHH_ escaped as _x005F_xHHHH_."""
    import re

    escaped = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", text)   # every underscore that starts one
    return f't="inlineStr"><is><t xml:space="preserve">{_xml_text(escaped)}</t></is>'


def fuzz_merge_next_period(examples: int, work: Path) -> FuzzTarget:
    """Merge for real (not a dry run), then issue the next period's workbook for the department and return it
    untouched but for a status: the typed text must be stored as typed (whitespace at the ends aside), the
    next workbook must be issued and show it, and that return must be accepted. Every 25 examples (and at
    the end) the next period is issued for every department."""
    from python_calamine import CalamineWorkbook

    from desktop_app.services.issue_packages import export_packages
    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database
    from tests.data.make_corpus import PROGRESS_SHEET, fill_issued, set_cells

    target = FuzzTarget("merge + next period (real writes)")
    fx = workbook_fixture(work)
    with zipfile.ZipFile(fx.workbook) as zf:
        members = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    db = open_database(fx.db)
    plan_id = int(db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0])
    all_depts = len(held_departments(db, plan_id))
    out = work / "merge.xlsx"
    day = [0]

    def issue_all(label: str) -> None:
        result = export_packages(db, plan_id, "2025-11", work / f"all_{label}", today=dt.date(2025, 10, 20))
        assert len(result.packages) == all_depts, (len(result.packages), all_depts)

    @_settings(examples)
    @given(st.fixed_dictionaries({k: ROUND_TRIP_TEXT for k in TEXT_COLUMNS}))
    def test(texts: dict[str, str]) -> None:
        target.examples += 1
        day[0] += 1
        data = dict(members)
        part = fx.sheets[PROGRESS_SHEET]
        cells = {f"{col}3": _excel_inline(texts[key]) for key, col in TEXT_COLUMNS.items()}
        data[part] = set_cells(data[part].decode("utf-8"), cells).encode("utf-8")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, blob in data.items():
                zf.writestr(name, blob)
        result = merge_file(db, out, today=dt.date(2025, 10, 20))
        if result.status == "rejected":
            target.rejected += 1
            assert result.errors and all(p.file == out.name for p in result.errors), result.errors
            return
        if result.status == "duplicate":      # the same bytes as an earlier example (shrinking repeats them)
            return
        stored = db.execute(
            "SELECT p.narrative, p.problems, p.next_steps FROM progress p JOIN task t ON t.id = p.task_id "
            "JOIN department d ON d.id = p.department_id JOIN period pe ON pe.id = p.period_id "
            "WHERE d.code = 'ARA' AND pe.code = '2025-10' AND p.is_current = 1 ORDER BY t.seq LIMIT 1").fetchone()
        for key, got in zip(TEXT_COLUMNS, stored, strict=True):
            want = texts[key].replace("\r\n", "\n").strip()
            assert got == want or _xml_clean(want) == got, (key, want, got)
        nxt = export_packages(db, plan_id, "2025-11", work / f"next{day[0] % 3}", today=dt.date(2025, 10, 20),
                              departments=["ARA"]).packages[0]
        grid = CalamineWorkbook.from_path(str(nxt.file)).get_sheet_by_name(PROGRESS_SHEET).to_python()
        last = str(grid[2][4]) if len(grid) > 2 and len(grid[2]) > 4 else ""
        if stored[0]:
            assert stored[0].replace("\n", " ")[:20].strip() in last.replace("\n", " "), (stored[0], last)
        again = merge_file(db, fill_issued(nxt.file, work / "next_filled.xlsx", nxt.rows),
                           today=dt.date(2025, 11, 20))
        assert again.status in ("accepted", "duplicate"), [str(p) for p in again.errors][:2]
        if target.examples % 25 == 0:
            issue_all(str(target.examples))

    try:
        result = _run(target, test)
        if not result.failure:
            _run(result, lambda: issue_all("end"))
        return result
    finally:
        db.close()


def _xml_clean(text: str) -> str:
    from desktop_app.exchange.safe_xlsx import clean_text

    return clean_text(text.replace("\ufffe", "").replace("\uffff", "")).strip()


def held_departments(db: Any, plan_id: int) -> set[int]:
    from desktop_app.store.cycle import held_tasks

    return set(held_tasks(db, plan_id))


def run_fuzz_suite(work: Path, examples: int, log: Callable[[str], object] = print) -> FuzzResults:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    results = FuzzResults()
    runs: list[Callable[[], FuzzTarget]] = [
        lambda: fuzz_plan_parser(examples), lambda: fuzz_plan_bytes(examples),
        lambda: fuzz_cell_values(examples), lambda: fuzz_workbook_cells(examples, work / "workbook"),
        # a real merge plus two workbook writes per example: a twentieth of the examples (at least 50)
        lambda: fuzz_merge_next_period(max(50, examples // 20), work / "next_period")]
    for run in runs:
        target = run()
        results.targets.append(target)
        log(f"  {target.name}: {target.examples} examples, {target.seconds:.1f} s, "
            f"{'ok' if target.ok else 'FAIL'}")
    return results
