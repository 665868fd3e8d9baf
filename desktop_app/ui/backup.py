"""File → Back Up Database and File → Restore from Backup (the backups service behind a dialog)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from desktop_app.errors import PeakDeskError
from desktop_app.services.desk import Desk
from desktop_app.ui.ops import Op, show_error
from desktop_app.ui.view_kit import keep_on_screen

# How many backups are kept is the desk's policy, stored in the database (Desk.backup_keep), so the
# window and ``peakdesk`` keep the same number; Edit → Settings shows and changes it.


def back_up_now(window: Any) -> Op | None:
    """Back up the window's database in the background; the status bar says where it went."""
    if getattr(window, "db_path", None) is None:
        return None

    def job(db: Any, progress: Any, _cancelled: Any) -> Any:
        progress(0, 1, "")
        return Desk(db).backup("manual").path

    def done(path: Any) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Backed up to %1").replace("%1", str(path)), 10000)

    title = QCoreApplication.translate("MainWindow", "Back Up Database")
    return Op(window, window.db_path, job, title=title).success(done).run()


class RestoreDialog(QDialog):
    """The backups of the open database, newest first; restoring asks for confirmation first."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("restore-dialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.info = QLabel(self.tr("Choose a backup. The current state is backed up first, so a restore can "
                                   "be undone by restoring that copy."))
        self.info.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("restore-list")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore-button")
        self.buttons.accepted.connect(lambda: self.restore())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.reason_names = {"manual": self.tr("by hand"), "merge": self.tr("before a merge"),
                             "before_restore": self.tr("before a restore"), "migration": self.tr("before an upgrade"),
                             "merge_departments": self.tr("before merging departments")}
        if window.db is not None:
            for info in Desk(window.db).backups():
                item = QListWidgetItem(f"{info.created:%Y-%m-%d %H:%M:%S}  ·  "
                                       f"{self.reason_names.get(info.reason, info.reason)}  ·  {info.size // 1024} KB")
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                item.setToolTip(str(info.path))
                self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0)
        keep_on_screen(self)

    def restore(self, confirmed: bool = False) -> bool:
        from pathlib import Path

        item = self.list.currentItem()
        if item is None:
            return False
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        if not confirmed and QMessageBox.question(self, self.windowTitle(), self.tr(
                "Replace everything in the open database with the backup of %1?").replace(
                "%1", item.text().split("  ·  ")[0])) != QMessageBox.StandardButton.Yes:
            return False
        try:
            Desk(self.window_.db, self.window_.db_path).restore(path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.windowTitle())
            return False
        self.window_.reload()
        self.accept()
        return True


def restore_dialog(window: Any) -> RestoreDialog:
    dialog = RestoreDialog(window)
    dialog.open()
    return dialog
