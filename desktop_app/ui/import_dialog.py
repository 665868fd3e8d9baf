"""Import a plan: choose a file → preview in the background → review and correct → commit in one transaction.

The preview (``services.import_plan.preview``) writes nothing. Review edits are the pure functions of
``domain.plan_edit``: each returns a new draft, so undo is going back to the previous one. A file imported
before (same sha256, file name or tasks) is offered as an update of that plan, with the task-by-task diff.
What the importer did not understand is listed with an action: unknown units (match, drop, keep), proposed
matches, unmapped table columns (chooser; the file is read again). Units can be typed or created inline,
also on a new database; Escape or Cancel after edits asks before discarding them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import plan_edit
from desktop_app.domain.models import Direction, Target, join_names
from desktop_app.domain.plan import DraftTask, DraftUnit, PlanDraft
from desktop_app.services.ledger_queries import list_departments
from desktop_app.services.plan_catalog import list_plans
from desktop_app.ui.app import current_lang
from desktop_app.ui.cycle_widgets import BAD_COLOR, LATE_COLOR, InlineOp, ReadConnection
from desktop_app.ui.ops import show_error
from desktop_app.ui.settings import Option
from desktop_app.ui.view_kit import fit_to_screen, keep_on_screen

IMPORT_FOLDER = Option[str]("import/folder", str, "", "folder a plan document was last imported from")
KIND_ROLE = Qt.ItemDataRole.UserRole + 1     # 'section' | 'task'
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2    # index into draft.sections / draft.tasks
TARGET_FIELDS = ("value", "unit", "year", "direction", "text")
ACTION_WARNINGS = ("unit_match_proposed", "unknown_department", "unmapped_column")


def unit_text(unit: DraftUnit | None, lang: str) -> str:
    if unit is None:
        return ""
    name = (unit.name_en if lang == "en" else unit.name_zh) or unit.name
    return name if unit.code else f"{name} (?)"


def target_text(t: Target) -> str:
    sign = {"at_least": "≥", "at_most": "≤", "reduce_by": "−", "increase_by": "+", "about": "≈"}.get(t.direction.value, "")
    number = "" if t.value is None else f"{t.value:g}"
    year = f" ({t.year})" if t.year else ""
    return f"{sign}{number} {t.unit}{year}".strip()


def task_problems(task: DraftTask) -> list[str]:
    """What the reviewer should look at, computed from the draft itself (stays right after every edit)."""
    from PySide6.QtCore import QCoreApplication
    out = []
    if task.lead is None:
        out.append(QCoreApplication.translate("ImportDialog", "No responsible unit"))
    for unit in ([task.lead] if task.lead else []) + task.cooperating:
        if not unit.code:
            out.append(QCoreApplication.translate("ImportDialog", "Unknown unit “%1”: a new department marked “to check” will be created")
                       .replace("%1", unit.name))
    for t in task.targets:
        if t.value is not None and not t.unit:
            out.append(QCoreApplication.translate("ImportDialog", "Number without unit: %1").replace("%1", t.text or f"{t.value:g}"))
    return out


class ImportDialog(QDialog):
    """Choose, preview, review and commit a plan document."""

    changed = Signal(object)  # ChangeSummary after the commit

    def __init__(self, db_path: Path | str, parent: QWidget | None = None, *, path: Path | str | None = None,
                 revision_of: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-dialog")
        self.revision_of = revision_of   # the plan a re-imported document revises (Plans page): diff first
        self.db_path = Path(db_path)
        self.conn = ReadConnection(self.db_path)
        self.op: InlineOp | None = None
        self.preview: Any = None          # services.import_plan.ImportPreview
        self.draft: PlanDraft | None = None
        self.history: list[PlanDraft] = []
        self.created_units: list[DraftUnit] = []   # units named in the review that neither registry nor plan had
        self.columns_map: dict[str, str] = {}       # table header text → meaning chosen in the review
        self.result: Any = None
        self._loading = False
        self.registry = list_departments(self.conn.db)
        self.plans = [(p.id, p.title_zh) for p in list_plans(self.conn.db)]

        # page 1: choose ---------------------------------------------------------------------------
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import-file")
        self.file_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.translation = QComboBox()
        self.translation.setObjectName("translation-of")
        self.choose_note = QLabel()
        self.choose_note.setWordWrap(True)
        self.choose_note.setObjectName("page-note")
        choose = QWidget()
        form = QFormLayout(choose)
        self.file_label = QLabel()
        self.file_label.setBuddy(self.file_edit)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.file_label, row)
        self.translation_label = QLabel()
        self.translation_label.setBuddy(self.translation)
        form.addRow(self.translation_label, self.translation)
        form.addRow(self.choose_note)

        # page 2: review ---------------------------------------------------------------------------
        self.update_box = QLabel()
        self.update_box.setObjectName("import-update")
        self.update_box.setWordWrap(True)
        self.update_box.setStyleSheet("background: #cfe2ff; color: #052c65; padding: 6px;")
        self.diff_list = QListWidget()
        self.diff_list.setObjectName("import-diff")
        self.diff_list.setMaximumHeight(110)
        self.as_new = QCheckBox()
        self.as_new.setObjectName("import-as-new")
        self.tree = QTreeWidget()
        self.tree.setObjectName("import-tree")
        self.tree.setColumnCount(5)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.promote_button = QPushButton()
        self.promote_button.setObjectName("promote")
        self.promote_button.clicked.connect(self.promote)
        self.demote_button = QPushButton()
        self.demote_button.setObjectName("demote")
        self.demote_button.clicked.connect(self.demote)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("merge-next")
        self.merge_button.clicked.connect(self.merge_with_next)
        self.split_button = QPushButton()
        self.split_button.setObjectName("split")
        self.split_button.clicked.connect(self.split_at_cursor)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)

        self.task_box = QGroupBox()
        task_form = QFormLayout(self.task_box)
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("task-text")
        self.text_view.setReadOnly(True)
        self.text_view.setMaximumHeight(110)
        self.lead = QComboBox()
        self.lead.setObjectName("lead-picker")
        self.lead.setEditable(True)
        self.lead.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lead.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.lead.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lead.activated.connect(lambda _i: self.apply_units())
        # a name typed and confirmed with Enter is taken as written (a new unit when the registry has none)
        self.lead.lineEdit().returnPressed.connect(self.apply_units)
        self.new_unit_button = QPushButton()
        self.new_unit_button.setObjectName("new-unit")
        self.new_unit_button.clicked.connect(self.ask_new_unit)
        self.cooperating = QListWidget()
        self.cooperating.setObjectName("cooperating-list")
        self.cooperating.setMaximumHeight(90)
        self.add_unit = QComboBox()
        self.add_unit.setObjectName("add-unit-picker")
        self.add_unit.setEditable(True)
        self.add_unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_unit_button = QPushButton()
        self.add_unit_button.clicked.connect(self.add_cooperating)
        self.remove_unit_button = QPushButton()
        self.remove_unit_button.clicked.connect(self.remove_cooperating)
        self.replace_unit_button = QPushButton()
        self.replace_unit_button.setObjectName("replace-unit")
        self.replace_unit_button.clicked.connect(self.replace_cooperating)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.add_unit, 1)
        unit_row.addWidget(self.add_unit_button)
        unit_row.addWidget(self.replace_unit_button)
        unit_row.addWidget(self.remove_unit_button)
        self.targets = QTableWidget(0, len(TARGET_FIELDS))
        self.targets.setObjectName("target-table")
        self.targets.verticalHeader().setVisible(False)
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.setMaximumHeight(120)
        self.targets.itemChanged.connect(self._target_edited)
        self.task_problems = QLabel()
        self.task_problems.setObjectName("task-problems")
        self.task_problems.setStyleSheet("color: #b02a37;")
        self.task_problems.setWordWrap(True)
        self.text_label, self.lead_label, self.coop_label, self.target_label = QLabel(), QLabel(), QLabel(), QLabel()
        self.lead_label.setBuddy(self.lead)
        task_form.addRow(self.text_label, self.text_view)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.lead, 1)
        lead_row.addWidget(self.new_unit_button)
        task_form.addRow(self.lead_label, lead_row)
        task_form.addRow(self.coop_label, self.cooperating)
        task_form.addRow("", unit_row)
        task_form.addRow(self.target_label, self.targets)
        task_form.addRow(self.task_problems)
        self.warnings = QListWidget()
        self.warnings.setObjectName("import-warnings")
        self.warnings.setMaximumHeight(100)
        self.warnings.itemActivated.connect(self._warning_activated)
        self.warnings_label = QLabel()
        self.review_summary = QLabel()
        self.review_summary.setObjectName("import-summary")
        self.review_summary.setWordWrap(True)   # a long plan title must not widen the dialog past a 1024-px screen

        edit_row = QHBoxLayout()
        for w in (self.promote_button, self.demote_button, self.merge_button, self.split_button, self.undo_button):
            edit_row.addWidget(w)
        edit_row.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.review_summary)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(edit_row)
        left_layout.addWidget(self.warnings_label)
        left_layout.addWidget(self.warnings)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.task_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        review = QWidget()
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.update_box)
        review_layout.addWidget(self.diff_list)
        review_layout.addWidget(self.as_new)
        review_layout.addWidget(splitter, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(review)
        self.progress = QProgressBar()
        self.progress.setObjectName("import-progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.clicked.connect(self.back)
        self.next_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setObjectName("import-next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_step)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(1180, 760)

        # Enter must never press a side button (it opened Browse when the empty field had focus): no button is
        # "auto default"; Enter in the file field previews, and in the review nothing commits by accident.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.file_edit.returnPressed.connect(self._file_entered)

        self._fill_department_pickers()
        self.retranslate()
        if path is not None:
            self.file_edit.setText(str(path))
        self._update_buttons()
        keep_on_screen(self)

    # --- choosing and previewing ---------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Plan Document"), IMPORT_FOLDER.get(),
            self.tr("Plan documents (*.txt *.md *.docx *.xlsx);;All files (*)"))
        if path:
            IMPORT_FOLDER.set(str(Path(path).parent))
            self.file_edit.setText(path)

    def _file_entered(self) -> None:
        if self.pages.currentIndex() == 0 and self.file_edit.text().strip() and not self._running():
            self.start_preview()

    def _fill_translation_choices(self) -> None:
        self.translation.clear()
        self.translation.addItem(self.tr("A new plan (or an update of the plan it was imported into)"), None)
        for pid, title in self.plans:
            self.translation.addItem(self.tr("English translation of plan %1: %2").replace("%1", str(pid))
                                     .replace("%2", title), int(pid))

    def next_step(self) -> InlineOp | None:
        if self.pages.currentIndex() == 0:
            return self.start_preview()
        return self.start_commit()

    def start_preview(self) -> InlineOp | None:
        from desktop_app.services.import_plan import preview

        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        translation_of = None if self.revision_of is not None else self.translation.currentData()
        columns_map = dict(self.columns_map)
        revision_of = self.revision_of

        def job(db: Any, progress: Any, _cancelled: Any) -> Any:
            progress(0, 0, path.name)
            return preview(db, path, translation_of=translation_of, columns_map=columns_map or None,
                           revision_of=revision_of)

        return self._run(job, self.tr("Reading the plan"), self._previewed)

    def _run(self, job: Any, title: str, done: Any) -> InlineOp:
        self.progress.setVisible(True)
        self._busy(True)
        self.op = InlineOp(self, self.db_path, job, title=title, cancellable=False)
        self.op.success(done).failure(self._failed).on_cancelled(lambda: self._busy(False)).run()
        return self.op

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.pages.setEnabled(not busy)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_error(self, exc, title=self.windowTitle())

    def _previewed(self, pv: Any) -> None:
        self.preview = pv
        self.history = []
        self.draft = pv.draft
        self._busy(False)
        self.pages.setCurrentIndex(1)
        self._show_update_info()
        self._fill_department_pickers()
        self.refresh_tree()
        self._update_buttons()
        fit_to_screen(self)          # the review page is larger than the choice page: stay on the screen

    def back(self) -> None:
        if self.pages.currentIndex() == 1 and not self._running():
            self.pages.setCurrentIndex(0)
            self._update_buttons()

    # --- the review tree -----------------------------------------------------------------------------
    def _show_update_info(self) -> None:
        pv = self.preview
        self.diff_list.clear()
        update = pv is not None and pv.existing_plan_id is not None
        translation = pv is not None and pv.translation_of is not None
        self.update_box.setVisible(update or translation)
        self.diff_list.setVisible(update)
        self.as_new.setVisible(update and self.revision_of is None)
        if translation:
            self.update_box.setText(self.tr("This document is committed as the English translation of plan %1: "
                                            "%2 of its tasks are matched by structure.")
                                    .replace("%1", str(pv.translation_of)).replace("%2", str(len(pv.aligned))))
        if not update:
            return
        diff = pv.diff
        how = {"sha256": self.tr("the same file"), "content": self.tr("a file with the same tasks (another name or format)")
               }.get(pv.match, self.tr("a file of the same name"))
        if diff is None or diff.empty:
            summary = self.tr("Nothing changed since then.")
        else:
            summary = (self.tr("%1 task(s) added, %2 changed, %3 removed.")
                       .replace("%1", str(len(diff.of_kind("added"))))
                       .replace("%2", str(len(diff.of_kind("changed"))))
                       .replace("%3", str(len(diff.of_kind("removed")) + len(diff.of_kind("kept")))))
            units = sum(1 for c in diff.of_kind("changed") if {"lead", "cooperating"} & set(c.fields))
            if units:
                summary += " " + self.tr("Units change on %n task(s).", "", units)
        if pv.match == "revision":
            self.update_box.setText(self.tr("Revision of plan %1: %2 Nothing is saved until you press "
                                            "“Apply Revision”; Cancel leaves the plan as it is (its progress is "
                                            "kept either way).").replace("%1", str(pv.existing_plan_id))
                                    .replace("%2", summary))
        else:
            self.update_box.setText(self.tr("Plan %1 was imported from %2 before. Committing updates that plan "
                                            "(its progress is kept): %3").replace("%1", str(pv.existing_plan_id))
                                    .replace("%2", how).replace("%3", summary))
        labels = {"added": self.tr("added"), "changed": self.tr("changed"), "removed": self.tr("removed"),
                  "kept": self.tr("no longer in the file, kept because it has progress")}
        field_names = {"title": self.tr("title"), "text": self.tr("text"), "lead": self.tr("lead unit"),
                       "cooperating": self.tr("cooperating units"), "targets": self.tr("targets"),
                       "due": self.tr("due date")}
        colors = {"added": "#0f5132", "removed": "#b02a37", "kept": "#664d03"}
        for change in (diff.changes if diff else []):
            names = [field_names.get(f, f) for f in change.fields]
            fields = f" ({self.tr(', ').join(names)})" if names else ""
            item = QListWidgetItem(f"{change.code}  {labels.get(change.kind, change.kind)}{fields}: {change.title}")
            item.setData(Qt.ItemDataRole.UserRole, (change.kind, change.code, list(change.fields)))
            item.setToolTip(item.text())
            if change.kind in colors:
                item.setForeground(QBrush(QColor(colors[change.kind])))
            self.diff_list.addItem(item)

    def refresh_tree(self, select: tuple[str, int] | None = None) -> None:
        draft = self.draft
        if draft is None:
            return
        lang = current_lang()
        self._loading = True
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        bold = QFont()
        bold.setBold(True)
        for i, sec in enumerate(draft.sections):
            parent = items.get(sec.parent) if sec.parent is not None else None
            item = QTreeWidgetItem([sec.number, sec.title_en if lang == "en" and sec.title_en else sec.title])
            item.setData(0, KIND_ROLE, "section")
            item.setData(0, INDEX_ROLE, i)
            item.setFont(1, bold)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[i] = item
        problems_total = 0
        for i, task in enumerate(draft.tasks):
            item = QTreeWidgetItem([task.code, task.title, unit_text(task.lead, lang),
                                    join_names((unit_text(u, lang) for u in task.cooperating), lang),
                                    "；".join(target_text(t) for t in task.targets)])
            item.setData(0, KIND_ROLE, "task")
            item.setData(0, INDEX_ROLE, i)
            problems = task_problems(task)
            if problems:
                problems_total += 1
                color = BAD_COLOR if task.lead is None else LATE_COLOR
                for col in range(5):
                    item.setBackground(col, QBrush(color))
                item.setToolTip(1, "\n".join(problems))
            parent = items.get(task.section) if task.section is not None else None
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        for column, width in ((2, 110), (3, 150), (4, 110)):
            self.tree.setColumnWidth(column, width)
        self._loading = False
        self.warnings.clear()
        for wi, w in enumerate(draft.warnings):
            entry = QListWidgetItem(f"{w.task_code or ''}  {w.text(current_lang())}".strip())
            entry.setData(Qt.ItemDataRole.UserRole, wi)
            if w.kind in ACTION_WARNINGS:
                entry.setToolTip(self.tr("Double-click to decide what to do with it"))
            self.warnings.addItem(entry)
        self.review_summary.setText(
            self.tr("%1: %2 sections, %3 tasks, %4 plan objectives; %5 task(s) need a look (highlighted).")
            .replace("%1", draft.title).replace("%2", str(len(draft.task_sections())))
            .replace("%3", str(len(draft.tasks))).replace("%4", str(len(draft.objectives)))
            .replace("%5", str(problems_total)))
        if select is not None:
            self.select(*select)
        else:
            self._selection_changed()

    def find_item(self, kind: str, index: int) -> QTreeWidgetItem | None:
        it = self.tree.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, KIND_ROLE) == kind and item.data(0, INDEX_ROLE) == index:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def select(self, kind: str, index: int) -> None:
        item = self.find_item(kind, index)
        self.tree.clearSelection()
        if item is not None:
            self.tree.setCurrentItem(item)
            item.setSelected(True)
            self.tree.scrollToItem(item)
        self._selection_changed()

    def selected(self) -> list[tuple[str, int]]:
        return [(str(i.data(0, KIND_ROLE)), int(i.data(0, INDEX_ROLE))) for i in self.tree.selectedItems()]

    def current_task(self) -> int | None:
        sel = self.selected()
        return sel[0][1] if len(sel) == 1 and sel[0][0] == "task" else None

    def _selection_changed(self) -> None:
        if self._loading:
            return
        sel = self.selected()
        kinds = {k for k, _ in sel}
        tasks = sorted(i for k, i in sel if k == "task")
        self.promote_button.setEnabled(kinds == {"task"} and len(sel) == 1)
        self.demote_button.setEnabled(kinds == {"section"} and len(sel) == 1)
        self.merge_button.setEnabled(kinds == {"task"} and (len(tasks) == 2 or (len(tasks) == 1 and self.draft
                                     is not None and tasks[0] + 1 < len(self.draft.tasks))))
        self.split_button.setEnabled(self.current_task() is not None)
        self.undo_button.setEnabled(bool(self.history))
        self._show_task()

    def _show_task(self) -> None:
        index = self.current_task()
        self.task_box.setEnabled(index is not None)
        self._loading = True
        self.targets.setRowCount(0)
        self.cooperating.clear()
        if index is None or self.draft is None:
            self.text_view.clear()
            self.lead.setCurrentIndex(-1)
            self.task_problems.clear()
            self._loading = False
            return
        task = self.draft.tasks[index]
        lang = current_lang()
        self.text_view.setPlainText(task.text)
        self.lead.setCurrentIndex(self._picker_index(self.lead, task.lead))
        for u in task.cooperating:
            self.cooperating.addItem(unit_text(u, lang))
        self.targets.setRowCount(len(task.targets))
        for r, t in enumerate(task.targets):
            values = ["" if t.value is None else f"{t.value:g}", t.unit, "" if t.year is None else str(t.year),
                      t.direction.value, t.text]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if TARGET_FIELDS[c] == "text":
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.targets.setItem(r, c, item)
        self.targets.resizeColumnsToContents()
        self.task_problems.setText("\n".join(task_problems(task)))
        self._loading = False

    def _warning_activated(self, item: Any) -> None:
        wi = item.data(Qt.ItemDataRole.UserRole)
        if self.draft is not None and isinstance(wi, int) and 0 <= wi < len(self.draft.warnings):
            w = self.draft.warnings[wi]
            if w.kind in ("unit_match_proposed", "unknown_department") and self.resolve_unit(w):
                return
            if w.kind == "unmapped_column" and self.ask_column(w):
                return
        code = item.text().split()[0] if item.text() else ""
        if self.draft is not None:
            for i, t in enumerate(self.draft.tasks):
                if t.code == code:
                    self.select("task", i)
                    return

    # --- what was not understood: units and columns ---------------------------------------------------------
    def resolve_unit(self, w: Any) -> bool:
        """An unknown unit or a proposed match: match it to a registered unit, drop it, or keep it as new."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        name = w.data.get("name", "")
        if not name:
            return False
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Unit “%1”").replace("%1", name))
        box.setText(w.text(current_lang()))
        proposed = w.data.get("code")
        match = box.addButton(self.tr("Match to “%1”").replace("%1", w.data.get("registry_name", "")) if proposed
                              else self.tr("Match to a Registered Unit…"), QMessageBox.ButtonRole.AcceptRole)
        match.setEnabled(bool(proposed) or bool(self.registry))
        drop = box.addButton(self.tr("Drop from All Tasks"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep as a New Unit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is drop:
            self.drop_unit_everywhere(name)
        elif box.clickedButton() is match:
            code = proposed
            if not code:
                labels = [f"{d.code}  {d.name(current_lang())}" for d in self.registry]
                label, ok = QInputDialog.getItem(self, box.windowTitle(), self.tr("Registered unit:"), labels, 0, False)
                code = label.split()[0] if ok and label else ""
            if code:
                self.match_unit_everywhere(name, code)
        return True

    def match_unit_everywhere(self, name: str, code: str) -> int:
        """Every task's unit written ``name`` becomes the registered unit ``code`` (one undo step)."""
        dept = next((d for d in self.registry if d.code == code), None)
        if dept is None or self.draft is None:
            return 0
        target = DraftUnit(name, dept.code, dept.name_zh, dept.name_en, dept.kind)
        return self._replace_everywhere(name, target)

    def drop_unit_everywhere(self, name: str) -> int:
        return self._replace_everywhere(name, None)

    def _replace_everywhere(self, name: str, target: DraftUnit | None) -> int:
        assert self.draft is not None
        draft, changed = self.draft, 0
        for i, task in enumerate(draft.tasks):
            units = ([task.lead] if task.lead else []) + task.cooperating
            if not any(u.name == name for u in units):
                continue
            units = [target if u.name == name else u for u in units]
            kept: list[DraftUnit] = []
            for u in units:
                if u is not None and not any((u.code and k.code == u.code) or k.name == u.name for k in kept):
                    kept.append(u)
            draft = plan_edit.reassign_units(draft, i, kept[0] if kept else None, kept[1:])
            changed += 1
        if changed:
            self._edit(draft, None)
        return changed

    def ask_column(self, w: Any) -> bool:
        """A table column the importer did not understand: say what it holds, and the file is read again."""
        from PySide6.QtWidgets import QInputDialog

        column = w.data.get("column", "")
        if not column or self.preview is None:
            return False
        labels = {"ignore": self.tr("Not needed (leave it out)"), "lead": self.tr("Lead unit"),
                  "coop": self.tr("Cooperating units"), "resp": self.tr("Responsible units (one list)"),
                  "title": self.tr("Task"), "text": self.tr("Measures / task text"), "due": self.tr("Deadline"),
                  "target": self.tr("Target"), "section": self.tr("Category (section)"),
                  "leader": self.tr("Leader in charge (a person)"), "note": self.tr("Remarks")}
        choice, ok = QInputDialog.getItem(self, self.tr("Column “%1”").replace("%1", column),
                                          self.tr("This column holds:"), list(labels.values()), 0, False)
        if ok:
            key = next(k for k, v in labels.items() if v == choice)
            self.map_column(column, key)
        return True

    def map_column(self, column: str, key: str) -> InlineOp | None:
        """Read the file again with ``column`` meaning ``key`` (review edits so far are replaced)."""
        self.columns_map[column] = key
        return self.start_preview()

    # --- department pickers ------------------------------------------------------------------------------
    def _units(self) -> list[DraftUnit]:
        """Every department of the registry, then the unresolved names the document itself uses."""
        units = [DraftUnit(name=d.name_zh, code=d.code, name_zh=d.name_zh, name_en=d.name_en, kind=d.kind)
                 for d in self.registry]
        codes = {u.code for u in units}
        seen = set()
        if self.draft is not None:
            for t in self.draft.tasks:
                for u in ([t.lead] if t.lead else []) + t.cooperating:
                    if u.code and u.code not in codes:
                        units.append(DraftUnit(u.name, u.code, u.name_zh, u.name_en, u.kind))
                        codes.add(u.code)
                    elif not u.code and u.name not in seen:
                        units.append(DraftUnit(u.name, None, u.name_zh, u.name_en, u.kind))
                        seen.add(u.name)
        for u in self.created_units:
            if u.name not in seen and not any(c.name == u.name or c.name_zh == u.name for c in units):
                units.append(u)
                seen.add(u.name)
        return units

    def _fill_department_pickers(self) -> None:
        self.unit_choices = self._units()
        lang = current_lang()
        for combo in (self.lead, self.add_unit):
            combo.blockSignals(True)
            combo.clear()
            for u in self.unit_choices:
                label = unit_text(u, lang)
                combo.addItem(f"{u.code}  {label}" if u.code else label)
            combo.setCurrentIndex(-1)
            combo.blockSignals(False)

    def _picker_index(self, combo: QComboBox, unit: DraftUnit | None) -> int:
        if unit is None:
            return -1
        for i, u in enumerate(self.unit_choices):
            if (unit.code and u.code == unit.code) or (not unit.code and not u.code and u.name == unit.name):
                return i
        return -1

    def picked_unit(self, combo: QComboBox) -> DraftUnit | None:
        """The unit chosen in a picker: an item of the list, a name typed that matches one, or a new unit
        with the typed name as written (it is created "to check" on commit)."""
        i = combo.currentIndex()
        text = combo.currentText().strip()
        if 0 <= i < len(self.unit_choices) and text == combo.itemText(i):
            return self.unit_choices[i]
        if not text:
            return None
        for u in self.unit_choices:
            if text in (u.name, u.name_zh, u.name_en, u.code, unit_text(u, current_lang())):
                return u
        return self.create_unit(text)

    def create_unit(self, name: str) -> DraftUnit | None:
        """A unit the reviewer names that neither the registry nor the document has; kept for every task."""
        from desktop_app.exchange.plan_units import normalise_name

        name = normalise_name(name)
        if not name:
            return None
        for u in self.unit_choices:
            if name in (u.name, u.name_zh, u.name_en):
                return u
        english = not any("\u4e00" <= ch <= "\u9fff" for ch in name)
        unit = DraftUnit(name, None, "" if english else name, name if english else "")
        self.created_units.append(unit)
        keep = {combo: combo.currentText() for combo in (self.lead, self.add_unit)}
        self._fill_department_pickers()
        for combo, text in keep.items():
            combo.setEditText(text)
        return unit

    def ask_new_unit(self) -> None:
        """New unit… : type a name; it becomes the selected task's lead (or a choice when no task is selected)."""
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New unit"), self.tr("Name of the unit, as the plan writes it:"))
        if ok and name.strip():
            self.new_unit_as_lead(name)

    def new_unit_as_lead(self, name: str) -> DraftUnit | None:
        unit = self.create_unit(name)
        index = self.current_task()
        if unit is None or index is None or self.draft is None:
            return unit
        task = self.draft.tasks[index]
        coop = [u for u in ([task.lead] if task.lead else []) + task.cooperating if u.name != unit.name]
        self._edit(plan_edit.reassign_units(self.draft, index, unit, coop), ("task", index))
        return unit

    def apply_units(self) -> None:
        index = self.current_task()
        if index is None or self.draft is None or self._loading:
            return
        lead = self.picked_unit(self.lead)
        task = self.draft.tasks[index]
        if lead is None or (task.lead is not None and lead.code == task.lead.code and lead.name == task.lead.name):
            return
        # the old lead stays a cooperating unit unless it was the one chosen
        coop = [u for u in task.cooperating if not (u.code and u.code == lead.code)]
        self._edit(plan_edit.reassign_units(self.draft, index, lead, coop), ("task", index))

    def set_lead(self, code_or_name: str) -> None:
        """Pick the lead by department code or printed name (what the picker does; used by tests)."""
        for i, u in enumerate(self.unit_choices):
            if u.code == code_or_name or u.name == code_or_name:
                self.lead.setCurrentIndex(i)
                self.apply_units()
                return
        raise KeyError(code_or_name)

    def add_cooperating(self) -> None:
        index = self.current_task()
        unit = self.picked_unit(self.add_unit)
        if index is None or unit is None or self.draft is None:
            return
        task = self.draft.tasks[index]
        if any((u.code and u.code == unit.code) or u.name == unit.name for u in task.cooperating):
            return
        self._edit(plan_edit.reassign_units(self.draft, index, task.lead, [*task.cooperating, unit]), ("task", index))

    def replace_cooperating(self) -> None:
        """Match the selected cooperating unit to the one in the picker (an unknown name → a registry unit)."""
        index = self.current_task()
        row = self.cooperating.currentRow()
        unit = self.picked_unit(self.add_unit)
        if index is None or row < 0 or unit is None or self.draft is None:
            return
        task = self.draft.tasks[index]
        coop = [unit if i == row else u for i, u in enumerate(task.cooperating)]
        coop = [u for i, u in enumerate(coop) if all(v.name != u.name or j == i for j, v in enumerate(coop[:i + 1]))]
        self._edit(plan_edit.reassign_units(self.draft, index, task.lead, coop), ("task", index))

    def remove_cooperating(self) -> None:
        index = self.current_task()
        row = self.cooperating.currentRow()
        if index is None or row < 0 or self.draft is None:
            return
        task = self.draft.tasks[index]
        coop = [u for i, u in enumerate(task.cooperating) if i != row]
        self._edit(plan_edit.reassign_units(self.draft, index, task.lead, coop), ("task", index))

    # --- targets --------------------------------------------------------------------------------------
    def _target_edited(self, item: QTableWidgetItem) -> None:
        index = self.current_task()
        if self._loading or index is None or self.draft is None:
            return
        column = item.column()
        key = TARGET_FIELDS[column]
        text = item.text().strip()
        try:
            value: Any
            if key == "value":
                value = float(text.replace(",", "")) if text else None
            elif key == "year":
                value = int(text) if text else None
            elif key == "direction":
                value = Direction(text)
            else:
                value = text
        except ValueError:
            header = self.targets.horizontalHeaderItem(column)
            name = header.text().lower() if header else key
            self._show_task()  # put the valid value back in the cell
            message = self.tr("“%1” is not a valid %2.").replace("%1", text).replace("%2", name)
            if key == "direction":
                message += " (" + ", ".join(d.value for d in Direction) + ")"
            self.task_problems.setText(message)
            return
        self._edit(plan_edit.edit_target(self.draft, index, item.row(), **{key: value}), ("task", index))

    def edit_target(self, row: int, key: str, text: str) -> None:
        """Type into a cell of the target table (what the reviewer does)."""
        self.targets.item(row, TARGET_FIELDS.index(key)).setText(text)

    # --- structural edits ----------------------------------------------------------------------------------
    def _edit(self, new: PlanDraft, select: tuple[str, int] | None) -> None:
        assert self.draft is not None
        self.history.append(self.draft)
        self.draft = new
        if self.preview is not None:
            self.preview.draft = new
        self.refresh_tree(select)

    def promote(self) -> None:
        index = self.current_task()
        if index is None or self.draft is None:
            return
        new = plan_edit.promote_to_section(self.draft, index)
        title = self.draft.tasks[index].title
        target = next((i for i, s in enumerate(new.sections) if s.title == title and not s.number), None)
        self._edit(new, ("section", target) if target is not None else None)

    def demote(self) -> None:
        sel = self.selected()
        if len(sel) != 1 or sel[0][0] != "section" or self.draft is None:
            return
        title = self.draft.sections[sel[0][1]].title
        new = plan_edit.demote_to_task(self.draft, sel[0][1])
        target = next((i for i, t in enumerate(new.tasks) if t.title == title), None)
        self._edit(new, ("task", target) if target is not None else None)

    def merge_with_next(self) -> None:
        tasks = sorted(i for k, i in self.selected() if k == "task")
        if self.draft is None or not tasks:
            return
        first, second = (tasks[0], tasks[1]) if len(tasks) == 2 else (tasks[0], tasks[0] + 1)
        if second >= len(self.draft.tasks):
            return
        self._edit(plan_edit.merge_tasks(self.draft, first, second), ("task", first))

    def split_at_cursor(self) -> None:
        index = self.current_task()
        if index is None or self.draft is None:
            return
        at = self.text_view.textCursor().position()
        if not 0 < at < len(self.draft.tasks[index].text):
            self.task_problems.setText(self.tr("Click in the task text where the second task begins, then Split."))
            return
        self._edit(plan_edit.split_task(self.draft, index, at), ("task", index + 1))

    def undo(self) -> None:
        if not self.history:
            return
        self.draft = self.history.pop()
        if self.preview is not None:
            self.preview.draft = self.draft
        self.refresh_tree()

    # --- commit ----------------------------------------------------------------------------------------
    def start_commit(self) -> InlineOp | None:
        from desktop_app.services.import_plan import commit

        if self.preview is None or self.draft is None:
            return None
        pv = self.preview
        pv.draft = self.draft
        as_new = self.as_new.isVisible() and self.as_new.isChecked()

        def job(db: Any, progress: Any, _cancelled: Any) -> Any:
            progress(0, 0, "")
            return commit(db, pv, as_new=as_new)

        return self._run(job, self.tr("Committing the plan"), self._committed)

    def _committed(self, result: Any) -> None:
        self.result = result
        self._busy(False)
        self.changed.emit(result.changes)
        self.accept()

    # --- misc --------------------------------------------------------------------------------------
    def _running(self) -> bool:
        return self.op is not None and not self.op.done

    def _update_buttons(self) -> None:
        running = self._running()
        review = self.pages.currentIndex() == 1
        self.back_button.setVisible(review)
        self.back_button.setEnabled(not running)
        if review and self.revision_of is not None:
            self.next_button.setText(self.tr("&Apply Revision"))
        else:
            self.next_button.setText(self.tr("&Commit") if review else self.tr("&Preview"))
        self.next_button.setEnabled(not running and (review or bool(self.file_edit.text().strip())))
        # Enter commits nothing in the review (Enter confirms a typed unit there); Preview stays the default
        self.next_button.setDefault(not review)
        self.cancel_button.setEnabled(not running)

    def cancel_or_close(self) -> None:
        if not self._running():
            self.reject()

    def has_edits(self) -> bool:
        return bool(self.history) and self.result is None

    def confirm_discard(self) -> bool:
        """Asked before Escape, Cancel or closing the window throws away review edits."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("You have changed %n task(s) of the imported plan. Discard these changes?", "", len(self.history)),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._running():
            return
        if self.has_edits() and not self.confirm_discard():
            return
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a Plan") if self.revision_of is None
                            else self.tr("Revise Plan %1").replace("%1", str(self.revision_of)))
        self.translation.setEnabled(self.revision_of is None)
        self.file_label.setText(self.tr("Plan &document:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.translation_label.setText(self.tr("Import &as:"))
        keep = self.translation.currentIndex()
        self._fill_translation_choices()
        self.translation.setCurrentIndex(max(0, keep))
        self.choose_note.setText(self.tr(
            "Plain text (UTF-8 or GBK), Word .docx, PDF with a text layer, a saved web page (.html) or a "
            "task-division table in .xlsx; old .doc/.wps files when LibreOffice is installed. Nothing is written "
            "until you have reviewed what was recognised and pressed Commit."))
        self.as_new.setText(self.tr("Import as a new plan instead of updating"))
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Section / task"), self.tr("Lead unit"),
                                   self.tr("Cooperating units"), self.tr("Targets")])
        self.promote_button.setText(self.tr("Make &Section"))
        self.promote_button.setToolTip(self.tr("This line is a heading, not a task"))
        self.demote_button.setText(self.tr("Make &Task"))
        self.demote_button.setToolTip(self.tr("This heading is really a task"))
        self.merge_button.setText(self.tr("&Merge with Next"))
        self.split_button.setText(self.tr("S&plit at Cursor"))
        self.undo_button.setText(self.tr("&Undo"))
        self.task_box.setTitle(self.tr("Selected task"))
        self.text_label.setText(self.tr("Text:"))
        self.lead_label.setText(self.tr("&Lead unit:"))
        self.coop_label.setText(self.tr("Cooperating:"))
        self.target_label.setText(self.tr("Targets:"))
        self.add_unit_button.setText(self.tr("Add"))
        self.remove_unit_button.setText(self.tr("Remove"))
        self.replace_unit_button.setText(self.tr("Replace"))
        self.replace_unit_button.setToolTip(self.tr("Replace the selected cooperating unit with the one chosen here "
                                                    "(match an unknown name to a registered unit)"))
        self.new_unit_button.setText(self.tr("&New Unit…"))
        self.new_unit_button.setToolTip(self.tr("Name a unit the registry does not have yet; it becomes the lead"))
        self.lead.lineEdit().setPlaceholderText(self.tr("Choose or type a unit, then Enter"))
        self.targets.setHorizontalHeaderLabels([self.tr("Value"), self.tr("Unit"), self.tr("Year"),
                                                self.tr("Direction"), self.tr("Source text")])
        self.warnings_label.setText(self.tr("Warnings from reading the document:"))
        self.back_button.setText(self.tr("< &Back"))
        self._update_buttons()
        if self.draft is not None:
            self._show_update_info()
            self.refresh_tree()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        if self._running():
            return
        self.conn.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._running():
            event.ignore()
            return
        super().closeEvent(event)
