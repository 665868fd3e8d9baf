"""Settings are declared once with a type and default, and survive a damaged value."""

from __future__ import annotations

import pytest

from desktop_app.ui import settings

pytestmark = pytest.mark.gui


def test_defaults_roundtrip_and_bad_values(app):
    assert settings.SEARCH_DELAY_MS.get() == 250
    settings.SEARCH_DELAY_MS.set(100)
    assert settings.SEARCH_DELAY_MS.get() == 100
    settings.qsettings().setValue(settings.SEARCH_DELAY_MS.key, "not a number")
    assert settings.SEARCH_DELAY_MS.get() == 250
    settings.LEDGER_TREE_MODE.set(False)
    settings.reset_store()  # read back from the INI file
    assert settings.LEDGER_TREE_MODE.get() is False
    assert settings.MAIN_GEOMETRY.get().isEmpty()


def test_keys_are_declared_once():
    with pytest.raises(ValueError):
        settings.Option("ui/language", str, "")
    assert "ledger/splitter" in settings.declared()
