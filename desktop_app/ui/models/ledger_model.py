"""The task ledger as Qt models: a flat table (``LedgerModel``) and a by-section tree over it.

``LedgerModel`` holds the plan's ``LedgerRow``s and a filter (department, section, status, search
hits) applied model-side; display strings are built lazily per row and cached until the language or
the row changes (cf. Anki's browser ``DataModel``). ``LedgerTreeModel`` groups the visible rows of a
``LedgerModel`` under their sections and follows its resets and row changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.models import STATUS_LABELS, Status, join_names, label
from desktop_app.services import ledger_queries as ledger
from desktop_app.services import read_models
from desktop_app.services.ledger_queries import LedgerRow, SectionRow
from desktop_app.ui.app import current_lang

Index = QModelIndex | QPersistentModelIndex

NO_STATUS = "none"  # filter value: no report yet
NO_LEAD = "__no_lead__"  # unit filter value: tasks without a lead unit


class Column(IntEnum):
    CODE = 0
    TITLE = 1
    LEAD = 2
    COOPERATING = 3
    TARGET = 4
    DUE = 5
    STATUS = 6
    PERCENT = 7


class LedgerRole(IntEnum):
    TASK_ID = Qt.ItemDataRole.UserRole + 1
    SECTION_ID = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3   # Status value or ''
    PERCENT = Qt.ItemDataRole.UserRole + 4  # float or None
    SORT = Qt.ItemDataRole.UserRole + 5     # a key that sorts naturally for the column
    IS_SECTION = Qt.ItemDataRole.UserRole + 6


# Roles as plain ints: data() runs thousands of times per paint, and each ``Qt.ItemDataRole.X`` is two
# attribute lookups on Python enums.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TOOLTIP_COLUMNS = (int(Column.TITLE), int(Column.COOPERATING), int(Column.TARGET))
_EDIT_COLUMNS = (int(Column.TITLE), int(Column.DUE))
_RIGHT_COLUMNS = (int(Column.PERCENT), int(Column.DUE))
_ROLE_TASK_ID, _ROLE_SECTION_ID, _ROLE_STATUS, _ROLE_PERCENT, _ROLE_SORT, _ROLE_IS_SECTION = (
    int(LedgerRole.TASK_ID), int(LedgerRole.SECTION_ID), int(LedgerRole.STATUS), int(LedgerRole.PERCENT),
    int(LedgerRole.SORT), int(LedgerRole.IS_SECTION))
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable

STATUS_COLORS = {
    Status.COMPLETED: "#198754",
    Status.IN_PROGRESS: "#0d6efd",
    Status.DELAYED: "#dc3545",
    Status.SUSPENDED: "#6c757d",
    Status.NOT_STARTED: "#b35c00",
}


_BRUSHES: dict[Status, QBrush] = {}


def _status_brush(status: Status) -> QBrush:
    """One brush per status, made once (data() asks for it on every paint)."""
    brush = _BRUSHES.get(status)
    if brush is None:
        brush = _BRUSHES[status] = QBrush(QColor(STATUS_COLORS[status]))
    return brush


def column_title(column: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        Column.CODE: QCoreApplication.translate("LedgerModel", "Code"),
        Column.TITLE: QCoreApplication.translate("LedgerModel", "Task"),
        Column.LEAD: QCoreApplication.translate("LedgerModel", "Lead unit"),
        Column.COOPERATING: QCoreApplication.translate("LedgerModel", "Cooperating units"),
        Column.TARGET: QCoreApplication.translate("LedgerModel", "Target"),
        Column.DUE: QCoreApplication.translate("LedgerModel", "Due date"),
        Column.STATUS: QCoreApplication.translate("LedgerModel", "Latest status"),
        Column.PERCENT: QCoreApplication.translate("LedgerModel", "Percent"),
    }[Column(column)]


@dataclasses.dataclass
class LedgerFilter:
    department: str | None = None      # department code (lead or cooperating)
    section_ids: frozenset[int] | None = None
    status: str | None = None          # Status value or NO_STATUS
    task_ids: frozenset[int] | None = None  # search hits

    def accepts(self, row: LedgerRow) -> bool:
        if self.task_ids is not None and row.id not in self.task_ids:
            return False
        if self.section_ids is not None and row.section_id not in self.section_ids:
            return False
        if self.status is not None:
            value = row.status.value if row.status else NO_STATUS
            if value != self.status:
                return False
        if self.department == NO_LEAD:
            return row.lead is None
        if self.department is not None:
            codes = ([row.lead.code] if row.lead else []) + [d.code for d in row.cooperating]
            if self.department not in codes:
                return False
        return True


TaskEditor = Callable[[int, dict[str, Any]], bool]


class LedgerModel(QAbstractTableModel):
    """Flat ledger: one row per visible task."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db: Any = None
        self.plan_id: int | None = None
        self._all: list[LedgerRow] = []
        self._visible: list[LedgerRow] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, tuple[str, ...]] = {}
        self._filter = LedgerFilter()
        self.sections: list[SectionRow] = []
        self.editor: TaskEditor | None = None  # set by the view: turns an edit into an undoable command

    # --- loading and filtering -------------------------------------------------------------------
    def load(self, db: Any, plan_id: int | None) -> None:
        self.beginResetModel()
        self.db, self.plan_id = db, plan_id
        # status/percent: the lead's latest report, as every report and the dashboard show it
        self._all = read_models.ledger_rows(db, plan_id) if (db is not None and plan_id is not None) else []
        self.sections = ledger.sections(db, plan_id) if (db is not None and plan_id is not None) else []
        self._cache.clear()
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, flt: LedgerFilter) -> None:
        if flt == self._filter:
            return
        self.beginResetModel()
        self._filter = flt
        self._apply_filter()
        self.endResetModel()

    @property
    def filter(self) -> LedgerFilter:
        return self._filter

    def _apply_filter(self) -> None:
        self._visible = [r for r in self._all if self._filter.accepts(r)]
        self._row_of = {r.id: i for i, r in enumerate(self._visible)}

    def section_and_descendants(self, section_id: int) -> frozenset[int]:
        children: dict[int | None, list[int]] = {}
        for s in self.sections:
            children.setdefault(s.parent_id, []).append(s.id)
        out, todo = set(), [section_id]
        while todo:
            sid = todo.pop()
            out.add(sid)
            todo.extend(children.get(sid, []))
        return frozenset(out)

    def retranslate(self) -> None:
        """Display strings depend on the language: drop the cache and repaint."""
        self._cache.clear()
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def refresh_task(self, task_id: int) -> None:
        """Re-read one task after an edit (title, text, due date, targets, units)."""
        if self.db is None:
            return
        pos = next((i for i, r in enumerate(self._all) if r.id == task_id), None)
        if pos is None:
            return
        d = ledger.task_detail(self.db, task_id)
        old = self._all[pos]
        self._all[pos] = dataclasses.replace(
            old, code=d.code, section_id=d.section_id, title_zh=d.title_zh, title_en=d.title_en, lead=d.lead,
            cooperating=list(d.cooperating), targets=list(d.targets), due=d.due)
        self._cache.pop(task_id, None)
        was_visible = task_id in self._row_of
        if self._filter.accepts(self._all[pos]) != was_visible:
            self.beginResetModel()
            self._apply_filter()
            self.endResetModel()
            return
        if was_visible:
            row = self._row_of[task_id]
            self._visible[row] = self._all[pos]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    # --- access ----------------------------------------------------------------------------------
    def row_for(self, task_id: int) -> int | None:
        return self._row_of.get(task_id)

    def task_at(self, row: int) -> LedgerRow:
        return self._visible[row]

    def visible_rows(self) -> list[LedgerRow]:
        return list(self._visible)

    def all_rows(self) -> list[LedgerRow]:
        return list(self._all)

    def _display(self, row: LedgerRow) -> tuple[str, ...]:
        cached = self._cache.get(row.id)
        if cached is None:
            lang = current_lang()
            cached = (
                row.code,
                row.title(lang),
                row.lead.name(lang) if row.lead else "",
                join_names((d.name(lang) for d in row.cooperating), lang),
                row.target_text(lang),
                row.due.isoformat() if row.due else "",
                label(STATUS_LABELS, row.status, lang) if row.status else "",
                f"{row.percent:.0f}%" if row.percent is not None else "",
            )
            self._cache[row.id] = cached
        return cached

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        return self.cell(self._visible[index.row()], index.column(), role)

    def cell(self, row: LedgerRow, col: int, role: int) -> Any:
        """What ``data()`` answers for ``row`` in column ``col`` (the tree asks this directly)."""
        role = int(role)
        if role == _DISPLAY or role == _TOOLTIP:
            text = self._display(row)[col]
            if role == _TOOLTIP:
                return text if col in _TOOLTIP_COLUMNS and text else None
            return text
        if role == _EDIT:
            if col == Column.TITLE:
                return row.title(current_lang())
            if col == Column.DUE:
                return QDate(row.due.year, row.due.month, row.due.day) if row.due else QDate()
            return self._display(row)[col]
        if role == _FOREGROUND:
            return _status_brush(row.status) if col == Column.STATUS and row.status else None
        if role == _ALIGNMENT:
            return _RIGHT if col in _RIGHT_COLUMNS else None
        if role == _ROLE_TASK_ID:
            return row.id
        if role == _ROLE_SECTION_ID:
            return row.section_id
        if role == _ROLE_STATUS:
            return row.status.value if row.status else ""
        if role == _ROLE_PERCENT:
            return row.percent
        if role == _ROLE_IS_SECTION:
            return False
        if role == _ROLE_SORT:
            return self._sort_key(row, col)
        return None

    def _sort_key(self, row: LedgerRow, col: int) -> Any:
        if col == Column.CODE:
            return row.seq
        if col == Column.DUE:
            return row.due.isoformat() if row.due else "9999"
        if col == Column.PERCENT:
            return row.percent if row.percent is not None else -1.0
        return self._display(row)[col]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.cell_flags(index.column())

    def cell_flags(self, col: int) -> Qt.ItemFlag:
        return _EDITABLE_FLAGS if col in _EDIT_COLUMNS and self.editor is not None else _CELL_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Edits go through ``editor`` (an undoable command that writes the database)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.editor is None:
            return False
        row = self._visible[index.row()]
        if index.column() == Column.TITLE:
            text = str(value).strip()
            if not text or text == row.title(current_lang()):
                return False
            field = "title_en" if current_lang() == "en" and row.title_en else "title_zh"
            return self.editor(row.id, {field: text})
        if index.column() == Column.DUE:
            due = _to_date(value)
            if due == row.due:
                return False
            return self.editor(row.id, {"due_date": due})
        return False


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, QDate):
        date = value.toPython() if value.isValid() else None
        return date if isinstance(date, dt.date) else None
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    return dt.date.fromisoformat(text) if text else None


