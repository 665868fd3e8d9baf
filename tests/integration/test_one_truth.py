"""One truth for every figure, checked through the CLI's JSON: the ledger (``plan show --json``), the
dashboard (``dashboard --json``), the monthly bulletin, the quarterly warnings and the annual
assessment give every task the same current status and percent, and the same section figures —
on the demo and on a freshly imported plan with a few reports."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from desktop_app.services import run_assessment
from desktop_app.store import departments, progress
from desktop_app.store.db import open_database, write_tx
from desktop_app.store.meta import meta_set
from tests.unit.reports import pdftools

PLAN = """某区碳达峰实施方案
一、主要目标
到2025年，非化石能源占比达到20%左右。
二、重点任务
（一）能源
1.发展光伏。到2025年新增光伏29.4万千瓦。（责任单位：区发展改革委、区经委）
2.建设加氢站。到2025年建成加氢站6座。（责任单位：区经委、区建管委）
（二）节能
1.数据中心节能。新建数据中心PUE不高于1.3。（区科委牵头，区经委配合）
"""


def cli_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    assert main(["--db", str(db), *argv]) == 0
    return json.loads(capsys.readouterr().out)


def views(capsys: pytest.CaptureFixture[str], db: Path, plan: int, month: str, quarter: str,
          year: int) -> dict[str, Any]:
    p = ["--plan", str(plan)]
    return {"ledger": cli_json(capsys, db, "plan", "show", str(plan), "--json"),
            "dashboard": cli_json(capsys, db, "dashboard", "--json", *p),
            "monthly": cli_json(capsys, db, "figures", "monthly", "--period", month, *p),
            "quarterly": cli_json(capsys, db, "figures", "quarterly", "--quarter", quarter, *p),
            "annual": cli_json(capsys, db, "figures", "annual", "--year", str(year), *p)}


def assert_one_truth(v: dict[str, Any]) -> dict[str, tuple[str, float | None]]:
    """Every view agrees on every task; returns code → (status, percent)."""
    ledger = {t["code"]: (t["status"], t["percent"]) for t in v["ledger"]["tasks"]}
    reporter = {t["code"]: t["reporter"] for t in v["ledger"]["tasks"]}
    assert ledger and {t["code"]: (t["status"], t["percent"]) for t in v["dashboard"]["tasks"]} == ledger
    assert {t["code"]: (t["status"], t["percent"]) for t in v["monthly"]["tasks"]} == ledger
    assert {t["code"]: (t["status"], t["percent"]) for t in v["annual"]["tasks"]} == ledger
    # warnings are per task and lead unit: the row of the unit whose report is current
    warned = {(w["task"], w["department"]): (w["status"], w["percent"]) for w in v["quarterly"]["warnings"]}
    for code, figure in ledger.items():
        if reporter[code] is not None:
            assert warned[(code, reporter[code])] == figure, code
        else:   # no lead unit (or no member of a lead group) reported: every lead row says no data
            rows = [v for (task, _unit), v in warned.items() if task == code]
            assert all(v == ("no_data", None) for v in rows) and figure == ("no_data", None), code
    # the same section figures on the dashboard and in the bulletin
    dash = {s["number"] + s["title"]: s for s in v["dashboard"]["sections"] if s["tasks"]}
    for s in v["monthly"]["sections"]:
        d = dash[s["title"]]
        assert (s["tasks"], s["completed"], s["in_progress"], s["delayed"], s["no_data"], s["mean_percent"]) == \
               (d["tasks"], d["completed"], d["in_progress"], d["delayed"], d["no_data"], d["mean_percent"])
    assert v["monthly"]["overall"]["mean_percent"] == v["dashboard"]["overall"]["mean_percent"]
    return ledger


def test_demo_the_issue_numbers_agree_now(demo_db_file: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, db)
    v = views(capsys, db, 1, "2025-09", "2025Q3", 2025)
    tasks = assert_one_truth(v)
    # task 1.3: the ledger said "delayed 37 %" (区经委, a cooperating unit, 2025-09); the lead's
    # latest report is "in progress 46 %" (2025-08), as the bulletin and the warnings said
    assert tasks["1.3"] == ("in_progress", 46.0)
    ledger_13 = next(t for t in v["ledger"]["tasks"] if t["code"] == "1.3")
    assert ledger_13["period"] == "2025-08" and ledger_13["reporter"] == ledger_13["lead"]["code"]
    assert any(r["department"] == "EC" and r["status"] == "delayed" and r["percent"] == 37.0
               for r in ledger_13["cooperating_reports"])           # shown beside it, not instead
    # section (一): the dashboard said 62.3 %, the bulletin 70.7 %
    one = next(s for s in v["dashboard"]["sections"] if s["number"] == "（一）")
    assert one["mean_percent"] == 70.7
    assert next(s for s in v["monthly"]["sections"] if s["title"].startswith("（一）"))["mean_percent"] == 70.7


@pytest.fixture
def new_plan(tmp_path: Path, capsys) -> tuple[Path, int]:
    """A small plan imported through the CLI, with 2025's periods, as of 2025-10-20."""
    db = tmp_path / "new.sqlite"
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    assert main(["--db", str(db), "plan", "import", str(source)]) == 0
    capsys.readouterr()
    plan = cli_json(capsys, db, "plan", "list", "--json")[-1]["id"]
    cli_json(capsys, db, "period", "list", "--year", "2025", "--plan", str(plan), "--json")
    conn = open_database(db)
    meta_set(conn, "demo_today", "2025-10-20")
    conn.close()
    return db, plan


