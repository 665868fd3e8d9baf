"""Bureau mode: a department clerk fills in an issued workbook inside PeakDesk (no coordinator database).

``BureauSession.open(path)`` reads the workbook, ``rows`` lists the department's tasks, ``update`` changes
editable fields (checked by the same rules the merge applies), and ``export`` writes the filled workbook
for return — same metadata, locked rows and digest, so it merges like a workbook filled in Excel/WPS.

Autosave: every successful ``update`` writes the work in progress to
``<user data folder>/autosave/<package id>.json`` (``paths.user_data_dir()``: on Windows
``%LOCALAPPDATA%\\PeakDesk\\autosave``, on Linux ``~/.local/share/PeakDesk/autosave``, on macOS
``~/Library/Application Support/PeakDesk/autosave``; ``$PEAKDESK_HOME`` overrides). It is written to a
temporary file and moved into place with ``os.replace``, so a crash leaves either the old or the new
autosave, never half of one. Opening the same workbook again (same package id) restores it; ``discard``
removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.errors import InputRejected, Problem
from desktop_app.exchange.workbook import (
    COL_LETTER,
    EDITABLE_COLUMNS,
    FIRST_ROW,
    FORMAT_NAME,
    PROGRESS_SHEET,
    SUPPORTED_FORMAT_VERSIONS,
    LockedRow,
    PackageMeta,
    RowValues,
    VisibleRow,
    WorkbookContent,
    consistency_remarks,
    last_percent_of,
    parse_values,
    percent_text,
    read_workbook,
    write_workbook,
)
from desktop_app.messages import msg
from desktop_app.outputs import atomic_output
from desktop_app.paths import user_data_dir
from desktop_app.services import clock

_KEY_OF_LETTER = {letter: key for key, letter in COL_LETTER.items()}


def _key_of(problem: Problem) -> str:
    return _KEY_OF_LETTER.get(problem.cell.rstrip("0123456789"), "status") if problem.cell else "status"

AUTOSAVE_FORMAT = 1


def autosave_dir() -> Path:
    path = user_data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class BureauRow:
    index: int
    sheet_row: int
    locked: LockedRow
    values: RowValues
    # entries that could not be taken (typed or read from the workbook), by field: the row is not done
    invalid: dict[str, Problem] = field(default_factory=dict)

    @property
    def state(self) -> str:
        """'invalid' (an entry was refused), 'done' (a status and valid entries), 'partial' (entries but no
        status yet) or 'blank' (nothing filled in)."""
        if self.invalid:
            return "invalid"
        if self.values.status is not None:
            return "done"
        return "partial" if self.values.reported() else "blank"


@dataclass
class BureauCheck:
    """What the clerk's check says, truthfully: every problem, how many tasks are still blank, remarks."""

    problems: list[Problem]          # stop the export
    blank: list[int]                 # row indexes with nothing filled in (allowed, but said)
    total: int
    remarks: list[Problem]           # consistency remarks (accepted, worth a look)

    @property
    def complete(self) -> bool:
        return not self.problems and not self.blank