class _Node:
    __slots__ = ("kind", "ref", "parent", "children", "row")

    def __init__(self, kind: str, ref: Any, parent: int) -> None:
        self.kind = kind          # 'root' | 'section' | 'task'
        self.ref = ref            # SectionRow | task id
        self.parent = parent      # node id of the parent
        self.children: list[int] = []
        self.row = 0


class LedgerTreeModel(QAbstractItemModel):
    """The visible ledger rows grouped under their (nested) sections; empty sections are hidden."""

    def __init__(self, source: LedgerModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._nodes: list[_Node] = []
        self._task_node: dict[int, int] = {}
        self._build()
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._source_reset)
        source.dataChanged.connect(self._source_changed)
        source.headerDataChanged.connect(self.headerDataChanged)

    def _source_reset(self) -> None:
        self._build()
        self.endResetModel()

    def _build(self) -> None:
        nodes = [_Node("root", None, -1)]
        section_node: dict[int, int] = {}
        by_id = {s.id: s for s in self.source.sections}

        def node_for_section(sid: int | None) -> int:
            if sid is None or sid not in by_id:
                return 0
            if sid in section_node:
                return section_node[sid]
            parent = node_for_section(by_id[sid].parent_id)
            nodes.append(_Node("section", by_id[sid], parent))
            nid = len(nodes) - 1
            section_node[sid] = nid
            return nid

        # Sections appear in plan order: create them in seq order when they hold a visible task.
        visible = self.source.visible_rows()
        used = {r.section_id for r in visible}
        for s in self.source.sections:
            if s.id in used:
                node_for_section(s.id)
        self._task_node = {}
        for r in visible:
            nodes.append(_Node("task", r.id, node_for_section(r.section_id)))
            self._task_node[r.id] = len(nodes) - 1
        for nid, node in enumerate(nodes):
            if nid:
                nodes[node.parent].children.append(nid)
        order = {s.id: s.seq for s in self.source.sections}
        for node in nodes:  # sections by seq, then tasks in ledger order (stable)
            node.children.sort(key=lambda c: (nodes[c].kind != "section",
                                              order.get(nodes[c].ref.id, 0) if nodes[c].kind == "section" else 0))
            for row, child in enumerate(node.children):
                nodes[child].row = row
        self._nodes = nodes

    def _source_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Iterable[int] = ()) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            task_id = self.source.task_at(row).id
            nid = self._task_node.get(task_id)
            if nid is not None:
                node = self._nodes[nid]
                self.dataChanged.emit(self.createIndex(node.row, 0, nid),
                                      self.createIndex(node.row, len(Column) - 1, nid))

    # --- helpers ---------------------------------------------------------------------------------
    def index_for_task(self, task_id: int, column: int = 0) -> QModelIndex:
        nid = self._task_node.get(task_id)
        if nid is None:
            return QModelIndex()
        return self.createIndex(self._nodes[nid].row, column, nid)

    def _node(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else 0

    # --- Qt model interface ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        pnode = self._nodes[self._node(parent)]
        if row >= len(pnode.children):
            return QModelIndex()
        return self.createIndex(row, column, pnode.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._nodes[self._node(index)]
        if node.parent <= 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._nodes[self._node(parent)].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(Column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.source.headerData(section, orientation, role)

    def _source_index(self, index: Index) -> QModelIndex:
        node = self._nodes[self._node(index)]
        if node.kind != "task":
            return QModelIndex()
        row = self.source.row_for(node.ref)
        return self.source.index(row, index.column()) if row is not None else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if node.kind == "task":
            row = self.source.row_for(node.ref)
            return None if row is None else self.source.cell(self.source.task_at(row), index.column(), role)
        if node.kind == "section":
            sec: SectionRow = node.ref
            if role == _DISPLAY and index.column() == 0:
                return f"{sec.number}{sec.title(current_lang())}"
            if role == _FONT and index.column() == 0:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            if role == _ROLE_SECTION_ID:
                return sec.id
            if role == _ROLE_IS_SECTION:
                return True
            return None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        src = self._source_index(index)
        return self.source.setData(src, value, role) if src.isValid() else False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self._nodes[index.internalId()]
        if node.kind == "section":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.source.row_for(node.ref) is None:
            return Qt.ItemFlag.NoItemFlags
        return self.source.cell_flags(index.column())
