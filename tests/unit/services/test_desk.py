"""The Desk and its undoable edits: one command type, stale rows refused, policies in the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.outputs import atomic_output
from desktop_app.services import backup, clock
from desktop_app.services.desk import Desk
from desktop_app.services.edits import StaleEdit
from desktop_app.store import audit, ledger
from desktop_app.store.db import open_database
from tests.unit.services.plan_builder import PlanBuilder


@pytest.fixture
def desk(db):
    plan = PlanBuilder(db)
    plan.dept("A")
    plan.dept("B")
    plan.task("1.1", "A", ("B",))
    return Desk(db)


def _task(desk: Desk) -> int:
    return desk.task_id(desk.plan_id(), "1.1")


def test_edit_task_undo_redo(desk):
    tid = _task(desk)
    changes = desk.edit_task(tid, title_zh="新标题", due_date=dt.date(2026, 6, 30), lead="B")
    assert changes.tasks
    state = desk.task_state(tid)
    assert (state.title_zh, state.due_date, state.lead, state.cooperating) == ("新标题", dt.date(2026, 6, 30), "B", ())
    assert desk.history.undo_label is not None and "1.1" in desk.history.undo_label.render("en")
    desk.undo()
    state = desk.task_state(tid)
    assert (state.title_zh, state.due_date, state.lead, state.cooperating) == ("任务1.1", dt.date(2025, 12, 31), "A", ("B",))
    desk.redo()
    assert desk.task_state(tid).title_zh == "新标题"


def test_undo_refuses_a_row_changed_since_and_writes_nothing(desk):
    tid = _task(desk)
    desk.edit_task(tid, title_zh="第一次")
    ledger.update_task(desk.db, tid, title_zh="别人改的")     # another window, a script, a merge …
    audit_before = len(audit.entries(desk.db, "task"))
    with pytest.raises(StaleEdit) as caught:
        desk.undo()
    assert "1.1" in caught.value.localized("en") and "修改" in caught.value.localized("zh")
    assert desk.task_state(tid).title_zh == "别人改的"
    assert len(audit.entries(desk.db, "task")) == audit_before
    assert desk.history.undo_label is not None      # still on the stack: nothing happened


def test_redo_refuses_a_row_changed_since(desk):
    tid = _task(desk)
    desk.edit_task(tid, title_en="One")
    desk.undo()
    ledger.update_task(desk.db, tid, title_en="Other")
    with pytest.raises(StaleEdit):
        desk.redo()
    assert desk.task_state(tid).title_en == "Other"


def test_empty_chinese_title_is_refused_and_nothing_is_written(desk):
    tid = _task(desk)
    with pytest.raises(Exception, match="Chinese title"):
        desk.edit_task(tid, title_zh="  ")
    assert desk.task_state(tid).title_zh == "任务1.1"
    assert desk.history.undo_label is None


def test_holiday_edit_is_audited_and_undoable(desk):
    day = dt.date(2025, 10, 9)
    with clock.frozen(dt.datetime(2025, 10, 1, 9, 0, 0)):
        desk.set_holiday(day, "holiday", "测试")
    assert ("2025-10-09", "holiday", "测试") in desk.holidays(2025)
    entry = audit.entries(desk.db, "holiday", "2025-10-09")[0]
    assert entry["action"] == "holiday.set" and entry["at"] == "2025-10-01T09:00:00"
    desk.undo()
    assert all(d != "2025-10-09" for d, _k, _n in desk.holidays(2025))
    assert audit.entries(desk.db, "holiday", "2025-10-09")[0]["action"] == "holiday.remove"


def test_period_create_due_edit_and_stale_check(desk):
    result = desk.create_period("2025-09")
    assert result.created == ["2025-09"]
    assert desk.create_period("2025-09").created == []
    desk.set_period_due("2025-09", dt.date(2025, 10, 20))
    assert desk.periods()[0].due == dt.date(2025, 10, 20)
    with pytest.raises(Exception, match="before the period ends"):
        desk.set_period_due("2025-09", dt.date(2025, 9, 1))
    desk.db.execute("UPDATE period SET due = '2025-10-25'")
    with pytest.raises(StaleEdit):
        desk.undo()


def test_department_edit_through_the_same_history(desk):
    desk.edit_department("A", name_en="Alpha", contact_phone="123")
    from desktop_app.store import departments

    assert departments.require(desk.db, "A").name_en == "Alpha"
    desk.undo()
    assert departments.require(desk.db, "A").name_en == "A"


def test_backup_keep_is_stored_in_the_database_and_obeyed_by_auto_backups(desk, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop_app.store.backups._keep", backup.DEFAULT_KEEP)
    desk.set_backup_keep(2)
    assert Desk(desk.db).backup_keep == 2             # another front end on the same database sees it
    for i in range(4):
        with clock.frozen(dt.datetime(2025, 1, 1, 8, 0, i)):
            backup.auto_backup(desk.db, "merge")       # the path `peakdesk merge` and the window both take
    assert len(desk.backups()) == 2


def test_two_databases_with_the_same_name_keep_their_own_backups(tmp_path, monkeypatch):
    monkeypatch.setattr("desktop_app.store.backups._keep", backup.DEFAULT_KEEP)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = open_database(tmp_path / "a" / "peakdesk.sqlite"), open_database(tmp_path / "b" / "peakdesk.sqlite")
    try:
        Desk(first).set_backup_keep(1)
        Desk(second).set_backup_keep(1)
        with clock.frozen(dt.datetime(2025, 1, 1, 8, 0, 0)):
            kept = Desk(first).backup().path
        with clock.frozen(dt.datetime(2025, 1, 1, 8, 0, 1)):
            Desk(second).backup()
        assert kept.exists()
        assert [b.path for b in backup.backups_of(first)] == [kept]
    finally:
        first.close()
        second.close()


def test_atomic_output_keeps_the_old_file_on_error(tmp_path: Path):
    out = tmp_path / "report.pdf"
    out.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(out) as tmp:
        tmp.write_text("half")
        raise RuntimeError("builder failed")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    with atomic_output(out) as tmp:
        tmp.write_text("new")
    assert out.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
