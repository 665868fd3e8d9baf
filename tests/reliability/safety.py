"""Data-safety rows of ``make reliability`` (issue 13): one row per class, each tried as a user or a hostile
sender would, on a private copy of the demo database.

Rows 4, 5 and 8 (text round trip, decimal comma) check behaviour another change delivers; until it is in,
they fail here — deliberately: the table must not hold before the data does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PERIOD, NEXT = "2025-10", "2025-11"
TODAY = dt.date(2025, 10, 20)


@dataclass
class SafetyRow:
    item: str
    check: str
    ok: bool = False
    outcome: str = ""
    seconds: float = 0.0


@dataclass
class SafetyResults:
    rows: list[SafetyRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(r.ok for r in self.rows)

    def table(self) -> list[str]:
        lines = ["item | check | outcome | time s | ok"]
        for r in self.rows:
            lines.append(f"{r.item} | {r.check} | {r.outcome[:110].replace('|', '/')} | {r.seconds:.1f} | "
                         f"{'ok' if r.ok else 'FAIL'}")
        return lines


@dataclass
class Setup:
    work: Path
    db: Path                       # the demo database with 2025-10 issued to every department
    issued: dict[str, Path]        # department code → issued 2025-10 workbook
    rows: dict[str, int]
    plan_id: int

    def copy(self, name: str) -> Path:
        target = self.work / f"{name}.sqlite"
        shutil.copy(self.db, target)
        return target

    def filled(self, dept: str, name: str, overrides: dict[str, Any] | None = None) -> Path:
        from tests.data.make_corpus import fill_issued

        return fill_issued(self.issued[dept], self.work / f"{name}.xlsx", self.rows[dept], overrides)


def _setup(work: Path) -> Setup:
    from desktop_app.services.demo import build_demo
    from tests.data.make_corpus import issue_workbooks

    work.mkdir(parents=True, exist_ok=True)
    db = work / "demo.sqlite"
    build_demo(db)
    packages = issue_workbooks(db, work / "issued")
    conn = sqlite3.connect(db)
    try:
        plan_id = int(conn.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        conn.close()
    return Setup(work, db, {p.department: p.file for p in packages}, {p.department: p.rows for p in packages}, plan_id)


def _smallest(setup: Setup, n: int = 1) -> list[str]:
    """The ``n`` departments with the fewest (but at least two) tasks: small workbooks keep the rows quick."""
    return [d for _r, d in sorted((r, d) for d, r in setup.rows.items() if r >= 2)][:n]


# --- the checks: each returns (ok, outcome) -------------------------------------------------------------

def check_lock(setup: Setup) -> tuple[bool, str]:
    """A window holding the database, a background job opening and closing it, `peakdesk plan list` in
    another process meanwhile — five rounds; the WAL must stay and every write persist."""
    from desktop_app.store.db import integrity_ok, open_database, write_tx

    path = setup.copy("lock")
    wal = Path(f"{path}-wal")
    window = open_database(path)
    lost = []
    try:
        for i in range(5):
            with write_tx(window):
                window.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER)")
                window.execute("INSERT INTO probe VALUES (?)", [i])
            job = open_database(path)
            job.execute("SELECT count(*) FROM task").fetchone()
            job.close()
            proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "plan", "list"], cwd=ROOT,
                                  capture_output=True, text=True, timeout=120)
            if proc.returncode != 0 or not wal.exists():
                lost.append(f"round {i}: rc {proc.returncode}, wal {'kept' if wal.exists() else 'DELETED'}")
    finally:
        window.close()
    db = open_database(path)
    try:
        ok_integrity = integrity_ok(db)
        rows = [r[0] for r in db.execute("SELECT n FROM probe ORDER BY n")]
    finally:
        db.close()
    ok = not lost and ok_integrity and rows == list(range(5))
    return ok, ("WAL kept in 5/5 rounds, 5/5 writes persisted, integrity ok" if ok
                else f"{'; '.join(lost)}; integrity {'ok' if ok_integrity else 'FAILED'}; rows {rows}")


def check_read_only(setup: Setup) -> tuple[bool, str]:
    from desktop_app.errors import DatabaseError
    from desktop_app.store.db import open_database, write_tx

    folder = setup.work / "readonly"
    folder.mkdir()
    path = folder / "desk.sqlite"
    shutil.copy(setup.db, path)
    with _read_only(folder) as how:
        if how is None:
            return True, "n/a: no way to make a read-only location here (not root, permissions ignored)"
        db = open_database(path)
        try:
            tasks = db.execute("SELECT count(*) FROM task").fetchone()[0]
            try:
                with write_tx(db):
                    db.execute("DELETE FROM task")
                said = "write was not refused"
            except DatabaseError as exc:
                said = exc.message
        finally:
            db.close()
        proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "plan", "list"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    ok = tasks > 0 and "read-only" in said and proc.returncode == 0
    return ok, f"{how}: {tasks} tasks read, CLI plan list rc {proc.returncode}, write: {said[:60]}"


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[str | None]:
    folder.chmod(0o555)
    for f in folder.iterdir():
        f.chmod(0o444)
    mounted = False
    try:
        if not os.access(folder, os.W_OK):
            yield "permissions 0555/0444"
            return
        if sys.platform == "linux" and shutil.which("mount"):
            mounted = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
            if mounted and subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)],
                                          capture_output=True).returncode == 0 and not os.access(folder, os.W_OK):
                yield "read-only bind mount"
                return
        yield None
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
        folder.chmod(0o755)


def check_damaged(setup: Setup) -> tuple[bool, str]:
    from desktop_app.errors import DatabaseError
    from desktop_app.store.backups import back_up
    from desktop_app.store.db import open_database

    path = setup.copy("damaged")
    db = open_database(path)
    try:
        backup = back_up(db, "manual").path
    finally:
        db.close()
    data = path.read_bytes()
    results = []
    for cut in (len(data) // 2, 4096, 60):
        path.write_bytes(data[:cut])
        try:
            open_database(path).close()
            results.append((cut, False, "opened"))
        except DatabaseError as exc:
            results.append((cut, "damaged" in exc.message and backup.name in exc.message, exc.message[:50]))
    ok = all(r[1] for r in results)
    return ok, ("cut at " + ", ".join(str(c) for c, _o, _m in results) + " bytes: each says damaged and names "
                f"{backup.name}" if ok else "; ".join(f"{c}: {m}" for c, o, m in results if not o))


def check_folder_crash(setup: Setup) -> tuple[bool, str]:
    from desktop_app.services.merge_submissions import merge_files
    from desktop_app.store.db import open_database
    from tests.data.hostile import hostile_variant

    depts = _smallest(setup, 3)
    folder = setup.work / "folder"
    folder.mkdir()
    good = [setup.filled(d, f"folder/{d}") for d in depts]
    bad = hostile_variant("lowercase_no_row_attr", good[0], folder / "zz_aborts_the_reader.xlsx").path
    path = setup.copy("folder")
    db = open_database(path)
    try:
        result = merge_files(db, [folder], today=TODAY)
    finally:
        db.close()
    status = {Path(f.file).name: f.status for f in result.files}
    ok = status.get(bad.name) == "rejected" and all(status.get(g.name) == "accepted" for g in good)
    return ok, f"{sum(s == 'accepted' for s in status.values())} accepted, {bad.name}: {status.get(bad.name)}"


def check_terminal(setup: Setup) -> tuple[bool, str]:
    folder = setup.work / "evil"
    folder.mkdir()
    (folder / "x.xlsx\naccepted\tARA\t2025-10\t9 rows\tforged\x1b[2J.xlsx").write_bytes(b"junk" * 10)
    path = setup.copy("terminal")
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "merge", "--dry-run",
                           str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    forged = [ln for ln in proc.stdout.splitlines() if ln.startswith("accepted")]
    esc = "\x1b" in proc.stdout + proc.stderr
    ok = not forged and not esc
    return ok, "no forged line, no raw ESC" if ok else f"forged: {forged[:1]}, raw ESC: {esc}"


def check_partial(setup: Setup) -> tuple[bool, str]:
    from desktop_app.outputs import partial_name
    from desktop_app.services.issue_packages import export_packages
    from desktop_app.services.merge_submissions import collect_xlsx
    from desktop_app.store.db import open_database

    out = setup.work / "partial"
    out.mkdir()
    stale = [out / ".old.xlsx.tmp", out / partial_name("2025-11_X.xlsx")]
    for f in stale:
        f.write_bytes(b"PK\x03\x04")
    mistaken = collect_xlsx([out])
    path = setup.copy("partial")
    db = open_database(path)
    try:
        export_packages(db, setup.plan_id, NEXT, out, today=TODAY, departments=_smallest(setup))
    finally:
        db.close()
    left = [f.name for f in stale if f.exists()]
    ok = not left and not mistaken
    return ok, "partial files removed, never collected for a merge" if ok else f"left {left}, collected {mistaken}"


def _merge_then_issue_next(setup: Setup, name: str, cells: dict[str, str]) -> tuple[str, Any, Any]:
    """Merge dept A's workbook with ``cells`` set (raw sheet XML), then issue NEXT for every department."""
    from desktop_app.services.issue_packages import export_packages
    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database
    from tests.data.make_corpus import PROGRESS_SHEET, mutate_sheet, set_cells

    dept = _smallest(setup)[0]
    src = setup.filled(dept, f"{name}_filled")
    bad = mutate_sheet(src, setup.work / f"{name}.xlsx", PROGRESS_SHEET, lambda x: set_cells(x, cells))
    path = setup.copy(name)
    db = open_database(path)
    try:
        merged = merge_file(db, bad, today=TODAY)
        stored = db.execute(
            "SELECT p.narrative, p.percent FROM progress p JOIN department d ON d.id = p.department_id "
            "JOIN period pe ON pe.id = p.period_id WHERE d.code = ? AND pe.code = ? AND p.is_current = 1 "
            "AND p.submission_id IS NOT NULL", [dept, PERIOD]).fetchall()
        try:
            exported = export_packages(db, setup.plan_id, NEXT, setup.work / f"{name}_next", today=TODAY)
            issued: Any = exported
        except Exception as exc:  # noqa: BLE001 - the row reports it
            issued = f"{type(exc).__name__}: {exc}"
    finally:
        db.close()
    return dept, merged, (issued, stored, path)


