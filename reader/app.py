"""The desktop app: build the QApplication (language, fonts, theme) and open the main window.

``reader`` with no arguments calls :func:`run`. The window opens on the
library at ``reader.paths.home`` and, on first run, imports the bundled
archive in the background.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__, paths
from reader.fonts import register_qt_fonts
from reader.gui import fontpick, i18n
from reader.gui.mainwindow import MainWindow
from reader.gui.settings import Settings
from reader.index import open_index
from reader.userdata import UserData

log = logging.getLogger(__name__)


def has_cjk_font() -> bool:
    """Whether some installed font covers Chinese (checked with QFontDatabase)."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return bool(families)


def ensure_cjk_font(app: QApplication) -> str:
    """Make Chinese render well: lead the app font with a CJK family.

    When the system has no font covering Chinese, the bundled one is registered
    first (reader.fonts.register_qt_fonts). Returns the family used ("" if none).
    """
    if not has_cjk_font():
        try:
            fontpick.remember_registered(register_qt_fonts())
        except Exception as exc:  # no font package: Chinese may show as boxes, say so
            log.warning("no CJK font on this system and none could be registered: %s", exc)
            return ""
    family = fontpick.family_for("zh-hans")
    app.setFont(fontpick.with_cjk(app.font(), "zh-hans"))  # the bundled Noto behind it, per character
    return family


def create_application(argv: list[str] | None = None, settings=None) -> QApplication:
    """The QApplication with name, translations and a CJK-capable font."""
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a non-GUI Qt application is already running in this process")
    app = existing or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("reader")
    app.setOrganizationName("reader")
    app.setApplicationVersion(__version__)
    i18n.install(app, settings.language if settings is not None else "auto")
    ensure_cjk_font(app)
    return app


def open_library(home: Path):
    """The library's index and user data (user data None if it cannot be opened)."""
    index = open_index(home)
    try:
        userdata = UserData.open(home)
    except Exception as exc:  # the app still reads and searches without bookmarks
        log.warning("user data unavailable: %s", exc)
        userdata = None
    return index, userdata


class LibraryUnavailable(Exception):
    """The library home could not be opened (the message names the folder and why)."""


def open_window(home: str | None = None):
    """Start the app as ``reader`` does: the QApplication, the library, the shown main window.

    ``window.start()`` has run, so on first run the bundled archive is importing in
    the background. Returns ``(app, window, index)``; raises LibraryUnavailable when the
    library cannot be opened. ``.ci/smoke_app.py`` drives this same start on an installed package.
    """
    settings = Settings()
    app = create_application(settings=settings)
    library = paths.home(home)
    try:
        index, userdata = open_library(library)
    except Exception as exc:
        raise LibraryUnavailable(f"{library}: {exc}") from exc
    window = MainWindow(library, index, userdata, settings)
    window.show()
    window.start()
    return app, window, index


def run(home: str | None = None) -> int:
    """Open the app on the library at ``home`` (default: reader.paths.home()); returns the exit code."""
    try:
        app, _window, index = open_window(home)
    except LibraryUnavailable as exc:
        QMessageBox.critical(None, "reader", str(exc))
        return 2
    code = app.exec()
    index.close()
    return int(code)
