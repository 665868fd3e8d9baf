"""Small ledgers built with plain SQL for the reporting-cycle tests and the benchmark."""

from __future__ import annotations

import sqlite_utils

from desktop_app.store.db import write_tx

DEPARTMENTS = [
    # code, name_zh, name_en, kind, contact person, phone
    ("FGW", "区发展改革委", "District Development and Reform Commission", "functional", "王明", "021-59990001"),
    ("JW", "区经委", "District Economic Commission", "functional", "李华", "021-59990002"),
    ("JSW", "区建设管理委", "District Construction Commission", "functional", "", ""),
    ("HB", "区生态环境局", "District Ecology and Environment Bureau", "functional", "赵敏", "021-59990004"),
    ("JDZ", "嘉定镇街道", "Jiadingzhen Subdistrict", "street_town", "陈一", "13800000001"),
    ("XCL", "新成路街道", "Xinchenglu Subdistrict", "street_town", "", ""),
    ("NX", "南翔镇", "Nanxiang Town", "street_town", "周二", "13800000003"),
    ("GJZ", "各街镇", "all subdistricts and towns", "placeholder", "", ""),
]
TASKS = [
    # code, title, target (metric, value, unit, year) or None
    ("1.1", "大力发展非化石能源", ("光伏装机", 6.0, "万千瓦", 2025)),
    ("1.2", "推进煤炭消费减量替代", None),
    ("1.3", "推动既有建筑节能改造", ("节能改造面积", 30.0, "万平方米", 2025)),
    ("2.1", "推广绿色低碳生活方式", None),
    ("2.2", "完善碳排放统计核算体系", None),
    ("2.3", "开展低碳社区试点", ("试点社区", 3.0, "个", 2025)),
]
ASSIGNMENTS = [
    # task code, department code, role
    ("1.1", "FGW", "lead"), ("1.1", "JW", "cooperating"),
    ("1.2", "JW", "lead"), ("1.2", "GJZ", "cooperating"),
    ("1.3", "JSW", "lead"), ("1.3", "FGW", "cooperating"), ("1.3", "JDZ", "cooperating"),
    ("2.1", "GJZ", "lead"),
    ("2.2", "FGW", "lead"),
    ("2.3", "XCL", "lead"),
]
DEMO_TODAY = "2025-10-20"


def build_cycle_db(db: sqlite_utils.Database) -> int:
    """A plan with 6 tasks, 7 reporting departments (3 via the placeholder 各街镇), one without tasks."""
    with write_tx(db):
        plan_id = int(db.execute("INSERT INTO plan (title_zh, title_en, reporting) VALUES (?, ?, 'monthly')",
                                 ["嘉定区碳达峰实施方案", "Jiading Carbon Peak Plan"]).lastrowid or 0)
        ids = {}
        for code, zh, en, kind, person, phone in DEPARTMENTS:
            ids[code] = db.execute(
                "INSERT INTO department (code, name_zh, name_en, kind, contact_person, contact_phone) "
                "VALUES (?, ?, ?, ?, ?, ?)", [code, zh, en, kind, person, phone]).lastrowid
        for member in ("JDZ", "XCL", "NX"):
            db.execute("INSERT INTO placeholder_member VALUES (?, ?)", [ids["GJZ"], ids[member]])
        task_ids = {}
        for seq, (code, title, target) in enumerate(TASKS):
            task_ids[code] = db.execute("INSERT INTO task (plan_id, code, seq, title_zh, text_zh) VALUES (?, ?, ?, ?, ?)",
                                        [plan_id, code, seq, title, title + "。"]).lastrowid
            if target:
                db.execute("INSERT INTO target (plan_id, task_id, metric, value, unit, year) VALUES (?, ?, ?, ?, ?, ?)",
                           [plan_id, task_ids[code], *target])
        for seq, (task, dept, role) in enumerate(ASSIGNMENTS):
            db.execute("INSERT INTO assignment VALUES (?, ?, ?, ?)", [task_ids[task], ids[dept], role, seq])
        db.execute("INSERT INTO meta (key, value) VALUES ('demo_today', ?)", [DEMO_TODAY])
    return plan_id


def build_bench_db(db: sqlite_utils.Database, departments: int = 60, per_department: int = 50) -> int:
    """``departments`` departments each holding exactly ``per_department`` tasks (half lead, half cooperating)."""
    n_tasks = departments * per_department // 2
    with write_tx(db):
        plan_id = int(db.execute("INSERT INTO plan (title_zh, reporting) VALUES ('基准测试方案', 'monthly')").lastrowid or 0)
        dept_ids = [db.execute("INSERT INTO department (code, name_zh, contact_person, contact_phone) "
                               "VALUES (?, ?, ?, ?)", [f"D{i:02d}", f"测试单位{i:02d}", f"联系人{i}", f"1380000{i:04d}"]
                               ).lastrowid for i in range(departments)]
        for t in range(n_tasks):
            task_id = db.execute("INSERT INTO task (plan_id, code, seq, title_zh) VALUES (?, ?, ?, ?)",
                                 [plan_id, f"{t // 50 + 1}.{t % 50 + 1}", t,
                                  f"第{t}项任务：推进重点领域节能降碳改造，强化能耗双控管理"]).lastrowid
            db.execute("INSERT INTO target (plan_id, task_id, metric, value, unit, year) VALUES (?, ?, '指标', ?, '万吨', 2025)",
                       [plan_id, task_id, float(t % 17)])
            db.execute("INSERT INTO assignment VALUES (?, ?, 'lead', 0)", [task_id, dept_ids[t % departments]])
            db.execute("INSERT INTO assignment VALUES (?, ?, 'cooperating', 1)",
                       [task_id, dept_ids[(7 * t + 13) % departments]])
        db.execute("INSERT INTO meta (key, value) VALUES ('demo_today', ?)", [DEMO_TODAY])
    return plan_id


def db_dump(db: sqlite_utils.Database) -> str:
    """The whole database as SQL text: equal dumps, equal databases ("rejected leaves it unchanged")."""
    return "\n".join(db.conn.iterdump())


def fill_workbook(src, dst, rows: dict[int, dict[str, object]] | None = None, *, all_rows: bool = True,
                  edit: dict[str, dict[str, object]] | None = None):
    """Fill an issued workbook as a clerk would in a spreadsheet program (openpyxl load → set → save).

    ``rows``: row index (0 = first task) → {column key: value}; ``all_rows`` fills every other row with a
    plain 'in progress' entry; ``edit``: sheet name → {cell: value} for tampering (written as given).
    """
    import openpyxl

    from desktop_app.exchange.workbook import COL_LETTER, FIRST_ROW, PROGRESS_SHEET

    wb = openpyxl.load_workbook(src)
    ws = wb[PROGRESS_SHEET]
    n = 0
    while ws.cell(row=FIRST_ROW + n, column=1).value:
        n += 1
    rows = dict(rows or {})
    for i in range(n):
        values = rows.get(i, {"status": "推进中", "percent": 40 + i, "narrative": f"第{i + 1}项按计划推进"}
                         if all_rows else None)
        for key, value in (values or {}).items():
            cell = ws[f"{COL_LETTER[key]}{FIRST_ROW + i}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    for sheet, cells in (edit or {}).items():
        for ref, value in cells.items():
            wb[sheet][ref].value = value
            if isinstance(value, str):
                wb[sheet][ref].data_type = "s"
    wb.save(dst)
    return dst