def check_xml_incompatible(setup: Setup) -> tuple[bool, str]:
    """Item 4: U+FFFF, U+FFFE and C0 controls in a narrative must not stop next month's workbooks."""
    text = "进度\uffff正常\ufffe推进\x01\x0b完成"
    inline = f't="inlineStr"><is><t>{text}</t></is>'
    dept, merged, (issued, _stored, _path) = _merge_then_issue_next(setup, "xmlchars", {"I3": inline})
    if isinstance(issued, str):
        return False, f"merge {merged.status}; next period export failed: {issued[:80]}"
    want = len(setup.issued)
    ok = len(issued.packages) == want
    return ok, f"merge {merged.status}; next period: {len(issued.packages)}/{want} workbooks issued"


def check_x_escapes(setup: Setup) -> tuple[bool, str]:
    """Item 5: text typed as '_x0020_' (Excel stores it as _x005F_x0020_) comes back exactly, in the store and in
    next month's workbook, and that workbook, returned untouched but for a status, is accepted."""
    from python_calamine import CalamineWorkbook

    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database
    from tests.data.make_corpus import PROGRESS_SHEET, fill_issued

    typed = "原样_x0020_保留_x000D_文本"
    excel = "原样_x005F_x0020_保留_x005F_x000D_文本"
    dept, merged, (issued, stored, path) = _merge_then_issue_next(
        setup, "xescape", {"I3": f't="inlineStr"><is><t>{excel}</t></is>'})
    if merged.status != "accepted" or isinstance(issued, str):
        return False, f"merge {merged.status} {[str(p) for p in merged.errors][:1]}; export {issued if isinstance(issued, str) else 'ok'}"
    narratives = [r[0] for r in stored]
    nxt = next(p for p in issued.packages if p.department == dept).file
    grid = CalamineWorkbook.from_path(str(nxt)).get_sheet_by_name(PROGRESS_SHEET).to_python()
    shown = [str(c) for row in grid for c in row if "原样" in str(c)]
    refilled = fill_issued(nxt, setup.work / "xescape_next_filled.xlsx", next(p.rows for p in issued.packages
                                                                                if p.department == dept))
    db = open_database(path)
    try:
        again = merge_file(db, refilled, today=dt.date(2025, 11, 20))
    finally:
        db.close()
    exact = typed in narratives
    in_next = any(typed in s for s in shown)
    ok = exact and in_next and again.status == "accepted"
    return ok, (f"stored {'exactly' if exact else 'CHANGED: ' + repr(narratives[:1])}; next workbook "
                f"{'shows it exactly' if in_next else 'CHANGED: ' + repr(shown[:1])}; next return {again.status}"
                + ("" if again.status == "accepted" else f" ({[str(p) for p in again.errors][:1]})"))


