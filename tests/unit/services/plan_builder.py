"""A tiny hand-built plan for warning and assessment tests (straight SQL, no importer needed)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils
from dateutil.relativedelta import relativedelta


class PlanBuilder:
    def __init__(self, db: sqlite_utils.Database, issued_on: str | None = "2025-01-01",
                 reporting: str = "monthly", title: str = "测试方案") -> None:
        self.db = db
        self.plan_id = db["plan"].insert({"title_zh": title, "issued_on": issued_on,
                                          "reporting": reporting}).last_pk
        self.depts: dict[str, int] = {}
        self.tasks: dict[str, int] = {}
        self.periods: dict[str, int] = {}
        self._seq = 0

    def dept(self, code: str, name_zh: str = "", kind: str = "functional", members: tuple[str, ...] = ()) -> int:
        pk = self.db["department"].insert({"code": code, "name_zh": name_zh or code, "name_en": code,
                                           "kind": kind}).last_pk
        self.depts[code] = pk
        for m in members:
            self.db["placeholder_member"].insert({"placeholder_id": pk, "member_id": self.depts[m]})
        return pk

    def task(self, code: str, lead: str | None, coop: tuple[str, ...] = (), *, start: str | None = None,
             due: str | None = "2025-12-31", title: str = "") -> int:
        self._seq += 1
        pk = self.db["task"].insert({"plan_id": self.plan_id, "code": code, "seq": self._seq,
                                     "title_zh": title or f"任务{code}", "title_en": f"Task {code}",
                                     "start_date": start, "due_date": due}).last_pk
        self.tasks[code] = pk
        if lead:
            self.db["assignment"].insert({"task_id": pk, "department_id": self.depts[lead], "role": "lead", "seq": 0})
        for i, c in enumerate(coop, start=1):
            self.db["assignment"].insert({"task_id": pk, "department_id": self.depts[c], "role": "cooperating",
                                          "seq": i})
        return pk

    def months(self, year: int, first: int, last: int, due_day: int = 10) -> None:
        """Monthly periods first..last of ``year``, each due on ``due_day`` of the following month."""
        for m in range(first, last + 1):
            start = dt.date(year, m, 1)
            end = start + relativedelta(months=1, days=-1)
            due = (start + relativedelta(months=1)).replace(day=due_day)
            self.period(f"{year}-{m:02d}", start, end, due)

    def period(self, code: str, start: dt.date, end: dt.date, due: dt.date, kind: str = "month") -> int:
        pk = self.db["period"].insert({"plan_id": self.plan_id, "kind": kind, "code": code,
                                       "start": start.isoformat(), "ends_on": end.isoformat(),
                                       "due": due.isoformat()}).last_pk
        self.periods[code] = pk
        return pk

    def report(self, task: str, dept: str, period: str, percent: float | None, received: str,
               status: str = "in_progress", indicator: float | None = None, version: int = 1) -> None:
        if version > 1:
            self.db.execute("UPDATE progress SET is_current = 0 WHERE task_id = ? AND department_id = ? "
                            "AND period_id = ?", [self.tasks[task], self.depts[dept], self.periods[period]])
        self.db["progress"].insert({
            "task_id": self.tasks[task], "department_id": self.depts[dept], "period_id": self.periods[period],
            "version": version, "is_current": 1, "status": status, "percent": percent, "indicator": indicator,
            "received_at": f"{received}T09:00:00", "source": "manual"})

    def milestone(self, task: str, date: str, percent: float) -> None:
        self.db["milestone"].insert({"task_id": self.tasks[task], "date": date, "expected_percent": percent})

    def target(self, task: str, value: float, *, baseline: float | None = None, baseline_year: int | None = None,
               year: int | None = None, direction: str = "at_least", metric: str = "指标", unit: str = "") -> None:
        self.db["target"].insert({"plan_id": self.plan_id, "task_id": self.tasks[task], "metric": metric,
                                  "unit": unit, "baseline": baseline, "baseline_year": baseline_year,
                                  "value": value, "year": year, "direction": direction})

    def today(self, day: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_today', ?)", [day])
