"""Dashboard: this period's submissions (x of y, who is missing), red and yellow counts, progress by
section, upcoming due dates. Every figure is a click away from its detail: the page emits
``navigate(view, filters)`` and the main window switches page and applies the filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import PeakDeskError
from desktop_app.services import read_models
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.pages import Page, view_title

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

NAV_ROLE = Qt.ItemDataRole.UserRole + 10
UPCOMING_DAYS = 45


@dataclass
class SectionProgress:
    section_id: int
    number: str
    title_zh: str
    title_en: str
    tasks: int = 0
    completed: int = 0
    reported: int = 0
    first_task: int | None = None
    children: list[SectionProgress] = field(default_factory=list)
    mean: float = 0.0

    @property
    def mean_percent(self) -> float:
        """The section's mean percent as the services' roll-up computed and rounded it."""
        return self.mean


@dataclass
class Snapshot:
    """Everything the dashboard shows, gathered in one pass (plain data, testable without widgets)."""

    today: dt.date
    period: str | None = None
    period_due: dt.date | None = None
    expected: int = 0
    received: int = 0
    late: int = 0
    missing: list[tuple[str, str, str]] = field(default_factory=list)   # code, name_zh, name_en
    quarter: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    red: list[tuple[str, str, str, str]] = field(default_factory=list)  # task, dept code, title, dept name
    sections: list[SectionProgress] = field(default_factory=list)
    upcoming: list[tuple[dt.date, str, str, dict[str, Any], str]] = field(default_factory=list)


def reporting_period(db: Any, plan_id: int, today: dt.date) -> tuple[str, dt.date] | None:
    """The period being reported now (``services.read_models.reporting_period``)."""
    return read_models.reporting_period(db, plan_id, today)


def _node(f: read_models.SectionFigures) -> SectionProgress:
    return SectionProgress(f.section_id or 0, f.number, f.title_zh, f.title_en, tasks=f.tasks,
                           completed=f.completed, reported=f.reported, first_task=f.first_task,
                           mean=f.mean_percent)


def section_progress(db: Any, plan_id: int, figures: list[read_models.SectionFigures] | None = None
                     ) -> list[SectionProgress]:
    """Progress by top-level section (with its second-level sections as children): the services'
    one section roll-up (``services.read_models.section_figures``), as the bulletin prints it."""
    if figures is None:
        figures = read_models.dashboard(db, plan_id, with_warnings=False).sections
    tops: list[SectionProgress] = []
    by_id: dict[int | None, SectionProgress] = {}
    for f in figures:
        if not f.tasks or f.section_id is None:
            continue
        if f.depth == 0:
            node = _node(f)
            by_id[f.section_id] = node
            tops.append(node)
        elif f.depth == 1 and f.parent_id in by_id:
            by_id[f.parent_id].children.append(_node(f))
    return tops


def gather(db: Any, plan_id: int) -> Snapshot:
    """The snapshot from the services' dashboard figures (what ``peakdesk dashboard --json`` prints)."""
    today = view_kit.today(db)
    snap = Snapshot(today)
    lang = current_lang()
    figures = read_models.dashboard(db, plan_id, today)
    snap.period, snap.period_due = figures.period, figures.period_due
    snap.expected, snap.received, snap.late = figures.expected, figures.received, figures.late
    snap.missing = [(d.code, d.name_zh, d.name_en) for d in figures.missing_depts]
    snap.quarter = figures.quarter
    snap.counts = figures.warning_counts
    snap.red = [(w.task_code, w.department.code, w.title_zh if lang == "zh" else (w.title_en or w.title_zh),
                 w.department.name(lang)) for w in figures.red_warnings]
    snap.sections = section_progress(db, plan_id, figures.sections)
    horizon = (today + dt.timedelta(days=UPCOMING_DAYS)).isoformat()
    for code, kind, due in db.execute(
            "SELECT code, kind, due FROM period WHERE plan_id = ? AND due >= ? AND due <= ? AND closed = 0 "
            "ORDER BY due", [plan_id, today.isoformat(), horizon]).fetchall():
        snap.upcoming.append((dt.date.fromisoformat(due), "period", code, {"period": code}, kind))
    for task_id, code, tzh, ten, due in db.execute(
            "SELECT id, code, title_zh, title_en, due_date FROM task WHERE plan_id = ? AND due_date >= ? "
            "AND due_date <= ? ORDER BY due_date, seq", [plan_id, today.isoformat(), horizon]).fetchall():
        title = tzh if current_lang() == "zh" else (ten or tzh)
        snap.upcoming.append((dt.date.fromisoformat(due), "task", f"{code} {title}", {"task_id": task_id}, ""))
    snap.upcoming.sort(key=lambda u: (u[0], u[1] != "period"))
    return snap


