"""Preferences: the interface language (applied at once, and remembered) and, for the open database,
how many backups of it are kept (the desk's policy, stored in the database: ``peakdesk`` obeys it too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from desktop_app.errors import PeakDeskError
from desktop_app.services.desk import Desk
from desktop_app.ui import settings
from desktop_app.ui.app import set_language, system_language
from desktop_app.ui.view_kit import keep_on_screen

MAX_KEEP = 999


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, db: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.desk = Desk(db) if db is not None else None
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
        self.keep = QSpinBox()
        self.keep.setObjectName("backup-keep")
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setEnabled(self.desk is not None)
        if self.desk is not None:
            self.keep.setValue(min(self.desk.backup_keep, MAX_KEEP))
        self.keep.setToolTip(self.tr("Kept with the open database, so the command line (peakdesk merge, "
                                     "peakdesk backup) keeps the same number."))
        form.addRow(self.tr("&Backups kept of this database:"), self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        keep_on_screen(self)

    def accept(self) -> None:
        if self.desk is not None and self.keep.value() != self.desk.backup_keep:
            try:
                self.desk.set_backup_keep(self.keep.value())
            except PeakDeskError as exc:
                from desktop_app.ui.ops import show_error

                show_error(self, exc, title=self.windowTitle())
                return
        choice = self.language.currentData()
        settings.LANGUAGE.set(choice)
        set_language(choice or system_language(), remember=False)
        super().accept()
