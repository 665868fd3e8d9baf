"""Plan import end to end on the project's own fixtures: preview, commit, re-import, translation, CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.errors import InputRejected
from desktop_app.services import import_plan
from desktop_app.store import departments, ledger

ZH = """某区碳达峰实施方案
一、主要目标
到2025年，非化石能源占比达到20%左右。
二、重点任务
（一）能源
1.发展光伏。“十四五”期间新增光伏29.4万千瓦。（责任单位：区发展改革委、区经委、区建管委等相关职能部门，各街镇）
2.建设加氢站。到2025年建成加氢站6座。（责任单位：区经委、安亭镇）
（二）节能
1.数据中心节能。新建数据中心PUE不高于1.3。（区科委牵头，某某新设办公室按职责分工负责）
"""
EN = """Sample District Carbon Peak Plan
I. Main objectives
By 2025, non-fossil energy will reach about 20%.
Ii. Key tasks
1. Energy
1. Develop photovoltaics. Add 294,000 kilowatts during the 14th Five-Year Plan period. (Responsible units: District Development and Reform Commission, District Economic Committee, District Construction Management Commission and other relevant functional departments, each street and town)
2. Build hydrogen stations. Build 6 hydrogen refueling stations by 2025. (Responsible units: District Economic Commission, Anting Town)
2. Energy saving
1. Data centres. The PUE of new data centers shall be no higher than 1.3. (Responsible units: District Science and Technology Commission, Newly Set Up Office)
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def counts(db) -> dict[str, int]:  # noqa: ANN001
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("plan", "plan_source", "section", "task", "target", "assignment", "department", "department_alias")}