class DashboardPage(Page):
    key = "dashboard"

    navigate = Signal(str, dict)  # view key, filters for that view (e.g. {"level": "red", "quarter": "2025Q3"})

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.snapshot: Snapshot | None = None
        self.loader = view_kit.BackgroundLoad(self)

        self.heading = view_kit.heading()
        self.as_of = QLabel()
        self.as_of.setObjectName("page-note")

        # submissions
        self.sub_box = QGroupBox()
        self.sub_count = self._big_button("dash-submissions")
        self.sub_count.clicked.connect(lambda: self._go("submissions", {
            "period": self.snapshot.period, "missing_only": bool(self.snapshot.missing)} if self.snapshot else {}))
        self.sub_note = QLabel()
        self.sub_note.setWordWrap(True)
        self.missing_label = QLabel()
        self.missing = QListWidget()
        self.missing.setObjectName("dash-missing")
        self.missing.itemActivated.connect(self._item_clicked)
        self.missing.itemClicked.connect(self._item_clicked)
        sl = QVBoxLayout(self.sub_box)
        sl.addWidget(self.sub_count)
        sl.addWidget(self.sub_note)
        sl.addWidget(self.missing_label)
        sl.addWidget(self.missing, 1)

        # warnings
        self.warn_box = QGroupBox()
        self.red_button = self._big_button("dash-red")
        self.red_button.setStyleSheet("color: #b02a37;")
        self.red_button.clicked.connect(lambda: self._go_warnings("red"))
        self.yellow_button = self._big_button("dash-yellow")
        self.yellow_button.setStyleSheet("color: #997404;")
        self.yellow_button.clicked.connect(lambda: self._go_warnings("yellow"))
        self.warn_note = QLabel()
        self.warn_note.setWordWrap(True)
        self.red_list = QListWidget()
        self.red_list.setObjectName("dash-red-list")
        self.red_list.itemActivated.connect(self._item_clicked)
        self.red_list.itemClicked.connect(self._item_clicked)
        wl = QVBoxLayout(self.warn_box)
        row = QHBoxLayout()
        row.addWidget(self.red_button)
        row.addWidget(self.yellow_button)
        wl.addLayout(row)
        wl.addWidget(self.warn_note)
        wl.addWidget(self.red_list, 1)

        # progress by section
        self.prog_box = QGroupBox()
        self.sections = QTreeWidget()
        self.sections.setObjectName("dash-sections")
        self.sections.setRootIsDecorated(True)
        self.sections.setColumnCount(3)
        self.sections.itemActivated.connect(lambda item, _c: self._item_clicked(item))
        self.sections.itemClicked.connect(lambda item, _c: self._item_clicked(item))
        QVBoxLayout(self.prog_box).addWidget(self.sections)

        # upcoming due dates
        self.due_box = QGroupBox()
        self.upcoming = QListWidget()
        self.upcoming.setObjectName("dash-upcoming")
        self.upcoming.itemActivated.connect(self._item_clicked)
        self.upcoming.itemClicked.connect(self._item_clicked)
        QVBoxLayout(self.due_box).addWidget(self.upcoming)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.as_of, 1)
        grid = QGridLayout()
        grid.addWidget(self.sub_box, 0, 0)
        grid.addWidget(self.warn_box, 0, 1)
        grid.addWidget(self.prog_box, 1, 0)
        grid.addWidget(self.due_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.retranslate()

    @staticmethod
    def _big_button(name: str) -> QPushButton:
        b = QPushButton()
        b.setObjectName(name)
        b.setFlat(True)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        f = b.font()
        f.setPointSizeF(f.pointSizeF() * 1.9)
        f.setBold(True)
        b.setFont(f)
        return b

    # --- navigation ----------------------------------------------------------------------------------
    def _go(self, view: str, filters: dict[str, Any]) -> None:
        self.navigate.emit(view, {k: v for k, v in filters.items() if v is not None})

    def _go_warnings(self, level: str) -> None:
        self._go("warnings", {"quarter": self.snapshot.quarter if self.snapshot else None, "level": level})

    def _item_clicked(self, item: Any) -> None:
        target = item.data(0, NAV_ROLE) if isinstance(item, QTreeWidgetItem) else item.data(NAV_ROLE)
        if target:
            self._go(target[0], dict(target[1]))

    @staticmethod
    def _nav_item(text: str, view: str, filters: dict[str, Any], tip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(NAV_ROLE, (view, filters))
        item.setToolTip(tip or text)
        return item

    # --- texts and data ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(view_title("dashboard"))
        self.sub_box.setTitle(self.tr("Submissions this period"))
        self.warn_box.setTitle(self.tr("Early warnings"))
        self.prog_box.setTitle(self.tr("Progress by section"))
        self.due_box.setTitle(self.tr("Upcoming due dates"))
        self.sections.setHeaderLabels([self.tr("Section"), self.tr("Tasks"), self.tr("Progress")])
        self.sub_count.setToolTip(self.tr("Open the submission matrix for this period"))
        self.red_button.setToolTip(self.tr("Show the red warnings"))
        self.yellow_button.setToolTip(self.tr("Show the yellow warnings"))
        self.fill()

    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.reload()

    def refresh(self, changes: ChangeSummary) -> None:
        if any((changes.progress, changes.submissions, changes.warnings, changes.periods, changes.tasks,
                changes.departments, changes.plans)):
            self.reload()

    def reload(self) -> None:
        if self.db is None or self.plan_id is None:
            self.snapshot = None
            self.fill()
            return
        plan_id = self.plan_id
        self.loader.run(self.db, lambda db: gather(db, plan_id), self._loaded, self._failed)

    def _loaded(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.fill()

    def _failed(self, exc: BaseException) -> None:
        self.snapshot = None
        self.fill()
        if isinstance(exc, PeakDeskError):
            self.as_of.setText(exc.localized(current_lang()))
        else:
            from desktop_app.ui.ops import show_error

            show_error(self, exc, title=view_title("dashboard"))

    def fill(self) -> None:
        s = self.snapshot
        lang = current_lang()
        self.missing.clear()
        self.red_list.clear()
        self.sections.clear()
        self.upcoming.clear()
        if s is None:
            self.as_of.setText(self.tr("Open a database to see its dashboard.") if self.db is None else
                               self.tr("This database has no plan yet: import one on the Plans page."))
            for b in (self.sub_count, self.red_button, self.yellow_button):
                b.setText("—")
            self.sub_note.setText("")
            self.warn_note.setText("")
            self.missing_label.setText("")
            return
        self.as_of.setText(self.tr("As of %1").replace("%1", s.today.isoformat()))
        # submissions
        if s.period:
            self.sub_count.setText(self.tr("%1 of %2 submitted").replace("%1", str(s.received))
                                   .replace("%2", str(s.expected)))
            note = self.tr("Period %1, due %2").replace("%1", s.period).replace("%2", s.period_due.isoformat()
                                                                                  if s.period_due else "—")
            if s.late:
                note += " · " + self.tr("%n late", "", s.late)
            self.sub_note.setText(note)
            self.missing_label.setText(self.tr("Missing (%n):", "", len(s.missing)) if s.missing
                                       else self.tr("Every department has reported."))
            for code, zh, en in s.missing:
                self.missing.addItem(self._nav_item(zh if lang == "zh" else (en or zh), "submissions",
                                                    {"period": s.period, "department": code}))
        else:
            self.sub_count.setText("—")
            self.sub_note.setText(self.tr("No reporting period has ended yet."))
            self.missing_label.setText("")
        # warnings
        self.red_button.setText(self.tr("Red %1").replace("%1", str(s.counts.get("red", 0))))
        self.yellow_button.setText(self.tr("Yellow %1").replace("%1", str(s.counts.get("yellow", 0))))
        self.warn_note.setText(self.tr("Quarter %1 · green %2").replace("%1", s.quarter or "—")
                               .replace("%2", str(s.counts.get("green", 0))))
        for task, dept, title, dept_name in s.red:
            self.red_list.addItem(self._nav_item(f"● {task} {title} — {dept_name}", "warnings",
                                                 {"quarter": s.quarter, "level": "red", "department": dept,
                                                  "task": task}))
            self.red_list.item(self.red_list.count() - 1).setForeground(Qt.GlobalColor.darkRed)
        # sections
        for sp in s.sections:
            item = self._section_item(sp, lang)
            self.sections.addTopLevelItem(item)
            self._add_bar(item, sp)
            for child in sp.children:
                sub = self._section_item(child, lang)
                item.addChild(sub)
                self._add_bar(sub, child)
            item.setExpanded(True)
        self.sections.resizeColumnToContents(1)
        self.sections.setColumnWidth(0, 320)
        # upcoming
        kinds = {"month": self.tr("monthly report"), "quarter": self.tr("quarterly report"),
                 "year": self.tr("annual report")}
        for due, what, label, filters, kind in s.upcoming:
            days = (due - s.today).days
            when = self.tr("today") if days == 0 else self.tr("in %n day(s)", "", days)
            if what == "period":
                text = self.tr("%1 %2 due %3 (%4)").replace("%1", label).replace("%2", kinds.get(kind, kind)) \
                    .replace("%3", due.isoformat()).replace("%4", when)
                self.upcoming.addItem(self._nav_item(text, "periods", filters))
            else:
                text = self.tr("Task %1 due %2 (%3)").replace("%1", label).replace("%2", due.isoformat()) \
                    .replace("%3", when)
                self.upcoming.addItem(self._nav_item(text, "ledger", filters))
        if not s.upcoming:
            self.upcoming.addItem(self.tr("Nothing due in the next %n day(s).", "", UPCOMING_DAYS))

    def _section_item(self, sp: SectionProgress, lang: str) -> QTreeWidgetItem:
        title = sp.title_zh if lang == "zh" else (sp.title_en or sp.title_zh)
        label = f"{sp.number}{title}" if lang == "zh" else title
        item = QTreeWidgetItem([label, self.tr("%1/%2 done").replace("%1", str(sp.completed))
                                .replace("%2", str(sp.tasks)), ""])
        item.setData(0, NAV_ROLE, ("ledger", {"task_id": sp.first_task, "section_id": sp.section_id}))
        item.setToolTip(0, label)
        item.setToolTip(2, self.tr("Mean reported progress %1% over %2 task(s); %3 never reported")
                        .replace("%1", view_kit.fmt_num(sp.mean_percent)).replace("%2", str(sp.tasks))
                        .replace("%3", str(sp.tasks - sp.reported)))
        return item

    def _add_bar(self, item: QTreeWidgetItem, sp: SectionProgress) -> None:
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setValue(round(sp.mean_percent))
        bar.setFormat(f"{view_kit.fmt_num(sp.mean_percent)}%")
        bar.setMaximumHeight(18)
        self.sections.setItemWidget(item, 2, bar)

    def save_state(self) -> None:
        pass
