"""Start-up: the heavy file-format libraries are imported on first use, not before the window's first
paint, and only the page on screen is built. Deterministic (which modules are loaded), so it runs in
``make test``; the time it saves is measured in tests/bench/test_bench_startup.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "python_calamine", "docx", "pypdf", "pdfplumber", "pdfminer", "jieba", "tomlkit", "pyphen",
         "PIL", "lxml")

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

# What `peakdesk gui --demo --view ledger` does up to its first paint (commands/gui.py, ui/app.run_gui).
_FIRST_PAINT = """
import json, sys
from pathlib import Path
import desktop_app.cli as cli
cli._parser_for(["gui", "--demo", "--view", "ledger"]).parse_args(["gui", "--demo", "--view", "ledger"])
from desktop_app.ui.app import create_application, set_language
from desktop_app.ui.main_window import MainWindow
app = create_application()
set_language("zh", remember=False)
window = MainWindow(view="ledger")
window.show()
assert window.open_database(Path(sys.argv[1]))
for _ in range(5):
    app.processEvents()
window.grab()
built = [key for key, _page in window.pages.built()]
print(json.dumps({"modules": sorted(sys.modules), "built": built}))
window.close()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def test_window_modules_do_not_import_heavy_libraries():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=_env(), cwd=ROOT,
                         timeout=120, check=True).stdout
    loaded = set(json.loads(out))
    assert "PySide6" in loaded                         # the script did import the window
    assert sorted(loaded & set(HEAVY)) == []


def test_first_paint_of_the_ledger_builds_one_page_and_loads_no_heavy_library(demo_db_file: Path, tmp_path: Path):
    demo = tmp_path / "demo.sqlite"
    demo.write_bytes(demo_db_file.read_bytes())
    out = subprocess.run([sys.executable, "-c", _FIRST_PAINT, str(demo)], capture_output=True, text=True,
                         env=_env(), cwd=ROOT, timeout=120, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    modules = set(result["modules"])
    assert sorted({m.split(".")[0] for m in modules} & set(HEAVY)) == []
    assert result["built"] == ["ledger"]
    views = sorted(m for m in modules if m.startswith("desktop_app.ui.") and m.endswith("_view"))
    assert views == ["desktop_app.ui.ledger_view"]     # the other pages' modules load when first shown
    assert not any(m.startswith(("desktop_app.reports", "desktop_app.exchange")) for m in modules)
    assert "desktop_app.commands.cycle" not in modules   # `peakdesk gui` parses with the gui command only


def test_the_window_parses_its_command_line_with_the_gui_command_only():
    from desktop_app.cli import _command_of, _parser_for

    assert _command_of(["--db", "x.sqlite", "--lang", "zh"]) is None
    assert _command_of(["--db", "gui.sqlite", "merge", "a.xlsx"]) == "merge"
    assert _command_of(["--lang", "en", "gui", "--demo"]) == "gui"
    args = _parser_for(["--db", "d.sqlite", "gui", "--view", "ledger"]).parse_args(
        ["--db", "d.sqlite", "gui", "--view", "ledger"])
    assert (str(args.db), args.command, args.view) == ("d.sqlite", "gui", "ledger")
    full = _parser_for(["merge", "a.xlsx"])
    assert full.parse_args(["merge", "a.xlsx"]).command == "merge"
    assert "merge" in _parser_for(["--help"]).format_help()


_REAL_COMMAND = """
import json, sys
from desktop_app.cli import main
code = main(["--db", sys.argv[1], "gui", "--view", "ledger", "--screenshot", sys.argv[2]])
print(json.dumps({"code": code, "order": list(sys.modules)}))
"""


def test_peakdesk_gui_imports_the_core_before_qt(demo_db_file: Path, tmp_path: Path):
    """PySide6 reads the source of every module imported after it; `peakdesk gui` imports sqlite-utils and
    the core's read path first (their insertion order in ``sys.modules`` shows it)."""
    demo = tmp_path / "demo.sqlite"
    demo.write_bytes(demo_db_file.read_bytes())
    env = {**_env(), "PEAKDESK_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", _REAL_COMMAND, str(demo), str(tmp_path / "shot.png")],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["code"] == 0 and (tmp_path / "shot.png").is_file()
    order = result["order"]
    qt = order.index("PySide6")
    for name in ("sqlite_utils", "desktop_app.services.read_models", "desktop_app.services.workspace",
                 "desktop_app.services.ledger_queries"):
        assert order.index(name) < qt, name
