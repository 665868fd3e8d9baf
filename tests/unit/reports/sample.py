"""Report data built in code (no database): a plausible district with N departments and M tasks."""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.domain.models import DeptRef, Role, Status
from desktop_app.reports.data import (
    GRADES,
    Adjustment,
    AnnualReportData,
    AssessmentRow,
    Bilingual,
    DepartmentDetail,
    DepartmentSheetData,
    LedgerData,
    MonthlyBulletinData,
    QuarterlyCircularData,
    ReportingRecord,
    ReportMeta,
    SectionProgress,
    SubmissionRow,
    TaskLine,
    WarningItem,
)

ZH_DEPTS = ["区发展改革委", "区经委", "区生态环境局", "区住房城乡建设管理委", "区交通委", "区规划资源局",
            "区财政局", "区科委", "区农业农村委", "区商务委", "区国资委", "区统计局", "区市场监管局",
            "区绿化市容局", "区水务局", "区教育局", "区机管局", "区城投集团", "嘉定工业区", "南翔镇"]
EN_DEPTS = ["District Development and Reform Commission", "District Economic Commission",
            "District Ecology and Environment Bureau", "District Housing and Construction Commission",
            "District Transport Commission", "District Planning and Natural Resources Bureau",
            "District Finance Bureau", "District Science and Technology Commission",
            "District Agriculture and Rural Affairs Commission", "District Commerce Commission",
            "District State-owned Assets Commission", "District Statistics Bureau",
            "District Market Supervision Bureau", "District Greening and City Appearance Bureau",
            "District Water Affairs Bureau", "District Education Bureau", "District Government Offices Bureau",
            "District Urban Investment Group", "Jiading Industrial Zone", "Nanxiang Town"]
SECTIONS = [("（一）", "能源绿色低碳转型行动", "Green and low-carbon energy transition"),
            ("（二）", "节能降碳增效行动", "Energy saving and carbon reduction"),
            ("（三）", "工业领域碳达峰行动", "Carbon peaking in industry"),
            ("（四）", "城乡建设碳达峰行动", "Carbon peaking in urban and rural construction"),
            ("（五）", "交通运输绿色低碳行动", "Green and low-carbon transport"),
            ("（六）", "循环经济助力降碳行动", "Circular economy for carbon reduction")]
TASK_WORDS = ["推进光伏发电规模化应用，", "实施重点用能单位节能降碳改造，", "推广新能源汽车和充换电设施，",
              "开展既有公共建筑节能改造，", "建设“无废城市”，推动资源循环利用，", "加快淘汰落后产能；"]

META = ReportMeta(plan_title=Bilingual("嘉定区碳达峰实施方案", "Jiading District Carbon Peaking Implementation Plan"),
                  issuer=Bilingual("嘉定区碳达峰碳中和工作领导小组办公室",
                                   "Jiading Carbon Peaking and Carbon Neutrality Leading Group Office"),
                  date=dt.date(2025, 10, 20), doc_number="嘉碳办〔2025〕3号",
                  region=Bilingual("嘉定区", "Jiading District"))


def departments(n: int) -> list[DeptRef]:
    out = []
    for i in range(n):
        zh = ZH_DEPTS[i % len(ZH_DEPTS)] + ("" if i < len(ZH_DEPTS) else f"{i // len(ZH_DEPTS) + 1}分部")
        en = EN_DEPTS[i % len(EN_DEPTS)] + ("" if i < len(EN_DEPTS) else f" Branch {i // len(EN_DEPTS) + 1}")
        out.append(DeptRef(f"D{i + 1:02d}", zh, en))
    return out


def tasks(n: int, depts: list[DeptRef], rng: random.Random) -> list[TaskLine]:
    out = []
    for i in range(n):
        sec = SECTIONS[i % len(SECTIONS)]
        words = "".join(rng.sample(TASK_WORDS, 3))
        status = rng.choice([Status.IN_PROGRESS, Status.IN_PROGRESS, Status.COMPLETED, Status.DELAYED,
                             Status.NOT_STARTED, None])
        percent = None if status is None else (100.0 if status is Status.COMPLETED else float(rng.randint(0, 95)))
        lead = depts[i % len(depts)]
        coop = [depts[(i * 7 + k) % len(depts)] for k in (1, 2) if depts[(i * 7 + k) % len(depts)] != lead]
        out.append(TaskLine(
            code=f"{i % len(SECTIONS) + 1}.{i // len(SECTIONS) + 1}", title=Bilingual(
                f"任务{i + 1}：{words}到2025年完成既定目标", f"Task {i + 1}: energy transition measure, "
                f"retrofit and recycling programme to meet the 2025 target"),
            section=Bilingual(sec[1], sec[2]), lead=[lead], cooperating=coop,
            targets=[f"光伏装机容量达到{20 + i}万千瓦"], units=["万千瓦"], target_values=[str(20 + i)],
            start=dt.date(2022, 1, 1), due=dt.date(2025, 12, 31), period="2025-09", status=status,
            percent=percent, expected=75.0, indicator=None,
            narrative="=1+1 按计划推进，已完成阶段性任务。" if i == 0 else "按计划推进，已完成阶段性任务。",
            problems="资金到位较慢" if status is Status.DELAYED else ""))
    return out


