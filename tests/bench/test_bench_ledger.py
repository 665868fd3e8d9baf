"""Benchmark: a big synthetic ledger opens to a painted window in ≤ 1.5 s; search answers in ≤ 50 ms median."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

import pytest

from desktop_app.store.db import open_database, write_tx

pytestmark = [pytest.mark.bench, pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

TASKS, DEPTS, PROGRESS = 2000, 60, 100_000
WORDS = ["推进", "能源", "绿色", "低碳", "建筑", "交通", "工业", "节能", "改造", "氢能", "光伏", "循环", "碳汇", "示范",
         "数字化", "新能源汽车", "充电桩", "公共机构", "园区", "监测"]


def build_synthetic(path: Path) -> None:
    rng = random.Random(7)
    db = open_database(path)
    try:
        with write_tx(db):
            db.execute("INSERT INTO plan (id, title_zh, title_en) VALUES (1, '合成基准方案', 'Synthetic plan')")
            for d in range(DEPTS):
                db.execute("INSERT INTO department (id, code, name_zh, name_en) VALUES (?, ?, ?, ?)",
                           [d + 1, f"D{d:03d}", f"区第{d}局", f"District Bureau {d}"])
            for s in range(20):
                db.execute("INSERT INTO section (id, plan_id, seq, number, title_zh, title_en) VALUES (?, 1, ?, ?, ?, ?)",
                           [s + 1, s, f"（{s + 1}）", f"第{s + 1}章 " + "".join(rng.sample(WORDS, 3)), f"Section {s + 1}"])
            tasks = []
            for t in range(TASKS):
                title = "".join(rng.sample(WORDS, 3))
                text = "，".join("".join(rng.sample(WORDS, 4)) for _ in range(8))
                tasks.append((t + 1, t // 100 + 1, f"{t // 100 + 1}.{t % 100 + 1}", t, title, f"Task {t}", text,
                              f"2025-{rng.randint(1, 12):02d}-28"))
            db.conn.executemany("INSERT INTO task (id, plan_id, section_id, code, seq, title_zh, title_en, text_zh, "
                                "due_date) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)", tasks)
            assigned = []
            units: dict[int, list[int]] = {}
            for t in range(1, TASKS + 1):
                depts = rng.sample(range(1, DEPTS + 1), 3)
                units[t] = depts
                assigned += [(t, depts[0], "lead", 0), (t, depts[1], "cooperating", 1), (t, depts[2], "cooperating", 2)]
            db.conn.executemany("INSERT INTO assignment (task_id, department_id, role, seq) VALUES (?, ?, ?, ?)",
                                assigned)
            for m in range(1, 19):  # 2025-01 … 2026-06: 6,000 entries a month
                year, month = 2025 + (m - 1) // 12, (m - 1) % 12 + 1
                start = dt.date(year, month, 1)
                end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
                db.execute("INSERT INTO period (id, plan_id, kind, code, start, ends_on, due) VALUES (?, 1, 'month', ?, ?, ?, ?)",
                           [m, f"{year}-{month:02d}", start.isoformat(), end.isoformat(), end.isoformat()])
            rows = []
            statuses = ["not_started", "in_progress", "completed", "delayed", "suspended"]
            while len(rows) < PROGRESS:
                for t in range(1, TASKS + 1):
                    for dept in units[t]:
                        period = len(rows) // (TASKS * 3) + 1
                        rows.append((t, dept, period, 1, 1, rng.choice(statuses), rng.randint(0, 100), "2025-01-01"))
                        if len(rows) >= PROGRESS:
                            break
                    if len(rows) >= PROGRESS:
                        break
            db.conn.executemany("INSERT INTO progress (task_id, department_id, period_id, version, is_current, status, "
                                "percent, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        assert db.execute("SELECT count(*) FROM progress").fetchone()[0] == PROGRESS
    finally:
        db.close()


@pytest.fixture
def app(qapp):
    from desktop_app.ui import settings
    from desktop_app.ui.app import create_application, set_language

    settings.reset_store()
    application = create_application()
    set_language("zh", remember=False)
    yield application
    set_language("en", remember=False)
    settings.reset_store()


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "big.sqlite"
    build_synthetic(path)
    return path


def test_big_ledger_opens_painted_and_searches_fast(app, qtbot, big_db):
    from PySide6.QtWidgets import QApplication

    from desktop_app.store.search import search_tasks
    from desktop_app.ui.main_window import MainWindow

    t0 = time.perf_counter()
    window = MainWindow(view="ledger")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.open_database(big_db)
    QApplication.processEvents()
    page = window.pages["ledger"]
    image = page.view.viewport().grab()  # forces a paint of the visible rows
    opened = time.perf_counter() - t0
    assert not image.isNull() and page.model.rowCount() == TASKS

    terms = ["能源", "低碳建筑", "新能源汽车", "氢能", "充电桩", "1.5", "公共机构", "数字化 园区", "监测", "碳汇示范"]
    store_times, ui_times = [], []
    for term in terms:
        s = time.perf_counter()
        search_tasks(window.db, window.plan_id, term, limit=100000)
        store_times.append(time.perf_counter() - s)
        page.search.setText(term)
        s = time.perf_counter()
        page.apply_filters()  # search + filtered model reset + re-expanded tree
        QApplication.processEvents()
        ui_times.append(time.perf_counter() - s)
    page.search.clear()
    window.close()
    store_median = statistics.median(store_times) * 1000
    ui_median = statistics.median(ui_times) * 1000
    print(f"\nledger bench: {TASKS} tasks, {DEPTS} departments, {PROGRESS} progress rows")
    print(f"  open to painted ledger: {opened:.3f} s (limit 1.5 s)")
    print(f"  search median (store):  {store_median:.1f} ms (limit 50 ms)")
    print(f"  search median (ledger page, search + refilter + repaint): {ui_median:.1f} ms")
    assert opened <= 1.5
    assert store_median <= 50