def test_preview_writes_nothing_and_commit_writes_everything(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = write(tmp_path, "zh.txt", ZH, "gb18030")
    before = counts(db)
    pv = import_plan.preview(db, path)
    assert counts(db) == before
    assert [t.code for t in pv.draft.tasks] == ["1.1", "1.2", "2.1"]
    assert pv.draft.tasks[0].lead and pv.draft.tasks[0].lead.code == "DRC"
    assert any(w.kind == "unknown_department" and "某某新设办公室" in w.message for w in pv.warnings)
    result = import_plan.commit(db, pv)
    assert result.created
    rows = ledger.ledger_rows(db, result.plan_id)
    assert [r.code for r in rows] == ["1.1", "1.2", "2.1"]
    assert rows[0].lead and rows[0].lead.code == "DRC"
    assert [d.code for d in rows[0].cooperating] == ["EC", "CMC", "REL-FUNC", "ALL-STREETS"]
    new = departments.find(db, "某某新设办公室")
    assert new is not None and new.to_check          # unknown: kept, flagged, never dropped
    assert db.execute("SELECT count(*) FROM target WHERE task_id IS NULL").fetchone()[0] == 1


def test_reimport_same_file_is_an_update_with_diff(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = write(tmp_path, "zh.txt", ZH)
    first = import_plan.commit(db, import_plan.preview(db, path))
    again = import_plan.preview(db, path)
    assert again.existing_plan_id == first.plan_id and again.match == "sha256"
    assert again.diff is not None and again.diff.empty
    # the document changes: one task edited, one added, one removed
    changed = ZH.replace("建成加氢站6座", "建成加氢站8座").replace(
        "1.数据中心节能。新建数据中心PUE不高于1.3。（区科委牵头，某某新设办公室按职责分工负责）",
        "1.推广绿色建筑。新增超低能耗建筑20万平方米。（责任单位：区建管委）")
    changed += "（三）交通\n1.推广新能源车。到2025年新能源公交占比达到96%。（责任单位：区交通委）\n"
    path.write_text(changed, encoding="utf-8")
    pv = import_plan.preview(db, path)
    assert pv.existing_plan_id == first.plan_id and pv.match == "file_name"
    kinds = {c.code: c.kind for c in pv.diff.changes}  # type: ignore[union-attr]
    assert kinds == {"1.2": "changed", "2.1": "changed", "3.1": "added"}
    result = import_plan.commit(db, pv)
    assert not result.created and result.plan_id == first.plan_id
    assert db.execute("SELECT count(*) FROM plan").fetchone()[0] == 1
    rows = {r.code: r for r in ledger.ledger_rows(db, first.plan_id)}
    assert rows["1.2"].targets[0].value == 8 and rows["2.1"].lead.code == "CMC"  # type: ignore[union-attr]
    assert rows["3.1"].title_zh == "推广新能源车"


def test_english_translation_aligns_tasks_and_units(db, tmp_path: Path) -> None:  # noqa: ANN001
    zh = import_plan.commit(db, import_plan.preview(db, write(tmp_path, "zh.txt", ZH)))
    pv = import_plan.preview(db, write(tmp_path, "en.txt", EN), translation_of=zh.plan_id)
    assert pv.aligned and len(pv.aligned) == 3
    result = import_plan.commit(db, pv)
    assert result.translated_tasks == 3
    assert db.execute("SELECT count(*) FROM task").fetchone()[0] == 3            # no second set of tasks
    assert db.execute("SELECT translation_of FROM plan WHERE id = ?", [result.plan_id]).fetchone()[0] == zh.plan_id
    title_en = db.execute("SELECT title_en FROM task WHERE plan_id = ? AND code = '1.1'", [zh.plan_id]).fetchone()[0]
    assert title_en == "Develop photovoltaics"
    # an unknown English name learns the Chinese department through the alignment
    assert departments.find(db, "Newly Set Up Office").code == departments.find(db, "某某新设办公室").code  # type: ignore[union-attr]
    assert departments.find(db, "Anting Town").code == departments.find(db, "安亭镇").code  # type: ignore[union-attr]


def test_bad_input_writes_nothing(db, tmp_path: Path) -> None:  # noqa: ANN001
    import_plan.commit(db, import_plan.preview(db, write(tmp_path, "zh.txt", ZH)))
    before = counts(db)
    bad = [write(tmp_path, "plain.txt", "只是一段文字，没有编号。\n第二段。\n"),
           tmp_path / "garbage.bin", tmp_path / "empty.txt", write(tmp_path, "fake.docx", "not word")]
    bad[1].write_bytes(bytes(range(256)) * 10)
    bad[2].write_bytes(b"")
    for path in bad:
        with pytest.raises(InputRejected) as exc:
            import_plan.commit(db, import_plan.preview(db, path))
        assert path.name in str(exc.value)
    assert counts(db) == before


def test_failure_during_commit_rolls_back(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    pv = import_plan.preview(db, write(tmp_path, "zh.txt", ZH))
    before = counts(db)

    def boom(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(ledger, "insert_target", boom)
    with pytest.raises(sqlite3.OperationalError):
        import_plan.commit(db, pv)
    assert counts(db) == before


def run_cli(db_path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_shape_dry_run_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dbp = tmp_path / "cli.sqlite"
    path = write(tmp_path, "zh.txt", ZH)
    code, out, _ = run_cli(dbp, "plan", "import", str(path), "--dry-run", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"plan_id", "title", "sections", "tasks", "objectives", "warnings"}
    assert data["plan_id"] is None and data["sections"] == 2
    task = data["tasks"][0]
    assert set(task) == {"code", "section", "title", "text", "lead", "cooperating", "targets", "joint", "due"}
    assert task["lead"] == {"code": "DRC", "name": "区发展改革委", "name_zh": "区发展改革委",
                            "name_en": "District Development and Reform Commission", "registry_zh": "区发展改革委"}
    assert task["targets"][0] == {"value": 29.4, "unit": "万千瓦", "year": 2025, "direction": "at_least",
                                  "text": "“十四五”期间新增光伏29.4万千瓦"}
    assert data["objectives"][0]["value"] == 20
    code, out, _ = run_cli(dbp, "plan", "list", "--json", capsys=capsys)
    assert json.loads(out) == []                                   # dry run wrote nothing
    code, out, _ = run_cli(dbp, "plan", "import", str(path), "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["plan_id"] == 1
    code, out, err = run_cli(dbp, "plan", "import", str(write(tmp_path, "x.txt", "无结构文字\n")), capsys=capsys)
    assert code == 1 and "x.txt" in err
    code, out, err = run_cli(dbp, "plan", "import", str(path), "--translation-of", "99", capsys=capsys)
    assert code == 2 and "99" in err
    with pytest.raises(SystemExit) as exc:
        cli.main(["--db", str(dbp), "plan", "import"])
    assert exc.value.code == 2


def test_same_plan_as_text_then_as_table_is_offered_as_an_update(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """Issue 16: the same plan under another name or format is recognised by its tasks, not duplicated."""
    import openpyxl

    dbp = tmp_path / "p.sqlite"
    text = tmp_path / "方案.txt"
    text.write_text("某县节能工作方案\n一、重点任务\n"
                    "1.推广屋顶光伏建设。新增装机2万千瓦。（牵头单位：县发改局；配合单位：县住建局）\n"
                    "2.淘汰燃煤锅炉改造。淘汰锅炉10台。（牵头单位：县生态环境分局）\n"
                    "3.推进重点企业节能诊断。诊断企业30家。（牵头单位：县工信局）\n", encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某县节能工作方案任务分工表"])
    ws.append(["序号", "重点任务", "工作措施", "牵头单位", "配合单位"])
    ws.append(["1", "推广屋顶光伏建设", "新增装机2万千瓦。", "县发改局", "县住建局"])
    ws.append(["2", "淘汰燃煤锅炉改造", "淘汰锅炉10台。", "县生态环境分局", ""])
    ws.append(["3", "推进重点企业节能诊断", "诊断企业30家。", "县工信局", ""])
    table = tmp_path / "分工表.xlsx"
    wb.save(table)
    code, out, _ = run_cli(dbp, "plan", "import", str(text), "--json", capsys=capsys)
    first = json.loads(out)["plan_id"]
    code, out, _ = run_cli(dbp, "plan", "import", str(table), "--json", capsys=capsys)
    data = json.loads(out)
    assert code == 0 and data["update_of"] == first and data["update_match"] == "content"
    code, out, _ = run_cli(dbp, "plan", "list", "--json", capsys=capsys)
    assert len(json.loads(out)) == 1                                   # no silent second plan
    code, out, _ = run_cli(dbp, "--lang", "en", "plan", "import", str(table), capsys=capsys)
    assert f"Recognised as plan {first}" in out and "--as-new" in out    # the CLI says so
    code, out, _ = run_cli(dbp, "plan", "import", str(table), "--as-new", "--json", capsys=capsys)
    assert json.loads(out)["plan_id"] != first


def test_units_keep_the_names_the_plan_writes_in_a_jiading_registry(demo_db, tmp_path: Path) -> None:  # noqa: ANN001
    """Issue 16: another locality's units are never renamed into Jiading's departments, nor given a 区."""
    doc = tmp_path / "other.txt"
    doc.write_text("某市节能方案\n一、重点任务\n"
                   "1.推进工业节能。完成技改20项。（牵头单位：市工业和信息化局；配合单位：市水利局、市住建局）\n"
                   "2.推进园区循环化改造。改造园区3个。（牵头单位：发展改革委；配合单位：工信局、区发改委）\n",
                   encoding="utf-8")
    before = {r[0] for r in demo_db.execute("SELECT name_zh FROM department").fetchall()}
    pv = import_plan.preview(demo_db, doc)
    shown = [[u.name_zh for u in ([t.lead] if t.lead else []) + t.cooperating] for t in pv.draft.tasks]
    assert shown == [["市工业和信息化局", "市水利局", "市住建局"], ["发展改革委", "工信局", "区发改委"]]
    proposed = [w for w in pv.draft.warnings if w.kind == "unit_match_proposed"]
    assert [w.data["name"] for w in proposed] == ["区发改委"]            # same level, other spelling: proposed only
    result = import_plan.commit(demo_db, pv)
    rows = ledger.ledger_rows(demo_db, result.plan_id)
    names = [[r.lead.name_zh] + [d.name_zh for d in r.cooperating] for r in rows]
    assert names == shown
    after = {r[0] for r in demo_db.execute("SELECT name_zh FROM department").fetchall()}
    assert {"市工业和信息化局", "市水利局", "市住建局", "发展改革委", "工信局", "区发改委"} <= after - before
    assert not (after - before) & {"区经委", "区水务局", "区建管委", "区发展改革委"}


def test_cli_maps_an_unknown_table_column(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "重点任务", "经办科室", "配合单位"])
    ws.append(["1", "推进光伏开发。", "市发改委", "市财政局"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    dbp = tmp_path / "p.sqlite"
    code, out, _ = run_cli(dbp, "plan", "import", str(path), "--dry-run", "--json", capsys=capsys)
    data = json.loads(out)
    assert any(w["kind"] == "unmapped_column" and "经办科室" in w["message"] for w in data["warnings"])
    assert data["tasks"][0]["lead"]["name"] == "市财政局"
    code, out, _ = run_cli(dbp, "plan", "import", str(path), "--dry-run", "--json", "--column", "经办科室=lead",
                           capsys=capsys)
    task = json.loads(out)["tasks"][0]
    assert task["lead"]["name"] == "市发改委" and [c["name"] for c in task["cooperating"]] == ["市财政局"]
    code, _, err = run_cli(dbp, "plan", "import", str(path), "--column", "经办科室=boss", capsys=capsys)
    assert code == 2 and "HEADER=KIND" in err
