"""Plans page: every plan in the database (title, source file, tasks, tasks without a lead, imported and
revised dates), with import, re-import as a revision (the import dialog shows the task-by-task diff),
archive / restore, and the choice of the current plan every other page shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.services import plan_catalog
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page, view_title
from desktop_app.ui.view_kit import Column, RowsModel

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class PlansPage(Page):
    key = "plans"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.heading = view_kit.heading()
        self.note = QLabel()
        self.note.setObjectName("page-note")
        self.note.setWordWrap(True)
        self.model = RowsModel([
            Column("title", lambda p: ("★ " if p.current else "") + p.title(current_lang()),
                   tooltip=lambda p: p.title_zh),
            Column("source", lambda p: p.source_file or "—"),
            Column("tasks", lambda p: p.tasks, align_right=True),
            Column("unassigned", lambda p: p.unassigned, align_right=True,
                   background=lambda p: "#ffe69c" if p.unassigned else None),
            Column("imported", lambda p: p.imported_at),
            Column("revised", lambda p: p.revised_at or "—",
                   tooltip=lambda p: self.tr("%n revision(s)", "", p.revisions)),
            Column("state", lambda p: self._state(p)),
        ], self)
        self.table = view_kit.table_view(self.model, "plans-table")
        self.table.doubleClicked.connect(lambda _i: self.set_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.import_button = self._button("plans-import", lambda: self.window_.import_plan())
        self.revise_button = self._button("plans-revise", self.reimport)
        self.current_button = self._button("plans-current", self.set_current)
        self.archive_button = self._button("plans-archive", self.toggle_archive)
        self.assign_button = self._button("plans-assign", self.assign_units)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.revise_button, self.current_button, self.archive_button,
                  self.assign_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def _button(self, name: str, slot: Any) -> QPushButton:
        b = QPushButton()
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        return b

    def _state(self, p: plan_catalog.PlanEntry) -> str:
        if p.archived:
            return self.tr("archived")
        if p.current:
            return self.tr("current")
        return ""

    # --- data --------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.load()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.plans or changes.tasks or changes.departments:
            self.load()

    def load(self) -> None:
        selected = self.selected()
        self.model.set_rows(plan_catalog.list_plans(self.db) if self.db is not None else [])
        if self.model.rows:
            keep = selected.id if selected else self.plan_id
            if not view_kit.select_where(self.table, self.model_proxy(), self.model, lambda p: p.id == keep):
                self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._update_note()
        self._update_buttons()

    def model_proxy(self) -> Any:
        class _Same:
            @staticmethod
            def mapFromSource(index: Any) -> Any:  # noqa: N802 - mirrors QSortFilterProxyModel
                return index
        return _Same()

    def selected(self) -> plan_catalog.PlanEntry | None:
        sel = self.table.selectionModel()
        rows = sel.selectedRows() if sel is not None else []
        return self.model.row(rows[0]) if rows else None

    # --- actions -----------------------------------------------------------------------------------
    def _write(self, change: Any) -> None:
        try:
            summary = change()
        except PeakDeskError as exc:
            show_error(self, exc, title=view_title(self.key))
            return
        self.window_._after_write(summary)
        self.load()

    def set_current(self) -> None:
        plan = self.selected()
        if plan is None or self.db is None:
            return
        self._write(lambda: plan_catalog.set_current_plan(self.db, plan.id))

    def toggle_archive(self) -> None:
        plan = self.selected()
        if plan is None or self.db is None:
            return
        self._write(lambda: plan_catalog.set_archived(self.db, plan.id, not plan.archived))

    def reimport(self, path: Path | str | None = None) -> Any:
        """Choose the revised document; the import dialog compares it with the selected plan (whatever the
        file is called) and shows what changes — tasks added, removed, changed, units — before anything is
        applied: "Apply Revision" or Cancel."""
        from desktop_app.ui.import_dialog import IMPORT_FOLDER, ImportDialog

        plan = self.selected()
        if plan is None or self.window_.db_path is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Revised Plan Document"), IMPORT_FOLDER.get(),
                self.tr("Plan documents (*.txt *.md *.docx *.xlsx);;All files (*)"))
            if not chosen:
                return None
            path = chosen
        dialog = ImportDialog(self.window_.db_path, self.window_, path=path, revision_of=plan.id)
        self.window_._cycle_dialog(dialog)
        dialog.start_preview()
        return dialog

    def assign_units(self) -> None:
        plan = self.selected()
        if plan is not None and plan.id != self.plan_id:
            self.set_current()
        self.window_.navigate("ledger", {"unassigned": True})

    # --- texts -------------------------------------------------------------------------------------
    def _update_note(self) -> None:
        if self.db is None:
            self.note.setText("")
        elif not self.model.rows:
            self.note.setText(self.tr("No plan yet. Import the plan document (.txt, .docx, .xlsx) with "
                                      "“Import Plan…”; its tasks, sections and targets are recognised and "
                                      "shown for review before anything is saved."))
        else:
            missing = sum(p.unassigned for p in self.model.rows if p.current)
            text = self.tr("★ marks the current plan, which every page shows. Double-click a plan to make it "
                           "current.")
            if missing:
                text += " " + self.tr("%n task(s) of the current plan have no lead unit yet: use “Assign "
                                      "Units” to give them one before issuing.", "", missing)
            self.note.setText(text)

    def _update_buttons(self) -> None:
        plan = self.selected()
        has_db = self.db is not None
        self.import_button.setEnabled(has_db)
        for b in (self.revise_button, self.current_button, self.archive_button, self.assign_button):
            b.setEnabled(plan is not None)
        self.current_button.setEnabled(plan is not None and not plan.current)
        self.archive_button.setText(self.tr("&Restore") if plan is not None and plan.archived
                                    else self.tr("&Archive"))

    def retranslate(self) -> None:
        self.heading.setText(view_title(self.key))
        self.model.set_titles([self.tr("Plan"), self.tr("Source file"), self.tr("Tasks"),
                               self.tr("Without lead"), self.tr("Imported"), self.tr("Revised"),
                               self.tr("State")])
        self.import_button.setText(self.tr("&Import Plan…"))
        self.revise_button.setText(self.tr("Re-import as &Revision…"))
        self.revise_button.setToolTip(self.tr("Import a revised version of the selected plan's document: the "
                                              "changes are listed task by task before they are saved."))
        self.current_button.setText(self.tr("Set as &Current"))
        self.assign_button.setText(self.tr("Assign &Units…"))
        self._update_note()
        self._update_buttons()
        self.model.relabel()
        self.table.setToolTip("")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
