"""Light and dark themes: a Fusion palette plus a small style sheet from resources/styles."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader import paths

_COLOURS = {
    "light": {
        "window": "#f3f2ef",
        "base": "#ffffff",
        "alt": "#f7f6f3",
        "text": "#1d1d1f",
        "button": "#ecebe8",
        "highlight": "#2f6fb3",
        "highlighted_text": "#ffffff",
        "muted": "#6e6e73",
        "link": "#2f6fb3",
    },
    "dark": {
        "window": "#26272b",
        "base": "#1e1f22",
        "alt": "#2a2b2f",
        "text": "#e6e3dc",
        "button": "#33343a",
        "highlight": "#3d6ea8",
        "highlighted_text": "#ffffff",
        "muted": "#9d9a92",
        "link": "#8ab4f8",
    },
}


def palette(name: str) -> QPalette:
    c = _COLOURS.get(name, _COLOURS["light"])
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"),
        (role.Base, "base"),
        (role.AlternateBase, "alt"),
        (role.Text, "text"),
        (role.WindowText, "text"),
        (role.Button, "button"),
        (role.ButtonText, "text"),
        (role.Highlight, "highlight"),
        (role.HighlightedText, "highlighted_text"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Link, "link"),
    ):
        pal.setColor(r, QColor(c[key]))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(c["muted"]))
    return pal


def stylesheet(name: str) -> str:
    path = paths.resources_dir() / "styles" / f"{name}.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    icons = (paths.resources_dir() / "icons").as_posix()
    return text.replace("@ICONS@", icons)


def apply(name: str) -> None:
    """Apply theme ``name`` (light/dark) to the running application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # none, or one without widgets: nothing to style
        return
    if app.style().objectName().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(name))
    app.setStyleSheet(stylesheet(name))
