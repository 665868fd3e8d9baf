"""A coordinator's first day, done in the real window under X (Xvfb) with the mouse and keyboard (xdotool).

New database → import the Guang'an plan (48 tasks, no units) → import a department list → give all 48
tasks a lead and a cooperating unit → create the year's periods → issue → (the bureaus fill their
workbooks) → merge from the File menu → the submissions matrix shows it → build the four PDF reports.

Run in its own process on an X display (``DISPLAY``, ``QT_QPA_PLATFORM=xcb``)::

    python -m tests.gui.walkthrough WORKDIR LANG [SHOTS_DIR]

Every input is a real X event sent with xdotool. The script only *looks* at the widgets (where a button
is, whether a dialog is open) the way a person looks at the screen; it never calls a slot itself. Inputs
are counted as a person would count them: a click, a key, a typed name, a wheel scroll. The script
steps run from a timer, so they go on inside modal dialogs' event loops. The result is one JSON line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget

from tests.gui.cycle_helpers import GUANGAN_UNITS, task_sections

SEED_GLOB = "001_*"

REPORTS = ("monthly", "quarterly", "annual", "department")
FILLED = {"status": "推进中", "percent": 40, "narrative": "已完成前期调研", "contact_person": "王明"}


# --- commands the script yields -------------------------------------------------------------------------

@dataclass
class Input:
    """One input a person makes (counted): an xdotool command line."""
    args: list[str]
    what: str


@dataclass
class Wait:
    condition: Callable[[], bool]
    what: str
    timeout: float = 30.0


@dataclass
class Shot:
    name: str


@dataclass
class Pause:
    seconds: float


@dataclass
class Result:
    actions: int = 0
    assign_actions: int = 0
    log: list[str] = field(default_factory=list)
    shots: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    error: str = ""


def centre(widget: QWidget, local: QPoint | None = None) -> QPoint:
    return widget.mapToGlobal(local if local is not None else widget.rect().center())


def click(widget: QWidget, local: QPoint | None = None, *, ctrl: bool = False, what: str = "") -> Input:
    p = centre(widget, local)
    args = ["mousemove", "--sync", str(p.x()), str(p.y())]
    args += ["keydown", "ctrl", "click", "1", "keyup", "ctrl"] if ctrl else ["click", "1"]
    return Input(args, what or f"click {widget.objectName() or type(widget).__name__}")


def key(*keys: str) -> Input:
    return Input(["key", "--delay", "40", *keys], "key " + " ".join(keys))


def type_text(text: str) -> Input:
    return Input(["type", "--delay", "15", text], f"type {text!r}")


def wheel(widget: QWidget, down: bool, notches: int) -> Input:
    p = centre(widget)
    button = "5" if down else "4"
    return Input(["mousemove", "--sync", str(p.x()), str(p.y())] + ["click", button] * notches,
                 f"scroll {'down' if down else 'up'} {notches}")


def dialog_of(kind: type) -> Any:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, kind) and w.isVisible():
            return w
    return None


def on_screen(widget: QWidget) -> bool:
    screen = widget.screen().availableGeometry()
    return screen.contains(widget.frameGeometry())


# --- the runner -----------------------------------------------------------------------------------------

class Runner:
    """Advances the script from a timer; an xdotool input or a condition holds the next step back."""

    def __init__(self, script: Iterator[Any], result: Result, shots: Path | None) -> None:
        self.script, self.result, self.shots = script, result, shots
        self.proc: subprocess.Popen[bytes] | None = None
        self.wait: Wait | None = None
        self.wait_until = 0.0
        self.pause_until = 0.0
        self.settle_until = 0.0
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.tick)
        self.counting = "actions"
        self.debug: Callable[[str], bool] | None = None
        self.lost = False

    def tick(self) -> None:
        now = time.monotonic()
        if self.proc is not None:
            if self.proc.poll() is None:
                return
            self.proc = None
            self.settle_until = now + 0.35      # let Qt handle what the input caused
        if now < self.settle_until or now < self.pause_until:
            return
        if self.wait is not None:
            if not self.wait.condition():
                if now > self.wait_until:
                    self.fail(f"timed out waiting: {self.wait.what}")
                return
            self.wait = None
        if self.debug is not None and self.result.log and not self.lost:
            self.lost = self.debug(self.result.log[-1])
        try:
            step = next(self.script)
        except StopIteration:
            self.stop()
            return
        except Exception as exc:  # noqa: BLE001 - reported in the result
            import traceback

            self.fail(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
            return
        if isinstance(step, Input):
            self.result.actions += 1
            if self.counting == "assign":
                self.result.assign_actions += 1
            self.result.log.append(f"{self.result.actions:3d} {step.what}")
            self.proc = subprocess.Popen(["xdotool", *step.args])
        elif isinstance(step, Wait):
            self.wait, self.wait_until = step, now + step.timeout
        elif isinstance(step, Pause):
            self.pause_until = now + step.seconds
        elif isinstance(step, Shot):
            if self.shots is not None:
                out = self.shots / f"{step.name}.png"
                self.proc = subprocess.Popen(["import", "-window", "root", str(out)])
                self.result.shots.append(out.name)
        elif isinstance(step, str):
            self.counting = step

    def fail(self, why: str) -> None:
        self.result.error = why
        self.stop()

    def stop(self) -> None:
        self.timer.stop()
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()
        QTimer.singleShot(0, QApplication.quit)


# --- the walkthrough ----------------------------------------------------------------------------------------

def nav_click(win: Any, key_name: str) -> Input:
    from desktop_app.ui.names import VIEW_NAMES

    item = win.nav.item(VIEW_NAMES.index(key_name))
    return click(win.nav.viewport(), win.nav.visualItemRect(item).center(), what=f"page {key_name}")


def menu_steps(win: Any, menu: Any, action: Any) -> Generator[Any, None, None]:
    bar = win.menuBar()
    yield click(bar, bar.actionGeometry(menu.menuAction()).center(), what=f"menu {menu.title()}")
    yield Wait(menu.isVisible, "menu open")
    yield click(menu, menu.actionGeometry(action).center(), what=f"menu item {action.text()}")


def file_dialog_steps(path: Path) -> Generator[Any, None, None]:
    """A Qt file chooser: type the name (the name field has the focus), Enter."""
    yield Wait(lambda: dialog_of(QFileDialog) is not None, "file chooser")
    yield Pause(0.3)
    yield type_text(str(path))
    yield key("Return")
    yield Wait(lambda: dialog_of(QFileDialog) is None, "file chooser closed")


def check_fits(widget: QWidget, name: str, result: Result) -> None:
    if not on_screen(widget):
        g = widget.frameGeometry()
        result.problems.append(f"{name} does not fit the screen: {g.x()},{g.y()} {g.width()}×{g.height()}")


def walkthrough(win: Any, work: Path, result: Result) -> Generator[Any, None, None]:  # noqa: C901 - one story
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.ui.assign_dialog import AssignUnitsDialog
    from desktop_app.ui.import_dialog import ImportDialog
    from desktop_app.ui.issue_dialog import IssueDialog
    from desktop_app.ui.merge_dialog import MergeDialog
    from tests.conftest import SEEDS_DIR

    seed = work / "guangan.txt"
    shutil.copy(next(SEEDS_DIR.glob(SEED_GLOB)), seed)
    units = work / "units.txt"
    from tests.gui.test_window_workflows import DEPT_LIST

    units.write_text(DEPT_LIST, encoding="utf-8")
    db_path = work / "desk.sqlite"

    yield Wait(lambda: win.isVisible() and win.welcome.isVisible(), "welcome panel")
    yield Shot("01-welcome")
    check_fits(win, "main window", result)
    # 1. a new database
    yield click(win.welcome.new_button)
    yield from file_dialog_steps(db_path)
    yield Wait(lambda: win.db is not None, "database open")
    result.facts["database"] = str(win.db_path)
    yield Shot("02-new-database")
    # 2. import the plan: the file field has the focus; Enter previews, the review is checked, Commit
    plans = win.pages["plans"]
    yield click(plans.import_button)
    yield Wait(lambda: dialog_of(ImportDialog) is not None, "import dialog")
    dialog = dialog_of(ImportDialog)
    yield type_text(str(seed))
    yield key("Return")
    yield Wait(lambda: dialog.pages.currentIndex() == 1, "import review", 90)
    yield Pause(0.5)
    check_fits(dialog, "import review", result)
    yield Shot("03-import-review")
    yield click(dialog.next_button, what="Commit")
    yield Wait(lambda: dialog_of(ImportDialog) is None, "plan committed", 90)
    yield Pause(0.5)
    yield Shot("04-plans")
    result.facts["tasks"] = plans.model.rows[0].tasks if plans.model.rows else 0
    # 3. the department list
    yield nav_click(win, "departments")
    depts = win.pages["departments"]
    yield click(depts.import_button, what="Import List")
    yield from file_dialog_steps(units)
    yield Pause(0.8)
    yield Shot("05-departments")
    # 4. units for all 48 tasks: select sections (click, Ctrl+click), Assign Units…, lead, cooperating, OK
    yield "assign"
    yield nav_click(win, "ledger")
    ledger = win.pages["ledger"]
    yield Wait(lambda: ledger.model.rowCount() > 0 or bool(ledger.model.all_rows()), "ledger loaded")
    if not ledger.group_box.isChecked():
        yield click(ledger.group_box, QPoint(8, ledger.group_box.height() // 2))
    tree, view = ledger.tree_model, ledger.view
    sections = [(title.lower(), index) for title, index in task_sections(tree)]
    result.facts["sections"] = len(sections)
    covered: set[int] = set()
    for n, (needles, lead, coop) in enumerate(GUANGAN_UNITS):
        rows = [i for i, (title, _ix) in enumerate(sections) if i not in covered and any(w in title for w in needles)]
        covered.update(rows)
        for j, i in enumerate(rows):
            index = view.model().index(sections[i][1].row(), 0, sections[i][1].parent()) \
                if view.model() is not tree else sections[i][1]
            rect = view.visualRect(index)
            if not view.viewport().rect().contains(rect.center()):
                rows_per_notch = 3
                height = max(1, view.sizeHintForRow(0))
                delta = rect.center().y() - view.viewport().height() // 2
                notches = max(1, abs(delta) // (height * rows_per_notch))
                yield wheel(view.viewport(), delta > 0, notches)
                yield Pause(0.3)
                rect = view.visualRect(index)
            point = QPoint(min(rect.left() + 160, view.viewport().width() - 20), rect.center().y())
            yield click(view.viewport(), point, ctrl=j > 0, what=f"{'ctrl+' if j else ''}click section {sections[i][0][:30]}")
        yield click(ledger.assign_button, what="Assign Units")
        yield Wait(lambda: dialog_of(AssignUnitsDialog) is not None, "assign dialog")
        assign = dialog_of(AssignUnitsDialog)
        yield Pause(0.3)
        if n == 0:
            check_fits(assign, "assign dialog", result)
            yield Shot("06-assign-dialog")
        from desktop_app.services.ledger_queries import list_departments

        code_of = {d.name_zh: d.code for d in list_departments(win.db)}      # the lists show names in the UI's language
        role = Qt.ItemDataRole.UserRole
        lead_item = next(assign.lead.item(i) for i in range(assign.lead.count())
                         if assign.lead.item(i).data(role) == code_of[lead])
        yield click(assign.lead.viewport(), assign.lead.visualItemRect(lead_item).center(), what=f"lead {lead}")
        for name in coop:
            item = next(assign.coop.item(i) for i in range(assign.coop.count())
                        if assign.coop.item(i).data(role) == code_of[name])
            r = assign.coop.visualItemRect(item)
            yield click(assign.coop.viewport(), QPoint(r.left() + r.height() // 2, r.center().y()),
                        what=f"cooperating box {name}")
        if n == 0:
            yield Shot("07-assign-filled")
        yield click(assign.buttons.button(QDialogButtonBox.StandardButton.Ok), what="OK")
        yield Wait(lambda: dialog_of(AssignUnitsDialog) is None, "assigned")
    yield "actions"
    result.facts["sections_covered"] = len(covered)
    yield Pause(0.8)
    yield Shot("08-ledger-assigned")
    from desktop_app.services.bulk_assign import tasks_without_lead, units_of

    ids = [r.id for r in ledger.model.all_rows()]
    result.facts["without_lead"] = len(tasks_without_lead(win.db, win.plan_id))
    result.facts["with_lead_and_cooperating"] = sum(1 for lead_, coop_ in units_of(win.db, ids).values()
                                                    if lead_ and coop_)
    # 5. periods: Create Year's Periods…, accept the year (this year)
    yield nav_click(win, "periods")
    periods = win.pages["periods"]
    yield click(periods.create_button)
    yield Wait(lambda: dialog_of(QInputDialog) is not None, "year asked")
    yield Pause(0.3)
    yield key("Return")
    yield Wait(lambda: dialog_of(QInputDialog) is None and periods.model.rowCount() > 0, "periods created")
    yield Pause(0.5)
    yield Shot("09-periods")
    result.facts["periods"] = periods.model.rowCount()
    # 6. issue the current month's workbooks (File menu), into a folder typed in the dialog
    issued = work / "issued"
    yield from menu_steps(win, win.menu_file, win.act_issue)
    yield Wait(lambda: dialog_of(IssueDialog) is not None, "issue dialog")
    issue = dialog_of(IssueDialog)
    yield Pause(0.5)
    check_fits(issue, "issue dialog", result)
    yield click(issue.folder, what="folder field")
    yield key("ctrl+a")
    yield type_text(str(issued))
    yield Shot("10-issue")
    yield click(issue.issue_button, what="Issue")
    yield Wait(lambda: issue.op is not None and issue.op.done, "issued", 120)
    yield Pause(0.5)
    yield Shot("11-issued")
    result.facts["issued_period"] = issue.period.code()
    yield click(issue.close_button, what="Close")
    yield Wait(lambda: dialog_of(IssueDialog) is None, "issue dialog closed")
    # the bureaus fill their workbooks in WPS/Excel and send them back (outside PeakDesk)
    back = work / "returned"
    back.mkdir(exist_ok=True)
    from tests.gui.cycle_helpers import fill_workbook

    files = sorted(issued.rglob("*.xlsx"))
    result.facts["workbooks"] = len(files)
    for f in files:
        fill_workbook(f, FILLED, out=back / f.name)
    # 7. the matrix before, merge from the File menu (a folder of returned workbooks), the matrix after
    yield nav_click(win, "submissions")
    subs = win.pages["submissions"]
    yield Pause(0.5)
    before = sum(1 for v in subs.model.cells.values() if v[0] in ("on_time", "late"))
    yield from menu_steps(win, win.menu_file, win.act_merge)
    yield Wait(lambda: dialog_of(MergeDialog) is not None, "merge dialog")
    merge = dialog_of(MergeDialog)
    check_fits(merge, "merge dialog", result)
    yield click(merge.add_folder_button, what="Add Folder")
    yield from file_dialog_steps(back)
    yield Wait(lambda: merge.sources.count() > 0, "files listed")
    yield Shot("12-merge")
    yield click(merge.merge_button, what="Merge")
    yield Wait(lambda: merge.op is not None and merge.op.done, "merged", 180)
    yield Pause(0.5)
    yield Shot("13-merged")
    yield click(merge.close_button if hasattr(merge, "close_button") else merge.cancel_button, what="Close")
    yield Wait(lambda: dialog_of(MergeDialog) is None, "merge dialog closed")
    yield Pause(0.8)
    after = sum(1 for v in subs.model.cells.values() if v[0] in ("on_time", "late"))
    result.facts["matrix_received"] = [before, after]
    yield Shot("14-matrix")
    # 8. the four PDF reports
    yield nav_click(win, "reports")
    reports = win.pages["reports"]
    if reports.open_when_done.isChecked():       # no PDF viewer popping up over the window
        box = reports.open_when_done
        yield click(box, QPoint(8, box.height() // 2), what="untick Open when done")
    built = []
    for kind in REPORTS:
        row = next(i for i in range(reports.kinds.count())
                   if reports.kinds.item(i).data(Qt.ItemDataRole.UserRole) == kind)
        item = reports.kinds.item(row)
        yield click(reports.kinds.viewport(), reports.kinds.visualItemRect(item).center(), what=f"report {kind}")
        yield Pause(0.3)
        if not reports.build_button.isEnabled():
            result.problems.append(f"{kind}: cannot build: {reports.missing_note.text()}")
            continue
        yield click(reports.build_button, what="Build")
        yield Wait(lambda: reports.op is not None and reports.op.done, f"{kind} built", 240)
        yield Pause(0.5)
        path = reports.result_path()
        if path is not None and path.is_file():
            built.append(path.name)
        yield Shot(f"15-report-{kind}")
    result.facts["reports"] = built
    yield Shot("16-end")


def main(argv: list[str]) -> int:
    from desktop_app.ui import settings
    from desktop_app.ui.app import create_application, set_language
    from desktop_app.ui.main_window import MainWindow

    work, lang = Path(argv[0]), argv[1]
    shots = Path(argv[2]) if len(argv) > 2 else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    settings.reset_store()
    app = create_application()
    set_language(lang, remember=False)
    # reports go to a folder of this run, not the user's documents
    import desktop_app.ui.reports_view as reports_view

    reports_view.default_output_dir = lambda: work / "reports"  # type: ignore[assignment]
    win = MainWindow()
    win.show()
    win.start(None)
    result = Result()
    runner = Runner(walkthrough(win, work, result), result, shots)
    if os.environ.get("WALKTHROUGH_LOCK_PROBE"):
        # After every step another process opens and closes the database: if this process has lost its
        # SQLite locks (see ui/file_dialogs.py), that close deletes the WAL and the step is named.
        def probe(step: str) -> bool:
            if win.db is None or win.db_path is None:
                return False
            win.db.execute("select count(*) from plan").fetchall()
            subprocess.run([sys.executable, "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                            "c.execute('select 1').fetchall(); c.close()", str(win.db_path)], check=True)
            lost = not Path(f"{win.db_path}-wal").exists()
            print("probe", step, "LOST" if lost else "ok", file=sys.stderr)
            return lost

        runner.debug = probe
    runner.timer.start()
    app.exec()
    result.facts["window"] = [win.width(), win.height()]
    print(json.dumps({"actions": result.actions, "assign_actions": result.assign_actions, "facts": result.facts,
                      "problems": result.problems, "error": result.error, "shots": result.shots,
                      "log": result.log}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
