"""The main window: navigation list, stacked pages, demo banner, menus, shortcuts, status bar."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.store.db import open_database
from desktop_app.ui import settings, view_kit
from desktop_app.ui.app import app_icon, current_lang, language_hub, set_language
from desktop_app.ui.names import VIEW_NAMES
from desktop_app.ui.ops import Op, show_error
from desktop_app.ui.pages import ComingPage, Page, view_title

STYLE = """
#demo-banner { background: #fff3cd; color: #664d03; padding: 6px 12px; border-bottom: 1px solid #ffe69c; }
#navigation { font-size: 11pt; border: none; background: #f3f5f4; }
#navigation::item { padding: 8px 12px; }
#navigation::item:selected { background: #1f6f4a; color: white; }
#page-heading { font-size: 16pt; font-weight: bold; }
#page-note { color: #6c757d; }
"""


def newest_plan_id(db: Any) -> int | None:
    row = db.execute("SELECT id FROM plan WHERE translation_of IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0]) if row else None


def demo_today(db: Any) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'demo_today'").fetchone()
    return str(row[0]) if row and row[0] else None



def freeze_long_lived_objects() -> None:
    """Move everything alive now (modules, widgets, loaded data) out of the cyclic collector's reach.

    A full collection traverses every tracked object; with Qt, reportlab and the loaded database that took
    ~65 ms on the GUI thread, a visible stall. Frozen objects are still freed by reference counting.
    """
    gc.unfreeze()   # what an earlier database left behind becomes collectable again
    gc.collect()
    gc.freeze()

class MainWindow(QMainWindow):
    """One database at a time; pages get it through ``set_database`` and refresh from change summaries."""

    loaded = Signal()  # a database was opened and every page has its data
    changed = Signal(object)  # ChangeSummary after a write

    def __init__(self, db_path: Path | None = None, *, view: str | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        from desktop_app.ui.backup import apply_keep_setting

        apply_keep_setting()
        self.setStyleSheet(STYLE)
        self.db: Any = None
        self.db_path: Path | None = None
        self.plan_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

        self.banner = QLabel()
        self.banner.setObjectName("demo-banner")
        self.banner.setVisible(False)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._stale: set[str] = set()  # pages whose data must be (re)loaded before they are shown
        for key in VIEW_NAMES:
            page = self._make_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.splitter = QSplitter()
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1200])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_db = QLabel()
        self.status_count = QLabel()
        self.statusBar().addPermanentWidget(self.status_count)
        self.statusBar().addPermanentWidget(self.status_db)

        self._build_actions()
        self._build_menus()
        self.retranslate()
        language_hub().changed.connect(self._language_changed)
        self._restore_layout()
        self.show_view(view or settings.LAST_VIEW.get())
        if db_path is not None:
            QTimer.singleShot(0, lambda: self.open_database(db_path))

    # --- pages -----------------------------------------------------------------------------------
    def _make_page(self, key: str) -> Page:
        if key == "ledger":
            from desktop_app.ui.ledger_view import LedgerPage

            return LedgerPage(self)
        if key == "departments":
            from desktop_app.ui.departments_view import DepartmentsPage

            return DepartmentsPage(self)
        if key == "submissions":
            from desktop_app.ui.submissions_view import SubmissionsPage

            return SubmissionsPage(self)
        own = {"dashboard": ("dashboard_view", "DashboardPage"), "periods": ("periods_view", "PeriodsPage"),
               "warnings": ("warnings_view", "WarningsPage"), "assessment": ("assessment_view", "AssessmentPage"),
               "reports": ("reports_view", "ReportsPage")}
        if key in own:
            import importlib

            module, name = own[key]
            page = getattr(importlib.import_module(f"desktop_app.ui.{module}"), name)(self)
            if key == "dashboard":
                page.navigate.connect(self.navigate)
            return page  # type: ignore[no-any-return]
        return ComingPage(self, key)

    def show_view(self, key: str) -> None:
        if key not in self.pages:
            key = "ledger"
        self.nav.setCurrentRow(VIEW_NAMES.index(key))

    def current_view(self) -> str:
        return VIEW_NAMES[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(VIEW_NAMES):
            self._load_if_stale(VIEW_NAMES[row])
            self.stack.setCurrentIndex(row)
            # LAST_VIEW is saved with the layout on close: a settings write on every switch makes Qt sync the
            # settings file (a write and fsync on the GUI thread), which stalled page switches by 100 ms and
            # more while a background job was writing to the same disk.

    # --- actions and menus -----------------------------------------------------------------------
    def _action(self, name: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(self)
        act.setObjectName(name)
        act.triggered.connect(slot)
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(QKeySequence(shortcut))
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        self.act_open = self._action("action-open", self.choose_database, QKeySequence.StandardKey.Open)
        self.act_backup = self._action("action-backup", self.backup_database, "Ctrl+Shift+B")
        self.act_restore = self._action("action-restore", self.restore_backup)
        self.act_quit = self._action("action-quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setObjectName("action-undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setObjectName("action-redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_find = self._action("action-find", self._focus_search, QKeySequence.StandardKey.Find)
        self.act_settings = self._action("action-settings", self.open_settings, "Ctrl+,")
        self.act_reload = self._action("action-reload", self.reload, QKeySequence.StandardKey.Refresh)
        self.view_actions: list[QAction] = []
        for i, key in enumerate(VIEW_NAMES):
            act = self._action(f"action-view-{key}", lambda _c=False, k=key: self.show_view(k), f"Ctrl+{i + 1}")
            self.view_actions.append(act)
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for lang, native in (("zh", "中文"), ("en", "English")):
            act = QAction(native, self, checkable=True)
            act.setObjectName(f"action-lang-{lang}")
            act.triggered.connect(lambda _c=False, lg=lang: set_language(lg))
            self.lang_group.addAction(act)
            self.lang_actions[lang] = act
        self.act_about = self._action("action-about", self.about)
        # the reporting cycle and plan import (dialogs in their own modules)
        self.act_import = self._action("action-import-plan", self.import_plan, "Ctrl+I")
        self.act_issue = self._action("action-issue", self.issue_workbooks, "Ctrl+Shift+I")
        self.act_merge = self._action("action-merge", self.merge_workbooks, "Ctrl+M")
        self.act_bureau = self._action("action-bureau", self.open_department_workbook, "Ctrl+Shift+O")
        self.setAcceptDrops(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_open, self.act_backup, self.act_restore])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_import, self.act_issue, self.act_merge, self.act_bureau])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_find, self.act_settings])
        self.menu_view = bar.addMenu("")
        self.menu_view.addActions(self.view_actions)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_reload)
        self.menu_lang = bar.addMenu("")
        self.menu_lang.addActions(list(self.lang_actions.values()))
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_open.setText(self.tr("&Open Database…"))
        self.act_backup.setText(self.tr("&Back Up Database"))
        self.act_restore.setText(self.tr("&Restore from Backup…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find Task"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_reload.setText(self.tr("&Reload"))
        self.act_about.setText(self.tr("&About PeakDesk"))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.act_import.setText(self.tr("&Import Plan…"))
        self.act_issue.setText(self.tr("&Issue Workbooks…"))
        self.act_merge.setText(self.tr("&Merge Returned Workbooks…"))
        self.act_bureau.setText(self.tr("Open &Department Workbook…"))
        for i, key in enumerate(VIEW_NAMES):
            title = view_title(key)
            self.nav.item(i).setText(title)
            self.view_actions[i].setText(title)
        self._update_banner()
        self._update_status()
        self._update_title()
        self._sync_language_actions()

    def _clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _language_changed(self, _lang: str) -> None:
        self._sync_language_actions()

    def _sync_language_actions(self) -> None:
        act = self.lang_actions.get(current_lang())
        if act is not None:
            act.setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.db_path.name if self.db_path else self.tr("no database")
        modified = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"{name}{modified} — PeakDesk")

    def _update_banner(self) -> None:
        today = demo_today(self.db) if self.db is not None else None
        self.banner.setVisible(bool(today))
        if today:
            self.banner.setText(self.tr(
                "Demo data: every figure is computed as if today were %1. Open your own database with "
                "File → Open Database.").replace("%1", today))

    def _update_status(self) -> None:
        self.status_db.setText(view_kit.display_path(self.db_path) if self.db_path else self.tr("No database open"))
        self.status_db.setToolTip(str(self.db_path) if self.db_path else "")
        if self.db is not None and self.plan_id is not None:
            n = self.db.execute("SELECT count(*) FROM task WHERE plan_id = ?", [self.plan_id]).fetchone()[0]
            self.status_count.setText(self.tr("%1 tasks").replace("%1", str(n)))
        else:
            self.status_count.setText("")

    # --- database --------------------------------------------------------------------------------
    def open_database(self, path: Path | str) -> bool:
        path = Path(path)
        try:
            db = open_database(path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Open Database"))
            return False
        if self.db is not None:
            self.db.close()
        self.db, self.db_path = db, path
        self.plan_id = newest_plan_id(db)
        self.undo_stack.clear()
        settings.LAST_DATABASE.set(str(path))
        self._load_pages()
        self.retranslate()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", view_kit.display_path(path)), 5000)
        freeze_long_lived_objects()
        self.loaded.emit()
        return True

    def _load_pages(self) -> None:
        """Load the page on screen now; the others when they are first shown (a page whose data is
        expensive must not delay opening the window)."""
        self._stale = set(self.pages)
        self._load_if_stale(self.current_view())

    def _load_if_stale(self, key: str) -> None:
        if key in self._stale and self.db is not None:
            self._stale.discard(key)
            self.pages[key].set_database(self.db, self.plan_id)

    def reload(self) -> None:
        if self.db_path is not None:
            self.open_database(self.db_path)

    def notify(self, changes: ChangeSummary) -> None:
        """A write happened (an undo command, a service): pages refresh what is stale."""
        current = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is current:
                page.refresh(changes)
            else:
                self._stale.add(key)  # reloaded when shown
        self._update_status()
        self.changed.emit(changes)

    def choose_database(self) -> None:
        start = str(self.db_path.parent) if self.db_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Database"), start,
            self.tr("PeakDesk databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_database(path)

    def backup_database(self) -> Op | None:
        """Copy the open database into the backups folder (SQLite backup API, keep the last N), in the background."""
        from desktop_app.ui.backup import back_up_now

        return back_up_now(self)

    def restore_backup(self) -> Any:
        from desktop_app.ui.backup import restore_dialog

        if self.db is None:
            return None
        return restore_dialog(self)

    def navigate(self, view: str, filters: dict[str, Any]) -> None:
        """Switch to ``view`` and apply ``filters`` (from the dashboard) as far as that page understands them."""
        self.show_view(view)
        page = self.pages.get(view)
        if page is None:
            return
        if hasattr(page, "show_filtered"):
            page.show_filtered(**filters)
        elif view == "periods" and "period" in filters and hasattr(page, "select_period"):
            page.select_period(filters["period"])

    # --- plan import and the reporting cycle ----------------------------------------------------------
    def _cycle_dialog(self, dialog: Any) -> Any:
        dialog.changed.connect(self._after_write)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _after_write(self, changes: ChangeSummary) -> None:
        if changes.plans and self.db is not None:
            self.plan_id = newest_plan_id(self.db)
            self._load_pages()
        self.notify(changes)

    def import_plan(self) -> Any:
        from desktop_app.ui.import_dialog import ImportDialog

        return self._cycle_dialog(ImportDialog(self.db_path, self)) if self.db_path else None

    def issue_workbooks(self) -> Any:
        from desktop_app.ui.issue_dialog import IssueDialog

        return self._cycle_dialog(IssueDialog(self.db_path, self, plan_id=self.plan_id)) if self.db_path else None

    def merge_workbooks(self, paths: Any = ()) -> Any:
        from desktop_app.ui.merge_dialog import MergeDialog

        return self._cycle_dialog(MergeDialog(self.db_path, self, paths=paths)) if self.db_path else None

    def open_department_workbook(self) -> Any:
        from desktop_app.ui.bureau_window import open_department_workbook

        return open_department_workbook(self)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        from desktop_app.ui.merge_dialog import accepts_drop

        if self.db_path is not None and accepts_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Workbooks or folders dropped on the window are merged at once."""
        from desktop_app.ui.merge_dialog import merge_dropped

        if self.db_path is None:
            return
        dialog = merge_dropped(self, self.db_path, event.mimeData())
        if dialog is not None:
            dialog.changed.connect(self._after_write)
            event.acceptProposedAction()

    # --- misc ------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.show_view("ledger")
        page = self.pages["ledger"]
        focus = getattr(page, "focus_search", None)
        if focus:
            focus()

    def open_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About PeakDesk"), self.tr(
            "<h3>PeakDesk %1</h3><p>Carbon-peak plan task desk: task ledger, monthly reporting, quarterly "
            "early warnings, annual assessment and printed reports.</p>").replace("%1", __version__))

    def _restore_layout(self) -> None:
        geometry = settings.MAIN_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        state = settings.MAIN_STATE.get()
        if not state.isEmpty():
            self.restoreState(state)
        split = settings.MAIN_SPLITTER.get()
        if not split.isEmpty():
            self.splitter.restoreState(split)

    def save_layout(self) -> None:
        settings.LAST_VIEW.set(self.current_view())
        settings.MAIN_GEOMETRY.set(self.saveGeometry())
        settings.MAIN_STATE.set(self.saveState())
        settings.MAIN_SPLITTER.set(self.splitter.saveState())
        for page in self.pages.values():
            page.save_state()
        settings.qsettings().sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        if self.db is not None:
            for page in self.pages.values():
                page.set_database(None, None)
            self.db.close()
            self.db = None
            self.plan_id = None
        super().closeEvent(event)
