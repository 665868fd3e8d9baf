"""The office settings dialog writes through services.report_settings (what `settings office` does)."""

from __future__ import annotations

from desktop_app.services import report_settings as rs
from desktop_app.ui.office_settings import OfficeSettingsDialog


def test_the_dialog_saves_the_office_settings(qtbot, demo_db):
    dialog = OfficeSettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.fields["cc_zh"].setText("区委办公室，区政府办公室")
    dialog.fields["district_en"].setText("Jiading District")
    dialog.fields["abbreviation"].setText("嘉碳办")
    dialog.seal_checks["monthly"].setChecked(True)
    dialog.accept()
    saved = rs.get_settings(demo_db)
    assert saved.cc_zh == "区委办公室，区政府办公室" and saved.district_en == "Jiading District"
    assert saved.abbreviation == "嘉碳办"
    assert rs.is_sealed(saved, "monthly") and rs.is_sealed(saved, "annual") and not rs.is_sealed(saved, "department")
    # reopened, it shows what was saved
    again = OfficeSettingsDialog(demo_db)
    qtbot.addWidget(again)
    assert again.fields["cc_zh"].text() == "区委办公室，区政府办公室" and again.seal_checks["monthly"].isChecked()


def test_nothing_sealed_is_kept_as_none(qtbot, demo_db):
    dialog = OfficeSettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    for box in dialog.seal_checks.values():
        box.setChecked(False)
    dialog.accept()
    assert rs.sealed_kinds(rs.get_settings(demo_db).sealed) == ()
