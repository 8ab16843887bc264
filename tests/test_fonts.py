"""Prepared CJK fonts: cleaned cmap, cached build, Qt registration with ccmp off."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from reader import fonts
from reader.atomicfile import TEMP_SUFFIX


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(fonts, "_files", {})
    return tmp_path / "cache" / "fonts"


def test_build_drops_lookalike_code_points_and_is_cached(fresh_cache):
    path = fonts.cjk_font_file("zh-hans")
    files = fonts.cjk_font_files("zh-hans")
    assert files[0] == path and path.parent == fresh_cache and path.suffix == ".otf"
    assert not [p for p in fresh_cache.iterdir() if p.suffix in (".tmp", TEMP_SUFFIX)]  # no temp files left
    layer_maps = [TTFont(str(p), lazy=True).getBestCmap() for p in files[1:]]
    assert any(0x2F00 in m for m in layer_maps)  # ⼀ still printable, from a layer of its own
    assert any(0x30FB in m for m in layer_maps) and any(0x2022 in m for m in layer_maps)
    for m in layer_maps:  # within a layer, no glyph has two code points
        assert len(set(m.values())) == len(m)
    font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    assert font["name"].getDebugName(1) == "Reader Sans CJK SC"
    assert 0x4E00 in cmap and 0x2F00 not in cmap  # 一 kept, Kangxi ⼀ dropped
    assert 0x957F in cmap and 0x2FA7 not in cmap and 0x2ED3 not in cmap  # 长 kept, ⾧ ⻓ dropped
    assert 0x80F6 in cmap and 0x3B35 not in cmap  # 胶 kept, Ext A 㬵 (same glyph) dropped
    assert 0x3008 in cmap and 0x2329 not in cmap  # 〈 kept, deprecated 〈 dropped
    assert 0xFF5E in cmap and 0x301C not in cmap  # ～ kept
    assert 0x2014 in cmap and 0x3400 in cmap  # other characters untouched
    for table in font["cmap"].tables:
        assert 0x2F00 not in table.cmap
    font.close()
    mtime = path.stat().st_mtime_ns
    fonts._files.clear()
    assert fonts.cjk_font_files("zh-hans") == files and path.stat().st_mtime_ns == mtime  # not rebuilt


def test_traditional_scripts_get_tc_and_hk_faces():
    tc = fonts.cjk_font_file("zh-hant")
    assert fonts.cjk_font_file("zh-tw") == tc
    hk = fonts.cjk_font_file("zh-hk")
    assert tc != hk
    assert TTFont(str(hk), lazy=True)["name"].getDebugName(1) == "Reader Sans CJK HK"


def test_code_points_sharing_a_glyph_go_to_layers():
    cmap = {
        0x2F00: "g1",
        0x4E00: "g1",
        0x3B35: "g2",
        0x80F6: "g2",
        0x20: "sp",
        0xA0: "sp",
        0x2012: "d",
        0x2013: "d",
    }
    assert fonts.dropped_code_points(cmap) == {0x2F00, 0x3B35, 0x2012, 0xA0}
    shared = {0xB7: "dot", 0x2022: "dot", 0x2027: "dot", 0x30FB: "dot"}
    assert fonts.extra_layers(shared) == [{0x2022}, {0x2027}, {0x30FB}]  # · stays: Qt's choice


def test_unknown_script_is_refused():
    with pytest.raises(ValueError, match="unknown script"):
        fonts.cjk_font_file("zh-xx")


def test_qt_font_has_ccmp_off(qapp):
    from PySide6.QtGui import QFont

    families = fonts.register_qt_fonts()
    assert families["zh-hans"] == "Reader Sans CJK SC"
    assert families["zh-tw"] == families["zh-hant"]
    font = fonts.qt_font("zh-hk", 12)
    assert font.family() == families["zh-hk"]
    assert font.featureValue(QFont.Tag("ccmp")) == 0
    assert font.featureValue(QFont.Tag("liga")) == 0
