"""Interface language: chosen from the locale or setting, catalogs built by the project's own files."""

import contextlib
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.gui import i18n


@contextlib.contextmanager
def chinese_catalog(tmp_path):
    """The Chinese interface catalog, built into ``tmp_path`` and installed for the block."""
    qm = i18n.build_qm("zh_CN", tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def test_chinese_by_default_english_for_english_systems(monkeypatch):
    monkeypatch.delenv("READER_LANG", raising=False)
    assert i18n.choose_language("auto", QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert i18n.choose_language("auto", QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "zh_CN"
    assert (
        i18n.choose_language("auto", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"
    )
    assert i18n.choose_language("en", QLocale(QLocale.Language.Chinese)) == "en"


def test_the_chinese_catalog_builds_and_translates_the_interface(qapp, tmp_path):
    qm = i18n.build_qm("zh_CN", tmp_path)
    assert qm is not None and qm.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("FilterPanel", "Clear filters") == "清除筛选"
        assert QCoreApplication.translate("Facets", "Places") == "地点"
        assert QCoreApplication.translate("Facets", "My tags") == "我的标签"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_chinese_message_is_translated():
    root = ET.parse(i18n.ts_file("zh_CN")).getroot()
    missing = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "vanished")
        or not (m.findtext("translation") or m.find("translation").find("numerusform") is not None)
    ]
    assert missing == []


def test_built_catalog_is_reused_until_the_source_changes(tmp_path):
    first = i18n.build_qm("en", tmp_path)
    mtime = first.stat().st_mtime_ns
    assert i18n.build_qm("en", tmp_path).stat().st_mtime_ns == mtime


def test_the_window_speaks_chinese_and_translates_query_notes(qtbot, library, make_window, tmp_path):
    from tests.helpers.gui import type_query

    qm = i18n.build_qm("zh_CN", tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        window = make_window(library)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert window.filter_panel.clear_button.text() == "清除筛选"
        assert window.count_label.text().startswith("文库共")
        type_query(qtbot, window, '"上饶')
        assert "引号不成对" in window.search_bar.notes.text()
        assert window.search_bar.total.text().endswith("篇报道")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_notes_with_a_variable_part_are_translated_around_it(qapp, tmp_path):
    with chinese_catalog(tmp_path):
        assert i18n.translate_note("invalid date '2024-13' ignored") == "日期 '2024-13' 无效，已忽略"
        assert i18n.translate_note("something new") == "something new"


def test_without_a_system_cjk_font_the_bundled_one_becomes_the_app_font(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    from reader import app as app_module
    from reader.gui import fontpick

    monkeypatch.setattr(app_module, "has_cjk_font", lambda: False)
    before = qapp.font()
    try:
        family = app_module.ensure_cjk_font(qapp)
        assert family, "reader.fonts.register_qt_fonts gave no family"
        assert family in QFontDatabase.families()
        assert family in qapp.font().families()
        assert QFontMetrics(qapp.font()).inFont("饒")
    finally:
        qapp.setFont(before)
        fontpick._registered.clear()


def test_switching_language_rebuilds_the_window_in_it(
    qtbot, library, make_window, settings, monkeypatch, tmp_path
):
    from tests.helpers.gui import type_query

    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    window = make_window(library)
    assert window.menuBar().actions()[0].text() == "&File"
    type_query(qtbot, window, "马家柚")
    window.results_view.setFocus()
    qtbot.waitUntil(lambda: bool(window._current_id))
    story = window._current_id
    chinese = window.switch_language("zh_CN")
    try:
        assert chinese is not None and not window.isVisible() and chinese.isVisible()
        qtbot.addWidget(chinese)
        assert chinese.menuBar().actions()[0].text() == "文件(&F)"
        assert chinese.filter_panel.clear_button.text() == "清除筛选"
        assert chinese.search_bar.text() == "马家柚"  # same query, same story open
        qtbot.waitUntil(lambda: chinese._current_id == story)
        english = chinese.switch_language("en")
        qtbot.addWidget(english)
        assert english.menuBar().actions()[0].text() == "&File"
        english.close()
    finally:
        i18n.install(QCoreApplication.instance(), "en")


def test_every_note_search_gives_is_translated_and_notes_are_one_a_line(qapp, tmp_path):
    from reader.gui.views.searchbar import SearchBar

    with chinese_catalog(tmp_path):
        cases = {
            "unknown field 'foo': searched as text": "未知字段 'foo'，已按普通文字检索",
            "reversed date range '2024-06..2024-01' read as '2024-01..2024-06'": (
                "日期范围 '2024-06..2024-01' 前后颠倒，已按 '2024-01..2024-06' 检索"
            ),
            "invalid from date '2025-13-01' ignored": "起始日期 '2025-13-01' 无效，已忽略",
            "invalid to date '2025-02-30' ignored": "截止日期 '2025-02-30' 无效，已忽略",
            "tag '江西' has no kind: matched place:江西": "标签 '江西' 未注明类别，已匹配 place:江西",
            "no tag '火星' in the library": "文库中没有标签 '火星'",
        }
        for note, chinese in cases.items():
            assert i18n.translate_note(note) == chinese
        bar = SearchBar()
        bar.set_notes([i18n.translate_note(n) for n in cases])
        assert bar.notes.text().count("\n") == len(cases) - 1


def test_switching_language_keeps_the_reading_position(qtbot, library, make_window, monkeypatch, tmp_path):
    from .test_mainwindow import type_query

    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    window = make_window(library)
    window.resize(1100, 700)
    type_query(qtbot, window, "朝着春天出发")
    story = window._current_id
    bar = window.reading.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    ratio = window.reading.scroll_ratio()
    assert 0.3 < ratio < 0.7
    chinese = window.switch_language("zh_CN")
    try:
        qtbot.addWidget(chinese)
        qtbot.waitUntil(lambda: chinese._current_id == story)
        qtbot.wait(50)
        assert chinese.reading.story is not None and chinese.reading.story.id == story
        assert abs(chinese.reading.scroll_ratio() - ratio) < 0.05
        chinese.close()
    finally:
        i18n.install(QCoreApplication.instance(), "en")


def test_qt_own_dialogs_speak_chinese_in_the_chinese_interface(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QFileDialog, QLabel

    qm_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert (Path(qm_dir) / "qtbase_zh_CN.qm").is_file(), "PySide6 ships Qt's own Chinese catalog"
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    i18n.install(qapp, "zh_CN")
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"].startswith("查找范围")
        assert labels["fileTypeLabel"].startswith("文件类型")
        dialog.deleteLater()
    finally:
        i18n.install(qapp, "en")


def test_the_shipped_catalogs_are_compiled_from_their_sources(tmp_path):
    """The committed .qm files are what lrelease makes of the .ts now (run python -m reader.gui.i18n)."""
    for lang in i18n.LANGUAGES:
        fresh = i18n.build_qm(lang, tmp_path)
        assert fresh is not None, f"lrelease could not compile {i18n.ts_file(lang)}"
        shipped = i18n.qm_file(lang)
        assert shipped.is_file(), f"{shipped} is missing: run python -m reader.gui.i18n"
        stale = f"{shipped} is stale: run python -m reader.gui.i18n"
        assert shipped.read_bytes() == fresh.read_bytes(), stale


def test_install_loads_the_shipped_chinese_catalog_without_a_cache(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("READER_CACHE", str(tmp_path / "cache"))
    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("FilterPanel", "Clear filters") == "清除筛选"
        assert not (tmp_path / "cache" / "translations").exists()
    finally:
        i18n.install(qapp, "en")
