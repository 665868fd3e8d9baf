"""Assign units to many tasks in one step: one lead (one click in a list) and any cooperating units (one
click each), added to each task's own or replacing them; a unit missing from the registry is created
from the filter text without leaving the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop_app.errors import PeakDeskError
from desktop_app.services import bulk_assign, unit_lookup
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import show_error
from desktop_app.ui.view_kit import keep_on_screen

KEEP = "__keep__"


class AssignUnitsDialog(QDialog):
    """``result_lead`` (code, or None to keep each task's), ``result_cooperating`` and ``replace`` after accept."""

    def __init__(self, db: Any, task_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assign-units-dialog")
        self.db = db
        self.task_ids = list(task_ids)
        self.created: list[str] = []
        self.filter = QLineEdit()
        self.filter.setObjectName("assign-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._filter_entered)
        self.new_button = QPushButton()
        self.new_button.setObjectName("assign-new-unit")
        self.new_button.clicked.connect(lambda _c=False: self.create_unit(self.filter.text()))
        self.lead = QListWidget()
        self.lead.setObjectName("assign-lead")
        self.coop = QListWidget()
        self.coop.setObjectName("assign-cooperating")
        self.coop.itemClicked.connect(self._toggle)
        # a click on the box itself is toggled by Qt already (itemChanged before itemClicked): not twice
        self._toggled_by_box: QListWidgetItem | None = None
        self.coop.pressed.connect(lambda _i: setattr(self, "_toggled_by_box", None))
        self.coop.itemChanged.connect(lambda item: setattr(self, "_toggled_by_box", item))
        self.replace = QCheckBox()
        self.replace.setObjectName("assign-replace")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.lead_label = QLabel()
        self.coop_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(self.intro, 0, 0, 1, 2)
        grid.addWidget(self.filter, 1, 0)
        grid.addWidget(self.new_button, 1, 1)
        grid.addWidget(self.lead_label, 2, 0)
        grid.addWidget(self.coop_label, 2, 1)
        grid.addWidget(self.lead, 3, 0)
        grid.addWidget(self.coop, 3, 1)
        grid.addWidget(self.replace, 4, 0, 1, 2)
        grid.addWidget(self.buttons, 5, 0, 1, 2)
        grid.setRowStretch(3, 1)
        self.resize(640, 460)
        self._fill()
        self.retranslate()
        keep_on_screen(self)

    # --- lists -------------------------------------------------------------------------------------
    def _fill(self, select_lead: str | None = None, check: set[str] | None = None) -> None:
        keep_lead = select_lead or self.lead_code_raw()
        checked = (check or set()) | set(self.cooperating())
        self.lead.clear()
        self.coop.clear()
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, KEEP)
        self.lead.addItem(item)
        lang = current_lang()
        for code, name in unit_lookup.unit_names(self.db, lang):
            li = QListWidgetItem(name)
            li.setData(Qt.ItemDataRole.UserRole, code)
            li.setToolTip(code)
            self.lead.addItem(li)
            ci = QListWidgetItem(name)
            ci.setData(Qt.ItemDataRole.UserRole, code)
            ci.setFlags(ci.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ci.setCheckState(Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked)
            self.coop.addItem(ci)
        target = keep_lead or KEEP
        for i in range(self.lead.count()):
            if self.lead.item(i).data(Qt.ItemDataRole.UserRole) == target:
                self.lead.setCurrentRow(i)
        self._apply_filter(self.filter.text())
        self._retranslate_keep()

    def _toggle(self, item: QListWidgetItem) -> None:
        """One click on the row (not only on the box) checks or unchecks it. Under Xvfb a click on the box
        was toggled twice (by Qt, then here), so it never stuck."""
        if not (item.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        if self._toggled_by_box is item:
            self._toggled_by_box = None
            return
        item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for widget in (self.lead, self.coop):
            for i in range(widget.count()):
                item = widget.item(i)
                code = item.data(Qt.ItemDataRole.UserRole)
                hidden = bool(needle) and code != KEEP and needle not in item.text().lower() \
                    and needle not in str(code).lower()
                item.setHidden(hidden)
        self.new_button.setEnabled(bool(needle))

    def _filter_entered(self) -> None:
        """Enter in the filter: pick the only unit left as lead, or offer to create the typed one."""
        shown = [self.lead.item(i) for i in range(1, self.lead.count()) if not self.lead.item(i).isHidden()]
        if len(shown) == 1:
            self.lead.setCurrentItem(shown[0])
        elif not shown and self.filter.text().strip():
            self.create_unit(self.filter.text())

    def create_unit(self, name: str) -> str | None:
        try:
            code, _created = bulk_assign.create_unit(self.db, name)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.windowTitle())
            return None
        self.created.append(code)
        self.filter.clear()
        self._fill(select_lead=code if self.lead_code_raw() in (None, KEEP) else None)
        return code

    # --- results -----------------------------------------------------------------------------------
    def lead_code_raw(self) -> str | None:
        item = self.lead.currentItem() if hasattr(self, "lead") else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def lead_code(self) -> str | None:
        code = self.lead_code_raw()
        return None if code in (None, KEEP) else str(code)

    def set_lead(self, code: str) -> None:
        for i in range(self.lead.count()):
            if self.lead.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.lead.setCurrentRow(i)
                return
        raise KeyError(code)

    def set_cooperating(self, codes: list[str]) -> None:
        for i in range(self.coop.count()):
            item = self.coop.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def cooperating(self) -> list[str]:
        if not hasattr(self, "coop"):
            return []
        return [str(self.coop.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.coop.count())
                if self.coop.item(i).checkState() == Qt.CheckState.Checked]

    def apply(self) -> Any:
        """Write the choice (one transaction); the change summary for the window."""
        return bulk_assign.assign_units(self.db, self.task_ids, lead=self.lead_code(),
                                        cooperating=self.cooperating(),
                                        replace_cooperating=self.replace.isChecked(),
                                        keep_lead=self.lead_code() is None)

    def accept(self) -> None:
        try:
            self.summary = self.apply()
        except PeakDeskError as exc:
            show_error(self, exc, title=self.windowTitle())
            return
        super().accept()

    # --- texts -------------------------------------------------------------------------------------
    def _retranslate_keep(self) -> None:
        if self.lead.count():
            self.lead.item(0).setText(self.tr("(keep each task's lead unit)"))

    def retranslate(self) -> None:
        n = len(self.task_ids)
        self.setWindowTitle(self.tr("Assign Units to %n Task(s)", "", n))
        self.intro.setText(self.tr("Choose the lead unit (one click) and tick any cooperating units; they are "
                                   "given to all %n selected task(s) at once. Type in the filter to find a unit; "
                                   "if it is not in the list, “New Unit” adds it.", "", n))
        self.filter.setPlaceholderText(self.tr("Filter units, or type a new unit's name…"))
        self.new_button.setText(self.tr("&New Unit"))
        self.lead_label.setText(self.tr("&Lead unit:"))
        self.lead_label.setBuddy(self.lead)
        self.coop_label.setText(self.tr("&Cooperating units:"))
        self.coop_label.setBuddy(self.coop)
        self.replace.setText(self.tr("&Replace the tasks' cooperating units (otherwise they are added)"))
        self._retranslate_keep()
