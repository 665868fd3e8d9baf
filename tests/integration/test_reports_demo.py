"""Every report and export builds from the demo database through the CLI, in both languages."""

from __future__ import annotations

import re

import openpyxl
import pytest

from desktop_app.cli import main
from tests.unit.reports import pdftools

REPORTS = [
    ("monthly", ["--period", "2025-09"]),
    ("quarterly", ["--quarter", "2025Q3"]),
    ("annual", ["--year", "2025"]),
    ("department", ["--dept", "DRC", "--period", "2025-09"]),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("kind", "args"), REPORTS)
def test_demo_report(kind, args, lang, demo_db, tmp_path, capsys):
    out = tmp_path / f"{kind}-{lang}.pdf"
    code = main(["--db", str(demo_db.conn.execute("PRAGMA database_list").fetchone()[2]), "report", kind, *args,
                 "--lang", lang, "--doc-number", "嘉碳办〔2025〕3号", "--out", str(out), "--json"])
    assert code == 0, capsys.readouterr().err
    pdftools.assert_printable(out)
    assert "〔2025〕3号" in pdftools.text(out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_annual_names_every_assessed_department(lang, demo_db, tmp_path):
    from desktop_app.services.build_report import build_pdf_report, gather_annual

    data = gather_annual(demo_db, 1, 2025)
    assert len(data.rows) >= 20 and len(data.details) == len(data.rows)
    out = tmp_path / "annual.pdf"
    build_pdf_report(demo_db, 1, "annual", out, lang, year=2025)
    flat = re.sub(r"\s+", "", pdftools.text(out))
    assert re.sub(r"\s+", "", "2025年度碳达峰目标任务考核报告" if lang == "zh"
                  else "Annual Assessment Report on Carbon Peaking Targets and Tasks, 2025") in flat
    missing = [r.department.name(lang) for r in data.rows if re.sub(r"\s+", "", r.department.name(lang)) not in flat]
    assert missing == []


def test_demo_gatherers_agree_with_the_services(demo_db):
    from desktop_app.services import compute_warnings, run_assessment
    from desktop_app.services.build_report import gather_monthly, gather_quarterly
    from desktop_app.services.submission_status import period_status

    month = gather_monthly(demo_db, 1, "2025-09")
    assert [s.status for s in month.submissions] == [d.status for d in period_status(demo_db, 1, "2025-09").departments]
    assert month.tasks_total == 40
    quarter = gather_quarterly(demo_db, 1, "2025Q3")
    assert quarter.counts() == compute_warnings.compute(demo_db, 1, "2025Q3").counts
    assert {"red", "yellow", "green"} <= set(quarter.counts())
    scores = run_assessment.compute(demo_db, 1, 2025)
    from desktop_app.services.build_report import gather_annual

    annual = gather_annual(demo_db, 1, 2025)
    assert [(r.department.code, r.total) for r in annual.rows] == \
        [(s.department.code, s.total) for s in sorted(scores.departments, key=lambda s: s.rank)]


@pytest.mark.parametrize(("kind", "args"), [("ledger", []), ("summary", ["--period", "2025-09"]),
                                            ("assessment", ["--year", "2025"])])
def test_demo_exports(kind, args, demo_db, tmp_path):
    out = tmp_path / f"{kind}.xlsx"
    db_file = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    assert main(["--db", db_file, "export", kind, *args, "--out", str(out)]) == 0
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row > 3
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s"


def test_demo_ledger_keeps_a_formula_narrative_as_text(demo_db, tmp_path):
    demo_db.execute("UPDATE progress SET narrative = '=1+1' WHERE is_current = 1 "
                    "AND task_id = (SELECT MIN(id) FROM task)")
    demo_db.conn.commit()
    db_file = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "ledger.xlsx"
    assert main(["--db", db_file, "export", "ledger", "--out", str(out)]) == 0
    cells = [c for row in openpyxl.load_workbook(out).active.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_missing_argument_is_a_usage_error(demo_db, tmp_path, capsys):
    db_file = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    assert main(["--db", db_file, "report", "monthly", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "--period" in capsys.readouterr().err
