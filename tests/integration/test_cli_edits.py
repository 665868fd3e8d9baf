"""Everything the window edits, a script can edit: task, department, holiday, period, backup commands
through ``peakdesk`` (the CLI's main), each audited and with the same checks as the window."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store import audit
from desktop_app.store.db import open_database


def run(capsys, *argv):
    code = main(["--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo(demo_db_file: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_file, target)
    return str(target)


def _audit(path: str, entity: str) -> list[dict]:
    db = open_database(Path(path))
    try:
        return audit.entries(db, entity)
    finally:
        db.close()


def test_task_edit(demo, capsys):
    code, out, _ = run(capsys, "--db", demo, "task", "edit", "1.3", "--title", "新标题", "--due", "2026-06-30",
                       "--lead", "EC", "--cooperating", "DRC,PNRB", "--target", "光伏装机:at_least:20:万千瓦:2025",
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["title"] == "新标题" and data["due"] == "2026-06-30"
    assert data["lead"] == "EC" and data["cooperating"] == ["DRC", "PNRB"] and data["targets"] == 1
    assert {e["action"] for e in _audit(demo, "task")} >= {"update", "assign", "targets"}
    code, _, err = run(capsys, "--db", demo, "task", "edit", "1.3", "--title", " ")
    assert code == 1 and "Chinese title" in err
    code, _, err = run(capsys, "--db", demo, "task", "edit", "9.9.9", "--title", "x")
    assert code == 2 and "9.9.9" in err
    code, _, err = run(capsys, "--db", demo, "task", "edit", "1.3")
    assert code == 2 and "Nothing to change" in err


def test_department_add_edit_merge(demo, capsys):
    assert run(capsys, "--db", demo, "dept", "add", "X1", "--name", "测试局", "--alias", "测试局旧称",
               "--alias", "Test Bureau:en")[0] == 0
    assert run(capsys, "--db", demo, "dept", "edit", "X1", "--phone", "021-1234")[0] == 0
    code, out, _ = run(capsys, "--db", demo, "dept", "list", "--json")
    x1 = next(d for d in json.loads(out) if d["code"] == "X1")
    assert x1["contact_phone"] == "021-1234" and len(x1["aliases"]) == 2
    code, out, err = run(capsys, "--db", demo, "dept", "merge", "X1", "DRC")
    assert code == 0 and "X1" in out and "merge_departments" in err       # the backup it made first
    code, out, _ = run(capsys, "--db", demo, "dept", "list", "--json")
    assert all(d["code"] != "X1" for d in json.loads(out))


def test_holidays_and_periods(demo, capsys):
    assert run(capsys, "--db", demo, "holiday", "set", "2025-12-31", "--name", "Office closure")[0] == 0
    code, out, _ = run(capsys, "--db", demo, "holiday", "list", "--year", "2025", "--json")
    assert {"date": "2025-12-31", "kind": "holiday", "name": "Office closure"} in json.loads(out)
    assert run(capsys, "--db", demo, "holiday", "remove", "2025-12-31")[0] == 0
    assert [e["action"] for e in _audit(demo, "holiday")] == ["holiday.remove", "holiday.set"]
    code, out, _ = run(capsys, "--db", demo, "period", "create", "2026-01")
    assert code == 0 and "created" in out
    assert run(capsys, "--db", demo, "period", "due", "2026-01", "2026-02-20")[0] == 0
    code, out, _ = run(capsys, "--db", demo, "period", "list", "--json")
    assert next(p for p in json.loads(out) if p["code"] == "2026-01")["due"] == "2026-02-20"
    code, _, err = run(capsys, "--db", demo, "period", "due", "2026-01", "2026-01-15")
    assert code == 2 and "before the period ends" in err
    assert run(capsys, "--db", demo, "period", "close", "2026-01", "--reason", "year end")[0] == 0


def test_backups(demo, capsys):
    assert run(capsys, "--db", demo, "backup", "keep", "2")[0] == 0
    for _ in range(3):
        assert run(capsys, "--db", demo, "backup", "create")[0] == 0
    code, out, _ = run(capsys, "--db", demo, "backup", "list", "--json")
    made = json.loads(out)
    assert len(made) == 2                                    # the database's keep-N, not a window setting
    assert run(capsys, "--db", demo, "dept", "add", "X2", "--name", "后加单位")[0] == 0
    code, out, _ = run(capsys, "--db", demo, "backup", "restore", made[0]["file"])
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "--db", demo, "dept", "list", "--json")
    assert all(d["code"] != "X2" for d in json.loads(out))
