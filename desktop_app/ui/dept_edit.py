"""Editing a department: the undoable command (each redo/undo writes the database), the edit dialog,
and the dialog that merges one department into another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import KIND_LABELS, DeptKind, label
from desktop_app.services.departments import DeptState
from desktop_app.services.edits import (
    department_edit,
    department_list,
    department_named,
    department_problem,
    next_department_code,
)
from desktop_app.ui.app import current_lang
from desktop_app.ui.task_edit import EditCommand

LANGS = ("zh", "en")
NOTE_STYLE = "background:#fff3cd; color:#664d03; padding:6px; border-radius:3px"


def EditDeptCommand(db: Any, before: DeptState | None, after: DeptState | None,  # noqa: N802
                    written: Callable[[Any], None], on_error: Callable[[BaseException], object]) -> EditCommand:
    """A department edit on the undo stack: the same core command as a task edit."""
    return EditCommand(db, department_edit(db, before, after), written, on_error)


def lang_label(lang: str) -> str:
    return {
        "zh": QCoreApplication.translate("DeptEdit", "Chinese"),
        "en": QCoreApplication.translate("DeptEdit", "English"),
    }[lang]


def _filter_list(widget: QListWidget, text: str) -> None:
    needle = text.strip().lower()
    for i in range(widget.count()):
        item = widget.item(i)
        item.setHidden(bool(needle) and needle not in item.text().lower())


class DeptEditDialog(QDialog):
    """Names, short names, kind, contact, aliases and (for a placeholder group) member departments.

    ``code`` None makes a new department. After ``accept()``, ``before`` and ``after`` hold the states
    for an ``EditDeptCommand``; saving clears the "to check" flag.
    """

    def __init__(self, db: Any, code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dept-edit-dialog")
        self.db = db
        self.before: DeptState | None = DeptState.read(db, code) if code else None
        self.after: DeptState | None = None
        start = self.before or DeptState(next_department_code(db), "")
        lang = current_lang()
        if self.before is None:
            self.setWindowTitle(self.tr("New Department"))
        else:
            self.setWindowTitle(self.tr("Edit Department %1").replace("%1", start.code))
        self.resize(640, 800 if start.kind == DeptKind.PLACEHOLDER else 640)

        def line(name: str, text: str) -> QLineEdit:
            edit = QLineEdit(text)
            edit.setObjectName(name)
            return edit

        self.code = line("code", start.code)
        self.code.setReadOnly(self.before is not None)
        self.name_zh = line("name_zh", start.name_zh)
        self.name_en = line("name_en", start.name_en)
        self.short_zh = line("short_zh", start.short_zh)
        self.short_en = line("short_en", start.short_en)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in DeptKind:
            self.kind.addItem(label(KIND_LABELS, kind, lang), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(start.kind.value))
        self.contact_person = line("contact_person", start.contact_person)
        self.contact_phone = line("contact_phone", start.contact_phone)
        self.check_note = QLabel(self.tr("Created by a plan import from a name PeakDesk did not know. Check the "
                                         "names; saving clears the “to check” mark."))
        self.check_note.setObjectName("check-note")
        self.check_note.setWordWrap(True)
        self.check_note.setStyleSheet(NOTE_STYLE)
        self.check_note.setVisible(start.to_check)

        # aliases: text + language
        self.aliases = QTableWidget(0, 2)
        self.aliases.setObjectName("aliases")
        self.aliases.setHorizontalHeaderLabels([self.tr("Alias"), self.tr("Language")])
        self.aliases.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.aliases.verticalHeader().setVisible(False)
        self.aliases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.aliases.setMinimumHeight(130)
        for alias, alias_lang in start.aliases:
            self._add_alias_row(alias, alias_lang)
        self.new_alias = line("new_alias", "")
        self.new_alias.setPlaceholderText(self.tr("Another spelling of the name…"))
        self.new_alias_lang = self._lang_combo("zh")
        self.new_alias_lang.setObjectName("new_alias_lang")
        self.add_alias_button = QPushButton(self.tr("&Add Alias"))
        self.add_alias_button.clicked.connect(self.add_alias)
        self.remove_alias_button = QPushButton(self.tr("&Remove Alias"))
        self.remove_alias_button.clicked.connect(self.remove_selected_aliases)

        # members of a placeholder group
        self.members = QListWidget()
        self.members.setObjectName("members")
        candidates = [d for d in department_list(db)
                      if d.code != start.code and d.kind != DeptKind.PLACEHOLDER]
        for d in sorted(candidates, key=lambda d: d.code not in start.members):  # members first

            item = QListWidgetItem(f"{d.name(lang)}  [{d.code}]")
            item.setData(Qt.ItemDataRole.UserRole, d.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.code in start.members else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.members_filter = line("members_filter", "")
        self.members_filter.setPlaceholderText(self.tr("Filter units…"))
        self.members_filter.setClearButtonEnabled(True)
        self.members_filter.textChanged.connect(lambda text: _filter_list(self.members, text))

        form = QFormLayout()
        form.addRow(self.tr("&Code:"), self.code)
        form.addRow(self.tr("&Name (Chinese):"), self.name_zh)
        form.addRow(self.tr("Name (&English):"), self.name_en)
        form.addRow(self.tr("&Short name (Chinese):"), self.short_zh)
        form.addRow(self.tr("Short name (En&glish):"), self.short_en)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Contact &person:"), self.contact_person)
        form.addRow(self.tr("Contact p&hone:"), self.contact_phone)

        alias_box = QGroupBox(self.tr("Aliases"))
        alay = QVBoxLayout(alias_box)
        alay.addWidget(self.aliases)
        arow = QHBoxLayout()
        arow.addWidget(self.new_alias, 1)
        arow.addWidget(self.new_alias_lang)
        arow.addWidget(self.add_alias_button)
        arow.addWidget(self.remove_alias_button)
        alay.addLayout(arow)

        self.members_box = QGroupBox(self.tr("Member departments of this group"))
        mlay = QVBoxLayout(self.members_box)
        mlay.addWidget(self.members_filter)
        mlay.addWidget(self.members)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_note)
        layout.addLayout(form)
        layout.addWidget(alias_box, 1)
        layout.addWidget(self.members_box, 2)
        layout.addWidget(self.buttons)
        self._kind_changed()

        chain: list[QWidget] = [
            self.code, self.name_zh, self.name_en, self.short_zh, self.short_en, self.kind, self.contact_person,
            self.contact_phone, self.aliases, self.new_alias, self.new_alias_lang, self.add_alias_button,
            self.remove_alias_button, self.members_filter, self.members, self.buttons]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        (self.code if self.before is None else self.name_zh).setFocus()

    def _lang_combo(self, value: str) -> QComboBox:
        combo = QComboBox()
        for lang in LANGS:
            combo.addItem(lang_label(lang), lang)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        return combo

    def _add_alias_row(self, alias: str, lang: str) -> None:
        row = self.aliases.rowCount()
        self.aliases.insertRow(row)
        self.aliases.setItem(row, 0, QTableWidgetItem(alias))
        self.aliases.setCellWidget(row, 1, self._lang_combo(lang))

    def _kind_changed(self) -> None:
        self.members_box.setVisible(self.kind.currentData() == DeptKind.PLACEHOLDER.value)

    def add_alias(self) -> None:
        text = self.new_alias.text().strip()
        if not text:
            return
        if text.casefold() not in {a.casefold() for a, _ in self.alias_list()}:
            self._add_alias_row(text, self.new_alias_lang.currentData())
        self.new_alias.clear()
        self.new_alias.setFocus()

    def remove_selected_aliases(self) -> None:
        for row in sorted({i.row() for i in self.aliases.selectedIndexes()}, reverse=True):
            self.aliases.removeRow(row)

    def alias_list(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.aliases.rowCount()):
            item = self.aliases.item(row, 0)
            combo = self.aliases.cellWidget(row, 1)
            text = item.text().strip() if item else ""
            if text:
                out.append((text, combo.currentData() if isinstance(combo, QComboBox) else "zh"))
        return out

    def state(self) -> DeptState:
        kind = DeptKind(self.kind.currentData())
        members = tuple(
            self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked) if kind == DeptKind.PLACEHOLDER else ()
        return DeptState(
            code=self.code.text().strip(), name_zh=self.name_zh.text().strip(), name_en=self.name_en.text().strip(),
            short_zh=self.short_zh.text().strip(), short_en=self.short_en.text().strip(), kind=kind,
            to_check=False, contact_person=self.contact_person.text().strip(),
            contact_phone=self.contact_phone.text().strip(), aliases=tuple(self.alias_list()), members=members)

    def accept(self) -> None:
        from desktop_app.ui.ops import show_error

        if self.focusWidget() is self.new_alias and self.new_alias.text().strip():
            self.add_alias()  # Enter in the alias field adds the alias instead of closing the dialog
            return
        state = self.state()
        problem = department_problem(self.db, self.before, state)
        if problem is not None:
            show_error(self, problem)
            return
        self.after = state
        super().accept()


class MergeDeptDialog(QDialog):
    """Choose the department that ``source`` merges into, with what a merge does spelled out."""

    def __init__(self, db: Any, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dept-merge-dialog")
        lang = current_lang()
        src = department_named(db, source)
        self.source = source
        self.setWindowTitle(self.tr("Merge Department %1").replace("%1", source))
        self.resize(560, 520)
        self.explain = QLabel(self.tr(
            "Merge “%1” into the department chosen below when the two turn out to be one. Its task "
            "assignments move to that department, its names become aliases of it (so old workbooks and "
            "imports still find it), and its history stays.").replace("%1", src.name(lang)))
        self.explain.setWordWrap(True)
        self.warning = QLabel(self.tr(
            "A merge cannot be undone with Edit → Undo, and it clears the undo history. A backup of the "
            "database is made first; restore it (File → Restore from Backup) to go back."))
        self.warning.setObjectName("merge-warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(NOTE_STYLE)
        self.search = QLineEdit()
        self.search.setObjectName("merge-search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, alias or code…"))
        self.targets = QListWidget()
        self.targets.setObjectName("merge-targets")
        for d in department_list(db):
            if d.code == source:
                continue
            item = QListWidgetItem(f"{d.name(lang)}  [{d.code}]")
            item.setData(Qt.ItemDataRole.UserRole, d.code)
            # searchable by every spelling, shown by one
            item.setData(Qt.ItemDataRole.UserRole + 1, " ".join(
                [d.code, d.name_zh, d.name_en, d.short_zh, d.short_en, *(a for a, _ in d.aliases)]).lower())
            self.targets.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        search_label = QLabel(self.tr("&Merge into:"))
        search_label.setBuddy(self.search)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge-confirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.targets.currentItemChanged.connect(lambda *_a: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.warning)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.targets, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.search, self.targets)
        self.setTabOrder(self.targets, self.buttons)
        self.search.setFocus()
        self._update()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first_visible = None
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            hidden = bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = item
        current = self.targets.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.targets.setCurrentItem(first_visible)
        elif first_visible is None:
            self.targets.setCurrentRow(-1)
        self._update()

    def _update(self) -> None:
        self.merge_button.setEnabled(self.target_code() is not None)

    def select(self, code: str) -> bool:
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == code and not item.isHidden():
                self.targets.setCurrentItem(item)
                return True
        return False

    def target_code(self) -> str | None:
        item = self.targets.currentItem()
        return None if item is None or item.isHidden() else str(item.data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        if self.target_code() is not None:
            super().accept()