def monthly(n_depts: int = 12, n_tasks: int = 40, seed: int = 1) -> MonthlyBulletinData:
    rng = random.Random(seed)
    depts = departments(n_depts)
    ts = tasks(n_tasks, depts, rng)
    subs = []
    for i, d in enumerate(depts):
        state = ["on_time", "on_time", "late", "missing"][i % 4]
        subs.append(SubmissionRow(d, state, None if state == "missing" else dt.datetime(2025, 10, 9 + i % 5, 10, 30),
                                  tasks=sum(1 for t in ts if d in t.lead or d in t.cooperating)))
    sections = []
    for num, zh, en in SECTIONS:
        mine = [t for t in ts if t.section.zh == zh]
        sections.append(SectionProgress(num, Bilingual(zh, en), len(mine),
                                        completed=sum(t.status is Status.COMPLETED for t in mine),
                                        in_progress=sum(t.status is Status.IN_PROGRESS for t in mine),
                                        delayed=sum(t.status is Status.DELAYED for t in mine),
                                        unreported=sum(t.status is None for t in mine),
                                        mean_percent=sum(t.percent or 0 for t in mine) / max(1, len(mine))))
    behind = sorted([t for t in ts if t.status is Status.DELAYED or (t.behind_by or 0) >= 15],
                    key=lambda t: -(t.behind_by or 0))
    return MonthlyBulletinData(META, "2025-09", dt.date(2025, 9, 1), dt.date(2025, 9, 30), dt.date(2025, 10, 14),
                               subs, sections, behind, tasks_total=len(ts),
                               completed=sum(t.status is Status.COMPLETED for t in ts),
                               in_progress=sum(t.status is Status.IN_PROGRESS for t in ts),
                               delayed=sum(t.status is Status.DELAYED for t in ts),
                               mean_percent=sum(t.percent or 0 for t in ts) / max(1, len(ts)))


def warnings(depts: list[DeptRef], ts: list[TaskLine], rng: random.Random) -> list[WarningItem]:
    out = []
    for t in ts:
        level = rng.choice(["red", "yellow", "green", "green", "green"])
        rule, reason = {
            "red": ("behind_30", Bilingual(f"进度{t.percent or 0:.0f}%，落后应达进度30个百分点以上",
                                          f"progress {t.percent or 0:.0f}%, 30+ points behind schedule")),
            "yellow": ("monthly_missing", Bilingual("本季度有月度进展未按时报送；",
                                                    "a monthly report of the quarter was late or missing")),
            "green": ("ok", Bilingual("进度正常", "on track")),
        }[level]
        out.append(WarningItem(t.code, t.title, t.lead[0], level, rule, reason, cooperating=t.cooperating,
                               acknowledged=level != "green" and rng.random() < 0.3, ack_note="已制定整改方案"))
    return out


def quarterly(n_depts: int = 12, n_tasks: int = 40, seed: int = 2) -> QuarterlyCircularData:
    rng = random.Random(seed)
    depts = departments(n_depts)
    ts = tasks(n_tasks, depts, rng)
    return QuarterlyCircularData(META, "2025Q3", dt.date(2025, 9, 30), warnings(depts, ts, rng), published=True)


def annual(n_depts: int = 12, n_tasks: int = 40, seed: int = 3) -> AnnualReportData:
    rng = random.Random(seed)
    depts = departments(n_depts)
    ts = tasks(n_tasks, depts, rng)
    ws = warnings(depts, ts, rng)
    rows, details = [], {}
    for d in depts:
        prog = round(rng.uniform(30, 60), 1)
        rep, war = float(rng.choice([20, 18, 15, 10])), float(rng.choice([10, 8, 6, 2]))
        ev = None if rng.random() < 0.1 else float(rng.randint(6, 10))
        adj = rng.choice([0.0, 0.0, 2.0, -1.5])
        total = round(prog + rep + war + (ev or 0) + adj, 1)
        rows.append(AssessmentRow(d, prog, rep, war, ev, adj, total, "pass", 0))
        details[d.code] = DepartmentDetail(
            d, tasks=[TaskLine(**{**t.__dict__, "role": Role.LEAD if d in t.lead else Role.COOPERATING})
                      for t in ts if d in t.lead or d in t.cooperating],
            reporting=[ReportingRecord(f"2025-{m:02d}", rng.choice(["on_time", "on_time", "late", "missing"]))
                       for m in range(1, 10)],
            warnings=[("2025Q3", w) for w in ws if w.department == d and w.level != "green"],
            evaluation=ev, evaluation_note="工作推进有力" if ev else "",
            adjustments=[Adjustment(adj, "获评市级绿色低碳示范项目" if adj > 0 else "信息报送质量不高")] if adj else [])
    rows.sort(key=lambda r: (-r.total, -r.progress, r.department.code))
    for i, r in enumerate(rows, 1):
        r.rank = i
        r.grade = GRADES[0] if r.total >= 90 else GRADES[1] if r.total >= 80 else GRADES[2] if r.total >= 60 else GRADES[3]
    return AnnualReportData(META, 2025, dt.date(2025, 10, 20), rows, details, locked=False)


def department_sheet(seed: int = 4) -> DepartmentSheetData:
    rng = random.Random(seed)
    depts = departments(12)
    ts = tasks(40, depts, rng)
    d = depts[0]
    mine = [TaskLine(**{**t.__dict__, "role": Role.LEAD if d in t.lead else Role.COOPERATING})
            for t in ts if d in t.lead or d in t.cooperating]
    return DepartmentSheetData(META, d, "2025-09", mine, contact_person="张三", contact_phone="021-59990000")


def ledger(n_tasks: int = 40, seed: int = 5) -> LedgerData:
    rng = random.Random(seed)
    return LedgerData(META, "2025-09", tasks(n_tasks, departments(12), rng))