def _report(db: Path, plan: int, task: str, dept: str, period: str, status: str, percent: float,
            received: dt.datetime) -> None:
    conn = open_database(db)
    try:
        task_id = conn.execute("SELECT id FROM task WHERE plan_id = ? AND code = ?", [plan, task]).fetchone()[0]
        period_id = conn.execute("SELECT id FROM period WHERE plan_id = ? AND code = ?", [plan, period]).fetchone()[0]
        dept_id = departments.id_for_code(conn, dept)
        with write_tx(conn):
            progress.add_entry(conn, task_id, dept_id, period_id, progress.Entry(status=status, percent=percent),
                               received_at=received)
    finally:
        conn.close()


def test_new_plan_with_a_few_reports_agrees_everywhere(new_plan, capsys) -> None:
    db, plan = new_plan
    shown = cli_json(capsys, db, "plan", "show", str(plan), "--json")
    leads = {t["code"]: t["lead"]["code"] for t in shown["tasks"]}
    coops = {t["code"]: [c["code"] for c in t["cooperating"]] for t in shown["tasks"]}
    first, second, third = [t["code"] for t in shown["tasks"]]
    # the lead of the first task reports August; a cooperating unit reports September (newer)
    _report(db, plan, first, leads[first], "2025-08", "in_progress", 40, dt.datetime(2025, 9, 5, 9))
    _report(db, plan, first, coops[first][0], "2025-09", "delayed", 30, dt.datetime(2025, 10, 8, 9))
    # only a cooperating unit reports the second task, as completed: the task stays "no data"
    _report(db, plan, second, coops[second][0], "2025-09", "completed", 100, dt.datetime(2025, 10, 8, 9))
    v = views(capsys, db, plan, "2025-09", "2025Q3", 2025)
    tasks = assert_one_truth(v)
    assert tasks[first] == ("in_progress", 40.0)
    assert tasks[second] == ("no_data", None) and tasks[third] == ("no_data", None)
    assert v["monthly"]["overall"]["completed"] == 0 and v["dashboard"]["overall"]["completed"] == 0


