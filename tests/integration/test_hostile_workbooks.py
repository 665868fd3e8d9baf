"""Hostile returned workbooks (issue 13 items 2, 3, 6, 7): each is rejected naming the file (and the far
cell), the database stays as it was, and one file's trouble never takes the others or the program with it.

The cases are real issued workbooks, filled in, with one part changed the way a hostile sender would.
Every merge goes through ``merge_file``/``merge_files``, which read in a child process: on the code before
this fix several of them aborted the test process itself (python-calamine's SIGABRT).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app.services import merge_submissions
from desktop_app.services.merge_submissions import merge_file, merge_files
from desktop_app.store.db import open_database
from tests.data.hostile import HOSTILE_VARIANTS, hostile_variant
from tests.data.make_corpus import PROGRESS_SHEET, fill_issued, issue_workbooks

TODAY = dt.date(2025, 10, 20)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The demo database and four departments' workbooks for 2025-10, filled in."""
    from desktop_app.services.demo import build_demo

    work = tmp_path_factory.mktemp("hostile")
    db_path = work / "demo.sqlite"
    build_demo(db_path)
    packages = issue_workbooks(db_path, work / "issued", None)[:4]
    filled = [fill_issued(p.file, work / f"filled_{p.department}.xlsx", p.rows) for p in packages]
    return db_path, filled


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize("variant", sorted(HOSTILE_VARIANTS))
def test_hostile_variant_is_rejected_naming_the_file_and_db_unchanged(issued, tmp_path: Path, variant: str) -> None:
    db_file, filled = issued
    db_copy = tmp_path / "demo.sqlite"
    shutil.copy(db_file, db_copy)
    bad = hostile_variant(variant, filled[0], tmp_path / f"{variant}.xlsx")
    before = _dump(db_copy)
    db = open_database(db_copy)
    try:
        result = merge_file(db, bad.path, today=TODAY)
    finally:
        db.close()
    assert result.status == "rejected", (variant, result)
    assert result.errors and all(p.file == bad.path.name for p in result.errors), result.errors
    if bad.cell:
        assert any(p.cell == bad.cell for p in result.errors), result.errors
    text = " ".join(str(p) for p in result.errors)
    assert "Traceback" not in text and "exit code" not in text and "signal" not in text, text
    assert _dump(db_copy) == before


def test_a_crashing_file_in_a_folder_rejects_only_that_file(issued, tmp_path: Path) -> None:
    """Folder merge: three good files and one that aborts the reader → three applied, one rejected by name."""
    db_file, filled = issued
    db_copy = tmp_path / "demo.sqlite"
    shutil.copy(db_file, db_copy)
    folder = tmp_path / "returns"
    folder.mkdir()
    for f in filled:
        shutil.copy(f, folder / f.name)
    bad = hostile_variant("lowercase_no_row_attr", filled[0], folder / "zz_crash.xlsx").path
    db = open_database(db_copy)
    try:
        result = merge_files(db, [folder], today=TODAY)
    finally:
        db.close()
    by_name = {Path(f.file).name: f for f in result.files}
    assert by_name[bad.name].status == "rejected"
    assert all(by_name[f.name].status == "accepted" for f in filled), [(k, v.status) for k, v in by_name.items()]


