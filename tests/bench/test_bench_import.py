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
