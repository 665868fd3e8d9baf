"""Saving a department's state (and saving the old one back), creating one, merging two."""

from __future__ import annotations

import dataclasses
import json

import pytest

from desktop_app.domain.models import DeptKind
from desktop_app.errors import PeakDeskError
from desktop_app.services import backup
from desktop_app.services.departments import DeptState, merge_departments, save_department
from desktop_app.store import audit, departments


def test_save_then_save_back_restores_everything(demo_db):
    code = departments.list_departments(demo_db)[0].code
    before = DeptState.read(demo_db, code)
    after = dataclasses.replace(before, name_zh="新名称局", short_en="NB", to_check=False,
                                aliases=(*before.aliases, ("新名称", "zh"), ("New Bureau", "en")))
    changes = save_department(demo_db, before, after)
    assert changes.departments
    assert DeptState.read(demo_db, code) == after
    assert departments.find(demo_db, "New Bureau").code == code
    entry = audit.entries(demo_db, "department", code, limit=1)[0]
    assert entry["action"] == "update" and json.loads(entry["detail_json"])["name_zh"] == "新名称局"
    save_department(demo_db, after, before)
    assert DeptState.read(demo_db, code) == before
    assert departments.find(demo_db, "New Bureau") is None


def test_create_members_and_remove_again(demo_db):
    members = tuple(d.code for d in departments.list_departments(demo_db)[:2])
    state = DeptState("GRP-X", "相关单位", "Units concerned", kind=DeptKind.PLACEHOLDER, members=members)
    save_department(demo_db, None, state)
    assert DeptState.read(demo_db, "GRP-X") == state
    with pytest.raises(PeakDeskError, match="already a department"):
        save_department(demo_db, None, state)
    with pytest.raises(PeakDeskError, match="Only a placeholder"):
        save_department(demo_db, state, dataclasses.replace(state, kind=DeptKind.FUNCTIONAL))
    assert DeptState.read(demo_db, "GRP-X") == state   # the failed save left nothing behind
    save_department(demo_db, state, None)
    assert departments.get(demo_db, "GRP-X") is None


def test_merge_moves_assignments_after_a_backup(demo_db):
    rows = demo_db.execute(
        "SELECT d.code, count(*) FROM assignment a JOIN department d ON d.id = a.department_id "
        "GROUP BY d.code ORDER BY count(*) DESC LIMIT 2").fetchall()
    (dst, _), (src, n_src) = rows
    src_name = departments.get(demo_db, src).name_zh
    result = merge_departments(demo_db, src, dst)
    assert result.moved_assignments == n_src and result.changes.tasks
    assert result.backup.exists() and "merge_departments" in result.backup.name
    assert result.backup in [b.path for b in backup.backups_of(demo_db)]
    assert departments.find(demo_db, src_name).code == dst
    assert src not in [d.code for d in departments.list_departments(demo_db)]
    assert demo_db.execute("SELECT count(*) FROM assignment a JOIN department d ON d.id = a.department_id "
                           "WHERE d.code = ?", [src]).fetchone()[0] == 0
    with pytest.raises(PeakDeskError):
        merge_departments(demo_db, src, dst)
