"""Errors a user can act on (environment, bad input), as opposed to bugs.

Front ends show ``PeakDeskError`` as a plain message (and exit with ``exit_code``); anything else is
a bug and gets a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.messages import Msg, lang_of, msg, render


class PeakDeskError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do.

    The message is a catalogue ``Msg`` (see ``desktop_app.messages``); a plain string is shown as it
    is in both languages (a name, or text from a library). ``message`` and ``message_zh`` hold the
    rendered English and Chinese texts.
    """

    exit_code = 1

    def __init__(self, message: str | Msg) -> None:
        self.msg = message if isinstance(message, Msg) else None
        self._set_texts(render(message, "en"), render(message, "zh"))

    def _set_texts(self, english: str, chinese: str) -> None:
        Exception.__init__(self, english)
        self.message = english
        self.message_zh = chinese

    @classmethod
    def relayed(cls, other: PeakDeskError) -> PeakDeskError:
        """A plain copy of ``other``'s already-rendered texts, to raise where ``other`` cannot go
        (another process, another error type); nothing is translated here."""
        copy = cls.__new__(cls)
        copy.msg = None   # the texts only: the original (or its parameters) may not pickle
        copy._set_texts(other.message, other.message_zh)
        return copy

    def localized(self, lang: str) -> str:
        return self.message_zh if lang_of(lang) == "zh" else self.message


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

    message: str | Msg
    file: str = ""
    sheet: str = ""
    cell: str = ""
    line: int | None = None

    def where(self, lang: str = "en") -> str:
        cell = render(msg("where.cell", sheet=self.sheet, cell=self.cell), lang) if self.cell else self.sheet
        parts = [p for p in (self.file, cell) if p]
        if self.line is not None:
            parts.append(render(msg("where.line", line=self.line), lang))
        return "、".join(parts) if lang_of(lang) == "zh" else ", ".join(parts)

    def text(self, lang: str = "en") -> str:
        """The reason alone, in ``lang``."""
        return render(self.message, lang)

    def localized(self, lang: str) -> str:
        where = self.where(lang)
        sep = "：" if lang_of(lang) == "zh" else ": "
        return f"{where}{sep}{self.text(lang)}" if where else self.text(lang)

    def __str__(self) -> str:
        return self.localized("en")


@dataclass
class InputRejected(PeakDeskError):
    """A file was refused; ``problems`` lists every reason with its location."""

    summary: str | Msg
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.msg = None
        self._set_texts(self._text("en"), self._text("zh"))

    def _text(self, lang: str) -> str:
        lines = [render(self.summary, lang)] + [f"  - {p.localized(lang)}" for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append("  " + render(msg("common.and_more", count=len(self.problems) - 50), lang))
        return "\n".join(lines)
