"""Font fallback: a character the chosen font lacks is drawn from the bundled Noto face, never a box."""

from PySide6.QtGui import QFont, QRawFont

from reader.gui.fontpick import with_cjk

RARE = 0x2CD02  # 𬴂 (CJK Extension E), what OpenCC's t2s made of 騑 in 黄騑鸿


def _drawn_by(font: QFont, code_point: int) -> list[str]:
    """Families in ``font``'s list that have a glyph for ``code_point``."""
    return [f for f in font.families() if _has(QFont(f), code_point)]


def _has(font: QFont, code_point: int) -> bool:
    """Whether the one font file Qt picks for ``font`` has the glyph (no fallback counted)."""
    raw = QRawFont.fromFont(font)
    return raw.isValid() and raw.familyName() == font.family() and raw.supportsCharacter(code_point)


def test_a_character_the_chosen_font_lacks_falls_back_to_the_bundled_noto(qapp):
    chosen = QFont("DejaVu Sans")
    assert not _has(chosen, RARE)
    for script in ("zh-hans", "zh-hant", "zh-hk"):
        font = with_cjk(chosen, script)
        assert font.families()[0] != "" and "DejaVu Sans" in font.families()
        assert any("Noto Sans CJK" in f for f in _drawn_by(font, RARE)), font.families()
        assert _drawn_by(font, ord("騑"))


def test_the_regional_noto_face_comes_first_among_fallbacks(qapp):
    font = with_cjk(QFont("DejaVu Sans"), "zh-hk")
    notos = [f for f in font.families() if f.startswith("Noto Sans CJK")]
    assert notos and notos[0] == "Noto Sans CJK HK"
