"""Start-up: the heavy file-format libraries are imported on first use, not before the window's first
paint. Deterministic (which modules are loaded), so it runs in ``make test``; the time it saves is
measured in tests/bench/test_bench_startup.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "python_calamine", "docx", "pypdf", "pdfplumber", "pdfminer")

# Everything the window imports to show its pages (the CLI front end included: `peakdesk gui`).
_SCRIPT = """
import json, sys, importlib, pkgutil
import desktop_app.cli
import desktop_app.ui.main_window
import desktop_app.ui as ui
pages = [m.name for m in pkgutil.iter_modules(ui.__path__) if m.name.endswith("_view")]
for name in pages:
    importlib.import_module(f"desktop_app.ui.{name}")
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_window_modules_do_not_import_heavy_libraries():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True).stdout
    loaded = set(json.loads(out))
    assert "PySide6" in loaded                         # the script did import the window
    assert sorted(loaded & set(HEAVY)) == []
