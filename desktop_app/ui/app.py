"""QApplication set-up: names for QSettings, icon, style, translators, a CJK font, and the ``gui`` entry.

The language is a two-letter code, ``zh`` or ``en``: from the command line, else the setting, else
the system locale. Switching it at run time swaps the translators; Qt then sends every widget a
``LanguageChange`` event and the windows re-translate themselves.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import __version__
from desktop_app.paths import RESOURCES_DIR
from desktop_app.ui import settings

LANGUAGES = ("zh", "en")
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
FONTS_DIR = RESOURCES_DIR / "fonts"
ICON_PATH = RESOURCES_DIR / "icons" / "peakdesk.svg"

# Common CJK UI fonts, tried in order when the system font database has no Chinese family and we ship
# none in resources/fonts (Windows, macOS and Debian/Ubuntu package locations).
SYSTEM_CJK_FONTS = (
    "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


# Strings of Qt's own dialogs that the qtbase_zh_CN.qm shipped with PySide6 lacks (Qt 6 changed the source
# texts, e.g. "Look in:" became "&Look in:"): without them the Chinese file dialog says "Look in:" and
# "Files of type:". Listed here so lupdate keeps them in our catalogue, whose translator Qt asks after its own.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close without Saving"),
)


class LanguageHub(QObject):
    """Holds the current language and its translators; tells windows when it changes."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.lang = "en"
        self._translators: list[QTranslator] = []

    def apply(self, lang: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        # The language is set first: removing and installing translators sends LanguageChange at once.
        self.lang = lang if lang in LANGUAGES else "en"
        for tr in self._translators:
            app.removeTranslator(tr)
        self._translators = []
        if self.lang == "zh":
            ours = QTranslator(app)
            if ours.load(str(TRANSLATIONS_DIR / "peakdesk_zh_CN.qm")):
                self._translators.append(ours)
            qt = QTranslator(app)
            if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt)
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        for tr in self._translators:
            app.installTranslator(tr)
        self.changed.emit(self.lang)

    @property
    def translators_loaded(self) -> int:
        return len(self._translators)


_hub: LanguageHub | None = None


def language_hub() -> LanguageHub:
    global _hub
    if _hub is None:
        _hub = LanguageHub()
    return _hub


def current_lang() -> str:
    return language_hub().lang


def system_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(explicit: str | None = None) -> str:
    """Command line, else the saved setting, else the system locale."""
    if explicit in LANGUAGES:
        return explicit
    saved = settings.LANGUAGE.get()
    if saved in LANGUAGES:
        return saved
    return system_language()


def set_language(lang: str, *, remember: bool = True) -> None:
    if remember:
        settings.LANGUAGE.set(lang)
    language_hub().apply(lang)


def has_cjk_family() -> bool:
    return any(QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)
               for f in QFontDatabase.families())


def _cjk_family(families: list[str]) -> str | None:
    return next((f for f in families
                 if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f)), None)


def ensure_cjk_font() -> str | None:
    """Make sure Chinese can be drawn on a machine without any Chinese font.

    The bundled fonts in resources/fonts are registered with Qt (then well-known system files) until
    one of them covers simplified Chinese; that family is put behind the application's default font,
    so widgets draw Latin text in the platform's font and fall back to it for Chinese. Returns the
    family that was added, or None when the system already had one (or none was found).
    """
    if has_cjk_family():
        return None
    candidates = sorted(p for p in FONTS_DIR.glob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc"))
    candidates += [Path(p) for p in SYSTEM_CJK_FONTS]
    for path in candidates:
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        family = _cjk_family(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else None
        if family is None:
            continue
        font = QApplication.font()
        font.setFamilies([*font.families(), family])
        QApplication.setFont(font)
        return family
    return None


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


GUI_SWITCH_INTERVAL_S = 0.0005
STYLE = "Fusion"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured once (reuses an existing instance, e.g. under pytest-qt)."""
    app = QApplication.instance()
    styled = False
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            QGuiApplication.highDpiScaleFactorRoundingPolicy().PassThrough)
        # The style as a command-line option rather than setStyle(): setStyle returns the QStyle, and
        # wrapping it makes PySide build QStyle's Python enums (hundreds of members) before the first paint.
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", STYLE])
        styled = True
    assert isinstance(app, QApplication)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("PeakDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if app.property("peakdesk_configured") is None:
        # Every call from Qt into Python (a model's data(), a slot) takes the interpreter lock. While a
        # worker thread runs Python, a waiting GUI thread gets it only after the switch interval (5 ms by
        # default) — per call: painting a table of a few hundred cells then stalled for several hundred
        # milliseconds. A short interval bounds each wait; the cost is more frequent switching.
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        if not styled:
            app.setStyle(STYLE)
        ensure_cjk_font()
        from desktop_app.ui import file_dialogs

        file_dialogs.install()   # file choosers that never open (and unlock) the live database
        app.setProperty("peakdesk_configured", True)
    return app


def screenshot(window: QWidget, path: Path, size: tuple[int, int] = (1366, 768)) -> Path:
    """Render ``window`` at ``size`` into a PNG (works offscreen and under X)."""
    window.resize(*size)
    QApplication.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def run_gui(db_path: Path | None, *, view: str | None = None, lang: str | None = None,
            screenshot_path: Path | None = None, fallback: Path | None = None) -> int:
    """Open the main window on ``db_path`` (None: the last database, else the welcome panel); with
    ``screenshot_path`` render it once loaded and exit."""
    from desktop_app.ui.main_window import MainWindow

    app = create_application()
    set_language(resolve_language(lang), remember=False)
    window = MainWindow(view=view)
    if screenshot_path is not None:
        window.persist_layout = False   # the picture is taken at a fixed size: keep the user's own layout
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, QGuiApplication.platformName() == "offscreen")
    window.show()
    if db_path is None and screenshot_path is None:
        window.start(None, fallback=fallback)
        return app.exec()
    if db_path is None or not window.open_database(db_path):
        if screenshot_path is None:
            return app.exec()
        return 1
    if view:
        window.show_view(view)
    if screenshot_path is not None:
        page = window.pages[window.current_view()]
        loader = getattr(page, "loader", None)  # pages that load in the background: wait for their data
        deadline = time.monotonic() + 60
        while loader is not None and loader.busy and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        select_first = getattr(page, "select_first_task", None)
        if select_first is not None:
            select_first()
        for _ in range(5):
            app.processEvents()
        screenshot(window, screenshot_path)
        window.close()
        return 0
    return app.exec()
