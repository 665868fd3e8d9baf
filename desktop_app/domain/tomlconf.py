"""Checking user-editable TOML settings (warning rules, assessment scheme) with precise errors.

Pure: text in, values or problems out. Reading the files (shipped + the user's copy, merged key by
key) is ``desktop_app/config.py``.

A syntax error names the file and line (tomllib's message carries it); a wrong key or type names
the key path (``rule[3].min_points``) and, where it can be found, its line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.errors import InputRejected, Problem
from desktop_app.messages import Msg, msg

_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def config_error(path: Path | str, problems: list[Problem], what: Msg) -> InputRejected:
    """An InputRejected for a settings file; ``what`` names what it holds (``config.what.*``)."""
    return InputRejected(msg("config.unusable", path=str(path), what=what), problems)


def parse_toml(text: str, path: Path | str, what: Msg) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        line = int(m.group(1)) if m else None
        message = _TOML_LINE.sub("", str(exc)).strip()
        raise config_error(path, [Problem(f"TOML syntax error: {message}", file=str(path), line=line)],
                           what) from exc


class Checker:
    """Collects problems while a settings dict is validated; locates keys in the source text."""

    def __init__(self, path: Path | str, text: str, fallbacks: Sequence[tuple[Path | str, str]] = ()) -> None:
        self.path = str(path)
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        # Earlier copies (the shipped file under the user's): a key the user's copy leaves out is
        # located, and named, in the file it came from.
        self.fallbacks = [Checker(p, t) for p, t in fallbacks]

    # -- locating a key path such as 'rule[2].min_points' or 'grades.excellent' in the text --------
    def line_of(self, key_path: str) -> int | None:
        """1-based line of a key path like ``rule[2].min_points``, ``grades.good`` or ``rule[2]``."""
        parts = key_path.split(".")
        lo, hi = 0, len(self.lines)
        if re.fullmatch(r"\w+\[\d+\]", parts[-1]) or len(parts) > 1:
            head = parts[0]
            m = re.fullmatch(r"(\w+)\[(\d+)\]", head)
            if m:  # the n-th [[name]]
                pattern = re.compile(rf"^\s*\[\[\s*{re.escape(m.group(1))}\s*\]\]")
                nth = int(m.group(2))
            else:
                pattern = re.compile(rf"^\s*\[\s*{re.escape(head)}\s*\]")
                nth = 0
            hits = [i for i, ln in enumerate(self.lines) if pattern.match(ln)]
            if nth >= len(hits):
                return None
            lo = hits[nth]
            if len(parts) == 1:
                return lo + 1
            hi = next((j for j in range(lo + 1, len(self.lines)) if re.match(r"^\s*\[", self.lines[j])),
                      len(self.lines))
        else:
            hi = next((j for j, ln in enumerate(self.lines) if re.match(r"^\s*\[", ln)), len(self.lines))
        key_re = re.compile(rf"^\s*[\"']?{re.escape(parts[-1])}[\"']?\s*=")
        for j in range(lo, hi):
            if key_re.match(self.lines[j]):
                return j + 1
        if len(parts) > 1:
            return lo + 1
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(parts[0])}\s*\]")  # a whole table: its header
        return next((i + 1 for i, ln in enumerate(self.lines) if header.match(ln)), None)

    def problem(self, key_path: str, message: str) -> None:
        line, path = self.line_of(key_path), self.path
        if line is None:
            for other in self.fallbacks:
                found = other.line_of(key_path)
                if found is not None:
                    line, path = found, other.path
                    break
        self.problems.append(Problem(f"{key_path}: {message}", file=path, line=line))

    # -- typed getters: record a problem and return the default when the value is unusable --------
    def table(self, data: dict[str, Any], key: str, key_path: str, required: bool = False) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(key_path, "is missing (a table is required)")
            return {}
        if not isinstance(value, dict):
            self.problem(key_path, f"must be a table, not {type(value).__name__}")
            return {}
        return value

    def unknown_keys(self, data: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                path = f"{prefix}.{key}" if prefix else key
                self.problem(path, f"unknown key (allowed: {', '.join(sorted(allowed))})")

    def number(self, data: dict[str, Any], key: str, key_path: str, default: float, *,
               lo: float | None = None, hi: float | None = None, required: bool = False) -> float:
        if key not in data:
            if required:
                self.problem(key_path, "is missing (a number is required)")
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key_path, f"must be a number, not {_type_name(value)} ({value!r})")
            return default
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = f"{lo if lo is not None else '-∞'} … {hi if hi is not None else '∞'}"
            self.problem(key_path, f"must be within {bounds}, not {value}")
            return default
        return float(value)

    def integer(self, data: dict[str, Any], key: str, key_path: str, default: int, *, lo: int | None = None) -> int:
        if key not in data:
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key_path, f"must be a whole number, not {_type_name(value)} ({value!r})")
            return default
        if lo is not None and value < lo:
            self.problem(key_path, f"must be at least {lo}, not {value}")
            return default
        return value

    def boolean(self, data: dict[str, Any], key: str, key_path: str, default: bool) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.problem(key_path, f"must be true or false, not {_type_name(value)} ({value!r})")
            return default
        return value

    def string(self, data: dict[str, Any], key: str, key_path: str, default: str = "", *,
               required: bool = False, choices: tuple[str, ...] = (),
               check: Callable[[str], str | None] | None = None) -> str:
        if key not in data:
            if required:
                self.problem(key_path, "is missing (a text is required)")
            return default
        value = data[key]
        if not isinstance(value, str):
            self.problem(key_path, f"must be a text in quotes, not {_type_name(value)} ({value!r})")
            return default
        if choices and value not in choices:
            self.problem(key_path, f"must be one of {', '.join(choices)}, not {value!r}")
            return default
        if check is not None and (msg := check(value)):
            self.problem(key_path, msg)
            return default
        return value

    def raise_if_any(self, what: Msg) -> None:
        if self.problems:
            raise config_error(self.path, self.problems, what)


def _type_name(value: object) -> str:
    return {str: "text", int: "whole number", float: "number", bool: "true/false", list: "list",
            dict: "table"}.get(type(value), type(value).__name__)


def template_fields(template: str) -> set[str]:
    """Placeholder names used in a ``str.format`` template; ValueError when it is malformed."""
    import string

    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def template_checker(allowed: set[str]) -> Callable[[str], str | None]:
    def check(template: str) -> str | None:
        try:
            used = template_fields(template)
        except ValueError as exc:
            return f"is not a valid template ({exc}); write a literal brace as {{{{ or }}}}"
        unknown = sorted(used - allowed)
        if unknown:
            return (f"uses unknown placeholder(s) {', '.join('{' + u + '}' for u in unknown)}; "
                    f"available: {', '.join('{' + a + '}' for a in sorted(allowed))}")
        return None

    return check
