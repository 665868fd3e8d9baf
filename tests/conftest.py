"""Shared fixtures. Qt runs offscreen; every database lives under tmp_path and is closed after."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PEAKDESK_LANG", "en")

import pytest  # noqa: E402

from desktop_app.store.db import open_database  # noqa: E402

# The plan documents sit in shared/seeds beside the checkout; PEAKDESK_SEEDS points elsewhere (worktrees).
SEEDS_DIR = Path(os.environ.get("PEAKDESK_SEEDS") or Path(__file__).resolve().parents[1].parent / "shared" / "seeds")
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data folder from a test."""
    home = tmp_path_factory.mktemp("peakdesk-home")
    monkeypatch.setenv("PEAKDESK_HOME", str(home))
    monkeypatch.delenv("PEAKDESK_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path):
    database = open_database(tmp_path / "test.sqlite")
    yield database
    database.close()


@pytest.fixture
def cycle_db(tmp_path: Path):
    """The small reporting-cycle plan (tests/cycle_data.py): (database, plan id, tmp_path)."""
    from tests.cycle_data import build_cycle_db

    database = open_database(tmp_path / "cycle.sqlite")
    yield database, build_cycle_db(database), tmp_path
    database.close()


@pytest.fixture
def cycle_issued(cycle_db):
    """The small cycle plan with October 2025's workbooks issued (as of 2025-10-20):
    (database, plan id, tmp_path, {department code: issued file})."""
    import datetime as dt

    from desktop_app.services.issue_packages import export_packages

    database, plan_id, tmp = cycle_db
    result = export_packages(database, plan_id, "2025-10", tmp / "issued", today=dt.date(2025, 10, 20))
    return database, plan_id, tmp, {p.department: p.file for p in result.packages}


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once per test session; copy it before writing to it."""
    from desktop_app.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path):
    """A private, writable copy of the demo database."""
    import shutil

    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, target)
    database = open_database(target)
    yield database
    database.close()


def require_tool(*names: str, why: str) -> str:
    """The path of the first of ``names`` on PATH. Missing: a failure where the tools are promised
    (`make test` installs them and sets PEAKDESK_REQUIRE_TOOLS; CI), a skip in a bare pytest run."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    tool_missing(f"{' / '.join(names)} is not installed ({why}); `make test` installs it")
    raise AssertionError("unreachable")


def tool_missing(message: str) -> None:
    """A tool `make test` installs is missing or incomplete: fail there and on CI, skip in a bare run."""
    if os.environ.get("PEAKDESK_REQUIRE_TOOLS") == "1" or os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


# Waiting for a background job or a signal is not a speed check: a deadline only decides when a test
# gives up on something that never happens. On a loaded machine (CI, other processes) a job that takes
# 2 s alone can take 30 s, so every qtbot wait gets PEAKDESK_TEST_WAIT_SCALE times its deadline
# (default 10). Speed is measured in tests/bench (`make bench`), never here.
WAIT_SCALE = float(os.environ.get("PEAKDESK_TEST_WAIT_SCALE") or 10)


def _scale_qtbot_waits() -> None:
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:     # pytest-qt not installed: no GUI tests
        return
    if getattr(QtBot, "_peakdesk_scaled", False):
        return
    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive"):
        original = getattr(QtBot, name)

        def scaled(self, *args, _original=original, timeout: int = 5000, **kwargs):  # type: ignore[no-untyped-def]
            return _original(self, *args, timeout=int(timeout * WAIT_SCALE) if timeout and timeout > 0 else timeout,
                             **kwargs)

        setattr(QtBot, name, scaled)
    QtBot._peakdesk_scaled = True  # type: ignore[attr-defined]


def pytest_configure(config: pytest.Config) -> None:
    _scale_qtbot_waits()


def seeds_present() -> bool:
    return SEEDS_DIR.is_dir() and any(SEEDS_DIR.glob("*.txt"))


# The plan-layout corpus with its scorer (issue 16); PEAKDESK_STYLES points elsewhere.
STYLES_DIR = Path(os.environ.get("PEAKDESK_STYLES") or SEEDS_DIR.parent / "plans-styles")


def styles_present() -> bool:
    return (STYLES_DIR / "score.py").is_file() and (STYLES_DIR / "expected.json").is_file()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Seed and layout-corpus tests run wherever ../shared/seeds or ../shared/plans-styles is present;
    elsewhere they are deselected, not passed."""
    absent = [m for m, present in (("seed", seeds_present()), ("styles", styles_present())) if not present]
    if not absent:
        return
    kept, dropped = [], []
    for item in items:
        (dropped if any(item.get_closest_marker(m) for m in absent) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
