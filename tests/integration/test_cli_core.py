import json
import subprocess
import sys

import pytest

from desktop_app.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_then_plan_list_and_dept_list(tmp_path, capsys):
    db = str(tmp_path / "d.sqlite")
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0 and "40" in out
    code, out, _ = run(capsys, "--db", db, "plan", "list", "--json")
    plans = json.loads(out)
    assert code == 0 and plans[0]["tasks"] == 40 and set(plans[0]) >= {"id", "title", "tasks"}
    code, out, _ = run(capsys, "--db", db, "dept", "list", "--json")
    depts = json.loads(out)
    assert len(depts) > 20
    for d in depts:
        assert set(d) >= {"code", "name_zh", "name_en", "kind", "aliases"} and d["name_zh"] and d["name_en"]
    code, out, _ = run(capsys, "--db", db, "plan", "show", str(plans[0]["id"]), "--json")
    shown = json.loads(out)
    assert len(shown["tasks"]) == 40 and shown["tasks"][0]["lead"]["code"]
    assert all(isinstance(t["cooperating"], list) for t in shown["tasks"])


def test_demo_twice_needs_force(tmp_path, capsys):
    db = str(tmp_path / "d.sqlite")
    assert run(capsys, "--db", db, "demo")[0] == 0
    code, _, err = run(capsys, "--db", db, "demo")
    assert code == 1 and "--force" in err
    assert run(capsys, "--db", db, "demo", "--force")[0] == 0


def test_unknown_plan_is_a_clear_error(tmp_path, capsys):
    db = str(tmp_path / "d.sqlite")
    assert run(capsys, "--db", db, "init")[0] == 0
    code, _, err = run(capsys, "--db", db, "plan", "show", "7", "--json")
    assert code == 1 and "no plan 7" in err


@pytest.mark.parametrize("command", [["dashboard"], ["plan", "list"], ["report", "monthly", "--out", "m.pdf"],
                                     ["period", "list"], ["backup", "list"]])
def test_a_missing_database_is_named_not_created(command, tmp_path, capsys, monkeypatch):
    """A mistyped --db used to create an empty database and report "no plan yet", as if every record
    had gone; a command that does not create a database now names the missing file and creates nothing."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "typo.sqlite"
    code, out, err = run(capsys, "--lang", "en", "--db", str(db), *command)
    assert code != 0 and f"There is no database at {db}" in err and "init" in err
    assert not db.exists() and not list(tmp_path.glob("typo.sqlite*"))
    code, _, err = run(capsys, "--lang", "zh", "--db", str(db), *command)
    assert code != 0 and "处没有数据库" in err


def test_newer_database_exits_2(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "new.sqlite"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    code, _, err = run(capsys, "--db", str(db), "plan", "list")
    assert code == 2 and "999" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["plan", "frobnicate"])
    assert info.value.code == 2


def test_python_dash_m_entry_point(tmp_path):
    db = tmp_path / "x.sqlite"
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "init"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and db.exists()


def test_output_piped_into_a_closed_reader_is_not_a_crash(tmp_path):
    db = tmp_path / "d.sqlite"
    assert subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo"],
                          capture_output=True, timeout=120).returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "progress", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)       # like `| head`: ~1,900 lines keep being written after the reader left
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in err
