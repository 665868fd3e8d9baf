"""Every message a person reads outside Qt widgets comes from the one catalogue (``msg(key, …)``),
not as an English string with a ``message_zh=`` Chinese twin beside it: no file in the package
passes or assigns ``message_zh`` (``errors.py`` sets its own rendered attribute; that is allowed)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from desktop_app.domain.plan import DraftWarning
from desktop_app.errors import DatabaseTooNew, InputRejected, PeakDeskError
from desktop_app.messages import msg

PACKAGE = Path(__file__).resolve().parents[3] / "desktop_app"
PENDING: dict[str, int] = {}   # file → pairs still to convert; empty since the importer moved over
PAIR = re.compile(r"(?<!self\.)\bmessage_zh\s*=(?!=)")


def pairs() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        n = len(PAIR.findall(path.read_text(encoding="utf-8")))
        if n:
            found[path.relative_to(PACKAGE).as_posix()] = n
    return found


def test_the_pattern_finds_keyword_and_assigned_pairs():
    assert PAIR.findall('raise X("a", message_zh="甲")') and PAIR.findall('exc.message_zh = "甲"')
    assert not PAIR.findall('self.message_zh = chinese') and not PAIR.findall('if e.message_zh == "甲":')


def test_no_new_message_pairs_outside_the_catalogue():
    grown = {rel: n for rel, n in pairs().items() if n > PENDING.get(rel, 0)}
    assert grown == {}, "give these messages a key in desktop_app/data/messages/<area>.toml and use msg(key, …)"


def test_pending_counts_are_current():
    found = pairs()
    stale = {rel: (n, found.get(rel, 0)) for rel, n in PENDING.items() if found.get(rel, 0) < n}
    assert stale == {}, "lower these counts in PENDING (or remove the file): (listed, found)"


@pytest.mark.parametrize("lang, text", [("zh", "本版 PeakDesk 最高支持 2"), ("en", "understands up to version 2")])
def test_a_store_error_reads_in_the_users_language(lang, text):
    error = DatabaseTooNew(msg("core.store.db_too_new", path="a.sqlite", version=3, latest=2))
    assert text in error.localized(lang) and isinstance(error, PeakDeskError)


def test_the_legacy_chinese_keyword_is_gone():
    with pytest.raises(TypeError):
        PeakDeskError("locked", message_zh="已锁定")  # type: ignore[call-arg]


def test_a_relayed_error_keeps_both_rendered_texts_and_pickles():
    original = InputRejected(msg("importer.rejected", name="a.docx"), [])
    copy = pickle.loads(pickle.dumps(PeakDeskError.relayed(original)))
    assert copy.localized("zh") == "a.docx 无法作为方案导入。" and copy.localized("en") == "a.docx cannot be imported as a plan."


def test_an_importer_warning_is_a_catalogue_message_in_both_languages():
    w = DraftWarning(msg("importer.trailing_text", count=3, line=40), line=40, kind="trailing_text")
    assert w.text("zh_CN") == w.message_zh == "已略去最后一项任务之后的 3 行文字（第 40 行起）"
    assert w.text("en") == w.message == "dropped 3 line(s) of trailing text after the last task (line 40)"
    assert pickle.loads(pickle.dumps(w)).text("zh") == w.message_zh
