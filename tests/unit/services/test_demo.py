import datetime as dt
import sqlite3

import pytest

from desktop_app.errors import PeakDeskError
from desktop_app.services.demo import DEMO_TODAY, build_demo
from desktop_app.store import departments, ledger, meta
from desktop_app.store.db import open_database


def _dump(path):
    conn = sqlite3.connect(path)
    try:
        return "\n".join(line for line in conn.iterdump() if "audit_log" not in line and "schema_migration" not in line
                         and "plan_source" not in line)
    finally:
        conn.close()


def test_demo_has_the_jiading_plan_and_a_pinned_today(demo_db):
    plans = ledger.list_plans(demo_db)
    assert len(plans) == 1 and plans[0].tasks == 40 and "嘉定" in plans[0].title_zh
    assert meta.meta_get(demo_db, "demo_today") == DEMO_TODAY.isoformat() == "2025-10-20"
    for d in departments.list_departments(demo_db):
        assert d.name_zh and d.name_en, d.code
    rows = ledger.ledger_rows(demo_db, plans[0].id)
    assert all(r.lead is not None and r.title_en for r in rows)


def test_demo_has_monthly_periods_for_2025_with_calendar_due_dates(demo_db):
    periods = {r[0]: r[1] for r in demo_db.execute("SELECT code, due FROM period WHERE kind = 'month'")}
    assert len(periods) == 12
    assert periods["2025-09"] == "2025-10-14"


def test_demo_progress_is_a_realistic_mix(demo_db):
    statuses = {r[0]: r[1] for r in demo_db.execute(
        "SELECT status, count(*) FROM progress WHERE is_current = 1 GROUP BY status")}
    assert {"in_progress", "completed", "delayed"} <= set(statuses)
    months = {r[0] for r in demo_db.execute(
        "SELECT pe.code FROM progress p JOIN period pe ON pe.id = p.period_id")}
    assert months == {f"2025-{m:02d}" for m in range(1, 10)}
    late = demo_db.execute("SELECT count(*) FROM submission WHERE late = 1").fetchone()[0]
    on_time = demo_db.execute("SELECT count(*) FROM submission WHERE late = 0").fetchone()[0]
    assert late > 0 and on_time > late
    # Some departments have not reported September by the demo date.
    plan_id = ledger.list_plans(demo_db)[0].id
    reporting = {a.department_id for a in ledger.effective_assignments(demo_db, plan_id)}
    sent_sep = {r[0] for r in demo_db.execute(
        "SELECT s.department_id FROM submission s JOIN period pe ON pe.id = s.period_id WHERE pe.code = '2025-09'")}
    assert 0 < len(reporting - sent_sep) < len(reporting) / 2
    # Nothing was received after the pinned today.
    last = demo_db.execute("SELECT max(received_at) FROM progress").fetchone()[0]
    assert dt.datetime.fromisoformat(last).date() <= DEMO_TODAY


def test_demo_is_deterministic(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_demo(a)
    build_demo(b)
    assert _dump(a) == _dump(b)


def test_demo_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "d.sqlite"
    build_demo(path)
    db = open_database(path)
    db.execute("INSERT INTO meta VALUES ('mine', 'keep')")
    db.close()
    with pytest.raises(PeakDeskError, match="--force"):
        build_demo(path)
    db = open_database(path)
    assert meta.meta_get(db, "mine") == "keep"
    db.close()
    build_demo(path, force=True)
    db = open_database(path)
    assert meta.meta_get(db, "mine") is None
    db.close()
