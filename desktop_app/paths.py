"""Where PeakDesk finds its own files (migrations, templates, resources) and the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _project_or_installed(name: str) -> Path:
    """Top-level folders live beside the package in a checkout or editable install."""
    here = PROJECT_DIR / name
    if here.is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "peakdesk" / name
    return installed


MIGRATIONS_DIR = _project_or_installed("db")
TEMPLATES_DIR = _project_or_installed("report_templates")
RESOURCES_DIR = _project_or_installed("resources")
DATA_DIR = PACKAGE_DIR / "data"


def user_data_dir() -> Path:
    """Per-user folder for the default database, the demo database, autosaves and backups."""
    override = os.environ.get("PEAKDESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir("PeakDesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    env = os.environ.get("PEAKDESK_DB")
    return Path(env) if env else user_data_dir() / "peakdesk.sqlite"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.sqlite"


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_templates_dir() -> Path:
    """User-edited copies of report_templates/*.toml take precedence over the shipped ones."""
    return user_data_dir() / "templates"
