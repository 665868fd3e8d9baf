"""The zh_CN catalogue is complete: no unfinished or empty entries, and it covers every UI module."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop_app.paths import PACKAGE_DIR, RESOURCES_DIR

TS = RESOURCES_DIR / "translations" / "peakdesk_zh_CN.ts"


def test_no_unfinished_or_empty_translations():
    root = ET.parse(TS).getroot()
    messages = root.findall(".//message")
    assert len(messages) > 100
    bad = []
    for msg in messages:
        tr = msg.find("translation")
        text = "".join(tr.itertext()).strip() if tr is not None else ""
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            bad.append(msg.findtext("source"))
    assert bad == []
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")


def test_every_translated_ui_module_is_in_the_catalogue():
    text = TS.read_text(encoding="utf-8")
    for path in (PACKAGE_DIR / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "self.tr(" in source or "QCoreApplication.translate(" in source:
            assert path.name in text, f"{path.name} has UI strings but is not in {TS.name}: run pyside6-lupdate"


def test_catalogue_has_every_string_of_the_code(tmp_path):
    """pyside6-lupdate over the UI code finds no string the catalogue lacks (a new or changed ``tr()``
    text without its Chinese would show in English in the Chinese UI)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists(), "pyside6-lupdate comes with PySide6"
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (PACKAGE_DIR / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-no-obsolete", "-silent"], check=True,
                   capture_output=True)
    root = ET.parse(copy).getroot()
    missing = [msg.findtext("source") for msg in root.findall(".//message")
               if msg.find("translation") is not None and msg.find("translation").get("type") == "unfinished"]
    assert missing == [], "run pyside6-lupdate and translate these"
