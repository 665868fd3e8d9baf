"""Paths in the status bar are written with ~ for the home folder."""

from pathlib import Path

from desktop_app.ui.view_kit import display_path


def test_home_is_written_as_tilde(monkeypatch, tmp_path):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert display_path(tmp_path / "PeakDesk" / "demo.sqlite") == str(Path("~") / "PeakDesk" / "demo.sqlite")
    assert display_path("/elsewhere/office.sqlite") == str(Path("/elsewhere/office.sqlite"))
