"""Issue #17, item by item: what a coordinator does from the window on a new database and on the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.ui.names import VIEW_NAMES
from tests.conftest import SEEDS_DIR
from tests.gui.cycle_helpers import GUANGAN_UNITS, new_window, task_sections

pytestmark = pytest.mark.gui


def settle(win: Any, qtbot: Any) -> None:
    for page in win.pages.values():
        loader = getattr(page, "loader", None)
        if loader is not None:
            qtbot.waitUntil(lambda ld=loader: not ld.busy, timeout=30000)


def new_db(tmp_path: Path) -> Path:
    from desktop_app.services.database_files import create_database

    return create_database(tmp_path / "desk.sqlite")


# --- 2. new database, open, recent, reopen the last, first start ---------------------------------------

def test_new_database_is_created_opened_and_reopened_next_time(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.ui import settings

    target = tmp_path / "my desk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    win = new_window(qtbot)
    win.start(None)
    assert win.welcome.isVisible() and win.db is None          # first start: nothing created by itself
    assert not list(tmp_path.glob("*.sqlite"))
    assert win.new_database()
    created = tmp_path / "my desk.sqlite"
    assert created.is_file() and win.db_path == created and not win.welcome.isVisible()
    assert win.current_view() == "plans"
    assert settings.RECENT_DATABASES.get()[0] == str(created)
    win.close()
    again = new_window(qtbot)
    again.start(None)
    assert again.db_path == created                              # the last database is reopened
    again.close()


def test_opening_a_missing_file_refuses_and_creates_nothing(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("desktop_app.ui.main_window.show_error",
                        lambda _p, exc, *a, **k: shown.append(str(exc)))
    win = new_window(qtbot)
    missing = tmp_path / "typo.sqlite"
    assert not win.open_database(missing)
    assert not missing.exists() and shown and "New Database" in shown[0]


def test_new_database_never_overwrites(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("desktop_app.ui.main_window.show_error",
                        lambda _p, exc, *a, **k: shown.append(str(exc)))
    existing = new_db(tmp_path)
    win = new_window(qtbot)
    assert not win.create_and_open(existing)
    assert shown and "already exists" in shown[0]


def test_welcome_offers_demo_new_and_open(app, qtbot, tmp_path: Path) -> None:
    win = new_window(qtbot)
    win.start(None)
    buttons = [win.welcome.demo_button, win.welcome.new_button, win.welcome.open_button]
    assert all(b.isVisibleTo(win) and b.text() for b in buttons)
    assert not win.act_merge.isEnabled()                          # nothing to merge into yet
    win.welcome.demo_button.click()
    assert win.db is not None and win.current_view() == "dashboard"   # the demo opens on the Dashboard
    assert win.banner.isVisibleTo(win)


# --- 3. units at scale ------------------------------------------------------------------------------

DEPT_LIST = """# Guang'an municipal units: name, English name, other names
市发展和改革委员会\tGuang'an Development and Reform Commission\t市发改委；发改委
市经济和信息化局\tEconomy and Information Technology Bureau\t市经信局
市住房和城乡建设局\tHousing and Urban-Rural Development Bureau\t市住建局
市交通运输局\tTransport Bureau\t市交通局
市科学技术局\tScience and Technology Bureau\t市科技局
市林业局\tForestry Bureau
市生态环境局\tEcology and Environment Bureau\t市环保局
市商务局\tCommerce Bureau
各县（市、区）人民政府\tCounty governments
市财政局\tFinance Bureau
"""



@pytest.mark.seed
def test_guangan_seed_fully_assigned_in_at_most_60_actions(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    """A new database, the Guang'an plan (48 tasks, no units), a department list: every task gets a lead and
    a cooperating unit. Actions counted as a person would: clicks, a typed file name, OK."""
    from desktop_app.services import import_plan
    from desktop_app.services.database_files import connect
    from desktop_app.ui.assign_dialog import AssignUnitsDialog

    path = new_db(tmp_path)
    db = connect(path)
    seed = next(SEEDS_DIR.glob("001_*"))
    import_plan.commit(db, import_plan.preview(db, seed))
    db.close()
    listing = tmp_path / "units.txt"
    listing.write_text(DEPT_LIST, encoding="utf-8")

    actions = 0
    win = new_window(qtbot, path)
    win.show_view("departments")
    actions += 1                                                   # click "Departments"
    dept_page = win.pages["departments"]
    result = dept_page.import_list(listing)                        # Import List… + type the name + Open
    actions += 3
    assert result is not None and len(result.created) == 10

    win.show_view("ledger")
    actions += 1
    ledger = win.pages["ledger"]
    settle(win, qtbot)
    if not ledger.group_box.isChecked():
        ledger.group_box.setChecked(True)
        actions += 1
    found = task_sections(ledger.tree_model)      # the sections that hold tasks themselves, by position
    section_rows = {n: title for n, (title, _index) in enumerate(found)}
    section_index = {n: index for n, (_title, index) in enumerate(found)}

    def codes(db_: Any, names: list[str]) -> list[str]:
        from desktop_app.services.ledger_queries import list_departments

        by_name = {d.name_zh: d.code for d in list_departments(db_)}
        return [by_name[n] for n in names]

    from PySide6.QtCore import QItemSelectionModel

    dialogs: list[AssignUnitsDialog] = []

    def run_dialog(self: AssignUnitsDialog) -> int:
        dialogs.append(self)
        lead, coop = pending[0]
        self.set_lead(codes(self.db, [lead])[0])                  # one click in the lead list
        self.set_cooperating(codes(self.db, coop))                 # one click per cooperating unit
        self.accept()                                              # OK
        return int(AssignUnitsDialog.DialogCode.Accepted.value) if self.result() else 0

    monkeypatch.setattr(AssignUnitsDialog, "exec", run_dialog)
    covered: set[int] = set()
    for needles, lead, coop in GUANGAN_UNITS:
        rows = [r for r, title in section_rows.items() if any(n.lower() in title.lower() for n in needles)]
        rows = [r for r in rows if r not in covered]
        assert rows, needles
        covered.update(rows)
        selection = ledger.view.selectionModel()
        selection.clearSelection()
        for r in rows:                                             # a click, then Ctrl+clicks
            selection.select(section_index[r], QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            actions += 1
        pending = [(lead, coop)]
        ledger.assign_button.click()                               # Assign Units…
        actions += 1 + 1 + len(coop) + 1                           # open, lead, cooperating, OK
    assert covered == set(section_rows), "every section was given units"

    from desktop_app.services.bulk_assign import tasks_without_lead, units_of

    task_ids = [r.id for r in ledger.model.all_rows()]
    assert len(task_ids) == 48
    assert tasks_without_lead(win.db, win.plan_id) == []
    assert all(lead and coop for lead, coop in units_of(win.db, task_ids).values())
    # the ledger shows it without F5
    assert all(r.lead is not None for r in ledger.model.all_rows())
    print(f"Guang'an assignment: {actions} actions")
    assert actions <= 60, actions


def test_assign_dialog_creates_a_unit_inline_and_copy_units(app, qtbot, demo_path: Path, monkeypatch) -> None:
    from desktop_app.services.bulk_assign import units_of
    from desktop_app.ui.assign_dialog import AssignUnitsDialog

    win = new_window(qtbot, demo_path, view="ledger")
    ledger = win.pages["ledger"]
    settle(win, qtbot)
    rows = ledger.model.all_rows()[:3]
    dialog = AssignUnitsDialog(win.db, [r.id for r in rows], win)
    dialog.filter.setText("区新能源办公室")
    code = dialog.create_unit(dialog.filter.text())
    assert code and dialog.lead_code() == code
    dialog.accept()
    assert {lead for lead, _c in units_of(win.db, [r.id for r in rows]).values()} == {code}
    # copy: the first task's units to the next two
    source, *targets = [r.id for r in ledger.model.all_rows()[3:6]]
    ledger.select_task(source)
    sel = ledger.view.selectionModel()
    from PySide6.QtCore import QItemSelectionModel

    for t in targets:
        sel.select(ledger.view_index_for_task(t), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    ledger.copy_button.click()
    units = units_of(win.db, [source, *targets])
    assert units[targets[0]] == units[source] == units[targets[1]]


def test_department_list_with_a_taken_alias_is_rejected_whole(db, tmp_path: Path) -> None:
    from desktop_app.errors import InputRejected
    from desktop_app.services.bulk_assign import import_department_list

    first = tmp_path / "a.txt"
    first.write_text("市发展和改革委员会\tDRC\t发改委\n", encoding="utf-8")
    import_department_list(db, first)
    before = db.execute("SELECT count(*) FROM department").fetchone()[0]
    second = tmp_path / "b.txt"
    second.write_text("市财政局\tFinance\n市商务局\tCommerce\t发改委\n", encoding="utf-8")
    with pytest.raises(InputRejected) as err:
        import_department_list(db, second)
    assert "b.txt" in str(err.value) and "2" in str(err.value)      # file and line named
    assert "b.txt 第 2 行" in err.value.localized("zh")
    assert db.execute("SELECT count(*) FROM department").fetchone()[0] == before


def test_department_list_from_xlsx(db, tmp_path: Path) -> None:
    from openpyxl import Workbook

    from desktop_app.services.bulk_assign import import_department_list

    wb = Workbook()
    ws = wb.active
    ws.append(["名称", "英文名称", "别名", "联系人", "电话"])
    ws.append(["市财政局", "Finance Bureau", "财政局；市财政", "李华", "0826-1234567"])
    ws.append([None, None, None, None, None])
    ws.append(["市商务局", "Commerce Bureau", "", "", ""])
    path = tmp_path / "units.xlsx"
    wb.save(path)
    result = import_department_list(db, path)
    assert len(result.created) == 2 and result.aliases_added >= 2
    row = db.execute("SELECT contact_person, contact_phone FROM department WHERE name_zh = '市财政局'").fetchone()
    assert tuple(row) == ("李华", "0826-1234567")


# --- 4. issue warns about tasks without a lead; any year; periods page ---------------------------------

def test_issue_names_tasks_without_a_lead_and_asks_first(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from desktop_app.ui.issue_dialog import IssueDialog
    from tests.gui.cycle_helpers import cycle_db_file, query

    path, plan_id = cycle_db_file(tmp_path)
    from desktop_app.services.database_files import connect

    db = connect(path)
    task = db.execute("SELECT id FROM task WHERE plan_id = ? ORDER BY seq LIMIT 1", [plan_id]).fetchone()[0]
    db.execute("DELETE FROM assignment WHERE task_id = ?", [task])
    db.conn.commit()
    db.close()
    win = new_window(qtbot, path, view="submissions")
    dialog = IssueDialog(path, win, plan_id=plan_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unassigned_label.isVisible() and "1 task" in dialog.unassigned_label.text()
    asked: list[str] = []

    def answer(self: QMessageBox) -> int:
        asked.append(self.text())
        for b in self.buttons():
            if "Assign" in b.text():
                b.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.folder.setText(str(tmp_path / "out"))
    assert dialog.start() is None and asked                       # nothing issued; asked first
    assert not (tmp_path / "out").exists()
    assert win.current_view() == "ledger"                         # taken to the tasks to assign
    ledger = win.pages["ledger"]
    settle(win, qtbot)
    assert ledger.model.rowCount() == 1
    assert query(path, "SELECT count(*) FROM package") == [(0,)]


def test_issue_offers_any_year(app, qtbot, tmp_path: Path) -> None:
    from desktop_app.ui.issue_dialog import IssueDialog
    from tests.gui.cycle_helpers import cycle_db_file

    path, plan_id = cycle_db_file(tmp_path)
    dialog = IssueDialog(path, None, plan_id=plan_id)
    qtbot.addWidget(dialog)
    this_year = dialog.year.value()
    dialog.year.setValue(this_year + 1)
    codes = [dialog.period.itemData(i) for i in range(dialog.period.count())]
    assert codes and all(str(c).startswith(str(this_year + 1)) for c in codes)
    dialog.year.setValue(this_year - 1)
    assert all(str(dialog.period.itemData(i)).startswith(str(this_year - 1)) for i in range(dialog.period.count()))
    dialog.reject()


def test_periods_page_creates_edits_closes_and_reopens(app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from desktop_app.services import import_plan
    from desktop_app.services.database_files import connect
    from desktop_app.ui import view_kit
    from desktop_app.ui.periods_view import PeriodEditDialog

    path = new_db(tmp_path)
    plan = tmp_path / "plan.txt"
    plan.write_text("某区碳达峰实施方案\n一、重点任务\n（一）能源绿色低碳转型行动\n1.大力发展光伏发电。（区发展改革委牵头）\n",
                    encoding="utf-8")
    db = connect(path)
    import_plan.commit(db, import_plan.preview(db, plan))
    db.close()
    win = new_window(qtbot, path, view="periods")
    page = win.pages["periods"]
    assert page.empty_note.isVisibleTo(page) and "Create" in page.empty_note.text()
    assert page.create_year(2026)
    codes = {p.code for p in page.model.rows}
    assert {"2026-01", "2026-12", "2026Q1", "2026Q4", "2026"} <= codes and not page.empty_note.isVisibleTo(page)
    assert page.select_period("2026-03")
    opened: list[Any] = []
    monkeypatch.setattr(PeriodEditDialog, "exec", lambda self: opened.append(self) or 0)
    index = page.table.currentIndex()
    page.table.doubleClicked.emit(index if index.isValid() else page.proxy.index(0, 0))
    assert opened, "double-click opens the editor"
    assert not any(p.closed for p in page.model.rows)             # …and closes nothing
    assert page.select_period("2026-03")
    assert page.edit_period(dt.date(2026, 4, 20))
    assert next(p for p in page.model.rows if p.code == "2026-03").due == dt.date(2026, 4, 20)
    monkeypatch.setattr(view_kit, "ask_text", lambda *_a, **_k: "year-end audit")
    assert page.select_period("2026-03") and page.set_closed(True)
    assert next(p for p in page.model.rows if p.code == "2026-03").closed
    assert page.select_period("2026-03") and page.set_closed(False)
    assert not next(p for p in page.model.rows if p.code == "2026-03").closed


def test_due_date_before_period_end_is_refused(db) -> None:
    from desktop_app.errors import PeakDeskError
    from desktop_app.services import period_admin
    from desktop_app.store.ledger import save_plan_draft  # noqa: F401 - a plan row is all this needs

    db.execute("INSERT INTO plan (title_zh) VALUES ('方案')")
    plan_id = db.execute("SELECT id FROM plan").fetchone()[0]
    period_admin.create_year(db, plan_id, 2026)
    with pytest.raises(PeakDeskError):
        period_admin.set_due(db, plan_id, "2026-03", dt.date(2026, 3, 15))


# --- 5. the Plans page ----------------------------------------------------------------------------

def test_plans_page_lists_sets_current_and_archives(app, qtbot, demo_path: Path, tmp_path: Path) -> None:
    from desktop_app.services import import_plan
    from desktop_app.services.database_files import connect

    db = connect(demo_path)
    plan = tmp_path / "second-plan.txt"
    plan.write_text("另一区碳达峰实施方案\n一、重点任务\n（一）交通\n1.推广新能源汽车。（区交通委牵头）\n", encoding="utf-8")
    import_plan.commit(db, import_plan.preview(db, plan))
    db.close()
    win = new_window(qtbot, demo_path, view="plans")
    page = win.pages["plans"]
    assert page.__class__.__name__ == "PlansPage"
    rows = page.model.rows
    assert len(rows) == 2 and rows[1].source_file == "second-plan.txt" and rows[1].tasks == 1
    assert rows[1].current and win.plan_id == rows[1].id
    page.table.selectRow(0)
    page.current_button.click()
    assert win.plan_id == rows[0].id and "40 tasks" in win.status_count.text()
    page.table.selectRow(0)
    page.archive_button.click()
    assert page.model.rows[0].archived and win.plan_id == rows[1].id
    page.table.selectRow(0)
    assert page.archive_button.text().replace("&", "") == "Restore"


# --- 6. refresh after a merge from the menu --------------------------------------------------------

def test_matrix_updates_after_a_merge_from_the_menu(app, qtbot, tmp_path: Path) -> None:
    from desktop_app.ui.merge_dialog import MergeDialog
    from tests.gui.cycle_helpers import cycle_db_file, fill_workbook, issue
    from tests.gui.test_merge_dialog import FILLED

    path, plan_id = cycle_db_file(tmp_path)
    files = issue(path, plan_id, tmp_path / "issued", ["FGW"])
    back = fill_workbook(files["FGW"], FILLED, out=tmp_path / files["FGW"].name)
    win = new_window(qtbot, path, view="submissions")
    page = win.pages["submissions"]
    before = dict(page.model.cells)
    win.act_merge.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MergeDialog) and w.isVisible())
    dialog.add_paths([back])
    dialog.start()
    qtbot.waitUntil(lambda: dialog.op is not None and dialog.op.done, timeout=60000)
    qtbot.waitUntil(lambda: page.model.cells != before, timeout=5000)
    assert any(k[0] == "FGW" and v[0] != "missing" for k, v in page.model.cells.items())
    dialog.reject()


# --- 7. language switching ----------------------------------------------------------------------------

def test_dashboard_lists_follow_the_language(window, qtbot) -> None:
    from desktop_app.ui.app import set_language

    window.show_view("dashboard")
    settle(window, qtbot)
    dash = window.pages["dashboard"]
    assert dash.snapshot is not None and dash.snapshot.red and dash.snapshot.yellow
    first = dash.red_list.item(0).text()
    set_language("zh")
    qtbot.waitUntil(lambda: dash.red_list.item(0).text() != first, timeout=3000)
    warn = dash.snapshot.red[0]
    assert warn.title_zh in dash.red_list.item(0).text() and warn.dept_zh in dash.red_list.item(0).text()
    set_language("en")


def test_switching_language_twice_with_warnings_shown_does_not_crash(window, qtbot) -> None:
    """A bare layoutChanged left the warnings proxy's indexes stale: the second switch crashed the process."""
    from desktop_app.ui.app import set_language

    window.show_view("warnings")
    settle(window, qtbot)
    page = window.pages["warnings"]
    page.table.selectRow(1)
    for lang in ("zh", "en", "zh", "en"):
        set_language(lang)
        QApplication.processEvents()
    assert page.selected_warning() is not None