def check_decimal_comma(setup: Setup) -> tuple[bool, str]:
    """Item 8: '8,5' in the percent cell is refused naming the cell or read as 8.5 — never 85."""
    from desktop_app.services.merge_submissions import merge_file
    from desktop_app.store.db import open_database
    from tests.data.make_corpus import PROGRESS_SHEET, mutate_sheet, set_cells

    dept = _smallest(setup)[0]
    src = setup.filled(dept, "comma_filled")
    bad = mutate_sheet(src, setup.work / "comma.xlsx", PROGRESS_SHEET,
                       lambda x: set_cells(x, {"G3": 't="inlineStr"><is><t>8,5</t></is>'}))
    path = setup.copy("comma")
    db = open_database(path)
    try:
        result = merge_file(db, bad, today=TODAY)
        percents = [r[0] for r in db.execute(
            "SELECT p.percent FROM progress p JOIN department d ON d.id = p.department_id WHERE d.code = ? "
            "AND p.is_current = 1 AND p.submission_id IS NOT NULL", [dept])]
    finally:
        db.close()
    if result.status == "rejected":
        ok = any(p.cell == "G3" for p in result.errors)
        return ok, f"rejected naming {', '.join(p.cell for p in result.errors)}"
    ok = 85.0 not in percents and 8.5 in percents
    return ok, f"accepted; stored percents include {'8.5' if 8.5 in percents else ''}{' 85 (x10!)' if 85.0 in percents else ''}"


