"""Benchmark: a synthetic 1 MB plan of about 2,000 tasks imports (preview + commit) in ≤ 2 s."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.services import import_plan

UNITS = ["区发展改革委", "区经委", "区建管委", "区交通委", "区生态环境局", "区规划资源局", "区绿化市容局", "各街镇"]
CN = "一二三四五六七八九十"


def synthetic_plan(path: Path, sections: int = 40, per_section: int = 50) -> int:
    lines = ["某区碳达峰实施方案（合成）", "一、主要目标", "到2025年，非化石能源占比达到20%左右。", "二、重点任务"]
    for s in range(1, sections + 1):
        number = CN[s - 1] if s <= 10 else ("十" + CN[s - 11] if s < 20 else CN[s // 10 - 1] + "十" + (CN[s % 10 - 1] if s % 10 else ""))
        lines.append(f"（{number}）第{s}个领域的绿色低碳转型")
        for t in range(1, per_section + 1):
            units = "、".join(UNITS[(s + t + k) % len(UNITS)] for k in range(3))
            lines.append(f"{t}.推进第{s}-{t}项工作。持续推进能源结构优化，加快实施非化石能源替代，推动建立清洁低碳安全高效的"
                         f"现代能源体系和新型电力系统，到2025年，累计建成加氢站{t}座，新增光伏装机容量{s}.{t}万千瓦，"
                         f"“十四五”期间完成节能改造{t * 3}万平方米，支持全区经济社会高质量发展，形成层层负责、齐抓共管的推进机制"
                         f"和责任体系，保障碳达峰及节能减排各项任务工作落实到位。（责任单位：{units}）")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sections * per_section


@pytest.mark.bench
def test_bench_import_1mb_plan(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "synthetic.txt"
    tasks = synthetic_plan(path)
    size = path.stat().st_size
    start = time.perf_counter()
    pv = import_plan.preview(db, path)
    mid = time.perf_counter()
    result = import_plan.commit(db, pv)
    end = time.perf_counter()
    print(f"\nplan import: {size / 1e6:.2f} MB, {len(pv.draft.tasks)} tasks — preview {mid - start:.2f} s, "
          f"commit {end - mid:.2f} s, total {end - start:.2f} s (limit 2 s)")
    assert size >= 1_000_000 and len(pv.draft.tasks) == tasks
    assert db.execute("SELECT count(*) FROM task WHERE plan_id = ?", [result.plan_id]).fetchone()[0] == tasks
    assert end - start <= 2.0


LAYOUT_UNITS = ["市发展和改革局", "市工业和信息化局", "市住房和城乡建设局", "市水利局", "各县（市、区）人民政府",
                "市生态环境局", "国网某市供电公司"]


def layout_plan_lines(tasks: int) -> list[str]:
    """A plan mixing the layouts of issue 16: labelled brackets, verb forms, unit lines, numbering on across sections."""
    lines = ["某市碳达峰实施方案", "一、主要目标", "到2025年，单位地区生产总值能耗比2020年下降13.5%。", "二、重点任务"]
    for i in range(1, tasks + 1):
        if i % 10 == 1:
            s = i // 10 + 1
            number = CN[s - 1] if s <= 10 else ("十" + CN[s - 11] if s < 20 else CN[s // 10 - 1] + "十" + (CN[s % 10 - 1] if s % 10 else ""))
            lines.append(f"（{number}）第{s}组重点工作")
        a, b, c = (LAYOUT_UNITS[(i + k) % len(LAYOUT_UNITS)] for k in range(3))
        body = (f"{i}.推进第{i}项工作。到2025年新增光伏装机{i}万千瓦，单位产品能耗分别下降5%、4%和3%，"
                f"PM2.5年均浓度控制在30微克/立方米以内。")
        if i % 3 == 0:
            lines += [body, f"牵头单位：{a}", f"责任单位：{b}、{c}"]
        elif i % 3 == 1:
            lines.append(body + f"（牵头单位：{a}；配合单位：{b}、{c}）")
        else:
            lines.append(body + f"（{a}牵头，{b}参与，{c}负责落实）")
    return lines


@pytest.mark.bench
def test_bench_import_200_task_txt(db, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "plan200.txt"
    path.write_text("\n".join(layout_plan_lines(200)) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = import_plan.commit(db, import_plan.preview(db, path))
    took = time.perf_counter() - start
    print(f"\n200-task .txt: preview + commit {took:.2f} s (limit 1 s)")
    assert len(result.draft.tasks) == 200 and all(t.lead is not None for t in result.draft.tasks)
    assert took <= 1.0


@pytest.mark.bench
def test_bench_import_50_page_pdf(db, tmp_path: Path) -> None:  # noqa: ANN001
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
    pdfmetrics.registerFont(TTFont("WQYBench", str(font), subfontIndex=0))
    path = tmp_path / "plan50.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = layout_plan_lines(200)
    per_page = len(lines) // 50
    page = 0
    for start_line in range(0, len(lines), per_page):
        page += 1
        y = 800
        for line in lines[start_line:start_line + per_page]:
            for k in range(0, len(line), 38):     # hard breaks mid-sentence, as in a real PDF
                c.setFont("WQYBench", 10)
                c.drawString(50, y, line[k:k + 38])
                y -= 14
        c.drawString(280, 30, f"— {page} —")
        c.showPage()
    c.save()
    start = time.perf_counter()
    result = import_plan.commit(db, import_plan.preview(db, path))
    took = time.perf_counter() - start
    print(f"\n{page}-page PDF: preview + commit {took:.2f} s (limit 3 s), {len(result.draft.tasks)} tasks")
    assert page >= 50 and len(result.draft.tasks) == 200
    assert took <= 3.0
