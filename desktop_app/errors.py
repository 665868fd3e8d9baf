"""Errors a user can act on (environment, bad input), as opposed to bugs.

Front ends show ``PeakDeskError`` as a plain message (and exit with ``exit_code``); anything else is
a bug and gets a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class PeakDeskError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do."""

    exit_code = 1

    def __init__(self, message: str, *, message_zh: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh or message

    def localized(self, lang: str) -> str:
        return self.message_zh if lang.startswith("zh") else self.message


class UsageError(PeakDeskError):
    exit_code = 2


class DatabaseError(PeakDeskError):
    """The database file cannot be used as it is (not ours, too new, locked, read-only)."""


class DatabaseTooNew(DatabaseError):
    exit_code = 2


class DatabaseBusy(DatabaseError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the format allows."""

    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    line: int | None = None

    def where(self) -> str:
        parts = [p for p in (self.file, self.sheet and f"{self.sheet}!{self.cell}" if self.cell else self.sheet) if p]
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


@dataclass
class InputRejected(PeakDeskError):
    """A file was refused; ``problems`` lists every reason with its location."""

    summary: str
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        lines = [self.summary] + [f"  - {p}" for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(f"  … and {len(self.problems) - 50} more")
        PeakDeskError.__init__(self, "\n".join(lines))
