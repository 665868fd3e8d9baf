"""The store, the services and the CLI commands give the user messages from the one catalogue
(``msg(key, …)``), not as an English string with a ``message_zh=`` beside it. The files below still
hold such pairs; their number may only go down (and a file leaves the list when it reaches 0)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.errors import DatabaseTooNew, PeakDeskError
from desktop_app.messages import msg

PACKAGE = Path(__file__).resolve().parents[3] / "desktop_app"
AREAS = ("store", "services", "commands")
PENDING = {
    # DraftWarning (domain/plan.py) holds an English and a Chinese text; the importer's warnings move
    # with it (exchange/plan_text.py builds most of them).
    "services/import_plan.py": 7,
}


def pairs() -> dict[str, int]:
    found = {}
    for area in AREAS:
        for path in sorted((PACKAGE / area).rglob("*.py")):
            n = len(re.findall(r"\bmessage_zh\s*=", path.read_text(encoding="utf-8")))
            if n:
                found[path.relative_to(PACKAGE).as_posix()] = n
    return found


def test_no_new_message_pairs_outside_the_catalogue():
    grown = {rel: n for rel, n in pairs().items() if n > PENDING.get(rel, 0)}
    assert grown == {}, "give these messages a key in desktop_app/data/messages/core.toml and raise msg(key, …)"


def test_pending_counts_are_current():
    found = pairs()
    stale = {rel: (n, found.get(rel, 0)) for rel, n in PENDING.items() if found.get(rel, 0) < n}
    assert stale == {}, "lower these counts in PENDING (or remove the file): (listed, found)"


@pytest.mark.parametrize("lang, text", [("zh", "本版 PeakDesk 最高支持 2"), ("en", "understands up to version 2")])
def test_a_store_error_reads_in_the_users_language(lang, text):
    error = DatabaseTooNew(msg("core.store.db_too_new", path="a.sqlite", version=3, latest=2))
    assert text in error.localized(lang) and isinstance(error, PeakDeskError)
