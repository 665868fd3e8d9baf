"""The ledger page: filters, debounced search, the task table or tree, the detail pane, undoable edits."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import STATUS_LABELS, ChangeSummary, Status, join_names, label
from desktop_app.services import ledger_queries as ledger
from desktop_app.services import unit_lookup
from desktop_app.services.ledger_queries import search_tasks
from desktop_app.ui import settings
from desktop_app.ui.app import current_lang
from desktop_app.ui.models.ledger_model import (
    NO_LEAD,
    NO_STATUS,
    Column,
    LedgerFilter,
    LedgerModel,
    LedgerRole,
    LedgerTreeModel,
)
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page
from desktop_app.ui.view_kit import keep_on_screen

if TYPE_CHECKING:
    from desktop_app.services.edits import TaskState
    from desktop_app.ui.main_window import MainWindow

COLUMN_WIDTHS = {Column.CODE: 90, Column.TITLE: 240, Column.LEAD: 110, Column.COOPERATING: 120,
                 Column.TARGET: 110, Column.DUE: 84, Column.STATUS: 76, Column.PERCENT: 48}


class LedgerPage(Page):
    key = "ledger"
    task_selected = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.model = LedgerModel(self)
        self.model.editor = self.edit_fields
        self.tree_model = LedgerTreeModel(self.model, self)
        self.flat_model = QSortFilterProxyModel(self)
        self.flat_model.setSourceModel(self.model)
        self.flat_model.setSortRole(LedgerRole.SORT)
        self.current_task: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("ledger-search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(settings.SEARCH_DELAY_MS.get())
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.dept_filter = QComboBox()
        self.dept_filter.setObjectName("ledger-dept-filter")
        self.dept_filter.setMinimumContentsLength(12)
        self.dept_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.section_filter = QComboBox()
        self.section_filter.setObjectName("ledger-section-filter")
        self.section_filter.setMinimumContentsLength(14)
        self.section_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("ledger-status-filter")
        for combo in (self.dept_filter, self.section_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.group_box = QCheckBox()
        self.group_box.setObjectName("ledger-group")
        self.group_box.setChecked(settings.LEDGER_TREE_MODE.get())
        self.group_box.toggled.connect(self.set_tree_mode)
        self.count_label = QLabel()
        self.count_label.setObjectName("ledger-count")

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.group_box)
        bar.addWidget(self.count_label)
        # the filters get a row of their own: one row did not fit a 1024-px screen
        bar2 = QHBoxLayout()
        bar2.setContentsMargins(8, 0, 8, 4)
        self.dept_label = QLabel()
        self.dept_label.setBuddy(self.dept_filter)
        bar2.addWidget(self.dept_label)
        bar2.addWidget(self.dept_filter, 1)
        self.section_label = QLabel()
        self.section_label.setBuddy(self.section_filter)
        bar2.addWidget(self.section_label)
        bar2.addWidget(self.section_filter, 1)
        self.status_label = QLabel()
        self.status_label.setBuddy(self.status_filter)
        bar2.addWidget(self.status_label)
        bar2.addWidget(self.status_filter)

        self.view = QTreeView()
        self.view.setObjectName("ledger-view")
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(12)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several tasks (or whole sections) can be selected and given their units in one step
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.header().setStretchLastSection(False)

        self.detail = QTextBrowser()
        self.detail.setObjectName("ledger-detail")
        self.detail.setOpenExternalLinks(False)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("ledger-edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.edit_button.setEnabled(False)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("ledger-assign")
        self.assign_button.setShortcut("Ctrl+U")
        self.assign_button.clicked.connect(lambda _c=False: self.assign_units())
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("ledger-copy-units")
        self.copy_button.clicked.connect(lambda _c=False: self.copy_units())
        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail, 1)
        brow = QHBoxLayout()
        brow.addWidget(self.assign_button)
        brow.addWidget(self.copy_button)
        brow.addStretch(1)
        brow.addWidget(self.edit_button)
        dl.addLayout(brow)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("ledger-splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([960, 250])
        state = settings.LEDGER_SPLITTER.get()
        if not state.isEmpty():
            self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.splitter, 1)

        self._tree_mode = not self.group_box.isChecked()  # force the first set_tree_mode to act
        self.set_tree_mode(self.group_box.isChecked())
        self.model.modelReset.connect(self._after_reset)
        self.retranslate()

    # --- data ------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.current_task = None
        self._fill_filters()
        self.model.load(db, plan_id)
        self.show_detail(None)

    def refresh(self, changes: ChangeSummary) -> None:
        if self.db is None:
            return
        task_id = changes.details.get("task_id")
        if changes.departments and not changes.details.get("task_id"):
            self._fill_filters()
        if isinstance(task_id, int) and not (changes.progress or changes.plans):
            self.model.refresh_task(task_id)
        elif changes.tasks or changes.progress or changes.plans or changes.departments:
            self.model.load(self.db, self.plan_id)
        if self.current_task is not None:
            self.show_detail(self.current_task)

    def _fill_filters(self) -> None:
        lang = current_lang()
        keep = (self.dept_filter.currentData(), self.section_filter.currentData(), self.status_filter.currentData())
        for combo in (self.dept_filter, self.section_filter, self.status_filter):
            combo.blockSignals(True)
            combo.clear()
        self.dept_filter.addItem(self.tr("All units"), None)
        self.section_filter.addItem(self.tr("All sections"), None)
        self.status_filter.addItem(self.tr("Any status"), None)
        if self.db is not None:
            used = unit_lookup.units_used_by_plan(self.db, self.plan_id)
            self.dept_filter.addItem(self.tr("(no lead unit yet)"), NO_LEAD)
            for d in ledger.list_departments(self.db):
                if d.code in used:
                    self.dept_filter.addItem(d.name(lang), d.code)
            if self.plan_id is not None:
                for s in ledger.sections(self.db, self.plan_id):
                    indent = "    " if s.parent_id else ""
                    self.section_filter.addItem(f"{indent}{s.number}{s.title(lang)}", s.id)
        for status in Status:
            self.status_filter.addItem(label(STATUS_LABELS, status, lang), status.value)
        self.status_filter.addItem(self.tr("No report yet"), NO_STATUS)
        for combo, value in zip((self.dept_filter, self.section_filter, self.status_filter), keep, strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        section = self.section_filter.currentData()
        text = self.search.text().strip()
        hits = frozenset(search_tasks(self.db, self.plan_id, text, limit=100000)) \
            if (text and self.db is not None) else None
        self.model.set_filter(LedgerFilter(
            department=self.dept_filter.currentData(),
            section_ids=self.model.section_and_descendants(section) if section is not None else None,
            status=self.status_filter.currentData(),
            task_ids=hits,
        ))

    def show_filtered(self, *, task_id: int | None = None, section_id: int | None = None,
                      department: str | None = None, unassigned: bool = False, **_other: Any) -> None:
        """Used by the dashboard: show one section's tasks (or one department's), other filters cleared, with
        a task selected and its detail shown; ``unassigned`` shows the tasks without a lead unit."""
        if unassigned:
            department = NO_LEAD
        if section_id is not None or department is not None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for combo, value in ((self.section_filter, section_id), (self.dept_filter, department),
                                 (self.status_filter, None)):
                combo.blockSignals(True)
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
                combo.blockSignals(False)
            if task_id is not None:
                self.current_task = int(task_id)
            self.apply_filters()
        if task_id is not None:
            self.select_task(int(task_id))      # the current-row change shows its detail

    def _after_reset(self) -> None:
        self._update_count()
        if self._tree_mode:
            self.view.expandAll()
            self._span_sections()
        if self.current_task is not None:
            self.select_task(self.current_task)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        self.count_label.setText(self.tr("%1 of %2 tasks").replace("%1", str(shown)).replace("%2", str(total)))

    def _span_sections(self) -> None:
        def walk(parent: QModelIndex) -> None:
            for row in range(self.tree_model.rowCount(parent)):
                idx = self.tree_model.index(row, 0, parent)
                if idx.data(LedgerRole.IS_SECTION):
                    self.view.setFirstColumnSpanned(row, parent, True)
                    walk(idx)
        walk(QModelIndex())

    # --- view mode -------------------------------------------------------------------------------
    def set_tree_mode(self, tree: bool) -> None:
        if tree == self._tree_mode:
            return
        if self.view.model() is not None:
            self._save_header()
        self._tree_mode = tree
        settings.LEDGER_TREE_MODE.set(tree)
        self.view.setModel(self.tree_model if tree else self.flat_model)
        self.view.setRootIsDecorated(tree)
        self.view.setSortingEnabled(not tree)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_assign_buttons())
        header = self.view.header()
        state = (settings.LEDGER_HEADER_TREE if tree else settings.LEDGER_HEADER_FLAT).get()
        if state.isEmpty() or not header.restoreState(state):
            for col, width in COLUMN_WIDTHS.items():
                header.resizeSection(col, width)
            header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
            if not tree:
                self.view.sortByColumn(Column.CODE, Qt.SortOrder.AscendingOrder)
        if tree:
            self.view.expandAll()
            self._span_sections()
        if self.current_task is not None:
            self.select_task(self.current_task)

    def _save_header(self) -> None:
        (settings.LEDGER_HEADER_TREE if self._tree_mode else settings.LEDGER_HEADER_FLAT).set(
            self.view.header().saveState())

    def save_state(self) -> None:
        self._save_header()
        settings.LEDGER_SPLITTER.set(self.splitter.saveState())

    def view_index_for_task(self, task_id: int, column: int = 0) -> QModelIndex:
        if self._tree_mode:
            return self.tree_model.index_for_task(task_id, column)
        row = self.model.row_for(task_id)
        if row is None:
            return QModelIndex()
        return self.flat_model.mapFromSource(self.model.index(row, column))

    def select_task(self, task_id: int) -> bool:
        idx = self.view_index_for_task(task_id)
        if not idx.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True

    # --- units for many tasks ------------------------------------------------------------------------
    def selected_task_ids(self) -> list[int]:
        """The selected tasks in ledger order; a selected section heading stands for all its shown tasks."""
        chosen: set[int] = set()
        sections: set[int] = set()
        for index in self.view.selectionModel().selectedRows(0):
            task_id = index.data(LedgerRole.TASK_ID)
            if task_id is not None:
                chosen.add(int(task_id))
            elif index.data(LedgerRole.IS_SECTION):
                sid = index.data(LedgerRole.SECTION_ID)
                if sid is not None:
                    sections |= set(self.model.section_and_descendants(int(sid)))
        return [r.id for r in self.model.visible_rows() if r.id in chosen or r.section_id in sections]

    def assign_units(self, task_ids: list[int] | None = None) -> Any:
        """Assign a lead and cooperating units to every selected task (or section) in one step."""
        from desktop_app.ui.assign_dialog import AssignUnitsDialog

        ids = task_ids if task_ids is not None else self.selected_task_ids()
        if self.db is None or not ids:
            return None
        dialog = AssignUnitsDialog(self.db, ids, self)
        self.assign_dialog = dialog
        from desktop_app.ui.view_kit import fit_to_screen

        fit_to_screen(dialog)
        accepted = dialog.exec() == AssignUnitsDialog.DialogCode.Accepted
        if dialog.created and not accepted:
            self.window_.notify(ChangeSummary(departments=True))
        if accepted:
            self.window_.notify(dialog.summary)
            self.window_.statusBar().showMessage(
                self.tr("Units assigned to %n task(s).", "", len(ids)), 5000)
        return dialog

    def copy_units(self) -> None:
        """Give the other selected tasks exactly the units of the current task."""
        from desktop_app.services.bulk_assign import copy_units

        source = self.current_task
        targets = [t for t in self.selected_task_ids() if t != source]
        if self.db is None or source is None or not targets:
            self.window_.statusBar().showMessage(self.tr(
                "Select the task to copy from, then Ctrl-click the tasks (or sections) to copy its units to."), 8000)
            return
        try:
            summary = copy_units(self.db, source, targets)
        except Exception as exc:  # noqa: BLE001 - shown to the user (PeakDeskError) or as a bug report
            show_error(self, exc)
            return
        self.window_.notify(summary)
        self.window_.statusBar().showMessage(self.tr("Units copied to %n task(s).", "", len(targets)), 5000)

    def _update_assign_buttons(self) -> None:
        n = len(self.selected_task_ids()) if self.view.selectionModel() is not None else 0
        self.assign_button.setEnabled(n > 0)
        self.copy_button.setEnabled(n > 1 and self.current_task is not None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task_id = current.data(LedgerRole.TASK_ID) if current.isValid() else None
        if task_id is None and current.isValid():
            return  # a section heading: keep the detail of the last task
        self.current_task = task_id
        self.show_detail(task_id)
        if task_id is not None:
            self.task_selected.emit(task_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(LedgerRole.TASK_ID) is not None and not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit_current()

    def select_first_task(self) -> None:
        rows = self.model.visible_rows()
        if rows:
            self.select_task(rows[0].id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- detail ----------------------------------------------------------------------------------
    def show_detail(self, task_id: int | None) -> None:
        self.edit_button.setEnabled(task_id is not None)
        self._update_assign_buttons()
        if task_id is None or self.db is None:
            hint = self.tr("Select a task to see its full text, targets and units.")
            self.detail.setHtml(f"<p style='color:#6c757d'>{html.escape(hint)}</p>")
            return
        d = ledger.task_detail(self.db, task_id)
        lang = current_lang()
        row_num = self.model.row_for(task_id)
        latest = self.model.task_at(row_num) if row_num is not None else None
        e = html.escape
        title = d.title_en if lang == "en" and d.title_en else d.title_zh
        text = d.text_en if lang == "en" and d.text_en else d.text_zh
        sec = next((s for s in self.model.sections if s.id == d.section_id), None)
        parts = [f"<h3>{e(d.code)}　{e(title)}</h3>"]
        if sec is not None:
            parts.append(f"<p style='color:#6c757d'>{e(sec.number + sec.title(lang))}</p>")
        rows = [
            (self.tr("Lead unit"), d.lead.name(lang) if d.lead else self.tr("(none)")),
            (self.tr("Cooperating units"), join_names((c.name(lang) for c in d.cooperating), lang) or self.tr("(none)")),
            (self.tr("Due date"), d.due.isoformat() if d.due else self.tr("(none)")),
        ]
        if latest is not None and latest.status is not None:
            pct = f" · {latest.percent:.0f}%" if latest.percent is not None else ""
            rows.append((self.tr("Latest status"),
                         f"{label(STATUS_LABELS, latest.status, lang)}{pct} ({latest.period or ''})"))
        parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(
            f"<tr><td style='color:#6c757d'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows) + "</table>")
        targets_heading, no_target, text_heading = (
            self.tr("Targets"), self.tr("No quantitative target."), self.tr("Full text"))
        parts.append(f"<h4>{e(targets_heading)}</h4>")
        if d.targets:
            parts.append("<ul>" + "".join(
                f"<li>{e(ledger.format_target(t, lang))}" + (f"<br><small>{e(t.text)}</small>" if t.text else "")
                + "</li>" for t in d.targets) + "</ul>")
        else:
            parts.append(f"<p style='color:#6c757d'>{e(no_target)}</p>")
        parts.append(f"<h4>{e(text_heading)}</h4><p>{e(text)}</p>")
        self.detail.setHtml("".join(parts))

    # --- editing ---------------------------------------------------------------------------------
    def edit_current(self) -> None:
        if self.current_task is None or self.db is None:
            return
        from desktop_app.ui.task_edit import TaskEditDialog  # on first use: not before the first paint

        dialog = keep_on_screen(TaskEditDialog(self.db, self.current_task, self))
        if dialog.exec() == TaskEditDialog.DialogCode.Accepted:
            self.push_edit(self.current_task, dialog.before, dialog.after)

    def edit_fields(self, task_id: int, fields: dict[str, Any]) -> bool:
        """Inline edits from the table (title, due date) become an undoable command."""
        from desktop_app.services.edits import TaskState

        before = TaskState.read(self.db, task_id)
        return self.push_edit(task_id, before, before.with_fields(**fields))

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def push_edit(self, task_id: int, before: TaskState, after: TaskState) -> bool:
        if before == after:
            return False
        from desktop_app.ui.task_edit import EditTaskCommand

        code = ledger.task_detail(self.db, task_id).code
        cmd = EditTaskCommand(self.db, task_id, code, before, after, self._written,
                              lambda exc: self._show_error(exc))
        self.window_.undo_stack.push(cmd)
        return not cmd.failed

    def _written(self, task_id: int) -> None:
        self.window_.notify(ChangeSummary(tasks=True, details={"task_id": task_id}))

    # --- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Code, title or text…"))
        self.search_label.setText(self.tr("&Search:"))
        self.dept_label.setText(self.tr("&Unit:"))
        self.section_label.setText(self.tr("S&ection:"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.group_box.setText(self.tr("&Group by section"))
        self.edit_button.setText(self.tr("&Edit Task…"))
        self.assign_button.setText(self.tr("&Assign Units…"))
        self.assign_button.setToolTip(self.tr("Give the selected tasks (or every task of a selected section) a "
                                              "lead unit and cooperating units in one step (Ctrl+U). Ctrl-click "
                                              "or Shift-click to select several."))
        self.copy_button.setText(self.tr("&Copy Units to Selected"))
        self.copy_button.setToolTip(self.tr("Give the other selected tasks the units of the task shown on the "
                                            "right."))
        self._fill_filters()
        self.model.retranslate()
        self._update_count()
        self.show_detail(self.current_task)
