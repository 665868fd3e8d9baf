"""Warnings page: a quarter's early warnings, filtered by level and department, each explained in a
detail pane; acknowledge a warning with a note; publish (freeze) the quarter."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
)

from desktop_app.domain.models import STATUS_LABELS, ChangeSummary, Status, join_names
from desktop_app.errors import PeakDeskError
from desktop_app.services import compute_warnings
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page, view_title
from desktop_app.ui.view_kit import LEVEL_COLORS, SORT_ROLE, Column, RowsModel

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

LEVEL_ORDER = {"red": 0, "yellow": 1, "green": 2}


def default_quarter(quarters: list[tuple[str, dt.date, dt.date]], today: dt.date) -> str | None:
    """The latest quarter that has ended by ``today`` (the one to warn about), else the current one."""
    ended = [code for code, _start, end in quarters if end < today]
    if ended:
        return ended[-1]
    started = [code for code, start, _end in quarters if start <= today]
    return started[-1] if started else (quarters[0][0] if quarters else None)


class WarningsPage(Page):
    key = "warnings"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.result: compute_warnings.WarningsResult | None = None
        self.loader = view_kit.BackgroundLoad(self)
        self._pending_task: tuple[str, str] | None = None

        self.heading = view_kit.heading()
        self.quarter = QComboBox()
        self.quarter.setObjectName("warnings-quarter")
        self.quarter.currentIndexChanged.connect(lambda _i: self.load())
        self.level = QComboBox()
        self.level.setObjectName("warnings-level")
        for value in ("", "red", "yellow", "green"):
            self.level.addItem("", value)
        self.level.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.department = QComboBox()
        self.department.setObjectName("warnings-department")
        self.department.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("warnings-ack")
        self.ack_button.clicked.connect(lambda: self.acknowledge())
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("warnings-publish")
        self.publish_button.clicked.connect(lambda: self.publish())
        self.counts = QLabel()
        self.counts.setObjectName("warnings-counts")
        self.state = QLabel()
        self.state.setObjectName("page-note")
        self.state.setWordWrap(True)   # the window must fit 1024 px
        self.quarter_label, self.level_label, self.dept_label = QLabel(), QLabel(), QLabel()
        for label, buddy in ((self.quarter_label, self.quarter), (self.level_label, self.level),
                             (self.dept_label, self.department)):
            label.setBuddy(buddy)

        lang = current_lang
        self.model = RowsModel([
            Column("level", lambda w: self._level_label(w.level), sort=lambda w: LEVEL_ORDER.get(w.level, 9),
                   background=lambda w: LEVEL_COLORS.get(w.level)),
            Column("task", lambda w: w.task_code, sort=_code_key),
            Column("title", lambda w: w.title_zh if lang() == "zh" else (w.title_en or w.title_zh)),
            Column("department", lambda w: w.department.name(lang()), tooltip=lambda w: self._coop_tip(w)),
            Column("reason", lambda w: w.reason(lang()), tooltip=lambda w: self._reason_tip(w)),
            Column("ack", lambda w: (w.ack_note or self.tr("yes")) if w.acknowledged else "",
                   tooltip=lambda w: w.acked_at or None),
        ], self)
        self.proxy = _WarningFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = view_kit.table_view(self.proxy, "warnings-table")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(lambda _i: self.acknowledge())
        self.detail = QTextBrowser()
        self.detail.setObjectName("warnings-detail")
        self.detail.setOpenLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(self.counts)
        top.addStretch(1)
        top.addWidget(self.ack_button)
        top.addWidget(self.publish_button)
        filters = QHBoxLayout()
        for w in (self.quarter_label, self.quarter, self.level_label, self.level, self.dept_label, self.department):
            filters.addWidget(w)
        filters.addSpacing(12)
        filters.addWidget(self.state, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.quarter, self.level)
        self.setTabOrder(self.level, self.department)
        self.setTabOrder(self.department, self.table)
        self.ack_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.ack_shortcut.activated.connect(lambda: self.acknowledge())
        self.ack_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------
    def _level_label(self, level: str) -> str:
        return {"red": self.tr("Red"), "yellow": self.tr("Yellow"), "green": self.tr("Green")}.get(level, level)

    def _coop_tip(self, w: Any) -> str | None:
        if not w.cooperating:
            return None
        return self.tr("Cooperating units: %1").replace("%1", join_names((d.name(current_lang()) for d in w.cooperating), current_lang()))

    def _reason_tip(self, w: Any) -> str:
        ex = w.explain or {}
        exp = ex.get("expected") or {}
        lines = [w.reason(current_lang())]
        if exp:
            lines.append(self.tr("Expected: %1").replace(
                "%1", exp.get("formula_zh" if current_lang() == "zh" else "formula_en", "")))
        if ex.get("actual") is not None:
            lines.append(self.tr("Reported: %1% (%2)").replace("%1", view_kit.fmt_num(ex["actual"]))
                         .replace("%2", str(ex.get("actual_period") or "")))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.heading.setText(view_title("warnings"))
        self.quarter_label.setText(self.tr("&Quarter:"))
        self.level_label.setText(self.tr("&Level:"))
        self.dept_label.setText(self.tr("&Department:"))
        for i, text in enumerate((self.tr("All levels"), self.tr("Red"), self.tr("Yellow"), self.tr("Green"))):
            self.level.setItemText(i, text)
        if self.department.count():
            self.department.setItemText(0, self.tr("All departments"))
        self.ack_button.setText(self.tr("&Acknowledge…"))
        self.ack_button.setToolTip(self.tr("Record that you have seen this warning, with a note (Ctrl+Enter)."))
        self.publish_button.setText(self.tr("&Publish Quarter…"))
        self.publish_button.setToolTip(self.tr(
            "Freeze this quarter's warnings as sent: later edits no longer change them."))
        self.model.set_titles([self.tr("Level"), self.tr("Task"), self.tr("Title"), self.tr("Lead unit"),
                               self.tr("Reason"), self.tr("Acknowledged")])
        self._update_labels()
        self._fill_departments()
        self._show_detail()
        self.model.relabel()

    # --- data --------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        quarters = []
        if db is not None and plan_id is not None:
            from desktop_app.services.cycle_queries import quarters as plan_quarters

            quarters = plan_quarters(db, plan_id)
        self.quarter.blockSignals(True)
        self.quarter.clear()
        for code, _s, _e in quarters:
            self.quarter.addItem(code, code)
        chosen = default_quarter(quarters, view_kit.today(db)) if db is not None else None
        if chosen:
            self.quarter.setCurrentIndex(self.quarter.findData(chosen))
        self.quarter.blockSignals(False)
        self.load()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.warnings or changes.progress or changes.tasks or changes.periods or changes.submissions:
            self.load(keep_selection=True)

    def show_filtered(self, *, quarter: str | None = None, level: str | None = None,
                      department: str | None = None, task: str | None = None, **_other: Any) -> None:
        """Used by the dashboard: jump here with a quarter, level and department chosen (and a task selected)."""
        if quarter and self.quarter.findData(quarter) >= 0:
            self.quarter.setCurrentIndex(self.quarter.findData(quarter))
        self.level.setCurrentIndex(max(0, self.level.findData(level or "")))
        self.department.setCurrentIndex(max(0, self.department.findData(department or "")))
        if task and department and not self.select(task, department):
            self._pending_task = (task, department)  # still loading: selected when the result arrives

    def load(self, keep_selection: bool = False) -> None:
        """Compute the quarter's warnings in the background, then show them (keeping the selection)."""
        selected = self.selected_warning() if keep_selection else None
        keep = (selected.task_code, selected.department.code) if selected is not None else None
        code = self.quarter.currentData()
        if self.db is None or self.plan_id is None or not code:
            self._loaded(None, None)
            return
        plan_id = self.plan_id
        self.loader.run(self.db, lambda db: compute_warnings.compute(db, plan_id, code),
                        lambda result: self._loaded(result, keep), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loaded(None, None)
        show_error(self, exc, title=view_title("warnings"))

    def _loaded(self, result: compute_warnings.WarningsResult | None, keep: tuple[str, str] | None) -> None:
        self.result = result
        self.model.set_rows(result.warnings if result is not None else [])
        self._fill_departments()
        self._apply_filter()
        self._update_labels()
        if keep is not None:
            self.select(*keep)
        if self.table.selectionModel().selectedRows() == [] and self.proxy.rowCount():
            self.table.selectRow(0)  # the detail pane always explains something
        if self._pending_task is not None:
            self.select(*self._pending_task)
            self._pending_task = None
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(2, 240)
        self.table.setColumnWidth(3, 180)

    def _fill_departments(self) -> None:
        current = self.department.currentData()
        depts: dict[str, str] = {}
        for w in self.model.rows:
            depts.setdefault(w.department.code, w.department.name(current_lang()))
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), "")
        for code, name in sorted(depts.items(), key=lambda kv: kv[1]):
            self.department.addItem(name, code)
        self.department.setCurrentIndex(max(0, self.department.findData(current or "")))
        self.department.blockSignals(False)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.level.currentData() or None, self.department.currentData() or None)
        self._show_detail()
        self._update_buttons()

    def _update_labels(self) -> None:
        r = self.result
        if r is None:
            self.counts.setText("")
            self.state.setText(self.tr("No quarter to show.") if self.db is not None else "")
            self._update_buttons()
            return
        c = r.counts
        self.counts.setText(
            f"<span style='color:#b02a37'>● {self._level_label('red')} {c.get('red', 0)}</span> &nbsp; "
            f"<span style='color:#997404'>● {self._level_label('yellow')} {c.get('yellow', 0)}</span> &nbsp; "
            f"<span style='color:#146c43'>● {self._level_label('green')} {c.get('green', 0)}</span>")
        if r.published:
            self.state.setText(self.tr("Published %1 — these warnings are frozen as sent.").replace(
                "%1", r.published_at[:16].replace("T", " ")))
        else:
            self.state.setText(self.tr("Not published; computed as of %1 (progress measured on %2).")
                               .replace("%1", r.as_of.isoformat()).replace("%2", r.measured_on.isoformat()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ack_button.setEnabled(self.selected_warning() is not None)
        self.publish_button.setEnabled(self.result is not None and not self.result.published)

    # --- selection and detail ------------------------------------------------------------------------
    def selected_warning(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(self.proxy.mapToSource(rows[0])) if rows else None

    def select(self, task_code: str, department_code: str) -> bool:
        return view_kit.select_where(self.table, self.proxy, self.model,
                                     lambda w: w.task_code == task_code and w.department.code == department_code)

    def _labels(self) -> dict[str, str]:
        """Texts used inside f-strings (lupdate only sees plain tr() calls)."""
        return {
            "Select a warning to see why it was raised.": self.tr("Select a warning to see why it was raised."),
            "Lead unit": self.tr("Lead unit"),
            "Cooperating units": self.tr("Cooperating units"),
            "Rules that fired": self.tr("Rules that fired"),
            "Rule": self.tr("Rule"),
            "Monthly reports in the quarter": self.tr("Monthly reports in the quarter"),
            "received %1": self.tr("received %1"),
            "due %1": self.tr("due %1"),
            "Target": self.tr("Target"),
            "path now": self.tr("path now"),
            "reported": self.tr("reported"),
            "Acknowledged": self.tr("Acknowledged"),
        }

    def _show_detail(self) -> None:
        L = self._labels()  # noqa: N806
        w = self.selected_warning()
        self.detail.setHtml(self.detail_html(w) if w is not None else
                            f"<p style='color:#6c757d'>{html.escape(L['Select a warning to see why it was raised.'])}</p>")
        self._update_buttons()

    def detail_html(self, w: Any) -> str:
        L = self._labels()  # noqa: N806
        lang = current_lang()
        e = html.escape
        ex = w.explain or {}
        title = w.title_zh if lang == "zh" else (w.title_en or w.title_zh)
        color = LEVEL_COLORS.get(w.level, "#fff")
        parts = [f"<h3>{e(w.task_code)} {e(title)}</h3>",
                 f"<p><span style='background:{color}'>&nbsp;{e(self._level_label(w.level))}&nbsp;</span> "
                 f"{e(w.reason(lang))}</p>",
                 f"<p><b>{e(L['Lead unit'])}:</b> {e(w.department.name(lang))}"]
        if w.cooperating:
            parts.append(f"<br><b>{e(L['Cooperating units'])}:</b> "
                         + e(join_names((d.name(lang) for d in w.cooperating), lang)))
        parts.append("</p>")
        if w.fired:
            parts.append(f"<p><b>{e(L['Rules that fired'])}:</b></p><ul>")
            for f in w.fired:
                reason = f.reason_zh if lang == "zh" else f.reason_en
                # the rule's reason says what fired; its internal code (behind_red …) is for the rules file only
                parts.append(f"<li>{e(self._level_label(f.level))} — {e(reason)}</li>")
            parts.append("</ul>")
        exp = ex.get("expected") or {}
        rows = []
        if exp:
            rows.append((self.tr("Expected progress"), exp.get("formula_zh" if lang == "zh" else "formula_en", "")))
        if "actual" in ex:
            actual = self.tr("never reported") if ex.get("actual") is None else \
                f"{view_kit.fmt_num(ex['actual'])}% ({ex.get('actual_period') or ''})"
            rows.append((self.tr("Reported progress"), actual))
        if ex.get("behind_points") is not None:
            rows.append((self.tr("Behind by"), self.tr("%1 points").replace("%1", view_kit.fmt_num(ex["behind_points"]))))
        if ex.get("status"):
            rows.append((self.tr("Reported status"), _status_text(ex["status"], lang)))
        if ex.get("due"):
            rows.append((self.tr("Task due"), ex["due"]))
        if ex.get("measured_on"):
            rows.append((self.tr("Measured on"), ex["measured_on"]))
        if rows:
            parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(
                f"<tr><td><b>{e(k)}</b></td><td>{e(str(v))}</td></tr>" for k, v in rows) + "</table>")
        reports = ex.get("reports") or []
        if reports:
            names = {"on_time": self.tr("on time"), "late": self.tr("late"), "missing": self.tr("missing"),
                     "not_due": self.tr("not yet due")}
            parts.append(f"<p><b>{e(L['Monthly reports in the quarter'])}:</b></p><ul>")
            for r in reports:
                received = f" · {e(L['received %1'].replace('%1', r['received']))}" if r.get("received") else ""
                parts.append(f"<li>{e(r['period'])}: {e(names.get(r['status'], r['status']))} "
                             f"({e(L['due %1'].replace('%1', r['due']))}){received}</li>")
            parts.append("</ul>")
        for t in ex.get("targets") or []:
            parts.append(f"<p><b>{e(L['Target'])}:</b> {e(str(t.get('metric') or ''))} "
                         f"{e(view_kit.fmt_num(t.get('target'), 2))} {e(str(t.get('unit') or ''))} · "
                         f"{e(L['path now'])} {e(view_kit.fmt_num(t.get('path_now'), 2))} · "
                         f"{e(L['reported'])} {e(view_kit.fmt_num(t.get('indicator'), 2))}</p>")
        if w.acknowledged:
            parts.append(f"<p style='background:#e7f1ff'><b>{e(L['Acknowledged'])}</b> "
                         f"{e(w.acked_at[:16].replace('T', ' '))}: {e(w.ack_note)}</p>")
        return "".join(parts)

    # --- actions -------------------------------------------------------------------------------------
    def acknowledge(self, note: str | None = None) -> bool:
        w = self.selected_warning()
        if w is None or self.db is None or self.plan_id is None or self.result is None:
            return False
        if note is None:
            note = view_kit.ask_text(self, self.tr("Acknowledge Warning"), self.tr(
                "Note on %1 — %2 (what was agreed, who follows up):").replace("%1", w.task_code)
                .replace("%2", w.department.name(current_lang())), w.ack_note)
            if note is None:
                return False
        try:
            changes = compute_warnings.acknowledge(self.db, self.plan_id, self.result.quarter, w.task_code,
                                                   w.department.code, note.strip())
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Acknowledge Warning"))
            return False
        task, dept = w.task_code, w.department.code
        self.window_.notify(changes)
        self.select(task, dept)
        return True

    def publish(self, confirmed: bool = False) -> bool:
        if self.result is None or self.result.published or self.db is None or self.plan_id is None:
            return False
        quarter = self.result.quarter
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Publish Quarter"), self.tr(
                "Publish the warnings of %1? They are frozen as they are now: later reports and edits no longer "
                "change them (a unit that catches up turns green in the next quarter).").replace("%1", quarter))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            _result, changes = compute_warnings.publish(self.db, self.plan_id, quarter)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Publish Quarter"))
            return False
        self.window_.notify(changes)
        return True

    def save_state(self) -> None:
        pass


def _status_text(status: str, lang: str) -> str:
    try:
        zh, en = STATUS_LABELS[Status(status)]
    except ValueError:
        return status
    return zh if lang == "zh" else en


def _code_key(w: Any) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in w.task_code.split("."))


class _WarningFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.level: str | None = None
        self.department: str | None = None

    def set_filter(self, level: str | None, department: str | None) -> None:
        def change() -> None:
            self.level, self.department = level, department

        view_kit.change_filter(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802 - Qt API
        w = self.sourceModel().rows[source_row]  # type: ignore[attr-defined]
        return (self.level is None or w.level == self.level) and \
            (self.department is None or w.department.code == self.department)

    def lessThan(self, left: Any, right: Any) -> bool:  # noqa: N802 - Qt API
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
