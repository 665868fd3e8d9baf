"""Bench fixtures: the GUI tests' window fixtures, for the event-loop watchdog (test_watchdog.py)."""

from tests.gui.conftest import _unfreeze_gc, app, compiled_translations, demo_path, window  # noqa: F401
