"""Every main view in a real X window (Xvfb), in Chinese and English, rendered by
``peakdesk gui --view NAME --lang zh|en --screenshot FILE.png`` and checked not blank.

Xvfb is started here on a free display. Where Xvfb is not installed the test is skipped — except on
CI (``CI=true``), which installs it: there a missing Xvfb is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop_app.ui.names import VIEW_NAMES
from tests.conftest import require_tool

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

SHOTS_ENV = "PEAKDESK_SCREENSHOTS"  # keep the PNGs in this folder (to look at them) when set


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :199")


@pytest.fixture(scope="module")
def xvfb():
    exe = require_tool("Xvfb", why="the real-window screenshot test")
    display = _free_display()
    proc = subprocess.Popen([exe, f":{display}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{display}").exists():
        if proc.poll() is not None:
            pytest.fail(f"Xvfb exited: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Xvfb did not start within 15 s")
        time.sleep(0.05)
    yield f":{display}"
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stderr:
        proc.stderr.close()


def image_stats(path: Path) -> tuple[float, int]:
    """Lightness variance and number of distinct colours over a sample grid of the image."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not an image"
    values, colours = [], set()
    for x in range(0, image.width(), 5):
        for y in range(0, image.height(), 5):
            c = image.pixelColor(x, y)
            values.append(c.lightness())
            colours.add(c.rgb())
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values), len(colours)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_renders_in_a_real_window(xvfb, demo_db_file: Path, tmp_path: Path, lang: str) -> None:
    keep = os.environ.get(SHOTS_ENV)
    out_dir = Path(keep) if keep else tmp_path
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb, "PEAKDESK_HOME": str(tmp_path / "home")}
    env.pop("WAYLAND_DISPLAY", None)
    failures = []
    for view in VIEW_NAMES:
        db = tmp_path / f"demo-{view}-{lang}.sqlite"
        shutil.copy(demo_db_file, db)
        png = out_dir / f"{view}-{lang}.png"
        proc = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--db", str(db), "gui", "--view", view, "--lang", lang,
             "--screenshot", str(png)], capture_output=True, text=True, env=env, timeout=180)
        if proc.returncode != 0:
            failures.append(f"{view}: exit {proc.returncode}: {proc.stderr[-800:]}")
            continue
        variance, colours = image_stats(png)
        image = QImage(str(png))
        if (image.width(), image.height()) != (1366, 768):
            failures.append(f"{view}: size {image.width()}×{image.height()}")
        if variance < 100 or colours < 8:
            failures.append(f"{view}: looks blank (lightness variance {variance:.0f}, {colours} colours)")
    assert not failures, "\n".join(failures)
