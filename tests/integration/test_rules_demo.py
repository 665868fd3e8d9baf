"""Early warning and assessment on the demo database, through the services and the CLI."""

import json

from desktop_app.cli import main
from desktop_app.domain.scoring import COMPONENTS
from desktop_app.services import compute_warnings as cw
from desktop_app.services import run_assessment as ra
from desktop_app.services.demo import DEMO_TODAY
from desktop_app.store.db import db_path


def _plan(db) -> int:
    return db.execute("SELECT id FROM plan ORDER BY id LIMIT 1").fetchone()[0]


def test_demo_2025q3_has_a_plausible_mix(demo_db):
    r = cw.compute(demo_db, _plan(demo_db), "2025Q3")
    assert r.as_of == DEMO_TODAY
    counts = r.counts
    total = sum(counts.values())
    assert total >= 40 and all(counts[lv] > 0 for lv in ("green", "yellow", "red")), counts
    assert counts["red"] < total / 2 and counts["green"] > total / 10, counts
    fired = {w.rule for w in r.warnings}
    assert {"behind_red", "behind_yellow", "past_due", "completed"} <= fired, fired
    for w in r.warnings:
        assert w.reason_zh and w.reason_en and "{" not in w.reason_zh + w.reason_en


def test_demo_2025_assessment_as_of_the_demo_date(demo_db):
    r = ra.compute(demo_db, _plan(demo_db), 2025)
    assert r.as_of == DEMO_TODAY and len(r.departments) >= 20
    # competition ranks: equal (rounded) totals share a rank, the next rank skips (1, 1, 1, 4)
    for d in r.departments:
        assert d.rank == 1 + sum(1 for o in r.departments if o.total > d.total)
    for d in r.departments:
        assert 0 <= d.total <= 100
        assert set(d.scores) == set(COMPONENTS)
        assert all(c.formula_zh and c.formula_en for c in d.components.values())
    totals = [d.total for d in r.departments]
    assert totals == sorted(totals, reverse=True) and max(totals) - min(totals) > 20
    assert sum(r.distribution.values()) == len(r.departments)
    assert len({d.grade for d in r.departments}) >= 3
    assert r.distribution["excellent"] <= 0.3 * len(r.departments)


def test_cli_warnings_and_assess_json(demo_db, capsys):
    path = db_path(demo_db)
    assert main(["--db", path, "warnings", "--quarter", "2025Q3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) >= {"task", "department", "level", "rule", "reason"}
    assert {r["level"] for r in rows} == {"green", "yellow", "red"}

    red = next(r for r in rows if r["level"] == "red")
    assert main(["--db", path, "warnings", "ack", "--quarter", "2025Q3", "--task", red["task"],
                 "--dept", red["department"], "--note", "已督办"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "warnings", "publish", "--quarter", "2025Q3", "--json"]) == 0
    published = json.loads(capsys.readouterr().out)
    assert any(r["acknowledged"] and r["ack_note"] == "已督办" for r in published)
    assert main(["--db", path, "warnings", "publish", "--quarter", "2025Q3"]) == 1
    assert "already published" in capsys.readouterr().err

    assert main(["--db", path, "assess", "--year", "2025", "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores[0]) >= {"department", "scores", "total", "grade", "rank"}
    assert set(scores[0]["scores"]) == {"progress", "reporting", "warnings", "evaluation", "adjustments"}
    dept = scores[-1]["department"]
    assert main(["--db", path, "assess", "evaluate", "--year", "2025", "--dept", dept, "--score", "9"]) == 0
    assert main(["--db", path, "assess", "adjust", "--year", "2025", "--dept", dept, "--points", "2",
                 "--reason", "创新做法"]) == 0
    assert main(["--db", path, "assess", "adjust", "--year", "2025", "--dept", dept, "--points", "2"]) == 2
    capsys.readouterr()
    assert main(["--db", path, "assess", "--year", "2025", "--json"]) == 0
    after = {r["department"]: r for r in json.loads(capsys.readouterr().out)}
    assert after[dept]["scores"]["evaluation"] == 9 and after[dept]["scores"]["adjustments"] == 2
    assert main(["--db", path, "assess", "lock", "--year", "2025"]) == 0
    capsys.readouterr()
    assert main(["--db", path, "assess", "evaluate", "--year", "2025", "--dept", dept, "--score", "1"]) == 1
    assert "locked" in capsys.readouterr().err
