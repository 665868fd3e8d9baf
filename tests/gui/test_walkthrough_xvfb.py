"""Issue #17's acceptance walkthrough, in a real X window (Xvfb) driven by xdotool, at 1024×600 and
1366×768, in Chinese and English: new database, the Guang'an plan, a department list, units for all 48
tasks in at most 60 inputs, the year's periods, issue, merge from the File menu, the matrix updated, the
four PDF reports (see ``tests/gui/walkthrough.py``).

Set ``PEAKDESK_SCREENSHOTS`` to a folder to keep the screenshots of every step (ImageMagick ``import``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR, require_tool
from tests.gui.test_screenshots_xvfb import SHOTS_ENV, _free_display

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow, pytest.mark.seed]


def start_xvfb(size: tuple[int, int]) -> tuple[subprocess.Popen[bytes], str]:
    exe = require_tool("Xvfb", why="the real-window walkthrough")
    display = _free_display()
    proc = subprocess.Popen([exe, f":{display}", "-screen", "0", f"{size[0]}x{size[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{display}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    return proc, f":{display}"


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)], ids=["1024x600", "1366x768"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_coordinators_first_day_in_the_real_window(tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    require_tool("xdotool", why="the real-window walkthrough types and clicks with it")
    if not any(SEEDS_DIR.glob("001_*")):
        pytest.skip("the Guang'an seed is not here")
    keep = os.environ.get(SHOTS_ENV)
    shots = Path(keep) / f"walkthrough-{lang}-{size[0]}x{size[1]}" if keep else None
    if shots is not None:
        require_tool("import", why="screenshots of the walkthrough (ImageMagick)")
    xvfb, display = start_xvfb(size)
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "PEAKDESK_HOME": str(tmp_path / "home")}
        env.pop("WAYLAND_DISPLAY", None)
        args = [sys.executable, "-m", "tests.gui.walkthrough", str(tmp_path / "work"), lang]
        if shots is not None:
            args.append(str(shots))
        run = subprocess.run(args, cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True,
                             text=True, timeout=900)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    result = json.loads(lines[-1])
    facts = result["facts"]
    assert result["error"] == "", result["error"] + "\n" + "\n".join(result["log"][-10:])
    assert facts["tasks"] == 48 and facts["sections_covered"] == facts["sections"]
    assert facts["without_lead"] == 0 and facts["with_lead_and_cooperating"] == 48, facts
    print(f"{lang} {size}: units for 48 tasks in {result['assign_actions']} inputs; {result['actions']} in all")
    assert result["assign_actions"] <= 60, result["log"]
    assert facts["periods"] >= 12 and facts["workbooks"] >= 1
    before, after = facts["matrix_received"]
    assert after == facts["workbooks"] and before == 0, facts     # the matrix shows the merge, no F5
    assert len(set(facts["reports"])) == 4 and all(r.endswith(".pdf") for r in facts["reports"]), facts
    assert result["problems"] == [], result["problems"]          # every dialog on the screen