@dataclass
class BureauSession:
    source: Path
    meta: PackageMeta
    rows: list[BureauRow]
    restored: bool = False                       # work in progress was restored from an autosave
    load_problems: list[Problem] = field(default_factory=list)   # cells that could not be read as filled in

    @classmethod
    def open(cls, path: Path) -> BureauSession:
        read = read_workbook(path)
        if read.meta.get("format") != FORMAT_NAME or read.package_meta().format_version not in SUPPORTED_FORMAT_VERSIONS:
            raise InputRejected(msg("bureau.file_not_bureau_workbook", file=path.name),
                                [Problem(msg("bureau.not_bureau_workbook"), path.name)])
        meta = read.package_meta()
        visible = {r.locked.code: r for r in read.rows}
        rows: list[BureauRow] = []
        problems: list[Problem] = []
        for i, locked in enumerate(read.issued):
            vrow = visible.get(locked.code)
            values = RowValues()
            invalid: dict[str, Problem] = {}
            if vrow is not None:
                values, row_problems = parse_values(vrow, vrow.sheet_row in read.percent_formatted,
                                                    require_status=False)
                if row_problems:
                    problems.extend(Problem(p.message, path.name, p.sheet, p.cell) for p in row_problems)
                    values = _salvage(vrow)
                    # the cell as it will be written: the row the issued workbook has it in
                    invalid = {_key_of(p): Problem(p.message, sheet=p.sheet,
                                                   cell=f"{COL_LETTER[_key_of(p)]}{FIRST_ROW + i}")
                               for p in row_problems}
            rows.append(BureauRow(i, FIRST_ROW + i, locked, values, invalid))
        session = cls(path, meta, rows, load_problems=problems)
        session._restore()
        return session

    # --- editing ------------------------------------------------------------------------------

    def update(self, index: int, **fields: Any) -> list[Problem]:
        """Change editable fields of row ``index`` (texts as typed: '推进中', '85%', '1,200');
        returns the problems and changes nothing if there are any; autosaves otherwise."""
        unknown = set(fields) - set(EDITABLE_COLUMNS)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        row = self.rows[index]
        raw: dict[str, Any] = {k: _raw(row.values, k) for k in EDITABLE_COLUMNS}
        raw.update({k: (None if v in ("", None) else v) for k, v in fields.items()})
        values, problems = parse_values(VisibleRow(row.sheet_row, row.locked, raw), require_status=False)
        if problems:
            # remembered until the field is typed again: the row is not "done" while an entry was refused
            row.invalid.update({_key_of(p): p for p in problems if _key_of(p) in fields})
            return problems
        row.values = values
        for key in fields:
            row.invalid.pop(key, None)
        self.save_autosave()
        return []

    def clear_invalid(self, index: int) -> None:
        """The refused entries of row ``index`` were given up (its stored values are shown again)."""
        self.rows[index].invalid.clear()

    def problems(self) -> list[Problem]:
        """What would stop the workbook from being accepted: entries that were refused, rows with entries but
        no status, no entry at all."""
        out: list[Problem] = []
        for row in self.rows:
            out.extend(row.invalid.values())
            raw = {k: _raw(row.values, k) for k in EDITABLE_COLUMNS}
            out.extend(p for p in parse_values(VisibleRow(row.sheet_row, row.locked, raw))[1]
                       if _key_of(p) not in row.invalid)
        if not any(r.values.reported() for r in self.rows):
            out.append(Problem(msg("bureau.nothing_filled"), sheet=PROGRESS_SHEET, cell="F3"))
        return out

    def check(self) -> BureauCheck:
        """The clerk's check: problems, blank tasks counted, and the same consistency remarks the coordinator
        sees on merging (已完成 below 100 %, 未启动 with a percent, a percent below last period's)."""
        remarks = [Problem(remark, sheet=PROGRESS_SHEET, cell=f"{COL_LETTER['percent']}{row.sheet_row}")
                   for row in self.rows if row.values.reported()
                   for remark in consistency_remarks(row.values.status, row.values.percent,
                                                     last_percent_of(row.locked.last))]
        blank = [row.index for row in self.rows if row.state == "blank"]
        return BureauCheck(self.problems(), blank, len(self.rows), remarks)

    # --- autosave -------------------------------------------------------------------------------

    @property
    def autosave_path(self) -> Path:
        return autosave_dir() / f"{self.meta.package_id}.json"

    def save_autosave(self) -> Path:
        data = {"format": AUTOSAVE_FORMAT, "package_id": self.meta.package_id, "source": str(self.source),
                "saved_at": clock.now_stamp(),
                "rows": [{"code": r.locked.code, **r.values.as_json()} for r in self.rows]}
        path = self.autosave_path
        with atomic_output(path, fsync=True) as tmp, tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        return path

    def _restore(self) -> None:
        path = self.autosave_path
        if not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("package_id") != self.meta.package_id:
                return
            saved = {r["code"]: RowValues.from_json(r) for r in data.get("rows", [])}
        except (OSError, ValueError, KeyError, TypeError):
            return   # an unreadable autosave is ignored (the workbook itself is intact)
        for row in self.rows:
            if row.locked.code in saved:
                row.values = saved[row.locked.code]
                row.invalid.clear()      # the clerk's own entries, each checked when typed
        self.restored = True

    def discard_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)

    # --- export ---------------------------------------------------------------------------------

    def export(self, path: Path, *, allow_incomplete: bool = False) -> Path:
        """Write the filled workbook for return; refuses (InputRejected) while problems remain."""
        problems = self.problems()
        if problems and not allow_incomplete:
            raise InputRejected(msg("bureau.fix_before_export", file=self.source.name), problems)
        content = WorkbookContent(self.meta, [r.locked for r in self.rows], [r.values for r in self.rows])
        return write_workbook(content, path)


def _raw(values: RowValues, key: str) -> Any:
    if key == "status":
        return values.status.value if values.status else None
    value = getattr(values, key)
    if key == "percent" and value is not None:
        return percent_text(value)       # "0.5%": a stored 0.5 % is never re-read as the ambiguous 0.5
    return None if value in ("", None) else value


def _salvage(vrow: VisibleRow) -> RowValues:
    """Keep what can be read from a row with bad cells (the bad ones are left empty for the clerk)."""
    values = RowValues()
    for key in EDITABLE_COLUMNS:
        raw = {k: None for k in EDITABLE_COLUMNS}
        raw[key] = vrow.raw[key]
        single, problems = parse_values(VisibleRow(vrow.sheet_row, vrow.locked, raw), require_status=False)
        if not problems:
            setattr(values, key, getattr(single, key))
    return values
