"""The department editor's checks live in the core: the dialog asks them, and so does the write itself,
so an edit that bypasses the dialog (a script, a second window's undo) is refused the same way."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.errors import PeakDeskError
from desktop_app.services.departments import DeptState
from desktop_app.services.edits import (
    department_edit,
    department_list,
    department_named,
    department_problem,
    next_department_code,
    task_code,
)


def test_an_alias_of_another_department_is_refused_by_the_write_and_nothing_changes(demo_db):
    first, second = department_list(demo_db)[:2]
    alias = next(a for a, _lang in second.aliases) if second.aliases else second.name_zh
    before = DeptState.read(demo_db, first.code)
    after = dataclasses.replace(before, aliases=(*before.aliases, (alias, "zh")))
    problem = department_problem(demo_db, before, after)
    assert problem is not None and second.code in problem.message and second.code in problem.message_zh
    with pytest.raises(PeakDeskError, match=second.code):
        department_edit(demo_db, before, after).apply(demo_db)
    assert DeptState.read(demo_db, first.code) == before


def test_new_department_checks(demo_db):
    code = next_department_code(demo_db)
    assert code not in {d.code for d in department_list(demo_db)}
    taken = department_list(demo_db)[0].code
    assert "代码" in department_problem(demo_db, None, DeptState(" ", "某局")).message_zh
    assert "中文名称" in department_problem(demo_db, None, DeptState(code, " ")).message_zh
    assert taken in department_problem(demo_db, None, DeptState(taken, "某局")).message
    assert department_problem(demo_db, None, DeptState(code, "某局")) is None
    assert department_named(demo_db, taken).code == taken


def test_task_code(demo_db):
    row = demo_db.execute("SELECT id, code FROM task ORDER BY id LIMIT 1").fetchone()
    assert task_code(demo_db, row[0]) == row[1]
