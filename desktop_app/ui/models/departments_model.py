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
    Qt,
)

from desktop_app.domain.models import KIND_LABELS, label
from desktop_app.store import departments
from desktop_app.store.departments import Department
from desktop_app.ui.app import current_lang

Index = QModelIndex | QPersistentModelIndex


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
                return "、".join(self._names.get(m, m) for m in d.members)
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
