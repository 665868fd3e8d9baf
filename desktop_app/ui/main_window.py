"""The main window: navigation list, stacked pages, demo banner, menus, shortcuts, status bar."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
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
from desktop_app.services import workspace
from desktop_app.services.database_files import create_database, open_existing, remember_recent
from desktop_app.ui import settings, view_kit
from desktop_app.ui.app import app_icon, current_lang, language_hub, set_language
from desktop_app.ui.names import VIEW_NAMES
from desktop_app.ui.ops import Op, show_error
from desktop_app.ui.pages import ComingPage, Page, view_title

# Style sheets on the few widgets they are for, never on the window: a style sheet on an ancestor routes
# every descendant (the ledger's tree included) through Qt's style-sheet style, which cost ~35 ms of the
# first paint.
BANNER_STYLE = "background: #fff3cd; color: #664d03; padding: 6px 12px; border-bottom: 1px solid #ffe69c;"
NAV_STYLE = """
QListWidget { font-size: 11pt; border: none; background: #f3f5f4; }
QListWidget::item { padding: 8px 12px; }
QListWidget::item:selected { background: #1f6f4a; color: white; }
"""
LABEL_STYLES = {"page-heading": "font-size: 16pt; font-weight: bold;", "page-note": "color: #6c757d;"}


def dress(root: QWidget) -> None:
    """Give the labels named ``page-heading`` / ``page-note`` in ``root`` their look (pages, dialogs)."""
    for label in [root, *root.findChildren(QLabel)]:
        style = LABEL_STYLES.get(label.objectName())
        if style is not None and isinstance(label, QLabel) and not label.styleSheet():
            label.setStyleSheet(style)


def newest_plan_id(db: Any) -> int | None:
    """The plan the pages show (the chosen current plan, else the newest one not archived)."""
    return workspace.current_plan_id(db)


def demo_today(db: Any) -> str | None:
    return workspace.demo_today(db)


def merge_suffixes() -> frozenset[str]:
    """What the merge dialog takes from a drop (it names a return saved in another format with what to do);
    anything else dropped is named in a message instead of being ignored."""
    from desktop_app.ui.merge_dialog import RETURN_SUFFIXES

    return frozenset(s.lower() for s in RETURN_SUFFIXES)



def freeze_long_lived_objects() -> None:
    """Move everything alive now (modules, widgets, loaded data) out of the cyclic collector's reach.

    A full collection traverses every tracked object; with Qt, reportlab and the loaded database that took
    ~65 ms on the GUI thread, a visible stall. Frozen objects are still freed by reference counting.
    """
    gc.unfreeze()   # what an earlier database left behind becomes collectable again
    gc.collect()
    gc.freeze()


FREEZE_DELAY_MS = 1500   # after the first paint of a newly opened database, not before it


class LazyPages(Mapping[str, Page]):
    """The window's pages by view key, each built on first use (first shown, or first asked for).

    Building all nine pages up front imported every page module and cost ~200 ms before the first
    paint; now only the page on screen is built. Looking a page up builds it (so ``pages["ledger"]``
    always answers); ``built()`` lists only those that exist, for the window's own bookkeeping
    (refresh, save state, close), which must not build pages just to tell them nothing changed.
    """

    def __init__(self, build: Callable[[str], Page]) -> None:
        self._build = build
        self._pages: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._pages.get(key)
        if page is None:
            if key not in VIEW_NAMES:
                raise KeyError(key)
            page = self._pages[key] = self._build(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(VIEW_NAMES)

    def __len__(self) -> int:
        return len(VIEW_NAMES)

    def __contains__(self, key: object) -> bool:
        return key in VIEW_NAMES

    def is_built(self, key: str) -> bool:
        return key in self._pages

    def built(self) -> list[tuple[str, Page]]:
        return [(k, self._pages[k]) for k in VIEW_NAMES if k in self._pages]


class MainWindow(QMainWindow):
    """One database at a time; pages get it through ``set_database`` and refresh from change summaries."""

    loaded = Signal()  # a database was opened and every page has its data
    changed = Signal(object)  # ChangeSummary after a write

    def __init__(self, db_path: Path | None = None, *, view: str | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self.db: Any = None
        self.db_path: Path | None = None
        self.plan_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.persist_layout = True   # False for a screenshot run: it must not overwrite the user's layout
        self._freeze_timer = QTimer(self)
        self._freeze_timer.setSingleShot(True)
        self._freeze_timer.setInterval(FREEZE_DELAY_MS)
        self._freeze_timer.timeout.connect(freeze_long_lived_objects)
        app = QApplication.instance()
        if isinstance(app, QApplication):   # dialogs that pages open themselves get their label styles too
            app.focusChanged.connect(self._dress_focused_window)

        self.banner = QLabel()
        self.banner.setObjectName("demo-banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setVisible(False)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setMaximumWidth(220)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.pages = LazyPages(self._install_page)
        self._stale: set[str] = set()  # pages whose data must be (re)loaded before they are shown
        for key in VIEW_NAMES:
            self.stack.addWidget(QWidget())   # a placeholder until the page is first needed
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
        from desktop_app.ui.welcome import WelcomePanel

        self.welcome = WelcomePanel(self)
        dress(self.welcome)
        layout.addWidget(self.welcome, 1)
        self._show_welcome(True)
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

    def _dress_focused_window(self, _old: QWidget | None, now: QWidget | None) -> None:
        window = now.window() if now is not None else None
        if window is not None and window is not self:
            dress(window)

    # --- pages -----------------------------------------------------------------------------------
    def _install_page(self, key: str) -> Page:
        """Build page ``key`` and put it in its place in the stack (instead of the placeholder)."""
        index = VIEW_NAMES.index(key)
        page = self._make_page(key)
        dress(page)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        return page

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
               "reports": ("reports_view", "ReportsPage"), "plans": ("plans_view", "PlansPage")}
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
            self.pages[VIEW_NAMES[row]]   # built on first show
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
        self.act_new = self._action("action-new-database", self.new_database, QKeySequence.StandardKey.New)
        self.act_open = self._action("action-open", self.choose_database, QKeySequence.StandardKey.Open)
        self.act_demo = self._action("action-open-demo", self.open_demo)
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
        self.act_office = self._action("action-office-settings", self.open_office_settings)
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
        self.act_import = self._action("action-import-plan", lambda _c=False: self.import_plan(), "Ctrl+I")
        self.act_issue = self._action("action-issue", self.issue_workbooks, "Ctrl+Shift+I")
        # triggered(bool) must not reach ``paths``: a lambda drops the checked flag
        self.act_merge = self._action("action-merge", lambda _c=False: self.merge_workbooks(), "Ctrl+M")
        self.act_bureau = self._action("action-bureau", self.open_department_workbook, "Ctrl+Shift+O")
        self.setAcceptDrops(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_new, self.act_open])
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.setObjectName("menu-recent")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addAction(self.act_demo)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_backup, self.act_restore])
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_import, self.act_issue, self.act_merge, self.act_bureau])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_find, self.act_settings, self.act_office])
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
        self.act_new.setText(self.tr("&New Database…"))
        self.act_open.setText(self.tr("&Open Database…"))
        self.act_demo.setText(self.tr("Open the &Demo Database"))
        self.menu_recent.setTitle(self.tr("Open &Recent"))
        self._fill_recent()
        self.act_backup.setText(self.tr("&Back Up Database"))
        self.act_restore.setText(self.tr("&Restore from Backup…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Find Task"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_office.setText(self.tr("&Office Settings for Documents…"))
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
        # the page titles stay readable however narrow the window: the splitter may not squeeze them
        self.nav.setMinimumWidth(min(200, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8))
        self._update_banner()
        self._update_status()
        self._update_title()
        self._sync_language_actions()
        self.welcome.retranslate()

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
            n = workspace.task_count(self.db, self.plan_id)
            self.status_count.setText(self.tr("%1 tasks").replace("%1", str(n)))
        else:
            self.status_count.setText("")

    # --- database --------------------------------------------------------------------------------
    def open_database(self, path: Path | str) -> bool:
        path = Path(path)
        try:
            db = open_existing(path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Open Database"))
            return False
        if self.db is not None:
            for _key, page in self.pages.built():
                page.set_database(None, None)
            self.db.close()
        self.db, self.db_path = db, path
        self.plan_id = newest_plan_id(db)
        self.undo_stack.clear()
        settings.LAST_DATABASE.set(str(path))
        settings.RECENT_DATABASES.set(remember_recent(list(settings.RECENT_DATABASES.get()), path))
        self._show_welcome(False)
        self._load_pages()
        self.retranslate()
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", view_kit.display_path(path)), 5000)
        self._freeze_timer.start()   # a full collection takes ~20 ms: not before the first paint
        self.loaded.emit()
        return True

    def _load_pages(self) -> None:
        """Load the page on screen now; the others when they are first shown (a page whose data is
        expensive must not delay opening the window)."""
        self._stale = set(VIEW_NAMES)
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
        for key, page in self.pages.built():
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

    def new_database(self) -> bool:
        """Ask for a file name and create an empty database there (never overwrites a file)."""
        from desktop_app.paths import user_data_dir

        start = str((self.db_path.parent if self.db_path else user_data_dir()) / self.tr("new-desk.sqlite"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Database"), start, self.tr("PeakDesk databases (*.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return False
        return self.create_and_open(Path(path))

    def create_and_open(self, path: Path) -> bool:
        try:
            created = create_database(path)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("New Database"))
            return False
        if not self.open_database(created):
            return False
        self.show_view("plans")   # a new desk starts by importing its plan
        return True

    def open_demo(self) -> bool:
        """Open the demo database in the user data folder (built on first use)."""
        from desktop_app.paths import demo_db_path

        path = demo_db_path()
        if not path.exists():
            from desktop_app.services.demo import build_demo

            self.statusBar().showMessage(self.tr("Building the demo database…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                build_demo(path)
            finally:
                QApplication.restoreOverrideCursor()
        ok = self.open_database(path)
        if ok:
            self.show_view("dashboard")
        return ok

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        recent = [p for p in settings.RECENT_DATABASES.get() if Path(p).is_file()]
        for path in recent:
            act = self.menu_recent.addAction(view_kit.display_path(Path(path)))
            act.setToolTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_database(p))
        self.menu_recent.setEnabled(bool(recent))

    def _show_welcome(self, show: bool) -> None:
        self.welcome.setVisible(show)
        self.splitter.setVisible(not show)
        for act in (getattr(self, "act_import", None), getattr(self, "act_issue", None),
                    getattr(self, "act_merge", None), getattr(self, "act_backup", None),
                    getattr(self, "act_restore", None), getattr(self, "act_reload", None)):
            if act is not None:
                act.setEnabled(not show)

    def start(self, db_path: Path | None = None, *, fallback: Path | None = None) -> None:
        """First thing after showing: the database given, else the last one, else ``fallback`` if it exists,
        else the welcome panel (demo / new / open). Nothing is created without the person asking."""
        if db_path is not None:
            self.open_database(db_path)
            return
        last = settings.LAST_DATABASE.get()
        if last and Path(last).is_file() and self.open_database(Path(last)):
            return
        if fallback is not None and fallback.is_file() and self.open_database(fallback):
            return
        self._show_welcome(True)

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
        dress(dialog)
        dialog.changed.connect(self._after_write)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view_kit.fit_to_screen(dialog)
        dialog.open()
        return dialog

    def _after_write(self, changes: ChangeSummary) -> None:
        if changes.plans and self.db is not None:
            self.plan_id = newest_plan_id(self.db)
            self._load_pages()
        self.notify(changes)

    def import_plan(self, path: Path | None = None) -> Any:
        from desktop_app.ui.import_dialog import ImportDialog

        if not self.db_path:
            return None
        return self._cycle_dialog(ImportDialog(self.db_path, self, path=path) if path else ImportDialog(self.db_path, self))

    def issue_workbooks(self) -> Any:
        from desktop_app.ui.issue_dialog import IssueDialog

        return self._cycle_dialog(IssueDialog(self.db_path, self, plan_id=self.plan_id)) if self.db_path else None

    def merge_workbooks(self, paths: Any = ()) -> Any:
        from desktop_app.ui.merge_dialog import MergeDialog

        return self._cycle_dialog(MergeDialog(self.db_path, self, paths=paths)) if self.db_path else None

    def open_department_workbook(self) -> Any:
        from desktop_app.ui.bureau_window import open_department_workbook

        window = open_department_workbook(self)
        if isinstance(window, QWidget):
            dress(window)
        return window

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if self.db_path is not None and mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()   # anything local: what cannot be used is named on drop

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Workbooks or folders dropped on the window are merged at once; other files are named in a message."""
        from desktop_app.ui.merge_dialog import merge_dropped

        if self.db_path is None:
            return
        mime = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        self.unsupported_drop(paths)
        usable = [p for p in paths if p.is_dir() or p.suffix.lower() in merge_suffixes()]
        if not usable:
            return
        dialog = merge_dropped(self, self.db_path, usable)
        if dialog is not None:
            dress(dialog)
            view_kit.fit_to_screen(dialog)
            dialog.changed.connect(self._after_write)
            event.acceptProposedAction()

    def unsupported_drop(self, paths: list[Path]) -> QMessageBox | None:
        """Tell which dropped files are not returned workbooks (a plan document is imported from File)."""
        rejected = [p for p in paths if not p.is_dir() and p.suffix.lower() not in merge_suffixes()]
        if not rejected:
            return None
        names = "\n".join(f"• {p.name}" for p in rejected[:20])
        text = self.tr("These files were not merged: only returned workbooks or folders of them can be dropped "
                       "here. A plan document is imported with File → Import Plan.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Files Not Merged"), f"{text}\n\n{names}",
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("unsupported-drop")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.drop_message = box
        return box

    # --- misc ------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.show_view("ledger")
        page = self.pages["ledger"]
        focus = getattr(page, "focus_search", None)
        if focus:
            focus()

    def open_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self, db=self.db).exec()

    def open_office_settings(self) -> None:
        from desktop_app.ui.office_settings import OfficeSettingsDialog
        from desktop_app.ui.view_kit import keep_on_screen

        if self.db is not None:
            keep_on_screen(OfficeSettingsDialog(self.db, self)).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About PeakDesk"), self.tr(
            "<h3>PeakDesk %1</h3><p>Carbon-peak plan task desk: task ledger, monthly reporting, quarterly "
            "early warnings, annual assessment and printed reports.</p>").replace("%1", __version__))

    def _restore_layout(self) -> None:
        geometry = settings.MAIN_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.fit_to_screen(first_start=geometry.isEmpty())
        state = settings.MAIN_STATE.get()
        if not state.isEmpty():
            self.restoreState(state)
        split = settings.MAIN_SPLITTER.get()
        if not split.isEmpty():
            self.splitter.restoreState(split)

    def fit_to_screen(self, *, first_start: bool = False) -> None:
        """First start: 1366×768 or 90 % of the available screen, whichever is smaller; later starts are kept
        inside the screen (a saved size from a larger monitor must not push buttons off this one)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            if first_start:
                self.resize(1366, 768)
            return
        avail = screen.availableGeometry()
        if first_start:
            width = min(1366, int(avail.width() * 0.95))
            height = min(768, int(avail.height() * 0.92))
        else:
            width, height = min(self.width(), avail.width()), min(self.height(), avail.height())
        self.resize(max(width, 640), max(height, 480))
        frame = self.frameGeometry()
        if not avail.contains(frame.topLeft()) or first_start:
            self.move(avail.left() + max(0, (avail.width() - self.frameGeometry().width()) // 2),
                      avail.top() + max(0, (avail.height() - self.frameGeometry().height()) // 2))

    _quit_anyway = False
    _close_when_idle = False

    def ask_about_running_jobs(self, count: int) -> str:
        """"wait" (finish, keep the result, then close), "cancel" (stop the task, then close) or "quit"."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("A Task Is Still Running"), self.tr(
            "%n background task(s) (a report, an import, issuing or merging) have not finished. Quitting now "
            "loses what they have not delivered yet.", "", count), parent=self)
        box.setObjectName("close-while-running")
        wait = box.addButton(self.tr("&Wait, Then Close"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Cancel the Task, Then Close"), QMessageBox.ButtonRole.DestructiveRole)
        quit_now = box.addButton(self.tr("&Quit Now"), QMessageBox.ButtonRole.RejectRole)
        keep = box.addButton(self.tr("&Keep Working"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(wait)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is quit_now:
            return "quit"
        if clicked is cancel:
            return "cancel"
        if clicked is wait:
            return "wait"
        return "keep"

    def _close_if_idle(self) -> None:
        if self._close_when_idle and not self.running_jobs():
            self._close_when_idle = False
            self.close()

    def running_jobs(self) -> list[Op]:
        """Jobs a person started (reports, imports, issuing, merging); page loads are not asked about."""
        return [op for op in list(Op._running) if not op.done and op.cancellable]

    def save_layout(self) -> None:
        if not self.persist_layout:
            return
        settings.LAST_VIEW.set(self.current_view())
        settings.MAIN_GEOMETRY.set(self.saveGeometry())
        settings.MAIN_STATE.set(self.saveState())
        settings.MAIN_SPLITTER.set(self.splitter.saveState())
        for _key, page in self.pages.built():
            page.save_state()
        settings.qsettings().sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        jobs = self.running_jobs()
        if jobs and not self._quit_anyway:
            choice = self.ask_about_running_jobs(len(jobs))
            if choice == "keep":
                event.ignore()
                return
            if choice != "quit":
                event.ignore()
                if choice == "cancel":
                    for op in jobs:
                        op.cancel()
                # wait (or cancel): close by itself once every job has ended and delivered its result
                self._close_when_idle = True
                for op in jobs:
                    op.finished.connect(self._close_if_idle, Qt.ConnectionType.QueuedConnection)
                self.statusBar().showMessage(self.tr("PeakDesk closes when the running task has finished…"))
                return
        self._freeze_timer.stop()
        self.save_layout()
        if self.db is not None:
            for _key, page in self.pages.built():
                page.set_database(None, None)
            self.db.close()
            self.db = None
            self.plan_id = None
        super().closeEvent(event)
