"""The dashboard shows the services' figures — the same as ``peakdesk dashboard --json`` and the
monthly bulletin (section (一) of the demo: 70.7 %, where the page computed 62.3 % by itself)."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.ui.dashboard_view import gather
from tests.gui.page_harness import plan_id

pytestmark = pytest.mark.gui


def test_dashboard_snapshot_equals_the_cli_figures(demo_db, capsys) -> None:
    pid = plan_id(demo_db)
    snap = gather(demo_db, pid)
    path = demo_db.execute("PRAGMA database_list").fetchone()[2]
    assert main(["--db", path, "dashboard", "--json", "--plan", str(pid)]) == 0
    figures = json.loads(capsys.readouterr().out)
    by_id = {s["section_id"]: s for s in figures["sections"]}
    shown = [(s, by_id[s.section_id]) for top in snap.sections for s in (top, *top.children)]
    assert len(shown) == 13
    for node, fig in shown:
        assert (node.tasks, node.completed, node.mean_percent) == (fig["tasks"], fig["completed"], fig["mean_percent"])
    one = next(s for s, _f in shown if s.number == "（一）")
    assert one.mean_percent == 70.7
    assert snap.counts == figures["warnings"]["counts"] and snap.quarter == figures["warnings"]["quarter"]
    assert [(t, d) for t, d, _title, _name in snap.red] == [(r["task"], r["department"])
                                                            for r in figures["warnings"]["red"]]
    assert (snap.period, snap.expected, snap.received, snap.late) == (
        figures["submissions"]["period"], figures["submissions"]["expected"], figures["submissions"]["received"],
        figures["submissions"]["late"])
