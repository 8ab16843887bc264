"""The main window driven like a user, on the real index built from archive/ and real user data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.gui.models.facets import CountRole, FacetRole
from reader.gui.models.results import IdRole
from reader.gui.settings import Settings
from reader.gui.workers import Runner
from reader.index.results import SearchRequest
from reader.text.fold import fold
from tests.helpers.gui import ime_type, type_query


def facet_items(window):
    model = window.filter_panel.model
    for row in range(model.rowCount()):
        group = model.item(row, 0)
        for child in range(group.rowCount()):
            yield group.child(child, 0)


def test_typing_searches_and_shows_the_total_and_facet_counts(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    expected = window.index.search(SearchRequest(query="上饶"))
    assert expected.total > 0
    assert window.model.rowCount() == expected.total
    assert window.search_bar.total.text().startswith(str(expected.total))
    counts = {item.data(FacetRole): item.data(CountRole) for item in facet_items(window)}
    for name, values in expected.facets.items():
        for value, count in values[:10]:
            assert counts[(name, value)] == count


def test_results_update_once_after_typing_stops(qtbot, library, make_window):
    window = make_window(library)
    calls = []
    window.results_shown.connect(calls.append)
    ime_type(window.search_bar.edit, "马家柚")
    assert calls == []  # nothing while typing
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    qtbot.wait(300)
    assert len(calls) == 1


def test_ticking_a_filter_narrows_results_to_its_count_and_one_click_clears(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    before = window.model.total
    item = next(i for i in facet_items(window) if i.data(CountRole) < before)
    facet, value = item.data(FacetRole)
    count = item.data(CountRole)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        item.setCheckState(Qt.CheckState.Checked)
    assert window.model.total == count
    assert window.filter_panel.filters() == {facet: [value]}
    assert window.filter_panel.clear_button.isEnabled()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.filter_panel.clear_button.click()
    assert window.model.total == before
    assert window.filter_panel.filters() == {}


def test_opening_a_story_marks_hits_and_f3_steps_through_them(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "马家柚")
    first = window.model.index(0, 0).data(IdRole)
    assert window.reading.story is not None and window.reading.story.id == first
    story = window.index.get(first)
    assert window.reading.plain_text().startswith(story.title)
    hits = window.reading.hit_texts()
    assert hits and all(fold(h) == "马家柚" for h in hits)
    assert window.reading.current == 0  # the first hit is shown
    if len(hits) > 1:
        qtbot.keyClick(window, Qt.Key.Key_F3)
        assert window.reading.current == 1
        qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
        assert window.reading.current == 0


def test_arrow_keys_in_the_results_open_the_next_story(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    assert window.model.rowCount() >= 2
    window.results_view.setFocus()
    second = window.model.index(1, 0).data(IdRole)
    qtbot.keyClick(window.results_view, Qt.Key.Key_Down)
    assert window.reading.story.id == second


def test_script_toggle_converts_results_and_story_live_and_keeps_hits(qtbot, library, make_window, settings):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    window.script_actions["zh-hant"].trigger()
    assert "饒" in window.reading.plain_text()
    assert "饶" not in window.reading.plain_text()
    hits = window.reading.hit_texts()
    assert hits and set(hits) == {"上饒"}
    title = window.model.index(0, 0).data()
    assert title == window.model.index(0, 0).data()  # stable
    assert settings.script == "zh-hant"
    window.set_script("zh-hans")
    assert "饶" in window.reading.plain_text()


def test_importing_a_folder_reports_progress_and_makes_it_searchable(qtbot, library, make_window, tmp_path):
    window = make_window(library)
    before = window.index.count()
    folder = tmp_path / "more"
    folder.mkdir()
    for i in range(3):
        (folder / f"page{i}.txt").write_text(
            f"来源: 测试日报\n2024-06-0{i + 1}\n\n试验田里的鲟鱼第{i}号报道\n\n"
            f"  本报讯 今年试验田里的鲟鱼长势良好，第{i}号记者报道。\n\n  农户说，鲟鱼养殖带来了新收入。\n",
            encoding="utf-8",
        )
    progress = []
    window.import_progress.bar.valueChanged.connect(progress.append)
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.imports.import_paths([folder])
    report = blocker.args[0]
    assert not isinstance(report, str), report
    assert report.added == 3 and not report.failed
    assert progress and max(progress) == 3
    assert window.index.count() > before
    assert not window.import_progress.isVisible()
    type_query(qtbot, window, "鲟鱼")
    # the three pages print one text (a character apart): one row for their reprint group by default
    assert window.model.total == 1 and window.model.hit(0).group_size == 3
    window.filter_panel.all_copies.setChecked(True)  # every copy listed
    assert window.model.total == 3


def test_import_runs_in_the_background_and_the_window_stays_usable(
    qtbot, library, settings, make_window, tmp_path
):
    runner = Runner()
    window = make_window(library, runner=runner)
    folder = tmp_path / "bg"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "来源: 测试\n\n后台导入的报道\n\n  后台导入时窗口仍可用。\n", encoding="utf-8"
    )
    with qtbot.waitSignal(window.import_done, timeout=60000):
        window.imports.import_paths([folder])
        assert window.importing()
        assert window.import_progress.isVisible()
        type_query(qtbot, window, "上饶")  # searching while importing
    assert not window.importing()
    runner.wait(5000)


def test_bookmark_star_filter_and_note(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    story_id = window.reading.story.id
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.userdata.is_bookmarked(story_id)
    assert window.reading.star.isChecked()
    assert window.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3) is True
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.filter_panel.bookmarked.setChecked(True)
    assert window.model.total == 1
    assert window.model.index(0, 0).data(IdRole) == story_id
    window.reading.note_btn.setChecked(True)
    window.reading.note.edit.setPlainText("要核对数字")
    window.reading.note.save()
    assert window.userdata.note(story_id) == "要核对数字"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not window.userdata.is_bookmarked(story_id)


def test_collections_filter_results(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "")
    ids = [window.model.index(i, 0).data(IdRole) for i in range(2)]
    window.userdata.add_to_collection("上饶专题", ids)
    window.userdata_actions.refresh_user_data()
    item = window.filter_panel.collections.item(0)
    assert item.text() == "上饶专题 (2)"
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        item.setCheckState(Qt.CheckState.Checked)
    assert window.model.total == 2
    assert {window.model.index(i, 0).data(IdRole) for i in range(2)} == set(ids)
    # Removing the selected story from the ticked collection shows the rest.
    view = window.results_view
    view.selectionModel().select(window.model.index(0, 0), view.selectionModel().SelectionFlag.ClearAndSelect)
    gone = window.model.index(0, 0).data(IdRole)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.userdata_actions.remove_selection_from_collection("上饶专题")
    assert window.model.total == 1
    assert window.userdata.collection_ids("上饶专题") == [i for i in ids if i != gone]
    assert window.filter_panel.collections.item(0).text() == "上饶专题 (1)"


def test_window_state_script_theme_and_query_persist(qtbot, library, make_window, tmp_path):
    path = tmp_path / "persist.ini"
    first = make_window(library, window_settings=Settings(path))
    type_query(qtbot, first, "马家柚")
    first.set_script("zh-tw")
    first.apply_theme("dark")
    first.resize(760, 560)  # the offscreen screen is 800×600; restoreGeometry keeps windows on screen
    first.splitter.setSizes([150, 250, 350])
    sizes = first.splitter.sizes()
    first.close()
    again = Settings(path)
    assert (again.script, again.theme, again.last_query) == ("zh-tw", "dark", "马家柚")
    assert again.splitter == sizes
    second = make_window(library, window_settings=again)
    assert second.search_bar.text() == "马家柚"
    assert second.script == "zh-tw" and second.script_actions["zh-tw"].isChecked()
    assert second.splitter.sizes() == sizes
    assert second.size().width() == 760
    second.apply_theme("light")


def test_search_history_is_offered_by_the_completer(qtbot, library, make_window, settings):
    window = make_window(library)
    window.search_bar.edit.setText("邮政")
    qtbot.keyClick(window.search_bar.edit, Qt.Key.Key_Return)
    assert settings.history[0] == "邮政"
    assert "邮政" in window.search_bar.edit.completer().model().stringList()


def test_shortcuts_focus_search_and_find(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    window.results_view.setFocus()
    window.findChild(type(window.dark_action), "focusSearch").trigger()
    assert QApplication.focusWidget() is window.search_bar.edit or window.search_bar.edit.hasFocus()
    window.findChild(type(window.dark_action), "find").trigger()
    assert window.reading.find_bar.isVisible()


def test_first_run_imports_the_bundled_archive(qtbot, home, make_window):
    window = make_window(home)
    assert window.index.count() == 0
    with qtbot.waitSignal(window.import_done, timeout=120000) as blocker:
        window.start()
    assert not isinstance(blocker.args[0], str)
    assert window.index.count() > 0
    qtbot.waitUntil(lambda: window.model.total == window.index.count(), timeout=5000)


def test_my_tags_are_added_hidden_and_become_filters(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    story_id = window.reading.story.id
    with qtbot.waitSignal(window.results_shown, timeout=10000):
        window.userdata_actions.add_user_tag("待核实")
    assert "user:待核实" in window.index.get(story_id).tags
    assert "待核实" in window.reading.tags_label.text()
    counts = {item.data(FacetRole): item.data(CountRole) for item in facet_items(window)}
    assert counts[("tag", "user:待核实")] == 1
    auto = next(t for t in window.index.get(story_id).tags if not t.startswith("user:"))
    with qtbot.waitSignal(window.results_shown, timeout=10000):
        window.userdata_actions.hide_tag(auto)
    assert auto not in window.index.get(story_id).tags
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.filter_panel.model.set_checked("tag", "user:待核实", True)
    assert window.model.total == 1


def test_clicking_the_star_in_the_results_bookmarks_that_story(qtbot, library, make_window):
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = make_window(library)
    type_query(qtbot, window, "上饶")
    view = window.results_view
    index = window.model.index(1, 0)
    opt = QStyleOptionViewItem()
    view.initViewItemOption(opt)
    star = view.delegate.star_rect(view.visualRect(index), view.delegate._fonts(opt)[0])
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star.center())
    assert window.userdata.is_bookmarked(index.data(IdRole))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star.center())
    assert not window.userdata.is_bookmarked(index.data(IdRole))


def test_escape_closes_find_in_story(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reading.find_bar.isVisible()
    qtbot.keyClick(window.reading.find_edit, Qt.Key.Key_Escape)
    assert not window.reading.find_bar.isVisible()


def test_bookmarks_whose_story_is_gone_are_counted_not_dropped(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "")
    real = window.model.index(0, 0).data(IdRole)
    window.userdata.add_bookmark(real)
    window.userdata.add_bookmark("0123456789abcdef")  # its file was deleted since
    window.userdata_actions.refresh_user_data()
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.filter_panel.bookmarked.setChecked(True)
    assert window.model.total == 1
    assert "1 chosen stories are no longer in the library" in window.search_bar.notes.text()
    assert window.userdata.is_bookmarked("0123456789abcdef")


def test_results_of_an_older_search_arriving_late_are_dropped(qtbot, library, make_window):
    from tests.helpers.gui import ManualRunner

    runner = ManualRunner()
    window = make_window(library, runner=runner)
    window.search_bar.set_text("马家柚", search=False)
    window.search_now()
    window.search_bar.set_text("上饶", search=False)
    window.search_now()
    old, new = runner.jobs[-2], runner.jobs[-1]
    new.run()
    expected = window.index.search(SearchRequest(query="上饶")).total
    assert window.model.total == expected
    old.run()  # the slower, older search finishes last
    assert window.model.total == expected
    assert window.results.terms == window.index.search(SearchRequest(query="上饶")).terms


def test_cancel_stops_an_import_and_the_window_carries_on(qtbot, library, make_window, tmp_path):
    runner = Runner()
    window = make_window(library, runner=runner)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"p{i:02d}.txt").write_text(
            f"来源: 测试\n\n取消测试第{i}篇\n\n  这是第{i}篇用来测试取消导入的报道。\n", encoding="utf-8"
        )
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.imports.import_paths([folder])
        window.import_progress.cancel.click()
    report = blocker.args[0]
    assert not isinstance(report, str), report
    assert getattr(report, "cancelled", False) or report.added < 40
    assert not window.importing() and not window.import_progress.isVisible()
    type_query(qtbot, window, "上饶")
    assert window.model.total > 0
    runner.wait(5000)


def test_down_arrow_in_the_empty_search_box_drops_down_the_history(qtbot, library, make_window, settings):
    settings.remember_query("上饶")
    settings.remember_query("马家柚")
    window = make_window(library)
    window.search_bar.edit.clear()
    window.search_bar.edit.setFocus()
    qtbot.keyClick(window.search_bar.edit, Qt.Key.Key_Down)
    popup = window.search_bar.edit.completer().popup()
    assert popup.isVisible()
    assert popup.model().rowCount() == 2


def test_refreshing_results_during_an_import_keeps_the_story_being_read(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    second = window.model.index(1, 0).data(IdRole)
    window.results_view.setCurrentIndex(window.model.index(1, 0))
    assert window.reading.story.id == second
    shown = []
    window.story_shown.connect(shown.append)
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.search_now(keep_story=True)
    qtbot.wait(20)
    assert window.reading.story.id == second and shown == []
    assert window.results_view.currentIndex().row() == 1


def test_the_filter_box_finds_facet_values_beyond_the_top_ones_in_any_script(qtbot, library, make_window):
    from reader.gui.models import facets as facet_module

    window = make_window(library)
    type_query(qtbot, window, "")
    all_tags = [v for v, _c in window.results.facets["tag"]]
    label = next(v for v in all_tags if v.startswith("place:")).split(":", 1)[1]
    from reader.text.convert import convert

    window.filter_panel.filter_edit.setText(convert(label, "zh-hant"))  # typed in traditional
    shown = [item.data(FacetRole)[1] for item in facet_items(window)]
    assert shown and all(label in v or convert(label, "zh-hant") in v or v.endswith(label) for v in shown)
    assert f"place:{label}" in shown
    window.filter_panel.filter_edit.clear()
    groups = {}
    for item in facet_items(window):
        groups.setdefault(item.parent().data(Qt.ItemDataRole.UserRole + 21), []).append(item)
    assert all(len(items) <= facet_module.MAX_VALUES for items in groups.values())


def test_window_shortcuts_work_while_typing_in_the_search_box(qtbot, library, make_window, monkeypatch):
    from reader.gui.dialogs.export import ExportDialog

    opened = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_window(library)
    type_query(qtbot, window, "马家柚")
    story = window.reading.story.id
    window.search_bar.edit.setFocus()
    qtbot.waitUntil(window.search_bar.edit.hasFocus, timeout=2000)
    qtbot.keyClick(window.search_bar.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1  # Ctrl+E is export, not "end of line"
    qtbot.keyClick(window.search_bar.edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.userdata.is_bookmarked(story)  # Ctrl+D is bookmark, not "delete character"
    assert window.search_bar.text() == "马家柚"


def test_an_index_reset_by_a_new_format_is_rebuilt_from_its_folders_on_start(
    qtbot, library, make_window, monkeypatch, tmp_path
):
    """After an upgrade that changes the index format, the app re-imports every folder imported before
    (the user's own folders: here the bundled archive stands for one, and no bundled archive exists)."""
    from reader import paths
    from reader.app import open_library
    from reader.index.archive import VERSION_FILE

    monkeypatch.setattr(paths, "bundled_archive", lambda: tmp_path / "no-bundled-archive")

    index, _ud = open_library(library)
    before = index.count()
    (index.dir / VERSION_FILE).unlink()  # an index written before format versions: reset on open
    index.close()
    window = make_window(library)
    assert window.index.rebuild_pending and window.index.count() == 0
    with qtbot.waitSignal(window.import_done, timeout=60000):
        window.start()
    qtbot.waitUntil(lambda: window.index.count() == before, timeout=10000)
    assert not window.index.rebuild_pending


def test_after_an_import_failed_and_skipped_files_are_listed_for_the_user(
    qtbot, library, make_window, tmp_path
):
    window = make_window(library)
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("来源: 测试\n\n导入清单的报道\n\n  正文一段。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    with qtbot.waitSignal(window.import_done, timeout=60000) as blocker:
        window.imports.import_paths([folder])
    report = blocker.args[0]
    assert sorted(Path(p).name for p in report.skipped) == ["photo.png", "scan.pdf"]
    message = window.statusBar().currentMessage()
    assert "1 failed" in message and "2 skipped" in message, message
    assert message.startswith(
        "Imported 1 story. Files: 1 added"
    )  # stories counted as stories, files as files
    button = window.import_problems_button
    assert button.isVisible()
    dialog = window.imports.show_problems()
    text = dialog.text()
    assert "empty.txt" in text and "empty file" in text
    assert "photo.png" in text and "scan.pdf" in text
    dialog.close()


def test_no_results_says_what_to_try_and_clears_the_reading_pane(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    assert window.reading.story is not None
    type_query(qtbot, window, "没有这样的词语组合")
    assert window.model.total == 0
    assert window.reading.story is None
    hint = window.results_view.empty_text
    assert "没有这样的词语组合" in hint and "shorter" in hint.lower()
    window.filter_panel.model.set_checked("tag", "place:上饶", True)
    type_query(qtbot, window, "另一个找不到的说法")
    assert "filter" in window.results_view.empty_text.lower()
    type_query(qtbot, window, "上饶")
    assert window.results_view.empty_text == ""


def test_counts_read_1_story_not_1_stories(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "上饶")
    window.results_view.setCurrentIndex(window.model.index(0, 0))
    window.userdata_actions.add_selection_to_collection("单篇")
    message = window.statusBar().currentMessage()
    assert "1 story" in message and "1 stories" not in message
    from reader.gui.dialogs.importreport import ImportReportDialog
    from reader.index import ImportReport, Problem

    dialog = ImportReportDialog(ImportReport(failed=[Problem("a.txt", "empty file")], skipped=["b.png"]))
    qtbot.addWidget(dialog)
    assert "1 file could not be imported" in dialog.text() and "1 file was skipped" in dialog.text()


def test_after_ticking_a_place_the_other_places_stay_listed_with_their_counts(qtbot, library, make_window):
    window = make_window(library)
    type_query(qtbot, window, "")
    places = {
        v: c
        for (f, v), c in ((i.data(FacetRole), i.data(CountRole)) for i in facet_items(window))
        if f == "tag" and v.startswith("place:")
    }
    assert "place:江西" in places and len(places) >= 3
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.filter_panel.model.set_checked("tag", "place:江西", True)
    after = {
        v: c
        for (f, v), c in ((i.data(FacetRole), i.data(CountRole)) for i in facet_items(window))
        if f == "tag" and v.startswith("place:")
    }
    assert window.model.total == places["place:江西"]
    top = sorted(places, key=lambda v: -places[v])[:10]
    for value in top:
        assert after.get(value) == places[value], value  # still listed, with the count it would add
