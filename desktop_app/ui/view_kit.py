"""Small pieces the dashboard, periods, warnings, assessment and reports pages share.

``RowsModel`` is the one read-only table model those pages use: a list of row objects and a list of
``Column``s that say how a row is displayed, sorted, coloured and explained (tooltip). Column titles
are set by the page (``set_titles``) so that they go through the page's ``tr()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QInputDialog, QLabel, QTableView, QWidget

from desktop_app.services import clock

Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

LEVEL_COLORS = {"red": "#f5c2c7", "yellow": "#ffe69c", "green": "#badbcc"}
LEVEL_TEXT_COLORS = {"red": "#842029", "yellow": "#664d03", "green": "#0f5132"}


@dataclass(frozen=True)
class Column:
    key: str
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    background: Callable[[Any], str | None] | None = None
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    """Rows of any objects shown through ``Column`` accessors; read-only."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.titles = [c.key for c in columns]

    def set_titles(self, titles: Sequence[str]) -> None:
        assert len(titles) == len(self.columns)
        self.titles = list(titles)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def relabel(self) -> None:
        """Every cell's text may have changed (a language switch): tell the views without a layout change.

        A bare ``layoutChanged`` (no ``layoutAboutToBeChanged``) left a sorting proxy's persistent indexes
        stale and the selection model crashed the process on the next language switch."""
        if self.rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> Any:
        return self.rows[index.row()] if index.isValid() and 0 <= index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.titles):
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            key = col.sort(row) if col.sort else col.value(row)
            return "" if key is None else key
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and col.background:
            color = col.background(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table_view(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def heading() -> QLabel:
    label = QLabel()
    label.setObjectName("page-heading")
    return label


def today(db: Any) -> dt.date:
    """The date the pages compute with: the demo database's pinned day, else the real date."""
    return clock.today(db)


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A multi-line text prompt (reasons, notes); None when cancelled. Tests replace this function."""
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def fmt_num(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "—"
    text = f"{x:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class BackgroundLoad:
    """Load a page's data off the GUI thread (its own connection, through ``Op``); only the newest
    request's result is applied. An in-memory database (no file to reopen) loads synchronously."""

    def __init__(self, page: QWidget, title: str = "") -> None:
        self.page = page
        self.title = title
        self.generation = 0
        self.op: Any = None

    @property
    def busy(self) -> bool:
        return self.op is not None and not self.op.done

    def run(self, db: Any, job: Callable[[Any], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException], None] | None = None) -> None:
        from desktop_app.services.database_files import file_of as db_path
        from desktop_app.ui.ops import Op

        self.generation += 1
        gen = self.generation
        path = db_path(db) if db is not None else ""
        if not path:
            try:
                result = job(db)
            except Exception as exc:  # noqa: BLE001 - handed to the page, like the background path
                if failed is None:
                    raise
                failed(exc)
                return
            done(result)
            return

        def apply(result: Any) -> None:
            if gen == self.generation:
                done(result)

        def error(exc: BaseException) -> None:
            if gen == self.generation and failed is not None:
                failed(exc)

        self.op = Op(self.page, path, lambda conn, _p, _c: job(conn), title=self.title, cancellable=False)
        self.op.success(apply).failure(error, show=failed is None).run()


def select_where(table: QTableView, proxy: Any, model: RowsModel, match: Callable[[Any], bool]) -> bool:
    """Select (and scroll to) the first row of ``model`` that ``match``es and the proxy shows."""
    for r, row in enumerate(model.rows):
        if match(row):
            index = proxy.mapFromSource(model.index(r, 0))
            if not index.isValid():
                return False
            table.selectRow(index.row())
            table.scrollTo(index)
            return True
    return False


def change_filter(proxy: Any, change: Callable[[], None]) -> None:
    """Run ``change`` (which alters what ``proxy.filterAcceptsRow`` accepts) and let the proxy refilter:
    ``beginFilterChange``/``endFilterChange`` on Qt ≥ 6.9, where ``invalidateFilter`` is deprecated."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:
        change()
        proxy.invalidateFilter()


def display_path(path: Path | str) -> str:
    """A path as the status bar shows it: the user's home folder written ``~``."""
    p, home = Path(path), Path.home()
    try:
        return str(Path("~") / p.relative_to(home))
    except ValueError:
        return str(p)


def fit_to_screen(widget: QWidget, margin: int = 48) -> QWidget:
    """Shrink a window that was given a fixed size to what the screen shows (1024×600 netbooks, 768-px
    laptops: a dialog's buttons must not end up below the screen's edge), and keep it on the screen.
    A window not yet shown nor resized counts at its size hint (what ``show()`` would give it)."""
    from PySide6.QtGui import QGuiApplication

    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return widget
    avail = screen.availableGeometry()
    hint = widget.minimumSizeHint()
    size = widget.size()
    if not widget.isVisible() and not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        size = size.expandedTo(widget.sizeHint())
    width = max(min(size.width(), avail.width() - 16), hint.width())
    height = max(min(size.height(), avail.height() - margin), hint.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    return widget


def _move_on_screen(widget: QWidget, margin: int = 48) -> None:
    """Put a shown window's frame inside the available screen (its title bar reachable)."""
    screen = widget.screen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    frame = widget.frameGeometry()
    extra = max(0, margin - (frame.height() - widget.height()))   # title bar not known yet: leave room
    x = min(max(frame.x(), avail.left()), max(avail.left(), avail.right() + 1 - frame.width()))
    y = min(max(frame.y(), avail.top()), max(avail.top(), avail.bottom() + 1 - frame.height() - extra))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


class _ScreenFit(QObject):
    """Fits its dialog to the screen each time it is shown (see ``keep_on_screen``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            fit_to_screen(watched)
            _move_on_screen(watched)
        return False


def keep_on_screen(dialog: W) -> W:
    """Whenever ``dialog`` is shown, shrink it to the available screen (1024×600, 1366×768) and keep its
    frame on it. The filter watches this one widget only: an application-wide filter would run Python on
    every event of the program."""
    fitter = _ScreenFit(dialog)
    fitter.setObjectName("screen-fit")
    dialog.installEventFilter(fitter)
    return dialog


def scrolling(body: QWidget) -> QWidget:
    """``body`` inside a frameless scroll area: a form taller than a small screen scrolls instead of being
    cut off (its dialog keeps the buttons below, outside the scroll area)."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area