CHECKS: list[tuple[str, str, Callable[[Setup], tuple[bool, str]]]] = [
    ("1", "window + background job + `plan list` in another process", check_lock),
    ("9", "read-only location: reads work, writes say why", check_read_only),
    ("9", "truncated database: says damaged, names newest backup", check_damaged),
    ("2", "folder merge with a file that aborts the reader", check_folder_crash),
    ("11", "file name with newline and ESC in merge output", check_terminal),
    ("12", "partial files of an interrupted export", check_partial),
    ("4", "U+FFFF/U+FFFE/controls in a narrative → next period for all", check_xml_incompatible),
    ("5", "_xHHHH_ typed text round trip + next untouched return", check_x_escapes),
    ("8", "decimal comma 8,5 in the percent cell", check_decimal_comma),
]


def run_safety_suite(work: Path, log: Callable[[str], object] = print) -> SafetyResults:
    if work.exists():
        shutil.rmtree(work)
    home = os.environ.get("PEAKDESK_HOME")
    os.environ["PEAKDESK_HOME"] = str(work / "home")     # backups of these copies stay in the scratch folder
    results = SafetyResults()
    try:
        setup = _setup(work)
        for item, check, fn in CHECKS:
            row = SafetyRow(item, check)
            started = time.perf_counter()
            try:
                row.ok, row.outcome = fn(setup)
            except Exception as exc:  # noqa: BLE001 - a check that raises fails its row, with the reason
                row.ok, row.outcome = False, f"{type(exc).__name__}: {exc}"
                log(traceback.format_exc(limit=6))
            row.seconds = time.perf_counter() - started
            results.rows.append(row)
            log(f"  [{item}] {check}: {'ok' if row.ok else 'FAIL'} — {row.outcome}")
    finally:
        if home is None:
            os.environ.pop("PEAKDESK_HOME", None)
        else:
            os.environ["PEAKDESK_HOME"] = home
    return results
