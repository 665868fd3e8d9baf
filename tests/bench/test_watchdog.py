"""Benchmark: the UI never freezes for more than 100 ms on the demo data.

An event-loop watchdog — a QTimer firing every 10 ms that records the longest gap between two of its
ticks — runs while the window switches through every page, builds a report, issues a whole period's
workbooks and merges them back, the jobs in the background.

The machine itself sometimes stops every process for a while (a shared virtual machine). A control
process that only sleeps and wakes every 5 ms records those stalls; the part of an event-loop gap that a
stall of the control covers is not the application's, and is taken off before the limit is applied.
Both figures are printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from desktop_app.ui.names import VIEW_NAMES
from desktop_app.ui.reports_view import KINDS

# Wall-clock limits: run by `make bench` (or `make watchdog`), never by `make test`, where a busy machine
# fails them for reasons that are not defects. The window fixtures are the GUI tests' own (tests/bench/conftest.py).

pytestmark = [pytest.mark.gui, pytest.mark.bench,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

LIMIT_MS = 100


_CONTROL = r"""
import sys, time
last = time.monotonic()
while True:
    time.sleep(0.005)
    now = time.monotonic()
    if now - last > 0.02:
        print(f"{last} {now}", flush=True)
    last = now
"""


class MachineStalls:
    """A control process recording when it could not run for more than 20 ms (monotonic clock)."""

    def __enter__(self) -> MachineStalls:
        self.proc = subprocess.Popen([sys.executable, "-c", _CONTROL], stdout=subprocess.PIPE, text=True)
        self.stalls: list[tuple[float, float]] = []
        return self

    def __exit__(self, *_exc: object) -> None:
        self.proc.terminate()
        out, _err = self.proc.communicate(timeout=10)
        self.stalls = [(float(a), float(b)) for a, b in (line.split() for line in out.splitlines())]

    def covered_ms(self, start: float, end: float) -> float:
        return 1000 * sum(max(0.0, min(end, b) - max(start, a)) for a, b in self.stalls)


class Watchdog:
    def __init__(self) -> None:
        self.gaps: list[tuple[float, float]] = []   # event-loop gaps over 30 ms, monotonic start and end
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.max_gap = 0
        self.ticks = 0
        self.last_cpu = 0.0
        self.max_cpu_gap = 0.0  # GUI-thread CPU time between two ticks (ms): the app's own work

    def _tick(self) -> None:
        now = self.clock.elapsed()
        cpu = time.thread_time() * 1000
        if now - self.last > 30:
            mono = time.monotonic()
            self.gaps.append((mono - (now - self.last) / 1000, mono))
        self.max_gap = max(self.max_gap, now - self.last)
        self.max_cpu_gap = max(self.max_cpu_gap, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu
        self.ticks += 1

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.last_cpu = time.thread_time() * 1000
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def app_gap(self, machine: MachineStalls) -> float:
        """The longest gap less the part of it during which the machine stalled every process."""
        return max([(b - a) * 1000 - machine.covered_ms(a, b) for a, b in self.gaps], default=float(self.max_gap))


def spin(qtbot, ms: int) -> None:
    qtbot.wait(ms)


def _switch_through_pages(window, qtbot, dog: Watchdog) -> dict[str, int]:
    per_page: dict[str, int] = {}
    for _ in range(2):
        for key in VIEW_NAMES:
            before = dog.max_gap
            dog.max_gap = 0
            window.show_view(key)
            spin(qtbot, 40)
            per_page[key] = max(per_page.get(key, 0), dog.max_gap)
            dog.max_gap = max(before, dog.max_gap)
    return per_page


def _verdict(dog: Watchdog, machine: MachineStalls, what: str) -> float:
    app = dog.app_gap(machine)
    print(f"\nwatchdog {what}: {dog.ticks} ticks; longest event-loop gap {dog.max_gap} ms, of it the "
          f"application's {app:.0f} ms (machine stalls seen by the control: "
          f"{[round((b - a) * 1000) for a, b in machine.stalls]} ms); GUI-thread work between ticks at most "
          f"{dog.max_cpu_gap:.0f} ms; load average {os.getloadavg()[0]:.2f}")
    return app


def test_switching_pages_never_blocks_the_event_loop(window, qtbot) -> None:
    spin(qtbot, 400)  # the database was opened by the fixture; let opening and the first paint finish
    dog = Watchdog()
    with MachineStalls() as machine:
        dog.start()
        spin(qtbot, 30)
        per_page = _switch_through_pages(window, qtbot, dog)
        dog.stop()
    app = _verdict(dog, machine, f"switching pages (longest per page {per_page})")
    # The watchdog ran (a blocked event loop shows up in the gaps, not here).
    assert dog.ticks >= 10
    assert app <= LIMIT_MS, f"the event loop was blocked for {app:.0f} ms ({per_page})"


def test_building_a_report_leaves_the_gui_thread_free(window, qtbot, tmp_path, monkeypatch) -> None:
    """The report is built in a lower-priority child process while pages are switched: neither the
    event loop's gap nor the GUI thread's own work between two ticks exceeds the limit."""
    from desktop_app.ui import reports_view

    monkeypatch.setattr(reports_view.QDesktopServices, "openUrl", lambda url: True)
    spin(qtbot, 400)
    _switch_through_pages(window, qtbot, Watchdog())   # every page loaded before measuring
    dog = Watchdog()
    with MachineStalls() as machine:
        dog.start()
        window.show_view("reports")
        page = window.pages["reports"]
        page.kinds.setCurrentRow(list(KINDS).index("annual"))
        page.out.setText(str(tmp_path / "annual.pdf"))
        op = page.build()
        assert op is not None
        _watch_op(qtbot, window, op, ("dashboard", "warnings", "assessment", "reports"))
        dog.stop()
    assert op.state == "succeeded", op.error
    app = _verdict(dog, machine, "during a background report")
    assert dog.ticks >= 10
    assert dog.max_cpu_gap <= LIMIT_MS, f"the GUI thread worked {dog.max_cpu_gap:.0f} ms without a break"
    assert app <= LIMIT_MS, f"the event loop was blocked for {app:.0f} ms during the report"


def _watch_op(qtbot, window, op, pages=("dashboard", "submissions")) -> None:
    """Let a background job run to its end while the user keeps switching pages."""
    started = time.perf_counter()
    while not op.done:
        for key in pages:
            window.show_view(key)
            spin(qtbot, 25)
        assert time.perf_counter() - started < 120, "the job did not finish"


def test_issuing_and_merging_a_whole_period_leaves_the_event_loop_free(window, qtbot, tmp_path) -> None:
    """The month's two long jobs on the demo — issuing every department's workbook, then merging all of them
    back (as a drop on the window does: the dialog opens and starts at once) — run in the background while
    pages are switched; the event loop is never blocked over the limit."""
    from tests.gui.cycle_helpers import fill_workbook

    spin(qtbot, 400)
    _switch_through_pages(window, qtbot, Watchdog())
    window.show_view("submissions")
    page = window.pages["submissions"]

    issue_dog = Watchdog()
    with MachineStalls() as issue_machine:
        issue_dog.start()
        issue = page.open_issue_dialog()
        issue.folder.setText(str(tmp_path / "issued"))
        op = issue.start()
        assert op is not None
        _watch_op(qtbot, window, op)
        issue_dog.stop()
    assert op.state == "succeeded", op.error
    issued = sorted((tmp_path / "issued").glob("*.xlsx"))
    issue.close()

    back = tmp_path / "returned"
    back.mkdir()
    for f in issued:
        fill_workbook(f, {"status": "推进中", "percent": 50, "narrative": "本月按计划推进"}, out=back / f.name)
    dog = Watchdog()
    with MachineStalls() as machine:
        dog.start()
        merge = page.open_merge_dialog(paths=[back])
        op = merge.start()
        assert op is not None
        _watch_op(qtbot, window, op)
        dog.stop()
    assert op.state == "succeeded", op.error
    accepted = sum(1 for r in range(merge.results.rowCount()) if merge.results.item(r, 1).text() == "Accepted")
    merge.close()
    issue_app = _verdict(issue_dog, issue_machine, f"issuing {len(issued)} workbooks")
    merge_app = _verdict(dog, machine, f"merging {accepted} workbooks")
    assert len(issued) >= 30 and accepted == len(issued)
    assert issue_dog.ticks >= 10 and dog.ticks >= 5
    assert issue_app <= LIMIT_MS, f"issuing blocked the event loop for {issue_app:.0f} ms"
    assert merge_app <= LIMIT_MS, f"merging blocked the event loop for {merge_app:.0f} ms"