def test_a_reader_that_dies_rejects_that_file_and_the_merge_goes_on(issued, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever kills the reading child (here: a simulated abort for one file) is that file's rejection."""
    from desktop_app.services.reader_process import ChildDied

    db_file, filled = issued
    db_copy = tmp_path / "demo.sqlite"
    shutil.copy(db_file, db_copy)
    real = merge_submissions.run_isolated

    def run(func, path):  # type: ignore[no-untyped-def]
        return ChildDied("crashed", "signal SIGABRT") if path == filled[1] else real(func, path)

    monkeypatch.setattr(merge_submissions, "run_isolated", run)
    db = open_database(db_copy)
    try:
        result = merge_files(db, filled, today=TODAY)
    finally:
        db.close()
    statuses = [f.status for f in result.files]
    assert statuses == ["accepted", "rejected", "accepted", "accepted"]
    problem = result.files[1].errors[0]
    assert problem.file == filled[1].name and "SIGABRT" in str(problem)


def test_reader_pool_survives_a_native_abort() -> None:
    from desktop_app.services.reader_process import ChildDied, ReaderPool

    pool = ReaderPool(timeout=60)
    try:
        died = pool.run(_abort, None)
        assert isinstance(died, ChildDied) and died.how == "crashed" and "SIGABRT" in died.detail
        assert pool.run(_double, 21) == 42                 # a new child takes the next job
        failed = pool.run(_raise, None)
        assert isinstance(failed, ChildDied) and failed.how == "error" and "RecursionError" in failed.detail
    finally:
        pool.close()


def test_reader_pool_kills_a_child_that_hangs() -> None:
    from desktop_app.services.reader_process import ChildDied, ReaderPool

    pool = ReaderPool(timeout=1)
    try:
        died = pool.run(_hang, None)
        assert isinstance(died, ChildDied) and died.how == "timeout"
    finally:
        pool.close()


def _abort(_arg: object) -> None:
    import os

    os.abort()


def _double(x: int) -> int:
    return 2 * x


def _raise(_arg: object) -> None:
    raise RecursionError("maximum recursion depth exceeded")


def _hang(_arg: object) -> None:
    import time

    time.sleep(3600)


def test_file_is_read_before_the_write_lock_is_taken(issued, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge never holds the write lock while it waits for a file being read: another PeakDesk (here the
    reading function itself, with a 10 s busy timeout) gets the lock while the merge waits. Before, the file
    was read inside BEGIN IMMEDIATE and this waited out its timeout: "database is locked"."""
    db_file, filled = issued
    db_copy = tmp_path / "demo.sqlite"
    shutil.copy(db_file, db_copy)
    name = "_prepare_isolated" if hasattr(merge_submissions, "_prepare_isolated") else "_prepare"
    real = getattr(merge_submissions, name)
    blocked: list[str] = []

    def reading(path: Path):  # type: ignore[no-untyped-def]
        other = sqlite3.connect(db_copy, timeout=10)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            blocked.append(f"{path.name}: {exc}")
        finally:
            other.close()
        return real(path)

    monkeypatch.setattr(merge_submissions, name, reading)
    monkeypatch.setattr(merge_submissions, "READ_AHEAD", 1)
    monkeypatch.setattr(merge_submissions, "READ_THREADS", 1)
    db = open_database(db_copy)
    try:
        result = merge_files(db, filled, today=TODAY)
    finally:
        db.close()
    assert [f.status for f in result.files] == ["accepted"] * len(filled)
    assert not blocked, blocked


def test_deeply_nested_json_in_meta_is_a_damaged_copy_not_a_traceback(issued, tmp_path: Path) -> None:
    db_file, filled = issued
    db_copy = tmp_path / "demo.sqlite"
    shutil.copy(db_file, db_copy)
    bad = hostile_variant("meta_json_nested", filled[0], tmp_path / "nested.xlsx")
    db = open_database(db_copy)
    try:
        result = merge_file(db, bad.path, today=TODAY)
    finally:
        db.close()
    assert result.status == "rejected"
    assert any(p.sheet == "_meta" and "damaged" in str(p) for p in result.errors), result.errors


def test_lying_zip_directory_is_refused_in_bounded_memory(issued, tmp_path: Path) -> None:
    """A part that unpacks to 400 MB while the directory claims 64 KB: refused, and reading stays small."""
    _db_file, filled = issued
    bad = hostile_variant("zip_directory_lies", filled[0], tmp_path / "lies.xlsx").path
    script = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.errors import InputRejected\n"
        "from desktop_app.exchange.workbook import read_workbook\n"
        "try:\n"
        "    read_workbook(Path(sys.argv[1])); outcome = 'read'\n"
        "except InputRejected as exc:\n"
        "    outcome = str(exc)\n"
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(json.dumps({'outcome': outcome, 'peak_mb': peak / 1024}))\n")
    proc = subprocess.run([sys.executable, "-c", script, str(bad)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    assert "lies about part" in data["outcome"], data
    assert data["peak_mb"] < 200, data


def test_percent_formats_survive_hostile_styles(issued, tmp_path: Path) -> None:
    """20,000 self-closing <cellXfs/> before the real list (quadratic for the old regex): the real formats
    are still found, so 0.85 in a 0%-formatted cell is 85 %."""
    from openpyxl import load_workbook

    db_file, filled = issued
    src = tmp_path / "pct.xlsx"
    wb = load_workbook(filled[0])
    ws = wb[PROGRESS_SHEET]
    ws["G3"] = 0.85
    ws["G3"].number_format = "0%"
    wb.save(src)
    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    styles = parts["xl/styles.xml"].decode("utf-8")
    styles = re.sub(r"(<cellXfs\b)", "<cellXfs/>" * 20_000 + r"\1", styles, count=1)
    parts["xl/styles.xml"] = styles.encode("utf-8")
    out = tmp_path / "pct_hostile_styles.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    from desktop_app.exchange.workbook import read_workbook

    read = read_workbook(out)
    assert 3 in read.percent_formatted
