"""Choose CJK font families for the interface and for reading each script.

Qt finds Chinese glyphs by fallback when the default font has none, but that
lookup is slow (painting a results list took 2–3× longer here) and picks
glyph shapes at random among installed CJK fonts. So the app font leads with a
CJK family, and the reading pane asks for the regional family of its script
(SC for 简体, TC for 繁體/臺灣, HK for 香港) when installed. Behind them
come the bundled Noto Sans CJK faces (``reader.fonts.register_qt_fallback``), so
a character the chosen font lacks is drawn from Noto, character by character.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from reader.fonts import register_qt_fallback

#: Preferred families per script, best first; the first installed one wins.
PREFERRED = {
    "zh-hans": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Noto Sans SC",
        "PingFang SC",
        "Microsoft YaHei",
        "Hiragino Sans GB",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
    ),
    "zh-hant": (
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "Noto Sans TC",
        "PingFang TC",
        "Microsoft JhengHei",
    ),
    "zh-tw": ("Noto Sans CJK TC", "Source Han Sans TW", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"),
    "zh-hk": ("Noto Sans CJK HK", "Source Han Sans HK", "Noto Sans HK", "PingFang HK", "Microsoft JhengHei"),
}
_WRITING = {
    "zh-hans": QFontDatabase.WritingSystem.SimplifiedChinese,
    "zh-hant": QFontDatabase.WritingSystem.TraditionalChinese,
    "zh-tw": QFontDatabase.WritingSystem.TraditionalChinese,
    "zh-hk": QFontDatabase.WritingSystem.TraditionalChinese,
}
_registered: dict[str, str] = {}
#: The system's families, seen before the bundled fallback faces were loaded: those faces back
#: up the user's font, they never replace it as the chosen family.
_system: set[str] | None = None


def _system_families() -> set[str]:
    global _system
    if _system is None:
        _system = set(QFontDatabase.families())
    return _system


def remember_registered(families: dict[str, str]) -> None:
    """Families registered from the bundled font (reader.fonts.register_qt_fonts)."""
    _registered.update(families)


def family_for(script: str = "zh-hans") -> str:
    """The best installed family for ``script``, or "" when none covers Chinese."""
    if _registered:  # the system had none: use the bundled font
        return _registered.get(script) or _registered.get("zh-hans") or next(iter(_registered.values()))
    installed = _system_families()
    for name in PREFERRED.get(script, ()) + PREFERRED["zh-hans"]:
        if name in installed:
            return name
    for name in QFontDatabase.families(_WRITING.get(script, QFontDatabase.WritingSystem.SimplifiedChinese)):
        if name in installed and not QFontDatabase.isPrivateFamily(name):
            return name
    return ""


def with_cjk(font: QFont, script: str = "zh-hans") -> QFont:
    """``font`` led by the CJK family for ``script``, its own family next, the bundled Noto last."""
    family = family_for(script)
    out = QFont(font)
    lead = [family] if family else []
    families = list(dict.fromkeys([*lead, *font.families(), *register_qt_fallback(script)]))
    out.setFamilies(families)
    return out
