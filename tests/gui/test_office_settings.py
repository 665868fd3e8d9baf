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


def test_empty_fields_show_what_the_documents_print(qtbot, demo_db, tmp_path):
    """An empty field prints a default; the field shows that default greyed. It showed the template
    "{region}碳达峰…" (internal syntax) and the demo's abbreviation as if it were every office's."""
    from desktop_app.services.build_report import report_meta
    from desktop_app.services.database_files import create_database

    dialog = OfficeSettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    printed = report_meta(demo_db, 1)
    assert dialog.fields["issuer_zh"].placeholderText() == printed.issuer.zh
    assert dialog.fields["issuer_en"].placeholderText() == printed.issuer.en
    assert dialog.fields["recipients_zh"].placeholderText() == printed.recipients.zh
    assert dialog.fields["district_en"].placeholderText() == printed.region.en
    new = create_database(tmp_path / "new.sqlite")
    from desktop_app.store.db import open_database

    db = open_database(new)
    try:
        empty = OfficeSettingsDialog(db)
        qtbot.addWidget(empty)
        texts = [edit.placeholderText() for edit in empty.fields.values()]
        assert not any("{" in t for t in texts), texts
        assert empty.fields["abbreviation"].placeholderText().startswith("例")
    finally:
        db.close()
