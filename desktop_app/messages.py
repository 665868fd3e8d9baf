"""One catalogue for every string a person reads outside Qt widgets.

Errors, per-cell reasons, CLI output and report texts are ``Msg`` values: a catalogue key and its
parameters. They are rendered in the reader's language only when shown, so the same problem can be
printed in Chinese for a coordinator and in English in a log. Qt Linguist covers the widgets.

The catalogue is the TOML files in ``desktop_app/data/messages/`` (one per area, so that areas do not
edit the same file). Each key is a table with ``en`` and ``zh``, formatted with ``str.format`` named
fields::

    [merge.percent_range]
    en = "percent must be between 0 and 100, not {value}"
    zh = "完成百分比应在 0 到 100 之间，而不是 {value}"

A test checks that every key has both languages and the same fields in both.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

CATALOGUE_DIR = Path(__file__).resolve().parent / "data" / "messages"
LANGS = ("en", "zh")


class CatalogueError(Exception):
    """The shipped catalogue is broken: a bug, found by the tests."""


def _flatten(prefix: str, table: Mapping[str, Any], out: dict[str, dict[str, str]], source: Path) -> None:
    if "en" in table or "zh" in table:
        texts = {lang: table.get(lang) for lang in LANGS}
        for lang, text in texts.items():
            if not isinstance(text, str):
                raise CatalogueError(f"{source.name}: [{prefix}] has no {lang!r} text")
        if prefix in out:
            raise CatalogueError(f"{source.name}: [{prefix}] is defined twice")
        out[prefix] = {lang: str(texts[lang]) for lang in LANGS}
        return
    for key, value in table.items():
        if isinstance(value, Mapping):
            _flatten(f"{prefix}.{key}" if prefix else key, value, out, source)
        else:
            raise CatalogueError(f"{source.name}: {prefix}.{key} is not a message table")


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Every key → {"en": …, "zh": …}, read once from the shipped files."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            _flatten("", tomllib.load(fh), out, path)
    return out


def fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def lang_of(lang: str) -> str:
    """``zh_CN``, ``zh-Hans``, ``zh`` → ``zh``; anything else → ``en``."""
    return "zh" if lang.lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Msg:
    """A message not yet rendered: a catalogue key and its parameters.

    A parameter may itself be a ``Msg`` (rendered in the same language) or a list of them.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        entry = catalogue().get(self.key)
        if entry is None:
            raise CatalogueError(f"message key {self.key!r} is not in the catalogue")
        code = lang_of(lang)
        params = {name: _render_param(value, code) for name, value in self.params.items()}
        return entry[code].format(**params)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class Listing:
    """Names or codes listed in a message: "a、b、c" in Chinese, "a, b, c" in English."""

    items: tuple[str, ...]

    def render(self, lang: str) -> str:
        return ("、" if lang_of(lang) == "zh" else ", ").join(self.items)


def listing(items: Iterable[str]) -> Listing:
    return Listing(tuple(str(i) for i in items))


def _render_param(value: Any, lang: str) -> Any:
    if isinstance(value, (Msg, Listing)):
        return value.render(lang)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Msg) for v in value):
        sep = "；" if lang == "zh" else "; "
        return sep.join(_render_param(v, lang) for v in value)
    return value


def msg(key: str, **params: Any) -> Msg:
    """Shorthand: ``msg("merge.percent_range", value=120)``."""
    if key not in catalogue():
        raise CatalogueError(f"message key {key!r} is not in the catalogue")
    return Msg(key, params)


def render(text: str | Msg, lang: str) -> str:
    """A plain string passes through (data, names); a ``Msg`` is rendered."""
    return text.render(lang) if isinstance(text, Msg) else text


def check_catalogue(keys: Iterable[str] | None = None) -> list[str]:
    """Problems in the catalogue: empty texts, Chinese without Chinese, fields that differ."""
    problems = []
    for key, entry in catalogue().items():
        if keys is not None and key not in keys:
            continue
        if not entry["en"].strip() or not entry["zh"].strip():
            problems.append(f"{key}: empty text")
        literal = string.Formatter().format(entry["zh"], **{f: "" for f in fields(entry["zh"])})
        if any(ch.isalpha() for ch in literal) and not any("\u4e00" <= ch <= "\u9fff" for ch in literal):
            problems.append(f"{key}: the zh text has no Chinese")
        if fields(entry["en"]) != fields(entry["zh"]):
            problems.append(f"{key}: fields differ ({sorted(fields(entry['en']))} vs {sorted(fields(entry['zh']))})")
    return problems