def test_new_plan_without_reports_ranks_and_grades_nobody_above_no_data(new_plan, capsys) -> None:
    db, plan = new_plan
    conn = open_database(db)
    try:
        scores = run_assessment.compute(conn, plan, 2025)
        units = [d.department.code for d in scores.departments]
        run_assessment.set_evaluation(conn, plan, 2025, units[0], 7)   # made a silent unit 优秀 before
    finally:
        conn.close()
    annual = cli_json(capsys, db, "figures", "annual", "--year", "2025", "--plan", str(plan))
    assert annual["rows"]
    lowest = "fail"
    for row in annual["rows"]:
        assert "no_report" in row["flags"] and row["grade"] == lowest, row
        assert row["progress"] == 0.0                                   # no data is not on track
    totals = [r["total"] for r in annual["rows"]]
    for row in annual["rows"]:                                          # equal totals share a rank
        assert row["rank"] == 1 + sum(1 for t in totals if t > row["total"])
    assert len({r["rank"] for r in annual["rows"]}) < len(annual["rows"])   # some share one
    assert all(t["status"] == "no_data" for t in annual["tasks"])


def test_report_json_carries_the_figures_it_prints(demo_db_file: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, db)
    built = cli_json(capsys, db, "report", "department", "--dept", "DRC", "--period", "2025-09",
                     "--out", str(tmp_path / "drc.pdf"), "--json")
    alone = cli_json(capsys, db, "figures", "department", "--dept", "DRC", "--period", "2025-09")
    assert built["figures"] == alone and built["pages"] >= 1
    roles = {t["role"] for t in alone["tasks"]}
    assert roles == {"lead", "cooperating"}
    # a department's own sheet shows its own entry; for its lead tasks that is the task's current one
    ledger = {t["code"]: (t["status"], t["percent"]) for t in
              cli_json(capsys, db, "plan", "show", "1", "--json")["tasks"]}
    for t in alone["tasks"]:
        if t["role"] == "lead":
            assert (t["status"], t["percent"]) == ledger[t["code"]], t["code"]
    assert main(["--db", str(db), "figures", "monthly"]) != 0          # no --period: a usage error
    assert "--period" in capsys.readouterr().err


def test_the_printed_bulletin_shows_the_dashboards_section_figures(demo_db_file: Path, tmp_path: Path,
                                                                    capsys) -> None:
    from desktop_app.reports.common import num

    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, db)
    dash = cli_json(capsys, db, "dashboard", "--json")
    pdf = tmp_path / "monthly.pdf"
    cli_json(capsys, db, "report", "monthly", "--period", "2025-09", "--out", str(pdf), "--json")
    text = pdftools.layout_text(pdf)
    printed = [float(x) for x in re.findall(r"(\d+(?:\.\d)?)%\s*$", text, flags=re.M)]
    for s in dash["sections"]:
        if s["tasks"] and s["direct_tasks"]:       # the sections the bulletin lists
            assert s["mean_percent"] in printed, (s["number"], s["mean_percent"])
    assert f"{num(dash['overall']['mean_percent'], 1)}%" in text.replace("\n", "")


def test_monthly_report_json_gives_the_counts_and_red_tasks_the_bulletin_prints(demo_db_file: Path, tmp_path: Path,
                                                                               capsys) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, db)
    out = tmp_path / "monthly.pdf"
    built = cli_json(capsys, db, "report", "monthly", "--period", "2025-09", "--out", str(out), "--json")
    figures = built["figures"]
    assert figures == cli_json(capsys, db, "figures", "monthly", "--period", "2025-09")
    red, behind, overall = figures["red"], figures["behind"], figures["overall"]
    assert red and set(red) <= set(behind)
    flat = re.sub(r"\s+", "", pdftools.text(out, raw=True))
    assert f"任务共{len(behind)}项" in flat and f"其中红色任务{len(red)}项" in flat
    assert f"重点任务{overall['tasks']}项，其中已完成{overall['completed']}项" in flat
    for code in red:                                   # each red task has its own heading: （一）code title
        assert re.search(rf"（[一二三四五六七八九十]+）{re.escape(code)}", flat), code
