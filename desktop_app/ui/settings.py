"""Every user setting declared once, with its type and default (cf. Picard's ``options.py``).

Values live in ``QSettings`` (an INI file in the user's config folder; under ``$PEAKDESK_HOME`` when
that is set, so tests and portable installs never touch the real profile). Read and write through
the declared ``Option`` objects only, so a key is never spelled twice and a missing or damaged value
falls back to its default instead of leaking ``None`` or a wrong type into the UI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "PeakDesk"
APPLICATION = "PeakDesk"

T = TypeVar("T")

_REGISTRY: dict[str, Option[Any]] = {}
_settings: QSettings | None = None


def qsettings() -> QSettings:
    """The one QSettings store (created on first use, after QApplication names are set)."""
    global _settings
    if _settings is None:
        home = os.environ.get("PEAKDESK_HOME")
        if home:
            path = Path(home) / "settings.ini"
            _settings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            _settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                  ORGANIZATION, APPLICATION)
    return _settings


def reset_store() -> None:
    """Forget the cached store (tests switch ``$PEAKDESK_HOME`` between cases)."""
    global _settings
    if _settings is not None:
        _settings.sync()
    _settings = None


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type
    default: T
    doc: str = ""

    def __post_init__(self) -> None:
        if self.key in _REGISTRY:
            raise ValueError(f"setting {self.key!r} declared twice")
        _REGISTRY[self.key] = self

    def get(self) -> T:
        raw = qsettings().value(self.key)
        if raw is None:
            return self.default
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T) -> None:
        qsettings().setValue(self.key, value)

    def reset(self) -> None:
        qsettings().remove(self.key)

    def _convert(self, raw: Any) -> T:
        if self.type is bool:
            if isinstance(raw, str):
                return raw.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if self.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
        if self.type is list:
            if isinstance(raw, str):
                return [raw] if raw else []  # type: ignore[return-value]
            return list(raw)  # type: ignore[return-value]
        return self.type(raw)  # type: ignore[no-any-return]


def declared() -> dict[str, Option[Any]]:
    return dict(_REGISTRY)


# --- the settings -----------------------------------------------------------------------------

LANGUAGE = Option[str]("ui/language", str, "", "'zh', 'en', or '' to follow the system locale")
LAST_DATABASE = Option[str]("db/last_path", str, "", "database opened last (restored on start)")
RECENT_DATABASES = Option[list]("db/recent", list, [], "recently opened database files")  # type: ignore[type-arg]
LAST_VIEW = Option[str]("ui/last_view", str, "dashboard", "navigation page shown on start")

MAIN_GEOMETRY = Option[QByteArray]("window/main_geometry", QByteArray, QByteArray())
MAIN_STATE = Option[QByteArray]("window/main_state", QByteArray, QByteArray())
MAIN_SPLITTER = Option[QByteArray]("window/main_splitter", QByteArray, QByteArray())

LEDGER_SPLITTER = Option[QByteArray]("ledger/splitter", QByteArray, QByteArray())
LEDGER_HEADER_FLAT = Option[QByteArray]("ledger/header_flat", QByteArray, QByteArray())
LEDGER_HEADER_TREE = Option[QByteArray]("ledger/header_tree", QByteArray, QByteArray())
LEDGER_TREE_MODE = Option[bool]("ledger/tree_mode", bool, True, "group the ledger by section")
DEPARTMENTS_HEADER = Option[QByteArray]("departments/header", QByteArray, QByteArray())

SEARCH_DELAY_MS = Option[int]("ledger/search_delay_ms", int, 250, "debounce of the search box")
