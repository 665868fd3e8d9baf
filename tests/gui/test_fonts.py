"""Chinese renders without any system CJK font: the bundled fonts are registered with Qt."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from desktop_app.ui import app as app_module


def test_bundled_cjk_font_becomes_the_fallback(qapp, monkeypatch):
    """As on a machine with no Chinese font: the bundled one is registered and put behind the default."""
    monkeypatch.setattr(app_module, "has_cjk_family", lambda: False)
    before = QApplication.font()
    try:
        family = app_module.ensure_cjk_font()
        assert family is not None, "no bundled font covers simplified Chinese"
        assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
        assert family in QApplication.font().families()
        raw = QRawFont.fromFont(QFont(family))
        assert raw.isValid() and raw.supportsCharacter(ord("碳")) and raw.supportsCharacter(ord("峰"))
    finally:
        QApplication.setFont(before)


def test_the_application_can_draw_chinese(qapp):
    """After set-up some family the application uses covers Chinese (system or bundled)."""
    app_module.create_application()
    assert app_module.has_cjk_family()