# --- 9. small screens -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_fits_1024x600(window, qtbot, lang) -> None:
    from desktop_app.ui.app import set_language

    set_language(lang)
    QApplication.processEvents()
    for key in VIEW_NAMES:
        window.show_view(key)
        settle(window, qtbot)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 600, (key, hint)
    set_language("en")


def test_first_start_is_sized_to_the_screen(app, qtbot) -> None:
    win = new_window(qtbot)
    avail = win.screen().availableGeometry()
    assert win.frameGeometry().height() <= avail.height() and win.width() <= avail.width()


# --- 10. drops, closing during a job, the demo's first page, dashboard actions ---------------------------

def test_unsupported_dropped_files_are_named(window, qtbot, tmp_path: Path) -> None:
    files = []
    for name in ("plan.pdf", "notes.docx"):
        (tmp_path / name).write_bytes(b"x")
        files.append(QUrl.fromLocalFile(str(tmp_path / name)))
    mime = QMimeData()
    mime.setUrls(files)
    event = QDropEvent(window.rect().center().toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    box = window.drop_message
    assert box.isVisible() and "plan.pdf" in box.text() and "notes.docx" in box.text()
    box.close()


def test_closing_during_a_job_asks_and_waits_for_its_result(window, qtbot, monkeypatch) -> None:
    import threading

    from desktop_app.ui.ops import Op

    gate = threading.Event()
    op = Op(window, None, lambda _db, _p, _c: gate.wait(10) and "the report", title="Report")
    delivered: list[str] = []
    op.success(delivered.append).run()
    asked: list[int] = []
    monkeypatch.setattr(type(window), "ask_about_running_jobs", lambda self, n: asked.append(n) or "wait")
    window.close()
    assert asked == [1] and window.isVisible()                     # asked; still open while it runs
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert delivered == ["the report"]                            # the finished result was not lost


def test_dashboard_offers_actions_on_a_warning(window, qtbot, monkeypatch) -> None:
    window.show_view("dashboard")
    settle(window, qtbot)
    dash = window.pages["dashboard"]
    dash.red_list.setCurrentRow(0)
    assert dash.open_task_button.isEnabled()
    dash.open_task_button.click()
    assert window.current_view() == "ledger"
    task_id = dash.snapshot.red[0].task_id
    assert window.pages["ledger"].current_task == task_id
    window.show_view("dashboard")
    dash.open_matrix_button.click()
    assert window.current_view() == "submissions"
    assert window.pages["submissions"].missing_only.isChecked()


def test_report_selectors_explain_what_is_missing_on_a_new_database(app, qtbot, tmp_path: Path) -> None:
    from desktop_app.services import import_plan
    from desktop_app.services.database_files import connect

    path = new_db(tmp_path)
    win = new_window(qtbot, path, view="reports")
    page = win.pages["reports"]
    assert "no plan" in page.missing_note.text() and not page.build_button.isEnabled()
    plan = tmp_path / "plan.txt"
    plan.write_text("某区碳达峰实施方案\n一、重点任务\n（一）能源\n1.发展光伏。（区发展改革委牵头）\n", encoding="utf-8")
    db = connect(path)
    import_plan.commit(db, import_plan.preview(db, plan))
    db.close()
    win.reload()
    for kind, word in (("monthly", "month"), ("quarterly", "quarter"), ("annual", "year")):
        row = next(i for i in range(page.kinds.count()) if page.kinds.item(i).data(Qt.ItemDataRole.UserRole) == kind)
        page.kinds.setCurrentRow(row)
        assert page.missing_note.isVisibleTo(page) and word in page.missing_note.text().lower()
        assert "Periods page" in page.missing_note.text() and not page.build_button.isEnabled()
    win.pages["periods"].set_database(win.db, win.plan_id)
    win.pages["periods"].create_year(2026)
    page.kinds.setCurrentRow(0)
    assert not page.missing_note.isVisibleTo(page) and page.build_button.isEnabled()


def test_a_second_connection_never_opens_the_live_file_outside_sqlite(tmp_path: Path, monkeypatch) -> None:
    """Closing any non-SQLite descriptor of a live database drops this process's locks; a job in another
    process then deleted the WAL under the window's connection (stale matrix, then 'malformed')."""
    from desktop_app.store.db import open_database

    path = tmp_path / "live.sqlite"
    first = open_database(path)
    opened: list[str] = []
    original = Path.open

    def spy(self: Path, *a: Any, **k: Any) -> Any:
        opened.append(str(self))
        return original(self, *a, **k)

    monkeypatch.setattr(Path, "open", spy)
    second = open_database(path)
    assert str(path) not in opened
    second.close()
    first.close()
    third = open_database(path)        # the header is checked through SQLite, never with open()
    assert str(path) not in opened
    third.close()



def test_cycle_dialogs_fit_the_screen(window, qtbot) -> None:
    """The import dialog opened at 1180×760: on a 1024×600 (or 768-px) screen its buttons were off-screen."""
    avail = window.screen().availableGeometry()
    for open_dialog in (window.import_plan, window.issue_workbooks, window.merge_workbooks):
        dialog = open_dialog()
        assert dialog.width() <= avail.width() and dialog.height() <= avail.height(), dialog.objectName()
        dialog.reject()


def test_warning_detail_shows_no_internal_rule_codes(window, qtbot) -> None:
    window.show_view("warnings")
    settle(window, qtbot)
    page = window.pages["warnings"]
    codes = {f.rule for w in page.model.rows for f in (w.fired or [])} | {w.rule for w in page.model.rows}
    assert codes
    for row in range(min(page.proxy.rowCount(), 8)):
        page.table.selectRow(row)
        html = page.detail.toPlainText()
        assert not any(code in html for code in codes if "_" in code), html
