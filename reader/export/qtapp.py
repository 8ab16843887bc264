"""A QGuiApplication for headless export: the CLI and tests have no window system.

QPdfWriter and QTextDocument need a Gui application object. When none exists we
create one, choosing the ``offscreen`` platform ourselves when there is no
display (no ``DISPLAY``/``WAYLAND_DISPLAY``), so ``reader export`` works over ssh
and in CI with ``QT_QPA_PLATFORM`` unset.
"""

from __future__ import annotations

import os
import sys

_app = None


def ensure_gui_app():
    """The running QGuiApplication (or QApplication), created offscreen if needed."""
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv else "reader"])
    return _app
