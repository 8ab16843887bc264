"""Whether the desktop app can open a window here, told before Qt is started.

Without a display Qt's xcb plugin aborts the process with a message about
xcb-cursor that helps no one. On Linux and other X11/Wayland systems the app
therefore needs ``DISPLAY`` or ``WAYLAND_DISPLAY``, unless ``QT_QPA_PLATFORM``
names a platform explicitly (``offscreen`` for tests and scripts). Windows and
macOS always have one. No Qt import here: the check must work where Qt cannot.
"""

from __future__ import annotations

import os
import sys

#: Exit code of ``reader`` (no command) when no window can be opened.
EXIT_NO_DISPLAY = 2


def missing_display(environ=None, platform: str | None = None) -> str | None:
    """One line saying why no window can open, or None when it can."""
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "cygwin", "darwin")):
        return None
    if any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return (
        "no display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "the reader commands (parse, index, search, show, export ...) work without one: see reader --help"
    )
