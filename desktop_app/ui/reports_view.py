"""Reports page: build any PDF report or Excel export in the background with progress, say which
font substitutes were used, and open the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.models import ChangeSummary
from desktop_app.outputs import partial_name
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import Op, in_child
from desktop_app.ui.pages import Page, view_title

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

# kind → (file suffix, needs) where needs ⊆ {"period", "quarter", "year", "dept"}
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "monthly": ("pdf", ("period",)),
    "quarterly": ("pdf", ("quarter",)),
    "annual": ("pdf", ("year",)),
    "department": ("pdf", ("dept", "period")),
    "ledger": ("xlsx", ()),
    "summary": ("xlsx", ("period",)),
    "assessment": ("xlsx", ("year",)),
}


def default_output_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home()) / "PeakDesk"


class ReportsPage(Page):
    key = "reports"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.db_path: Path | None = None
        self.plan_id: int | None = None
        self.op: Op | None = None
        self.last_result: Any = None
        self.output_dir = default_output_dir()

        self.heading = view_kit.heading()
        self.kinds = QListWidget()
        self.kinds.setObjectName("reports-kinds")
        for kind in KINDS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setMaximumWidth(340)
        self.kinds.currentRowChanged.connect(lambda _r: self._kind_changed())

        self.form_box = QGroupBox()
        self.period = QComboBox()
        self.period.setObjectName("reports-period")
        self.quarter = QComboBox()
        self.quarter.setObjectName("reports-quarter")
        self.year = QComboBox()
        self.year.setObjectName("reports-year")
        self.dept = QComboBox()
        self.dept.setObjectName("reports-dept")
        self.dept.setMinimumContentsLength(24)
        self.lang = QComboBox()
        self.lang.setObjectName("reports-lang")
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.out = QLineEdit()
        self.out.setObjectName("reports-out")
        self.browse = QPushButton()
        self.browse.setObjectName("reports-browse")
        self.browse.clicked.connect(self.choose_output)
        self.open_when_done = QCheckBox()
        self.open_when_done.setObjectName("reports-open-when-done")
        self.open_when_done.setChecked(True)
        for combo in (self.period, self.quarter, self.year, self.dept, self.lang):
            combo.currentIndexChanged.connect(lambda _i: self._suggest_output())
        self.labels = {k: QLabel() for k in ("period", "quarter", "year", "dept", "lang", "out")}
        form = QFormLayout(self.form_box)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        for key, widget in (("period", self.period), ("quarter", self.quarter), ("year", self.year),
                            ("dept", self.dept), ("lang", self.lang)):
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        self.labels["out"].setBuddy(self.out)
        form.addRow(self.labels["out"], out_row)
        form.addRow("", self.open_when_done)

        self.build_button = QPushButton()
        self.build_button.setObjectName("reports-build")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(lambda: self.build())
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("reports-cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("reports-progress")
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        self.build_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.build_shortcut.activated.connect(lambda: self.build())
        self.build_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.result_box = QGroupBox()
        self.result_text = QLabel()
        self.result_text.setObjectName("reports-result")
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fonts_text = QLabel()
        self.fonts_text.setObjectName("reports-fonts")
        self.fonts_text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("reports-open")
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("reports-folder")
        self.folder_button.clicked.connect(self.open_folder)
        rl = QVBoxLayout(self.result_box)
        rl.addWidget(self.result_text)
        rl.addWidget(self.fonts_text)
        brow = QHBoxLayout()
        brow.addWidget(self.open_button)
        brow.addWidget(self.folder_button)
        brow.addStretch(1)
        rl.addLayout(brow)
        self.result_box.setVisible(False)

        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.addWidget(self.form_box)
        self.missing_note = QLabel()
        self.missing_note.setObjectName("reports-missing")
        self.missing_note.setWordWrap(True)
        self.missing_note.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px;")
        self.missing_note.setVisible(False)
        rlay.addWidget(self.missing_note)
        actions = QHBoxLayout()
        actions.addWidget(self.build_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress, 1)
        rlay.addLayout(actions)
        rlay.addWidget(self.result_box)
        rlay.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.kinds)
        body.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        for a, b in ((self.kinds, self.period), (self.period, self.quarter), (self.quarter, self.year),
                     (self.year, self.dept), (self.dept, self.lang), (self.lang, self.out), (self.out, self.browse),
                     (self.browse, self.open_when_done), (self.open_when_done, self.build_button)):
            self.setTabOrder(a, b)
        self.kinds.setCurrentRow(0)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------
    def kind_title(self, kind: str) -> str:
        return {
            "monthly": self.tr("Monthly scheduling bulletin (PDF)"),
            "quarterly": self.tr("Quarterly early-warning circular (PDF)"),
            "annual": self.tr("Annual assessment report (PDF)"),
            "department": self.tr("Department task sheet (PDF)"),
            "ledger": self.tr("Task ledger (Excel)"),
            "summary": self.tr("Monthly summary (Excel)"),
            "assessment": self.tr("Assessment score sheet (Excel)"),
        }[kind]

    def kind_file_stem(self, kind: str, lang: str) -> str:
        zh = {"monthly": "月度调度通报", "quarterly": "季度预警通报", "annual": "年度考核报告",
              "department": "部门任务清单", "ledger": "任务台账", "summary": "月度汇总", "assessment": "考核评分表"}
        return zh[kind] if lang == "zh" else kind

    def retranslate(self) -> None:
        self.heading.setText(view_title("reports"))
        for i in range(self.kinds.count()):
            item = self.kinds.item(i)
            item.setText(self.kind_title(item.data(Qt.ItemDataRole.UserRole)))
        self.form_box.setTitle(self.tr("Options"))
        self.labels["period"].setText(self.tr("&Month:"))
        self.labels["quarter"].setText(self.tr("&Quarter:"))
        self.labels["year"].setText(self.tr("&Year:"))
        self.labels["dept"].setText(self.tr("&Department:"))
        self.labels["lang"].setText(self.tr("&Language of the report:"))
        self.labels["out"].setText(self.tr("Save &as:"))
        self.browse.setText(self.tr("&Browse…"))
        self.open_when_done.setText(self.tr("Open the file when it is ready"))
        self.build_button.setText(self.tr("&Build"))
        self.build_button.setToolTip(self.tr("Build the report in the background (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.result_box.setTitle(self.tr("Result"))
        self.open_button.setText(self.tr("&Open"))
        self.folder_button.setText(self.tr("Open &Folder"))
        self._show_result()
        self._explain_missing()

    # --- data --------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        self.db_path = None
        if db is not None:
            from desktop_app.services.database_files import file_of as db_path

            self.db_path = Path(db_path(db)) if db_path(db) else None
        self._fill_choices()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.periods or changes.departments or changes.plans:
            self._fill_choices()

    def _fill_choices(self) -> None:
        today = view_kit.today(self.db)
        periods: list[tuple[str, str, str]] = []
        if self.db is not None and self.plan_id is not None:
            from desktop_app.services.cycle_queries import period_codes

            periods = period_codes(self.db, self.plan_id)

        def fill(combo: QComboBox, items: list[tuple[str, Any]], prefer: Any) -> None:
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            i = combo.findData(prefer)
            combo.setCurrentIndex(i if i >= 0 else combo.count() - 1)
            combo.blockSignals(False)

        ended = [c for k, c, e in periods if k == "month" and e < today.isoformat()]
        fill(self.period, [(c, c) for k, c, _e in periods if k == "month"], ended[-1] if ended else None)
        q_ended = [c for k, c, e in periods if k == "quarter" and e < today.isoformat()]
        fill(self.quarter, [(c, c) for k, c, _e in periods if k == "quarter"], q_ended[-1] if q_ended else None)
        fill(self.year, [(c, int(c)) for k, c, _e in periods if k == "year"], today.year)
        depts: list[tuple[str, Any]] = []
        if self.db is not None and self.plan_id is not None:
            from desktop_app.services.unit_lookup import reporting_units_of_plan

            rows = reporting_units_of_plan(self.db, self.plan_id)
            depts = [(zh if current_lang() == "zh" else (en or zh), code) for code, zh, en in rows]
        fill(self.dept, depts, None)
        self.dept.setCurrentIndex(0 if depts else -1)
        self.lang.setCurrentIndex(0 if current_lang() == "zh" else 1)
        self._kind_changed()

    def current_kind(self) -> str:
        item = self.kinds.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "monthly"

    def _kind_changed(self) -> None:
        needs = KINDS[self.current_kind()][1]
        for key, widget in (("period", self.period), ("quarter", self.quarter), ("year", self.year),
                            ("dept", self.dept)):
            widget.setVisible(key in needs)
            self.labels[key].setVisible(key in needs)
        self._suggest_output()
        self._explain_missing()

    def missing_choices(self) -> list[str]:
        """Why the chosen report cannot be built yet (an empty selector), in words a coordinator can act on."""
        if self.db is None:
            return []
        if self.plan_id is None:
            return [self.tr("This database has no plan yet: import one on the Plans page.")]
        needs = KINDS[self.current_kind()][1]
        texts = {
            "period": self.tr("No month to report on yet: create the year's periods on the Periods page (issuing "
                              "workbooks also creates the month it issues for)."),
            "quarter": self.tr("No quarter yet: create the year's periods on the Periods page; the early-warning "
                               "circular is about a quarter."),
            "year": self.tr("No assessment year yet: create the year's periods on the Periods page; the annual "
                            "report is about a year."),
            "dept": self.tr("No unit is assigned to a task of this plan yet: assign units on the Ledger page."),
        }
        combos = {"period": self.period, "quarter": self.quarter, "year": self.year, "dept": self.dept}
        return [texts[k] for k in needs if combos[k].count() == 0]

    def _explain_missing(self) -> None:
        if not hasattr(self, "missing_note"):
            return
        missing = self.missing_choices()
        self.missing_note.setText("\n".join(missing))
        self.missing_note.setVisible(bool(missing))
        if self.op is None or self.op.done:
            self.build_button.setEnabled(self.db is not None and not missing)

    def _params(self) -> dict[str, Any]:
        needs = KINDS[self.current_kind()][1]
        return {"period": self.period.currentData() or "" if "period" in needs else "",
                "quarter": self.quarter.currentData() or "" if "quarter" in needs else "",
                "year": self.year.currentData() if "year" in needs else None,
                "dept": self.dept.currentData() or "" if "dept" in needs else ""}

    def _suggest_output(self) -> None:
        kind = self.current_kind()
        suffix = KINDS[kind][0]
        p = self._params()
        lang = self.lang.currentData() or "zh"
        parts = [self.kind_file_stem(kind, lang)] + [str(v) for v in (p["dept"], p["period"], p["quarter"], p["year"]) if v]
        if kind == "ledger":
            parts.append(view_kit.today(self.db).isoformat() if self.db is not None else "")
        name = "-".join(x for x in parts if x) + f".{suffix}"
        folder = Path(self.out.text()).parent if self.out.text() else self.output_dir
        self.out.setText(str(folder / name))

    def choose_output(self) -> None:
        suffix = KINDS[self.current_kind()][0]
        filt = self.tr("PDF files (*.pdf)") if suffix == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Report As"), self.out.text(), filt)
        if path:
            if not path.lower().endswith("." + suffix):
                path += "." + suffix
            self.out.setText(path)

    # --- building ------------------------------------------------------------------------------------
    def build(self) -> Op | None:
        if self.db_path is None or self.plan_id is None or (self.op is not None and not self.op.done):
            return None
        kind = self.current_kind()
        suffix, _needs = KINDS[kind]
        out = Path(self.out.text().strip())
        if not out.name:
            return None
        if out.suffix.lower() != "." + suffix:
            out = out.with_suffix("." + suffix)
        lang = self.lang.currentData() or "zh"
        params = self._params()
        plan_id = self.plan_id
        building = self.tr("Building %1…").replace("%1", self.kind_title(kind))
        page_label = self.tr("Laying out page %1…")

        db_path = str(self.db_path)

        def job(_db: Any, progress: Any, cancelled: Any) -> Any:
            out.parent.mkdir(parents=True, exist_ok=True)
            progress(0, 0, building)
            try:   # the core writes atomically; a child stopped by force can leave only its partial file
                build = in_child(db_path, "report", plan_id=plan_id, kind=kind, out=str(out), lang=lang,
                                 params=params, pdf=suffix == "pdf")
                result = build(None, lambda page, _total, _label: progress(
                    page, 0, page_label.replace("%1", str(page))), cancelled)
            finally:
                (out.parent / partial_name(out.name)).unlink(missing_ok=True)
            if isinstance(result, Path):
                return out
            result.path = out
            return result

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setFormat(building)
        self.build_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        op = Op(self, None, job, title=self.kind_title(kind))  # the child process opens the database
        op._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        op.success(self._built).on_cancelled(self._ended).failure(lambda _e: self._ended(), show=True)
        self.op = op.run()
        return self.op

    def _progressed(self, done: int, _total: int, label: str) -> None:
        if label:
            self.progress.setFormat(label)

    def cancel(self) -> None:
        if self.op is not None and not self.op.done:
            self.op.cancel()

    def _ended(self) -> None:
        self.progress.setVisible(False)
        self.build_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _built(self, result: Any) -> None:
        self._ended()
        self.last_result = result
        self._show_result()
        if self.open_when_done.isChecked():
            self.open_result()

    def result_path(self) -> Path | None:
        r = self.last_result
        if r is None:
            return None
        return Path(r) if isinstance(r, (str, Path)) else Path(r.path)

    def _show_result(self) -> None:
        r = self.last_result
        self.result_box.setVisible(r is not None)
        if r is None:
            return
        path = self.result_path()
        if isinstance(r, (str, Path)):
            self.result_text.setText(self.tr("Saved %1").replace("%1", str(path)))
            self.fonts_text.setText("")
        else:
            self.result_text.setText(self.tr("Saved %1 (%n page(s)).", "", r.pages).replace("%1", str(path)))
            # the substitutes line carries its own heading ("替代字体：…"); it was shown as "替代字体：替代字体：…"
            fonts = [f.strip() for f in str(r.fonts).split(";") if f.strip()]
            if fonts and all(f in r.substitutes for f in fonts):     # every font a substitute: say it once
                self.fonts_text.setText(r.substitutes)
            else:
                self.fonts_text.setText(self.tr("Fonts: %1").replace("%1", r.fonts) + "\n" + r.substitutes)

    def open_result(self) -> bool:
        path = self.result_path()
        return bool(path and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def open_folder(self) -> bool:
        path = self.result_path()
        return bool(path and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))

    def save_state(self) -> None:
        pass
