"""The departments page: the registry (bilingual names, kinds, aliases, placeholder members)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.ui import settings
from desktop_app.ui.models.departments_model import DepartmentsModel, DeptColumn
from desktop_app.ui.pages import Page

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow


class DepartmentsPage(Page):
    key = "departments"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.model = DepartmentsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("departments-filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setObjectName("departments-view")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DeptColumn.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        state = settings.DEPARTMENTS_HEADER.get()
        if state.isEmpty() or not header.restoreState(state):
            for col, width in ((DeptColumn.CODE, 90), (DeptColumn.NAME_ZH, 220), (DeptColumn.NAME_EN, 300),
                               (DeptColumn.KIND, 130), (DeptColumn.ALIASES, 220)):
                header.resizeSection(col, width)
            header.setStretchLastSection(True)
            header.setSectionResizeMode(DeptColumn.MEMBERS, QHeaderView.ResizeMode.Interactive)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db = db
        self.model.load(db)
        self._update_count()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.departments and not changes.details.get("task_id") and self.db is not None:
            self.model.load(self.db)
            self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 units").replace("%1", str(self.model.rowCount())))

    def save_state(self) -> None:
        settings.DEPARTMENTS_HEADER.set(self.table.horizontalHeader().saveState())

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Name, alias or code…"))
        self.model.retranslate()
        self._update_count()
