"""Authenticity: a workbook issued to department A cannot write department B's progress.

The keyed digest (HMAC-SHA256 with a secret kept only in the coordinator's database ``meta`` table)
binds package id, plan, department, period and the locked rows. Whatever a clerk edits in the
workbook — including the very-hidden ``_meta`` sheet — cannot move A's rows to B, and a workbook
issued by another database (another secret) is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from desktop_app.exchange.workbook import (
    FORMAT_NAME,
    META_KEYS,
    META_SHEET,
    SHEET_PASSWORD,
    PackageMeta,
    compute_digest,
    read_workbook,
)
from desktop_app.services.clock import today
from desktop_app.services.demo import build_demo
from desktop_app.services.issue_packages import export_packages
from desktop_app.services.merge_submissions import merge_file
from desktop_app.store.cycle import EXCHANGE_SECRET_KEY
from desktop_app.store.db import backup_to, open_database
from tests.data.make_corpus import set_meta
from tests.reliability.crash import fill_workbook

A, B = "ARA", "STC"      # two demo departments holding three tasks each


def _dump(db: sqlite_utils.Database) -> str:
    return "\n".join(db.conn.iterdump())


def _progress(db: sqlite_utils.Database, dept: str, period: str = "2025-10") -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT p.task_id, p.version, p.status, p.percent, p.narrative FROM progress p "
        "JOIN department d ON d.id = p.department_id JOIN period pe ON pe.id = p.period_id "
        "WHERE d.code = ? AND pe.code = ? ORDER BY 1, 2", [dept, period]).fetchall()


def _issue(db: sqlite_utils.Database, out: Path, depts: list[str]) -> dict[str, Path]:
    plan_id = int(db.execute("SELECT id FROM plan ORDER BY id LIMIT 1").fetchone()[0])
    result = export_packages(db, plan_id, "2025-10", out, today=today(db), departments=depts)
    return {p.department: p.file for p in result.packages}


@pytest.fixture
def issued(demo_db: sqlite_utils.Database, tmp_path: Path) -> dict[str, Path]:
    files = _issue(demo_db, tmp_path / "issued", [A, B])
    filled = {}
    for dept, path in files.items():
        filled[dept] = tmp_path / f"filled-{dept}.xlsx"
        fill_workbook(path, filled[dept])
    return filled


def _merge_rejected(db: sqlite_utils.Database, path: Path) -> list[str]:
    before, b_before = _dump(db), _progress(db, B)
    result = merge_file(db, path, today=today(db))
    assert result.status == "rejected", result
    assert _dump(db) == before and _progress(db, B) == b_before
    assert all(p.file == path.name for p in result.errors)
    return [f"{p.sheet}!{p.cell}: {p.text('en')}" for p in result.errors]


def test_both_workbooks_merge_as_issued(demo_db: sqlite_utils.Database, issued: dict[str, Path]) -> None:
    """The control: the rejections below are about the tampering, not the workbooks."""
    for dept in (A, B):
        assert merge_file(demo_db, issued[dept], today=today(demo_db)).status == "accepted"
        assert _progress(demo_db, dept)


def test_department_code_edited_to_b(demo_db: sqlite_utils.Database, issued: dict[str, Path], tmp_path: Path) -> None:
    forged = set_meta(issued[A], tmp_path / "forged.xlsx", {"department_code": B})
    errors = _merge_rejected(demo_db, forged)
    assert any(e.startswith(f"{META_SHEET}!B{META_KEYS.index('department_code') + 1}") for e in errors), errors


def test_all_metadata_of_b_copied_onto_a_rows(demo_db: sqlite_utils.Database, issued: dict[str, Path],
                                              tmp_path: Path) -> None:
    meta_b = read_workbook(issued[B]).meta
    keys = ("package_id", "department_code", "department_name", "digest", "rows")
    forged = set_meta(issued[A], tmp_path / "forged.xlsx", {k: meta_b[k] for k in keys})
    errors = _merge_rejected(demo_db, forged)
    assert any("digest" in e for e in errors), errors


@pytest.mark.parametrize("guess", ["", SHEET_PASSWORD, "peakdesk-secret", "package"])
def test_digest_recomputed_with_a_guessed_key(demo_db: sqlite_utils.Database, issued: dict[str, Path],
                                              tmp_path: Path, guess: str) -> None:
    """Someone who read the (open source) code can recompute the digest — but not with the real key."""
    read_a, meta_b = read_workbook(issued[A]), read_workbook(issued[B]).meta
    pm = read_a.package_meta()
    forged_meta = PackageMeta(**{**pm.__dict__, "package_id": meta_b["package_id"], "department_code": B})
    key = (meta_b["package_id"] if guess == "package" else guess).encode()
    digest = compute_digest(key, forged_meta, read_a.issued)
    forged = set_meta(issued[A], tmp_path / "forged.xlsx",
                       {"package_id": meta_b["package_id"], "department_code": B,
                        "department_name": meta_b["department_name"], "digest": digest})
    errors = _merge_rejected(demo_db, forged)
    assert any("digest" in e for e in errors), errors


def test_b_meta_sheet_pasted_under_a_rows(demo_db: sqlite_utils.Database, issued: dict[str, Path],
                                          tmp_path: Path) -> None:
    """B's genuine _meta (valid digest for B's rows) does not make A's visible rows B's."""
    from tests.data.make_corpus import rewrite_zip, sheet_part

    with zipfile.ZipFile(issued[B]) as zf:
        b_meta = zf.read(sheet_part(issued[B], META_SHEET))
    forged = rewrite_zip(issued[A], tmp_path / "forged.xlsx", replace={sheet_part(issued[A], META_SHEET): b_meta})
    errors = _merge_rejected(demo_db, forged)
    assert any(e.startswith("进度填报 Progress!A") for e in errors), errors


def test_workbook_from_another_database(demo_db: sqlite_utils.Database, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    build_demo(other)
    odb = open_database(other)
    try:
        foreign = _issue(odb, tmp_path / "other-issued", [A])[A]
    finally:
        odb.close()
    filled = tmp_path / "foreign.xlsx"
    fill_workbook(foreign, filled)
    errors = _merge_rejected(demo_db, filled)
    assert any("not issued by this database" in e for e in errors), errors
    # the same demo content with this database's package id still fails: the other secret signed it
    ours = _issue(demo_db, tmp_path / "ours", [A])[A]
    forged = set_meta(filled, tmp_path / "foreign-our-id.xlsx",
                       {"package_id": read_workbook(ours).meta["package_id"]})
    errors = _merge_rejected(demo_db, forged)
    assert any(e.startswith(f"{META_SHEET}!B{META_KEYS.index('digest') + 1}") for e in errors), errors


def test_the_secret_never_leaves_the_database(demo_db: sqlite_utils.Database, issued: dict[str, Path],
                                              tmp_path: Path) -> None:
    secret = demo_db.execute("SELECT value FROM meta WHERE key = ?", [EXCHANGE_SECRET_KEY]).fetchone()[0]
    assert len(secret) >= 32
    raw = tmp_path / "issued"
    for path in [*raw.glob("*.xlsx"), *issued.values()]:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                data = zf.read(name)
                assert secret.encode() not in data and bytes.fromhex(secret) not in data, (path.name, name)
    # and the digest really is keyed: without the key it is not reproducible from the workbook alone
    read = read_workbook(issued[A])
    pm = read.package_meta()
    assert compute_digest(bytes.fromhex(secret), pm, read.issued) == pm.digest
    unkeyed = hashlib.sha256(json.dumps([FORMAT_NAME, pm.package_id], ensure_ascii=False).encode()).hexdigest()
    assert pm.digest != unkeyed and pm.digest != hmac.new(b"", b"", hashlib.sha256).hexdigest()


def test_a_copied_database_is_the_limit(demo_db: sqlite_utils.Database, issued: dict[str, Path],
                                        tmp_path: Path) -> None:
    """Documented limit of the threat model: whoever holds the database file holds the key."""
    stolen = backup_to(demo_db, tmp_path / "stolen.sqlite")     # a copy taken from the office PC
    sdb = open_database(stolen)
    try:
        secret = sdb.execute("SELECT value FROM meta WHERE key = ?", [EXCHANGE_SECRET_KEY]).fetchone()[0]
    finally:
        sdb.close()
    read_a, meta_b = read_workbook(issued[A]), read_workbook(issued[B])
    # with the key, B's package and B's rows can be re-signed — i.e. B's own workbook can be produced;
    # the digest stops forgery by clerks, not by someone who has the coordinator's database.
    pm_b = meta_b.package_meta()
    assert compute_digest(bytes.fromhex(secret), pm_b, meta_b.issued) == pm_b.digest
    assert read_a.package_meta().digest != pm_b.digest
