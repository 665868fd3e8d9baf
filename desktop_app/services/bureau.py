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
    parse_values,
    read_workbook,
    write_workbook,
)
from desktop_app.outputs import atomic_output
from desktop_app.paths import user_data_dir
from desktop_app.services import clock

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
            raise InputRejected(f"{path.name}: not a PeakDesk department workbook of a supported version.",
                                [Problem("not a PeakDesk department workbook of a supported version", path.name)])
        meta = read.package_meta()
        visible = {r.locked.code: r for r in read.rows}
        rows: list[BureauRow] = []
        problems: list[Problem] = []
        for i, locked in enumerate(read.issued):
            vrow = visible.get(locked.code)
            values = RowValues()
            if vrow is not None:
                values, row_problems = parse_values(vrow, vrow.sheet_row in read.percent_formatted,
                                                    require_status=False)
                if row_problems:
                    problems.extend(Problem(p.message, path.name, p.sheet, p.cell) for p in row_problems)
                    values = _salvage(vrow)
            rows.append(BureauRow(i, FIRST_ROW + i, locked, values))
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
            return problems
        row.values = values
        self.save_autosave()
        return []

    def problems(self) -> list[Problem]:
        """What would stop the workbook from being accepted (rows with entries but no status; no entry at all)."""
        out = []
        for row in self.rows:
            raw = {k: _raw(row.values, k) for k in EDITABLE_COLUMNS}
            out.extend(parse_values(VisibleRow(row.sheet_row, row.locked, raw))[1])
        if not any(r.values.reported() for r in self.rows):
            out.append(Problem("no task has progress filled in yet", sheet=PROGRESS_SHEET, cell="F3"))
        return out

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
        self.restored = True

    def discard_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)

    # --- export ---------------------------------------------------------------------------------

    def export(self, path: Path, *, allow_incomplete: bool = False) -> Path:
        """Write the filled workbook for return; refuses (InputRejected) while problems remain."""
        problems = self.problems()
        if problems and not allow_incomplete:
            raise InputRejected(f"{self.source.name}: fix these entries before exporting", problems)
        content = WorkbookContent(self.meta, [r.locked for r in self.rows], [r.values for r in self.rows])
        return write_workbook(content, path)


def _raw(values: RowValues, key: str) -> Any:
    if key == "status":
        return values.status.value if values.status else None
    value = getattr(values, key)
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
