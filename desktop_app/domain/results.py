"""What the long jobs return: plain data that crosses a process boundary.

The jobs run in a child process (``ui.child_jobs``) and their results are unpickled in the GUI process;
unpickling a class imports its module, so these live here, away from the modules that do the work
(which import openpyxl, python-calamine or reportlab: a long import on a GUI-process thread holds the
interpreter lock the window needs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.domain.models import ChangeSummary
from desktop_app.errors import Problem


@dataclass
class IssuedPackage:
    department: str
    department_name: str
    file: Path
    package_id: str
    rows: int

    def as_json(self) -> dict[str, object]:
        return {"department": self.department, "department_name": self.department_name, "file": str(self.file),
                "package_id": self.package_id, "rows": self.rows}


@dataclass
class ExportResult:
    period: str
    packages: list[IssuedPackage] = field(default_factory=list)
    cancelled: bool = False
    summary: ChangeSummary = field(default_factory=ChangeSummary)


@dataclass
class FileResult:
    file: str
    status: str                                  # accepted | duplicate | rejected
    department: str | None = None
    period: str | None = None
    rows: int = 0
    late: bool = False
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)    # accepted, worth a look: remarks, formulas, notes
    changes: dict[str, list[str]] = field(default_factory=lambda: {"new": [], "changed": [], "unchanged": []})
    submission_id: int | None = None
    supersedes: list[int] = field(default_factory=list)

    def as_json(self, dry_run: bool = False, lang: str = "en") -> dict[str, Any]:
        def problems(items: list[Problem]) -> list[dict[str, str]]:
            return [{"sheet": p.sheet, "cell": p.cell, "message": p.text(lang)} for p in items]

        out: dict[str, Any] = {
            "file": self.file, "status": self.status, "department": self.department, "period": self.period,
            "rows": self.rows, "late": self.late, "errors": problems(self.errors), "warnings": problems(self.warnings)}
        if dry_run:
            out["changes"] = self.changes
        return out


@dataclass
class MergeResult:
    files: list[FileResult] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False
    summary: ChangeSummary = field(default_factory=ChangeSummary)

    @property
    def any_rejected(self) -> bool:
        return any(f.status == "rejected" for f in self.files)


@dataclass
class ReportResult:
    """What a builder made: the file, its pages and the fonts it used (shown by the GUI)."""

    path: Path
    pages: int
    title: str
    fonts: str                    # one line per role, in the report's language
    substitutes: str              # the substitutes used, or "no substitute fonts"
