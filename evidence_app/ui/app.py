"""Starting the desktop app: Qt application, bundled font, translations, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator, QLibraryInfo
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from evidence_app.paths import resources_dir

APP_NAME = "举证助手"
ORG = "evidence_app"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_translators: list[QTranslator] = []


def load_font() -> str:
    """Register the shipped WenQuanYi Micro Hei so Chinese never depends on the system's fonts."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Install the translators for `lang` (zh_CN: ours and Qt's own; en: the source strings). True when done."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if lang == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(resources_dir() / "translations" / f"evidence_app_{lang}.qm")):
        return False
    app.installTranslator(ours)
    _translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    return True


def app_settings(path: str | None = None) -> QSettings:
    """Per-user window state and the library location (the library keeps its own settings)."""
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, "evidence_app")


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(ORG)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG)
    family = load_font()
    if family:
        font = QFont(family, 10 if sys.platform == "win32" else 10)
        app.setFont(font)
    icon = resources_dir() / "icons" / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_gui(argv: list[str], data_dir: Path | None = None, open_archive: Path | None = None) -> int:
    from evidence_app.paths import default_data_dir
    from evidence_app.storage.library import Library
    from evidence_app.ui.main_window import MainWindow

    app = create_app(argv)
    settings = app_settings()
    # --data-dir, then $EVIDENCE_APP_DATA_DIR, then the folder chosen in the settings, then the per-user default
    if data_dir is not None:
        folder = data_dir
    elif os.environ.get("EVIDENCE_APP_DATA_DIR"):
        folder = default_data_dir()
    else:
        folder = Path(str(settings.value("library_dir", "") or default_data_dir()))
    library = Library(folder)
    install_language(app, library.lang if library.lang in LANGUAGES else "zh_CN")
    from evidence_app.export.prepare_pool import SharedPool, install_shared

    pool = SharedPool()  # warm image workers for exports and thumbnails: started on first use
    install_shared(pool)
    window = MainWindow(library, settings)
    window.show()
    from evidence_app.ui import guard

    guard.install(window, library)  # a full disk: read-only notice, failed writes as one status-bar line
    if open_archive is not None:
        window.import_archive_file(str(open_archive))
    shot = os.environ.get("EVIDENCE_APP_SCREENSHOT")
    if not shot:  # first run: ask the shop's name once (never in the unattended smoke test)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window.ask_shop_once)
    if not shot:  # files added by the CLI or an archive and not read yet: read them once the window is up
        from PySide6.QtCore import QTimer

        QTimer.singleShot(3000, window.reading.start)
    if shot:  # support and smoke tests: save what the window shows after start-up, then quit
        from PySide6.QtCore import QTimer

        def grab() -> None:
            window.grab().save(shot)
            window.close()

        QTimer.singleShot(int(os.environ.get("EVIDENCE_APP_SCREENSHOT_DELAY_MS", "2500")), grab)
    code = app.exec()
    window.shutdown()
    install_shared(None)
    pool.shutdown()
    from evidence_app.reading.pool import shared as reading_pool

    reading_pool().shutdown()
    library.close()
    return code
