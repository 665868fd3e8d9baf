"""Font choice: the user's Windows fonts first, bundled TrueType next, never CFF outlines."""

from __future__ import annotations

import shutil

from desktop_app.reports import fonts as F


def test_bundled_fonts_cover_every_role_on_a_bare_machine(tmp_path):
    fs = F.find_fonts(search_dirs=[tmp_path / "none"])
    assert set(fs.choices) == set(F.ROLES)
    assert all(c.bundled and not c.genuine for c in fs.choices.values())
    assert fs.choices[F.HEI].family == "WenQuanYi Micro Hei"
    assert fs.choices[F.KAI].family == "LXGW WenKai"
    assert "substitute" in fs.substitutes_text("en")


def test_installed_windows_font_wins_and_is_not_a_substitute(tmp_path):
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    # any TrueType file named like the Windows font stands in for it here
    shutil.copy(F.BUNDLED_DIR / "wqy-microhei.ttc", fonts_dir / "SIMHEI.TTF")
    fs = F.find_fonts(search_dirs=[fonts_dir])
    hei = fs.choices[F.HEI]
    assert hei.genuine and not hei.bundled and hei.path.parent == fonts_dir
    assert all(c.role != F.HEI for c in fs.substitutes)


def test_cff_fonts_are_skipped(tmp_path):
    fonts_dir = tmp_path / "Fonts"
    fonts_dir.mkdir()
    fake = fonts_dir / "simkai.ttf"
    fake.write_bytes(b"OTTO" + b"\0" * 200)
    assert not F.is_truetype(fake)
    fs = F.find_fonts(search_dirs=[fonts_dir])
    assert fs.choices[F.KAI].path != fake


def test_truetype_detection_on_collections():
    assert F.is_truetype(F.BUNDLED_DIR / "wqy-microhei.ttc", 0)
    assert F.is_truetype(F.BUNDLED_DIR / "DejaVuSerif.ttf")


def test_bundled_fonts_have_licence_files():
    names = {p.name for p in F.BUNDLED_DIR.iterdir()}
    assert {"LICENSE-wqy-microhei.txt", "LICENSE-LXGWWenKai.txt", "LICENSE-DejaVu.txt"} <= names
    size = sum(p.stat().st_size for p in F.BUNDLED_DIR.iterdir())
    assert size < 30 * 1024 * 1024
