"""Assessment page on the demo: score table and explanations, evaluation and adjustments, lock, scheme dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app import config
from desktop_app.domain import scoring
from desktop_app.paths import TEMPLATES_DIR
from desktop_app.services import run_assessment
from desktop_app.ui.assessment_view import AssessmentPage, SchemeDialog, scheme_toml
from tests.gui.page_harness import open_page, plan_id

pytestmark = pytest.mark.gui


def test_score_table_matches_the_service_and_explains_each_number(qtbot, qtmodeltester, demo_db) -> None:
    page, _w = open_page(qtbot, AssessmentPage, demo_db)
    qtmodeltester.check(page.model)
    assert page.year.currentData() == 2025
    expected = run_assessment.compute(demo_db, plan_id(demo_db), 2025)
    assert [(d.department.code, d.total, d.rank) for d in page.model.rows] == \
        [(d.department.code, d.total, d.rank) for d in expected.departments]
    first = page.proxy.index(0, 0)
    assert page.proxy.data(first) == "1"
    d = page.model.rows[0]
    tip = page.model.data(page.model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert d.components["progress"].formula_en in tip
    assert page.model.data(page.model.index(0, 7)) == f"{d.total:g}"
    page.table.selectRow(0)
    text = page.detail.toPlainText()
    for key in scoring.COMPONENTS:
        assert d.components[key].formula_en in text
    assert "Excellent" in page.distribution.text()


def test_edit_evaluation_and_adjustments_then_lock(qtbot, demo_db) -> None:
    page, window = open_page(qtbot, AssessmentPage, demo_db)
    pid = plan_id(demo_db)
    page.table.selectRow(5)
    code = page.selected_code()
    before = run_assessment.compute(demo_db, pid, 2025).department(code)
    assert "evaluation_missing" in before.flags

    page.evaluation.setValue(8.5)
    page.eval_note.setText("Solid coordination")
    qtbot.mouseClick(page.eval_save, Qt.MouseButton.LeftButton)
    after = run_assessment.compute(demo_db, pid, 2025).department(code)
    assert after.components["evaluation"].score == 8.5 and "evaluation_missing" not in after.flags
    assert page.selected_code() == code  # selection kept across the reload
    assert page.eval_note.text() == "Solid coordination"

    page.adj_points.setValue(-3)
    page.adj_reason.setText("Late statistics 统计数据迟报")
    qtbot.mouseClick(page.adj_add, Qt.MouseButton.LeftButton)
    page.adj_points.setValue(2)
    page.adj_reason.setText("Provincial commendation")
    qtbot.mouseClick(page.adj_add, Qt.MouseButton.LeftButton)
    after = run_assessment.compute(demo_db, pid, 2025).department(code)
    assert after.components["adjustments"].score == -1
    assert page.adjustments.count() == 2 and "统计数据迟报" in page.adjustments.item(0).text()
    assert window.changes and all(c.assessment for c in window.changes)

    page.adjustments.setCurrentRow(1)
    assert page.adj_remove.isEnabled()
    assert page.remove_adjustment()
    assert run_assessment.compute(demo_db, pid, 2025).department(code).components["adjustments"].score == -3

    live = run_assessment.compute(demo_db, pid, 2025).department(code).total
    assert page.lock_year(confirmed=True)
    assert page.result.locked and "Locked" in page.state.text()
    assert not page.lock_button.isEnabled() and not page.eval_save.isEnabled() and not page.adj_add.isEnabled()
    locked = run_assessment.compute(demo_db, pid, 2025)
    assert locked.locked and locked.department(code).total == live
    assert locked.department(code).components["evaluation"].score == 8.5


def test_an_adjustment_without_reason_is_refused(qtbot, demo_db, monkeypatch) -> None:
    page, window = open_page(qtbot, AssessmentPage, demo_db)
    page.table.selectRow(0)
    errors = []
    monkeypatch.setattr("desktop_app.ui.assessment_view.show_error", lambda parent, exc, **k: errors.append(exc))
    page.adj_points.setValue(2)
    page.adj_reason.setText("  ")
    assert not page.add_adjustment()
    assert errors and "reason" in str(errors[0])
    assert demo_db.execute("SELECT count(*) FROM adjustment").fetchone()[0] == 0
    assert window.changes == []


def test_scheme_dialog_saves_the_users_copy_and_scores_follow(qtbot, demo_db, tmp_path) -> None:
    from desktop_app.paths import user_templates_dir

    dialog = SchemeDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.target == user_templates_dir() / "assessment_scheme.toml"
    dialog.spins["late_penalty"].setValue(3)
    dialog.grade_spins["excellent"].setValue(88)
    dialog.cap_share.setValue(20)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    loaded = config.load_scheme()
    assert loaded.source == str(dialog.target)
    assert (loaded.late_penalty, loaded.grade("excellent").min, loaded.cap_share) == (3, 88, 0.2)
    assert loaded.progress_max == 60 and loaded.grades[1].name_zh == "良好"
    # a round trip of the shipped scheme gives the same numbers
    shipped = config.load_scheme(TEMPLATES_DIR / scoring.SCHEME_FILE)
    again = scoring.parse_scheme(scheme_toml(shipped))
    assert again.to_json() | {"source": ""} == shipped.to_json() | {"source": ""}


def test_scheme_dialog_refuses_grades_out_of_order(qtbot, monkeypatch) -> None:
    dialog = SchemeDialog(None)
    qtbot.addWidget(dialog)
    errors = []
    monkeypatch.setattr("desktop_app.ui.assessment_view.show_error", lambda parent, exc, **k: errors.append(exc))
    dialog.grade_spins["pass"].setValue(95)
    dialog.save()
    assert errors and "grade" in str(errors[0]).lower()
    assert not dialog.target.exists()
