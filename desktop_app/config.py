"""One loader for every user-editable TOML file: warning rules, assessment scheme, report texts.

Each file is the shipped copy in ``report_templates/`` plus, when there is one, the user's copy in
the user data folder's ``templates/``. The user's copy wins **key by key**: a key it leaves out keeps
the shipped value (so an older copy keeps working after an upgrade adds keys), tables merge
recursively, and arrays of tables with an ``id`` (``[[rule]]``) merge rule by rule. Every file carries
``format = N``; an older format is upgraded in memory (:data:`UPGRADES`), a newer one is refused with
a message naming the file. Problems name the file, the line and the key (``tomlconf.Checker``),
looking the key up in the copy that provided it.

Saving from the window (:func:`save_values`) edits the user's copy with tomlkit, so the comments and
layout of the file survive; the first save starts from the shipped file, comments included.

This is the I/O side; the checks themselves are pure (``domain/tomlconf.py``, ``domain/warnings.py``,
``domain/scoring.py``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import paths
from desktop_app.domain.tomlconf import config_error, parse_toml
from desktop_app.errors import Problem
from desktop_app.messages import msg
from desktop_app.outputs import atomic_output

if TYPE_CHECKING:
    from desktop_app.domain.scoring import Scheme
    from desktop_app.domain.warnings import RuleSet

RULES_FILE = "warning_rules.toml"
SCHEME_FILE = "assessment_scheme.toml"
TEXTS_FILE = "report_texts.toml"

WHAT = {RULES_FILE: "config.what.rules_file", SCHEME_FILE: "config.what.scheme_file",
        TEXTS_FILE: "config.what.texts_file"}

# The format each file has in this version.
CURRENT_FORMAT = {RULES_FILE: 1, SCHEME_FILE: 1, TEXTS_FILE: 1}

# file → {format N: function turning a format-N dict into a format-N+1 dict}. Add one when a file's
# layout changes; the user's copy is upgraded in memory (and written in the new format when saved).
UPGRADES: dict[str, dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    RULES_FILE: {}, SCHEME_FILE: {}, TEXTS_FILE: {},
}


@dataclass(frozen=True)
class Source:
    path: Path
    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Loaded:
    """The merged settings and the files they came from (shipped first, the user's copy last)."""

    name: str
    data: dict[str, Any]
    sources: tuple[Source, ...]

    @property
    def path(self) -> Path:
        """The file that wins: the user's copy when there is one."""
        return self.sources[-1].path

    @property
    def text(self) -> str:
        return self.sources[-1].text

    @property
    def fallbacks(self) -> tuple[tuple[Path, str], ...]:
        """Earlier sources, for locating a key the winning file does not have."""
        return tuple((s.path, s.text) for s in self.sources[:-1])


def shipped_path(name: str) -> Path:
    return paths.TEMPLATES_DIR / name


def user_path(name: str) -> Path:
    return paths.user_templates_dir() / name


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` wins key by key; tables merge recursively; ``[[x]]`` lists with ids merge by id."""
    out = copy.deepcopy(dict(base))
    for key, value in over.items():
        old = out.get(key)
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            out[key] = merge(old, value)
        elif (ident := _id_key(value)) and ident == _id_key(old):
            assert isinstance(old, list) and isinstance(value, list)
            mine = {item[ident]: item for item in value}
            merged = [merge(item, mine.pop(item[ident])) if item[ident] in mine else item for item in old]
            out[key] = merged + [item for item in value if item[ident] in mine]
        else:
            out[key] = copy.deepcopy(value)
    return out


def _id_key(value: object) -> str | None:
    """``[[rule]]`` tables are keyed by ``id``, ``[[grade]]`` tables by ``code``."""
    if not isinstance(value, list) or not value or not all(isinstance(v, Mapping) for v in value):
        return None
    return next((k for k in ("id", "code") if all(k in v for v in value)), None)


def upgrade(name: str, data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Bring ``data`` (read from ``path``) to the current format, or refuse a newer one."""
    what = msg(WHAT.get(name, "config.what.settings"))
    current = CURRENT_FORMAT.get(name, 1)
    version = data.get("format", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return data      # the checker reports the bad value with its line
    if version > current:
        raise config_error(path, [Problem(
            f"format {version} was written by a newer PeakDesk (this one reads up to format {current})",
            file=str(path))], what)
    for step in range(version, current):
        data = UPGRADES[name][step](data)
        data["format"] = step + 1
    return data


def _read(name: str, path: Path) -> Source:
    what = msg(WHAT.get(name, "config.what.settings"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise config_error(path, [Problem(f"cannot be read: {exc}", file=str(path))], what) from exc
    return Source(path, text, upgrade(name, parse_toml(text, path, what), path))


def load(name: str, path: Path | None = None, *, user_dir: Path | None = None) -> Loaded:
    """The settings file ``name``: shipped + the user's copy merged; ``path`` reads one file alone."""
    if path is not None:
        alone = _read(name, path)
        return Loaded(name, alone.data, (alone,))
    sources = [_read(name, shipped_path(name))]
    user = (user_dir or paths.user_templates_dir()) / name
    if user.is_file():
        sources.append(_read(name, user))
    data: dict[str, Any] = {}
    for s in sources:
        data = merge(data, s.data)
    return Loaded(name, data, tuple(sources))


# --- the three files ------------------------------------------------------------------------------

def load_rules(path: Path | None = None, *, user_dir: Path | None = None) -> RuleSet:
    """The early-warning rules (``domain.warnings.RuleSet``)."""
    from desktop_app.domain.warnings import rules_from_dict

    loaded = load(RULES_FILE, path, user_dir=user_dir)
    return rules_from_dict(loaded.data, loaded.text, loaded.path, fallbacks=loaded.fallbacks)


def load_scheme(path: Path | None = None, *, user_dir: Path | None = None) -> Scheme:
    """The assessment scheme (``domain.scoring.Scheme``)."""
    from desktop_app.domain.scoring import scheme_from_dict

    loaded = load(SCHEME_FILE, path, user_dir=user_dir)
    return scheme_from_dict(loaded.data, loaded.text, loaded.path, fallbacks=loaded.fallbacks)


def load_texts_data(user_dir: Path | None = None) -> dict[str, Any]:
    return load(TEXTS_FILE, user_dir=user_dir).data


# --- saving from the window ---------------------------------------------------------------------

def save_values(name: str, values: Mapping[str, Any], *, target: Path | None = None,
                check: Callable[[str, Path], object] | None = None) -> Path:
    """Set ``values`` (nested tables as dicts) in the user's copy of ``name``, keeping its comments.

    The first save starts from the shipped file, so its explanations come along. ``check`` gets the
    new text before anything is written (the same checks as loading); it raises to refuse.
    """
    import tomlkit

    target = target or user_path(name)
    base = target if target.is_file() else shipped_path(name)
    doc = tomlkit.parse(base.read_text(encoding="utf-8"))
    _assign(doc, values)
    text = tomlkit.dumps(doc)
    if check is not None:
        check(text, target)
    with atomic_output(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


def _assign(table: Any, values: Mapping[str, Any]) -> None:
    """Set what differs, in place: untouched keys keep their comments and layout."""
    import tomlkit

    for key, value in values.items():
        old = table.get(key)
        if isinstance(value, Mapping):
            if key not in table:
                table[key] = tomlkit.table()
            _assign(table[key], value)
        elif (ident := _id_key(value)) and old is not None and ident == _id_key(list(old)):
            existing = {item[ident]: item for item in old}
            if set(existing) == {item[ident] for item in value}:
                for item in value:
                    _assign(existing[item[ident]], item)
            else:
                table[key] = value      # items added or removed: the list is rewritten
        elif old != value:
            table[key] = value
