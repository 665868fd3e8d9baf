"""Assessment page: the year's score table with its components, each number explained; the
coordinator's evaluation and itemised adjustments; lock the year; edit the scheme's numbers."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import config
from desktop_app.domain import scoring
from desktop_app.domain.models import ChangeSummary
from desktop_app.domain.scoring import COMPONENT_LABELS, COMPONENTS, Scheme
from desktop_app.errors import PeakDeskError
from desktop_app.messages import msg
from desktop_app.services import run_assessment
from desktop_app.ui import view_kit
from desktop_app.ui.app import current_lang
from desktop_app.ui.ops import show_error
from desktop_app.ui.pages import Page, view_title
from desktop_app.ui.view_kit import SORT_ROLE, Column, RowsModel, fmt_num

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

GRADE_COLORS = {"excellent": "#badbcc", "good": "#cfe2ff", "pass": "#e2e3e5", "fail": "#f5c2c7"}


def _component_label(key: str) -> str:
    zh, en = COMPONENT_LABELS[key]
    return zh if current_lang() == "zh" else en


class AssessmentPage(Page):
    key = "assessment"

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.db: Any = None
        self.plan_id: int | None = None
        self.result: run_assessment.AssessmentResult | None = None
        self.loader = view_kit.BackgroundLoad(self)

        self.heading = view_kit.heading()
        self.year = QComboBox()
        self.year.setObjectName("assessment-year")
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.year_label = QLabel()
        self.year_label.setBuddy(self.year)
        self.state = QLabel()
        self.state.setObjectName("page-note")
        self.state.setWordWrap(True)   # the window must fit 1024 px
        self.distribution = QLabel()
        self.distribution.setObjectName("assessment-distribution")
        self.scheme_button = QPushButton()
        self.scheme_button.setObjectName("assessment-scheme")
        self.scheme_button.clicked.connect(lambda: self.edit_scheme())
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("assessment-lock")
        self.lock_button.clicked.connect(lambda: self.lock_year())

        lang = current_lang
        cols = [Column("rank", lambda d: d.rank, align_right=True),
                Column("department", lambda d: d.department.name(lang()), sort=lambda d: d.department.code)]
        for key in COMPONENTS:
            cols.append(Column(key, lambda d, k=key: fmt_num(d.components[k].score, self.decimals_shown()), align_right=True,
                               sort=lambda d, k=key: d.components[k].score,
                               tooltip=lambda d, k=key: self.component_tip(d, k),
                               background=lambda d, k=key: "#fff3cd" if d.components[k].flags else None))
        cols += [Column("total", lambda d: fmt_num(d.total, self.decimals_shown()), sort=lambda d: d.total, align_right=True,
                        tooltip=lambda d: d.total_formula_zh if lang() == "zh" else d.total_formula_en),
                 Column("grade", lambda d: d.grade_label(lang()), sort=lambda d: -d.total,
                        background=lambda d: GRADE_COLORS.get(d.grade), tooltip=lambda d: self.grade_tip(d)),
                 Column("flags", lambda d: "、".join(self.flag_text(f) for f in d.flags))]
        self.model = RowsModel(cols, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = view_kit.table_view(self.proxy, "assessment-table")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

        # detail and editors
        self.detail = QTextBrowser()
        self.detail.setObjectName("assessment-detail")
        self.eval_box = QGroupBox()
        self.evaluation = QDoubleSpinBox()
        self.evaluation.setObjectName("assessment-evaluation")
        self.evaluation.setDecimals(1)
        self.evaluation.setSingleStep(0.5)
        self.eval_note = QLineEdit()
        self.eval_note.setObjectName("assessment-evaluation-note")
        self.eval_save = QPushButton()
        self.eval_save.setObjectName("assessment-evaluation-save")
        self.eval_save.clicked.connect(lambda: self.save_evaluation())
        self.eval_clear = QPushButton()
        self.eval_clear.setObjectName("assessment-evaluation-clear")
        self.eval_clear.clicked.connect(lambda: self.save_evaluation(clear=True))
        self.eval_score_label, self.eval_note_label = QLabel(), QLabel()
        el = QGridLayout(self.eval_box)
        el.addWidget(self.eval_score_label, 0, 0)
        el.addWidget(self.evaluation, 0, 1)
        el.addWidget(self.eval_note_label, 1, 0)
        el.addWidget(self.eval_note, 1, 1, 1, 3)
        el.addWidget(self.eval_save, 0, 2)
        el.addWidget(self.eval_clear, 0, 3)

        self.adj_box = QGroupBox()
        self.adjustments = QListWidget()
        self.adjustments.setObjectName("assessment-adjustments")
        self.adjustments.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.adj_points = QDoubleSpinBox()
        self.adj_points.setObjectName("assessment-adjustment-points")
        self.adj_points.setDecimals(1)
        self.adj_points.setSingleStep(0.5)
        self.adj_reason = QLineEdit()
        self.adj_reason.setObjectName("assessment-adjustment-reason")
        self.adj_add = QPushButton()
        self.adj_add.setObjectName("assessment-adjustment-add")
        self.adj_add.clicked.connect(lambda: self.add_adjustment())
        self.adj_remove = QPushButton()
        self.adj_remove.setObjectName("assessment-adjustment-remove")
        self.adj_remove.clicked.connect(lambda: self.remove_adjustment())
        al = QVBoxLayout(self.adj_box)
        al.addWidget(self.adjustments, 1)
        row = QHBoxLayout()
        row.addWidget(self.adj_points)
        row.addWidget(self.adj_reason, 1)
        row.addWidget(self.adj_add)
        row.addWidget(self.adj_remove)
        al.addLayout(row)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.detail, 3)
        sl.addWidget(self.eval_box)
        sl.addWidget(self.adj_box, 1)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.distribution)
        top.addStretch(1)
        top.addWidget(self.scheme_button)
        top.addWidget(self.lock_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.splitter, 1)
        for a, b in ((self.year, self.table), (self.table, self.evaluation), (self.evaluation, self.eval_note),
                     (self.eval_note, self.eval_save), (self.eval_save, self.adj_points),
                     (self.adj_points, self.adj_reason), (self.adj_reason, self.adj_add)):
            self.setTabOrder(a, b)
        self.eval_note.returnPressed.connect(lambda: self.save_evaluation())
        self.adj_reason.returnPressed.connect(lambda: self.add_adjustment())
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------
    def decimals_shown(self) -> int:
        """Scores are shown with the scheme's decimals, as the PDF and the Excel export print them."""
        return self.result.scheme.decimals if self.result is not None else 1

    def flag_text(self, flag: str) -> str:
        return {"evaluation_missing": self.tr("evaluation not entered"),
                "grade_capped": self.tr("lowered by the Excellent cap"),
                "total_floored": self.tr("total raised to the floor"),
                "item_clamped": self.tr("an item was limited"),
                "total_capped": self.tr("adjustments capped"),
                "no_report": self.tr("no report this year: ranked after the units that reported")}.get(flag, flag)

    def component_tip(self, d: Any, key: str) -> str:
        c = d.components[key]
        text = (f"{_component_label(key)}: {fmt_num(c.score, self.decimals_shown())} / {fmt_num(c.max, 2)}\n"
                f"{c.formula(current_lang())}")
        if c.flags:
            text += "\n" + "、".join(self.flag_text(f) for f in c.flags)
        return text

    def grade_tip(self, d: Any) -> str:
        if self.result is None:
            return ""
        s = self.result.scheme
        lines = [f"{g.name_zh if current_lang() == 'zh' else g.name_en} ≥ {fmt_num(g.min)}" for g in s.grades]
        if "grade_capped" in d.flags:
            lines.append(self.flag_text("grade_capped"))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.heading.setText(view_title("assessment"))
        self.year_label.setText(self.tr("&Year:"))
        self.scheme_button.setText(self.tr("Assessment &Scheme…"))
        self.scheme_button.setToolTip(self.tr("Edit the points, penalties, grades and cap of the assessment."))
        self.lock_button.setText(self.tr("&Lock Year…"))
        self.lock_button.setToolTip(self.tr("Freeze the year's scores with the scheme they were computed with."))
        self.model.set_titles([self.tr("Rank"), self.tr("Department")] + [_component_label(k) for k in COMPONENTS]
                              + [self.tr("Total"), self.tr("Grade"), self.tr("Notes")])
        self.eval_box.setTitle(self.tr("Coordinator's evaluation"))
        self.eval_score_label.setText(self.tr("Sc&ore:"))
        self.eval_score_label.setBuddy(self.evaluation)
        self.eval_note_label.setText(self.tr("N&ote:"))
        self.eval_note_label.setBuddy(self.eval_note)
        self.eval_save.setText(self.tr("Sa&ve"))
        self.eval_clear.setText(self.tr("Clear"))
        self.adj_box.setTitle(self.tr("Adjustments (bonus + / deduction −, each with its reason)"))
        self.adj_reason.setPlaceholderText(self.tr("Reason, e.g. provincial commendation"))
        self.adj_add.setText(self.tr("A&dd"))
        self.adj_remove.setText(self.tr("Remove"))
        self._update_labels()
        self._show_detail()
        self.model.relabel()

    # --- data --------------------------------------------------------------------------------------
    def set_database(self, db: Any, plan_id: int | None) -> None:
        self.db, self.plan_id = db, plan_id
        years: list[int] = []
        if db is not None and plan_id is not None:
            from desktop_app.services.cycle_queries import period_years

            years = period_years(db, plan_id)
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(str(y), y)
        if years:
            today = view_kit.today(db).year
            self.year.setCurrentIndex(max(0, self.year.findData(today if today in years else years[-1])))
        self.year.blockSignals(False)
        self.load()

    def refresh(self, changes: ChangeSummary) -> None:
        if changes.assessment or changes.warnings or changes.progress or changes.tasks or changes.submissions:
            self.load(keep_selection=True)

    def load(self, keep_selection: bool = False) -> None:
        """Compute the year's assessment in the background, then show it (keeping the selection)."""
        selected = self.selected_code() if keep_selection else None
        year = self.year.currentData()
        if self.db is None or self.plan_id is None or not year:
            self._loaded(None, None)
            return
        plan_id = self.plan_id
        self.loader.run(self.db, lambda db: run_assessment.compute(db, plan_id, int(year)),
                        lambda result: self._loaded(result, selected), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._loaded(None, None)
        show_error(self, exc, title=view_title("assessment"))

    def _loaded(self, result: run_assessment.AssessmentResult | None, selected: str | None) -> None:
        self.result = result
        self.model.set_rows(result.departments if result else [])
        if result is not None:
            self.evaluation.setRange(0, result.scheme.evaluation_max)
            lim = result.scheme.adjustment_item_limit
            self.adj_points.setRange(-lim, lim)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 220))
        for col in range(2, 2 + len(COMPONENTS) + 1):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 84))
        self._update_labels()
        if selected:
            self.select(selected)
        if self.table.selectionModel().selectedRows() == [] and self.proxy.rowCount():
            self.table.selectRow(0)  # the detail pane always explains something
        self._show_detail()

    def _update_labels(self) -> None:
        r = self.result
        if r is None:
            self.state.setText("")
            self.distribution.setText("")
        else:
            dist = r.distribution
            self.distribution.setText("  ".join(
                f"{g.name_zh if current_lang() == 'zh' else g.name_en} {dist.get(g.code, 0)}" for g in r.scheme.grades))
            if r.locked:
                self.state.setText(self.tr("Locked %1 — scores and scheme are frozen (computed as of %2).")
                                   .replace("%1", r.locked_at[:16].replace("T", " ")).replace("%2", r.as_of.isoformat()))
            else:
                self.state.setText(self.tr("Not locked; computed as of %1 with the scheme in %2.")
                                   .replace("%1", r.as_of.isoformat()).replace("%2", Path(r.scheme.source).name
                                                                               if r.scheme.source else "—"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.result is not None and not self.result.locked
        has_dept = self.selected_score() is not None
        self.lock_button.setEnabled(editable)
        for w in (self.evaluation, self.eval_note, self.eval_save, self.eval_clear, self.adj_points,
                  self.adj_reason, self.adj_add):
            w.setEnabled(editable and has_dept)
        self.adj_remove.setEnabled(editable and self.adjustments.currentItem() is not None)

    def selected_score(self) -> Any:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(self.proxy.mapToSource(rows[0])) if rows else None

    def selected_code(self) -> str | None:
        d = self.selected_score()
        return d.department.code if d is not None else None

    def select(self, code: str) -> bool:
        return view_kit.select_where(self.table, self.proxy, self.model, lambda d: d.department.code == code)

    def _labels(self) -> dict[str, str]:
        """Texts used inside f-strings (lupdate only sees plain tr() calls)."""
        return {
            "Select a department to see how its score was computed.": self.tr("Select a department to see how its score was computed."),
            "rank %1": self.tr("rank %1"),
            "Total": self.tr("Total"),
            "Tasks": self.tr("Tasks"),
            "Task": self.tr("Task"),
            "Role": self.tr("Role"),
            "Actual": self.tr("Actual"),
            "Expected": self.tr("Expected"),
            "Ratio": self.tr("Ratio"),
            "Reports late or missing": self.tr("Reports late or missing"),
            "Warnings counted": self.tr("Warnings counted"),
        }

    def _show_detail(self) -> None:
        L = self._labels()  # noqa: N806
        d = self.selected_score()
        self.adjustments.clear()
        if d is None:
            self.detail.setHtml(f"<p style='color:#6c757d'>{html.escape(L['Select a department to see how its score was computed.'])}</p>")
            self._update_buttons()
            return
        self.detail.setHtml(self.detail_html(d))
        ev = d.components["evaluation"].inputs
        self.evaluation.setValue(float(ev.get("entered") or 0))
        self.eval_note.setText(str(ev.get("note") or ""))
        for item in d.components["adjustments"].inputs.get("items", []):
            li = QListWidgetItem(f"{'+' if item['points'] > 0 else ''}{fmt_num(item['points'])}  {item['reason']}")
            li.setData(Qt.ItemDataRole.UserRole, item["id"])
            self.adjustments.addItem(li)
        self._update_buttons()

    def detail_html(self, d: Any) -> str:
        L = self._labels()  # noqa: N806
        lang = current_lang()
        e = html.escape
        parts = [f"<h3>{e(d.department.name(lang))} · {e(L['rank %1'].replace('%1', str(d.rank)))}</h3>",
                 f"<p><b>{e(L['Total'])} {e(fmt_num(d.total, self.decimals_shown()))}</b> — "
                 f"{e(d.total_formula_zh if lang == 'zh' else d.total_formula_en)} → "
                 f"<span style='background:{GRADE_COLORS.get(d.grade, '#fff')}'>&nbsp;{e(d.grade_label(lang))}&nbsp;</span></p>",
                 "<table cellspacing='0' cellpadding='3'>"]
        for key in COMPONENTS:
            c = d.components[key]
            flags = "".join(f"<br><i>{e(self.flag_text(f))}</i>" for f in c.flags)
            parts.append(f"<tr><td valign='top'><b>{e(_component_label(key))}</b></td>"
                         f"<td valign='top' align='right'>{e(fmt_num(c.score, self.decimals_shown()))}/{e(fmt_num(c.max))}</td>"
                         f"<td>{e(c.formula(lang))}{flags}</td></tr>")
        parts.append("</table>")
        tasks = d.components["progress"].inputs.get("tasks") or []
        if tasks:
            role = {"lead": self.tr("lead"), "cooperating": self.tr("cooperating")}
            parts.append(f"<p><b>{e(L['Tasks'])}</b></p><table cellspacing='0' cellpadding='2'>"
                         f"<tr><th>{e(L['Task'])}</th><th>{e(L['Role'])}</th><th>{e(L['Actual'])}</th>"
                         f"<th>{e(L['Expected'])}</th><th>{e(L['Ratio'])}</th></tr>")
            for t in tasks:
                parts.append(f"<tr><td>{e(str(t['task']))}</td><td>{e(role.get(t['role'], t['role']))}</td>"
                             f"<td align='right'>{e(fmt_num(t.get('actual')))}</td>"
                             f"<td align='right'>{e(fmt_num(t.get('expected')))}</td>"
                             f"<td align='right'>{e(fmt_num(t.get('ratio'), 2))}</td></tr>")
            parts.append("</table>")
        periods = d.components["reporting"].inputs.get("periods") or []
        bad = [p for p in periods if p.get("status") in ("late", "missing")]
        if bad:
            names = {"late": self.tr("late"), "missing": self.tr("missing")}
            parts.append(f"<p><b>{e(L['Reports late or missing'])}:</b> "
                         + e("、".join(f"{p['period']} {names[p['status']]}" for p in bad)) + "</p>")
        warns = d.components["warnings"].inputs.get("warnings") or []
        if warns:
            parts.append(f"<p><b>{e(L['Warnings counted'])}:</b> " + e("、".join(
                f"{w.get('quarter', '')} {w.get('task', w.get('task_code', ''))} {w.get('level', '')}" for w in warns))
                + "</p>")
        return "".join(parts)

    # --- actions -------------------------------------------------------------------------------------
    def _year(self) -> int:
        return int(self.year.currentData())

    def _apply(self, changes: ChangeSummary, code: str | None) -> None:
        self.window_.notify(changes)
        if code:
            self.select(code)

    def save_evaluation(self, clear: bool = False) -> bool:
        code = self.selected_code()
        if code is None or self.db is None or self.plan_id is None:
            return False
        score = None if clear else self.evaluation.value()
        try:
            changes = run_assessment.set_evaluation(self.db, self.plan_id, self._year(), code, score,
                                                    "" if clear else self.eval_note.text().strip())
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Coordinator's evaluation"))
            return False
        self._apply(changes, code)
        return True

    def add_adjustment(self) -> bool:
        code = self.selected_code()
        if code is None or self.db is None or self.plan_id is None:
            return False
        try:
            _id, changes = run_assessment.add_adjustment(self.db, self.plan_id, self._year(), code,
                                                         self.adj_points.value(), self.adj_reason.text())
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Adjustments"))
            return False
        self.adj_reason.clear()
        self.adj_points.setValue(0)
        self._apply(changes, code)
        return True

    def remove_adjustment(self) -> bool:
        item = self.adjustments.currentItem()
        code = self.selected_code()
        if item is None or self.db is None:
            return False
        try:
            changes = run_assessment.remove_adjustment(self.db, int(item.data(Qt.ItemDataRole.UserRole)))
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Adjustments"))
            return False
        self._apply(changes, code)
        return True

    def lock_year(self, confirmed: bool = False) -> bool:
        if self.result is None or self.result.locked or self.db is None or self.plan_id is None:
            return False
        year = self._year()
        if not confirmed:
            missing = sum(1 for d in self.result.departments if "evaluation_missing" in d.flags)
            text = self.tr("Lock the %1 assessment? Scores, grades and ranking are frozen with the current scheme "
                           "and can no longer be edited.").replace("%1", str(year))
            if missing:
                text += "\n\n" + self.tr("%n department(s) have no evaluation yet; they count 0.", "", missing)
            if QMessageBox.question(self, self.tr("Lock Year"), text) != QMessageBox.StandardButton.Yes:
                return False
        try:
            _result, changes = run_assessment.lock(self.db, self.plan_id, year)
        except PeakDeskError as exc:
            show_error(self, exc, title=self.tr("Lock Year"))
            return False
        self._apply(changes, self.selected_code())
        return True

    def edit_scheme(self) -> bool:
        dialog = SchemeDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.window_.notify(ChangeSummary(assessment=True))
        return True

    def save_state(self) -> None:
        pass


# --- the scheme editor -------------------------------------------------------------------------------

def scheme_toml(s: Scheme) -> str:
    """The scheme as an assessment_scheme.toml the loader reads back to the same numbers."""
    def n(x: float) -> str:
        return repr(float(x)) if float(x) != int(x) else str(int(x))

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["# PeakDesk annual assessment scheme (年度考核方案), saved by the scheme dialog.",
             "# Every number can be edited here or in PeakDesk (Assessment → Assessment Scheme…).", "",
             "format = 1", f"decimals = {int(s.decimals)}", f"total_floor = {n(s.total_floor)}", "",
             "[progress]", f"max = {n(s.progress_max)}", f"lead_weight = {n(s.lead_weight)}",
             f"cooperating_weight = {n(s.cooperating_weight)}", "",
             "[reporting]", f"max = {n(s.reporting_max)}", f"late = {n(s.late_penalty)}",
             f"missing = {n(s.missing_penalty)}", f"floor = {n(s.reporting_floor)}", "",
             "[warnings]", f"max = {n(s.warnings_max)}", f"yellow = {n(s.yellow_penalty)}",
             f"red = {n(s.red_penalty)}", f"floor = {n(s.warnings_floor)}", "",
             "[evaluation]", f"max = {n(s.evaluation_max)}", f"missing_score = {n(s.evaluation_missing_score)}", "",
             "[adjustments]", f"item_limit = {n(s.adjustment_item_limit)}",
             f"total_limit = {n(s.adjustment_total_limit)}", ""]
    for g in s.grades:
        lines += ["[[grade]]", f"code = {q(g.code)}", f"name_zh = {q(g.name_zh)}", f"name_en = {q(g.name_en)}",
                  f"min = {n(g.min)}", ""]
    lines += ["[excellent_cap]", f"enabled = {'true' if s.cap_enabled else 'false'}", f"grade = {q(s.cap_grade)}",
              f"share = {n(s.cap_share)}", f"demote_to = {q(s.cap_demote_to)}", ""]
    return "\n".join(lines)


class SchemeDialog(QDialog):
    """Every number of the assessment scheme; saved to the user's template copy, which then wins."""

    FIELDS = (
        ("progress", ("progress_max", "lead_weight", "cooperating_weight")),
        ("reporting", ("reporting_max", "late_penalty", "missing_penalty", "reporting_floor")),
        ("warnings", ("warnings_max", "yellow_penalty", "red_penalty", "warnings_floor")),
        ("evaluation", ("evaluation_max", "evaluation_missing_score")),
        ("adjustments", ("adjustment_item_limit", "adjustment_total_limit")),
    )

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheme-dialog")
        self.target = path or config.user_path(config.SCHEME_FILE)
        self.scheme = config.load_scheme()
        self.setWindowTitle(self.tr("Assessment Scheme"))
        labels = {
            "progress_max": self.tr("Task progress: points"), "lead_weight": self.tr("Weight of lead tasks"),
            "cooperating_weight": self.tr("Weight of cooperating tasks"),
            "reporting_max": self.tr("Reporting: points"), "late_penalty": self.tr("Per late report: −"),
            "missing_penalty": self.tr("Per missing report: −"), "reporting_floor": self.tr("Reporting: not below"),
            "warnings_max": self.tr("Early warnings: points"), "yellow_penalty": self.tr("Per yellow task-quarter: −"),
            "red_penalty": self.tr("Per red task-quarter: −"), "warnings_floor": self.tr("Warnings: not below"),
            "evaluation_max": self.tr("Evaluation: points"),
            "evaluation_missing_score": self.tr("Evaluation not entered counts"),
            "adjustment_item_limit": self.tr("Each adjustment within ±"),
            "adjustment_total_limit": self.tr("All adjustments within ±"),
        }
        self.spins: dict[str, QDoubleSpinBox] = {}
        body = QWidget()
        grid = QGridLayout(body)
        for col, (section, fields) in enumerate(self.FIELDS):
            box = QGroupBox(_component_label(section))
            form = QFormLayout(box)
            for f in fields:
                spin = QDoubleSpinBox()
                spin.setObjectName(f"scheme-{f}")
                spin.setRange(0, 1000)
                spin.setDecimals(2)
                spin.setValue(float(getattr(self.scheme, f)))
                self.spins[f] = spin
                form.addRow(labels[f], spin)
            grid.addWidget(box, col // 2, col % 2)
        grades = QGroupBox(self.tr("Grades (minimum total)"))
        gform = QFormLayout(grades)
        self.grade_spins: dict[str, QDoubleSpinBox] = {}
        for g in self.scheme.grades:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"scheme-grade-{g.code}")
            spin.setRange(0, 1000)
            spin.setValue(g.min)
            self.grade_spins[g.code] = spin
            gform.addRow(g.name_zh if current_lang() == "zh" else g.name_en, spin)
        self.cap_enabled = QCheckBox(self.tr("Cap the share of the top grade"))
        self.cap_enabled.setObjectName("scheme-cap-enabled")
        self.cap_enabled.setChecked(self.scheme.cap_enabled)
        self.cap_share = QSpinBox()
        self.cap_share.setObjectName("scheme-cap-share")
        self.cap_share.setRange(0, 100)
        self.cap_share.setSuffix(" %")
        self.cap_share.setValue(round(self.scheme.cap_share * 100))
        gform.addRow(self.cap_enabled)
        gform.addRow(self.tr("At most"), self.cap_share)
        self.decimals = QSpinBox()
        self.decimals.setObjectName("scheme-decimals")
        self.decimals.setRange(0, 4)
        self.decimals.setValue(self.scheme.decimals)
        gform.addRow(self.tr("Decimals"), self.decimals)
        grid.addWidget(grades, 2, 1)
        self.where = QLabel(self.tr("Saved to %1; PeakDesk uses this copy from now on. A locked year keeps its "
                                    "own scheme.").replace("%1", str(self.target)))
        self.where.setWordWrap(True)
        self.where.setObjectName("page-note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.resize(760, 620)
        view_kit.keep_on_screen(self)

    def edited_scheme(self) -> Scheme:
        from dataclasses import replace

        from desktop_app.domain.scoring import Grade

        values: dict[str, Any] = {f: spin.value() for f, spin in self.spins.items()}
        grades = tuple(Grade(g.code, g.name_zh, g.name_en, self.grade_spins[g.code].value()) for g in self.scheme.grades)
        return replace(self.scheme, grades=grades, cap_enabled=self.cap_enabled.isChecked(),
                       cap_share=self.cap_share.value() / 100, decimals=self.decimals.value(), **values)

    def restore_defaults(self) -> None:
        shipped = config.load_scheme(config.shipped_path(config.SCHEME_FILE))
        for f, spin in self.spins.items():
            spin.setValue(float(getattr(shipped, f)))
        for g in shipped.grades:
            if g.code in self.grade_spins:
                self.grade_spins[g.code].setValue(g.min)
        self.cap_enabled.setChecked(shipped.cap_enabled)
        self.cap_share.setValue(round(shipped.cap_share * 100))
        self.decimals.setValue(shipped.decimals)

    def save(self) -> None:
        try:   # into the user's copy key by key: its comments stay; the same checks as loading it
            config.save_values(config.SCHEME_FILE, scoring.scheme_values(self.edited_scheme()), target=self.target,
                               check=lambda text, path: scoring.parse_scheme(text, path))
        except PeakDeskError as exc:
            show_error(self, exc, title=self.windowTitle())
            return
        except OSError as exc:
            show_error(self, PeakDeskError(msg("window.save_failed", target=self.target, error=exc)), title=self.windowTitle())
            return
        self.accept()
