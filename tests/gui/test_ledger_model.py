"""The ledger and department models: Qt's model contract, filters and Chinese search."""

from __future__ import annotations

import pytest

from desktop_app.domain.models import Status
from desktop_app.store import ledger
from desktop_app.ui.main_window import newest_plan_id
from desktop_app.ui.models.departments_model import DepartmentsModel
from desktop_app.ui.models.ledger_model import NO_STATUS, Column, LedgerFilter, LedgerModel, LedgerTreeModel

pytestmark = pytest.mark.gui


@pytest.fixture
def loaded(app, demo_db):
    model = LedgerModel()
    model.load(demo_db, newest_plan_id(demo_db))
    return model


def test_ledger_model_passes_the_model_tester(qtmodeltester, loaded):
    assert loaded.rowCount() == 40
    qtmodeltester.check(loaded)


def test_tree_model_passes_the_model_tester_and_groups_by_section(qtmodeltester, loaded):
    tree = LedgerTreeModel(loaded)
    qtmodeltester.check(tree)
    top = tree.index(0, 0)
    assert top.data() and tree.rowCount(top) > 0  # a section holding sub-sections or tasks
    loaded.set_filter(LedgerFilter(status=Status.DELAYED.value))
    qtmodeltester.check(tree)


def test_departments_model_passes_the_model_tester(qtmodeltester, app, demo_db):
    model = DepartmentsModel()
    model.load(demo_db)
    assert model.rowCount() > 10
    qtmodeltester.check(model)


def test_filters_by_department_section_and_status(loaded):
    rows = loaded.all_rows()
    lead = rows[0].lead.code
    loaded.set_filter(LedgerFilter(department=lead))
    shown = loaded.visible_rows()
    assert shown and all(r.lead and r.lead.code == lead or lead in [c.code for c in r.cooperating] for r in shown)
    assert len(shown) < 40

    section = rows[0].section_id
    loaded.set_filter(LedgerFilter(section_ids=loaded.section_and_descendants(section)))
    assert {r.section_id for r in loaded.visible_rows()} == {section}

    statuses = {r.status for r in rows}
    assert len(statuses) > 1
    for status in statuses:
        value = status.value if status else NO_STATUS
        loaded.set_filter(LedgerFilter(status=value))
        assert loaded.visible_rows() and all(r.status == status for r in loaded.visible_rows())

    loaded.set_filter(LedgerFilter())
    assert loaded.rowCount() == 40


def test_display_follows_the_language(loaded):
    from desktop_app.ui.app import set_language

    first = loaded.task_at(0)
    assert loaded.index(0, Column.TITLE).data() == first.title_en
    set_language("zh", remember=False)
    loaded.retranslate()
    assert loaded.index(0, Column.TITLE).data() == first.title_zh
    assert loaded.headerData(Column.LEAD, pytest.importorskip("PySide6.QtCore").Qt.Orientation.Horizontal) == "牵头单位"


def test_refresh_task_rereads_one_row(loaded, demo_db):
    task = loaded.task_at(3)
    ledger.update_task(demo_db, task.id, title_en="Renamed in the store")
    loaded.refresh_task(task.id)
    assert loaded.index(3, Column.TITLE).data() == "Renamed in the store"
