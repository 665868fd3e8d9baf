"""The department registry as a table: code, bilingual names, kind, aliases, placeholder members."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.models import KIND_LABELS, join_names, label
from desktop_app.services import ledger_queries as departments
from desktop_app.services.ledger_queries import Department
from desktop_app.ui.app import current_lang

Index = QModelIndex | QPersistentModelIndex


TO_CHECK_BRUSH = QBrush(QColor("#fff3cd"))
TO_CHECK_TEXT = QBrush(QColor("#664d03"))


class DeptColumn(IntEnum):
    CODE = 0
    NAME_ZH = 1
    NAME_EN = 2
    KIND = 3
    ALIASES = 4
    MEMBERS = 5


class DeptRole(IntEnum):
    CODE = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    TO_CHECK = Qt.ItemDataRole.UserRole + 3


def dept_column_title(column: int) -> str:
    return {
        DeptColumn.CODE: QCoreApplication.translate("DepartmentsModel", "Code"),
        DeptColumn.NAME_ZH: QCoreApplication.translate("DepartmentsModel", "Chinese name"),
        DeptColumn.NAME_EN: QCoreApplication.translate("DepartmentsModel", "English name"),
        DeptColumn.KIND: QCoreApplication.translate("DepartmentsModel", "Kind"),
        DeptColumn.ALIASES: QCoreApplication.translate("DepartmentsModel", "Aliases"),
        DeptColumn.MEMBERS: QCoreApplication.translate("DepartmentsModel", "Members"),
    }[DeptColumn(column)]


class DepartmentsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Department] = []
        self._names: dict[str, str] = {}

    def load(self, db: Any) -> None:
        self.beginResetModel()
        self._rows = departments.list_departments(db) if db is not None else []
        self._names = {d.code: d.name_zh for d in self._rows}
        self.endResetModel()

    def department_at(self, row: int) -> Department:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((i for i, d in enumerate(self._rows) if d.code == code), -1)

    def to_check_count(self) -> int:
        return sum(1 for d in self._rows if d.to_check)

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(DeptColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DeptColumn) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(DeptColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(DeptColumn):
            return dept_column_title(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and d.to_check:
            return QCoreApplication.translate(
                "DepartmentsModel", "To check: created by a plan import from a name PeakDesk did not know.")
        if d.to_check and role == Qt.ItemDataRole.BackgroundRole:
            return TO_CHECK_BRUSH
        if d.to_check and role == Qt.ItemDataRole.ForegroundRole:
            return TO_CHECK_TEXT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == DeptColumn.CODE:
                return d.code
            if col == DeptColumn.NAME_ZH:
                return d.name_zh
            if col == DeptColumn.NAME_EN:
                return d.name_en
            if col == DeptColumn.KIND:
                return label(KIND_LABELS, d.kind, current_lang())
            if col == DeptColumn.ALIASES:
                return "; ".join(a for a, _ in d.aliases if a not in (d.name_zh, d.name_en))
            if col == DeptColumn.MEMBERS:
                return join_names((self._names.get(m, m) for m in d.members), current_lang())
        if role == DeptRole.CODE:
            return d.code
        if role == DeptRole.KIND:
            return d.kind.value
        if role == DeptRole.TO_CHECK:
            return d.to_check
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class DepartmentsProxy(QSortFilterProxyModel):
    """Text filter over every column, optionally only the departments flagged "to check"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_to_check = False
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_only_to_check(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.only_to_check = bool(on)
            self.endFilterChange()
        else:
            self.only_to_check = bool(on)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self.only_to_check and not model.index(source_row, 0, source_parent).data(DeptRole.TO_CHECK):
            return False
        return super().filterAcceptsRow(source_row, source_parent)
