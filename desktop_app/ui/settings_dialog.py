"""Preferences: the interface language (applied at once, and remembered)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop_app.ui import settings
from desktop_app.ui.app import set_language, system_language
from desktop_app.ui.view_kit import keep_on_screen


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("中文（简体）", "zh")
        self.language.addItem("English", "en")
        index = self.language.findData(settings.LANGUAGE.get())
        self.language.setCurrentIndex(max(index, 0))
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("The new language is applied at once."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        keep_on_screen(self)

    def accept(self) -> None:
        choice = self.language.currentData()
        settings.LANGUAGE.set(choice)
        set_language(choice or system_language(), remember=False)
        super().accept()


