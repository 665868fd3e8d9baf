"""The department registry's small editing functions: aliases, removal of unused departments."""

from __future__ import annotations

import pytest

from desktop_app.domain.models import DeptKind
from desktop_app.errors import PeakDeskError
from desktop_app.store import departments
from desktop_app.store.db import write_tx


def test_alias_owner_remove_and_set_aliases(db):
    with write_tx(db):
        a = departments.upsert(db, "DRC", "区发展改革委", "District DRC")
        b = departments.upsert(db, "EC", "区经委")
        assert departments.add_alias(db, a, "区发改委")
        assert departments.add_alias(db, a, "DRC office", "en")
    assert departments.alias_owner(db, "drc OFFICE") == "DRC"
    assert departments.alias_owner(db, "无此别名") is None
    with write_tx(db):
        assert departments.remove_alias(db, a, "区发改委")
        assert not departments.remove_alias(db, a, "区发改委")
        assert not departments.remove_alias(db, b, "DRC office")
    assert departments.find(db, "区发改委") is None
    with write_tx(db):
        departments.set_aliases(db, a, [("发改", "zh"), ("DRC office", "en")])
    assert departments.get(db, "DRC").aliases == [("发改", "zh"), ("DRC office", "en")]
    with pytest.raises(PeakDeskError, match="already belongs to department DRC"), write_tx(db):
        departments.set_aliases(db, b, [("经委", "zh"), ("发改", "zh")])
    assert departments.get(db, "EC").aliases == []


def test_delete_only_an_unused_department(db):
    with write_tx(db):
        streets = departments.upsert(db, "ALL", "各街镇", kind=DeptKind.PLACEHOLDER)
        new = departments.upsert(db, "NEW-001", "区碳中和中心")
        departments.add_alias(db, new, "碳中和中心")
        departments.set_members(db, streets, [new])
        departments.upsert(db, "OLD", "旧单位")
        departments.merge(db, "OLD", "NEW-001")   # OLD.merged_into refers to NEW-001
    assert departments.references(db, new) == 1
    with pytest.raises(PeakDeskError, match="still used"), write_tx(db):
        departments.delete(db, "NEW-001")
    with write_tx(db):
        departments.delete(db, "OLD")
        departments.delete(db, "NEW-001")
    assert departments.get(db, "NEW-001") is None
    assert departments.find(db, "碳中和中心") is None
    assert departments.members(db, streets) == []
