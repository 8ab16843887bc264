"""Export dialog (Ctrl+E), preferences, query notes, drag and drop — on the real library."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from reader.gui.dialogs.preferences import PreferencesDialog
from reader.gui.models.results import IdRole
from tests.helpers.gui import type_query


def export_dialog(window):
    pytest.importorskip("reader.export.citations", reason="reader.export is not available yet")
    dialog = window.make_export_dialog()
    dialog.open_when_done = False
    return dialog


def test_export_all_results_of_the_query_as_csv(qtbot, library, make_window, tmp_path):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    dialog = export_dialog(window)
    dialog.choose("query")
    dialog.set_format("csv")
    out = tmp_path / "out.csv"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start()
    assert out.is_file()
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert len(rows) - 1 == window.model.total  # header + one row per story
    assert window.index.get(window.model.index(0, 0).data(IdRole)).title in text


def test_export_selected_results_to_pdf_in_traditional(qtbot, library, make_window, tmp_path):
    window = make_window(library)
    type_query(qtbot, window, "马家柚")
    window.results_view.selectionModel().clearSelection()
    window.results_view.selectionModel().select(
        window.model.index(0, 0), window.results_view.selectionModel().SelectionFlag.Select
    )
    dialog = export_dialog(window)
    assert dialog.r_selected.isChecked()
    dialog.set_format("pdf")
    dialog.script.setCurrentIndex(dialog.script.findData("zh-hant"))
    out = tmp_path / "story.pdf"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start()
    pypdf = pytest.importorskip("pypdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    title = window.index.get(window.model.index(0, 0).data(IdRole)).title
    from reader.text.convert import convert

    assert convert(title, "zh-hant")[:4] in text


def test_export_refuses_a_missing_folder_with_a_clear_message(qtbot, library, make_window, tmp_path):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    dialog = export_dialog(window)
    dialog.path.setText(str(tmp_path / "no" / "such" / "x.csv"))
    dialog.start()
    assert "no/such" in dialog.status.text() or "no\\such" in dialog.status.text()
    assert dialog.job is None


def test_preferences_apply_theme_and_script(qtbot, library, make_window, settings):
    window = make_window(library)
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.script.setCurrentIndex(dialog.script.findData("zh-hk"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    changed = dialog.apply()
    assert changed == {"theme": "dark", "script": "zh-hk", "language": "en"}
    assert (settings.theme, settings.script, settings.language) == ("dark", "zh-hk", "en")


def test_a_malformed_query_still_searches_and_shows_a_note(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, '"上饶')
    assert window.model.total > 0
    assert window.search_bar.notes.isVisibleTo(window)
    assert window.search_bar.notes.text()


def test_dropping_a_folder_imports_it(qtbot, library, make_window, tmp_path):
    window = make_window(library)
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "来源: 测试\n\n拖放导入的报道标题\n\n  拖放进来的鹈鹕新闻正文。\n", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)  # Qt delivers drops only inside a real drag; call the handlers as it would
    assert enter.isAccepted()
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_done, timeout=60000):
        window.dropEvent(event)
    type_query(qtbot, window, "鹈鹕")
    assert window.model.total == 1


def test_export_confirms_asks_before_overwriting_names_filters_and_remembers(
    qtbot, library, make_window, tmp_path
):
    from reader.export.labels import labels

    window = make_window(library)
    type_query(qtbot, window, "上饶")
    window.filter_panel.model.set_checked("tag", "place:江西", True)
    qtbot.waitUntil(lambda: window.model.total > 0)
    dialog = export_dialog(window)
    qtbot.addWidget(dialog)
    assert dialog.title.placeholderText() == labels("zh-hans")["default_title"]  # as the CLI's default
    dialog.choose("query")
    dialog.set_format("pdf")
    dialog.title.setText("我的选辑")
    out = tmp_path / "mine.pdf"
    out.write_bytes(b"keep me")
    asked = []
    dialog.confirm_overwrite = lambda path: asked.append(path) or False
    dialog.path.setText(str(out))
    dialog.start()
    assert asked == [out] and dialog.job is None and out.read_bytes() == b"keep me"
    dialog.confirm_overwrite = lambda path: True
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.start()
    assert str(out) in dialog.status.text()
    assert not dialog.open_folder_button.isHidden() and not dialog.open_file_button.isHidden()
    pypdf = pytest.importorskip("pypdf")
    cover = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert "我的选辑" in cover and "上饶" in cover and "江西" in cover
    again = export_dialog(window)
    qtbot.addWidget(again)
    assert again.format.currentData() == "pdf"
    assert again.title.text() == "我的选辑"
    assert again.path.text().startswith(str(tmp_path))


def test_preferences_text_size_has_a_unit_and_the_reading_panes_range(qtbot, library, make_window, settings):
    from reader.gui.views.reading import text_px

    window = make_window(library)
    settings.zoom = 2
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.zoom.suffix().strip() == "px"
    window.reading.set_zoom(2)
    assert dialog.zoom.value() == text_px(2) == window.reading.browser.font_px  # what the pane shows
    assert (dialog.zoom.minimum(), dialog.zoom.maximum()) == (text_px(-4), text_px(10))
    assert 10 <= dialog.zoom.minimum() < dialog.zoom.maximum() <= 40
    dialog.zoom.setValue(text_px(5))
    assert dialog.apply()["zoom"] == 5 and settings.zoom == 5


def test_export_dialog_lists_the_formats_of_the_one_table(qtbot, library, make_window, tmp_path):
    from reader.export.formats import FORMATS

    window = make_window(library)
    dialog = export_dialog(window)
    combo = dialog.format
    assert [combo.itemData(i) for i in range(combo.count())] == [f.name for f in FORMATS]
    assert combo.itemText(0) == "PDF"
    dialog.path.setText(str(tmp_path / "refs.pdf"))
    for fmt in FORMATS:  # choosing a format gives the file the format's suffix
        dialog.set_format(fmt.name)
        assert dialog.path.text().endswith(fmt.suffix)
